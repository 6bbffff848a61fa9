//! Messages: the REST view, the push representation, and the public view.

use super::contacts::contact_push;
use super::object;
use super::people::{bot_push, user_push};
use crate::clock::{epoch, iso};
use crate::store::{Assignee, Blob, Id, Message, Sender, Store};
use serde_json::{Value, json};

/// `sender.push_event_data` of a message's sender, if it still exists.
pub(crate) fn sender(store: &Store, account_id: Id, sender: Option<Sender>) -> Option<Value> {
    match sender? {
        Sender::Contact(id) => store.contact(id).map(contact_push),
        Sender::User(id) => store.user(id).map(|u| user_push(store, account_id, u)),
        Sender::Bot(id) => store.bot(id).map(bot_push),
    }
}

fn display_id(store: &Store, m: &Message) -> Id {
    store
        .conversation(m.conversation_id)
        .map_or(0, |c| c.display_id)
}

/// `api/v1/models/_message.json.jbuilder`. `echo_id` only on the create response.
pub(crate) fn message(store: &Store, m: &Message, echo_id: Option<&str>) -> Value {
    let mut o = object([
        ("id", json!(m.id)),
        ("content", json!(m.content)),
        ("inbox_id", json!(m.inbox_id)),
    ]);
    if let Some(echo) = echo_id {
        o.insert("echo_id".into(), json!(echo));
    }
    o.insert("conversation_id".into(), json!(display_id(store, m)));
    o.insert("message_type".into(), json!(m.message_type));
    o.insert("content_type".into(), json!(m.content_type));
    o.insert("status".into(), json!(m.status));
    o.insert(
        "content_attributes".into(),
        Value::Object(m.content_attributes.clone()),
    );
    o.insert("created_at".into(), epoch(Some(m.created_at)));
    o.insert("private".into(), json!(m.private));
    o.insert("source_id".into(), json!(m.source_id));
    if !m.attachments.is_empty() {
        o.insert("attachments".into(), attachments(store, m));
    }
    if let Some(s) = sender(store, m.account_id, m.sender) {
        o.insert("sender".into(), s);
    }
    Value::Object(o)
}

/// `Message#push_event_data`: how conversations embed their messages.
pub(crate) fn message_push(store: &Store, m: &Message) -> Value {
    let conversation = store.conversation(m.conversation_id);
    let (sender_type, sender_id) = match m.sender {
        Some(Sender::Contact(id)) => (json!("Contact"), json!(id)),
        Some(Sender::User(id)) => (json!("User"), json!(id)),
        Some(Sender::Bot(id)) => (json!("AgentBot"), json!(id)),
        None => (Value::Null, Value::Null),
    };
    let mut o = object([
        ("id", json!(m.id)),
        ("content", json!(m.content)),
        ("account_id", json!(m.account_id)),
        ("inbox_id", json!(m.inbox_id)),
        ("conversation_id", json!(display_id(store, m))),
        ("message_type", json!(m.message_type)),
        ("created_at", epoch(Some(m.created_at))),
        ("updated_at", iso(Some(m.updated_at))),
        ("private", json!(m.private)),
        ("status", json!(m.status)),
        ("source_id", json!(m.source_id)),
        ("content_type", json!(m.content_type)),
        (
            "content_attributes",
            Value::Object(m.content_attributes.clone()),
        ),
        ("sender_type", sender_type),
        ("sender_id", sender_id),
        ("external_source_ids", json!({})),
        (
            "additional_attributes",
            Value::Object(m.additional_attributes.clone()),
        ),
        ("processed_message_content", json!(m.content)),
        ("sentiment", json!({})),
    ]);
    let summary = conversation.map(|c| {
        json!({
            "assignee_id": match c.assignee { Some(Assignee::User(id)) => json!(id), _ => Value::Null },
            "unread_count": unread_count(store, c.id),
            "last_activity_at": epoch(Some(c.last_activity_at)),
            "contact_inbox": { "source_id": store.contact_inbox(c.contact_inbox_id).map(|ci| ci.source_id.clone()) },
        })
    });
    o.insert("conversation".into(), summary.unwrap_or(Value::Null));
    if !m.attachments.is_empty() {
        o.insert("attachments".into(), attachments(store, m));
    }
    if let Some(s) = sender(store, m.account_id, m.sender) {
        o.insert("sender".into(), s);
    }
    Value::Object(o)
}

/// `public/api/v1/models/_message.json.jbuilder`.
pub(crate) fn public_message(store: &Store, m: &Message) -> Value {
    let mut o = object([
        ("id", json!(m.id)),
        ("content", json!(m.content)),
        ("message_type", json!(m.message_type)),
        ("content_type", json!(m.content_type)),
        (
            "content_attributes",
            Value::Object(m.content_attributes.clone()),
        ),
        ("created_at", epoch(Some(m.created_at))),
        ("conversation_id", json!(display_id(store, m))),
    ]);
    if !m.attachments.is_empty() {
        o.insert("attachments".into(), attachments(store, m));
    }
    if let Some(s) = sender(store, m.account_id, m.sender) {
        o.insert("sender".into(), s);
    }
    Value::Object(o)
}

/// `Attachment#push_event_data` of each file (the attachment shares its blob's id here).
pub(crate) fn attachments(store: &Store, m: &Message) -> Value {
    let files = m.attachments.iter().filter_map(|id| store.blob(*id));
    Value::Array(
        files
            .map(|b| {
                let url = store.blob_url(b);
                json!({
                    "id": b.id,
                    "message_id": m.id,
                    "file_type": b.file_type(),
                    "account_id": m.account_id,
                    "extension": b.extension(),
                    "content_type": b.content_type,
                    "data_url": url,
                    "thumb_url": if b.file_type() == "image" { url.as_str() } else { "" },
                    "file_size": b.bytes.len(),
                    "width": null,
                    "height": null,
                })
            })
            .collect(),
    )
}

/// `api/v1/models/_attachment.json.jbuilder`: one file of a conversation, with its message's
/// time and sender.
pub(crate) fn conversation_attachment(store: &Store, m: &Message, blob: &Blob) -> Value {
    let url = store.blob_url(blob);
    let mut o = object([
        ("id", json!(blob.id)),
        ("message_id", json!(m.id)),
        (
            "thumb_url",
            json!(if blob.file_type() == "image" {
                url.as_str()
            } else {
                ""
            }),
        ),
        ("data_url", json!(url)),
        ("file_size", json!(blob.bytes.len())),
        ("file_type", json!(blob.file_type())),
        ("extension", json!(blob.extension())),
        ("width", Value::Null),
        ("height", Value::Null),
        ("created_at", epoch(Some(m.created_at))),
    ]);
    if let Some(s) = sender(store, m.account_id, m.sender) {
        o.insert("sender".into(), s);
    }
    Value::Object(o)
}

/// Incoming messages after the agent last looked, capped at 10 (`.last(10).count`). Walks the
/// incoming messages newest first and stops at the tenth.
pub(crate) fn unread_count(store: &Store, conversation_id: Id) -> usize {
    let seen = store
        .conversation(conversation_id)
        .and_then(|c| c.agent_last_seen_at)
        .unwrap_or(0.0);
    store
        .messages
        .incoming(conversation_id)
        .iter()
        .rev()
        .filter(|m| m.message_type == 0 && m.created_at > seen)
        .take(10)
        .count()
}
