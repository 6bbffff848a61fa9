//! Error mapping: every server error shape, Retry-After forms, decode errors, no token leaks.

use crate::support::{TOKEN, response, row};
use liveagent_core::response::{parse_response, retry_after_secs};
use liveagent_core::{Error, ParseMode, RawResponse};

fn api_error(status: u16, body: &str) -> liveagent_core::ApiError {
    match parse_response(
        row("get_conversation"),
        ParseMode::Lenient,
        &response(status, body),
        None,
    ) {
        Err(Error::Api(e)) => *e,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn error_key_body() {
    let e = api_error(404, r#"{"error":"Resource could not be found"}"#);
    assert_eq!(e.status, 404);
    assert_eq!(e.message.as_deref(), Some("Resource could not be found"));
    assert!(e.attributes.is_empty());
    assert_eq!(e.body, r#"{"error":"Resource could not be found"}"#);
    assert_eq!(
        e.endpoint,
        "GET /api/v1/accounts/{account_id}/conversations/{conversation_id}"
    );
}

#[test]
fn rails_validation_body() {
    let e = api_error(
        422,
        r#"{"message":"Name can't be blank, Email is invalid","attributes":["name","email"]}"#,
    );
    assert_eq!(
        e.message.as_deref(),
        Some("Name can't be blank, Email is invalid")
    );
    assert_eq!(e.attributes, ["name", "email"]);
}

#[test]
fn devise_and_spec_error_lists() {
    let e = api_error(
        401,
        r#"{"errors":["You need to sign in or sign up before continuing."]}"#,
    );
    assert_eq!(
        e.message.as_deref(),
        Some("You need to sign in or sign up before continuing.")
    );
    let e = api_error(
        400,
        r#"{"description":"Bad","errors":[{"field":"name","message":"is missing","code":"x"}]}"#,
    );
    assert_eq!(e.message.as_deref(), Some("name: is missing"));
}

#[test]
fn empty_plain_and_html_bodies() {
    let e = api_error(429, "");
    assert_eq!((e.status, e.message, e.body.as_str()), (429, None, ""));
    let e = api_error(429, "Retry later\n");
    assert_eq!(e.message.as_deref(), Some("Retry later"));
    let e = api_error(502, "<html><body>Bad gateway</body></html>");
    assert_eq!(e.message, None);
    assert!(e.body.contains("Bad gateway"), "raw body kept");
    let e = api_error(500, r#"{"status":500,"error":"Internal Server Error"}"#);
    assert_eq!(e.message.as_deref(), Some("Internal Server Error"));
}

#[test]
fn request_id_and_retry_after_are_surfaced() {
    let mut r = response(429, "");
    r.headers.push(("X-Request-Id".into(), "req-123".into()));
    r.headers.push(("Retry-After".into(), "7".into()));
    let Err(Error::Api(e)) = parse_response(row("list_agents"), ParseMode::Lenient, &r, None)
    else {
        panic!()
    };
    assert_eq!(e.request_id.as_deref(), Some("req-123"));
    assert_eq!(e.retry_after, Some(7.0));
}

#[test]
fn retry_after_in_seconds_or_http_date() {
    assert_eq!(retry_after_secs("120", None), Some(120.0));
    assert_eq!(retry_after_secs(" 1.5 ", None), Some(1.5));
    assert_eq!(retry_after_secs("-3", None), None);
    let now = 784_111_770_000; // 7 s before the date below
    assert_eq!(
        retry_after_secs("Sun, 06 Nov 1994 08:49:37 GMT", Some(now)),
        Some(7.0)
    );
    assert_eq!(
        retry_after_secs("Sun, 06 Nov 1994 08:49:37 GMT", Some(now + 60_000)),
        Some(0.0)
    );
    assert_eq!(
        retry_after_secs("Sun, 06 Nov 1994 08:49:37 GMT", None),
        None
    );
    assert_eq!(retry_after_secs("soon", Some(now)), None);
    // A clock at either end of i64 (the fuzzer's) waits not at all or for ever, never panics.
    let date = "Sun, 06 Nov 1994 08:49:37 GMT";
    assert_eq!(retry_after_secs(date, Some(i64::MAX)), Some(0.0));
    assert!(retry_after_secs(date, Some(i64::MIN)).is_some_and(|s| s > 9.0e15));
    // The other two HTTP-date forms, and dates no parser should accept.
    assert_eq!(
        retry_after_secs("Sunday, 06-Nov-94 08:49:37 GMT", Some(now)),
        Some(7.0)
    );
    assert_eq!(
        retry_after_secs("Sun Nov  6 08:49:37 1994", Some(now)),
        Some(7.0)
    );
    for hostile in [
        "Fri, 31 Dec 99999999999 23:59:59 GMT",
        "Fri, 31 Dec -9999 23:59:59 GMT",
        "Thu, 31 Feb 2026 10:00:00 GMT",
    ] {
        assert_eq!(retry_after_secs(hostile, Some(now)), None, "{hostile}");
    }
}

#[test]
fn decode_errors_name_the_path_and_keep_the_body() {
    let meta = row("get_conversation_counts");
    let body =
        r#"{"meta":{"mine_count":0,"assigned_count":"many","unassigned_count":1,"all_count":1}}"#;
    // Lenient: a value that cannot be converted reads as null, and drift says where.
    let parsed = parse_response(meta, ParseMode::Lenient, &response(200, body), None).unwrap();
    assert!(parsed.value()["meta"]["assigned_count"].is_null());
    assert_eq!(parsed.drift.entries[0].path, "$.meta.assigned_count");
    // Strict: the same body is a decode error naming every drift, with the body kept.
    let Err(Error::Decode(e)) = parse_response(meta, ParseMode::Strict, &response(200, body), None)
    else {
        panic!("expected a decode error")
    };
    assert_eq!(e.path, "$.meta.assigned_count");
    assert!(
        e.message.contains("expected number, found string"),
        "{}",
        e.message
    );
    assert_eq!(e.body, body);

    // Only what cannot be used fails a lenient call: no JSON, or no object where one was due.
    for body in ["", "not json", "[]", "\"counts\""] {
        let Err(Error::Decode(e)) =
            parse_response(meta, ParseMode::Lenient, &response(200, body), None)
        else {
            panic!("{body:?} should not parse")
        };
        assert_eq!(e.path, "$", "{body:?}");
    }
    // An object without its `meta`, or with a list there: drift, and null in the result.
    for (body, found) in [
        (
            r#"{"meta":[]}"#,
            "expected object ConversationCountsMeta, found array",
        ),
        ("{}", "missing"),
    ] {
        let parsed = parse_response(meta, ParseMode::Lenient, &response(200, body), None).unwrap();
        assert!(parsed.value()["meta"].is_null(), "{body}");
        let drift = parsed.drift.entries[0].to_string();
        assert!(
            drift.starts_with("$.meta: ") && drift.contains(found),
            "{drift}"
        );
        assert!(parse_response(meta, ParseMode::Strict, &response(200, body), None).is_err());
    }
}

#[test]
fn empty_and_text_responses() {
    let ok = parse_response(
        row("delete_agent"),
        ParseMode::Strict,
        &response(200, ""),
        None,
    )
    .unwrap();
    assert!(ok.value().is_null());
    let ok = parse_response(
        row("delete_custom_attribute_definition"),
        ParseMode::Strict,
        &response(204, ""),
        None,
    )
    .unwrap();
    assert!(ok.value().is_null());
}

#[test]
fn errors_never_carry_the_token() {
    // Whatever the transport said, the SDK's errors name the endpoint, not the request.
    let r = RawResponse {
        status: 401,
        headers: vec![],
        body: br#"{"error":"Invalid Access Token"}"#.to_vec(),
    };
    let err = parse_response(row("list_agents"), ParseMode::Lenient, &r, None).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(TOKEN));
    assert_eq!(err.code(), "API");
    assert_eq!(err.status(), Some(401));
}
