//! Conversations: the full partial, the search partial and the public partial.

use super::contacts::{contact, contact_push, contact_record};
use super::messages::{message_push, public_message, unread_count};
use super::object;
use super::people::{agent, agent_bot_slim, team, user_push};
use crate::clock::{epoch, iso};
use crate::store::{Assignee, Conversation, Id, Sender, Store};
use serde_json::{Value, json};

/// `api/v1/conversations/partials/_conversation.json.jbuilder`.
pub(crate) fn conversation(store: &Store, c: &Conversation, caller: Option<Id>) -> Value {
    let mut meta = serde_json::Map::new();
    if let Some(ct) = store.contact(c.contact_id) {
        meta.insert("sender".into(), contact(store, ct, false));
    }
    meta.insert(
        "channel".into(),
        json!(store.inbox(c.inbox_id).map(|i| i.channel.type_name())),
    );
    match c.assignee {
        Some(Assignee::Bot(id)) => {
            if let Some(bot) = store.bot(id) {
                meta.insert("assignee".into(), agent_bot_slim(bot));
                meta.insert("assignee_type".into(), json!("AgentBot"));
            }
        }
        Some(Assignee::User(id)) => {
            if let Some(user) = store
                .user(id)
                .filter(|u| store.membership(c.account_id, u.id).is_some())
            {
                meta.insert("assignee".into(), agent(store, c.account_id, user));
                meta.insert("assignee_type".into(), json!("User"));
            }
        }
        None => {}
    }
    if let Some(t) = c.team_id.and_then(|id| store.team(id)) {
        meta.insert("team".into(), team(store, t, caller));
    }
    meta.insert(
        "hmac_verified".into(),
        json!(
            store
                .contact_inbox(c.contact_inbox_id)
                .map(|ci| ci.hmac_verified)
        ),
    );

    let last = store
        .messages_of(c.id)
        .next_back()
        .map(|m| message_push(store, m));
    let last_chat = store
        .messages_of(c.id)
        .rev()
        .find(|m| m.message_type != 2)
        .map(|m| message_push(store, m));
    let muted = store.contact(c.contact_id).is_some_and(|ct| ct.blocked);
    Value::Object(object([
        ("meta", Value::Object(meta)),
        ("id", json!(c.display_id)),
        ("messages", Value::Array(last.into_iter().collect())),
        ("account_id", json!(c.account_id)),
        ("uuid", json!(c.uuid)),
        (
            "additional_attributes",
            Value::Object(c.additional_attributes.clone()),
        ),
        ("agent_last_seen_at", epoch(c.agent_last_seen_at)),
        ("assignee_last_seen_at", epoch(c.assignee_last_seen_at)),
        ("can_reply", json!(true)),
        ("contact_last_seen_at", epoch(c.contact_last_seen_at)),
        (
            "custom_attributes",
            Value::Object(c.custom_attributes.clone()),
        ),
        ("inbox_id", json!(c.inbox_id)),
        ("labels", json!(c.labels)),
        ("muted", json!(muted)),
        ("snoozed_until", iso(c.snoozed_until)),
        ("status", json!(c.status)),
        ("created_at", epoch(Some(c.created_at))),
        ("updated_at", json!(c.updated_at)),
        ("timestamp", epoch(Some(c.last_activity_at))),
        ("first_reply_created_at", epoch(c.first_reply_created_at)),
        ("unread_count", json!(unread_count(store, c.id))),
        (
            "last_non_activity_message",
            last_chat.unwrap_or(Value::Null),
        ),
        ("last_activity_at", epoch(Some(c.last_activity_at))),
        ("priority", json!(c.priority)),
        ("waiting_since", epoch(c.waiting_since)),
        ("sla_policy_id", Value::Null),
    ]))
}

/// `api/v1/models/_conversation.json.jbuilder`: search results, with the matching messages.
pub(crate) fn search_conversation(store: &Store, c: &Conversation, q: &str) -> Value {
    let needle = q.to_lowercase();
    let messages: Vec<Value> = store
        .messages_of(c.id)
        .filter(|m| {
            m.message_type <= 1
                && m.content
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().contains(&needle))
        })
        .map(|m| {
            let mut o = object([("content", json!(m.content)), ("id", json!(m.id))]);
            let name = match m.sender {
                Some(Sender::Contact(id)) => store.contact(id).map(|x| x.name.clone()),
                Some(Sender::User(id)) => store.user(id).map(|x| x.name.clone()),
                Some(Sender::Bot(id)) => store.bot(id).and_then(|x| x.name.clone()),
                None => None,
            };
            if let Some(name) = name {
                o.insert("sender_name".into(), json!(name));
            }
            o.insert("message_type".into(), json!(m.message_type));
            o.insert("created_at".into(), epoch(Some(m.created_at)));
            Value::Object(o)
        })
        .collect();
    let inbox = store.inbox(c.inbox_id);
    json!({
        "id": c.display_id,
        "uuid": c.uuid,
        "created_at": epoch(Some(c.created_at)),
        "contact": { "id": c.contact_id, "name": store.contact(c.contact_id).map(|x| x.name.clone()) },
        "inbox": { "id": c.inbox_id, "name": inbox.map(|i| i.name.clone()), "channel_type": inbox.map(|i| i.channel.type_name()) },
        "messages": messages,
        "account_id": c.account_id,
    })
}

/// `public/api/v1/models/_conversation.json.jbuilder`: chat messages only (no activity, no notes).
pub(crate) fn public_conversation(store: &Store, c: &Conversation) -> Value {
    let messages: Vec<Value> = store
        .messages_of(c.id)
        .filter(|m| m.message_type != 2 && !m.private)
        .map(|m| public_message(store, m))
        .collect();
    json!({
        "id": c.display_id,
        "uuid": c.uuid,
        "inbox_id": c.inbox_id,
        "contact_last_seen_at": epoch(c.contact_last_seen_at),
        "status": c.status,
        "agent_last_seen_at": epoch(c.agent_last_seen_at),
        "messages": messages,
        "contact": store.contact(c.contact_id).map(contact_record),
    })
}

/// The `meta` of `GET messages`.
pub(crate) fn messages_meta(store: &Store, c: &Conversation) -> Value {
    let mut o = object([
        ("labels", json!(c.labels)),
        (
            "additional_attributes",
            Value::Object(c.additional_attributes.clone()),
        ),
        (
            "contact",
            store
                .contact(c.contact_id)
                .map(contact_push)
                .unwrap_or(Value::Null),
        ),
    ]);
    if let Some(Assignee::User(id)) = c.assignee
        && let Some(u) = store.user(id)
    {
        o.insert("assignee".into(), user_push(store, c.account_id, u));
    }
    o.insert("agent_last_seen_at".into(), iso(c.agent_last_seen_at));
    o.insert("assignee_last_seen_at".into(), iso(c.assignee_last_seen_at));
    Value::Object(o)
}
