//! The call state machine: which outcomes are retried, after how long, and how it ends.

use crate::support::{config_for, response, row};
use liveagent_core::{Call, CallOptions, Error, Failure, Step};
use serde_json::json;

fn call(name: &str, params: serde_json::Value) -> Call {
    let meta = row(name);
    Call::new(&config_for(meta), meta, params, CallOptions::default()).unwrap()
}

fn with_retry_after(status: u16, value: &str) -> liveagent_core::RawResponse {
    let mut r = response(status, "");
    r.headers.push(("retry-after".into(), value.into()));
    r
}

#[test]
fn a_429_is_retried_after_retry_after_even_for_a_post() {
    let mut c = call(
        "create_message",
        json!({"conversation_id": 1, "content": "hi"}),
    );
    assert_eq!(
        c.on_response(with_retry_after(429, "2"), None, 0.5),
        Step::Retry { delay_ms: 2000 }
    );
    let ok = response(
        200,
        r#"{"id":1,"content":"hi","inbox_id":1,"conversation_id":1,"message_type":1,
        "content_type":"text","status":"sent","content_attributes":{},"created_at":1,"private":false,"source_id":null}"#,
    );
    let Step::Done(Ok(success)) = c.on_response(ok, None, 0.5) else {
        panic!("done")
    };
    assert_eq!(success.value()["content"], "hi");
    assert_eq!(c.retries(), 1);
}

#[test]
fn a_post_that_gets_a_503_is_not_retried() {
    let mut c = call(
        "create_message",
        json!({"conversation_id": 1, "content": "hi"}),
    );
    let Step::Done(Err(Error::Api(e))) = c.on_response(with_retry_after(503, "1"), None, 0.5)
    else {
        panic!()
    };
    assert_eq!((e.status, e.retry_after), (503, Some(1.0)));
}

#[test]
fn reads_are_retried_after_503_and_timeouts_until_the_budget_is_spent() {
    let mut c = call("list_agents", json!({}));
    assert!(matches!(
        c.on_response(response(503, ""), None, 0.0),
        Step::Retry { delay_ms: 250 }
    ));
    assert!(matches!(
        c.on_failure(Failure::Timeout, None, 0.0),
        Step::Retry { delay_ms: 500 }
    ));
    let Step::Done(Err(Error::Timeout(e))) = c.on_failure(Failure::Timeout, None, 0.0) else {
        panic!()
    };
    assert_eq!(e.timeout_ms, 60_000);
    assert_eq!(e.endpoint, "GET /api/v1/accounts/{account_id}/agents");
}

#[test]
fn connect_failures_are_retried_broken_posts_are_not() {
    let mut c = call("create_conversation", json!({"inbox_id": 1}));
    assert!(matches!(
        c.on_failure(Failure::Connect("refused".into()), None, 0.0),
        Step::Retry { .. }
    ));
    let Step::Done(Err(Error::Transport(e))) =
        c.on_failure(Failure::AfterSend("reset".into()), None, 0.0)
    else {
        panic!()
    };
    assert_eq!(e.phase, liveagent_core::error::TransportPhase::AfterSend);
}

#[test]
fn per_call_options_override_the_client() {
    let meta = row("create_message");
    let options = CallOptions {
        max_retries: Some(0),
        timeout_ms: Some(0),
        retry_non_idempotent: None,
        deadline_ms: None,
        stall_timeout_ms: Some(0),
    };
    let mut c = Call::new(
        &config_for(meta),
        meta,
        json!({"conversation_id": 1}),
        options,
    )
    .unwrap();
    assert_eq!(c.timeout_ms(), None);
    assert_eq!(c.stall_timeout_ms(), None);
    assert!(matches!(
        c.on_response(response(429, ""), None, 0.0),
        Step::Done(Err(_))
    ));

    let options = CallOptions {
        retry_non_idempotent: Some(true),
        timeout_ms: Some(5),
        ..CallOptions::default()
    };
    let mut c = Call::new(
        &config_for(meta),
        meta,
        json!({"conversation_id": 1}),
        options,
    )
    .unwrap();
    assert_eq!(c.timeout_ms(), Some(5));
    assert!(matches!(
        c.on_response(response(502, ""), None, 0.0),
        Step::Retry { .. }
    ));
}

