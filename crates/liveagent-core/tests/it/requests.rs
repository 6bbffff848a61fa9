//! A request snapshot for every row, and the builder's rules: encoding, defaults, refusals.

use crate::support::{BASE, TOKEN, config_for, row, sample_params};
use liveagent_core::endpoint::Family;
use liveagent_core::error::BuildErrorKind;
use liveagent_core::request::build_request;
use liveagent_core::{Config, Credentials, ENDPOINTS, Secret, TokenHeader};
use serde_json::json;

#[test]
fn every_row_builds_with_all_params_and_matches_its_snapshot() {
    for meta in ENDPOINTS {
        let request = build_request(&config_for(meta), meta, sample_params(meta, true))
            .unwrap_or_else(|e| panic!("{}: {e}", meta.name));
        let text = request.redacted();
        assert!(!text.contains(TOKEN), "{}: token leaked", meta.name);
        assert!(
            !format!("{request:?}").contains(TOKEN),
            "{}: token in Debug",
            meta.name
        );
        insta::assert_snapshot!(meta.name, text);
    }
}

#[test]
fn every_row_builds_with_only_required_params() {
    for meta in ENDPOINTS {
        let request = build_request(&config_for(meta), meta, sample_params(meta, false))
            .unwrap_or_else(|e| panic!("{}: {e}", meta.name));
        let base = match meta.family() {
            Family::Odata => "https://odata-liveagent.example.com/v1.0/odata/",
            _ => BASE,
        };
        assert!(
            request.url.starts_with(base),
            "{}: {}",
            meta.name,
            request.url
        );
        assert!(
            !request.url.contains('{'),
            "{}: unfilled template {}",
            meta.name,
            request.url
        );
    }
}

#[test]
fn seed_example_meta_request() {
    let meta = row("get_conversation_counts");
    let config = config_for(meta);
    let request = build_request(&config, meta, json!({})).unwrap();
    assert_eq!(
        request.url,
        format!("{BASE}/api/v1/accounts/1/conversations/meta")
    );
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.header("api_access_token"), Some(TOKEN));
    assert_eq!(request.header("accept"), Some("application/json"));
}

#[test]
fn rails_query_arrays_and_percent_encoding() {
    let meta = row("list_conversations");
    let request = build_request(
        &config_for(meta),
        meta,
        json!({"labels": ["a b", "c&d"], "q": "ünï/?", "status": "all", "page": 2}),
    )
    .unwrap();
    assert_eq!(
        request.url,
        format!(
            "{BASE}/api/v1/accounts/1/conversations?status=all&q=%C3%BCn%C3%AF%2F%3F&labels[]=a%20b&labels[]=c%26d&page=2"
        )
    );
}

#[test]
fn path_segments_cannot_change_the_route() {
    let meta = row("get_conversation");
    // A numeric id given as a string is fine; anything else is refused before sending.
    let ok = build_request(&config_for(meta), meta, json!({"conversation_id": "12"})).unwrap();
    assert!(ok.url.ends_with("/conversations/12"));
    for bad in [
        json!("../../admin"),
        json!("1/messages"),
        json!(-1),
        json!(1.5),
        json!(""),
    ] {
        let err =
            build_request(&config_for(meta), meta, json!({"conversation_id": bad})).unwrap_err();
        assert_eq!(err.kind, BuildErrorKind::InvalidParam, "{bad}");
        assert_eq!(err.path.as_deref(), Some("$.conversation_id"));
    }
}

#[test]
fn unknown_missing_and_mistyped_params_are_typed_errors() {
    let meta = row("list_conversations");
    let err = build_request(&config_for(meta), meta, json!({"asignee_type": "me"})).unwrap_err();
    assert_eq!(err.kind, BuildErrorKind::UnknownParam);
    assert!(
        err.message.contains("assignee_type"),
        "lists what it takes: {}",
        err.message
    );

    let err = build_request(&config_for(meta), meta, json!({"page": "two"})).unwrap_err();
    assert_eq!(
        (err.kind, err.path.as_deref()),
        (BuildErrorKind::InvalidParam, Some("$.page"))
    );

    let meta = row("add_conversation_labels");
    let err = build_request(&config_for(meta), meta, json!({"conversation_id": 1})).unwrap_err();
    assert_eq!(
        (err.kind, err.path.as_deref()),
        (BuildErrorKind::MissingParam, Some("$.labels"))
    );

    let err = build_request(
        &config_for(meta),
        meta,
        json!({"conversation_id": 1, "labels": ["ok", 3, {}]}),
    )
    .unwrap_err();
    assert_eq!(err.path.as_deref(), Some("$.labels[2]"));

    let err = build_request(&config_for(meta), meta, json!([1])).unwrap_err();
    assert_eq!(err.kind, BuildErrorKind::InvalidParam);
}

