//! Account API, automation rules: `/api/v1/accounts/{account_id}/automation_rules...`
//! (administrators).

use super::FilterCondition;
use crate::models::{AutomationActionName, AutomationEvent};
use crate::types::Id;

params! {
    /// One action of an automation rule.
    pub struct AutomationActionInput {
        /// What to do.
        body action_name: AutomationActionName,
        /// Its arguments: label titles for `add_label`, ids for `assign_agent` and `assign_team`,
        /// the text for `send_message`, `[{"team_ids": [..], "message": ".."}]` for
        /// `send_email_to_team`, the URL for `send_webhook_event`; empty for the others.
        body action_params: Option<Vec<serde_json::Value>>,
    }
}

params! {
    /// `GET automation_rules`: every rule of the account.
    pub struct ListAutomationRulesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `POST automation_rules`: a rule that runs `actions` when `event_name` happens and the
    /// `conditions` hold.
    pub struct CreateAutomationRuleParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Name.
        body name: String,
        /// Description.
        body description: Option<String>,
        /// The event the rule listens to.
        body event_name: AutomationEvent,
        /// Whether the rule runs (the server's default: `true`).
        body active: Option<bool>,
        /// Conditions; every one but the last needs a `query_operator`.
        body conditions: Vec<FilterCondition>,
        /// Actions, run in order.
        body actions: Vec<AutomationActionInput>,
    }
}

params! {
    /// `GET automation_rules/{automation_rule_id}`.
    pub struct GetAutomationRuleParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Automation rule id.
        path automation_rule_id: Id,
    }
}

params! {
    /// `PATCH automation_rules/{automation_rule_id}`: conditions and actions given replace the
    /// stored ones.
    pub struct UpdateAutomationRuleParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Automation rule id.
        path automation_rule_id: Id,
        /// Name.
        body name: Option<String>,
        /// Description.
        body description: Option<String>,
        /// The event the rule listens to.
        body event_name: Option<AutomationEvent>,
        /// Whether the rule runs.
        body active: Option<bool>,
        /// Conditions.
        body conditions: Option<Vec<FilterCondition>>,
        /// Actions.
        body actions: Option<Vec<AutomationActionInput>>,
    }
}

params! {
    /// `DELETE automation_rules/{automation_rule_id}`.
    pub struct DeleteAutomationRuleParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Automation rule id.
        path automation_rule_id: Id,
    }
}

params! {
    /// `POST automation_rules/{automation_rule_id}/clone`: a copy of a rule (without its files).
    pub struct CloneAutomationRuleParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Automation rule id.
        path automation_rule_id: Id,
    }
}
