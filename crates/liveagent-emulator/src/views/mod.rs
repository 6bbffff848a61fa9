//! JSON views, written field by field after the server's jbuilder views (paths in each function's
//! doc). Key order follows the views.

pub(crate) mod automation;
pub(crate) mod contact_extras;
pub(crate) mod contacts;
pub(crate) mod conversations;
pub(crate) mod help_center;
pub(crate) mod inboxes;
pub(crate) mod integrations;
pub(crate) mod messages;
pub(crate) mod misc;
pub(crate) mod notifications;
pub(crate) mod odata;
mod odata_fields;
pub(crate) mod people;
pub(crate) mod search;
pub(crate) mod widget;

use serde_json::{Map, Value};

/// Builds an object, keeping key order.
pub(crate) fn object<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
