//! A transport of the caller's own (what the Node package plugs in for a JS `fetch`, and what a
//! test double is), and cancellation with `call_until`.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use liveagent::api::{GetConversationCountsParams, ListAgentsParams};
use liveagent::core::endpoint::find;
use liveagent::{CallOptions, Client, Error, Outgoing, RawResponse, Sending, Transport};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Records each request and answers from a script; `None` never answers.
#[derive(Debug, Default)]
struct Scripted {
    seen: Mutex<Vec<String>>,
    replies: Mutex<Vec<Option<(u16, &'static str)>>>,
}

impl Transport for Scripted {
    fn send<'a>(&'a self, request: Outgoing<'a>) -> Sending<'a> {
        let headers: Vec<String> = request
            .headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        self.seen.lock().unwrap().push(format!(
            "{} {} [{}] {}",
            request.method,
            request.url,
            headers.join(", "),
            String::from_utf8_lossy(request.body.unwrap_or_default())
        ));
        let reply = self.replies.lock().unwrap().remove(0);
        Box::pin(async move {
            match reply {
                Some((status, body)) => Ok(RawResponse {
                    status,
                    headers: vec![("content-type".into(), "application/json".into())],
                    body: body.as_bytes().to_vec(),
                }),
                None => std::future::pending().await,
            }
        })
    }
}

fn client(transport: Arc<Scripted>) -> Client {
    Client::builder("https://chat.example.com")
        .user_token("t0ken")
        .account_id(3)
        .transport(transport)
        .build()
        .unwrap()
}

#[tokio::test]
async fn requests_go_through_the_given_transport_and_retries_follow_the_core() {
    let transport = Arc::new(Scripted::default());
    *transport.replies.lock().unwrap() = vec![
        Some((429, "")),
        Some((
            200,
            r#"{"meta":{"mine_count":0,"assigned_count":20,"unassigned_count":512,"all_count":532}}"#,
        )),
    ];
    let counts = client(transport.clone())
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap();
    assert_eq!(counts.meta.unassigned_count, 512);
    let seen = transport.seen.lock().unwrap().clone();
    let expected = "GET https://chat.example.com/api/v1/accounts/3/conversations/meta [accept: application/json, user-agent: liveagent/0.1.0, api_access_token: t0ken] ";
    assert_eq!(seen, [expected, expected]);
}

#[tokio::test]
async fn call_until_aborts_the_attempt_in_flight() {
    let transport = Arc::new(Scripted::default());
    *transport.replies.lock().unwrap() = vec![None];
    let client = client(transport.clone());
    let started = Instant::now();
    let (_, meta) = find("listAgents").unwrap();
    let options = CallOptions {
        timeout_ms: Some(60_000),
        ..CallOptions::default()
    };
    let error = client
        .call_until(
            meta,
            serde_json::to_value(ListAgentsParams::new()).unwrap(),
            options,
            tokio::time::sleep(Duration::from_millis(50)),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Aborted(_)), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(transport.seen.lock().unwrap().len(), 1);
}
