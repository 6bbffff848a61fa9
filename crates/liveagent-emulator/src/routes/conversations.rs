//! Account API, conversations: `/api/v1/accounts/{account_id}/conversations...`.

use super::World;
use super::conversation_lists::{filter, list, meta, search};
use crate::auth::{Bots, Scope};
use crate::clock::parse;
use crate::http::{Fail, Reply, Req, Res};
use crate::ops::{self, NewMessage};
use crate::store::{Assignee, Id, Sender};
use crate::views::conversations::conversation;
use crate::views::misc::reporting_event;
use crate::views::people::{agent, agent_bot_slim, team_row};
use serde_json::{Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", []) => list(w, req, account_id),
        ("POST", []) => create(w, req, account_id),
        ("GET", ["meta"]) => meta(w, req, account_id),
        ("POST", ["filter"]) => filter(w, req, account_id),
        ("GET", ["search"]) => search(w, req, account_id),
        ("GET", [id]) => show(w, req, account_id, id),
        ("PATCH" | "PUT", [id]) => update(w, req, account_id, id),
        ("POST", [id, "toggle_status"]) => toggle_status(w, req, account_id, id),
        ("POST", [id, "toggle_priority"]) => toggle_priority(w, req, account_id, id),
        ("POST", [id, "toggle_typing_status"]) => {
            let scope = w.scope(req, account_id, Bots::Allowed)?;
            let index = w.conversation_index(&scope, id)?;
            let who = match scope.actor {
                crate::auth::Actor::User { id, .. } => Sender::User(id),
                crate::auth::Actor::Bot { id } => Sender::Bot(id),
            };
            let private = matches!(req.param("is_private"), Some(v) if v == true || v == "true");
            ops::typing(w, index, req.str("typing_status").as_deref(), who, private);
            Ok(Reply::ok())
        }
        ("POST", [id, "custom_attributes"]) => custom_attributes(w, req, account_id, id),
        ("POST", [id, "assignments"]) => assign(w, req, account_id, id),
        ("GET", [id, "labels"]) => {
            let scope = w.scope(req, account_id, Bots::Allowed)?;
            let index = w.conversation_index(&scope, id)?;
            Ok(Reply::json(
                json!({ "payload": w.store.conversations[index].labels }),
            ))
        }
        ("POST", [id, "labels"]) => set_labels(w, req, account_id, id),
        ("GET", [id, "reporting_events"]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let index = w.conversation_index(&scope, id)?;
            let conversation_id = w.store.conversations[index].id;
            let events: Vec<Value> = w
                .store
                .reporting_events
                .iter()
                .filter(|e| e.conversation_id == conversation_id)
                .map(reporting_event)
                .collect();
            Ok(Reply::json(Value::Array(events)))
        }
        _ => Err(Fail::no_route()),
    }
}

fn show(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    Ok(Reply::json(conversation(
        &w.store,
        &w.store.conversations[index],
        scope.user_id(),
    )))
}

fn create(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let contact_inbox_id = match (req.id("inbox_id"), req.id("contact_id")) {
        (Some(inbox_id), Some(contact_id)) => {
            let inbox = w
                .store
                .inbox(inbox_id)
                .filter(|i| i.account_id == account_id)
                .ok_or_else(Fail::not_found)?;
            if !scope.sees_all()
                && !scope
                    .user_id()
                    .is_some_and(|u| w.store.is_inbox_member(inbox.id, u))
            {
                return Err(Fail::forbidden());
            }
            w.store
                .contact(contact_id)
                .filter(|c| c.account_id == account_id)
                .ok_or_else(Fail::not_found)?;
            ops::contact_inbox(
                w,
                contact_id,
                inbox_id,
                req.str("source_id"),
                req.bool("hmac_verified").unwrap_or(false),
            )
        }
        _ => {
            let source_id = req.str("source_id").ok_or_else(Fail::not_found)?;
            w.store
                .contact_inboxes
                .with_source_id(&source_id)
                .find(|ci| {
                    w.store
                        .inbox(ci.inbox_id)
                        .is_some_and(|i| i.account_id == account_id)
                })
                .map(|ci| ci.id)
                .ok_or_else(Fail::not_found)?
        }
    };
    let status = req.str("status").unwrap_or_else(|| "open".into());
    if !["open", "resolved", "pending", "snoozed"].contains(&status.as_str()) {
        return Err(Fail::rails_error());
    }
    let index = ops::new_conversation(
        w,
        account_id,
        contact_inbox_id,
        req.object("custom_attributes").unwrap_or_default(),
        req.object("additional_attributes").unwrap_or_default(),
    );
    {
        // An inbox bot's pending status wins over the `status` param (`before_create`).
        let pending = w.store.conversations[index].status == "pending";
        let c = &mut w.store.conversations[index];
        if !pending {
            c.status = status;
        }
        if c.status == "snoozed" {
            c.snoozed_until = req.param("snoozed_until").as_ref().and_then(parse);
        }
        c.assignee = req.id("assignee_id").map(Assignee::User);
        c.team_id = req.id("team_id");
    }
    if let Some(message) = req.object("message") {
        let new = message_from(&message, &scope, w, index)?;
        ops::add_message(w, index, new);
    }
    super::notifications::conversation_created(w, index, scope.user_id());
    Ok(Reply::json(conversation(
        &w.store,
        &w.store.conversations[index],
        scope.user_id(),
    )))
}

