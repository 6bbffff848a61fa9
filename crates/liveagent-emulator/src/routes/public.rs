//! Public client API: `/public/api/v1/inboxes/{inbox_identifier}/...` and `csat_survey`. No token:
//! an API inbox's identifier and a contact's source id find everything. Errors are Rails' own.

use super::World;
use crate::clock::{iso, now};
use crate::deliver::hmac_hex;
use crate::events::{changes, contact_columns};
use crate::http::{Fail, Reply, Req, Res};
use crate::ops::{self, NewMessage};
use crate::store::{Channel, ContactInbox, CsatResponse, Detail, Id, Inbox, Sender};
use crate::views::contacts::{contact_record, public_contact};
use crate::views::conversations::public_conversation;
use crate::views::inboxes::public_inbox;
use crate::views::messages::public_message;
use serde_json::{Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", ["csat_survey", uuid]) => csat(w, uuid, None),
        ("PATCH" | "PUT", ["csat_survey", uuid]) => {
            let answer = req
                .body
                .get("message")
                .and_then(|m| m.get("submitted_values"))
                .cloned()
                .ok_or_else(Fail::rails_error)?;
            csat(w, uuid, Some(answer))
        }
        ("GET", ["inboxes", ii]) => {
            let inbox = api_inbox(w, ii)?;
            let Channel::Api { hmac_mandatory, .. } = &inbox.channel else {
                return Err(Fail::rails_not_found());
            };
            Ok(Reply::json(public_inbox(&inbox, ii, *hmac_mandatory)))
        }
        ("POST", ["inboxes", ii, "contacts"]) => create_contact(w, req, ii),
        ("GET", ["inboxes", ii, "contacts", ci]) => {
            let (inbox, contact_inbox) = identity(w, ii, ci)?;
            verify(w, req, &inbox, Some(contact_inbox.id))?;
            let contact = w
                .store
                .contact(contact_inbox.contact_id)
                .ok_or_else(Fail::rails_not_found)?;
            Ok(Reply::json(public_contact(&contact_inbox, contact)))
        }
        ("PATCH" | "PUT", ["inboxes", ii, "contacts", ci]) => update_contact(w, req, ii, ci),
        ("GET", ["inboxes", ii, "contacts", ci, "conversations"]) => {
            let (inbox, contact_inbox) = identity(w, ii, ci)?;
            let list: Vec<Value> = w
                .store
                .conversations
                .of_account(inbox.account_id)
                .filter(|c| reaches(&contact_inbox, c.contact_id, c.contact_inbox_id))
                .map(|c| public_conversation(&w.store, c))
                .collect();
            Ok(Reply::json(Value::Array(list)))
        }
        ("POST", ["inboxes", ii, "contacts", ci, "conversations"]) => {
            let (inbox, contact_inbox) = identity(w, ii, ci)?;
            let existing = inbox
                .lock_to_single_conversation
                .then(|| {
                    w.store
                        .conversations
                        .positions_of_contact_inbox(contact_inbox.id)
                        .last()
                        .copied()
                })
                .flatten();
            let index = match existing {
                Some(index) => index,
                None => {
                    let index = ops::new_conversation(
                        w,
                        inbox.account_id,
                        contact_inbox.id,
                        req.object("custom_attributes").unwrap_or_default(),
                        Default::default(),
                    );
                    super::notifications::conversation_created(w, index, None);
                    index
                }
            };
            Ok(Reply::json(public_conversation(
                &w.store,
                &w.store.conversations[index],
            )))
        }
        ("GET", ["inboxes", ii, "contacts", ci, "conversations", id]) => {
            let index = conversation(w, ii, ci, id)?;
            Ok(Reply::json(public_conversation(
                &w.store,
                &w.store.conversations[index],
            )))
        }
        (
            "POST",
            [
                "inboxes",
                ii,
                "contacts",
                ci,
                "conversations",
                id,
                action @ ("toggle_status" | "toggle_typing" | "update_last_seen"),
            ],
        ) => {
            let index = conversation(w, ii, ci, id)?;
            match *action {
                "toggle_status" => {
                    if w.store.conversations[index].status != "resolved" {
                        ops::set_status(w, index, "resolved", None, None);
                        survey(w, index);
                    }
                    Ok(Reply::json(public_conversation(
                        &w.store,
                        &w.store.conversations[index],
                    )))
                }
                "update_last_seen" => {
                    w.store.conversations[index].contact_last_seen_at = Some(now());
                    Ok(Reply::ok())
                }
                _ => {
                    let contact = Sender::Contact(w.store.conversations[index].contact_id);
                    ops::typing(
                        w,
                        index,
                        req.str("typing_status").as_deref(),
                        contact,
                        false,
                    );
                    Ok(Reply::ok())
                }
            }
        }
        (
            "GET",
            [
                "inboxes",
                ii,
                "contacts",
                ci,
                "conversations",
                id,
                "messages",
            ],
        ) => {
            let index = conversation(w, ii, ci, id)?;
            let before = req.query("before").map(|b| b.parse::<Id>().unwrap_or(0));
            let thread = w.store.messages.thread(w.store.conversations[index].id);
            let older = before.map_or(thread, |b| thread.ids(..b));
            let chat = older.latest(20, |m| !m.private && m.message_type != 2);
            Ok(Reply::json(Value::Array(
                chat.into_iter()
                    .map(|m| public_message(&w.store, m))
                    .collect(),
            )))
        }
        (
            "POST",
            [
                "inboxes",
                ii,
                "contacts",
                ci,
                "conversations",
                id,
                "messages",
            ],
        ) => {
            let index = conversation(w, ii, ci, id)?;
            let content = req.str("content");
            if ops::content_too_long(content.as_ref()) {
                return Err(Fail::invalid(
                    "Content is too long (maximum is 150000 characters)",
                    &["content"],
                ));
            }
            let contact_id = w.store.conversations[index].contact_id;
            let attachments = req
                .files("attachments")
                .into_iter()
                .map(|f| w.store.add_blob(f))
                .collect();
            let message_id = ops::add_message(
                w,
                index,
                NewMessage {
                    content,
                    message_type: 0,
                    sender: Some(Sender::Contact(contact_id)),
                    attachments,
                    ..NewMessage::default()
                },
            );
            let m = w
                .store
                .messages
                .get(message_id)
                .ok_or_else(Fail::rails_error)?;
            Ok(Reply::json(public_message(&w.store, m)))
        }
        (
            "PATCH" | "PUT",
            [
                "inboxes",
                ii,
                "contacts",
                ci,
                "conversations",
                id,
                "messages",
                message_id,
            ],
        ) => {
            let index = conversation(w, ii, ci, id)?;
            let conversation_id = w.store.conversations[index].id;
            let message_id: Id = message_id.parse().map_err(|_| Fail::rails_not_found())?;
            let answer = req
                .body
                .get("submitted_values")
                .cloned()
                .unwrap_or(Value::Null);
            let m = w
                .store
                .messages
                .get_mut(message_id)
                .filter(|m| m.conversation_id == conversation_id)
                .ok_or_else(Fail::rails_not_found)?;
            m.content_attributes
                .insert("submitted_values".into(), answer.clone());
            m.updated_at = now();
            let m = m.clone();
            if m.content_type == "input_csat" {
                record_csat(w, index, m.id, &answer);
            }
            let payload = crate::events::message_payload(&w.store, &m);
            w.emit_for(index, "message_updated", payload);
            Ok(Reply::json(public_message(&w.store, &m)))
        }
        _ => Err(Fail::no_route()),
    }
}

