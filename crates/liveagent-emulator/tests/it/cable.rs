//! Live updates end to end: the native client's `events()` stream against the emulator's
//! `/cable`. Events arrive for actions taken through the API; a socket the emulator drops is
//! reopened and events resume; dropping the stream closes the socket; a wrong token ends it.
//! Waiting is by counting (sockets the emulator holds, events received), never by timing.

use crate::support::Emu;
use futures_util::StreamExt;
use liveagent::api::*;
use liveagent::core::cable::CableOptions;
use liveagent::models::CableEvent;
use liveagent::{Error, Events, Secret};
use serde_json::json;

/// Waits until the emulator holds `n` subscribed sockets (polls up to about 30 s).
async fn sockets(emu: &Emu, n: u64) {
    for _ in 0..600 {
        if emu.control("GET", "cable", json!(null)).await["sockets"] == n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the emulator never held {n} socket(s)");
}

/// The next `message.created` event's content, skipping other events.
async fn next_message(events: &mut Events) -> String {
    loop {
        match events.next().await.expect("the stream ended").unwrap() {
            CableEvent::MessageCreated(e) => return e.data.unwrap().content.unwrap_or_default(),
            _ => continue,
        }
    }
}

#[tokio::test]
async fn events_arrive_survive_a_dropped_socket_and_stop_with_the_stream() {
    let emu = Emu::start().await;
    let admin = emu.user("admin");
    let me = admin.get_profile(GetProfileParams::new()).await.unwrap();
    let token = me.pubsub_token.clone().unwrap();
    let mut options = CableOptions::user(token, 1, me.id.0);
    options.mode = liveagent::ParseMode::Strict;
    let mut events = admin.events(options);
    sockets(&emu, 1).await;

    admin
        .create_message(CreateMessageParams::new(1u64).content("live one"))
        .await
        .unwrap();
    assert_eq!(next_message(&mut events).await, "live one");

    // The emulator drops every socket: the client reconnects and subscribes again.
    assert_eq!(
        emu.control("POST", "cable/drop", json!(null)).await["dropped"],
        1
    );
    sockets(&emu, 0).await;
    sockets(&emu, 1).await;
    admin
        .create_message(CreateMessageParams::new(1u64).content("after the drop"))
        .await
        .unwrap();
    assert_eq!(next_message(&mut events).await, "after the drop");

    // A conversation's status change reaches the agent too, typed by its name.
    admin
        .toggle_conversation_status(ToggleConversationStatusParams::new(1u64).status("resolved"))
        .await
        .unwrap();
    loop {
        if let CableEvent::ConversationStatusChanged(e) = events.next().await.unwrap().unwrap() {
            assert_eq!(e.data.unwrap().status.unwrap().as_str(), "resolved");
            break;
        }
    }

    // A new contact reaches the account's stream.
    admin
        .create_contact(
            CreateContactParams::new()
                .name("Live Contact")
                .email("live@example.com"),
        )
        .await
        .unwrap();
    loop {
        if let CableEvent::ContactCreated(e) = events.next().await.unwrap().unwrap() {
            assert_eq!(e.data.unwrap().name.as_deref(), Some("Live Contact"));
            break;
        }
    }

    // Another agent types: the admin hears it (the typist would not).
    emu.user("agent")
        .toggle_typing_status(ToggleTypingStatusParams::new(1u64, TypingStatus::On))
        .await
        .unwrap();
    loop {
        if let CableEvent::ConversationTypingOn(e) = events.next().await.unwrap().unwrap() {
            let data = e.data.unwrap();
            assert_eq!(data.conversation.unwrap().id, liveagent::Id(1));
            assert!(matches!(
                data.user,
                Some(liveagent::models::MessageSender::User(_))
            ));
            break;
        }
    }

    drop(events);
    sockets(&emu, 0).await;
}

#[tokio::test]
async fn a_rejected_token_ends_the_stream_with_an_api_error() {
    let emu = Emu::start().await;
    let admin = emu.user("admin");
    let mut events = admin.events(CableOptions::user(Secret::new("not-a-token"), 1, 1));
    match events.next().await {
        Some(Err(Error::Api(e))) => assert_eq!(e.status, 401),
        other => panic!("{other:?}"),
    }
    assert!(events.next().await.is_none(), "the stream ends");
    assert_eq!(emu.control("GET", "cable", json!(null)).await["sockets"], 0);
}

#[tokio::test]
async fn a_visitor_hears_the_agent_typing_typed() {
    use liveagent::models::MessageSender;
    let emu = Emu::start().await;
    let visitor = emu.visitor(&emu.website_token(), None);
    let config = visitor
        .create_widget_config(CreateWidgetConfigParams::new())
        .await
        .unwrap();
    let sent = visitor
        .create_widget_message(CreateWidgetMessageParams::new(
            WidgetMessageInput::new().content("anyone there?"),
        ))
        .await
        .unwrap();
    let mut options = CableOptions::contact(config.contact.unwrap().pubsub_token.unwrap());
    options.mode = liveagent::ParseMode::Strict;
    let mut events = visitor.events(options);
    sockets(&emu, 1).await;

    let admin = emu.user("admin");
    let display_id = sent.conversation_id.unwrap();
    for status in [TypingStatus::On, TypingStatus::Off] {
        admin
            .toggle_typing_status(ToggleTypingStatusParams::new(display_id, status))
            .await
            .unwrap();
    }
    let mut heard = Vec::new();
    while heard.len() < 2 {
        match events.next().await.expect("the stream ended").unwrap() {
            CableEvent::ConversationTypingOn(e) | CableEvent::ConversationTypingOff(e) => {
                let data = e.data.unwrap();
                let agent = match data.user {
                    Some(MessageSender::User(user)) => user.name.unwrap_or_default(),
                    other => panic!("the typist is no agent: {other:?}"),
                };
                let on = e.event.as_deref() == Some("conversation.typing_on");
                heard.push((on, agent, data.is_private, data.conversation.unwrap().id));
            }
            _ => continue,
        }
    }
    let name = admin
        .get_profile(GetProfileParams::new())
        .await
        .unwrap()
        .name;
    assert_eq!(
        heard,
        [
            (true, name.clone().unwrap(), Some(false), display_id),
            (false, name.unwrap(), Some(false), display_id),
        ]
    );
}
