//! Web-widget API, the rest: the visitor's contact (`contact`, `contact/set_user`, identity
//! hashes and merges), labels, events, campaigns, the inbox's agents, and direct uploads.

use super::World;
use super::contacts::{email_ok, phone_ok, validate};
use super::widget::{Visitor, current, issue, keys, new_visitor, settings, visitor, widget_inbox};
use super::widget_messages::{browser, browser_language};
use crate::deliver::hmac_hex;
use crate::events::{changes, contact_columns, contact_payload, conversation_payload};
use crate::http::{Fail, Reply, Req, Res};
use crate::ops::{self, NewMessage};
use crate::store::{Channel, Contact, Detail, Id, Json, Sender};
use crate::views::contacts::contact_record;
use crate::views::widget;
use serde_json::{Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", ["contact"]) => {
            let v = visitor(w, req)?;
            let c = w
                .store
                .contact(v.ci.contact_id)
                .ok_or_else(Fail::not_found)?;
            let mut o = widget::contact(c);
            o.insert("identifier".into(), json!(c.identifier));
            Ok(Reply::json(Value::Object(o)))
        }
        ("PATCH" | "PUT", ["contact"]) => {
            let v = visitor(w, req)?;
            let id = identify(w, v.ci.contact_id, &Identity::of(req), false, true)?;
            let c = w.store.contact(id).ok_or_else(Fail::not_found)?;
            Ok(Reply::json(Value::Object(widget::contact(c))))
        }
        ("POST", ["contact", "destroy_custom_attributes"]) => {
            let v = visitor(w, req)?;
            let gone = keys(req, "custom_attributes");
            let c = save(w, v.ci.contact_id, |c| {
                c.custom_attributes.retain(|k, _| !gone.contains(k));
            })?;
            Ok(Reply::json(contact_record(&c)))
        }
        ("PATCH", ["contact", "set_user"]) => set_user(w, req),
        ("POST", ["labels"]) => {
            let v = visitor(w, req)?;
            let title = req.str("label").unwrap_or_default();
            let exists = w
                .store
                .labels
                .iter()
                .any(|l| l.account_id == v.inbox.account_id && l.title == title);
            label(w, &v, |labels| {
                if exists && !labels.contains(&title) {
                    labels.push(title.clone());
                }
            });
            Ok(Reply::no_content())
        }
        ("DELETE", ["labels", title]) => {
            let v = visitor(w, req)?;
            label(w, &v, |labels| labels.retain(|l| l != title));
            Ok(Reply::no_content())
        }
        ("POST", ["events"]) => event(w, req),
        ("GET", ["campaigns"]) => {
            let inbox = widget_inbox(w, req)?;
            let on = w
                .store
                .account(inbox.account_id)
                .is_some_and(|a| a.features.iter().any(|f| f == "campaigns"));
            let list: Vec<Value> = w
                .store
                .campaigns
                .iter()
                .filter(|c| on && c.inbox_id == inbox.id && c.enabled)
                .map(|c| widget::campaign(&w.store, c))
                .collect();
            Ok(Reply::json(Value::Array(list)))
        }
        ("GET", ["inbox_members"]) => {
            let inbox = widget_inbox(w, req)?;
            let payload: Vec<Value> = w
                .store
                .inbox_members
                .iter()
                .filter(|(i, _)| *i == inbox.id)
                .filter_map(|(_, u)| w.store.user(*u))
                .map(|u| {
                    let member = w.store.membership(inbox.account_id, u.id);
                    let presence = member.map(|m| {
                        if m.auto_offline && m.active_at.is_none() {
                            "offline"
                        } else {
                            m.availability.as_str()
                        }
                    });
                    json!({
                        "id": u.id, "name": u.available_name(),
                        "avatar_url": u.avatar_url.as_deref().unwrap_or(""),
                        "availability_status": presence,
                    })
                })
                .collect();
            Ok(Reply::json(json!({ "payload": payload })))
        }
        ("POST", ["direct_uploads"]) => {
            // ActiveStorage's controller: not found is Rails' own 404 here.
            visitor(w, req).map_err(|f| match f.status {
                404 => Fail::rails_not_found(),
                _ => f,
            })?;
            super::direct_uploads::announce(w, req)
        }
        _ => Err(Fail::no_route()),
    }
}

/// Changes the newest conversation's labels, if there is one (`conversation_updated` when
/// they change).
fn label(w: &mut World, v: &Visitor, change: impl FnOnce(&mut Vec<String>)) {
    if let Some(index) = current(w, v) {
        let before = ops::snapshot(w, index);
        change(&mut w.store.conversations[index].labels);
        ops::updated(w, index, before);
    }
}

