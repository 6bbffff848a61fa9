//! Account API, messages: `/api/v1/accounts/{account_id}/conversations/{id}/messages...`.

use super::World;
use super::conversations::message_from;
use crate::auth::Bots;
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::ops;
use crate::store::{Id, Message};
use crate::views::conversations::messages_meta;
use crate::views::messages::message;
use serde_json::{Value, json};
use std::ops::Bound;

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", [id, "messages"]) => list(w, req, account_id, id),
        ("POST", [id, "messages"]) => create(w, req, account_id, id),
        ("DELETE", [id, "messages", message_id]) => delete(w, req, account_id, id, message_id),
        ("PATCH" | "PUT", [id, "messages", message_id]) => {
            update_status(w, req, account_id, id, message_id)
        }
        ("POST", [id, "messages", message_id, "retry"]) => {
            retry(w, req, account_id, id, message_id)
        }
        ("POST", [id, "messages", message_id, "translate"]) => {
            translate(w, req, account_id, id, message_id)
        }
        _ => Err(Fail::no_route()),
    }
}

/// `MessageFinder`: the latest 20; 20 before `before`; up to 100 after `after`; both: the range.
fn list(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let index = w.conversation_index(&scope, id)?;
    let c = &w.store.conversations[index];
    let cursor = |key: &str| req.query(key).map(|v| v.parse::<Id>().unwrap_or(0));
    let internal = req
        .query("filter_internal_messages")
        .is_some_and(|v| !v.is_empty());
    let shown = |m: &&Message| !internal || (!m.private && m.message_type != 2);
    let thread = w.store.messages.thread(c.id);
    let chosen: Vec<&Message> = match (cursor("after"), cursor("before")) {
        (Some(after), Some(before)) => thread
            .ids(after..before)
            .iter()
            .filter(shown)
            .take(1000)
            .collect(),
        (Some(after), None) => thread
            .ids((Bound::Excluded(after), Bound::Unbounded))
            .iter()
            .filter(shown)
            .take(100)
            .collect(),
        (None, before) => before.map_or(thread, |b| thread.ids(..b)).latest(20, shown),
    };
    let payload: Vec<Value> = chosen
        .into_iter()
        .map(|m| message(&w.store, m, None))
        .collect();
    Ok(Reply::json(
        json!({ "meta": messages_meta(&w.store, c), "payload": payload }),
    ))
}

fn create(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Allowed)?;
    let index = w.conversation_index(&scope, id)?;
    let body = req.body.as_object().cloned().unwrap_or_default();
    let mut new = message_from(&body, &scope, w, index)?;
    let signed = super::direct_uploads::signed_attachments(&w.store, req)?;
    new.attachments = req
        .files("attachments")
        .into_iter()
        .map(|f| w.store.add_blob(f))
        .collect();
    new.attachments.extend(signed);
    if ops::content_too_long(new.content.as_ref()) {
        return Err(Fail::error(
            422,
            "Validation failed: Content is too long (maximum is 150000 characters)",
        ));
    }
    let message_id = ops::add_message(w, index, new);
    let echo = req.str("echo_id");
    let m = w
        .store
        .messages
        .get(message_id)
        .ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(message(&w.store, m, echo.as_deref())))
}

/// A soft delete: the content becomes a deletion note and the attributes `{"deleted": true}`.
fn delete(w: &mut World, req: &Req, account_id: Id, id: &str, message_id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let index = w.conversation_index(&scope, id)?;
    let conversation_id = w.store.conversations[index].id;
    let message_id: Id = message_id.parse().map_err(|_| Fail::not_found())?;
    let m = w
        .store
        .messages
        .get_mut(message_id)
        .filter(|m| m.conversation_id == conversation_id)
        .ok_or_else(Fail::not_found)?;
    m.content = Some("This message was deleted".into());
    m.content_type = "text".into();
    m.content_attributes = serde_json::Map::from_iter([("deleted".to_owned(), json!(true))]);
    m.updated_at = now();
    let m = m.clone();
    let payload = crate::events::message_payload(&w.store, &m);
    w.emit_for(index, "message_updated", payload);
    Ok(Reply::json(message(&w.store, &m, None)))
}

