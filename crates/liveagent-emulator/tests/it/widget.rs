//! The web-widget API through the native client: the visitor's session (opened on first use,
//! resumed by a returning visitor), messages with their cursors, the conversation's actions,
//! the contact, labels, events, campaigns; identities, new conversations, ending and uploads in
//! `widget_identity`.

use crate::support::{Emu, status};
use futures_util::StreamExt;
use liveagent::api::*;
use liveagent::models::*;
use serde_json::{Map, Value, json};

pub(crate) fn object(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

async fn texts(visitor: &liveagent::Client) -> Vec<String> {
    visitor
        .list_widget_messages(ListWidgetMessagesParams::new())
        .await
        .unwrap()
        .payload
        .iter()
        .map(|m| m.content.clone().unwrap_or_default())
        .collect()
}

/// A visitor the flow has been through the conversation rows with.
pub(crate) struct Visit {
    pub website_token: String,
    pub visitor: liveagent::Client,
    pub me: liveagent::Id,
    pub display_id: liveagent::Id,
    pub token: liveagent::Secret,
}

pub(crate) async fn widget(emu: &Emu) {
    let website_token = emu.website_token();
    let web_inbox = emu.info("/web_widget/inbox_id").as_u64().unwrap();
    let admin = emu.user("admin");
    let visitor = emu.visitor(&website_token, None);

    // The inbox-only rows need no session and open none.
    let campaigns = visitor
        .list_widget_campaigns(ListWidgetCampaignsParams::new())
        .await
        .unwrap();
    assert_eq!(campaigns.len(), 1);
    assert_eq!(campaigns[0].id.0, 1);
    assert!(campaigns[0].sender.is_some());
    let agents = visitor
        .list_widget_inbox_members(ListWidgetInboxMembersParams::new())
        .await
        .unwrap();
    assert_eq!(agents.payload.len(), 1);
    assert_eq!(agents.payload[0].name(), "John Agent");
    assert!(visitor.widget_token().is_none());

    // The first call that needs a visitor opens the session.
    let nothing = visitor
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    assert!(nothing.id.is_none(), "no conversation yet: {{}}");
    let token = visitor.widget_token().expect("the session was opened");
    let me = visitor
        .get_widget_contact(GetWidgetContactParams::new())
        .await
        .unwrap();
    assert!(!me.has_email() && me.has_name() && me.identifier.is_none());
    let none = visitor
        .list_widget_messages(ListWidgetMessagesParams::new())
        .await
        .unwrap();
    assert!(none.payload.is_empty());
    assert!(none.meta().unwrap().contact_last_seen_at.is_none());
    let config = visitor
        .create_widget_config(CreateWidgetConfigParams::new().locale("de"))
        .await
        .unwrap();
    let channel = config.website_channel_config().unwrap();
    assert_eq!(channel.website_token(), website_token);
    assert_eq!(channel.welcome_title.as_deref(), Some("Hi there!"));
    assert!(
        channel
            .enabled_features
            .iter()
            .any(|f| f == "end_conversation")
    );
    assert_eq!(channel.working_hours.len(), 7);
    assert_eq!(
        config.contact().unwrap().id,
        Some(me.id),
        "a valid token keeps the visitor"
    );

    // The first message starts a conversation with its attributes and existing labels; the
    // inbox asks for an email.
    let first = visitor
        .create_widget_message(
            CreateWidgetMessageParams::new(
                WidgetMessageInput::new()
                    .content("Do you ship to Norway?")
                    .referer_url("https://acme.example/pricing"),
            )
            .custom_attributes(object(json!({"order_id": "A-1"})))
            .labels(vec!["vip".to_owned(), "no-such-label".to_owned()]),
        )
        .await
        .unwrap();
    let conversation = visitor
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    let display_id = conversation.id.unwrap();
    assert_eq!(first.conversation_id(), Some(display_id));
    assert_eq!(conversation.status, Some(ConversationStatus::Open));
    assert_eq!(conversation.inbox_id, Some(liveagent::Id(web_inbox)));
    let seen = admin
        .get_conversation(GetConversationParams::new(display_id))
        .await
        .unwrap();
    assert_eq!(seen.labels, vec!["vip".to_owned()]);
    assert_eq!(seen.custom_attributes.get("order_id"), Some(&json!("A-1")));
    let listed = visitor
        .list_widget_messages(ListWidgetMessagesParams::new())
        .await
        .unwrap()
        .payload;
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].id, first.id);
    assert_eq!(listed[1].message_type(), Some(&MessageType::Template));
    assert_eq!(listed[2].content_type(), Some(&ContentType::InputEmail));
    let ask_email = listed[2].id;

    // A later message joins the same conversation; its attributes and labels are ignored.
    visitor
        .create_widget_message(
            CreateWidgetMessageParams::new(WidgetMessageInput::new().content("Hello?"))
                .labels(vec!["bug".to_owned()]),
        )
        .await
        .unwrap();
    // An agent's reply shows; a private note does not.
    let reply = admin
        .create_message(CreateMessageParams::new(display_id).content("Yes, we do!"))
        .await
        .unwrap();
    admin
        .create_message(
            CreateMessageParams::new(display_id)
                .content("internal: VIP")
                .private(true),
        )
        .await
        .unwrap();
    let answer = visitor
        .create_widget_message(CreateWidgetMessageParams::new(
            WidgetMessageInput::new()
                .content("Great")
                .reply_to(reply.id),
        ))
        .await
        .unwrap();
    assert_eq!(
        answer.content_attributes.get("in_reply_to"),
        Some(&json!(reply.id.0))
    );
    let chat = texts(&visitor).await;
    assert!(chat.contains(&"Yes, we do!".to_owned()));
    assert!(!chat.iter().any(|t| t.starts_with("internal")));
    let labels = admin
        .get_conversation(GetConversationParams::new(display_id))
        .await
        .unwrap()
        .labels;
    assert_eq!(labels, vec!["vip".to_owned()]);

    // Cursors: the latest 20, 20 before, 100 after; paginating walks back to the first.
    for i in 0..20 {
        visitor
            .create_widget_message(CreateWidgetMessageParams::new(
                WidgetMessageInput::new().content(format!("line {i}")),
            ))
            .await
            .unwrap();
    }
    let total = 3 + 3 + 20; // first, 2 templates; hello, reply, great; 20 lines
    let latest = visitor
        .list_widget_messages(ListWidgetMessagesParams::new())
        .await
        .unwrap()
        .payload;
    assert_eq!(latest.len(), 20);
    assert!(
        latest.windows(2).all(|w| w[0].id.0 < w[1].id.0),
        "oldest first"
    );
    assert_eq!(latest[19].content.as_deref(), Some("line 19"));
    let older = visitor
        .list_widget_messages(ListWidgetMessagesParams::new().before(latest[0].id))
        .await
        .unwrap()
        .payload;
    assert_eq!(older.len(), total - 20);
    assert_eq!(older[0].id, first.id);
    let newer = visitor
        .list_widget_messages(ListWidgetMessagesParams::new().after(latest[17].id))
        .await
        .unwrap()
        .payload;
    assert_eq!(newer.len(), 2);
    let between = visitor
        .list_widget_messages(
            ListWidgetMessagesParams::new()
                .after(older[1].id)
                .before(older[3].id),
        )
        .await
        .unwrap()
        .payload;
    assert_eq!(between.len(), 2, "after is inclusive when both are given");
    let all: Vec<_> = visitor
        .paginate(ListWidgetMessagesParams::new())
        .collect()
        .await;
    assert_eq!(all.len(), total);

    // A returning visitor resumes the contact and the conversation; a new one is someone else.
    let returning = emu.visitor(&website_token, Some(token.expose()));
    let again = returning
        .get_widget_contact(GetWidgetContactParams::new())
        .await
        .unwrap();
    assert_eq!(again.id, me.id);
    let resumed = returning
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    assert_eq!(resumed.id, Some(display_id));
    let stranger = emu.visitor(&website_token, None);
    let other = stranger
        .get_widget_contact(GetWidgetContactParams::new())
        .await
        .unwrap();
    assert_ne!(other.id, me.id);

    // Read state, typing, transcript.
    visitor
        .update_widget_last_seen(UpdateWidgetLastSeenParams::new())
        .await
        .unwrap();
    let read = visitor
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    assert!(read.contact_last_seen_at.unwrap().as_secs() > 0);
    visitor
        .toggle_widget_typing(ToggleWidgetTypingParams::new(TypingStatus::On))
        .await
        .unwrap();
    let no_conversation = stranger
        .toggle_widget_typing(ToggleWidgetTypingParams::new(TypingStatus::On))
        .await;
    assert_eq!(status(no_conversation), 404);
    assert_eq!(
        status(
            stranger
                .send_widget_transcript(SendWidgetTranscriptParams::new())
                .await
        ),
        429
    );
    visitor
        .send_widget_transcript(SendWidgetTranscriptParams::new())
        .await
        .unwrap();

    // Conversation custom attributes: set replaces, destroy removes keys.
    visitor
        .set_widget_conversation_custom_attributes(
            SetWidgetConversationCustomAttributesParams::new(object(
                json!({"plan": "pro", "step": "2"}),
            )),
        )
        .await
        .unwrap();
    let replaced = admin
        .get_conversation(GetConversationParams::new(display_id))
        .await
        .unwrap()
        .custom_attributes;
    assert_eq!(replaced, object(json!({"plan": "pro", "step": "2"})));
    let record = visitor
        .delete_widget_conversation_custom_attributes(
            DeleteWidgetConversationCustomAttributesParams::new(vec!["step".to_owned()]),
        )
        .await
        .unwrap();
    assert_eq!(record.display_id(), Some(display_id));
    assert_eq!(record.custom_attributes, object(json!({"plan": "pro"})));
    let missing = stranger
        .set_widget_conversation_custom_attributes(
            SetWidgetConversationCustomAttributesParams::new(Map::new()),
        )
        .await;
    assert_eq!(status(missing), 404);

    // Labels: existing titles only.
    for title in ["billing", "no-such-label"] {
        visitor
            .add_widget_label(AddWidgetLabelParams::new(title))
            .await
            .unwrap();
    }
    visitor
        .remove_widget_label(RemoveWidgetLabelParams::new("vip"))
        .await
        .unwrap();
    let labels = admin
        .get_conversation(GetConversationParams::new(display_id))
        .await
        .unwrap()
        .labels;
    assert_eq!(labels, vec!["billing".to_owned()]);

    // The contact: an invalid email is dropped, attributes merge and can be removed.
    let updated = visitor
        .update_widget_contact(
            UpdateWidgetContactParams::new()
                .name("Nora Visitor")
                .email("not-an-email")
                .custom_attributes(object(json!({"plan": "pro", "tier": "gold"}))),
        )
        .await
        .unwrap();
    assert_eq!(updated.id, me.id);
    assert!(!updated.has_email());
    let contact = visitor
        .delete_widget_contact_custom_attributes(DeleteWidgetContactCustomAttributesParams::new(
            vec!["tier".to_owned()],
        ))
        .await
        .unwrap();
    assert_eq!(contact.name.as_deref(), Some("Nora Visitor"));
    assert_eq!(contact.custom_attributes, object(json!({"plan": "pro"})));

    // Answering the email request sets the contact's email; another visitor cannot answer it.
    let answered = visitor
        .update_widget_message(
            UpdateWidgetMessageParams::new(ask_email)
                .contact(WidgetContactInput::new().email("Nora@Example.com")),
        )
        .await
        .unwrap();
    assert_eq!(
        answered.contact().unwrap().email.as_deref(),
        Some("nora@example.com")
    );
    let asked = visitor
        .list_widget_messages(ListWidgetMessagesParams::new().before(older[3].id))
        .await
        .unwrap()
        .payload;
    let asked = asked.iter().find(|m| m.id == ask_email).unwrap();
    assert_eq!(
        asked.content_attributes.get("submitted_email"),
        Some(&json!("nora@example.com"))
    );
    let foreign = stranger
        .update_widget_message(
            UpdateWidgetMessageParams::new(ask_email)
                .contact(WidgetContactInput::new().email("x@example.com")),
        )
        .await;
    assert_eq!(status(foreign), 404);

    // Events: the widget opened; a campaign fired for a visitor without conversations.
    visitor
        .create_widget_event(
            CreateWidgetEventParams::new("webwidget.triggered")
                .event_info(object(json!({"referer": "https://acme.example/"}))),
        )
        .await
        .unwrap();
    stranger
        .create_widget_event(
            CreateWidgetEventParams::new("campaign.triggered")
                .event_info(object(json!({"campaign_id": 1}))),
        )
        .await
        .unwrap();
    let campaign = stranger
        .list_widget_messages(ListWidgetMessagesParams::new())
        .await
        .unwrap()
        .payload;
    assert_eq!(campaign.len(), 1);
    assert_eq!(campaign[0].message_type(), Some(&MessageType::Outgoing));
    assert_eq!(campaign[0].content, campaigns[0].message.clone());

    let visit = Visit {
        website_token,
        visitor,
        me: me.id,
        display_id,
        token,
    };
    crate::widget_identity::identity(emu, visit).await;
}

#[tokio::test]
async fn widget_flow() {
    widget(&Emu::start().await).await;
}