/// The API inbox with this identifier (other channels are not reachable).
fn api_inbox(w: &World, identifier: &str) -> Result<Inbox, Fail> {
    w.store
        .inboxes
        .iter()
        .find(|i| matches!(&i.channel, Channel::Api { identifier: id, .. } if id == identifier))
        .cloned()
        .ok_or_else(Fail::rails_not_found)
}

/// The inbox and the contact inbox of a contact identifier.
fn identity(w: &World, ii: &str, ci: &str) -> Result<(Inbox, ContactInbox), Fail> {
    let inbox = api_inbox(w, ii)?;
    let contact_inbox = w
        .store
        .contact_inboxes
        .find_by_source_id(inbox.id, ci)
        .cloned()
        .ok_or_else(Fail::rails_not_found)?;
    Ok((inbox, contact_inbox))
}

/// A verified contact reaches all its conversations; otherwise only this contact inbox's.
fn reaches(ci: &ContactInbox, contact_id: Id, contact_inbox_id: Id) -> bool {
    if ci.hmac_verified {
        contact_id == ci.contact_id
    } else {
        contact_inbox_id == ci.id
    }
}

fn conversation(w: &World, ii: &str, ci: &str, id: &str) -> Result<usize, Fail> {
    let (inbox, contact_inbox) = identity(w, ii, ci)?;
    let display_id: Id = id.parse().map_err(|_| Fail::rails_not_found())?;
    let conversations = &w.store.conversations;
    conversations
        .position_by_display_id(inbox.account_id, display_id)
        .filter(|&index| {
            let c = &conversations[index];
            reaches(&contact_inbox, c.contact_id, c.contact_inbox_id)
        })
        .ok_or_else(Fail::rails_not_found)
}

