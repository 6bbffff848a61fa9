//! Account API, contacts: `/api/v1/accounts/{account_id}/contacts...`, `actions/contact_merge`.

use super::{World, can_see, page, seg_id};
use crate::auth::{Bots, Scope};
use crate::clock::now;
use crate::events::{changes, contact_columns, contact_payload};
use crate::http::{Fail, Reply, Req, Res};
use crate::ops;
use crate::store::{Channel, Contact, Detail, Id, Store, uuid};
use crate::views::contacts::{contact, contact_inbox};
use crate::views::conversations::conversation;
use crate::views::inboxes::inbox_record;
use serde_json::{Value, json};

const PER_PAGE: usize = 15;

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("POST", ["actions", "contact_merge"]) => merge(w, req, account_id),
        ("GET", ["contacts"]) => list(w, req, account_id),
        ("POST", ["contacts"]) => create(w, req, account_id),
        ("GET", ["contacts", "search"]) => search(w, req, account_id),
        ("POST", ["contacts", "filter"]) => filter(w, req, account_id),
        ("GET", ["contacts", id]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let c = find(&w.store, account_id, id)?;
            Ok(Reply::json(
                json!({ "payload": contact(&w.store, c, with_inboxes(req)) }),
            ))
        }
        ("PUT" | "PATCH", ["contacts", id]) => update(w, req, account_id, id),
        ("DELETE", ["contacts", id]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            let id = find(&w.store, account_id, id)?.id;
            w.store.contacts.remove(id);
            w.store.notes.retain(|n| n.contact_id != id);
            Ok(Reply::ok())
        }
        ("GET", ["contacts", id, "conversations"]) => conversations(w, req, account_id, id),
        ("GET", ["contacts", id, "contactable_inboxes"]) => {
            contactable_inboxes(w, req, account_id, id)
        }
        ("POST", ["contacts", id, "contact_inboxes"]) => {
            create_contact_inbox(w, req, account_id, id)
        }
        ("GET", ["contacts", id, "labels"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            Ok(Reply::json(
                json!({ "payload": find(&w.store, account_id, id)?.labels }),
            ))
        }
        ("POST", ["contacts", id, "labels"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let id = find(&w.store, account_id, id)?.id;
            let labels = req.strings("labels").unwrap_or_default();
            w.store.contacts.update(id, |c| c.labels = labels.clone());
            Ok(Reply::json(json!({ "payload": labels })))
        }
        _ => Err(Fail::no_route()),
    }
}

fn find<'a>(store: &'a Store, account_id: Id, id: &str) -> Result<&'a Contact, Fail> {
    let id = seg_id(id)?;
    store
        .contact(id)
        .filter(|c| c.account_id == account_id)
        .ok_or_else(Fail::not_found)
}

/// `include_contact_inboxes`: on unless given as anything but `"true"`.
fn with_inboxes(req: &Req) -> bool {
    req.query("include_contact_inboxes")
        .is_none_or(|v| v == "true")
}

/// `params[:page] || 1`: the string from the query, or the integer 1.
fn current_page(req: &Req) -> Value {
    req.query("page").map_or(json!(1), |p| json!(p))
}

/// Contacts with an email, phone number or identifier.
fn resolved(c: &Contact) -> bool {
    [&c.email, &c.phone_number, &c.identifier]
        .iter()
        .any(|v| v.as_ref().is_some_and(|s| !s.is_empty()))
}

fn sorted<'a>(mut found: Vec<&'a Contact>, sort: Option<&str>) -> Vec<&'a Contact> {
    let Some(sort) = sort else { return found };
    let (desc, key) = sort.strip_prefix('-').map_or((false, sort), |k| (true, k));
    let text = |c: &Contact| -> String {
        match key {
            "email" => c.email.clone().unwrap_or_default(),
            "phone_number" => c.phone_number.clone().unwrap_or_default(),
            "last_activity_at" => format!("{:020.6}", c.last_activity_at.unwrap_or(0.0)),
            "created_at" => format!("{:020.6}", c.created_at),
            "company_name" | "city" | "country" => c
                .additional_attributes
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            _ => c.name.to_lowercase(),
        }
    };
    found.sort_by_key(|c| text(c));
    if desc {
        found.reverse();
    }
    found
}

fn list_reply(store: &Store, req: &Req, found: Vec<&Contact>) -> Reply {
    let count = found.len();
    let payload: Vec<Value> = page(found, req.int("page"), PER_PAGE)
        .into_iter()
        .map(|c| contact(store, c, with_inboxes(req)))
        .collect();
    Reply::json(
        json!({ "meta": { "count": count, "current_page": current_page(req) }, "payload": payload }),
    )
}

