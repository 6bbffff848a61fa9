//! Account API flows: conversations and messages, contacts, people, settings.

use crate::support::{Emu, status};
use futures_util::StreamExt;
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;

pub(crate) async fn conversations(emu: &Emu) {
    let admin = emu.user("admin");
    let counts = admin
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap()
        .meta
        .unwrap();
    assert_eq!(
        (
            counts.all_count(),
            counts.unassigned_count(),
            counts.assigned_count()
        ),
        (3, 1, 2),
        "seeded open conversations"
    );

    let all = admin
        .list_conversations(ListConversationsParams::new().status("all"))
        .await
        .unwrap()
        .data;
    assert_eq!(all.meta().unwrap().all_count(), 6);
    assert_eq!(all.payload.len(), 6);
    let streamed: Vec<_> = admin
        .paginate(ListConversationsParams::new().status("all"))
        .collect()
        .await;
    assert_eq!(streamed.len(), 6);

    // A contact writes in through the API inbox.
    let contact = admin
        .create_contact(
            CreateContactParams::new()
                .name("Flow Person")
                .email("flow@example.com")
                .inbox_id(emu.inbox_id()),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .contact
        .unwrap();
    let created = admin
        .create_conversation(
            CreateConversationParams::new()
                .inbox_id(emu.inbox_id())
                .contact_id(contact.id)
                .message(
                    NewConversationMessage::new("Where is my order?")
                        .message_type(MessageType::Incoming),
                ),
        )
        .await
        .unwrap();
    assert_eq!(created.status, Some(ConversationStatus::Open));
    assert_eq!(
        created.messages[0].message_type,
        Some(MessageType::Incoming)
    );
    let id = created.id;
    let fetched = admin
        .get_conversation(GetConversationParams::new(id))
        .await
        .unwrap();
    assert_eq!(fetched.uuid, created.uuid);

    let mut last = 0;
    for i in 0..25 {
        last = admin
            .create_message(
                CreateMessageParams::new(id)
                    .content(format!("reply {i}"))
                    .echo_id(format!("e{i}")),
            )
            .await
            .unwrap()
            .id
            .get();
    }
    let page = admin
        .list_messages(ListMessagesParams::new(id))
        .await
        .unwrap();
    assert_eq!(page.payload.len(), 20, "the latest 20");
    assert_eq!(page.payload.last().unwrap().id.get(), last);
    let older = admin
        .list_messages(ListMessagesParams::new(id).before(page.payload[0].id))
        .await
        .unwrap();
    assert_eq!(older.payload.len(), 6, "the first message and five replies");
    let every: Vec<_> = admin.paginate(ListMessagesParams::new(id)).collect().await;
    assert_eq!(every.len(), 26);
    assert_eq!(every[0].as_ref().unwrap().id.get(), last, "newest first");
    let deleted = admin
        .delete_message(DeleteMessageParams::new(id, last))
        .await
        .unwrap();
    assert_eq!(deleted.content_attributes["deleted"], json!(true));

    let agents = admin.list_agents(ListAgentsParams::new()).await.unwrap();
    let john = agents.iter().find(|a| a.name() == "John Agent").unwrap();
    let assigned = admin
        .assign_conversation(AssignConversationParams::new(id).assignee_id(john.id))
        .await
        .unwrap();
    assert!(matches!(assigned, Some(Assignment::Agent(ref a)) if a.id == john.id));
    let teams = admin.list_teams(ListTeamsParams::new()).await.unwrap();
    let team = admin
        .assign_conversation(AssignConversationParams::new(id).team_id(teams[0].id))
        .await
        .unwrap();
    assert!(matches!(team, Some(Assignment::Team(_))));
    let unassigned = admin
        .assign_conversation(AssignConversationParams::new(id).assignee_id(999_999u64))
        .await
        .unwrap();
    assert_eq!(unassigned, None);

    let labels = admin
        .add_conversation_labels(AddConversationLabelsParams::new(id, ["billing", "vip"]))
        .await
        .unwrap();
    assert_eq!(labels.payload, ["billing", "vip"]);
    assert_eq!(
        admin
            .list_conversation_labels(ListConversationLabelsParams::new(id))
            .await
            .unwrap()
            .payload,
        ["billing", "vip"]
    );
    admin
        .update_conversation(UpdateConversationParams::new(id).priority(ConversationPriority::High))
        .await
        .unwrap();
    admin
        .toggle_conversation_priority(
            ToggleConversationPriorityParams::new(id).priority(ConversationPriority::Urgent),
        )
        .await
        .unwrap();
    admin
        .toggle_typing_status(ToggleTypingStatusParams::new(id, TypingStatus::On))
        .await
        .unwrap();
    let attrs = admin
        .update_conversation_custom_attributes(UpdateConversationCustomAttributesParams::new(
            id,
            json!({"order_id": "A-1"}).as_object().unwrap().clone(),
        ))
        .await
        .unwrap();
    assert_eq!(attrs.custom_attributes["order_id"], "A-1");

    let snoozed = admin
        .toggle_conversation_status(
            ToggleConversationStatusParams::new(id)
                .status(ConversationStatus::Snoozed)
                .snoozed_until(liveagent::Timestamp::from_secs(4_102_444_800)),
        )
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(snoozed.current_status, Some(ConversationStatus::Snoozed));
    assert_eq!(
        snoozed.snoozed_until.map(|t| t.as_secs()),
        Some(4_102_444_800)
    );
    let resolved = admin
        .toggle_conversation_status(
            ToggleConversationStatusParams::new(id).status(ConversationStatus::Resolved),
        )
        .await
        .unwrap();
    assert_eq!(
        resolved.payload().and_then(|p| p.current_status()),
        Some(&ConversationStatus::Resolved)
    );
    let events = admin
        .list_conversation_reporting_events(ListConversationReportingEventsParams::new(id))
        .await
        .unwrap();
    assert!(events.iter().any(|e| e.name() == "conversation_resolved"));
    assert!(events.iter().any(|e| e.name() == "first_response"));

    let found = admin
        .search_conversations(SearchConversationsParams::new().q("order"))
        .await
        .unwrap();
    assert!(found.payload.iter().any(|c| c.id == id));
    let filtered = admin
        .filter_conversations(FilterConversationsParams::new(vec![FilterCondition::new(
            "status",
            "equal_to",
            json!(["resolved"]),
        )]))
        .await
        .unwrap();
    assert!(
        filtered
            .payload
            .iter()
            .all(|c| c.status == Some(ConversationStatus::Resolved))
    );
    assert!(filtered.payload.iter().any(|c| c.id == id));
    let bad = admin
        .filter_conversations(FilterConversationsParams::new(vec![FilterCondition::new(
            "nope",
            "equal_to",
            json!(["x"]),
        )]))
        .await;
    assert_eq!(status(bad), 422);
    assert_eq!(
        status(
            admin
                .get_conversation(GetConversationParams::new(424_242u64))
                .await
        ),
        404
    );
}

pub(crate) async fn contacts(emu: &Emu) {
    let admin = emu.user("admin");
    let listed = admin
        .list_contacts(ListContactsParams::new().sort("name"))
        .await
        .unwrap();
    assert_eq!(listed.meta().unwrap().count(), 5);
    assert_eq!(listed.payload[0].name.as_deref(), Some("Bob Stone"));
    let page2 = admin
        .list_contacts(ListContactsParams::new().page(2))
        .await
        .unwrap();
    assert_eq!(
        page2.meta().unwrap().current_page(),
        2,
        "the string page number is read as a number"
    );
    let created = admin
        .create_contact(
            CreateContactParams::new()
                .name("Zed Zulu")
                .email("zed@example.com")
                .phone_number("+4915112345678"),
        )
        .await
        .unwrap()
        .payload
        .unwrap();
    assert!(created.contact_inbox().unwrap().inbox.is_none());
    let id = created.contact().unwrap().id;
    let duplicate = admin
        .create_contact(CreateContactParams::new().email("zed@example.com"))
        .await;
    assert_eq!(status(duplicate), 422);
    let updated = admin
        .update_contact(
            UpdateContactParams::new(id)
                .custom_attributes(json!({"plan": "pro"}).as_object().unwrap().clone()),
        )
        .await
        .unwrap();
    assert_eq!(updated.payload().unwrap().custom_attributes["plan"], "pro");
    assert_eq!(
        admin
            .get_contact(GetContactParams::new(id))
            .await
            .unwrap()
            .payload
            .unwrap()
            .email
            .as_deref(),
        Some("zed@example.com")
    );
    let search = admin
        .search_contacts(SearchContactsParams::new("zulu"))
        .await
        .unwrap();
    assert_eq!(search.payload.len(), 1);
    assert_eq!(search.meta().unwrap().has_more, Some(false));
    let filtered = admin
        .filter_contacts(FilterContactsParams::new(vec![FilterCondition::new(
            "email",
            "contains",
            json!(["zed"]),
        )]))
        .await
        .unwrap();
    assert_eq!(filtered.payload.len(), 1);
    let inboxes = admin
        .list_contactable_inboxes(ListContactableInboxesParams::new(id))
        .await
        .unwrap();
    assert!(!inboxes.payload.is_empty());
    let ci = admin
        .create_contact_inbox(
            CreateContactInboxParams::new(id, emu.inbox_id()).source_id("zed-source"),
        )
        .await
        .unwrap();
    assert_eq!(ci.source_id(), "zed-source");
    assert_eq!(
        admin
            .add_contact_labels(AddContactLabelsParams::new(id, ["vip"]))
            .await
            .unwrap()
            .payload,
        ["vip"]
    );
    assert_eq!(
        admin
            .list_contact_labels(ListContactLabelsParams::new(id))
            .await
            .unwrap()
            .payload,
        ["vip"]
    );
    let jane = listed
        .payload
        .iter()
        .find(|c| c.name.as_deref() == Some("Jane Doe"))
        .unwrap()
        .id;
    let conversations = admin
        .list_contact_conversations(ListContactConversationsParams::new(jane))
        .await
        .unwrap();
    assert_eq!(conversations.payload.len(), 2);
    let merged = admin
        .merge_contacts(MergeContactsParams::new(jane, id))
        .await
        .unwrap();
    assert_eq!(merged.id, jane);
    assert_eq!(
        status(admin.get_contact(GetContactParams::new(id)).await),
        404,
        "the mergee is gone"
    );
    let agent = emu.user("agent");
    assert_eq!(
        status(agent.delete_contact(DeleteContactParams::new(jane)).await),
        401,
        "administrators only"
    );
    admin
        .delete_contact(DeleteContactParams::new(jane))
        .await
        .unwrap();
}

pub(crate) async fn people(emu: &Emu) {
    let admin = emu.user("admin");
    let agent = admin
        .create_agent(
            CreateAgentParams::new("new@acme.example")
                .name("New Agent")
                .role(Role::Agent),
        )
        .await
        .unwrap();
    assert!(!agent.confirmed());
    let promoted = admin
        .update_agent(
            UpdateAgentParams::new(agent.id)
                .role(Role::Administrator)
                .availability(Availability::Busy),
        )
        .await
        .unwrap();
    assert_eq!(promoted.role, Some(Role::Administrator));
    let team = admin
        .create_team(CreateTeamParams::new("Escalations").description("Hard cases"))
        .await
        .unwrap();
    assert_eq!(team.name(), "escalations", "stored lowercase");
    let updated = admin
        .update_team(UpdateTeamParams::new(team.id).allow_auto_assign(false))
        .await
        .unwrap();
    assert_eq!(updated.allow_auto_assign, Some(false));
    assert_eq!(
        admin
            .get_team(GetTeamParams::new(team.id))
            .await
            .unwrap()
            .id,
        team.id
    );
    let added = admin
        .add_team_members(AddTeamMembersParams::new(team.id, vec![agent.id]))
        .await
        .unwrap();
    assert_eq!(added.len(), 1);
    let set = admin
        .update_team_members(UpdateTeamMembersParams::new(team.id, vec![agent.id]))
        .await
        .unwrap();
    assert_eq!(set.len(), 1);
    assert_eq!(
        admin
            .list_team_members(ListTeamMembersParams::new(team.id))
            .await
            .unwrap()
            .len(),
        1
    );
    admin
        .remove_team_members(RemoveTeamMembersParams::new(team.id, vec![agent.id]))
        .await
        .unwrap();
    admin
        .delete_team(DeleteTeamParams::new(team.id))
        .await
        .unwrap();

    let channel = json!({"type": "api", "webhook_url": "http://127.0.0.1:9/hook"})
        .as_object()
        .unwrap()
        .clone();
    let inbox = admin
        .create_inbox(CreateInboxParams::new("Second API", channel))
        .await
        .unwrap();
    assert_eq!(inbox.channel_type, Some(ChannelType::Api));
    assert!(inbox.inbox_identifier.is_some());
    let renamed = admin
        .update_inbox(UpdateInboxParams::new(inbox.id).name("Renamed"))
        .await
        .unwrap();
    assert_eq!(renamed.name(), "Renamed");
    assert_eq!(
        admin
            .get_inbox(GetInboxParams::new(inbox.id))
            .await
            .unwrap()
            .name(),
        "Renamed"
    );
    assert!(
        admin
            .list_inboxes(ListInboxesParams::new())
            .await
            .unwrap()
            .payload
            .len()
            >= 3
    );
    let members = admin
        .add_inbox_members(AddInboxMembersParams::new(inbox.id, vec![agent.id]))
        .await
        .unwrap();
    assert_eq!(members.payload.len(), 1);
    admin
        .update_inbox_members(UpdateInboxMembersParams::new(inbox.id, vec![agent.id]))
        .await
        .unwrap();
    assert_eq!(
        admin
            .list_inbox_members(ListInboxMembersParams::new(inbox.id))
            .await
            .unwrap()
            .payload
            .len(),
        1
    );
    admin
        .remove_inbox_members(RemoveInboxMembersParams::new(inbox.id, vec![agent.id]))
        .await
        .unwrap();
    admin
        .delete_agent(DeleteAgentParams::new(agent.id))
        .await
        .unwrap();

    let bot = admin
        .create_agent_bot(
            CreateAgentBotParams::new()
                .name("Helper")
                .outgoing_url("http://127.0.0.1:9/b"),
        )
        .await
        .unwrap();
    assert!(bot.secret.is_some());
    let renamed = admin
        .update_agent_bot(UpdateAgentBotParams::new(bot.id).description("Helps"))
        .await
        .unwrap();
    assert_eq!(renamed.description.as_deref(), Some("Helps"));
    assert_eq!(
        admin
            .get_agent_bot(GetAgentBotParams::new(bot.id))
            .await
            .unwrap()
            .id,
        bot.id
    );
    assert!(
        admin
            .list_agent_bots(ListAgentBotsParams::new())
            .await
            .unwrap()
            .len()
            >= 2
    );
    let rotated = admin
        .reset_agent_bot_access_token(ResetAgentBotAccessTokenParams::new(bot.id))
        .await
        .unwrap();
    assert_ne!(rotated.access_token, bot.access_token);
    let secret = admin
        .reset_agent_bot_secret(ResetAgentBotSecretParams::new(bot.id))
        .await
        .unwrap();
    assert_ne!(secret.secret, bot.secret);
    admin
        .delete_agent_bot_avatar(DeleteAgentBotAvatarParams::new(bot.id))
        .await
        .unwrap();
    admin
        .delete_agent_bot(DeleteAgentBotParams::new(bot.id))
        .await
        .unwrap();

    let profile = admin.get_profile(GetProfileParams::new()).await.unwrap();
    assert_eq!(profile.name(), "Ada Admin");
    let renamed = admin
        .update_profile(UpdateProfileParams::new(
            ProfileUpdate::new().display_name("Ada"),
        ))
        .await
        .unwrap();
    assert_eq!(renamed.available_name(), "Ada");
    let wrong = admin
        .update_profile(UpdateProfileParams::new(
            ProfileUpdate::new()
                .current_password("nope")
                .password("Secret123!"),
        ))
        .await;
    assert_eq!(status(wrong), 422);
}

pub(crate) async fn settings(emu: &Emu) {
    let admin = emu.user("admin");
    let account = admin.get_account(GetAccountParams::new()).await.unwrap();
    assert_eq!(account.name(), "Acme Support");
    let updated = admin
        .update_account(
            UpdateAccountParams::new()
                .name("Acme Help")
                .auto_resolve_after(60),
        )
        .await
        .unwrap();
    assert_eq!(updated.name(), "Acme Help");
    assert_eq!(updated.settings["auto_resolve_after"], 60);
    assert_eq!(
        status(
            admin
                .update_account(UpdateAccountParams::new().auto_resolve_after(5))
                .await
        ),
        422
    );

    let label = admin
        .create_label(CreateLabelParams::new("Urgent").color("#ff0000"))
        .await
        .unwrap();
    assert_eq!(label.title(), "urgent");
    assert_eq!(
        status(admin.create_label(CreateLabelParams::new("urgent")).await),
        422
    );
    admin
        .update_label(UpdateLabelParams::new(label.id).description("Now"))
        .await
        .unwrap();
    assert_eq!(
        admin
            .get_label(GetLabelParams::new(label.id))
            .await
            .unwrap()
            .description
            .as_deref(),
        Some("Now")
    );
    assert!(
        admin
            .list_labels(ListLabelsParams::new())
            .await
            .unwrap()
            .payload
            .iter()
            .any(|l| l.id == label.id)
    );
    admin
        .delete_label(DeleteLabelParams::new(label.id))
        .await
        .unwrap();

    let canned = admin
        .create_canned_response(CreateCannedResponseParams::new("bye", "Goodbye!"))
        .await
        .unwrap();
    admin
        .update_canned_response(UpdateCannedResponseParams::new(canned.id).content("Bye now!"))
        .await
        .unwrap();
    let found = admin
        .list_canned_responses(ListCannedResponsesParams::new().search("bye"))
        .await
        .unwrap();
    assert_eq!(found[0].content(), "Bye now!");
    admin
        .delete_canned_response(DeleteCannedResponseParams::new(canned.id))
        .await
        .unwrap();

    let attribute = admin
        .create_custom_attribute_definition(
            CreateCustomAttributeDefinitionParams::new("Tier", "tier")
                .attribute_model(AttributeModel::ContactAttribute)
                .attribute_display_type(AttributeDisplayType::List)
                .attribute_values(["gold", "silver"]),
        )
        .await
        .unwrap();
    assert_eq!(attribute.attribute_values, ["gold", "silver"]);
    admin
        .update_custom_attribute_definition(
            UpdateCustomAttributeDefinitionParams::new(attribute.id).regex_cue("Pick one"),
        )
        .await
        .unwrap();
    assert_eq!(
        admin
            .get_custom_attribute_definition(GetCustomAttributeDefinitionParams::new(attribute.id))
            .await
            .unwrap()
            .regex_cue
            .as_deref(),
        Some("Pick one")
    );
    let contact_attrs = admin
        .list_custom_attribute_definitions(
            ListCustomAttributeDefinitionsParams::new()
                .attribute_model(AttributeModel::ContactAttribute),
        )
        .await
        .unwrap();
    assert!(
        contact_attrs
            .iter()
            .all(|d| d.attribute_model == Some(AttributeModel::ContactAttribute))
    );
    admin
        .delete_custom_attribute_definition(DeleteCustomAttributeDefinitionParams::new(
            attribute.id,
        ))
        .await
        .unwrap();

    let hook = admin
        .create_webhook(
            CreateWebhookParams::new("http://127.0.0.1:9/events")
                .subscriptions(vec![WebhookEvent::MessageCreated]),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .webhook
        .unwrap();
    assert!(hook.secret.is_some());
    admin
        .update_webhook(UpdateWebhookParams::new(hook.id).name("Events"))
        .await
        .unwrap();
    assert_eq!(
        admin
            .list_webhooks(ListWebhooksParams::new())
            .await
            .unwrap()
            .payload
            .webhooks
            .len(),
        1
    );
    assert_eq!(
        status(
            admin
                .create_webhook(CreateWebhookParams::new("ftp://nope"))
                .await
        ),
        422
    );
    admin
        .delete_webhook(DeleteWebhookParams::new(hook.id))
        .await
        .unwrap();
}

#[tokio::test]
async fn conversations_and_messages() {
    conversations(&Emu::start().await).await;
}

#[tokio::test]
async fn contacts_end_to_end() {
    contacts(&Emu::start().await).await;
}

#[tokio::test]
async fn agents_teams_inboxes_bots_profile() {
    people(&Emu::start().await).await;
}

#[tokio::test]
async fn account_labels_canned_attributes_webhooks() {
    settings(&Emu::start().await).await;
}