/// Identity verification: `identifier_hash` must be HMAC-SHA256(hmac_token, identifier) when
/// sent or when the inbox demands it; a failure is an unhandled error (500).
fn verify(w: &mut World, req: &Req, inbox: &Inbox, contact_inbox: Option<Id>) -> Result<(), Fail> {
    let Channel::Api {
        hmac_token,
        hmac_mandatory,
        ..
    } = &inbox.channel
    else {
        return Ok(());
    };
    let hash = req.str("identifier_hash").filter(|h| !h.is_empty());
    if hash.is_none() && !hmac_mandatory {
        return Ok(());
    }
    let identifier = req.str("identifier").unwrap_or_default();
    let expected = hmac_hex(hmac_token, &identifier);
    if hash.as_deref() != Some(expected.as_str()) {
        return Err(Fail::rails_error());
    }
    if let Some(id) = contact_inbox {
        w.store.contact_inboxes.mark_hmac_verified(id);
    }
    Ok(())
}

fn create_contact(w: &mut World, req: &Req, ii: &str) -> Res {
    let inbox = api_inbox(w, ii)?;
    verify(w, req, &inbox, None)?;
    if let Some(source_id) = req.str("source_id")
        && let Some(existing) = w
            .store
            .contact_inboxes
            .find_by_source_id(inbox.id, &source_id)
            .cloned()
    {
        let contact = w
            .store
            .contact(existing.contact_id)
            .ok_or_else(Fail::rails_error)?;
        return Ok(Reply::json(public_contact(&existing, contact)));
    }
    let email = req.str("email").map(|e| e.to_lowercase());
    let (identifier, phone) = (req.str("identifier"), req.str("phone_number"));
    if let Some(e) = &email
        && !e.contains('@')
    {
        return Err(Fail::invalid("Email Invalid email", &["email"]));
    }
    let account = inbox.account_id;
    let existing = [
        identifier.clone().map(|v| Detail::Identifier(account, v)),
        email.clone().map(|v| Detail::Email(account, v)),
        phone.clone().map(|v| Detail::PhoneNumber(account, v)),
    ]
    .iter()
    .flatten()
    .filter_map(|detail| w.store.contacts.with_detail(detail).next())
    .min();
    let contact_id = match existing {
        Some(id) => id,
        None => {
            let mut c = ops::blank_contact(inbox.account_id);
            c.name = req
                .str("name")
                .unwrap_or_else(|| format!("visitor-{}", 100 + crate::random::below(900)));
            (c.email, c.identifier, c.phone_number) = (email, identifier, phone);
            c.custom_attributes = req.object("custom_attributes").unwrap_or_default();
            ops::new_contact(w, c)
        }
    };
    let ci_id = ops::contact_inbox(
        w,
        contact_id,
        inbox.id,
        Some(req.str("source_id").unwrap_or_else(crate::store::uuid)),
        false,
    );
    let ci = w
        .store
        .contact_inbox(ci_id)
        .cloned()
        .ok_or_else(Fail::rails_error)?;
    let contact = w.store.contact(contact_id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(public_contact(&ci, contact)))
}

fn update_contact(w: &mut World, req: &Req, ii: &str, ci: &str) -> Res {
    let (inbox, contact_inbox) = identity(w, ii, ci)?;
    verify(w, req, &inbox, Some(contact_inbox.id))?;
    let before = w
        .store
        .contact(contact_inbox.contact_id)
        .map(|c| (contact_columns(c), c.updated_at));
    let c = w
        .store
        .contacts
        .update(contact_inbox.contact_id, |c| {
            for (key, field) in [
                ("email", &mut c.email),
                ("phone_number", &mut c.phone_number),
            ] {
                if let Some(v) = req.str(key).filter(|v| !v.is_empty()) {
                    *field = Some(if key == "email" { v.to_lowercase() } else { v });
                }
            }
            if let Some(name) = req.str("name").filter(|v| !v.is_empty()) {
                c.name = name;
            }
            c.custom_attributes
                .extend(req.object("custom_attributes").unwrap_or_default());
            c.updated_at = now();
            c.clone()
        })
        .ok_or_else(Fail::rails_not_found)?;
    if let Some((columns, updated)) = before
        && let Some(changed) = changes(&columns, &contact_columns(&c), (updated, c.updated_at))
    {
        let mut payload = crate::events::contact_payload(&w.store, &c);
        payload["changed_attributes"] = changed;
        w.emit(c.account_id, None, "contact_updated", payload);
    }
    Ok(Reply::json(contact_record(&c)))
}

