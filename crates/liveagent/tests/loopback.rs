//! The native client against a scripted HTTP server on loopback: retries, timeouts, errors,
//! raw access and pagination over real sockets.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use liveagent::api::{
    CreateMessageParams, GetConversationCountsParams, ListAgentsParams, ListContactsParams,
};
use liveagent::{CallOptions, Client, Error};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const TOKEN: &str = "secret-token-123";

/// What the server does with the next request.
enum Reply {
    Respond {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: String,
    },
    /// Read the request and never answer.
    Hang,
    /// A 200 whose JSON body comes in `pieces` writes, `gap` apart.
    Trickle {
        body: String,
        pieces: usize,
        gap: Duration,
    },
    /// A 200 that declares its body's length, sends half of it, then nothing for 30 s.
    Stall { body: String },
}

fn json(status: u16, body: &str) -> Reply {
    Reply::Respond {
        status,
        headers: vec![("content-type", "application/json".into())],
        body: body.into(),
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    head: String,
    body: String,
    at: Instant,
}

struct Server {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

async fn serve(replies: Vec<Reply>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let queue = Arc::new(Mutex::new(VecDeque::from(replies)));
    let log = seen.clone();
    tokio::spawn(async move {
        loop {
            let (mut socket, _) = listener.accept().await.unwrap();
            let (log, queue) = (log.clone(), queue.clone());
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                let head_end = loop {
                    let n = socket.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        break i + 4;
                    }
                };
                let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
                let length = head
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap())
                    })
                    .unwrap_or(0);
                while buf.len() < head_end + length {
                    let n = socket.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                }
                let body = String::from_utf8_lossy(&buf[head_end..]).into_owned();
                log.lock().unwrap().push(Seen {
                    head,
                    body,
                    at: Instant::now(),
                });
                let reply = queue
                    .lock()
                    .unwrap()
                    .pop_front()
                    .unwrap_or_else(|| json(500, r#"{"error":"script ran out"}"#));
                match reply {
                    Reply::Respond {
                        status,
                        headers,
                        body,
                    } => {
                        let mut out = format!(
                            "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
                            body.len()
                        );
                        for (k, v) in headers {
                            out.push_str(&format!("{k}: {v}\r\n"));
                        }
                        out.push_str("\r\n");
                        out.push_str(&body);
                        let _ = socket.write_all(out.as_bytes()).await;
                    }
                    Reply::Hang => tokio::time::sleep(Duration::from_secs(30)).await,
                    Reply::Trickle { body, pieces, gap } => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = socket.write_all(head.as_bytes()).await;
                        let size = body.len().div_ceil(pieces);
                        for piece in body.as_bytes().chunks(size) {
                            tokio::time::sleep(gap).await;
                            let _ = socket.write_all(piece).await;
                            let _ = socket.flush().await;
                        }
                    }
                    Reply::Stall { body } => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = socket.write_all(head.as_bytes()).await;
                        let _ = socket.write_all(&body.as_bytes()[..body.len() / 2]).await;
                        let _ = socket.flush().await;
                        tokio::time::sleep(Duration::from_secs(30)).await;
                    }
                }
            });
        }
    });
    Server { base, seen }
}

fn client(base: &str) -> Client {
    Client::builder(base)
        .user_token(TOKEN)
        .account_id(1)
        .build()
        .unwrap()
}

const COUNTS: &str =
    r#"{"meta":{"mine_count":0,"assigned_count":20,"unassigned_count":512,"all_count":532}}"#;

#[tokio::test]
async fn seed_example_round_trip() {
    let server = serve(vec![json(200, COUNTS)]).await;
    let counts = client(&server.base)
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap();
    assert_eq!(
        counts.meta().map(|m| (m.unassigned_count(), m.all_count())),
        Some((512, 532))
    );
    let seen = server.seen.lock().unwrap();
    assert!(
        seen[0]
            .head
            .starts_with("GET /api/v1/accounts/1/conversations/meta HTTP/1.1\r\n"),
        "{}",
        seen[0].head
    );
    assert!(seen[0].head.contains(&format!("api_access_token: {TOKEN}")));
}