/// The conversation's index and the id of one of its messages (404 for any other message).
fn found(
    w: &World,
    req: &Req,
    account_id: Id,
    id: &str,
    message_id: &str,
) -> Result<(usize, Id), Fail> {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let index = w.conversation_index(&scope, id)?;
    let message_id = found_in(w, index, message_id)?;
    Ok((index, message_id))
}

fn found_in(w: &World, index: usize, message_id: &str) -> Result<Id, Fail> {
    let conversation_id = w.store.conversations[index].id;
    let message_id: Id = message_id.parse().map_err(|_| Fail::not_found())?;
    w.store
        .messages
        .get(message_id)
        .filter(|m| m.conversation_id == conversation_id)
        .map(|m| m.id)
        .ok_or_else(Fail::not_found)
}

/// Changes a message, sends `message_updated` and renders it.
fn change(w: &mut World, index: usize, message_id: Id, edit: impl FnOnce(&mut Message)) -> Res {
    let m = w
        .store
        .messages
        .get_mut(message_id)
        .ok_or_else(Fail::not_found)?;
    edit(m);
    m.updated_at = now();
    let m = m.clone();
    let payload = crate::events::message_payload(&w.store, &m);
    w.emit_for(index, "message_updated", payload);
    Ok(Reply::json(message(&w.store, &m, None)))
}

/// `Messages::StatusUpdateService`, on API-channel inboxes only: an unknown status, or `read`
/// back to `delivered`, changes nothing; `external_error` is kept with `failed` only.
fn update_status(w: &mut World, req: &Req, account_id: Id, id: &str, message_id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let index = w.conversation_index(&scope, id)?;
    let api = w
        .store
        .inbox(w.store.conversations[index].inbox_id)
        .is_some_and(|i| matches!(i.channel, crate::store::Channel::Api { .. }));
    if !api {
        return Err(Fail::error(
            403,
            "Message status update is only allowed for API inboxes",
        ));
    }
    let message_id = found_in(w, index, message_id)?;
    let status = req.str("status").unwrap_or_default();
    let current = w.store.messages.get(message_id).map(|m| m.status.clone());
    let valid = ["sent", "delivered", "read", "failed"].contains(&status.as_str())
        && !(current.as_deref() == Some("read") && status == "delivered");
    if !valid {
        let m = w
            .store
            .messages
            .get(message_id)
            .ok_or_else(Fail::not_found)?;
        return Ok(Reply::json(message(&w.store, m, None)));
    }
    let error = if status == "failed" {
        req.param("external_error").unwrap_or(Value::Null)
    } else {
        Value::Null
    };
    change(w, index, message_id, |m| {
        m.status = status;
        m.content_attributes.insert("external_error".into(), error);
    })
}

/// `MessagesController#retry`: back to `sent`, attributes cleared, queued to send again.
fn retry(w: &mut World, req: &Req, account_id: Id, id: &str, message_id: &str) -> Res {
    let (index, message_id) = found(w, req, account_id, id, message_id)?;
    change(w, index, message_id, |m| {
        m.status = "sent".into();
        m.content_attributes = serde_json::Map::new();
    })
}

/// `MessagesController#translate`. The emulator translates as if the Google Translate
/// integration were set up, by tagging the text with the language (`[de] Hello`); a message
/// that already has the translation answers an empty `head :ok`.
fn translate(w: &mut World, req: &Req, account_id: Id, id: &str, message_id: &str) -> Res {
    let (index, message_id) = found(w, req, account_id, id, message_id)?;
    let language = req.str("target_language").unwrap_or_default();
    let m = w
        .store
        .messages
        .get(message_id)
        .ok_or_else(Fail::not_found)?;
    let known = m
        .content_attributes
        .get("translations")
        .and_then(|t| t.get(&language))
        .is_some_and(|t| !t.is_null() && t != "");
    if known {
        return Ok(Reply::ok());
    }
    let translated = m
        .content
        .as_deref()
        .filter(|c| !c.is_empty() && !language.is_empty())
        .map(|c| format!("[{language}] {c}"));
    if let Some(text) = &translated {
        change(w, index, message_id, |m| {
            let translations = m
                .content_attributes
                .entry("translations")
                .or_insert_with(|| json!({}));
            if !translations.is_object() {
                *translations = json!({});
            }
            translations[&language] = json!(text);
        })?;
    }
    Ok(Reply::json(json!({ "content": translated })))
}
