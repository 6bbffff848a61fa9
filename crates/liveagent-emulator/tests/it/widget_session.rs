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
