//! The request log is bounded: it keeps the newest entries up to its capacity and counts the
//! rest, cuts long bodies (after redacting them), and finds entries by path and request id.

use crate::support::Emu;
use liveagent_emulator::Options;
use serde_json::{Value, json};

/// A request with the admin's token; returns the status and the `x-request-id` it carried.
async fn send(emu: &Emu, method: &str, path: &str, body: Option<Value>) -> (u16, String) {
    let url = format!("{}{path}", emu.base());
    let http = reqwest::Client::new();
    let request = match method {
        "POST" => http.post(url),
        "PATCH" => http.patch(url),
        _ => http.get(url),
    };
    let request = request.header("api_access_token", emu.token("admin"));
    let request = match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(body.to_string()),
        None => request,
    };
    let response = request.send().await.unwrap();
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    (response.status().as_u16(), request_id)
}

fn queries(entries: &[Value]) -> Vec<&str> {
    entries
        .iter()
        .map(|e| e["query"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn the_log_keeps_the_newest_entries_up_to_its_capacity_and_counts_the_rest() {
    let emu = Emu::start_with(Options {
        log_capacity: 25,
        ..Options::default()
    })
    .await;
    for n in 1..=100 {
        send(&emu, "GET", &format!("/api/v1/profile?n={n}"), None).await;
        if n % 10 == 0 {
            let log = emu.control("GET", "requests", Value::Null).await;
            let kept = log["requests"].as_array().unwrap().len();
            assert_eq!(kept, n.min(25), "after {n} requests");
            assert_eq!(log["evicted"], n.saturating_sub(25), "after {n} requests");
            assert_eq!(log["capacity"], 25);
        }
    }
    let expected: Vec<String> = (76..=100).map(|n| format!("n={n}")).collect();
    assert_eq!(
        queries(&emu.requests().await),
        expected,
        "the newest 25, oldest first"
    );

    emu.control("DELETE", "requests", Value::Null).await;
    let log = emu.control("GET", "requests", Value::Null).await;
    assert_eq!(
        (log["requests"].clone(), log["evicted"].clone()),
        (json!([]), json!(0)),
        "a cleared log starts its count again"
    );
    send(&emu, "GET", "/api/v1/profile?n=101", None).await;
    assert_eq!(queries(&emu.requests().await), ["n=101"]);
}

#[tokio::test]
async fn a_log_of_capacity_zero_keeps_nothing_and_counts_everything() {
    let emu = Emu::start_with(Options {
        log_capacity: 0,
        ..Options::default()
    })
    .await;
    for _ in 0..3 {
        assert_eq!(send(&emu, "GET", "/api/v1/profile", None).await.0, 200);
    }
    let log = emu.control("GET", "requests", Value::Null).await;
    assert_eq!(log["requests"], json!([]));
    assert_eq!(log["evicted"], 3);
}

#[tokio::test]
async fn long_bodies_are_cut_after_redaction_and_marked() {
    // An odd limit, and two-byte characters, so the cut has to step back to a boundary.
    let emu = Emu::start_with(Options {
        log_body_limit: 255,
        ..Options::default()
    })
    .await;
    let secret = "hunter2-is-a-secret";
    let content = "é".repeat(1000);
    let messages = "/api/v1/accounts/1/conversations/1/messages";
    let body = json!({ "password": secret, "content": content, "token": secret });
    assert_eq!(send(&emu, "POST", messages, Some(body)).await.0, 200);
    let short = json!({ "password": secret, "content": "short" });
    assert_eq!(
        send(&emu, "POST", "/api/v1/nowhere", Some(short)).await.0,
        404
    );

    let log = emu.requests().await;
    let long = &log[0];
    let kept = long["body"].as_str().unwrap();
    assert!(
        kept.len() <= 255 && kept.len() >= 254,
        "{} bytes",
        kept.len()
    );
    assert_eq!(long["body_truncated"], true);
    assert!(long["body_length"].as_u64().unwrap() > 2000);
    let answer = long["response"].as_str().unwrap();
    assert!(answer.len() <= 255);
    assert_eq!(long["response_truncated"], true);
    assert!(long["response_length"].as_u64().unwrap() > 2000);

    let whole = &log[1];
    let sent: Value = serde_json::from_str(whole["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        sent,
        json!({ "password": "[redacted]", "content": "short" })
    );
    assert!(whole.get("body_truncated").is_none());
    assert!(whole.get("response_truncated").is_none());
    let response: Value = serde_json::from_str(whole["response"].as_str().unwrap()).unwrap();
    assert_eq!(
        response["status"], 404,
        "an uncut response is the whole JSON"
    );

    let everything = emu
        .control("GET", "requests", Value::Null)
        .await
        .to_string();
    assert!(!everything.contains(secret), "no secret, cut or not");
}

#[tokio::test]
async fn entries_are_found_by_path_method_and_request_id() {
    let emu = Emu::start_with(Options {
        log_capacity: 6,
        ..Options::default()
    })
    .await;
    let (_, first) = send(&emu, "GET", "/api/v1/profile", None).await;
    let mut ids = Vec::new();
    for n in 0..4 {
        ids.push(
            send(
                &emu,
                "GET",
                &format!("/api/v1/accounts/1/labels?n={n}"),
                None,
            )
            .await
            .1,
        );
    }
    send(
        &emu,
        "PATCH",
        "/api/v1/profile",
        Some(json!({"profile": {}})),
    )
    .await;
    send(&emu, "GET", "/api/v1/profile", None).await;

    let select = |query: String| {
        let emu = &emu;
        async move {
            let log = emu
                .control("GET", &format!("requests?{query}"), Value::Null)
                .await;
            log["requests"].as_array().cloned().unwrap()
        }
    };
    // The log holds 6 of the 7: the first profile read was evicted.
    let labels = select("path=/api/v1/accounts/1/labels".into()).await;
    assert_eq!(queries(&labels), ["n=0", "n=1", "n=2", "n=3"]);
    let profile = select("path=/api/v1/profile".into()).await;
    let methods: Vec<&Value> = profile.iter().map(|e| &e["method"]).collect();
    assert_eq!(methods, ["PATCH", "GET"]);
    let patched = select("path=/api/v1/profile&method=patch".into()).await;
    assert_eq!(patched.len(), 1);
    assert_eq!(patched[0]["method"], "PATCH");

    let found = select(format!("request_id={}", ids[2])).await;
    assert_eq!(queries(&found), ["n=2"]);
    assert_eq!(found[0]["request_id"], ids[2].as_str());
    assert_eq!(
        select(format!("request_id={first}")).await,
        Vec::<Value>::new(),
        "evicted"
    );
    assert_eq!(select("path=/nowhere".into()).await, Vec::<Value>::new());
}
