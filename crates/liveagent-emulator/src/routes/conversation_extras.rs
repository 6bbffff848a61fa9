//! Account API, conversation lifecycle beyond the spec: drafts, participants, delete,
//! attachments, mute, transcript, read state and unread counts
//! (`/api/v1/accounts/{account_id}/conversations/...`).

use super::{World, can_see};
use crate::auth::{Bots, Scope};
use crate::clock::now;
use crate::events::{changes, contact_columns};
use crate::http::{Fail, Reply, Req, Res};
use crate::ops;
use crate::store::{Assignee, Conversation, Id, Store, Transcript};
use crate::views::conversations::conversation;
use crate::views::messages::conversation_attachment;
use crate::views::people::agent;
use serde_json::{Map, Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    if let ("GET", ["unread_counts"]) = (method, rest) {
        return unread_counts(w, req, account_id);
    }
    // Every other action finds the conversation first (`Conversations::BaseController`).
    let [id, action @ ..] = rest else {
        return Err(Fail::rails_not_found());
    };
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let index = w.conversation_index(&scope, id)?;
    let conversation_id = w.store.conversations[index].id;
    match (method, action) {
        ("GET", ["draft_messages"]) => Ok(Reply::json(
            match w.store.lifecycle.drafts.get(&conversation_id) {
                Some(message) => json!({ "has_draft": true, "message": message }),
                None => json!({ "has_draft": false }),
            },
        )),
        ("PATCH" | "PUT", ["draft_messages"]) => {
            // `params.dig(:draft_message, :message) || ''`
            let message = match req.body.pointer("/draft_message/message") {
                Some(Value::String(s)) => s.clone(),
                None | Some(Value::Null) => String::new(),
                Some(other) => other.to_string(),
            };
            w.store.lifecycle.drafts.insert(conversation_id, message);
            Ok(Reply::ok())
        }
        ("DELETE", ["draft_messages"]) => {
            w.store.lifecycle.drafts.remove(&conversation_id);
            Ok(Reply::ok())
        }
        ("GET", ["participants"]) => Ok(participants(w, account_id, conversation_id)),
        ("POST", ["participants"]) => {
            let wanted = user_ids(req)?;
            let added = add_participants(w, index, &wanted);
            Ok(Reply::json(Value::Array(agents(
                &w.store, account_id, &added,
            ))))
        }
        ("PATCH" | "PUT", ["participants"]) => {
            let wanted = user_ids(req)?;
            add_participants(w, index, &wanted);
            w.store
                .lifecycle
                .participants
                .retain(|(c, u)| *c != conversation_id || wanted.contains(u));
            Ok(participants(w, account_id, conversation_id))
        }
        ("DELETE", ["participants"]) => {
            let gone = user_ids(req)?;
            w.store
                .lifecycle
                .participants
                .retain(|(c, u)| *c != conversation_id || !gone.contains(u));
            Ok(Reply::ok())
        }
        ("DELETE", []) => {
            scope.require_admin()?;
            delete(w, index);
            Ok(Reply::ok())
        }
        ("GET", ["attachments"]) => Ok(Reply::json(attachments(&w.store, req, index))),
        ("POST", ["mute"]) => {
            mute(w, index, &scope, true);
            Ok(Reply::ok())
        }
        ("POST", ["unmute"]) => {
            mute(w, index, &scope, false);
            Ok(Reply::ok())
        }
        ("POST", ["transcript"]) => transcript(w, req, index),
        ("POST", ["unread"]) => {
            // Seen until just before the last incoming message; never seen if there is none.
            let seen = w
                .store
                .messages
                .incoming(conversation_id)
                .iter()
                .next_back()
                .map(|m| m.created_at - 1.0);
            seen_at(w, index, seen, true);
            Ok(show(w, index, &scope))
        }
        ("POST", ["update_last_seen"]) => {
            update_last_seen(w, index, &scope);
            Ok(show(w, index, &scope))
        }
        _ => Err(Fail::no_route()),
    }
}

fn show(w: &World, index: usize, scope: &Scope) -> Reply {
    Reply::json(conversation(
        &w.store,
        &w.store.conversations[index],
        scope.user_id(),
    ))
}

