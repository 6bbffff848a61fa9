//! Saved filters and automation rules: the `custom_filters` and `automation_rules` tables.

use super::Id;
use serde_json::Value;

/// A user's saved filter (`custom_filters`).
#[derive(Debug, Clone)]
pub(crate) struct CustomFilter {
    pub id: Id,
    pub account_id: Id,
    pub user_id: Id,
    pub name: String,
    /// The enum name: `conversation`, `contact` or `report`.
    pub filter_type: &'static str,
    /// The `query` jsonb column, as the client sent it.
    pub query: Value,
    pub created_at: f64,
    pub updated_at: f64,
}

/// An account's automation rule (`automation_rules`).
#[derive(Debug, Clone)]
pub(crate) struct AutomationRule {
    pub id: Id,
    pub account_id: Id,
    pub name: String,
    pub description: Option<String>,
    pub event_name: String,
    /// The `conditions` jsonb column, as the client sent it.
    pub conditions: Value,
    /// The `actions` jsonb column, as the client sent it.
    pub actions: Value,
    pub active: bool,
    pub created_at: f64,
}

/// Both tables.
#[derive(Debug, Clone, Default)]
pub(crate) struct Automation {
    pub custom_filters: Vec<CustomFilter>,
    pub rules: Vec<AutomationRule>,
}
