//! Web-widget API, messages and new conversations: `messages` (the newest conversation's chat,
//! by id cursors), a visitor's message (starting a conversation when there is none), answers
//! to interactive messages, `POST conversations`, and the templates the inbox adds.

use super::World;
use super::widget::{Visitor, conversations, current, visitor};
use super::widget_contact::{self, Identity};
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::ops::{self, NewMessage};
use crate::store::{Id, Json, Message, Sender};
use crate::views::contacts::contact_record;
use crate::views::widget;
use serde_json::{Value, json};

/// The first language the browser asks for (`en` of `en-US,en;q=0.9`).
pub(super) fn browser_language(req: &Req) -> Option<&str> {
    let language = req.language.as_deref()?;
    language.split('-').next()
}

/// What the `browser` gem reads from a user agent it does not know (the emulator does not
/// parse user agents).
pub(super) fn browser() -> Value {
    json!({
        "browser_name": "Unknown Browser", "browser_version": "0", "device_name": "Unknown",
        "platform_name": "Unknown", "platform_version": "0",
    })
}

/// A conversation for the visitor (`BaseController#create_conversation`), with what the
/// browser tells of itself; returns its index.
fn start_conversation(w: &mut World, req: &Req, v: &Visitor, message: &Json) -> usize {
    let referer = message
        .get("referer_url")
        .and_then(Value::as_str)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let additional = json!({
        "browser_language": browser_language(req),
        "browser": browser(),
        "initiated_at": { "timestamp": message.get("timestamp") },
        "referer": referer,
    });
    let index = ops::new_conversation(
        w,
        v.inbox.account_id,
        v.ci.id,
        req.object("custom_attributes").unwrap_or_default(),
        additional.as_object().cloned().unwrap_or_default(),
    );
    super::notifications::conversation_created(w, index, None);
    index
}

/// The templates the inbox adds after a visitor's message (`MessageTemplates::HookExecutionService`):
/// the greeting before any reply, and the email request while the contact has no email.
fn templates(w: &mut World, index: usize) {
    let c = &w.store.conversations[index];
    if c.campaign_id.is_some() {
        return;
    }
    let (Some(inbox), Some(contact)) = (w.store.inbox(c.inbox_id), w.store.contact(c.contact_id))
    else {
        return;
    };
    let thread: Vec<&Message> = w.store.messages_of(c.id).collect();
    let mut add = Vec::new();
    let replied = thread
        .iter()
        .any(|m| m.message_type == 1 || m.message_type == 3);
    if let Some(greeting) = inbox.greeting_message.clone().filter(|g| !g.is_empty())
        && inbox.greeting_enabled
        && !replied
    {
        add.push((greeting, "text"));
    }
    let asked = thread.iter().any(|m| m.content_type == "input_email");
    if inbox.enable_email_collect && contact.email.is_none() && !asked {
        add.push(("Give the team a way to reach you.".to_owned(), "text"));
        add.push(("Get notified by email".to_owned(), "input_email"));
    }
    for (content, content_type) in add {
        let new = NewMessage {
            content: Some(content),
            message_type: 3,
            content_type: content_type.into(),
            ..NewMessage::default()
        };
        ops::add_message(w, index, new);
    }
}

/// `GET messages`: the newest conversation's chat (no private notes, no activities), by id
/// cursors: 20 before `before`, 100 after `after`, both: up to 1,000 from `after` inclusive.
pub(super) fn list(w: &mut World, req: &Req) -> Res {
    let v = visitor(w, req)?;
    let Some(index) = current(w, &v) else {
        return Ok(Reply::json(json!({ "payload": [], "meta": {} })));
    };
    let c = &w.store.conversations[index];
    // `.to_i`: leading digits, else 0.
    let cursor = |key: &str| {
        req.query(key).map(|v| {
            let digits: String = v.trim().chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<Id>().unwrap_or(0)
        })
    };
    let keep = |m: &&Message| !m.private && m.message_type != 2;
    let thread = w.store.messages.thread(c.id);
    let found: Vec<&Message> = match (cursor("before"), cursor("after")) {
        (None, None) => thread.latest(20, keep),
        (Some(b), None) => thread.ids(..b).latest(20, keep),
        (None, Some(a)) => thread
            .ids(a.saturating_add(1)..)
            .iter()
            .filter(keep)
            .take(100)
            .collect(),
        (Some(b), Some(a)) => thread.ids(a..b).iter().filter(keep).take(1000).collect(),
    };
    let payload: Vec<Value> = found
        .into_iter()
        .map(|m| widget::message(&w.store, m))
        .collect();
    Ok(Reply::json(json!({
        "payload": payload,
        "meta": { "contact_last_seen_at": crate::clock::epoch(c.contact_last_seen_at) },
    })))
}

