//! The wasm shell's call machine ([`Exchange`]) as `bindings/transport.js` drives it, with the
//! responses and failures a transport reports, in Node and in headless Chromium. The transport
//! itself (fetch, timers, aborts, stalls, over real HTTP) is tested through the packages by the
//! JS suites (`tests/js/cross/reliability.test.js`, `browser.test.js`, `worker.test.js`).

use js_sys::Array;
use liveagent_wasm::{Backend, Exchange};
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;

const NOW: f64 = 1_700_000_000_000.0;

fn index(name: &str) -> u32 {
    liveagent_core::ENDPOINTS
        .iter()
        .position(|m| m.js_name() == name)
        .unwrap() as u32
}

fn backend() -> Backend {
    let options =
        json!({"baseUrl": "https://chat.example.com", "token": "secret-token", "accountId": 1});
    Backend::new(&options.to_string())
        .map_err(|e| e.as_string())
        .unwrap()
}

fn start(name: &str, params: Value, options: Value) -> Result<Exchange, Value> {
    backend()
        .start(
            index(name),
            &params.to_string(),
            &options.to_string(),
            None,
            0.5,
        )
        .map_err(parse)
}

fn parse(v: JsValue) -> Value {
    serde_json::from_str(&v.as_string().unwrap()).unwrap()
}

/// The strings of what `send` returns.
fn sent(exchange: &mut Exchange) -> Vec<String> {
    exchange
        .send(NOW)
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect()
}

fn respond(
    exchange: &mut Exchange,
    status: u16,
    headers: &[&str],
    body: &str,
) -> Result<JsValue, Value> {
    let headers = headers.iter().map(|h| (*h).to_owned()).collect();
    exchange
        .response(status, headers, body.as_bytes().to_vec(), NOW, 0.5)
        .map_err(parse)
}

pub(crate) fn success_with_raw_response() {
    let mut exchange = start(
        "getConversationCounts",
        json!({"status": "all"}),
        json!({"raw": true}),
    )
    .unwrap();
    let request = sent(&mut exchange);
    assert_eq!(request[0], "GET");
    assert_eq!(
        request[1],
        "https://chat.example.com/api/v1/accounts/1/conversations/meta?status=all"
    );
    let token = request
        .iter()
        .position(|h| h == "api_access_token")
        .unwrap();
    assert_eq!(request[token + 1], "secret-token");
    assert!(exchange.body().is_undefined());
    let body = r#"{"meta":{"mine_count":1,"unassigned_count":2,"assigned_count":3,"all_count":6}}"#;
    let result = respond(
        &mut exchange,
        200,
        &["Content-Type", "application/json"],
        body,
    )
    .unwrap();
    let raw: Value = serde_json::from_str(&result.as_string().unwrap()).unwrap();
    assert_eq!(raw["status"], 200);
    assert_eq!(raw["headers"]["content-type"], "application/json");
    assert_eq!(raw["body"], body);
    assert_eq!(raw["data"]["meta"]["all_count"], 6);
}

pub(crate) fn api_error_is_typed() {
    let mut exchange = start("getConversation", json!({"conversation_id": 9}), json!({})).unwrap();
    sent(&mut exchange);
    let missing = respond(
        &mut exchange,
        404,
        &["x-request-id", "r-1"],
        r#"{"error":"Resource could not be found"}"#,
    )
    .unwrap_err();
    assert_eq!(
        (&missing["code"], &missing["status"]),
        (&json!("API"), &json!(404))
    );
    assert_eq!(missing["requestId"], "r-1");
    assert!(!missing.to_string().contains("secret-token"), "{missing}");

    let build = start("getConversation", json!({}), json!({}))
        .err()
        .unwrap();
    assert_eq!(
        (&build["code"], &build["kind"], &build["path"]),
        (
            &json!("BUILD"),
            &json!("missing_param"),
            &json!("$.conversation_id")
        )
    );
}

