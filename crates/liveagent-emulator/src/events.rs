//! Webhook payloads, as the server's `webhook_data` methods build them (`Conversation`,
//! `Message`, `Contact`, `User`, `AgentBot`, `Inbox::EventDataPresenter`), and the
//! `changed_attributes` of update events, from the columns before and after.

use crate::clock::{epoch, iso};
use crate::store::{
    Assignee, Channel, Contact, Conversation, Id, Inbox, Json, Message, Sender, Store,
    WIDGET_FEATURES, WidgetSettings,
};
use crate::views::contacts::contact_push;
use crate::views::messages::{message_push, unread_count};
use crate::views::people::{bot_push, user_push};
use serde_json::{Map, Value, json};

fn account_ref(store: &Store, account_id: Id) -> Value {
    json!({ "id": account_id, "name": store.account(account_id).map(|a| a.name.clone()) })
}

/// `Conversation#webhook_data`: push data (the sender and assignee with their `type`, epoch
/// times, the last chat message in push form) and the account.
pub(crate) fn conversation_payload(store: &Store, c: &Conversation) -> Value {
    let (assignee, assignee_type) = match c.assignee {
        Some(Assignee::User(id)) => (
            store.user(id).map(|u| user_push(store, c.account_id, u)),
            json!("User"),
        ),
        Some(Assignee::Bot(id)) => (store.bot(id).map(bot_push), json!("AgentBot")),
        None => (None, Value::Null),
    };
    json!({
        "id": c.display_id,
        "inbox_id": c.inbox_id,
        "status": c.status,
        "priority": c.priority,
        "channel": store.inbox(c.inbox_id).map(|i| i.channel.type_name()),
        "can_reply": true,
        "labels": c.labels,
        "custom_attributes": c.custom_attributes,
        "additional_attributes": c.additional_attributes,
        "snoozed_until": iso(c.snoozed_until),
        "unread_count": unread_count(store, c.id),
        "first_reply_created_at": iso(c.first_reply_created_at),
        "waiting_since": epoch(c.waiting_since),
        "agent_last_seen_at": epoch(c.agent_last_seen_at),
        "contact_last_seen_at": epoch(c.contact_last_seen_at),
        "last_activity_at": epoch(Some(c.last_activity_at)),
        "timestamp": epoch(Some(c.last_activity_at)),
        "created_at": epoch(Some(c.created_at)),
        "updated_at": c.updated_at,
        "contact_inbox": store.contact_inbox(c.contact_inbox_id).map(|ci| json!({
            "id": ci.id, "contact_id": ci.contact_id, "inbox_id": ci.inbox_id, "source_id": ci.source_id,
            "created_at": iso(Some(ci.created_at)), "updated_at": iso(Some(ci.created_at)),
            "hmac_verified": ci.hmac_verified, "pubsub_token": ci.pubsub_token,
        })),
        "meta": {
            "sender": store.contact(c.contact_id).map(contact_push),
            "assignee": assignee,
            "assignee_type": assignee_type,
            "team": c.team_id.and_then(|id| store.team(id)).map(|t| json!({ "id": t.id, "name": t.name })),
            "hmac_verified": store.contact_inbox(c.contact_inbox_id).map(|ci| ci.hmac_verified),
        },
        // `messages.chat.last`: the last incoming or outgoing message.
        "messages": store.messages_of(c.id).rev().find(|m| m.message_type <= 1).map(|m| vec![message_push(store, m)]).unwrap_or_default(),
        "account": account_ref(store, c.account_id),
    })
}

/// `sender.webhook_data`: a contact's, an agent's (`{id, name, email, type}`) or a bot's.
pub(crate) fn sender_payload(store: &Store, sender: Sender) -> Option<Value> {
    match sender {
        Sender::Contact(id) => store.contact(id).map(|c| contact_payload(store, c)),
        Sender::User(id) => store
            .user(id)
            .map(|u| json!({ "id": u.id, "name": u.name, "email": u.email, "type": "user" })),
        Sender::Bot(id) => store
            .bot(id)
            .map(|b| json!({ "id": b.id, "name": b.name, "type": "agent_bot" })),
    }
}