/// A message from a `message` (or messages create) body, as `Messages::MessageBuilder` reads it.
pub(super) fn message_from(
    body: &serde_json::Map<String, Value>,
    scope: &Scope,
    w: &World,
    index: usize,
) -> Result<NewMessage, Fail> {
    let message_type = match body
        .get("message_type")
        .and_then(Value::as_str)
        .unwrap_or("outgoing")
    {
        "incoming" => 0,
        "outgoing" => 1,
        "activity" => 2,
        "template" => 3,
        other => {
            return Err(Fail::error(
                422,
                &format!("'{other}' is not a valid message_type"),
            ));
        }
    };
    let inbox_is_api = w
        .store
        .inbox(w.store.conversations[index].inbox_id)
        .is_some_and(|i| matches!(i.channel, crate::store::Channel::Api { .. }));
    if message_type == 0 && !inbox_is_api {
        return Err(Fail::error(
            422,
            "Incoming messages are only allowed in Api inboxes",
        ));
    }
    let c = &w.store.conversations[index];
    let sender = match (message_type, scope.actor) {
        (0, _) => Some(Sender::Contact(c.contact_id)),
        (_, crate::auth::Actor::User { id, .. }) => Some(Sender::User(id)),
        (_, crate::auth::Actor::Bot { id }) => Some(Sender::Bot(id)),
    };
    let mut additional = serde_json::Map::new();
    if let Some(t) = body.get("template_params") {
        additional.insert("template_params".into(), t.clone());
    }
    if let Some(campaign) = body.get("campaign_id") {
        additional.insert("campaign_id".into(), campaign.clone());
    }
    Ok(NewMessage {
        content: body
            .get("content")
            .and_then(Value::as_str)
            .map(str::to_owned),
        message_type,
        content_type: body
            .get("content_type")
            .and_then(Value::as_str)
            .unwrap_or("text")
            .to_owned(),
        content_attributes: body
            .get("content_attributes")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
        // A multipart form sends `"true"`; Rails casts it.
        private: match body.get("private") {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s == "true",
            _ => false,
        },
        sender,
        source_id: body
            .get("source_id")
            .and_then(Value::as_str)
            .map(str::to_owned),
        additional_attributes: additional,
        attachments: Vec::new(),
    })
}

fn update(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    if let Some(priority) = req.body.get("priority") {
        let before = ops::snapshot(w, index);
        let priority = priority
            .as_str()
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        if let Some(p) = &priority
            && !["low", "medium", "high", "urgent"].contains(&p.as_str())
        {
            return Err(Fail::rails_error());
        }
        w.store.conversations[index].priority = priority;
        ops::updated(w, index, before);
    }
    Ok(Reply::json(conversation(
        &w.store,
        &w.store.conversations[index],
        scope.user_id(),
    )))
}

