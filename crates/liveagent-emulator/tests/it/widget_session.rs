//! The native client opens a widget visitor's session once, however many calls start together:
//! counted in the emulator's log over many fresh visitors.

use crate::support::Emu;
use liveagent::api::{
    GetWidgetContactParams, GetWidgetConversationParams, ListWidgetMessagesParams,
};

fn sessions_opened(log: &[serde_json::Value]) -> usize {
    log.iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/api/v1/widget/config")
        .count()
}

#[tokio::test]
async fn calls_that_start_together_open_one_session() {
    let emu = Emu::start().await;
    let website_token = emu.website_token();
    const VISITORS: usize = 40;
    let mut contacts = std::collections::BTreeSet::new();
    for _ in 0..VISITORS {
        let visitor = emu.visitor(&website_token, None);
        let (a, b, conversation, messages) = tokio::join!(
            visitor.get_widget_contact(GetWidgetContactParams::new()),
            visitor.get_widget_contact(GetWidgetContactParams::new()),
            visitor.get_widget_conversation(GetWidgetConversationParams::new()),
            visitor.list_widget_messages(ListWidgetMessagesParams::new()),
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.id, b.id, "two calls of one client saw two visitors");
        assert!(conversation.unwrap().id.is_none());
        assert!(messages.unwrap().payload.is_empty());
        contacts.insert(a.id.0);
    }
    assert_eq!(sessions_opened(&emu.requests().await), VISITORS);
    assert_eq!(
        contacts.len(),
        VISITORS,
        "every fresh client is a new visitor"
    );

    // A kept token resumes the visitor without opening a session.
    let first = emu.visitor(&website_token, None);
    let me = first
        .get_widget_contact(GetWidgetContactParams::new())
        .await
        .unwrap();
    let kept = first.widget_token().unwrap();
    let again = emu.visitor(&website_token, Some(kept.expose()));
    let before = sessions_opened(&emu.requests().await);
    let same = again
        .get_widget_contact(GetWidgetContactParams::new())
        .await
        .unwrap();
    assert_eq!(same.id, me.id);
    assert_eq!(sessions_opened(&emu.requests().await), before);
    assert!(
        !format!("{again:?}").contains(kept.expose()),
        "the token leaked into Debug"
    );
}

#[tokio::test]
async fn a_first_message_with_a_file_labels_its_new_conversation() {
    use liveagent::api::{CreateWidgetMessageParams, GetConversationParams, WidgetMessageInput};
    let emu = Emu::start().await;
    let visitor = emu.visitor(&emu.website_token(), None);
    let png = liveagent::Upload::new("pixel.png", "image/png", vec![0x89, b'P', b'N', b'G']);
    let sent = visitor
        .create_widget_message(
            CreateWidgetMessageParams::new(
                WidgetMessageInput::new()
                    .content("see attached")
                    .attachments(vec![png]),
            )
            .labels(vec!["vip".to_owned(), "bug".to_owned()]),
        )
        .await
        .unwrap();
    assert_eq!(sent.attachments.len(), 1);
    // The body was multipart: the labels went as `labels[]` parts, which Rails reads as a list.
    let log = emu.requests().await;
    let posted = log
        .iter()
        .find(|r| r["method"] == "POST" && r["path"] == "/api/v1/widget/messages")
        .unwrap();
    assert!(
        posted["headers"]["content-type"]
            .as_str()
            .unwrap()
            .starts_with("multipart/form-data")
    );
    let body = posted["body"].as_str().unwrap();
    assert_eq!(body.matches("name=\"labels[]\"").count(), 2, "{body}");
    assert!(!body.contains("name=\"labels\""), "{body}");
    let seen = emu
        .user("admin")
        .get_conversation(GetConversationParams::new(sent.conversation_id.unwrap()))
        .await
        .unwrap();
    let mut labels = seen.labels.clone();
    labels.sort();
    assert_eq!(labels, ["bug", "vip"]);
}

#[tokio::test]
async fn a_kept_token_that_expired_opens_a_new_session_first() {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let expired = format!(
        "{}.{}.c2ln",
        b64(r#"{"alg":"HS256"}"#),
        b64(r#"{"source_id":"gone","inbox_id":1,"exp":1700000000,"iat":1684000000}"#)
    );
    let emu = Emu::start().await;
    let visitor = emu.visitor(&emu.website_token(), Some(&expired));
    let me = visitor
        .get_widget_contact(GetWidgetContactParams::new())
        .await
        .unwrap();
    assert!(me.id.0 > 0);
    assert_ne!(visitor.widget_token().unwrap().expose(), expired);
    assert_eq!(sessions_opened(&emu.requests().await), 1);
}
