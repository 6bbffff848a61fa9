//! Contact notes.

use super::people::agent;
use crate::clock::epoch;
use crate::store::{Note, Store};
use serde_json::{Value, json};

/// `api/v1/models/_note.json.jbuilder`. `account_id` and `contact_id` are `null`: the view
/// writes `json.account_id json.account_id`, whose inner call sets nothing and returns `nil`.
pub(crate) fn note(store: &Store, n: &Note) -> Value {
    let mut o = super::object([
        ("id", json!(n.id)),
        ("content", json!(n.content)),
        ("account_id", Value::Null),
        ("contact_id", Value::Null),
    ]);
    if let Some(user) = n.user_id.and_then(|u| store.user(u)) {
        o.insert("user".into(), agent(store, n.account_id, user));
    }
    o.insert("created_at".into(), epoch(Some(n.created_at)));
    o.insert("updated_at".into(), epoch(Some(n.updated_at)));
    Value::Object(o)
}
