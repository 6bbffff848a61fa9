//! Account API, the caller's notifications and notification settings:
//! `notifications...`, `notification_settings`; and the listener that makes notifications
//! when conversations are created or assigned (`NotificationListener`, `NotificationBuilder`).

use super::World;
use crate::auth::Bots;
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{
    Assignee, Id, NOTIFICATION_TYPES, Notification, NotificationActor, NotificationSetting, Sender,
    Store,
};
use crate::views::notifications::{notification, notification_record, notification_settings};
use serde_json::{Value, json};

/// `NotificationsController::RESULTS_PER_PAGE`.
const PER_PAGE: usize = 15;

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let user_id = scope.user_id().ok_or_else(Fail::forbidden)?;
    match (method, rest) {
        ("GET", ["notifications"]) => index(w, req, account_id, user_id),
        ("GET", ["notifications", "unread_count"]) => {
            w.store.notifications.reopen_snoozed(now());
            let includes = req.query_list("includes");
            Ok(Reply::json(json!(unread_count(
                &w.store, account_id, user_id, &includes
            ))))
        }
        ("POST", ["notifications", "read_all"]) => {
            read_all(w, req, account_id, user_id);
            Ok(Reply::ok())
        }
        ("POST", ["notifications", "destroy_all"]) => {
            // `Notification::DeleteNotificationJob`, done at once here.
            let only_read = req.str("type").as_deref() == Some("read");
            w.store.notifications.rows.retain(|n| {
                !(n.account_id == account_id
                    && n.user_id == user_id
                    && (!only_read || n.read_at.is_some()))
            });
            Ok(Reply::ok())
        }
        ("PATCH" | "PUT", ["notifications", id]) => {
            let n = find(w, account_id, user_id, id)?;
            let t = now();
            n.read_at = Some(t);
            n.updated_at = t;
            Ok(Reply::json(notification_record(n)))
        }
        ("POST", ["notifications", id, "unread"]) => {
            let n = find(w, account_id, user_id, id)?;
            if n.read_at.take().is_some() {
                n.updated_at = now();
            }
            Ok(Reply::json(notification_record(n)))
        }
        ("POST", ["notifications", id, "snooze"]) => {
            let until = match req.param("snoozed_until") {
                // `parse_date_time(params[:snoozed_until].to_s)`: epoch seconds only.
                Some(v) if !v.is_null() => Some(epoch_seconds(&v).ok_or_else(Fail::rails_error)?),
                _ => None,
            };
            let n = find(w, account_id, user_id, id)?;
            if let Some(until) = until {
                n.meta.insert("last_snoozed_at".into(), Value::Null);
                n.snoozed_until = Some(until);
                n.updated_at = now();
            }
            Ok(Reply::json(notification_record(n)))
        }
        ("DELETE", ["notifications", id]) => {
            let id = find(w, account_id, user_id, id)?.id;
            w.store.notifications.rows.retain(|n| n.id != id);
            Ok(Reply::ok())
        }
        ("GET", ["notification_settings"]) => {
            let s = setting(&mut w.store, account_id, user_id);
            Ok(Reply::json(notification_settings(s)))
        }
        ("PATCH" | "PUT", ["notification_settings"]) => {
            let body = req
                .object("notification_settings")
                .filter(|o| !o.is_empty())
                .ok_or_else(|| Fail::missing("notification_settings"))?;
            let email = flags(body.get("selected_email_flags"), "email_")?;
            let push = flags(body.get("selected_push_flags"), "push_")?;
            let s = setting(&mut w.store, account_id, user_id);
            s.email = email;
            s.push = push;
            Ok(Reply::json(notification_settings(s)))
        }
        _ => Err(Fail::no_route()),
    }
}

