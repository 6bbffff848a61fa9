//! A transport of the caller's own (what the Node package plugs in for a JS `fetch`, and what a
//! test double is), and cancellation with `call_until`.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use liveagent::api::{GetConversationCountsParams, ListAgentsParams};
use liveagent::core::endpoint::find;
use liveagent::{CallOptions, Client, Error, Outgoing, RawResponse, Sending, Transport};
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

/// Records each request and answers from a script; `None` never answers.
#[derive(Debug, Default)]
struct Scripted {
    seen: Mutex<Vec<String>>,
    replies: Mutex<Vec<Option<(u16, &'static str)>>>,
    /// Notified each time a request is handed over.
    handed_over: Notify,
    /// Each request's `Debug` output.
    debug: Mutex<Vec<String>>,
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
        self.debug.lock().unwrap().push(format!("{request:?}"));
        let reply = self.replies.lock().unwrap().remove(0);
        self.handed_over.notify_one();
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
    assert_eq!(counts.meta().map(|m| m.unassigned_count()), Some(512));
    let seen = transport.seen.lock().unwrap().clone();
    let expected = "GET https://chat.example.com/api/v1/accounts/3/conversations/meta [accept: application/json, user-agent: liveagent/0.1.0, api_access_token: t0ken] ";
    assert_eq!(seen, [expected, expected]);
    let debug = transport.debug.lock().unwrap().clone();
    assert!(debug[0].contains("api_access_token"), "{}", debug[0]);
    assert!(
        debug.iter().all(|d| !d.contains("t0ken")),
        "the token leaked: {debug:?}"
    );
}

fn list_agents() -> (&'static liveagent::core::EndpointMeta, serde_json::Value) {
    let (_, meta) = find("listAgents").unwrap();
    (meta, serde_json::to_value(ListAgentsParams::new()).unwrap())
}

#[tokio::test]
async fn call_until_aborts_the_attempt_in_flight() {
    let transport = Arc::new(Scripted::default());
    *transport.replies.lock().unwrap() = vec![None];
    let client = client(transport.clone());
    let (meta, params) = list_agents();
    // The transport never answers: only the abort (fired once the request is handed over) can
    // end the call before this timeout, which would fail the assertion below.
    let options = CallOptions {
        timeout_ms: Some(60_000),
        ..CallOptions::default()
    };
    let error = client
        .call_until(meta, params, options, transport.handed_over.notified())
        .await
        .unwrap_err();
    let Error::Aborted(aborted) = &error else {
        panic!("{error:?}")
    };
    assert!(
        aborted.sent,
        "the request was handed over: it may have been sent"
    );
    assert_eq!(transport.seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_call_cancelled_before_it_starts_sends_nothing() {
    let transport = Arc::new(Scripted::default());
    let client = client(transport.clone());
    for _ in 0..1_000 {
        let (meta, params) = list_agents();
        let error = client
            .call_until(meta, params, CallOptions::default(), std::future::ready(()))
            .await
            .unwrap_err();
        let Error::Aborted(aborted) = &error else {
            panic!("{error:?}")
        };
        assert!(!aborted.sent);
        assert!(
            error.to_string().contains("before anything was sent"),
            "{error}"
        );
    }
    assert_eq!(
        transport.seen.lock().unwrap().len(),
        0,
        "nothing reached the transport"
    );
}

#[tokio::test]
async fn an_abort_while_waiting_to_retry_says_the_request_was_sent() {
    let transport = Arc::new(Scripted::default());
    *transport.replies.lock().unwrap() = vec![Some((429, ""))];
    let client = client(transport.clone());
    let (meta, params) = list_agents();
    let cancelled = async {
        transport.handed_over.notified().await;
        // The 429 has been answered; the client now waits to retry.
        tokio::task::yield_now().await;
    };
    let error = client
        .call_until(meta, params, CallOptions::default(), cancelled)
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::Aborted(a) if a.sent), "{error:?}");
    assert_eq!(
        transport.seen.lock().unwrap().len(),
        1,
        "the retry was not made"
    );
}