#[test]
fn build_errors_surface_before_any_attempt() {
    let meta = row("create_message");
    let err = Call::new(
        &config_for(meta),
        meta,
        json!({"content": "no conversation"}),
        CallOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "BUILD");
    assert_eq!(call("list_agents", json!({})).aborted().code(), "ABORTED");
}

#[test]
fn an_abort_says_whether_an_attempt_was_handed_to_the_transport() {
    let mut c = call(
        "create_message",
        json!({"conversation_id": 1, "content": "hi"}),
    );
    let sent = |e: Error| match e {
        Error::Aborted(a) => a.sent,
        other => panic!("{other:?}"),
    };
    assert!(!c.sent());
    assert!(!sent(c.aborted()));
    c.sending(0);
    assert!(sent(c.aborted()));
    let Step::Done(Err(Error::Timeout(timeout))) = c.on_failure(Failure::Timeout, None, 0.0) else {
        panic!("a post is not retried after a timeout")
    };
    assert!(timeout.sent);
}

#[test]
fn a_deadline_bounds_the_whole_call_retries_and_waits_included() {
    let meta = row("list_agents");
    let mut config = config_for(meta);
    config.deadline_ms = Some(1_000);
    let mut c = Call::new(&config, meta, json!({}), CallOptions::default()).unwrap();
    // The first attempt may take what is left of the deadline, no more.
    c.sending(10_000);
    assert_eq!(c.timeout_ms(), Some(1_000));
    // A 503 at 600 ms: the backoff (250-500 ms) still fits, so the call retries...
    assert!(matches!(
        c.on_response(response(503, ""), Some(10_600), 0.0),
        Step::Retry { delay_ms: 250 }
    ));
    c.sending(10_850);
    assert_eq!(
        c.timeout_ms(),
        Some(150),
        "the second attempt gets the rest"
    );
    // ...but not when the wait would end past the deadline: the caller gets the error now.
    let Step::Done(Err(Error::Api(e))) = c.on_response(response(503, ""), Some(10_900), 0.0) else {
        panic!("no retry past the deadline")
    };
    assert_eq!(e.status, 503);
    // A per-call deadline of 0 removes the client's.
    let options = CallOptions {
        deadline_ms: Some(0),
        ..CallOptions::default()
    };
    let mut c = Call::new(&config, meta, json!({}), options).unwrap();
    c.sending(0);
    assert_eq!(c.timeout_ms(), config.timeout_ms);
}

#[test]
fn a_stalled_body_is_a_timeout_that_says_so_and_is_retried_like_one() {
    let read = row("list_agents");
    let config = config_for(read);
    assert_eq!(
        config.stall_timeout_ms,
        Some(liveagent_core::config::DEFAULT_STALL_TIMEOUT_MS)
    );
    let options = CallOptions {
        stall_timeout_ms: Some(250),
        ..CallOptions::default()
    };
    let mut c = Call::new(&config, read, json!({}), options).unwrap();
    assert_eq!(c.stall_timeout_ms(), Some(250));
    // A read is retried after a stall, as after a timeout, until the retries run out.
    assert!(matches!(
        c.on_failure(Failure::Stalled, None, 0.0),
        Step::Retry { .. }
    ));
    assert!(matches!(
        c.on_failure(Failure::Stalled, None, 0.0),
        Step::Retry { .. }
    ));
    let Step::Done(Err(Error::Timeout(e))) = c.on_failure(Failure::Stalled, None, 0.0) else {
        panic!("a third stall ends the call");
    };
    assert!(e.stalled && e.sent);
    assert_eq!(e.timeout_ms, 250);
    assert!(
        e.to_string().contains("stalled: no bytes for 250 ms"),
        "{e}"
    );

    // A post is not: the server answered, so it carried the request out.
    let post = row("create_message");
    let mut c = Call::new(
        &config_for(post),
        post,
        json!({"conversation_id": 1, "content": "hi"}),
        CallOptions::default(),
    )
    .unwrap();
    let Step::Done(Err(Error::Timeout(e))) = c.on_failure(Failure::Stalled, None, 0.0) else {
        panic!("a stalled post is not retried");
    };
    assert_eq!(
        e.timeout_ms,
        liveagent_core::config::DEFAULT_STALL_TIMEOUT_MS
    );
}