#[tokio::test]
async fn a_429_with_retry_after_is_retried_once_after_the_delay() {
    let server = serve(vec![
        Reply::Respond {
            status: 429,
            headers: vec![("retry-after", "1".into())],
            body: String::new(),
        },
        json(200, COUNTS),
    ])
    .await;
    let counts = client(&server.base)
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap();
    assert_eq!(counts.meta().map(|m| m.all_count()), Some(532));
    let seen = server.seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "exactly one retry");
    let waited = seen[1].at - seen[0].at;
    assert!(
        waited >= Duration::from_millis(1000),
        "retried after {waited:?}, before Retry-After"
    );
}

#[tokio::test]
async fn a_post_that_gets_a_503_is_not_retried() {
    let server = serve(vec![
        json(503, r#"{"error":"maintenance"}"#),
        json(200, "{}"),
    ])
    .await;
    let err = client(&server.base)
        .create_message(CreateMessageParams::new(3u64).content("Hello"))
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}")
    };
    assert_eq!(
        (api.status, api.message.as_deref()),
        (503, Some("maintenance"))
    );
    let seen = server.seen.lock().unwrap();
    assert_eq!(seen.len(), 1, "a message post must not be sent twice");
    assert_eq!(seen[0].body, r#"{"content":"Hello"}"#);
    assert!(!format!("{err} {err:?}").contains(TOKEN));
}

#[tokio::test]
async fn a_timeout_gives_a_timeout_error_after_the_retries() {
    let server = serve(vec![Reply::Hang, Reply::Hang]).await;
    let client = Client::builder(&server.base)
        .user_token(TOKEN)
        .account_id(1)
        .timeout(Some(Duration::from_millis(200)))
        .max_retries(1)
        .build()
        .unwrap();
    let err = client
        .list_agents(ListAgentsParams::new())
        .await
        .unwrap_err();
    let Error::Timeout(t) = &err else {
        panic!("expected a timeout, got {err:?}")
    };
    assert_eq!(t.timeout_ms, 200);
    assert_eq!(err.code(), "TIMEOUT");
    assert_eq!(
        server.seen.lock().unwrap().len(),
        2,
        "a read is retried once after a timeout"
    );
}

#[tokio::test]
async fn a_stalled_body_fails_at_the_stall_guard_and_a_trickling_one_does_not() {
    // The per-attempt timeout is a minute and the server stalls for 30 s: only the stall
    // guard can end this call, so its ending proves the guard, without timing it.
    let server = serve(vec![
        Reply::Stall {
            body: COUNTS.into(),
        },
        Reply::Stall {
            body: COUNTS.into(),
        },
    ])
    .await;
    let client = Client::builder(&server.base)
        .user_token(TOKEN)
        .account_id(1)
        .timeout(Some(Duration::from_secs(60)))
        .stall_timeout(Some(Duration::from_millis(300)))
        .max_retries(1)
        .build()
        .unwrap();
    let err = client
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap_err();
    let Error::Timeout(t) = &err else {
        panic!("expected a stall, got {err:?}")
    };
    assert!(t.stalled && t.sent, "{t:?}");
    assert_eq!(t.timeout_ms, 300);
    assert_eq!(err.code(), "TIMEOUT");
    assert_eq!(
        server.seen.lock().unwrap().len(),
        2,
        "a stalled read is retried once"
    );

    // Six pieces 250 ms apart take 1.5 s, longer than the 1 s guard: the guard waits for the
    // next bytes, not for the whole body.
    let server = serve(vec![Reply::Trickle {
        body: COUNTS.into(),
        pieces: 6,
        gap: Duration::from_millis(250),
    }])
    .await;
    let client = Client::builder(&server.base)
        .user_token(TOKEN)
        .account_id(1)
        .stall_timeout(Some(Duration::from_secs(1)))
        .max_retries(0)
        .build()
        .unwrap();
    let counts = client
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap();
    assert_eq!(counts.meta().map(|m| m.unassigned_count()), Some(512));
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder(&base)
        .user_token(TOKEN)
        .account_id(1)
        .max_retries(0)
        .build()
        .unwrap();
    let err = client
        .list_agents(ListAgentsParams::new())
        .await
        .unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("expected a transport error, got {err:?}")
    };
    assert_eq!(t.phase, liveagent::core::error::TransportPhase::Connect);
    assert!(
        !t.message.contains("127.0.0.1"),
        "no URL in transport messages: {}",
        t.message
    );
}

