//! Live updates: `/cable`, ActionCable's WebSocket endpoint with Chatwoot's `RoomChannel`.
//!
//! A socket gets `welcome`, subscribes with `{"channel":"RoomChannel","pubsub_token",
//! "account_id","user_id"}` (a user) or with a contact inbox's `pubsub_token` (a contact), is
//! confirmed or rejected as `RoomChannel#subscribed` decides, and hears a ping every 3 s. What
//! the API's actions cause is broadcast as `ActionCableListener` does: `{event, data}` to the
//! pubsub tokens of the inbox's members and the account's administrators (and the contact's,
//! for what the contact may see), contacts events to the account's stream.

use crate::deliver::Event;
use crate::events::conversation_payload;
use crate::store::{Id, Sender, Store};
use crate::views::contacts::contact_push;
use crate::views::messages::message_push;
use futures_util::{SinkExt, StreamExt};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use tokio::sync::mpsc;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::Role;

/// What a socket's task is told to do.
#[derive(Debug)]
enum Out {
    Frame(String),
    Close,
}

/// One subscribed socket: its identifier, the streams it hears and its outbox.
#[derive(Debug)]
struct Socket {
    id: u64,
    identifier: String,
    streams: Vec<String>,
    tx: mpsc::UnboundedSender<Out>,
}

/// The open sockets.
#[derive(Debug, Default)]
pub(crate) struct Hub {
    sockets: Mutex<Vec<Socket>>,
    next: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Hub {
    /// Sockets open now (`GET /__emulator/cable`).
    pub(crate) fn count(&self) -> usize {
        lock(&self.sockets).len()
    }

    /// Closes every socket (`POST /__emulator/cable/drop`): the clients must reconnect.
    pub(crate) fn drop_all(&self) -> usize {
        let sockets = lock(&self.sockets);
        for s in sockets.iter() {
            let _ = s.tx.send(Out::Close);
        }
        sockets.len()
    }

    /// Sends `{event, data}` to every socket subscribed to one of `streams`, once each.
    fn broadcast(&self, streams: &[String], event: &str, data: Value) {
        let message = json!({ "event": event, "data": data });
        for s in lock(&self.sockets).iter() {
            if s.streams.iter().any(|mine| streams.contains(mine)) {
                let frame = json!({ "identifier": s.identifier, "message": message });
                let _ = s.tx.send(Out::Frame(frame.to_string()));
            }
        }
    }

    /// Broadcasts what the API's actions caused (the webhook events of one request).
    pub(crate) fn publish(&self, store: &Store, events: &[Event]) {
        if lock(&self.sockets).is_empty() {
            return;
        }
        for e in events {
            for (streams, name, data) in broadcasts(store, e) {
                self.broadcast(&streams, name, data);
            }
        }
    }
}

/// Answers a WebSocket handshake on `/cable` and serves the socket in a task of its own.
pub(crate) fn upgrade(
    app: std::sync::Arc<crate::server::App>,
    mut request: hyper::Request<hyper::body::Incoming>,
) -> hyper::Response<http_body_util::Full<bytes::Bytes>> {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase)
    };
    let is_websocket = header("upgrade").is_some_and(|u| u == "websocket");
    let key = request.headers().get("sec-websocket-key").cloned();
    let (true, Some(key)) = (is_websocket, key) else {
        let mut response = hyper::Response::new(http_body_util::Full::new(
            bytes::Bytes::from_static(b"Page not found"),
        ));
        *response.status_mut() = hyper::StatusCode::NOT_FOUND;
        return response;
    };
    let accept = derive_accept_key(key.as_bytes());
    let on_upgrade = hyper::upgrade::on(&mut request);
    tokio::spawn(async move {
        if let Ok(upgraded) = on_upgrade.await {
            serve(app, upgraded).await;
        }
    });
    let mut response = hyper::Response::new(http_body_util::Full::new(bytes::Bytes::new()));
    *response.status_mut() = hyper::StatusCode::SWITCHING_PROTOCOLS;
    let headers = response.headers_mut();
    headers.insert(
        "upgrade",
        hyper::header::HeaderValue::from_static("websocket"),
    );
    headers.insert(
        "connection",
        hyper::header::HeaderValue::from_static("Upgrade"),
    );
    if let Ok(accept) = hyper::header::HeaderValue::from_str(&accept) {
        headers.insert("sec-websocket-accept", accept);
    }
    response
}

