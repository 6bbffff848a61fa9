//! Fault injection drives the SDK's reliability paths over real sockets.

use crate::support::Emu;
use liveagent::api::*;
use liveagent::{Client, Error};
use serde_json::json;
use std::time::{Duration, Instant};

fn client(emu: &Emu, retries: u32) -> Client {
    Client::builder(emu.base())
        .user_token(emu.token("admin"))
        .account_id(1)
        .max_retries(retries)
        .timeout(Some(Duration::from_millis(400)))
        .build()
        .unwrap()
}

#[tokio::test]
async fn rate_limits_are_waited_out() {
    let emu = Emu::start().await;
    emu.control("POST", "faults", json!({"method": "GET", "path": "/api/v1/accounts/*/conversations/meta", "kind": "status", "status": 429, "retry_after": "1", "times": 1})).await;
    let started = Instant::now();
    let counts = client(&emu, 2)
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap();
    assert_eq!(counts.meta().unwrap().all_count(), 3);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited for Retry-After"
    );
    let log = emu.requests().await;
    assert_eq!(log.len(), 2);
    assert_eq!(
        log[0]["headers"]["api_access_token"], "[redacted]",
        "the log never shows tokens"
    );
}

#[tokio::test]
async fn server_errors_retry_reads_but_not_posts() {
    let emu = Emu::start().await;
    emu.control("POST", "faults", json!([
        {"method": "GET", "path": "/api/v1/accounts/*/agents", "kind": "status", "status": 502, "times": 1},
        {"method": "POST", "path": "/api/v1/accounts/*/conversations/*/messages", "kind": "status", "status": 503, "times": 1},
    ])).await;
    assert_eq!(
        client(&emu, 2)
            .list_agents(ListAgentsParams::new())
            .await
            .unwrap()
            .len(),
        4
    );
    let posted = client(&emu, 2)
        .create_message(CreateMessageParams::new(1u64).content("once"))
        .await;
    assert!(matches!(posted, Err(Error::Api(ref e)) if e.status == 503));
    let messages = client(&emu, 0)
        .list_messages(ListMessagesParams::new(1u64))
        .await
        .unwrap();
    assert!(
        !messages
            .payload
            .iter()
            .any(|m| m.content.as_deref() == Some("once")),
        "the post was not repeated"
    );
}

#[tokio::test]
async fn dropped_connections_truncated_bodies_and_latency() {
    let emu = Emu::start().await;
    emu.control(
        "POST",
        "faults",
        json!({"path": "/api/v1/accounts/*/teams", "kind": "drop", "times": 1}),
    )
    .await;
    let Err(Error::Transport(t)) = client(&emu, 0).list_teams(ListTeamsParams::new()).await else {
        panic!("dropped")
    };
    assert_eq!(t.phase, liveagent::core::error::TransportPhase::AfterSend);
    assert_eq!(
        client(&emu, 0)
            .list_teams(ListTeamsParams::new())
            .await
            .unwrap()
            .len(),
        2,
        "only once"
    );

    emu.control(
        "POST",
        "faults",
        json!({"path": "/api/v1/accounts/*/labels", "kind": "truncate", "times": 1}),
    )
    .await;
    let Err(Error::Transport(t)) = client(&emu, 0).list_labels(ListLabelsParams::new()).await
    else {
        panic!("truncated")
    };
    assert_eq!(t.phase, liveagent::core::error::TransportPhase::AfterSend);
    emu.control(
        "POST",
        "faults",
        json!({"path": "/api/v1/accounts/*/labels", "kind": "truncate", "times": 1}),
    )
    .await;
    assert_eq!(
        client(&emu, 1)
            .list_labels(ListLabelsParams::new())
            .await
            .unwrap()
            .payload
            .len(),
        4,
        "a read is retried"
    );

    emu.control(
        "POST",
        "faults",
        json!({"path": "/api/v1/accounts/*/labels", "kind": "stall", "ms": 120_000, "times": 1}),
    )
    .await;
    // Half the body, then two minutes of nothing: the client's stall guard ends it.
    let stalled = Client::builder(emu.base())
        .user_token(emu.token("admin"))
        .account_id(1)
        .stall_timeout(Some(Duration::from_millis(200)))
        .max_retries(0)
        .build()
        .unwrap();
    let Err(Error::Timeout(t)) = stalled.list_labels(ListLabelsParams::new()).await else {
        panic!("stalled")
    };
    assert!(t.stalled);

    emu.control(
        "POST",
        "faults",
        json!({"path": "/api/v1/profile", "kind": "latency", "ms": 60_000, "times": 1}),
    )
    .await;
    let Err(Error::Timeout(t)) = client(&emu, 0).get_profile(GetProfileParams::new()).await else {
        panic!("slow")
    };
    assert_eq!(t.timeout_ms, 400);
    emu.control("POST", "reset", json!(null)).await;
    assert_eq!(emu.requests().await, Vec::<serde_json::Value>::new());
}
