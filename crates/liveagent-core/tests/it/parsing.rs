//! Lenient and strict parsing: drift is repaired and reported, or refused.

use crate::support::{response, row};
use liveagent_core::normalize::DriftKind;
use liveagent_core::response::parse_response;
use liveagent_core::{Error, ParseMode};
use serde_json::json;

fn team(body: serde_json::Value, mode: ParseMode) -> Result<liveagent_core::Parsed, Error> {
    parse_response(
        row("get_team"),
        mode,
        &response(200, &body.to_string()),
        None,
    )
}

const TEAM: fn() -> serde_json::Value = || json!({"id": 1, "name": "support", "description": null, "allow_auto_assign": true, "account_id": 1, "is_member": false});

#[test]
fn ids_and_numbers_as_strings_are_repaired_and_reported() {
    let mut body = TEAM();
    body["id"] = json!("17");
    body["is_member"] = json!("true");
    let parsed = team(body.clone(), ParseMode::Lenient).unwrap();
    assert_eq!(parsed.value()["id"], json!(17));
    assert_eq!(parsed.value()["is_member"], json!(true));
    let kinds: Vec<_> = parsed
        .drift
        .entries
        .iter()
        .map(|d| (d.path.as_str(), &d.kind))
        .collect();
    assert!(
        matches!(
            kinds[0],
            (
                "$.id",
                DriftKind::Coerced {
                    found: "string",
                    ..
                }
            )
        ),
        "{kinds:?}"
    );
    assert!(
        matches!(kinds[1], ("$.is_member", DriftKind::Coerced { .. })),
        "{kinds:?}"
    );

    let Err(Error::Decode(e)) = team(body, ParseMode::Strict) else {
        panic!("strict must refuse")
    };
    assert_eq!(e.path, "$.id");
    assert_eq!(e.drift.len(), 2);
}

#[test]
fn unknown_fields_are_kept_and_reported() {
    let mut body = TEAM();
    body["cognigy_skill"] = json!({"level": 3});
    let parsed = team(body.clone(), ParseMode::Lenient).unwrap();
    assert_eq!(parsed.value()["cognigy_skill"], json!({"level": 3}));
    assert_eq!(parsed.drift.entries[0].path, "$.cognigy_skill");
    assert_eq!(parsed.drift.entries[0].kind, DriftKind::UnknownField);
    let typed: liveagent_core::models::Team = serde_json::from_value(parsed.value()).unwrap();
    assert_eq!(typed.extra["cognigy_skill"], json!({"level": 3}));
    assert!(team(body, ParseMode::Strict).is_err());
}

#[test]
fn unknown_enum_values_are_kept() {
    let body = json!({"payload": {"success": true, "conversation_id": 4, "current_status": "queued", "snoozed_until": null}});
    let meta = row("toggle_conversation_status");
    let parsed = parse_response(
        meta,
        ParseMode::Lenient,
        &response(200, &body.to_string()),
        None,
    )
    .unwrap();
    assert_eq!(parsed.value()["payload"]["current_status"], "queued");
    assert_eq!(
        parsed.drift.entries[0].kind,
        DriftKind::UnknownValue("queued".into())
    );
    let typed: liveagent_core::models::ToggleStatusResult =
        serde_json::from_value(parsed.value()).unwrap();
    assert_eq!(
        typed.payload().and_then(|p| p.current_status()),
        Some(&liveagent_core::models::ConversationStatus::Other(
            "queued".into()
        ))
    );
    assert!(
        parse_response(
            meta,
            ParseMode::Strict,
            &response(200, &body.to_string()),
            None
        )
        .is_err()
    );
}

#[test]
fn live_agent_content_types_by_code_and_name() {
    let meta = row("create_message");
    let mut msg = json!({"id": 9, "content": null, "inbox_id": 1, "conversation_id": 2, "message_type": 1,
        "content_type": 2017, "status": "sent", "content_attributes": {}, "created_at": 1714557600, "private": false,
        "source_id": null});
    let parsed = parse_response(
        meta,
        ParseMode::Strict,
        &response(200, &msg.to_string()),
        None,
    )
    .unwrap();
    assert_eq!(parsed.value()["content_type"], "request_file_upload");
    assert_eq!(parsed.value()["message_type"], "outgoing");
    assert_eq!(
        parsed.value()["attachments"],
        json!([]),
        "an absent list reads as empty"
    );
    msg["content_type"] = json!(4242);
    let parsed = parse_response(
        meta,
        ParseMode::Lenient,
        &response(200, &msg.to_string()),
        None,
    )
    .unwrap();
    assert_eq!(parsed.value()["content_type"], "4242");
}