fn toggle_status(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    let current = w.store.conversations[index].status.clone();
    let target = match req.str("status") {
        Some(s) if ["open", "resolved", "pending", "snoozed"].contains(&s.as_str()) => s,
        Some(_) => return Err(Fail::rails_error()),
        None if current == "open" => "resolved".to_owned(),
        None => "open".to_owned(),
    };
    let snoozed_until = match req.param("snoozed_until") {
        Some(v) if !v.is_null() => {
            // The server reads only integer epoch seconds here (`DateTime.strptime(.., '%s')`).
            let ok = v
                .as_i64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()));
            Some(ok.ok_or_else(Fail::rails_error)? as f64)
        }
        _ => None,
    };
    ops::set_status(w, index, &target, snoozed_until, scope.user_id());
    if target == "open"
        && let crate::auth::Actor::User {
            id: user,
            role: crate::auth::Role::Agent,
        } = scope.actor
    {
        w.store.conversations[index].assignee = Some(Assignee::User(user));
    }
    let c = &w.store.conversations[index];
    Ok(Reply::json(json!({
        "payload": {
            "success": true,
            "conversation_id": c.display_id,
            "current_status": c.status,
            "snoozed_until": crate::clock::iso(c.snoozed_until),
        }
    })))
}

fn toggle_priority(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    let priority = req.str("priority").filter(|p| !p.is_empty());
    if let Some(p) = &priority
        && !["low", "medium", "high", "urgent"].contains(&p.as_str())
    {
        return Err(Fail::rails_error());
    }
    let before = ops::snapshot(w, index);
    w.store.conversations[index].priority = priority;
    ops::updated(w, index, before);
    Ok(Reply::ok())
}

fn custom_attributes(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    let attributes = req
        .object("custom_attributes")
        .ok_or_else(Fail::rails_error)?;
    let before = ops::snapshot(w, index);
    w.store.conversations[index].custom_attributes = attributes.clone();
    ops::updated(w, index, before);
    Ok(Reply::json(json!({ "custom_attributes": attributes })))
}

fn assign(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    let by = ops::actor_name(w, scope.user_id());
    let before = ops::snapshot(w, index);
    let assignee_before = w.store.conversations[index].assignee;
    let reply = if req.body.get("assignee_id").is_some()
        || req.str("assignee_type").as_deref() == Some("AgentBot")
    {
        if req.str("assignee_type").as_deref() == Some("AgentBot") {
            let bot = req
                .id("assignee_id")
                .and_then(|b| w.store.bot(b))
                .filter(|b| b.account_id.is_none_or(|a| a == account_id))
                .cloned();
            match bot {
                Some(bot) => {
                    w.store.conversations[index].assignee = Some(Assignee::Bot(bot.id));
                    agent_bot_slim(&bot)
                }
                None => Value::Null,
            }
        } else {
            let user = req
                .id("assignee_id")
                .filter(|u| w.store.membership(account_id, *u).is_some())
                .and_then(|u| w.store.user(u))
                .cloned();
            w.store.conversations[index].assignee = user.as_ref().map(|u| Assignee::User(u.id));
            match user {
                Some(u) => {
                    ops::activity(w, index, format!("Assigned to {} by {by}", u.name));
                    agent(&w.store, account_id, &u)
                }
                None => {
                    ops::activity(w, index, format!("Conversation unassigned by {by}"));
                    Value::Null
                }
            }
        }
    } else if req.body.get("team_id").is_some() {
        let team = req
            .id("team_id")
            .and_then(|t| w.store.team(t))
            .filter(|t| t.account_id == account_id)
            .cloned();
        w.store.conversations[index].team_id = team.as_ref().map(|t| t.id);
        match team {
            Some(t) => {
                ops::activity(w, index, format!("Assigned to {} team by {by}", t.name));
                team_row(&t)
            }
            None => Value::Null,
        }
    } else {
        Value::Null
    };
    ops::updated(w, index, before);
    super::notifications::assignee_changed(w, index, assignee_before, scope.user_id());
    Ok(Reply::json(reply))
}

fn set_labels(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    let mut labels: Vec<String> = Vec::new();
    for label in req.strings("labels").unwrap_or_default() {
        let label = label.trim().to_owned();
        if !label.is_empty() && !labels.iter().any(|l| l.eq_ignore_ascii_case(&label)) {
            labels.push(label);
        }
    }
    let before = ops::snapshot(w, index);
    w.store.conversations[index].labels = labels.clone();
    ops::updated(w, index, before);
    Ok(Reply::json(json!({ "payload": labels })))
}
