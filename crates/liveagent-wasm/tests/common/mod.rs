//! The wasm shell against the emulator over real `fetch`, shared by the Node and the browser
//! runs. The emulator's base URL comes in at compile time (`LIVEAGENT_EMULATOR_URL`, set by
//! `scripts/test`, which starts it); tokens come from its `/__emulator/info`. The runner may
//! interleave tests, so each test injects its faults on a route no other test calls.

use js_sys::{Function, JSON, Promise, Reflect};
use liveagent_wasm::{AbortSignal, Backend};
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The emulator's base URL; a test built without it fails (it never skips).
fn base() -> &'static str {
    match option_env!("LIVEAGENT_EMULATOR_URL") {
        Some(url) => url,
        None => panic!("build the wasm tests with LIVEAGENT_EMULATOR_URL set (scripts/test does)"),
    }
}

// Globals are reached through `Reflect`: an `extern` block repeating the shell's own imports
// would define the same symbols twice.
fn global(name: &str) -> Function {
    Reflect::get(&js_sys::global(), &name.into())
        .unwrap()
        .unchecked_into()
}

fn fetch(url: &str, init: &JsValue) -> Promise {
    global("fetch")
        .call2(&JsValue::NULL, &url.into(), init)
        .unwrap()
        .unchecked_into()
}