#[test]
fn nested_body_objects_are_validated() {
    let meta = row("filter_conversations");
    let err = build_request(
        &config_for(meta),
        meta,
        json!({"payload": [{"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "typo": 1}]}),
    )
    .unwrap_err();
    assert_eq!(
        (err.kind, err.path.as_deref()),
        (BuildErrorKind::InvalidParam, Some("$.payload[0].typo"))
    );
}

#[test]
fn account_id_comes_from_the_config_or_is_required() {
    let meta = row("list_agents");
    let with = build_request(&config_for(meta), meta, json!({})).unwrap();
    assert!(with.url.ends_with("/api/v1/accounts/1/agents"));
    let over = build_request(&config_for(meta), meta, json!({"account_id": 9})).unwrap();
    assert!(over.url.ends_with("/api/v1/accounts/9/agents"));
    let mut config = config_for(meta);
    config.account_id = None;
    let err = build_request(&config, meta, json!({})).unwrap_err();
    assert_eq!(
        (err.kind, err.path.as_deref()),
        (BuildErrorKind::MissingParam, Some("$.account_id"))
    );
}

#[test]
fn credentials_must_fit_the_endpoint() {
    let meta = row("list_agents");
    let none = Config::new(BASE).unwrap();
    assert_eq!(
        build_request(&none, meta, json!({"account_id": 1}))
            .unwrap_err()
            .kind,
        BuildErrorKind::Credentials
    );
    let bot = Config::new(BASE)
        .unwrap()
        .with_credentials(Credentials::AgentBot(Secret::new("b")))
        .unwrap()
        .with_account_id(1u64);
    let err = build_request(&bot, meta, json!({})).unwrap_err();
    assert_eq!(err.kind, BuildErrorKind::Credentials);
    // Bots may call what the server's allow-list lets them.
    let allowed = row("create_message");
    let request = build_request(
        &bot,
        allowed,
        json!({"conversation_id": 1, "content": "hi"}),
    )
    .unwrap();
    assert_eq!(request.header("api_access_token"), Some("b"));
}

#[test]
fn dashed_token_header_and_json_body() {
    let meta = row("create_message");
    let mut config = config_for(meta);
    config.token_header = TokenHeader::Dashed;
    let request = build_request(
        &config,
        meta,
        json!({"conversation_id": 5, "content": "Hello", "private": true}),
    )
    .unwrap();
    assert_eq!(request.header("Api-Access-Token"), Some(TOKEN));
    assert_eq!(request.header("api_access_token"), None);
    assert_eq!(request.header("content-type"), Some("application/json"));
    match &request.body {
        liveagent_core::Body::Json(text) => {
            let body: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(body, json!({"content": "Hello", "private": true}));
        }
        other => panic!("expected JSON, got {other:?}"),
    }
}

#[test]
fn inputs_are_canonicalized_before_sending() {
    // An ISO timestamp becomes the epoch seconds toggle_status accepts; a string id a number.
    let meta = row("toggle_conversation_status");
    let request = build_request(
        &config_for(meta),
        meta,
        json!({"conversation_id": "3", "status": "snoozed", "snoozed_until": "2024-05-02T10:00:00.500Z"}),
    )
    .unwrap();
    let liveagent_core::Body::Json(text) = &request.body else {
        panic!("json body")
    };
    let body: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        body,
        json!({"status": "snoozed", "snoozed_until": 1_714_644_000})
    );
    assert!(request.url.ends_with("/conversations/3/toggle_status"));
}

#[test]
fn typed_params_build_the_same_request_as_json_params() {
    use liveagent_core::api::ListConversationsParams;
    let meta = row("list_conversations");
    let typed = ListConversationsParams::new()
        .status("all")
        .labels(["vip"])
        .page(2);
    let from_typed = liveagent_core::build(&config_for(meta), &typed).unwrap();
    let from_json = build_request(
        &config_for(meta),
        meta,
        json!({"status": "all", "labels": ["vip"], "page": 2}),
    )
    .unwrap();
    assert_eq!(from_typed, from_json);
}

#[test]
fn public_calls_never_carry_a_configured_token() {
    let meta = row("get_public_inbox");
    let config = config_for(row("list_agents"));
    let request = build_request(&config, meta, json!({"inbox_identifier": "hT7pLq2sX9"})).unwrap();
    assert_eq!(
        request.url,
        format!("{BASE}/public/api/v1/inboxes/hT7pLq2sX9")
    );
    assert!(
        request.headers.iter().all(|(_, v)| v != TOKEN),
        "{request:?}"
    );
}

#[test]
fn platform_calls_need_a_platform_token_and_their_own_account_id() {
    let meta = row("get_platform_account");
    let user = config_for(row("list_agents"));
    assert_eq!(
        build_request(&user, meta, json!({"account_id": 3}))
            .unwrap_err()
            .kind,
        BuildErrorKind::Credentials
    );
    let platform = config_for(meta);
    let err = build_request(&platform, meta, json!({})).unwrap_err();
    assert_eq!(
        err.kind,
        BuildErrorKind::MissingParam,
        "the client's account_id is for the account API only"
    );
    let ok = build_request(&platform, meta, json!({"account_id": 3})).unwrap();
    assert!(ok.url.ends_with("/platform/api/v1/accounts/3"));
}

#[test]
fn a_body_is_sent_exactly_when_the_contract_has_one() {
    // Body fields, none set: `{}` (the spec marks such bodies required).
    let meta = row("create_public_conversation");
    let request = build_request(
        &config_for(meta),
        meta,
        json!({"inbox_identifier": "i", "contact_identifier": "c"}),
    )
    .unwrap();
    assert_eq!(request.body, liveagent_core::Body::Json("{}".into()));
    assert_eq!(request.header("content-type"), Some("application/json"));
    // No body fields: no body at all (the spec gives these POSTs none, and Prism refuses one).
    let meta = row("update_public_last_seen");
    let request = build_request(
        &config_for(meta),
        meta,
        json!({"inbox_identifier": "i", "contact_identifier": "c", "conversation_id": 1}),
    )
    .unwrap();
    assert_eq!(request.body, liveagent_core::Body::None);
    assert_eq!(request.header("content-type"), None);
}
