//! The live-updates state machine: subscribe on `welcome`, events from broadcasts, staleness,
//! reconnection with backoff, presence, and the ways a subscription ends. No socket: frames and
//! times go in, actions come out.

use crate::fixtures::fixtures_dir;
use liveagent_core::cable::{Cable, CableAction, CableOptions, cable_url};
use liveagent_core::models::CableEvent;
use liveagent_core::{Error, ParseMode, Secret};
use serde_json::{Value, json};

const IDENTIFIER: &str =
    r#"{"channel":"RoomChannel","pubsub_token":"pubsub-secret","account_id":1,"user_id":5}"#;

fn user() -> Cable {
    Cable::new(CableOptions::user(Secret::new("pubsub-secret"), 1, 5))
}

/// A machine whose subscription the server confirmed at `t`.
fn subscribed(mut cable: Cable, t: i64) -> Cable {
    cable.opened(t);
    cable.frame(r#"{"type":"welcome"}"#, t);
    cable.frame(&confirm(), t);
    assert!(cable.is_subscribed());
    cable
}

/// The one action a step produced.
fn one(actions: Vec<CableAction>) -> CableAction {
    let [action] = <[CableAction; 1]>::try_from(actions).unwrap();
    action
}

fn confirm() -> String {
    json!({"identifier": IDENTIFIER, "type": "confirm_subscription"}).to_string()
}

fn broadcast(message: Value) -> String {
    json!({"identifier": IDENTIFIER, "message": message}).to_string()
}

/// A message's push data, from the conversation list fixture (the same `push_event_data`).
fn message_push() -> Value {
    let text =
        std::fs::read_to_string(fixtures_dir().join("conversations/list_conversations.json"));
    let page: Value = serde_json::from_str(&text.unwrap()).unwrap();
    page["data"]["payload"][0]["messages"][0].clone()
}

#[test]
fn the_url_is_the_servers_with_a_websocket_scheme() {
    assert_eq!(
        cable_url("https://app.example.com"),
        "wss://app.example.com/cable"
    );
    assert_eq!(
        cable_url("http://127.0.0.1:3000/chat/"),
        "ws://127.0.0.1:3000/chat/cable"
    );
}

#[test]
fn welcome_subscribes_to_the_room_channel_with_the_identity() {
    let mut cable = user();
    assert!(cable.opened(0).is_empty());
    let actions = cable.frame(r#"{"type":"welcome"}"#, 0);
    let CableAction::Send(frame) = one(actions) else {
        panic!()
    };
    let frame: Value = serde_json::from_str(&frame).unwrap();
    assert_eq!(frame["command"], "subscribe");
    let identifier: Value = serde_json::from_str(frame["identifier"].as_str().unwrap()).unwrap();
    assert_eq!(
        identifier,
        json!({"channel": "RoomChannel", "pubsub_token": "pubsub-secret", "account_id": 1, "user_id": 5})
    );
    // A contact's subscription names no account or user.
    let mut contact = Cable::new(CableOptions::contact(Secret::new("contact-token")));
    contact.opened(0);
    let CableAction::Send(frame) = one(contact.frame(r#"{"type":"welcome"}"#, 0)) else {
        panic!()
    };
    assert!(
        frame.contains(r#"\"pubsub_token\":\"contact-token\"}"#),
        "{frame}"
    );
}

#[test]
fn broadcasts_become_typed_events_and_other_channels_are_ignored() {
    let mut cable = subscribed(user(), 0);
    let message = json!({"event": "message.created", "data": message_push()});
    let CableAction::Event(text) = one(cable.frame(&broadcast(message), 10)) else {
        panic!()
    };
    let event: CableEvent = serde_json::from_str(&text).unwrap();
    let CableEvent::MessageCreated(created) = event else {
        panic!("{text}")
    };
    assert_eq!(
        created.data.unwrap().id,
        message_push()["id"]
            .as_u64()
            .map(liveagent_core::Id)
            .unwrap()
    );

    let assigned = json!({"event": "assignee.changed", "data": {"id": 4, "account_id": 1}});
    let CableAction::Event(text) = one(cable.frame(&broadcast(assigned), 20)) else {
        panic!()
    };
    assert!(matches!(
        serde_json::from_str(&text).unwrap(),
        CableEvent::AssigneeChanged(_)
    ));

    let elsewhere = json!({"identifier": "{\"channel\":\"Other\"}", "message": {"event": "message.created", "data": {}}});
    assert!(cable.frame(&elsewhere.to_string(), 30).is_empty());
    assert!(cable.frame("not json", 40).is_empty());
}

#[test]
fn strict_mode_reports_an_event_with_drift_and_goes_on() {
    let mut options = CableOptions::user(Secret::new("pubsub-secret"), 1, 5);
    options.mode = ParseMode::Strict;
    let mut cable = subscribed(Cable::new(options), 0);
    let mut data = message_push();
    data["brand_new_field"] = json!(true);
    let actions = cable.frame(
        &broadcast(json!({"event": "message.created", "data": data})),
        1,
    );
    let CableAction::Error(Error::Decode(e)) = one(actions) else {
        panic!()
    };
    assert!(e.message.starts_with("strict mode"), "{}", e.message);
    assert!(cable.is_subscribed());
}

#[test]
fn a_silent_socket_goes_stale_and_reconnects_with_growing_jittered_delays() {
    let mut cable = subscribed(user(), 0);
    // Pings keep it alive.
    cable.frame(r#"{"type":"ping","message":1}"#, 3_000);
    assert!(cable.tick(9_000).is_empty());
    assert_eq!(cable.next_tick_ms(9_000), Some(1));
    assert_eq!(cable.tick(9_001), vec![CableAction::Close]);
    let mut delays = Vec::new();
    for (attempt, random) in [0.0, 0.999, 0.5].into_iter().enumerate() {
        let CableAction::Reconnect { delay_ms } = one(cable.closed(random)) else {
            panic!("attempt {attempt}")
        };
        delays.push(delay_ms);
        cable.opened(10_000);
        // No welcome within the stale time: closed again.
        assert_eq!(cable.tick(16_001), vec![CableAction::Close]);
    }
    assert_eq!(delays[0], 500, "1 s halved, no jitter");
    assert!((1_990..=2_000).contains(&delays[1]), "{delays:?}");
    assert_eq!(delays[2], 3_000, "4 s: half plus half of the other half");
    // A confirmed subscription starts the backoff over.
    let mut cable = subscribed(cable, 20_000);
    cable.tick(30_000);
    let CableAction::Reconnect { delay_ms } = one(cable.closed(0.0)) else {
        panic!()
    };
    assert_eq!(delay_ms, 500);
}

#[test]
fn presence_is_sent_every_twenty_seconds_while_subscribed() {
    let mut cable = subscribed(user(), 0);
    assert_eq!(cable.next_tick_ms(0), Some(6_001), "staleness comes first");
    for t in (3_000..=19_000).step_by(3_000) {
        assert!(cable.frame(r#"{"type":"ping"}"#, t).is_empty(), "at {t}");
    }
    let actions = cable.frame(r#"{"type":"ping"}"#, 21_000);
    let CableAction::Send(frame) = one(actions) else {
        panic!()
    };
    let frame: Value = serde_json::from_str(&frame).unwrap();
    assert_eq!(frame["command"], "message");
    assert_eq!(frame["data"], r#"{"action":"update_presence"}"#);
    // A contact sends none.
    let mut contact = Cable::new(CableOptions::contact(Secret::new("t")));
    contact.opened(0);
    contact.frame(r#"{"type":"welcome"}"#, 0);
    contact.frame(
        &json!({"identifier": r#"{"channel":"RoomChannel","pubsub_token":"t"}"#, "type": "confirm_subscription"}).to_string(),
        0,
    );
    assert!(contact.is_subscribed());
    assert!(contact.frame(r#"{"type":"ping"}"#, 60_000).is_empty());
}

#[test]
fn a_rejected_subscription_or_a_final_disconnect_ends_it() {
    let mut cable = user();
    cable.opened(0);
    cable.frame(r#"{"type":"welcome"}"#, 0);
    let reject = json!({"identifier": IDENTIFIER, "type": "reject_subscription"}).to_string();
    let CableAction::End(Error::Api(e)) = one(cable.frame(&reject, 1)) else {
        panic!()
    };
    assert_eq!(e.status, 401);
    assert!(cable.is_ended());
    assert!(cable.closed(0.5).is_empty(), "no reconnect once ended");
    assert!(
        !format!("{e:?}").contains("pubsub-secret"),
        "the token stays out of errors"
    );

    let mut cable = subscribed(user(), 0);
    let reconnect = cable.frame(
        r#"{"type":"disconnect","reason":"server_restart","reconnect":true}"#,
        1,
    );
    assert_eq!(reconnect, vec![CableAction::Close]);
    assert!(matches!(
        cable.closed(0.0).as_slice(),
        [CableAction::Reconnect { .. }]
    ));
    let mut cable = subscribed(cable, 5_000);
    let fin = cable.frame(
        r#"{"type":"disconnect","reason":"unauthorized","reconnect":false}"#,
        5_001,
    );
    assert!(
        matches!(fin.as_slice(), [CableAction::End(Error::Api(e))] if e.message.as_deref().unwrap().contains("unauthorized"))
    );
}

#[test]
fn reconnecting_stops_after_max_reconnects_failures_in_a_row() {
    let mut options = CableOptions::user(Secret::new("pubsub-secret"), 1, 5);
    options.max_reconnects = Some(2);
    let mut cable = Cable::new(options);
    assert!(matches!(
        cable.closed(0.0).as_slice(),
        [CableAction::Reconnect { .. }]
    ));
    assert!(matches!(
        cable.closed(0.0).as_slice(),
        [CableAction::Reconnect { .. }]
    ));
    assert!(
        matches!(cable.closed(0.0).as_slice(), [CableAction::End(Error::Api(e))] if e.status == 503)
    );
    assert!(cable.is_ended());
}