/// `POST messages`: into the newest conversation (a new one, with the custom attributes and
/// existing labels given, if there is none); a resolved one reopens.
pub(super) fn create(w: &mut World, req: &Req) -> Res {
    let v = visitor(w, req)?;
    let message = req.object("message").ok_or_else(Fail::rails_error)?;
    let index = match current(w, &v) {
        Some(index) => index,
        None => {
            let index = start_conversation(w, req, &v, &message);
            let titles = req.strings("labels").unwrap_or_default();
            let labels: Vec<String> = w
                .store
                .labels
                .iter()
                .filter(|l| l.account_id == v.inbox.account_id && titles.contains(&l.title))
                .map(|l| l.title.clone())
                .collect();
            if !labels.is_empty() {
                let before = ops::snapshot(w, index);
                w.store.conversations[index].labels = labels;
                ops::updated(w, index, before);
            }
            index
        }
    };
    let content = message
        .get("content")
        .and_then(Value::as_str)
        .map(str::to_owned);
    if ops::content_too_long(content.as_ref()) {
        return Err(Fail::invalid(
            "Content is too long (maximum is 150000 characters)",
            &["content"],
        ));
    }
    let given = message.get("attachments");
    let mut attachments: Vec<Id> = req
        .files_in(given)
        .into_iter()
        .map(|f| w.store.add_blob(f))
        .collect();
    attachments.extend(super::direct_uploads::signed_blobs(&w.store, given)?);
    let conversation_id = w.store.conversations[index].id;
    let reply_to = message
        .get("reply_to")
        .and_then(|r| r.as_u64().or_else(|| r.as_str()?.parse().ok()))
        .and_then(|id| w.store.messages.get(id))
        .filter(|m| m.conversation_id == conversation_id);
    let mut content_attributes = Json::new();
    content_attributes.insert("in_reply_to".into(), json!(reply_to.map(|m| m.id)));
    if let Some(m) = reply_to {
        content_attributes.insert("in_reply_to_external_id".into(), json!(m.source_id));
    }
    let id = ops::add_message(
        w,
        index,
        NewMessage {
            content,
            message_type: 0,
            content_attributes,
            sender: Some(Sender::Contact(v.ci.contact_id)),
            attachments,
            ..NewMessage::default()
        },
    );
    templates(w, index);
    let m = w.store.messages.get(id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(widget::sent_message(&w.store, m)))
}

/// `messages#update`'s errors: 500 with the contact's errors and the exception's message.
fn update_failed(message: &str) -> Fail {
    Fail::new(500, json!({ "error": {}, "message": message }))
}