/// A new `AbortController` and its signal.
fn abort_controller() -> (JsValue, AbortSignal) {
    let controller = Reflect::construct(&global("AbortController"), &js_sys::Array::new()).unwrap();
    let signal = Reflect::get(&controller, &"signal".into()).unwrap();
    (controller, signal.unchecked_into())
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// A request to the emulator's control API; its JSON answer.
async fn control(method: &str, path: &str, body: Value) -> Value {
    let mut init = json!({"method": method, "headers": {"content-type": "application/json"}});
    if !body.is_null() {
        init["body"] = body.to_string().into();
    }
    let init = JSON::parse(&init.to_string()).unwrap();
    let response = JsFuture::from(fetch(&format!("{}/__emulator/{path}", base()), &init))
        .await
        .unwrap();
    let text = Reflect::get(&response, &"text".into()).unwrap();
    let text = text.unchecked_into::<Function>().call0(&response).unwrap();
    let text = JsFuture::from(Promise::resolve(&text)).await.unwrap();
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

async fn fault(spec: Value) {
    control("POST", "faults", spec).await;
}

async fn token(kind: &str) -> String {
    let info = control("GET", "info", Value::Null).await;
    info["tokens"][kind].as_str().unwrap().to_owned()
}

fn index(name: &str) -> u32 {
    liveagent_core::ENDPOINTS
        .iter()
        .position(|m| m.js_name() == name)
        .unwrap() as u32
}

async fn backend(options: Value) -> Backend {
    let mut all = json!({"baseUrl": base(), "token": token("admin").await, "accountId": 1});
    all.as_object_mut()
        .unwrap()
        .extend(options.as_object().unwrap().clone());
    Backend::new(&all.to_string(), None)
        .map_err(|e| e.as_string())
        .unwrap()
}

/// Calls `name`; the result or the error, parsed from the JSON the backend settles with.
async fn call(
    backend: &Backend,
    name: &str,
    params: Value,
    options: Value,
    signal: Option<AbortSignal>,
) -> Result<Value, Value> {
    let settled = JsFuture::from(backend.call(
        index(name),
        params.to_string(),
        options.to_string(),
        signal,
        None,
    ))
    .await;
    let parse = |v: JsValue| serde_json::from_str(&v.as_string().unwrap()).unwrap();
    settled.map(parse).map_err(parse)
}

pub(crate) async fn success_with_raw_response() {
    let backend = backend(json!({})).await;
    let agents = call(&backend, "listAgents", json!({}), json!({}), None)
        .await
        .unwrap();
    let names: Vec<&str> = agents
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Ada Admin"), "{names:?}");

    let raw = call(
        &backend,
        "getConversationCounts",
        json!({"status": "all"}),
        json!({"raw": true}),
        None,
    )
    .await
    .unwrap();
    assert_eq!(raw["status"], 200);
    assert!(
        raw["headers"]["content-type"]
            .as_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body: Value = serde_json::from_str(raw["body"].as_str().unwrap()).unwrap();
    assert_eq!(raw["data"], body);
    assert!(raw["data"]["meta"]["all_count"].as_u64().unwrap() >= 6);
}

pub(crate) async fn api_error_is_typed() {
    let backend = backend(json!({})).await;
    let missing = call(
        &backend,
        "getConversation",
        json!({"conversation_id": 999_999}),
        json!({}),
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(
        (&missing["code"], &missing["status"]),
        (&json!("API"), &json!(404))
    );
    assert!(missing["requestId"].is_string(), "{missing}");

    let stranger = Backend::new(
        &json!({"baseUrl": base(), "token": "not-a-token", "accountId": 1}).to_string(),
        None,
    )
    .unwrap();
    let denied = call(&stranger, "getAccount", json!({}), json!({}), None)
        .await
        .unwrap_err();
    assert_eq!(
        (&denied["code"], &denied["status"]),
        (&json!("API"), &json!(401))
    );
    assert!(!denied.to_string().contains("not-a-token"), "{denied}");

    let build = call(&backend, "getConversation", json!({}), json!({}), None)
        .await
        .unwrap_err();
    assert_eq!(
        (&build["code"], &build["kind"], &build["path"]),
        (
            &json!("BUILD"),
            &json!("missing_param"),
            &json!("$.conversation_id")
        )
    );
}

pub(crate) async fn decode_error_keeps_the_body() {
    fault(json!({"method": "GET", "path": "/api/v1/accounts/*/teams", "kind": "status", "status": 200, "body": "{\"oops\":", "times": 1})).await;
    let backend = backend(json!({})).await;
    let error = call(&backend, "listTeams", json!({}), json!({}), None)
        .await
        .unwrap_err();
    assert_eq!(
        (&error["code"], &error["status"], &error["body"]),
        (&json!("DECODE"), &json!(200), &json!("{\"oops\":"))
    );
}

pub(crate) async fn timeout_ends_the_attempt() {
    // The server would answer after a minute: only the timeout can end the call with TIMEOUT.
    fault(json!({"method": "GET", "path": "/api/v1/accounts/*/labels", "kind": "latency", "ms": 60000, "times": 1})).await;
    let backend = backend(json!({})).await;
    let error = call(
        &backend,
        "listLabels",
        json!({}),
        json!({"timeout": 200, "maxRetries": 0}),
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(
        (&error["code"], &error["timeout"]),
        (&json!("TIMEOUT"), &json!(200))
    );
}

pub(crate) async fn abort_cancels_the_call() {
    // The server would answer after a minute: only the abort can end the call with ABORTED.
    fault(json!({"method": "GET", "path": "/api/v1/accounts/*/canned_responses", "kind": "latency", "ms": 60000, "times": 1})).await;
    let backend = backend(json!({})).await;
    let (controller, signal) = abort_controller();
    let abort = Reflect::get(&controller, &"abort".into())
        .unwrap()
        .unchecked_into::<Function>()
        .bind0(&controller);
    global("setTimeout")
        .call2(&JsValue::NULL, &abort, &100.into())
        .unwrap();
    let error = call(
        &backend,
        "listCannedResponses",
        json!({}),
        json!({}),
        Some(signal.clone()),
    )
    .await
    .unwrap_err();
    assert_eq!(error["code"], "ABORTED", "{error}");
    assert_eq!(error["sent"], true, "the attempt was in flight: {error}");

    // An already aborted signal: nothing is sent.
    let error = call(
        &backend,
        "listCannedResponses",
        json!({}),
        json!({}),
        Some(signal),
    )
    .await
    .unwrap_err();
    assert_eq!(error["code"], "ABORTED");
    assert_eq!(error["sent"], false, "{error}");
}

pub(crate) async fn retries_after_429() {
    control("DELETE", "requests", Value::Null).await;
    fault(json!({"method": "GET", "path": "/api/v1/accounts/*/inboxes", "kind": "status", "status": 429, "retry_after": "1", "body": "", "times": 1})).await;
    let backend = backend(json!({})).await;
    let started = now();
    let inboxes = call(&backend, "listInboxes", json!({}), json!({}), None)
        .await
        .unwrap();
    assert!(!inboxes["payload"].as_array().unwrap().is_empty());
    assert!(now() - started >= 1000.0, "Retry-After: 1 was not honoured");
    let log = control("GET", "requests", Value::Null).await;
    let statuses: Vec<&Value> = log["requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["path"] == "/api/v1/accounts/1/inboxes")
        .map(|e| &e["status"])
        .collect();
    assert_eq!(statuses, [&json!(429), &json!(200)]);
}

/// Declares the suite's tests in the including file.
#[macro_export]
macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            async fn $name() {
                common::$name().await;
            }
        )*
    };
}
