//! Contacts and their identities in inboxes.

use super::object;
use crate::clock::{epoch, iso};
use crate::store::{Contact, ContactInbox, Inbox, Store};
use serde_json::{Value, json};

/// `api/v1/models/_contact.json.jbuilder`; `contact_inboxes` only where the endpoint asks.
pub(crate) fn contact(store: &Store, c: &Contact, with_inboxes: bool) -> Value {
    let mut o = object([
        (
            "additional_attributes",
            Value::Object(c.additional_attributes.clone()),
        ),
        ("availability_status", json!("offline")),
        ("email", json!(c.email)),
        ("id", json!(c.id)),
        ("name", json!(c.name)),
        ("phone_number", json!(c.phone_number)),
        ("blocked", json!(c.blocked)),
        ("identifier", json!(c.identifier)),
        ("thumbnail", json!(c.avatar_url.as_deref().unwrap_or(""))),
        (
            "custom_attributes",
            Value::Object(c.custom_attributes.clone()),
        ),
    ]);
    if c.last_activity_at.is_some() {
        o.insert("last_activity_at".into(), epoch(c.last_activity_at));
    }
    o.insert("created_at".into(), epoch(Some(c.created_at)));
    if with_inboxes {
        let inboxes: Vec<Value> = store
            .contact_inboxes
            .of_contact(c.id)
            .filter_map(|ci| Some(contact_inbox(store.inbox(ci.inbox_id)?, ci)))
            .collect();
        o.insert("contact_inboxes".into(), Value::Array(inboxes));
    }
    Value::Object(o)
}

/// `Contact#push_event_data`: a contact as a message sender.
pub(crate) fn contact_push(c: &Contact) -> Value {
    json!({
        "additional_attributes": c.additional_attributes,
        "custom_attributes": c.custom_attributes,
        "email": c.email,
        "id": c.id,
        "identifier": c.identifier,
        "name": c.name,
        "phone_number": c.phone_number,
        "thumbnail": c.avatar_url.as_deref().unwrap_or(""),
        "blocked": c.blocked,
        "type": "contact",
    })
}

/// `api/v1/models/_contact_inbox.json.jbuilder`.
pub(crate) fn contact_inbox(inbox: &Inbox, ci: &ContactInbox) -> Value {
    json!({ "source_id": ci.source_id, "inbox": inbox_slim(inbox) })
}

/// `api/v1/models/_inbox_slim.json.jbuilder`.
pub(crate) fn inbox_slim(inbox: &Inbox) -> Value {
    json!({
        "id": inbox.id,
        "avatar_url": inbox.avatar_url.as_deref().unwrap_or(""),
        "channel_id": inbox.channel_id,
        "name": inbox.name,
        "channel_type": inbox.channel.type_name(),
        "provider": null,
    })
}

/// `Contact#as_json`: every column, then `label_list`.
pub(crate) fn contact_record(c: &Contact) -> Value {
    let contact_type = if c.email.is_some() || c.phone_number.is_some() {
        "lead"
    } else {
        "visitor"
    };
    json!({
        "id": c.id,
        "name": c.name,
        "email": c.email,
        "phone_number": c.phone_number,
        "account_id": c.account_id,
        "created_at": iso(Some(c.created_at)),
        "updated_at": iso(Some(c.updated_at)),
        "additional_attributes": c.additional_attributes,
        "identifier": c.identifier,
        "custom_attributes": c.custom_attributes,
        "last_activity_at": iso(c.last_activity_at),
        "contact_type": contact_type,
        "middle_name": "",
        "last_name": "",
        "location": c.additional_attributes.get("city").cloned().unwrap_or(Value::Null),
        "country_code": c.additional_attributes.get("country_code").cloned().unwrap_or(Value::Null),
        "blocked": c.blocked,
        "company_id": null,
        "label_list": c.labels,
    })
}

/// `public/api/v1/inboxes/contacts/{create,show}.json.jbuilder`.
pub(crate) fn public_contact(ci: &ContactInbox, c: &Contact) -> Value {
    json!({
        "source_id": ci.source_id,
        "pubsub_token": ci.pubsub_token,
        "id": c.id,
        "name": c.name,
        "email": c.email,
        "phone_number": c.phone_number,
    })
}
