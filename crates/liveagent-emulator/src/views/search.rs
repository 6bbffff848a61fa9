//! Global search results (`api/v1/accounts/search/*.json.jbuilder`).

use super::messages::message;
use super::object;
use crate::clock::epoch;
use crate::store::{Assignee, Contact, Conversation, Store};
use serde_json::{Value, json};

/// `search/_contact.json.jbuilder`.
pub(crate) fn search_contact(c: &Contact) -> Value {
    Value::Object(object([
        ("email", json!(c.email)),
        ("id", json!(c.id)),
        ("name", json!(c.name)),
        ("phone_number", json!(c.phone_number)),
        ("identifier", json!(c.identifier)),
        (
            "additional_attributes",
            Value::Object(c.additional_attributes.clone()),
        ),
        ("last_activity_at", epoch(c.last_activity_at)),
    ]))
}

/// `search/_conversation_search_result.json.jbuilder`; `search/conversations.json.jbuilder`
/// adds `additional_attributes` (`with_attributes`). The `contact`, `inbox` and `agent` blocks
/// render no key when empty. The server fails on a conversation without messages (its
/// `message` partial reads `nil.id`); here `message` is left out instead.
pub(crate) fn search_conversation(store: &Store, c: &Conversation, with_attributes: bool) -> Value {
    let mut o = object([
        ("id", json!(c.display_id)),
        ("account_id", json!(c.account_id)),
        ("created_at", epoch(Some(c.created_at))),
    ]);
    if let Some(first) = store.messages_of(c.id).next() {
        o.insert("message".into(), message(store, first, None));
    }
    if let Some(contact) = store.contact(c.contact_id) {
        o.insert("contact".into(), search_contact(contact));
    }
    if let Some(inbox) = store.inbox(c.inbox_id) {
        o.insert(
            "inbox".into(),
            json!({
                "id": inbox.id,
                "channel_id": inbox.channel_id,
                "name": inbox.name,
                "channel_type": inbox.channel.type_name(),
            }),
        );
    }
    if let Some(Assignee::User(id)) = c.assignee
        && let Some(user) = store.user(id)
    {
        o.insert(
            "agent".into(),
            json!({
                "id": user.id,
                "available_name": user.available_name(),
                "email": user.email,
                "name": user.name,
                "role": store.membership(c.account_id, user.id).map(|m| m.role.as_str()),
            }),
        );
    }
    if with_attributes {
        o.insert(
            "additional_attributes".into(),
            Value::Object(c.additional_attributes.clone()),
        );
    }
    Value::Object(o)
}