/// `params[:user_ids]`; without it the server fails on `nil` (500).
fn user_ids(req: &Req) -> Result<Vec<Id>, Fail> {
    req.ids("user_ids").ok_or_else(Fail::rails_error)
}

fn agents(store: &Store, account_id: Id, users: &[Id]) -> Vec<Value> {
    users
        .iter()
        .filter_map(|u| store.user(*u))
        .map(|u| agent(store, account_id, u))
        .collect()
}

fn participants(w: &World, account_id: Id, conversation_id: Id) -> Reply {
    let ids = w.store.lifecycle.participants_of(conversation_id);
    Reply::json(Value::Array(agents(&w.store, account_id, &ids)))
}

/// `Inbox#assignable_agents`: the inbox's members and the account's administrators.
fn assignable(store: &Store, c: &Conversation, user_id: Id) -> bool {
    store
        .membership(c.account_id, user_id)
        .is_some_and(|m| m.role == "administrator" || store.is_inbox_member(c.inbox_id, user_id))
}

/// Adds the users that are not yet participants; returns those added. A user without access
/// to the inbox fails `ConversationParticipant#ensure_inbox_access` and is left out.
fn add_participants(w: &mut World, index: usize, wanted: &[Id]) -> Vec<Id> {
    let c = &w.store.conversations[index];
    let current = w.store.lifecycle.participants_of(c.id);
    let added: Vec<Id> = wanted
        .iter()
        .copied()
        .filter(|u| !current.contains(u) && assignable(&w.store, c, *u))
        .fold(Vec::new(), |mut seen, u| {
            if !seen.contains(&u) {
                seen.push(u);
            }
            seen
        });
    let conversation_id = c.id;
    w.store
        .lifecycle
        .participants
        .extend(added.iter().map(|u| (conversation_id, *u)));
    added
}

/// The conversation, its messages and everything hanging off it (`dependent: :destroy_async`).
fn delete(w: &mut World, index: usize) {
    let c = w.store.conversations.remove(index);
    w.store.messages.remove_conversation(c.id);
    w.store
        .reporting_events
        .retain(|e| e.conversation_id != c.id);
    w.store.csat_responses.retain(|r| r.conversation_id != c.id);
    w.store.lifecycle.forget(c.id);
}

/// `Conversation#mute!` (resolve, block the contact) or `#unmute!`, each with its activity
/// message; the contact's change sends `contact_updated`.
fn mute(w: &mut World, index: usize, scope: &Scope, on: bool) {
    let contact_id = w.store.conversations[index].contact_id;
    let Some(before) = w
        .store
        .contact(contact_id)
        .map(|c| (contact_columns(c), c.updated_at))
    else {
        return;
    };
    if on {
        ops::set_status(w, index, "resolved", None, scope.user_id());
    }
    let updated = w.store.contacts.update(contact_id, |c| {
        if c.blocked != on {
            c.blocked = on;
            c.updated_at = now();
        }
        c.clone()
    });
    if let Some(c) = updated
        && let Some(changed) = changes(&before.0, &contact_columns(&c), (before.1, c.updated_at))
    {
        let mut payload = crate::events::contact_payload(&w.store, &c);
        payload["changed_attributes"] = changed;
        w.emit(c.account_id, None, "contact_updated", payload);
    }
    let name = ops::actor_name(w, scope.user_id());
    let verb = if on { "muted" } else { "unmuted" };
    ops::activity(w, index, format!("{name} has {verb} the conversation"));
}

/// `ConversationsController#transcript`: 422 without an email, 429 (empty) past the account's
/// daily `limits.emails`; else the transcript is recorded as sent.
fn transcript(w: &mut World, req: &Req, index: usize) -> Res {
    if req.str("email").is_none_or(|e| e.trim().is_empty()) {
        return Err(Fail::error(422, "email param missing"));
    }
    let c = &w.store.conversations[index];
    let t = now();
    let day = |at: f64| (at / 86_400.0).floor();
    let limit = w
        .store
        .account(c.account_id)
        .and_then(|a| a.limits.get("emails"))
        .and_then(Value::as_f64);
    let sent_today = w
        .store
        .lifecycle
        .transcripts
        .iter()
        .filter(|s| s.account_id == c.account_id && day(s.sent_at) == day(t))
        .count();
    if limit.is_some_and(|l| sent_today as f64 >= l) {
        return Ok(Reply::head(429));
    }
    let record = Transcript {
        account_id: c.account_id,
        conversation_id: c.id,
        sent_at: t,
    };
    w.store.lifecycle.transcripts.push(record);
    Ok(Reply::ok())
}

