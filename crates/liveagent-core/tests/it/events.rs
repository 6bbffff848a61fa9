//! Webhook deliveries: every event fixture (`tests/fixtures/events/`) parses strictly into the
//! variant its `event` names, names its source, normalizes to the SDK's conventions, and stays
//! parseable with any one key absent or `null` (except a record's `id`).

use crate::absence::{key_paths, parent, render};
use crate::fixtures::{fixtures_dir, fixtures_in};
use liveagent_core::models::LiveAgentEvent;
use liveagent_core::webhook::{self, WebhookErrorKind};
use liveagent_core::{ParseMode, Secret};
use serde_json::Value;

fn events() -> Vec<(String, String)> {
    let all = fixtures_in(&fixtures_dir().join("events"));
    assert!(all.len() >= 17, "found only {} event fixtures", all.len());
    all
}

fn read(file: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join("events").join(file)).expect("event fixture")
}

/// The `event` (or CloudEvent type's last part) of a typed event.
fn name_of(event: &LiveAgentEvent) -> &'static str {
    use LiveAgentEvent as E;
    match event {
        E::ConversationCreated(_) => "conversation_created",
        E::ConversationUpdated(_) => "conversation_updated",
        E::ConversationStatusChanged(_) => "conversation_status_changed",
        E::ConversationOpened(_) => "conversation_opened",
        E::ConversationResolved(_) => "conversation_resolved",
        E::MessageCreated(_) => "message_created",
        E::MessageUpdated(_) => "message_updated",
        E::WebwidgetTriggered(_) => "webwidget_triggered",
        E::ConversationTypingOn(_) => "conversation_typing_on",
        E::ConversationTypingOff(_) => "conversation_typing_off",
        E::ContactCreated(_) => "contact_created",
        E::ContactUpdated(_) => "contact_updated",
        E::InboxCreated(_) => "inbox_created",
        E::InboxUpdated(_) => "inbox_updated",
        E::CognigyTyping(c)
            if c.r#type()
                .is_some_and(|t| t.as_str().ends_with("typing_on")) =>
        {
            "cognigy_typing_on"
        }
        E::CognigyTyping(_) => "cognigy_typing_off",
        _ => "other",
    }
}

#[test]
fn every_event_fixture_parses_strictly_into_its_variant_and_again_into_itself() {
    let mut seen = Vec::new();
    for (file, stem) in events() {
        let body = read(&file);
        let normalized = webhook::normalize(body.as_bytes(), ParseMode::Strict)
            .unwrap_or_else(|e| panic!("{file}: {e}\n{e:?}"));
        let event = webhook::parse(body.as_bytes(), ParseMode::Strict)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(name_of(&event), stem, "{file}");
        seen.push(stem);
        // Normalizing is idempotent, but for ISO strings that are epoch seconds now.
        let again = webhook::normalize(normalized.json.as_bytes(), ParseMode::Lenient).unwrap();
        assert_eq!(again.json, normalized.json, "{file}");
        for drift in &again.drift.entries {
            assert!(
                drift
                    .to_string()
                    .contains("expected timestamp (ISO-8601), found number"),
                "{file}: {drift}"
            );
        }
    }
    for variant in [
        "conversation_created",
        "conversation_updated",
        "conversation_status_changed",
        "conversation_opened",
        "conversation_resolved",
        "message_created",
        "message_updated",
        "webwidget_triggered",
        "conversation_typing_on",
        "conversation_typing_off",
        "contact_created",
        "contact_updated",
        "inbox_created",
        "inbox_updated",
        "cognigy_typing_on",
        "cognigy_typing_off",
    ] {
        assert!(
            seen.contains(&variant.to_owned()),
            "no fixture for {variant}"
        );
    }
}

#[test]
fn every_event_fixture_names_its_source() {
    let sources = std::fs::read_to_string(fixtures_dir().join("SOURCES.md")).expect("SOURCES.md");
    for (file, _) in events() {
        let line = sources
            .lines()
            .find(|l| l.starts_with(&format!("| `events/{file}` |")))
            .unwrap_or_else(|| panic!("events/{file} has no line in SOURCES.md"));
        assert!(
            line.contains("Listener#") || line.contains("send-reply.md"),
            "events/{file}: no listener or document named"
        );
    }
}

