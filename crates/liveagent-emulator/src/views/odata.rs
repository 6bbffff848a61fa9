//! Rows of the OData analytics service's collections, as Cognigy's OData page documents them
//! (`live-agent/tools/odata-endpoint`, versions 1.0, 1.1 and 2.0): integer codes for enums,
//! JSON columns as JSON text (Live Agent 4.77), timestamps as ISO-8601 with milliseconds and
//! `Z` (`User` and `Team` as `2021-12-11 12:41:26.745`, as the docs show them), and in 2.0 the
//! ids the docs type as strings as strings.
//!
//! Each builder writes every field any version has; [`fields`] lists a version's fields, and
//! the route keeps only those.

use crate::clock::iso_text;
use crate::store::{Assignee, Conversation, Id, Inbox, Label, Message, Sender, Store, Team, User};
use serde_json::{Map, Value, json};

pub(crate) use super::odata_fields::{COLLECTIONS, fields, string_ids};

/// A row: field name to value.
pub(crate) type Row = Map<String, Value>;

/// Every row of a collection in the accounts, by id.
pub(crate) fn rows(
    store: &Store,
    collection: &str,
    accounts: &[Id],
    expand_members: bool,
) -> Vec<(Id, Row)> {
    let mine = |account_id: Id| accounts.contains(&account_id);
    let mut rows: Vec<(Id, Row)> = match collection {
        "Message" => store
            .conversations
            .iter()
            .filter(|c| mine(c.account_id))
            .flat_map(|c| store.messages_of(c.id))
            .map(|m| (m.id, message(m)))
            .collect(),
        "Conversation" => {
            // `ended_at`: when a resolved one was last resolved (its `conversation_resolved`
            // event).
            let mut ended: std::collections::HashMap<Id, f64> = std::collections::HashMap::new();
            for e in store
                .reporting_events
                .iter()
                .filter(|e| e.name == "conversation_resolved" && mine(e.account_id))
            {
                ended.insert(e.conversation_id, e.event_end_time);
            }
            store
                .conversations
                .iter()
                .filter(|c| mine(c.account_id))
                .map(|c| {
                    // Resolved without an event (seeded so): its last update.
                    let end = (c.status == "resolved")
                        .then(|| ended.get(&c.id).copied().unwrap_or(c.updated_at));
                    (c.id, conversation(c, end))
                })
                .collect()
        }
        "Inbox" => store
            .inboxes
            .iter()
            .filter(|i| mine(i.account_id))
            .map(|i| (i.id, inbox(i)))
            .collect(),
        "Label" => store
            .labels
            .iter()
            .filter(|l| mine(l.account_id))
            .map(|l| (l.id, label(store, l)))
            .collect(),
        "User" => store
            .users
            .iter()
            .filter(|u| {
                accounts
                    .iter()
                    .any(|a| store.membership(*a, u.id).is_some())
            })
            .map(|u| (u.id, user(store, u, accounts)))
            .collect(),
        "ReportingEvent" => store
            .reporting_events
            .iter()
            .filter(|e| mine(e.account_id))
            .map(|e| {
                let row = json!({
                    "id": e.id, "event_start_time": iso_text(e.event_start_time),
                    "event_end_time": iso_text(e.event_end_time), "name": e.name, "value": e.value,
                    "created_at": iso_text(e.created_at), "updated_at": iso_text(e.created_at),
                    "account_id": e.account_id, "conversation_id": e.conversation_id,
                    "inbox_id": e.inbox_id, "user_id": e.user_id,
                });
                (e.id, object(row))
            })
            .collect(),
        "Team" => store
            .teams
            .iter()
            .filter(|t| mine(t.account_id))
            .map(|t| (t.id, team(store, t, accounts, expand_members)))
            .collect(),
        "AgentAvailabilityRecord" => store
            .availability_records
            .iter()
            .filter(|r| mine(r.account_id))
            .map(|r| {
                let row = json!({
                    "id": r.id, "availability": availability(&r.availability),
                    "created_at": iso_text(r.created_at), "updated_at": iso_text(r.created_at),
                    "account_id": r.account_id, "user_id": r.user_id,
                });
                (r.id, object(row))
            })
            .collect(),
        _ => Vec::new(),
    };
    rows.sort_by_key(|(id, _)| *id);
    rows
}