#[test]
fn epoch_and_iso_timestamps_normalize_to_epoch_seconds() {
    let meta = row("update_canned_response");
    let body = |created: serde_json::Value| {
        json!({"id": 1, "account_id": 1, "short_code": "hi", "content": "Hello", "created_at": created,
            "updated_at": "2024-05-01T10:00:00.250Z"})
        .to_string()
    };
    // The canned-response view sends ISO strings: those are documented; an epoch number (or
    // milliseconds) is converted too, and reported, so strict mode sees the format change.
    for (wire, want, documented) in [
        (
            json!("2024-05-01T10:00:00.000Z"),
            json!(1_714_557_600),
            true,
        ),
        (
            json!("2024-05-01T12:00:00+02:00"),
            json!(1_714_557_600),
            true,
        ),
        (json!(1_714_557_600), json!(1_714_557_600), false),
        (
            json!(1_714_557_600.123_456),
            json!(1_714_557_600.123),
            false,
        ),
        (json!(1_714_557_600_000_u64), json!(1_714_557_600), false),
    ] {
        let parsed = parse_response(
            meta,
            ParseMode::Lenient,
            &response(200, &body(wire.clone())),
            None,
        )
        .unwrap_or_else(|e| panic!("{wire}: {e}"));
        assert_eq!(parsed.value()["created_at"], want, "{wire}");
        assert_eq!(parsed.value()["updated_at"], json!(1_714_557_600.25));
        assert_eq!(
            parsed.drift.is_empty(),
            documented,
            "{wire}: {:?}",
            parsed.drift
        );
    }
    // A view that sends epoch seconds (a conversation's `timestamp`): an ISO string is drift.
    let mut conversation: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            crate::fixtures::fixtures_dir().join("conversations/get_conversation.json"),
        )
        .unwrap(),
    )
    .unwrap();
    conversation["timestamp"] = json!("2024-05-01T10:00:00Z");
    let parsed = parse_response(
        row("get_conversation"),
        ParseMode::Lenient,
        &response(200, &conversation.to_string()),
        None,
    )
    .unwrap();
    assert_eq!(parsed.value()["timestamp"], json!(1_714_557_600));
    assert_eq!(parsed.drift.entries[0].path, "$.timestamp");
    // A numeric string is repaired, but it is drift.
    let parsed = parse_response(
        meta,
        ParseMode::Lenient,
        &response(200, &body(json!("1714557600"))),
        None,
    )
    .unwrap();
    assert_eq!(parsed.value()["created_at"], json!(1_714_557_600));
    assert_eq!(parsed.drift.entries.len(), 1);
    // Garbage reads as null, reported at its path; strict mode refuses it there.
    let garbage = response(200, &body(json!("yesterday")));
    let parsed = parse_response(meta, ParseMode::Lenient, &garbage, None).unwrap();
    assert!(parsed.value()["created_at"].is_null());
    assert_eq!(parsed.drift.entries[0].path, "$.created_at");
    let Err(Error::Decode(e)) = parse_response(meta, ParseMode::Strict, &garbage, None) else {
        panic!()
    };
    assert_eq!(e.path, "$.created_at");
}

#[test]
fn page_numbers_as_strings_are_documented_not_drift() {
    let body = json!({"meta": {"count": 0, "current_page": "2"}, "payload": []});
    let parsed = parse_response(
        row("list_contacts"),
        ParseMode::Strict,
        &response(200, &body.to_string()),
        None,
    )
    .unwrap();
    assert_eq!(parsed.value()["meta"]["current_page"], json!(2));
}

#[test]
fn a_bad_optional_value_is_dropped_in_lenient_mode_only() {
    let mut body = TEAM();
    body["allow_auto_assign"] = json!({"yes": true});
    let parsed = team(body.clone(), ParseMode::Lenient).unwrap();
    assert!(parsed.value()["allow_auto_assign"].is_null());
    assert!(matches!(
        parsed.drift.entries[0].kind,
        DriftKind::Dropped {
            found: "object",
            ..
        }
    ));
    assert!(team(body, ParseMode::Strict).is_err());
}