/// `GET notifications` (`NotificationFinder`).
fn index(w: &mut World, req: &Req, account_id: Id, user_id: Id) -> Res {
    w.store.notifications.reopen_snoozed(now());
    let includes = req.query_list("includes");
    let mut listed = listed(&w.store, account_id, user_id, &includes);
    listed.sort_by(|a, b| {
        a.last_activity_at
            .total_cmp(&b.last_activity_at)
            .then(a.id.cmp(&b.id))
    });
    if req.query("sort_order") != Some("asc") {
        listed.reverse();
    }
    let count = listed.len();
    let page = req.query("page").and_then(|p| p.parse().ok());
    let payload: Vec<Value> = super::page(listed, page, PER_PAGE)
        .into_iter()
        .map(|n| notification(&w.store, n))
        .collect();
    // `@current_page = params[:page] || 1`: the param as given, a string.
    let current_page = req.query("page").map_or(json!(1), |p| json!(p));
    Ok(Reply::json(json!({
        "data": {
            "meta": {
                "unread_count": unread_count(&w.store, account_id, user_id, &includes),
                "count": count,
                "current_page": current_page,
            },
            "payload": payload,
        }
    })))
}

/// The caller's notifications the filter keeps: no snoozed ones unless `includes` has
/// `snoozed`, no read ones unless it has `read`.
fn listed<'a>(
    store: &'a Store,
    account_id: Id,
    user_id: Id,
    includes: &[String],
) -> Vec<&'a Notification> {
    let has = |what: &str| includes.iter().any(|i| i == what);
    store
        .notifications
        .of(account_id, user_id)
        .filter(|n| has("snoozed") || n.snoozed_until.is_none())
        .filter(|n| has("read") || n.read_at.is_none())
        .collect()
}

fn unread_count(store: &Store, account_id: Id, user_id: Id, includes: &[String]) -> usize {
    listed(store, account_id, user_id, includes)
        .iter()
        .filter(|n| n.read_at.is_none())
        .count()
}

/// `POST notifications/read_all`: about one conversation when `primary_actor_type` is
/// `Conversation` and the id finds one (any conversation, by record id), else all.
fn read_all(w: &mut World, req: &Req, account_id: Id, user_id: Id) {
    let actor = (req.str("primary_actor_type").as_deref() == Some("Conversation"))
        .then(|| req.id("primary_actor_id"))
        .flatten()
        .filter(|id| w.store.conversation(*id).is_some());
    let t = now();
    for n in &mut w.store.notifications.rows {
        if n.account_id == account_id
            && n.user_id == user_id
            && n.read_at.is_none()
            && actor.is_none_or(|a| n.primary_actor_id == a)
        {
            n.read_at = Some(t);
            n.updated_at = t;
        }
    }
}

/// One of the caller's notifications in the account, else `RecordNotFound`.
fn find<'a>(
    w: &'a mut World,
    account_id: Id,
    user_id: Id,
    id: &str,
) -> Result<&'a mut Notification, Fail> {
    let id = super::seg_id(id)?;
    w.store
        .notifications
        .find_mut(account_id, user_id, id)
        .ok_or_else(Fail::not_found)
}

/// Epoch seconds, as `DateTime.strptime(value.to_s, '%s')` reads them.
fn epoch_seconds(v: &Value) -> Option<f64> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    text.parse::<i64>().ok().map(|s| s as f64)
}

/// Selected flags (`email_conversation_creation`, ...) as notification types. A list left out
/// (or not a list) clears them; an unknown flag name is FlagShihTzu's `ArgumentError`.
fn flags(value: Option<&Value>, prefix: &str) -> Result<Vec<&'static str>, Fail> {
    let mut out = Vec::new();
    for name in value.and_then(Value::as_array).into_iter().flatten() {
        let Some(name) = name.as_str().filter(|n| !n.is_empty()) else {
            continue;
        };
        let kind = name
            .strip_prefix(prefix)
            .and_then(|t| NOTIFICATION_TYPES.iter().find(|k| **k == t))
            .ok_or_else(Fail::rails_error)?;
        if !out.contains(kind) {
            out.push(*kind);
        }
    }
    Ok(out)
}

/// The user's settings in the account. The server makes them with the membership
/// (`AccountUser#create_notification_setting`: assignment by email and push); here they are
/// made when first needed.
fn setting(store: &mut Store, account_id: Id, user_id: Id) -> &mut NotificationSetting {
    let position = match store
        .notifications
        .settings
        .iter()
        .position(|s| s.account_id == account_id && s.user_id == user_id)
    {
        Some(p) => p,
        None => {
            let id = store.id();
            store
                .notifications
                .settings
                .push(default_setting(id, account_id, user_id));
            store.notifications.settings.len() - 1
        }
    };
    &mut store.notifications.settings[position]
}