fn object(value: Value) -> Row {
    match value {
        Value::Object(o) => o,
        _ => Row::new(),
    }
}

fn opt_iso(t: Option<f64>) -> Value {
    t.map_or(Value::Null, |t| Value::String(iso_text(t)))
}

/// `2021-12-11 12:41:26.745`: the docs' form for `User` and `Team` times (UTC).
fn plain_time(t: f64) -> String {
    iso_text(t)
        .replacen('T', " ", 1)
        .trim_end_matches('Z')
        .to_owned()
}

/// A JSON column as the service sends it: its JSON text.
fn json_text(map: &Map<String, Value>) -> Value {
    Value::String(Value::Object(map.clone()).to_string())
}

fn message(m: &Message) -> Row {
    let status = match m.status.as_str() {
        "delivered" => 1,
        "read" => 2,
        "failed" => 3,
        _ => 0,
    };
    let content_type = match m.content_type.as_str() {
        "input_text" => 1,
        "input_textarea" => 2,
        "input_email" => 3,
        "input_select" => 4,
        "cards" => 5,
        "form" => 6,
        "article" => 7,
        "incoming_email" => 8,
        "input_csat" => 9,
        "cognigy" => 2016,
        "request_file_upload" => 2017,
        _ => 0,
    };
    let (sender_type, sender_id) = match m.sender {
        Some(Sender::Contact(id)) => (json!("Contact"), json!(id)),
        Some(Sender::User(id)) => (json!("User"), json!(id)),
        Some(Sender::Bot(id)) => (json!("AgentBot"), json!(id)),
        None => (Value::Null, Value::Null),
    };
    object(json!({
        "id": m.id, "content": m.content, "account_id": m.account_id, "inbox_id": m.inbox_id,
        "conversation_id": m.conversation_id, "message_type": m.message_type,
        "created_at": iso_text(m.created_at), "updated_at": iso_text(m.updated_at),
        "private": m.private, "status": status, "source_id": m.source_id,
        "content_type": content_type, "content_attributes": json_text(&m.content_attributes),
        "sender_type": sender_type, "sender_id": sender_id,
    }))
}

fn conversation(c: &Conversation, ended_at: Option<f64>) -> Row {
    let status = match c.status.as_str() {
        "resolved" => 1,
        "pending" => 2,
        "snoozed" => 3,
        "abandoned" => 4,
        _ => 0,
    };
    let priority = match c.priority.as_deref() {
        Some("low") => json!(0),
        Some("medium") => json!(1),
        Some("high") => json!(2),
        Some("urgent") => json!(3),
        Some("escalation") => json!(4),
        _ => Value::Null,
    };
    let assignee_id = match c.assignee {
        Some(Assignee::User(id)) => json!(id),
        _ => Value::Null,
    };
    let session = c
        .custom_attributes
        .get("cognigy_session_id")
        .cloned()
        .unwrap_or(Value::Null);
    object(json!({
        "id": c.id, "account_id": c.account_id, "inbox_id": c.inbox_id, "status": status,
        "assignee_id": assignee_id, "created_at": iso_text(c.created_at),
        "updated_at": iso_text(c.updated_at), "contact_id": c.contact_id,
        "display_id": c.display_id, "contact_last_seen_at": opt_iso(c.contact_last_seen_at),
        "agent_last_seen_at": opt_iso(c.agent_last_seen_at),
        "additional_attributes": json_text(&c.additional_attributes),
        "contact_inbox_id": c.contact_inbox_id, "uuid": c.uuid, "identifier": null,
        "last_activity_at": iso_text(c.last_activity_at), "team_id": c.team_id,
        "snoozed_until": opt_iso(c.snoozed_until),
        "custom_attributes": json_text(&c.custom_attributes),
        "assignee_last_seen_at": opt_iso(c.assignee_last_seen_at),
        "cognigy_session_id": session, "assigned_at": null, "ended_at": opt_iso(ended_at),
        "first_reply_created_at": opt_iso(c.first_reply_created_at), "priority": priority,
    }))
}