#[test]
fn deliveries_mix_formats_and_come_out_in_the_sdk_conventions() {
    let normalized =
        webhook::normalize(read("message_created.json").as_bytes(), ParseMode::Strict).unwrap();
    let value: Value = serde_json::from_str(&normalized.json).unwrap();
    // The message's ISO created_at and string message_type, and the embedded conversation's
    // integer message_type and epoch times, all come out as epoch seconds and names.
    assert_eq!(value["created_at"], 1_714_554_001.204);
    assert_eq!(value["message_type"], "incoming");
    let pushed = &value["conversation"]["messages"][0];
    assert_eq!(pushed["message_type"], "incoming");
    assert_eq!(pushed["created_at"], 1_714_554_001);
    assert_eq!(value["conversation"]["updated_at"], 1_714_554_001.272);
    // The conversation's status change carries `changed_attributes: null`; absent keys read
    // as null too (conversation_created has none).
    for file in [
        "conversation_status_changed.json",
        "conversation_created.json",
    ] {
        let n = webhook::normalize(read(file).as_bytes(), ParseMode::Strict).unwrap();
        let v: Value = serde_json::from_str(&n.json).unwrap();
        assert!(v["changed_attributes"].is_null(), "{file}");
    }
    let LiveAgentEvent::ConversationUpdated(updated) = webhook::parse(
        read("conversation_updated.json").as_bytes(),
        ParseMode::Strict,
    )
    .unwrap() else {
        panic!("conversation_updated")
    };
    let changes = updated.changed_attributes.unwrap();
    let assignee = changes[0]["assignee_id"].as_ref().unwrap();
    assert_eq!(assignee.current_value, Some(Value::from(1)));
    let LiveAgentEvent::CognigyTyping(typing) =
        webhook::parse(read("cognigy_typing_on.json").as_bytes(), ParseMode::Strict).unwrap()
    else {
        panic!("cognigy")
    };
    assert_eq!(typing.conversation_id().map(|id| id.0), Some(42));
    assert_eq!(
        typing.time,
        Some(liveagent_core::Timestamp::from_secs(1_714_554_150))
    );
}

#[test]
fn no_single_absent_or_null_key_fails_a_lenient_parse_but_a_records_id() {
    let (mut mutations, mut refused, mut failures) = (0, 0, Vec::new());
    for (file, _) in events() {
        let body: Value = serde_json::from_str(&read(&file)).unwrap();
        for path in key_paths(&body) {
            for remove in [true, false] {
                let mut mutated = body.clone();
                let (object, key) = parent(&mut mutated, &path);
                if remove {
                    object.remove(&key);
                } else {
                    object.insert(key.clone(), Value::Null);
                }
                mutations += 1;
                let what = format!(
                    "{file}: {} {}",
                    if remove { "without" } else { "null at" },
                    render(&path)
                );
                match webhook::parse(mutated.to_string().as_bytes(), ParseMode::Lenient) {
                    Ok(_) => {}
                    Err(e)
                        if e.kind == WebhookErrorKind::Malformed
                            && key == "id"
                            && e.path.as_deref() == Some(render(&path).as_str()) =>
                    {
                        refused += 1;
                    }
                    Err(e) => failures.push(format!("{what}: {e}")),
                }
            }
        }
    }
    assert!(mutations > 1_000, "only {mutations} mutations");
    assert!(refused > 0, "a record without its id must be refused");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_fixture_signed_here_verifies_and_the_event_types_are_open() {
    let body = read("message_created.json");
    let secret = Secret::new("fixture-secret");
    let at = 1_714_554_002;
    let headers = [
        ("X-Chatwoot-Timestamp", at.to_string()),
        (
            "X-Chatwoot-Signature",
            webhook::sign(&secret, at, body.as_bytes()),
        ),
    ];
    let event = webhook::verify(
        body.as_bytes(),
        headers.clone(),
        &secret,
        &webhook::VerifyOptions::at(at).mode(ParseMode::Strict),
    )
    .unwrap();
    assert!(matches!(event, LiveAgentEvent::MessageCreated(ref m) if m.id.0 == 1001));
    let e = webhook::verify(
        body.as_bytes(),
        headers,
        &secret,
        &webhook::VerifyOptions::at(at + 3600),
    )
    .unwrap_err();
    assert_eq!(e.kind, WebhookErrorKind::Timestamp);
}