fn list(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let labels = req.query_list("labels");
    let found: Vec<&Contact> = w
        .store
        .contacts
        .iter()
        .filter(|c| c.account_id == account_id && resolved(c))
        .filter(|c| labels.is_empty() || labels.iter().any(|l| c.labels.contains(l)))
        .collect();
    Ok(list_reply(&w.store, req, sorted(found, req.query("sort"))))
}

fn search(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let q = req.query("q").unwrap_or_default().trim().to_owned();
    let lower = q.to_lowercase();
    let found: Vec<&Contact> = w
        .store
        .contacts
        .iter()
        .filter(|c| c.account_id == account_id)
        .filter(|c| {
            [&Some(c.name.clone()), &c.email, &c.phone_number]
                .iter()
                .any(|v| {
                    v.as_ref()
                        .is_some_and(|s| s.to_lowercase().contains(&lower))
                })
                || c.identifier.as_ref().is_some_and(|i| i.contains(&q))
        })
        .collect();
    let found = sorted(found, req.query("sort"));
    let start = (req.int("page").unwrap_or(1).max(1) as usize - 1) * PER_PAGE;
    let has_more = found.len() > start + PER_PAGE;
    let rows: Vec<Value> = found
        .into_iter()
        .skip(start)
        .take(PER_PAGE)
        .map(|c| contact(&w.store, c, with_inboxes(req)))
        .collect();
    Ok(Reply::json(json!({
        "meta": { "count": rows.len(), "current_page": current_page(req), "has_more": has_more },
        "payload": rows,
    })))
}

fn contact_value(c: &Contact, key: &str) -> Option<String> {
    match key {
        "name" => Some(c.name.clone()),
        "email" => c.email.clone(),
        "phone_number" => c.phone_number.clone(),
        "identifier" => c.identifier.clone(),
        "blocked" => Some(c.blocked.to_string()),
        "country_code" | "city" | "company_name" => c
            .additional_attributes
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned),
        custom => c
            .custom_attributes
            .get(custom)
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)),
    }
}

fn filter(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let conditions = req
        .body
        .get("payload")
        .and_then(Value::as_array)
        .cloned()
        .ok_or_else(Fail::rails_error)?;
    const KEYS: [&str; 9] = [
        "name",
        "email",
        "phone_number",
        "identifier",
        "country_code",
        "city",
        "company_name",
        "labels",
        "blocked",
    ];
    for condition in &conditions {
        let key = condition["attribute_key"].as_str().unwrap_or_default();
        let custom = w
            .store
            .attribute_definitions
            .iter()
            .any(|d| d.account_id == account_id && d.key == key);
        if !KEYS.contains(&key) && !custom {
            return Err(Fail::error(
                422,
                &format!(
                    "Invalid attribute key - [{key}]. The key should be one of [{}] or a custom attribute defined in the account.",
                    KEYS.join(",")
                ),
            ));
        }
    }
    let keep = |c: &Contact| {
        let mut result: Option<bool> = None;
        let mut joiner = "AND";
        for condition in &conditions {
            let key = condition["attribute_key"].as_str().unwrap_or_default();
            let op = condition["filter_operator"].as_str().unwrap_or_default();
            let values: Vec<String> = match &condition["values"] {
                Value::Array(v) => v
                    .iter()
                    .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned))
                    .collect(),
                Value::Null => vec![],
                other => vec![
                    other
                        .as_str()
                        .map_or_else(|| other.to_string(), str::to_owned),
                ],
            };
            let current: Vec<String> = if key == "labels" {
                c.labels.clone()
            } else {
                contact_value(c, key).into_iter().collect()
            };
            let lower = |s: &String| s.to_lowercase();
            let hit = match op {
                "equal_to" => values
                    .iter()
                    .any(|v| current.iter().any(|x| lower(x) == lower(v))),
                "not_equal_to" => !values
                    .iter()
                    .any(|v| current.iter().any(|x| lower(x) == lower(v))),
                "contains" => values
                    .iter()
                    .any(|v| current.iter().any(|x| lower(x).contains(&lower(v)))),
                "does_not_contain" => !values
                    .iter()
                    .any(|v| current.iter().any(|x| lower(x).contains(&lower(v)))),
                "starts_with" => values
                    .iter()
                    .any(|v| current.iter().any(|x| x.starts_with(v.as_str()))),
                "is_present" => current.iter().any(|x| !x.is_empty()),
                "is_not_present" => current.iter().all(String::is_empty),
                _ => false,
            };
            result = Some(match (result, joiner) {
                (None, _) => hit,
                (Some(r), "OR") => r || hit,
                (Some(r), _) => r && hit,
            });
            joiner = condition["query_operator"].as_str().unwrap_or("AND");
        }
        result.unwrap_or(true)
    };
    let found: Vec<&Contact> = w
        .store
        .contacts
        .iter()
        .filter(|c| c.account_id == account_id && resolved(c) && keep(c))
        .collect();
    Ok(list_reply(&w.store, req, sorted(found, req.query("sort"))))
}