/// `Message#webhook_data`: the message type is a name here, and `created_at` an ISO string.
pub(crate) fn message_payload(store: &Store, m: &Message) -> Value {
    const TYPES: [&str; 4] = ["incoming", "outgoing", "activity", "template"];
    let inbox = store.inbox(m.inbox_id);
    json!({
        "id": m.id,
        "content": m.content,
        "content_type": m.content_type,
        "content_attributes": m.content_attributes,
        "message_type": TYPES.get(m.message_type as usize).copied().unwrap_or("incoming"),
        "private": m.private,
        "source_id": m.source_id,
        "created_at": iso(Some(m.created_at)),
        "additional_attributes": m.additional_attributes,
        "sender": m.sender.and_then(|s| sender_payload(store, s)),
        "inbox": { "id": m.inbox_id, "name": inbox.map(|i| i.name.clone()) },
        "account": account_ref(store, m.account_id),
        "conversation": store.conversation(m.conversation_id).map(|c| conversation_payload(store, c)),
    })
}

/// `Contact#webhook_data`.
pub(crate) fn contact_payload(store: &Store, c: &Contact) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "email": c.email,
        "phone_number": c.phone_number,
        "identifier": c.identifier,
        "avatar": c.avatar_url.as_deref().unwrap_or(""),
        "thumbnail": c.avatar_url.as_deref().unwrap_or(""),
        "additional_attributes": c.additional_attributes,
        "custom_attributes": c.custom_attributes,
        "blocked": c.blocked,
        "account": account_ref(store, c.account_id),
    })
}

/// A typing event: `{event, user, conversation, is_private}` (`WebhookListener#handle_typing_status`).
pub(crate) fn typing_payload(
    store: &Store,
    c: &Conversation,
    who: Sender,
    is_private: bool,
) -> Value {
    json!({
        "user": sender_payload(store, who),
        "conversation": conversation_payload(store, c),
        "is_private": is_private,
    })
}

/// A web widget's `feature_flags` column: one bit a feature, in [`WIDGET_FEATURES`] order.
fn feature_bits(s: &WidgetSettings) -> i64 {
    WIDGET_FEATURES
        .iter()
        .enumerate()
        .filter(|(_, f)| s.has(f))
        .map(|(bit, _)| 1 << bit)
        .sum()
}

/// The rows of an inbox's weekly schedule, as records (`WorkingHour#as_json`).
pub(crate) fn working_hour_rows(i: &Inbox) -> Value {
    Value::Array(
        i.working_hours
            .iter()
            .map(|h| {
                json!({
                    // The schedule's rows are not records of their own here: ids from the inbox's.
                    "id": i.id * 10 + h.day_of_week as Id, "inbox_id": i.id, "account_id": i.account_id,
                    "day_of_week": h.day_of_week, "closed_all_day": h.closed_all_day,
                    "open_hour": h.open_hour, "open_minutes": h.open_minutes,
                    "close_hour": h.close_hour, "close_minutes": h.close_minutes,
                    "created_at": iso(Some(i.created_at)), "updated_at": iso(Some(i.created_at)),
                    "open_all_day": h.open_all_day,
                })
            })
            .collect(),
    )
}

/// `Inbox::EventDataPresenter#webhook_data`: no inbox id or name; the channel record, the
/// schedule's rows and the account.
pub(crate) fn inbox_payload(store: &Store, i: &Inbox) -> Value {
    let channel = match &i.channel {
        Channel::Api {
            identifier,
            hmac_token,
            hmac_mandatory,
            webhook_url,
            secret,
            additional_attributes,
        } => json!({
            "id": i.channel_id, "account_id": i.account_id, "webhook_url": webhook_url,
            "created_at": iso(Some(i.created_at)), "updated_at": iso(Some(i.created_at)),
            "identifier": identifier, "hmac_token": hmac_token, "hmac_mandatory": hmac_mandatory,
            "additional_attributes": additional_attributes, "secret": secret,
        }),
        Channel::WebWidget {
            website_url,
            website_token,
            widget_color,
            hmac_token,
            settings: s,
        } => json!({
            "id": i.channel_id, "website_url": website_url, "account_id": i.account_id,
            "created_at": iso(Some(i.created_at)), "updated_at": iso(Some(i.created_at)),
            "website_token": website_token, "widget_color": widget_color, "hmac_token": hmac_token,
            "welcome_title": s.welcome_title, "welcome_tagline": s.welcome_tagline,
            "feature_flags": feature_bits(s), "reply_time": s.reply_time,
            "pre_chat_form_enabled": s.pre_chat_form_enabled, "pre_chat_form_options": s.pre_chat_form_options,
            "hmac_mandatory": s.hmac_mandatory, "continuity_via_email": true, "allowed_domains": "",
        }),
    };
    let mut o = inbox_columns(i);
    o.remove("name");
    o.insert("working_hours".into(), working_hour_rows(i));
    o.insert("created_at".into(), iso(Some(i.created_at)));
    o.insert("updated_at".into(), iso(Some(i.updated_at)));
    o.insert("channel".into(), channel);
    o.insert("account".into(), account_ref(store, i.account_id));
    Value::Object(o)
}