pub(crate) fn decode_error_keeps_the_body() {
    let mut exchange = start("listTeams", json!({}), json!({})).unwrap();
    sent(&mut exchange);
    let error = respond(&mut exchange, 200, &[], "{\"oops\":").unwrap_err();
    assert_eq!(
        (&error["code"], &error["status"], &error["body"]),
        (&json!("DECODE"), &json!(200), &json!("{\"oops\":"))
    );
}

pub(crate) fn timeout_ends_the_attempt() {
    let mut exchange = start(
        "listLabels",
        json!({}),
        json!({"timeout": 200, "maxRetries": 0}),
    )
    .unwrap();
    assert_eq!(exchange.timeout(), Some(200.0));
    sent(&mut exchange);
    let error = exchange
        .failure("timeout", String::new(), NOW + 200.0, 0.5)
        .map_err(parse)
        .unwrap_err();
    assert_eq!(
        (&error["code"], &error["timeout"]),
        (&json!("TIMEOUT"), &json!(200))
    );

    // A read may be retried after a timeout: the core says how long to wait.
    let mut exchange = start("listLabels", json!({}), json!({"timeout": 200})).unwrap();
    sent(&mut exchange);
    let delay = exchange
        .failure("timeout", String::new(), NOW, 0.5)
        .unwrap();
    assert!(delay.as_f64().is_some_and(|ms| ms > 0.0), "{delay:?}");
}

pub(crate) fn abort_cancels_the_call() {
    let mut exchange = start("listCannedResponses", json!({}), json!({})).unwrap();
    let before: Value = serde_json::from_str(&exchange.aborted()).unwrap();
    assert_eq!(
        (&before["code"], &before["sent"]),
        (&json!("ABORTED"), &json!(false))
    );
    sent(&mut exchange);
    let after: Value = serde_json::from_str(&exchange.aborted()).unwrap();
    assert_eq!(
        (&after["code"], &after["sent"]),
        (&json!("ABORTED"), &json!(true))
    );
}

pub(crate) fn retries_after_429() {
    let mut exchange = start("listInboxes", json!({}), json!({})).unwrap();
    sent(&mut exchange);
    let delay = respond(&mut exchange, 429, &["Retry-After", "1"], "").unwrap();
    assert_eq!(delay.as_f64(), Some(1000.0), "Retry-After: 1 is one second");
    sent(&mut exchange);
    let inboxes = respond(
        &mut exchange,
        200,
        &[],
        r#"{"payload":[{"id":1,"name":"Web"}]}"#,
    )
    .unwrap();
    let inboxes: Value = serde_json::from_str(&inboxes.as_string().unwrap()).unwrap();
    assert_eq!(inboxes["payload"][0]["id"], 1);
}

pub(crate) fn multipart_body_and_content_type() {
    let files = Array::of1(&Array::of3(
        &"note.txt".into(),
        &"text/plain".into(),
        &js_sys::Uint8Array::from(&b"hello"[..]).into(),
    ));
    let mut exchange = backend()
        .start(
            index("createMessage"),
            &json!({"conversation_id": 1, "content": "see file", "attachments": [{"$file": 0}]})
                .to_string(),
            "{}",
            Some(files),
            0.5,
        )
        .map_err(parse)
        .unwrap();
    let request = sent(&mut exchange);
    let at = request.iter().rposition(|h| h == "content-type").unwrap();
    assert!(
        request[at + 1].starts_with("multipart/form-data; boundary=liveagent-"),
        "{request:?}"
    );
    let body = js_sys::Uint8Array::new(&exchange.body()).to_vec();
    let text = String::from_utf8_lossy(&body);
    assert!(
        text.contains("hello") && text.contains("note.txt"),
        "{text}"
    );
}

/// Declares the suite's tests in the including file.
#[macro_export]
macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $name() {
                common::$name();
            }
        )*
    };
}