fn default_setting(id: Id, account_id: Id, user_id: Id) -> NotificationSetting {
    NotificationSetting {
        id,
        account_id,
        user_id,
        email: vec!["conversation_assignment"],
        push: vec!["conversation_assignment"],
    }
}

/// `NotificationListener#conversation_created`: every member of the conversation's inbox who
/// subscribed to `conversation_creation` hears of it, unless it is pending (a bot has it).
pub(crate) fn conversation_created(w: &mut World, index: usize, by: Option<Id>) {
    let c = &w.store.conversations[index];
    if c.status == "pending" {
        return;
    }
    let members: Vec<Id> = w
        .store
        .inbox_members
        .iter()
        .filter(|(inbox, _)| *inbox == c.inbox_id)
        .map(|(_, user)| *user)
        .collect();
    for user in members {
        build(
            w,
            index,
            "conversation_creation",
            user,
            by.map(NotificationActor::User),
        );
    }
}

/// `NotificationListener#assignee_changed`: the new assignee hears of it, unless they
/// assigned themselves or the conversation is pending.
pub(crate) fn assignee_changed(
    w: &mut World,
    index: usize,
    before: Option<Assignee>,
    by: Option<Id>,
) {
    let c = &w.store.conversations[index];
    let Some(Assignee::User(assignee)) = c.assignee else {
        return;
    };
    if c.assignee == before || by == Some(assignee) || c.status == "pending" {
        return;
    }
    build(
        w,
        index,
        "conversation_assignment",
        assignee,
        by.map(NotificationActor::User),
    );
}

/// `NotificationBuilder#build_notification`, then `RemoveDuplicateNotificationJob` (only the
/// latest notification per user and conversation is kept).
fn build(
    w: &mut World,
    index: usize,
    kind: &'static str,
    user_id: Id,
    secondary: Option<NotificationActor>,
) {
    let store = &w.store;
    let c = &store.conversations[index];
    let Some(member) = store.membership(c.account_id, user_id) else {
        return;
    };
    if kind == "conversation_creation" {
        let default;
        let s = match store.notifications.setting(c.account_id, user_id) {
            Some(s) => s,
            None => {
                default = default_setting(0, c.account_id, user_id);
                &default
            }
        };
        if !s.email.contains(&kind) && !s.push.contains(&kind) {
            return;
        }
    }
    if store
        .contact(c.contact_id)
        .is_some_and(|contact| contact.blocked)
    {
        return;
    }
    // `ConversationPolicy#show?`.
    let can_see = member.role != "agent"
        || store.is_inbox_member(c.inbox_id, user_id)
        || c.team_id
            .is_some_and(|t| store.team_members.contains(&(t, user_id)));
    if !can_see {
        return;
    }
    let (account_id, conversation_id) = (c.account_id, c.id);
    let t = now();
    let id = w.store.id();
    let rows = &mut w.store.notifications.rows;
    rows.retain(|n| !(n.user_id == user_id && n.primary_actor_id == conversation_id));
    rows.push(Notification {
        id,
        account_id,
        user_id,
        notification_type: kind,
        primary_actor_id: conversation_id,
        secondary_actor: secondary,
        read_at: None,
        snoozed_until: None,
        created_at: t,
        updated_at: t,
        last_activity_at: t,
        meta: Default::default(),
    });
}

/// `Messages::NewMessageNotificationService` (assignee part): a public incoming or outgoing
/// message tells the conversation's assignee, unless they sent it.
pub(crate) fn message_created(w: &mut World, index: usize, message_id: Id) {
    let c = &w.store.conversations[index];
    let Some(Assignee::User(assignee)) = c.assignee else {
        return;
    };
    let Some(m) = w.store.messages_of(c.id).rev().find(|m| m.id == message_id) else {
        return;
    };
    if !matches!(m.message_type, 0 | 1) || m.private || m.sender == Some(Sender::User(assignee)) {
        return;
    }
    let secondary = NotificationActor::Message(message_id);
    let already = w
        .store
        .notifications
        .rows
        .iter()
        .any(|n| n.user_id == assignee && n.secondary_actor == Some(secondary));
    if !already {
        build(
            w,
            index,
            "assigned_conversation_new_message",
            assignee,
            Some(secondary),
        );
    }
}