#[test]
fn untagged_unions_pick_the_variant_that_fits() {
    let meta = row("assign_conversation");
    let team_row = json!({"id": 1, "name": "support", "description": null, "allow_auto_assign": true,
        "account_id": 1, "created_at": "2024-01-15T09:00:00.000Z", "updated_at": "2024-01-15T09:00:00.000Z"});
    let parsed = parse_response(
        meta,
        ParseMode::Strict,
        &response(200, &team_row.to_string()),
        None,
    )
    .unwrap();
    let typed: Option<liveagent_core::models::Assignment> =
        serde_json::from_value(parsed.value()).unwrap();
    assert!(matches!(
        typed,
        Some(liveagent_core::models::Assignment::Team(_))
    ));
    let parsed = parse_response(meta, ParseMode::Strict, &response(200, "null"), None).unwrap();
    assert!(parsed.value().is_null());
}

#[test]
fn never_panics_on_hostile_bodies() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let bodies = [
        deep.as_str(),
        "\u{0}",
        "{\"data\": 1e999999}",
        "{\"meta\":{\"mine_count\":18446744073709551616}}",
        "\"\\ud800\"",
        "{\"id\": -1}",
    ];
    for meta in liveagent_core::ENDPOINTS {
        for body in bodies {
            let ok = parse_response(meta, ParseMode::Strict, &response(200, body), None);
            match meta.response {
                // None of these bodies is a bare integer either.
                liveagent_core::endpoint::ResponseKind::Json(_)
                | liveagent_core::endpoint::ResponseKind::Integer => {
                    assert!(
                        matches!(ok, Err(Error::Decode(_))),
                        "{}: {body:.40}: {ok:?}",
                        meta.name
                    );
                }
                _ => assert!(ok.is_ok(), "{}", meta.name),
            }
            let failed = parse_response(meta, ParseMode::Lenient, &response(500, body), None);
            assert!(
                matches!(failed, Err(Error::Api(ref e)) if e.status == 500),
                "{}",
                meta.name
            );
        }
    }
}

#[test]
fn ids_past_2_pow_53_reach_js_exactly_as_strings_with_drift() {
    let body = r##"{"payload":[{"id":9007199254740993,"title":"big","description":null,"color":"#000000","show_on_sidebar":true}]}"##;
    let parsed = parse_response(
        row("list_labels"),
        ParseMode::Lenient,
        &response(200, body),
        None,
    )
    .unwrap();
    assert!(
        parsed.json.contains(r#""id":"9007199254740993""#),
        "{}",
        parsed.json
    );
    assert_eq!(parsed.drift.entries[0].path, "$.payload[0].id");
    let typed: liveagent_core::models::LabelList = serde_json::from_str(&parsed.json).unwrap();
    assert_eq!(typed.payload[0].id.get(), 9_007_199_254_740_993);
    // 2^53 - 1 is still a number.
    let body = body.replace("9007199254740993", "9007199254740991");
    let parsed = parse_response(
        row("list_labels"),
        ParseMode::Strict,
        &response(200, &body),
        None,
    )
    .unwrap();
    assert!(parsed.json.contains(r#""id":9007199254740991"#));
}

#[test]
fn a_number_no_f64_holds_is_not_json() {
    // Found by the fuzzer: an unknown field's number copied as it came would make the output
    // something serde_json refuses.
    let body = r#"{"meta":{"mine_count":0,"assigned_count":0,"unassigned_count":0,"all_count":3,"extra":22222222222222222222e2222}}"#;
    let Err(liveagent_core::Error::Decode(e)) = parse_response(
        row("get_conversation_counts"),
        ParseMode::Lenient,
        &response(200, body),
        None,
    ) else {
        panic!("must not parse")
    };
    assert!(e.message.contains("number out of range"), "{}", e.message);
    // Big integers that an f64 holds are fine, as they are for serde_json.
    let body = body.replace(
        "22222222222222222222e2222",
        "123456789012345678901234567890",
    );
    parse_response(
        row("get_conversation_counts"),
        ParseMode::Lenient,
        &response(200, &body),
        None,
    )
    .unwrap();
}

#[test]
fn an_empty_body_reads_as_null_only_where_the_response_may_be_null() {
    // `translate` answers `head :ok` when the message already had that translation.
    let translate = row("translate_message");
    for body in ["", " \n"] {
        let parsed = parse_response(translate, ParseMode::Strict, &response(200, body), None)
            .expect("an empty body where the response may be null");
        assert_eq!(parsed.json, "null");
    }
    let parsed = parse_response(
        translate,
        ParseMode::Strict,
        &response(200, r#"{"content":"Hallo"}"#),
        None,
    )
    .expect("a translation");
    assert_eq!(parsed.json, r#"{"content":"Hallo"}"#);
    // A response that is never null still refuses an empty body.
    let err = parse_response(
        row("get_draft_message"),
        ParseMode::Lenient,
        &response(200, ""),
        None,
    )
    .expect_err("an empty body where an object is due");
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
}