/// Serves one upgraded connection until either side closes it.
async fn serve(app: std::sync::Arc<crate::server::App>, upgraded: hyper::upgrade::Upgraded) {
    let ws = WebSocketStream::from_raw_socket(TokioIo::new(upgraded), Role::Server, None).await;
    let (mut sink, mut stream) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let id = app.cable.next.fetch_add(1, Ordering::Relaxed);
    let welcome = Message::text(r#"{"type":"welcome"}"#);
    if sink.send(welcome).await.is_err() {
        return;
    }
    let mut ping = tokio::time::interval(std::time::Duration::from_secs(3));
    ping.tick().await;
    loop {
        tokio::select! {
            frame = stream.next() => match frame {
                Some(Ok(Message::Text(text))) => {
                    if let Some(reply) = command(&app, id, &tx, text.as_str()) {
                        let _ = sink.send(Message::text(reply)).await;
                    }
                }
                Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
            out = rx.recv() => match out {
                Some(Out::Frame(text)) => {
                    if sink.send(Message::text(text)).await.is_err() {
                        break;
                    }
                }
                Some(Out::Close) | None => {
                    let _ = sink.close().await;
                    break;
                }
            },
            _ = ping.tick() => {
                let frame = json!({ "type": "ping", "message": crate::clock::now() as i64 });
                if sink.send(Message::text(frame.to_string())).await.is_err() {
                    break;
                }
            }
        }
    }
    lock(&app.cable.sockets).retain(|s| s.id != id);
}

/// A client command; the frame to answer, if any.
fn command(
    app: &crate::server::App,
    id: u64,
    tx: &mpsc::UnboundedSender<Out>,
    text: &str,
) -> Option<String> {
    let frame: Value = serde_json::from_str(text).ok()?;
    let identifier = frame.get("identifier")?.as_str()?.to_owned();
    if frame.get("command")?.as_str()? != "subscribe" {
        // `update_presence` and the like: accepted, nothing to answer.
        return None;
    }
    let params: Value = serde_json::from_str(&identifier).ok()?;
    let streams = app.with_store(|store| streams_of(store, &params));
    let kind = match streams {
        Some(streams) => {
            lock(&app.cable.sockets).push(Socket {
                id,
                identifier: identifier.clone(),
                streams,
                tx: tx.clone(),
            });
            "confirm_subscription"
        }
        None => "reject_subscription",
    };
    Some(json!({ "identifier": identifier, "type": kind }).to_string())
}

/// The streams `RoomChannel#subscribed` would give: the pubsub token, and the account's for a
/// user. `None` when `find_by!` would raise (unknown token, wrong user, foreign account).
fn streams_of(store: &Store, params: &Value) -> Option<Vec<String>> {
    if params.get("channel")?.as_str()? != "RoomChannel" {
        return None;
    }
    let token = params.get("pubsub_token")?.as_str()?.to_owned();
    let user_id = params.get("user_id").and_then(as_id);
    match user_id {
        Some(user_id) => {
            let user = store.user(user_id).filter(|u| u.pubsub_token == token)?;
            let account_id = params.get("account_id").and_then(as_id)?;
            store.membership(account_id, user.id)?;
            Some(vec![token, format!("account_{account_id}")])
        }
        None => store
            .contact_inboxes
            .iter()
            .any(|ci| ci.pubsub_token == token)
            .then(|| vec![token]),
    }
}

fn as_id(v: &Value) -> Option<Id> {
    v.as_u64().or_else(|| v.as_str()?.parse().ok())
}

/// The pubsub tokens of an inbox's members and the account's administrators.
fn user_tokens(store: &Store, account_id: Id, inbox_id: Option<Id>) -> Vec<String> {
    store
        .account_users
        .iter()
        .filter(|au| au.account_id == account_id)
        .filter(|au| {
            au.role == "administrator"
                || inbox_id.is_some_and(|i| store.is_inbox_member(i, au.user_id))
        })
        .filter_map(|au| store.user(au.user_id).map(|u| u.pubsub_token.clone()))
        .collect()
}

/// The cable broadcasts of one webhook event: `(streams, event, data)`.
fn broadcasts(store: &Store, e: &Event) -> Vec<(Vec<String>, &'static str, Value)> {
    let id = e.payload.get("id").and_then(as_id);
    let with_account = |mut data: Value| {
        data["account_id"] = json!(e.account_id);
        data
    };
    let users = || user_tokens(store, e.account_id, e.inbox_id);
    let conversation = |display_id: Option<Id>| {
        let c = store
            .conversations
            .of_account(e.account_id)
            .find(|c| Some(c.display_id) == display_id)?;
        let mut data = conversation_payload(store, c);
        if let Value::Object(o) = &mut data {
            o.remove("account");
        }
        let contact = store
            .contact_inbox(c.contact_inbox_id)
            .map(|ci| ci.pubsub_token.clone());
        Some((with_account(data), contact))
    };
    match e.name {
        "message_created" | "message_updated" => {
            let Some(m) = id.and_then(|id| store.messages.get(id)) else {
                return Vec::new();
            };
            let mut streams = users();
            let contact_sees = !m.private && m.message_type != 2;
            if contact_sees
                && let Some(c) = store.conversation(m.conversation_id)
                && let Some(ci) = store.contact_inbox(c.contact_inbox_id)
            {
                streams.push(ci.pubsub_token.clone());
            }
            let name = if e.name == "message_created" {
                "message.created"
            } else {
                "message.updated"
            };
            vec![(streams, name, with_account(message_push(store, m)))]
        }
        "conversation_created" | "conversation_status_changed" | "conversation_updated" => {
            let Some((data, contact)) = conversation(id) else {
                return Vec::new();
            };
            let mut streams = users();
            streams.extend(contact);
            let name = match e.name {
                "conversation_created" => "conversation.created",
                "conversation_status_changed" => "conversation.status_changed",
                _ => "conversation.updated",
            };
            let mut out = vec![(streams.clone(), name, data.clone())];
            let changed = e
                .payload
                .get("changed_attributes")
                .map(Value::to_string)
                .unwrap_or_default();
            if changed.contains("\"assignee_id\"") {
                out.push((users(), "assignee.changed", data.clone()));
            }
            if changed.contains("\"team_id\"") {
                out.push((users(), "team.changed", data));
            }
            out
        }
        "conversation_typing_on" | "conversation_typing_off" => {
            let display = e.payload["conversation"].get("id").and_then(as_id);
            let Some((conversation_data, contact)) = conversation(display) else {
                return Vec::new();
            };
            let user = &e.payload["user"];
            let typist = match (user["type"].as_str(), user.get("id").and_then(as_id)) {
                (Some("user"), Some(id)) => store.user(id).map(|u| u.pubsub_token.clone()),
                (Some("contact"), _) => contact.clone(),
                _ => None,
            };
            // `typing_event_listener_tokens`: the inbox's users and the contact, but not the typist.
            let mut streams = users();
            streams.extend(contact);
            streams.retain(|t| Some(t) != typist.as_ref());
            let mut data = with_account(e.payload.clone());
            data["conversation"] = conversation_data;
            // `user.push_event_data` (the webhook has `webhook_data`: id, name, email, type).
            let who = match (user["type"].as_str(), user.get("id").and_then(as_id)) {
                (Some("user"), Some(id)) => Some(Sender::User(id)),
                (Some("contact"), Some(id)) => Some(Sender::Contact(id)),
                (Some("agent_bot"), Some(id)) => Some(Sender::Bot(id)),
                _ => None,
            };
            data["user"] =
                crate::views::messages::sender(store, e.account_id, who).unwrap_or(Value::Null);
            let name = if e.name == "conversation_typing_on" {
                "conversation.typing_on"
            } else {
                "conversation.typing_off"
            };
            vec![(streams, name, data)]
        }
        "contact_created" | "contact_updated" => {
            let Some(c) = id.and_then(|id| store.contact(id)) else {
                return Vec::new();
            };
            let name = if e.name == "contact_created" {
                "contact.created"
            } else {
                "contact.updated"
            };
            vec![(
                vec![format!("account_{}", e.account_id)],
                name,
                with_account(contact_push(c)),
            )]
        }
        _ => Vec::new(),
    }
}