fn inbox(i: &Inbox) -> Row {
    object(json!({
        "id": i.id, "channel_id": i.channel_id, "name": i.name, "email_address": null,
        "account_id": i.account_id, "created_at": iso_text(i.created_at),
        "updated_at": iso_text(i.updated_at), "channel_type": i.channel.type_name(),
        "enable_auto_assignment": i.enable_auto_assignment,
        "greeting_enabled": i.greeting_enabled, "greeting_message": i.greeting_message,
        "working_hours_enabled": i.working_hours_enabled,
        "out_of_office_message": i.out_of_office_message, "timezone": i.timezone,
        "enable_email_collect": i.enable_email_collect,
        "csat_survey_enabled": i.csat_survey_enabled, "cognigy_organization_id": null,
        "cognigy_project_id": null, "enable_auto_reassignment": false,
        "conversation_show_all": false, "conversations_show_all": false,
    }))
}

fn label(store: &Store, l: &Label) -> Row {
    let conversation_ids: Vec<Id> = store
        .conversations
        .of_account(l.account_id)
        .filter(|c| c.labels.contains(&l.title))
        .map(|c| c.id)
        .collect();
    // The emulator keeps no label timestamps: the account's creation stands in for them.
    let created = store.account(l.account_id).map(|a| iso_text(a.created_at));
    object(json!({
        "id": l.id, "title": l.title, "description": l.description, "color": l.color,
        "show_on_sidebar": l.show_on_sidebar.unwrap_or(false), "account_id": l.account_id,
        "created_at": created, "updated_at": created, "conversation_ids": conversation_ids,
    }))
}

/// The availability codes of `User` and `AgentAvailabilityRecord`.
fn availability(text: &str) -> i64 {
    match text {
        "online" => 0,
        "busy" => 2,
        "away" => 3,
        _ => 1,
    }
}

fn user(store: &Store, u: &User, accounts: &[Id]) -> Row {
    let memberships: Vec<_> = accounts
        .iter()
        .filter_map(|a| store.membership(*a, u.id))
        .collect();
    let created = memberships
        .iter()
        .map(|m| m.created_at)
        .fold(f64::INFINITY, f64::min);
    let updated = memberships
        .iter()
        .map(|m| m.updated_at)
        .fold(created, f64::max);
    let (created, updated) = if created.is_finite() {
        (json!(plain_time(created)), json!(plain_time(updated)))
    } else {
        (Value::Null, Value::Null)
    };
    let presence = memberships
        .first()
        .map_or(1, |m| availability(&m.availability));
    object(json!({
        "id": u.id, "provider": "email", "uid": u.email,
        // Never the real password: a stand-in of a bcrypt hash's shape.
        "encrypted_password": format!("$2a$10$emulator{:045}", u.id),
        "reset_password_token": null, "reset_password_sent_at": null,
        "remember_created_at": null, "sign_in_count": 0, "current_sign_in_ip": null,
        "last_sign_in_ip": null, "confirmation_token": null,
        "confirmed_at": if u.confirmed { created.clone() } else { Value::Null },
        "confirmation_sent_at": null, "unconfirmed_email": null, "name": u.name,
        "display_name": u.display_name, "email": u.email, "tokens": "{}",
        "created_at": created, "updated_at": updated, "pubsub_token": u.pubsub_token,
        "availability": presence, "custom_attributes": json_text(&u.custom_attributes),
        "cognigy_user_id": null, "current_sign_in_at": null, "last_sign_in_at": null,
        "last_sign_out_at": null,
    }))
}

fn team(store: &Store, t: &Team, accounts: &[Id], expand_members: bool) -> Row {
    let mut row = object(json!({
        "id": t.id, "name": t.name, "description": t.description,
        "allow_auto_assign": t.allow_auto_assign, "account_id": t.account_id,
        "created_at": plain_time(t.created_at), "updated_at": plain_time(t.updated_at),
    }));
    if expand_members {
        let v2 = fields("User", "v2.0").unwrap_or_default();
        let members: Vec<Value> = store
            .team_members
            .iter()
            .filter(|(team, _)| *team == t.id)
            .filter_map(|(_, user_id)| store.user(*user_id))
            .map(|u| {
                let mut full = user(store, u, accounts);
                full.insert("tokens".into(), Value::Null);
                Value::Object(
                    full.into_iter()
                        .filter(|(k, _)| v2.contains(&k.as_str()))
                        .collect(),
                )
            })
            .collect();
        row.insert("members".into(), Value::Array(members));
    }
    row
}
