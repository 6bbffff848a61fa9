//! Notifications and notification settings.

use crate::clock::{epoch, iso};
use crate::events::conversation_payload;
use crate::store::{
    Message, NOTIFICATION_TYPES, Notification, NotificationActor, NotificationSetting, Sender,
    Store,
};
use crate::views::messages::message_push;
use crate::views::people::user_push;
use serde_json::{Value, json};

/// `Conversation#push_event_data`: the webhook form without the account.
fn conversation_push(store: &Store, n: &Notification) -> Value {
    let Some(c) = store.conversation(n.primary_actor_id) else {
        return Value::Null;
    };
    let mut payload = conversation_payload(store, c);
    if let Some(o) = payload.as_object_mut() {
        o.remove("account");
    }
    payload
}

/// `Notification#push_message_title` (the English `notification_title` strings).
fn title(store: &Store, n: &Notification) -> String {
    let Some(c) = store.conversation(n.primary_actor_id) else {
        return String::new();
    };
    let id = c.display_id;
    match n.notification_type {
        "conversation_creation" => {
            let inbox = store.inbox(c.inbox_id).map_or("", |i| i.name.as_str());
            format!("A conversation (#{id}) has been created in {inbox}")
        }
        "conversation_assignment" => format!("A conversation (#{id}) has been assigned to you"),
        "assigned_conversation_new_message" | "participating_conversation_new_message" => {
            format!("A new message is created in conversation (#{id})")
        }
        "conversation_mention" => format!("You have been mentioned in conversation (#{id})"),
        "sla_missed_first_response" => {
            format!("SLA target first response missed for conversation (#{id})")
        }
        "sla_missed_next_response" => {
            format!("SLA target next response missed for conversation (#{id})")
        }
        "sla_missed_resolution" => format!("SLA target resolution missed for conversation (#{id})"),
        _ => String::new(),
    }
}

/// `Notification#message_body`: `sender: content` (the content cut to 10 words).
fn message_body(store: &Store, m: Option<&Message>) -> String {
    let sender = m
        .and_then(|m| m.sender)
        .and_then(|s| match s {
            Sender::Contact(id) => store.contact(id).map(|c| c.name.clone()),
            Sender::User(id) => store.user(id).map(|u| u.name.clone()),
            Sender::Bot(id) => store.bot(id).and_then(|b| b.name.clone()),
        })
        .unwrap_or_default();
    let content = match m.and_then(|m| m.content.as_deref()).map(str::trim) {
        Some(text) if !text.is_empty() => {
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.len() > 10 {
                format!("{}...", words[..10].join(" "))
            } else {
                words.join(" ")
            }
        }
        _ => "No content".to_owned(),
    };
    format!("{sender}: {content}")
}

/// `Notification#push_message_body`.
fn body(store: &Store, n: &Notification) -> String {
    let messages: Vec<&Message> = store.messages_of(n.primary_actor_id).collect();
    match n.notification_type {
        "conversation_creation" | "sla_missed_first_response" => {
            message_body(store, messages.first().copied())
        }
        "assigned_conversation_new_message"
        | "participating_conversation_new_message"
        | "conversation_mention" => {
            let actor = match n.secondary_actor {
                Some(NotificationActor::Message(id)) => {
                    messages.iter().copied().find(|m| m.id == id)
                }
                _ => None,
            };
            message_body(store, actor)
        }
        "conversation_assignment" | "sla_missed_next_response" | "sla_missed_resolution" => {
            let last = |t: i64| messages.iter().rev().copied().find(|m| m.message_type == t);
            message_body(store, last(0).or_else(|| last(1)))
        }
        _ => String::new(),
    }
}

/// `secondary_actor&.push_event_data`.
fn secondary(store: &Store, n: &Notification) -> Value {
    match n.secondary_actor {
        Some(NotificationActor::User(id)) => store
            .user(id)
            .map_or(Value::Null, |u| user_push(store, n.account_id, u)),
        Some(NotificationActor::Message(id)) => store
            .messages_of(n.primary_actor_id)
            .find(|m| m.id == id)
            .map_or(Value::Null, |m| message_push(store, m)),
        None => Value::Null,
    }
}

/// One item of `api/v1/accounts/notifications/index.json.jbuilder`.
pub(crate) fn notification(store: &Store, n: &Notification) -> Value {
    json!({
        "id": n.id,
        "notification_type": n.notification_type,
        "push_message_title": title(store, n),
        "push_message_body": body(store, n),
        "primary_actor_type": "Conversation",
        "primary_actor_id": n.primary_actor_id,
        "primary_actor": conversation_push(store, n),
        "read_at": iso(n.read_at),
        "secondary_actor": secondary(store, n),
        "user": store.user(n.user_id).map(|u| user_push(store, n.account_id, u)),
        "created_at": epoch(Some(n.created_at)),
        "last_activity_at": epoch(Some(n.last_activity_at)),
        "snoozed_until": iso(n.snoozed_until),
        "meta": n.meta,
    })
}

/// `render json: @notification`: every column.
pub(crate) fn notification_record(n: &Notification) -> Value {
    let (secondary_type, secondary_id) = match n.secondary_actor {
        Some(NotificationActor::User(id)) => (json!("User"), json!(id)),
        Some(NotificationActor::Message(id)) => (json!("Message"), json!(id)),
        None => (Value::Null, Value::Null),
    };
    json!({
        "id": n.id,
        "account_id": n.account_id,
        "user_id": n.user_id,
        "notification_type": n.notification_type,
        "primary_actor_type": "Conversation",
        "primary_actor_id": n.primary_actor_id,
        "secondary_actor_type": secondary_type,
        "secondary_actor_id": secondary_id,
        "read_at": iso(n.read_at),
        "created_at": iso(Some(n.created_at)),
        "updated_at": iso(Some(n.updated_at)),
        "snoozed_until": iso(n.snoozed_until),
        "last_activity_at": iso(Some(n.last_activity_at)),
        "meta": n.meta,
    })
}

/// `api/v1/accounts/notification_settings/show.json.jbuilder` (FlagShihTzu's flag names, in
/// bit order).
pub(crate) fn notification_settings(s: &NotificationSetting) -> Value {
    let flags = |prefix: &str, selected: Option<&[&str]>| -> Vec<String> {
        NOTIFICATION_TYPES
            .iter()
            .filter(|t| selected.is_none_or(|s| s.contains(t)))
            .map(|t| format!("{prefix}_{t}"))
            .collect()
    };
    json!({
        "id": s.id,
        "user_id": s.user_id,
        "account_id": s.account_id,
        "all_email_flags": flags("email", None),
        "selected_email_flags": flags("email", Some(&s.email)),
        "all_push_flags": flags("push", None),
        "selected_push_flags": flags("push", Some(&s.push)),
    })
}