/// An email the contact model takes (`Devise.email_regexp`, roughly).
pub(super) fn email_ok(email: &str) -> bool {
    email
        .split_once('@')
        .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
}

/// A phone number in E.164 (`/\+[1-9]\d{1,14}\z/`).
pub(super) fn phone_ok(phone: &str) -> bool {
    let digits = phone.strip_prefix('+').unwrap_or_default();
    !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// Model validations of a contact's details, as `ActiveRecord::RecordInvalid` reports them.
pub(super) fn validate(store: &Store, c: &Contact) -> Result<(), Fail> {
    if c.email.as_deref().is_some_and(|e| !email_ok(e)) {
        return Err(Fail::invalid("Email Invalid email", &["email"]));
    }
    if c.phone_number.as_deref().is_some_and(|p| !phone_ok(p)) {
        return Err(Fail::invalid(
            "Phone number should be in e164 format",
            &["phone_number"],
        ));
    }
    // The first other contact (by id) with any of these details decides the message; for one
    // contact with several, email comes before identifier before phone number.
    let [email, identifier, phone_number] = Detail::of(c);
    let taken = [
        (email, "Email has already been taken", "email"),
        (
            identifier,
            "Identifier has already been taken",
            "identifier",
        ),
        (
            phone_number,
            "Phone number has already been taken",
            "phone_number",
        ),
    ]
    .into_iter()
    .filter_map(|(detail, message, attribute)| {
        let other = store
            .contacts
            .with_detail(&detail?)
            .find(|&id| id != c.id)?;
        Some((other, message, attribute))
    })
    .min_by_key(|(other, ..)| *other);
    match taken {
        Some((_, message, attribute)) => Err(Fail::invalid(message, &[attribute])),
        None => Ok(()),
    }
}

/// Applies the permitted contact params to a contact; attribute hashes are merged.
/// An uploaded `avatar` becomes the contact's thumbnail, served like any stored file.
fn store_avatar(w: &mut World, req: &Req, c: &mut Contact) {
    if let Some(file) = req.files("avatar").first() {
        let id = w.store.add_blob(file);
        c.avatar_url = w.store.blob(id).map(|b| w.store.blob_url(b));
    }
}

fn apply(req: &Req, c: &mut Contact) {
    if let Some(name) = req.str("name") {
        c.name = name;
    }
    for (key, field) in [
        ("email", &mut c.email),
        ("phone_number", &mut c.phone_number),
        ("identifier", &mut c.identifier),
    ] {
        if let Some(v) = req.body.get(key) {
            *field = v.as_str().filter(|s| !s.is_empty()).map(|s| {
                if key == "email" {
                    s.to_lowercase()
                } else {
                    s.to_owned()
                }
            });
        }
    }
    if let Some(b) = req.bool("blocked") {
        c.blocked = b;
    }
    c.additional_attributes
        .extend(req.object("additional_attributes").unwrap_or_default());
    c.custom_attributes
        .extend(req.object("custom_attributes").unwrap_or_default());
}

fn create(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let inbox = match req.id("inbox_id") {
        Some(id) => Some(
            w.store
                .inbox(id)
                .filter(|i| i.account_id == account_id)
                .cloned()
                .ok_or_else(Fail::not_found)?,
        ),
        None => None,
    };
    let mut draft = ops::blank_contact(account_id);
    apply(req, &mut draft);
    store_avatar(w, req, &mut draft);
    validate(&w.store, &draft)?;
    let id = ops::new_contact(w, draft);
    let contact_inbox_id = inbox
        .as_ref()
        .map(|i| ops::contact_inbox(w, id, i.id, req.str("source_id"), false));
    let c = w.store.contact(id).ok_or_else(Fail::rails_error)?;
    let ci = contact_inbox_id.and_then(|ci| w.store.contact_inbox(ci));
    Ok(Reply::json(json!({
        "payload": {
            "contact": contact(&w.store, c, true),
            "contact_inbox": { "inbox": inbox.as_ref().map(inbox_record), "source_id": ci.map(|ci| ci.source_id.clone()) },
        }
    })))
}

fn update(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let mut draft = find(&w.store, account_id, id)?.clone();
    let before = (contact_columns(&draft), draft.updated_at);
    apply(req, &mut draft);
    store_avatar(w, req, &mut draft);
    validate(&w.store, &draft)?;
    draft.updated_at = now();
    let changed = changes(
        &before.0,
        &contact_columns(&draft),
        (before.1, draft.updated_at),
    );
    w.store.contacts.update(draft.id, |c| *c = draft.clone());
    // The server sends no `contact_updated` when nothing changed.
    if let Some(changed) = changed {
        let mut payload = contact_payload(&w.store, &draft);
        payload["changed_attributes"] = changed;
        w.emit(account_id, None, "contact_updated", payload);
    }
    Ok(Reply::json(
        json!({ "payload": contact(&w.store, &draft, with_inboxes(req)) }),
    ))
}

fn conversations(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let contact_id = find(&w.store, account_id, id)?.id;
    let mut found: Vec<_> = w
        .store
        .conversations
        .of_account(account_id)
        .filter(|c| c.contact_id == contact_id && can_see(&w.store, &scope, c))
        .collect();
    found.sort_by(|a, b| b.last_activity_at.total_cmp(&a.last_activity_at));
    let payload: Vec<Value> = found
        .into_iter()
        .take(20)
        .map(|c| conversation(&w.store, c, scope.user_id()))
        .collect();
    Ok(Reply::json(json!({ "payload": payload })))
}

fn visible_inbox(store: &Store, scope: &Scope, inbox_id: Id) -> bool {
    scope.sees_all()
        || scope
            .user_id()
            .is_some_and(|u| store.is_inbox_member(inbox_id, u))
}

fn contactable_inboxes(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let contact_id = find(&w.store, account_id, id)?.id;
    let store = &w.store;
    let payload: Vec<Value> = store
        .inboxes
        .iter()
        .filter(|i| i.account_id == account_id && visible_inbox(store, &scope, i.id))
        .filter_map(|i| {
            let existing = store
                .contact_inboxes
                .of_contact(contact_id)
                .rev()
                .find(|ci| ci.inbox_id == i.id);
            let source_id = match &i.channel {
                Channel::Api { .. } => existing.map_or_else(uuid, |ci| ci.source_id.clone()),
                Channel::WebWidget { .. } => {
                    let ci = existing?;
                    if !store
                        .conversations
                        .positions_of_contact_inbox(ci.id)
                        .is_empty()
                    {
                        return None;
                    }
                    ci.source_id.clone()
                }
            };
            Some(json!({ "inbox": crate::views::contacts::inbox_slim(i), "source_id": source_id }))
        })
        .collect();
    Ok(Reply::json(json!({ "payload": payload })))
}

fn create_contact_inbox(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let contact_id = find(&w.store, account_id, id)?.id;
    let inbox = req
        .id("inbox_id")
        .and_then(|i| w.store.inbox(i))
        .filter(|i| i.account_id == account_id)
        .cloned();
    let inbox = inbox.ok_or_else(Fail::not_found)?;
    if !visible_inbox(&w.store, &scope, inbox.id) {
        return Err(Fail::forbidden());
    }
    let ci_id = ops::contact_inbox(
        w,
        contact_id,
        inbox.id,
        req.str("source_id"),
        req.bool("hmac_verified").unwrap_or(false),
    );
    let ci = w.store.contact_inbox(ci_id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(contact_inbox(&inbox, ci)))
}

/// Moves everything of the mergee to the base contact; the base's values win.
fn merge(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let base = req
        .id("base_contact_id")
        .and_then(|i| w.store.contact(i))
        .filter(|c| c.account_id == account_id)
        .cloned();
    let mergee = req
        .id("mergee_contact_id")
        .and_then(|i| w.store.contact(i))
        .filter(|c| c.account_id == account_id)
        .cloned();
    let (base, mergee) = (
        base.ok_or_else(Fail::not_found)?,
        mergee.ok_or_else(Fail::not_found)?,
    );
    let base = ops::merge_contacts(w, base.id, mergee.id).unwrap_or(base);
    Ok(Reply::json(contact(&w.store, &base, false)))
}