#[tokio::test]
async fn raw_access_keeps_status_headers_and_body() {
    let server = serve(vec![Reply::Respond {
        status: 200,
        headers: vec![("x-request-id", "abc-1".into())],
        body:
            r#"{"meta":{"mine_count":"1","assigned_count":1,"unassigned_count":0,"all_count":1}}"#
                .into(),
    }])
    .await;
    let raw = client(&server.base)
        .send_raw(GetConversationCountsParams::new(), CallOptions::default())
        .await
        .unwrap();
    assert_eq!(raw.status, 200);
    assert!(
        raw.headers
            .iter()
            .any(|(k, v)| k == "x-request-id" && v == "abc-1")
    );
    assert!(
        String::from_utf8_lossy(&raw.body).contains(r#""mine_count":"1""#),
        "the raw body is untouched"
    );
    assert_eq!(
        raw.value.meta().map(|m| m.mine_count()),
        Some(1),
        "the value is normalized"
    );
    assert_eq!(raw.drift.entries.len(), 1, "and the repair is reported");
}

#[tokio::test]
async fn strict_mode_refuses_drift() {
    let server = serve(vec![json(
        200,
        r#"{"meta":{"mine_count":"1","assigned_count":1,"unassigned_count":0,"all_count":1}}"#,
    )])
    .await;
    let client = Client::builder(&server.base)
        .user_token(TOKEN)
        .account_id(1)
        .strict(true)
        .build()
        .unwrap();
    let err = client
        .get_conversation_counts(GetConversationCountsParams::new())
        .await
        .unwrap_err();
    let Error::Decode(d) = err else {
        panic!("expected a decode error")
    };
    assert_eq!(d.path, "$.meta.mine_count");
}

#[tokio::test]
async fn pagination_streams_every_item_across_pages() {
    use futures_util::StreamExt;
    let contact = |id: u64| {
        format!(
            r#"{{"additional_attributes":{{}},"availability_status":"offline","email":null,"id":{id},"name":"c{id}","phone_number":null,"blocked":false,"identifier":"c{id}","thumbnail":"","custom_attributes":{{}}}}"#
        )
    };
    let page = |ids: std::ops::Range<u64>, n: u64| {
        let items: Vec<String> = ids.map(contact).collect();
        json(
            200,
            &format!(
                r#"{{"meta":{{"count":20,"current_page":"{n}"}},"payload":[{}]}}"#,
                items.join(",")
            ),
        )
    };
    let server = serve(vec![page(1..16, 1), page(16..21, 2)]).await;
    let ids: Vec<u64> = client(&server.base)
        .paginate(ListContactsParams::new().sort("name"))
        .map(|c| c.unwrap().id.get())
        .collect()
        .await;
    assert_eq!(ids, (1..21).collect::<Vec<_>>());
    let seen = server.seen.lock().unwrap();
    assert!(
        seen[0]
            .head
            .starts_with("GET /api/v1/accounts/1/contacts?page=1&sort=name "),
        "{}",
        seen[0].head
    );
    assert!(
        seen[1]
            .head
            .starts_with("GET /api/v1/accounts/1/contacts?page=2&sort=name "),
        "{}",
        seen[1].head
    );
}

#[tokio::test]
async fn build_errors_send_nothing() {
    let server = serve(vec![]).await;
    let anonymous = Client::builder(&server.base).build().unwrap();
    let err = anonymous
        .list_agents(ListAgentsParams::new().account_id(1u64))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "BUILD");
    let Error::Build(b) = err else { panic!() };
    assert_eq!(b.kind, liveagent::core::error::BuildErrorKind::Credentials);
    let no_account = Client::builder(&server.base)
        .user_token(TOKEN)
        .build()
        .unwrap();
    let err = no_account
        .list_agents(ListAgentsParams::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "BUILD");
    assert!(
        server.seen.lock().unwrap().is_empty(),
        "nothing reached the server"
    );
}