/// Sets when the agents (and, with `assignee`, the assignee) last saw the conversation.
fn seen_at(w: &mut World, index: usize, at: Option<f64>, assignee: bool) {
    let c = &mut w.store.conversations[index];
    c.agent_last_seen_at = at;
    if assignee {
        c.assignee_last_seen_at = at;
    }
}

/// `ConversationsController#update_last_seen`: at once while something is unread, else at most
/// once an hour.
fn update_last_seen(w: &mut World, index: usize, scope: &Scope) {
    let c = &w.store.conversations[index];
    let is_assignee = scope
        .user_id()
        .is_some_and(|u| c.assignee == Some(Assignee::User(u)));
    let unread_since = |seen: Option<f64>| {
        w.store
            .messages
            .incoming(c.id)
            .iter()
            .next_back()
            .is_some_and(|m| m.created_at > seen.unwrap_or(f64::MIN))
    };
    let t = now();
    let stale = |seen: Option<f64>| seen.is_none_or(|s| s < t - 3600.0);
    let update = if is_assignee {
        unread_since(c.assignee_last_seen_at)
            || stale(c.agent_last_seen_at)
            || stale(c.assignee_last_seen_at)
    } else {
        unread_since(c.agent_last_seen_at) || stale(c.agent_last_seen_at)
    };
    if update {
        seen_at(w, index, Some(t), is_assignee);
    }
}

/// `Conversations::UnreadCountsController#index`: open conversations with an incoming message
/// since an agent last looked, per visible inbox, sidebar label and visible team.
fn unread_counts(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let store = &w.store;
    let enabled = store
        .account(account_id)
        .is_some_and(|a| a.features.iter().any(|f| f == "conversation_unread_counts"));
    if !enabled {
        return Err(Fail::error(
            403,
            "Conversation unread counts feature not enabled for this account",
        ));
    }
    let user = scope.user_id();
    let unread: Vec<&Conversation> = store
        .conversations
        .of_account(account_id)
        .filter(|c| c.status == "open" && can_see(store, &scope, c))
        .filter(|c| {
            let seen = c.agent_last_seen_at.unwrap_or(f64::MIN);
            store
                .messages
                .incoming(c.id)
                .iter()
                .next_back()
                .is_some_and(|m| m.created_at > seen)
        })
        .collect();
    let mut inboxes = Map::new();
    let mut labels = Map::new();
    let mut teams = Map::new();
    for c in &unread {
        bump(&mut inboxes, c.inbox_id);
        for label in store.labels.iter().filter(|l| {
            l.account_id == account_id
                && l.show_on_sidebar == Some(true)
                && c.labels.contains(&l.title)
        }) {
            bump(&mut labels, label.id);
        }
        if let Some(team) = c.team_id
            && (scope.sees_all() || user.is_some_and(|u| store.team_members.contains(&(team, u))))
        {
            bump(&mut teams, team);
        }
    }
    Ok(Reply::json(json!({
        "payload": {
            "all_count": unread.len(),
            "inboxes": inboxes,
            "labels": labels,
            "teams": teams,
        }
    })))
}

/// Counts one more for `id`.
fn bump(map: &mut Map<String, Value>, id: Id) {
    let n = map
        .get(&id.to_string())
        .and_then(Value::as_i64)
        .unwrap_or(0);
    map.insert(id.to_string(), json!(n + 1));
}

/// The conversation's files, newest message first, 100 a page.
fn attachments(store: &Store, req: &Req, index: usize) -> Value {
    let conversation_id = store.conversations[index].id;
    let files: Vec<Value> = store
        .messages
        .thread(conversation_id)
        .iter()
        .rev()
        .flat_map(|m| {
            m.attachments
                .iter()
                .filter_map(|id| store.blob(*id))
                .map(move |b| conversation_attachment(store, m, b))
        })
        .collect();
    let total = files.len();
    let page = super::page(files, req.int("page"), 100);
    json!({ "meta": { "total_count": total }, "payload": page })
}