/// Saves a change to a contact and announces it (`contact_updated` when a column changed).
fn save(w: &mut World, id: Id, change: impl FnOnce(&mut Contact)) -> Result<Contact, Fail> {
    let before = w
        .store
        .contact(id)
        .map(|c| (contact_columns(c), c.updated_at))
        .ok_or_else(Fail::not_found)?;
    let c = w
        .store
        .contacts
        .update(id, |c| {
            change(c);
            c.clone()
        })
        .ok_or_else(Fail::not_found)?;
    let t = crate::clock::now();
    if let Some(changed) = changes(&before.0, &contact_columns(&c), (before.1, t)) {
        w.store.contacts.update(id, |c| c.updated_at = t);
        let mut payload = contact_payload(&w.store, &c);
        payload["changed_attributes"] = changed;
        w.emit(c.account_id, None, "contact_updated", payload);
    }
    w.store.contact(id).cloned().ok_or_else(Fail::not_found)
}

/// What a visitor tells of themselves (`ContactIdentifyAction`'s params).
#[derive(Debug, Clone, Default)]
pub(super) struct Identity {
    pub identifier: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub custom_attributes: Option<Json>,
    pub additional_attributes: Option<Json>,
}

impl Identity {
    /// The top-level params of `contact` and `contact/set_user`.
    fn of(req: &Req) -> Identity {
        Identity {
            identifier: req.str("identifier"),
            name: req.str("name"),
            email: req.str("email"),
            phone_number: req.str("phone_number"),
            custom_attributes: req.object("custom_attributes"),
            additional_attributes: req.object("additional_attributes"),
        }
    }
}

/// `Hash#deep_merge`.
fn deep_merge(into: &mut Json, from: &Json) {
    for (key, value) in from {
        match (into.get_mut(key), value) {
            (Some(Value::Object(mine)), Value::Object(theirs)) => deep_merge(mine, theirs),
            _ => {
                into.insert(key.clone(), value.clone());
            }
        }
    }
}

/// `ContactIdentifyAction`: merges the contact into an existing one with the identifier, else
/// the email, else the phone number (unless that one has another identifier, or for the phone
/// another email: then that detail is dropped), then sets the details given (the name too
/// unless `retain_name` and merged) and deep-merges the attribute hashes. With
/// `discard_invalid`, an invalid email or phone keeps its old value. Returns the contact's id
/// (the merge target's after a merge).
pub(super) fn identify(
    w: &mut World,
    contact_id: Id,
    p: &Identity,
    retain_name: bool,
    discard_invalid: bool,
) -> Result<Id, Fail> {
    let present = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let (identifier, email, phone) = (
        present(&p.identifier),
        present(&p.email).map(|e| e.to_lowercase()),
        present(&p.phone_number),
    );
    let account = w
        .store
        .contact(contact_id)
        .ok_or_else(Fail::not_found)?
        .account_id;
    let mut current = contact_id;
    let (mut keep_identifier, mut keep_email, mut keep_phone, mut keep_name) =
        (true, true, true, true);
    let lookups = [
        identifier.clone().map(|v| Detail::Identifier(account, v)),
        email.clone().map(|v| Detail::Email(account, v)),
        phone.clone().map(|v| Detail::PhoneNumber(account, v)),
    ];
    for (step, detail) in lookups.into_iter().enumerate() {
        let Some(existing) = detail
            .and_then(|d| w.store.contacts.with_detail(&d).next())
            .and_then(|id| w.store.contact(id))
            .cloned()
        else {
            continue;
        };
        let keep = match step {
            0 => &mut keep_identifier,
            1 => &mut keep_email,
            _ => &mut keep_phone,
        };
        let other_identifier = existing.identifier.is_some() && existing.identifier != identifier;
        if identifier.is_some() && other_identifier {
            *keep = false;
            continue;
        }
        if step == 2 && email.is_some() && existing.email.is_some() && existing.email != email {
            *keep = false;
            continue;
        }
        if existing.id != current {
            ops::merge_contacts(w, existing.id, current);
            current = existing.id;
            if retain_name {
                keep_name = false;
            }
        }
    }
    let before = w
        .store
        .contact(current)
        .cloned()
        .ok_or_else(Fail::not_found)?;
    let mut after = before.clone();
    let set = |keep: bool, value: &Option<String>, field: &mut Option<String>| {
        if keep && value.is_some() {
            field.clone_from(value);
        }
    };
    set(keep_identifier, &identifier, &mut after.identifier);
    set(keep_email, &email, &mut after.email);
    set(keep_phone, &phone, &mut after.phone_number);
    if let Some(name) = present(&p.name).filter(|_| keep_name) {
        after.name = name;
    }
    if discard_invalid {
        if after.email.as_deref().is_some_and(|e| !email_ok(e)) {
            after.email = before.email.clone();
        }
        if after.phone_number.as_deref().is_some_and(|n| !phone_ok(n)) {
            after.phone_number = before.phone_number.clone();
        }
    }
    validate(&w.store, &after)?;
    if let Some(extra) = &p.custom_attributes {
        deep_merge(&mut after.custom_attributes, extra);
    }
    if let Some(extra) = &p.additional_attributes {
        deep_merge(&mut after.additional_attributes, extra);
    }
    save(w, current, |c| *c = after)?;
    Ok(current)
}