/// After a resolution in an inbox with CSAT on: the survey message.
pub(super) fn survey(w: &mut World, index: usize) {
    let enabled = w
        .store
        .inbox(w.store.conversations[index].inbox_id)
        .is_some_and(|i| i.csat_survey_enabled);
    if enabled {
        ops::add_message(
            w,
            index,
            NewMessage {
                content: Some("Please rate this conversation".into()),
                message_type: 3,
                content_type: "input_csat".into(),
                ..NewMessage::default()
            },
        );
    }
}

pub(super) fn record_csat(w: &mut World, index: usize, message_id: Id, answer: &Value) {
    let Some(response) = answer.get("csat_survey_response") else {
        return;
    };
    let c = w.store.conversations[index].clone();
    let t = now();
    let rating = response
        .get("rating")
        .and_then(|r| r.as_i64().or_else(|| r.as_str()?.parse().ok()))
        .unwrap_or(0);
    let feedback = response
        .get("feedback_message")
        .and_then(Value::as_str)
        .map(str::to_owned);
    if let Some(existing) = w
        .store
        .csat_responses
        .iter_mut()
        .find(|r| r.message_id == message_id)
    {
        (
            existing.rating,
            existing.feedback_message,
            existing.updated_at,
        ) = (rating, feedback, t);
        return;
    }
    let id = w.store.id();
    w.store.csat_responses.push(CsatResponse {
        id,
        account_id: c.account_id,
        conversation_id: c.id,
        message_id,
        rating,
        feedback_message: feedback,
        contact_id: c.contact_id,
        assigned_agent_id: match c.assignee {
            Some(crate::store::Assignee::User(u)) => Some(u),
            _ => None,
        },
        review_notes: None,
        review_notes_updated_by: None,
        review_notes_updated_at: None,
        created_at: t,
        updated_at: t,
    });
}

/// `GET|PATCH csat_survey/{uuid}`: the survey message of a conversation, and its answer.
fn csat(w: &mut World, uuid: &str, answer: Option<Value>) -> Res {
    let index = w
        .store
        .conversations
        .iter()
        .position(|c| c.uuid == uuid)
        .ok_or_else(Fail::rails_not_found)?;
    let c = w.store.conversations[index].clone();
    let message = w
        .store
        .messages_of(c.id)
        .find(|m| m.content_type == "input_csat")
        .cloned()
        .ok_or_else(Fail::rails_not_found)?;
    if let Some(answer) = answer {
        if now() - message.created_at > 14.0 * 86_400.0 {
            return Err(Fail::error(
                422,
                "You cannot update the CSAT survey after 14 days",
            ));
        }
        if let Some(m) = w.store.messages.get_mut(message.id) {
            m.content_attributes
                .insert("submitted_values".into(), answer.clone());
        }
        record_csat(w, index, message.id, &answer);
    }
    let inbox = w.store.inbox(c.inbox_id);
    let response = w.store.csat_responses.iter().find(|r| r.message_id == message.id).map(|r| {
        json!({
            "id": r.id, "account_id": r.account_id, "conversation_id": r.conversation_id, "message_id": r.message_id,
            "rating": r.rating, "feedback_message": r.feedback_message, "contact_id": r.contact_id,
            "assigned_agent_id": r.assigned_agent_id, "created_at": iso(Some(r.created_at)), "updated_at": iso(Some(r.updated_at)),
            "csat_review_notes": null, "review_notes_updated_at": null, "review_notes_updated_by_id": null,
        })
    });
    Ok(Reply::json(json!({
        "id": message.id,
        "csat_survey_response": response,
        "display_type": inbox.and_then(|i| i.csat_config.get("display_type").cloned()).unwrap_or(json!("emoji")),
        "content": inbox.and_then(|i| i.csat_config.get("message").cloned()),
        "inbox_avatar_url": "",
        "inbox_name": inbox.map(|i| i.name.clone()),
        "locale": w.store.account(c.account_id).map(|a| a.locale.clone()),
        "conversation_id": c.id,
        "created_at": iso(Some(message.created_at)),
    })))
}
