//! Saved filters and automation rules.

use crate::clock::{epoch, iso};
use crate::store::{AutomationRule, CustomFilter};
use serde_json::{Value, json};

/// `api/v1/models/_custom_filter.json.jbuilder`.
pub(crate) fn custom_filter(f: &CustomFilter) -> Value {
    json!({
        "id": f.id,
        "name": f.name,
        "filter_type": f.filter_type,
        "query": f.query,
        "created_at": iso(Some(f.created_at)),
        "updated_at": iso(Some(f.updated_at)),
    })
}

/// `automation_rules/partials/_automation_rule.json.jbuilder` (the emulator keeps no files, so
/// the conditional `files` key never appears).
pub(crate) fn automation_rule(r: &AutomationRule) -> Value {
    json!({
        "id": r.id,
        "account_id": r.account_id,
        "name": r.name,
        "description": r.description,
        "event_name": r.event_name,
        "conditions": r.conditions,
        "actions": r.actions,
        "created_on": epoch(Some(r.created_at)),
        "active": r.active,
    })
}