/// `PATCH contact/set_user`: the identity hash must match when the inbox demands it or one is
/// sent (not when only custom attributes come without an identifier). A visitor known by
/// another identifier gets a new session (`widget_auth_token`); a checked hash marks the
/// session verified.
fn set_user(w: &mut World, req: &Req) -> Res {
    let v = visitor(w, req)?;
    let Channel::WebWidget { hmac_token, .. } = &v.inbox.channel else {
        return Err(Fail::rails_error());
    };
    let identifier = req.str("identifier").unwrap_or_default();
    let hash = req.str("identifier_hash").filter(|h| !h.is_empty());
    let attributes_only = req
        .object("custom_attributes")
        .is_some_and(|a| !a.is_empty())
        && identifier.is_empty();
    let check = (hash.is_some() || settings(&v.inbox).hmac_mandatory) && !attributes_only;
    if check && hash.as_deref() != Some(hmac_hex(hmac_token, &identifier).as_str()) {
        return Err(Fail::error(
            401,
            "HMAC failed: Invalid Identifier Hash Provided",
        ));
    }
    let known_as = w
        .store
        .contact(v.ci.contact_id)
        .and_then(|c| c.identifier.clone())
        .filter(|i| !i.is_empty());
    let (ci, new_token) = match known_as {
        Some(other) if other != identifier => {
            let ci = new_visitor(w, &v.inbox);
            let token = issue(w, &ci);
            (ci, Some(token))
        }
        _ => (v.ci.clone(), None),
    };
    if check {
        w.store.contact_inboxes.mark_hmac_verified(ci.id);
    }
    let id = identify(w, ci.contact_id, &Identity::of(req), false, true)?;
    let c = w.store.contact(id).ok_or_else(Fail::not_found)?;
    let mut o = widget::contact(c);
    if let Some(token) = new_token {
        o.insert("widget_auth_token".into(), json!(token));
    }
    Ok(Reply::json(Value::Object(o)))
}

/// `POST events`: `webwidget.triggered` reaches the inbox's webhooks and bot with the visitor
/// and the visit; `campaign.triggered` starts the campaign's conversation for a visitor
/// without any. Other names change nothing.
fn event(w: &mut World, req: &Req) -> Res {
    let v = visitor(w, req)?;
    let mut info = req.object("event_info").unwrap_or_default();
    match req.str("name").as_deref() {
        Some("webwidget.triggered") => {
            info.insert("widget_language".into(), json!(req.query("locale")));
            info.insert("browser_language".into(), json!(browser_language(req)));
            info.insert("browser".into(), browser());
            let store = &w.store;
            let newest =
                current(w, &v).map(|i| conversation_payload(store, &store.conversations[i]));
            let account = store.account(v.inbox.account_id);
            let payload = json!({
                "id": v.ci.id,
                "contact": store.contact(v.ci.contact_id).map(|c| contact_payload(store, c)),
                "inbox": { "id": v.inbox.id, "name": v.inbox.name },
                "account": { "id": v.inbox.account_id, "name": account.map(|a| a.name.clone()) },
                "current_conversation": newest,
                "source_id": v.ci.source_id,
                "event_info": info,
            });
            w.emit(
                v.inbox.account_id,
                Some(v.inbox.id),
                "webwidget_triggered",
                payload,
            );
        }
        Some("campaign.triggered") => campaign(w, &v, info),
        _ => {}
    }
    Ok(Reply::no_content())
}

/// `CampaignListener`: the campaign's conversation, with its message from the campaign's
/// sender, for a visitor with no conversation yet.
fn campaign(w: &mut World, v: &Visitor, mut info: Json) {
    let display_id = info
        .remove("campaign_id")
        .and_then(|id| id.as_u64().or_else(|| id.as_str()?.parse().ok()));
    let Some(campaign) = w
        .store
        .campaigns
        .iter()
        .find(|c| Some(c.display_id) == display_id && c.account_id == v.inbox.account_id)
        .cloned()
    else {
        return;
    };
    if !w
        .store
        .conversations
        .positions_of_contact_inbox(v.ci.id)
        .is_empty()
    {
        return;
    }
    let custom = match info.remove("custom_attributes") {
        Some(Value::Object(o)) => o,
        _ => Json::new(),
    };
    let index = ops::new_conversation(w, v.inbox.account_id, v.ci.id, custom, info);
    w.store.conversations[index].campaign_id = Some(campaign.id);
    super::notifications::conversation_created(w, index, None);
    let new = NewMessage {
        content: Some(campaign.message),
        message_type: 1,
        sender: campaign.sender_id.map(Sender::User),
        additional_attributes: json!({ "campaign_id": campaign.id })
            .as_object()
            .cloned()
            .unwrap_or_default(),
        ..NewMessage::default()
    };
    ops::add_message(w, index, new);
}