/// `PATCH messages/{id}`: an answer to an interactive message of one of the visitor's
/// conversations. An email goes to the contact (merged into one that has it already).
pub(super) fn update(w: &mut World, req: &Req, id: &str) -> Res {
    let v = visitor(w, req)?;
    let mine: Vec<Id> = conversations(w, &v)
        .into_iter()
        .map(|p| w.store.conversations[p].id)
        .collect();
    let m = id
        .parse::<Id>()
        .ok()
        .and_then(|id| w.store.messages.get(id))
        .filter(|m| mine.contains(&m.conversation_id))
        .cloned()
        .ok_or_else(Fail::not_found)?;
    let index = w
        .store
        .conversations
        .iter()
        .position(|c| c.id == m.conversation_id)
        .ok_or_else(Fail::not_found)?;
    let contact = w
        .store
        .contact(v.ci.contact_id)
        .cloned()
        .ok_or_else(Fail::not_found)?;
    let (key, answer) = if m.content_type == "input_email" {
        let given = req.object("contact").unwrap_or_default();
        let text = |k: &str| given.get(k).and_then(Value::as_str).map(str::to_owned);
        let email = text("email").map(|e| e.to_lowercase());
        if let Some(email) = &email {
            if !super::contacts::email_ok(email) {
                return Err(update_failed("Validation failed: Email Invalid email"));
            }
            let anonymous = contact.email.is_none()
                && contact.phone_number.is_none()
                && contact.identifier.is_none();
            let local_part = email.split('@').next().unwrap_or_default().to_owned();
            let identity = Identity {
                name: anonymous.then(|| text("name").unwrap_or(local_part)),
                email: Some(email.clone()),
                ..Identity::default()
            };
            widget_contact::identify(w, contact.id, &identity, true, false)
                .map_err(|f| update_failed(f.body["message"].as_str().unwrap_or_default()))?;
        }
        ("submitted_email", json!(email))
    } else {
        let answer = req
            .object("message")
            .and_then(|m| m.get("submitted_values").cloned())
            .ok_or_else(|| {
                update_failed("When assigning attributes, you must pass a hash as an argument, NilClass passed.")
            })?;
        ("submitted_values", answer)
    };
    let stored = w.store.messages.get_mut(m.id).ok_or_else(Fail::not_found)?;
    stored.content_attributes.insert(key.into(), answer.clone());
    stored.updated_at = now();
    let stored = stored.clone();
    if stored.content_type == "input_csat" {
        super::public::record_csat(w, index, stored.id, &answer);
    }
    let payload = crate::events::message_payload(&w.store, &stored);
    w.emit_for(index, "message_updated", payload);
    // The contact as the action held it: after a merge, the one merged away.
    let shown = w.store.contact(contact.id).cloned().unwrap_or(contact);
    Ok(Reply::json(json!({ "contact": contact_record(&shown) })))
}

/// `POST conversations`: always a new conversation with a first message; the pre-chat
/// details identify the contact first.
pub(super) fn create_conversation(w: &mut World, req: &Req) -> Res {
    let mut v = visitor(w, req)?;
    let message = req.object("message").ok_or_else(Fail::rails_error)?;
    let given = req.object("contact").unwrap_or_default();
    let text = |k: &str| given.get(k).and_then(Value::as_str).map(str::to_owned);
    let contact = w
        .store
        .contact(v.ci.contact_id)
        .cloned()
        .ok_or_else(Fail::not_found)?;
    let anonymous =
        contact.email.is_none() && contact.phone_number.is_none() && contact.identifier.is_none();
    let identity = Identity {
        email: text("email").map(|e| e.to_lowercase()),
        phone_number: text("phone_number"),
        name: text("name").filter(|_| anonymous),
        ..Identity::default()
    };
    let contact_id = widget_contact::identify(w, contact.id, &identity, true, true)?;
    v.ci.contact_id = contact_id;
    let index = start_conversation(w, req, &v, &message);
    ops::add_message(
        w,
        index,
        NewMessage {
            content: message
                .get("content")
                .and_then(Value::as_str)
                .map(str::to_owned),
            message_type: 0,
            content_attributes: json!({ "in_reply_to": null })
                .as_object()
                .cloned()
                .unwrap_or_default(),
            sender: Some(Sender::Contact(contact_id)),
            ..NewMessage::default()
        },
    );
    templates(w, index);
    let c = &w.store.conversations[index];
    let messages: Vec<Value> = w
        .store
        .messages_of(c.id)
        .map(|m| widget::message(&w.store, m))
        .collect();
    let contact = w.store.contact(contact_id).ok_or_else(Fail::not_found)?;
    Ok(Reply::json(json!({
        "id": c.display_id,
        "inbox_id": c.inbox_id,
        "contact_last_seen_at": crate::clock::epoch(c.contact_last_seen_at),
        "status": c.status,
        "messages": messages,
        "custom_attributes": c.custom_attributes,
        "contact": contact_record(contact),
    })))
}