/// The inbox columns an update can change, as Rails renders them.
pub(crate) fn inbox_columns(i: &Inbox) -> Json {
    let columns = json!({
        "name": i.name,
        "allow_messages_after_resolved": i.allow_messages_after_resolved,
        "lock_to_single_conversation": i.lock_to_single_conversation,
        "auto_assignment_config": i.auto_assignment_config,
        "enable_auto_assignment": i.enable_auto_assignment,
        "enable_email_collect": i.enable_email_collect,
        "greeting_enabled": i.greeting_enabled,
        "greeting_message": i.greeting_message,
        "csat_survey_enabled": i.csat_survey_enabled,
        "business_name": i.business_name,
        "sender_name_type": i.sender_name_type,
        "timezone": i.timezone,
        "out_of_office_message": i.out_of_office_message,
        "working_hours_enabled": i.working_hours_enabled,
    });
    columns.as_object().cloned().unwrap_or_default()
}

/// The contact columns an update can change.
pub(crate) fn contact_columns(c: &Contact) -> Json {
    let columns = json!({
        "name": c.name, "email": c.email, "phone_number": c.phone_number,
        "identifier": c.identifier, "blocked": c.blocked,
        "additional_attributes": c.additional_attributes, "custom_attributes": c.custom_attributes,
    });
    columns.as_object().cloned().unwrap_or_default()
}

/// The conversation columns whose change makes a `conversation_updated`
/// (`Conversation#list_of_keys`), as Rails renders them.
pub(crate) fn conversation_columns(c: &Conversation) -> Json {
    let (assignee_id, bot_id) = match c.assignee {
        Some(Assignee::User(id)) => (json!(id), Value::Null),
        Some(Assignee::Bot(id)) => (Value::Null, json!(id)),
        None => (Value::Null, Value::Null),
    };
    let columns = json!({
        "team_id": c.team_id, "assignee_id": assignee_id, "assignee_agent_bot_id": bot_id,
        "status": c.status, "snoozed_until": iso(c.snoozed_until),
        "custom_attributes": c.custom_attributes, "label_list": c.labels,
        "waiting_since": iso(c.waiting_since), "first_reply_created_at": iso(c.first_reply_created_at),
        "priority": c.priority,
    });
    columns.as_object().cloned().unwrap_or_default()
}

/// `changed_attributes` (`BaseListener#extract_changed_attributes`): one
/// `{column: {previous_value, current_value}}` per changed column, then `updated_at`; `None`
/// when nothing changed (the server then sends no update event).
pub(crate) fn changes(before: &Json, after: &Json, updated: (f64, f64)) -> Option<Value> {
    let mut list: Vec<Value> = after
        .iter()
        .filter(|(key, value)| before.get(key.as_str()) != Some(*value))
        .map(|(key, value)| {
            let change = json!({ "previous_value": before.get(key), "current_value": value });
            Value::Object(Map::from_iter([(key.clone(), change)]))
        })
        .collect();
    if list.is_empty() {
        return None;
    }
    let change =
        json!({ "previous_value": iso(Some(updated.0)), "current_value": iso(Some(updated.1)) });
    list.push(Value::Object(Map::from_iter([(
        "updated_at".to_owned(),
        change,
    )])));
    Some(Value::Array(list))
}
