//! The plan Prism is driven through: one step a call, family by family (see `prism.rs`).

#[path = "steps_base.rs"]
mod base;

use base::base_steps;
use serde_json::{Value, json};

/// One call: the row, its params (strings `"$name.path"` refer to earlier results), and a
/// name to keep its result under.
pub(crate) struct Step {
    pub(crate) row: &'static str,
    pub(crate) params: Value,
    pub(crate) keep: Option<&'static str>,
}

pub(crate) fn step(row: &'static str, params: Value) -> Step {
    Step {
        row,
        params,
        keep: None,
    }
}

pub(crate) fn keep(row: &'static str, name: &'static str, params: Value) -> Step {
    Step {
        row,
        params,
        keep: Some(name),
    }
}

/// Every family's steps, in order (later families use ids the earlier ones kept).
pub(crate) fn steps() -> Vec<Step> {
    let mut plan = core_steps();
    plan.extend(reports_steps());
    plan.extend(automation_steps());
    plan.extend(help_center_steps());
    plan
}

/// Help center and integrations (upstream Chatwoot): a portal with a category and an article,
/// and a Dialogflow hook created, updated and deleted.
fn help_center_steps() -> Vec<Step> {
    vec![
        keep("get_profile", "me", json!({})),
        step("list_portals", json!({})),
        keep(
            "create_portal",
            "portal",
            json!({"name": "Handbook", "slug": "prism-handbook", "config": {"allowed_locales": ["en", "es"]}}),
        ),
        step(
            "update_portal",
            json!({"id": "$portal.slug", "name": "Help", "header_text": "How can we help?"}),
        ),
        keep(
            "create_category",
            "category",
            json!({"id": "$portal.slug", "name": "Billing", "slug": "billing", "locale": "en"}),
        ),
        step(
            "create_article",
            json!({"id": "$portal.slug", "title": "Paying an invoice", "author_id": "$me.id", "category_id": "$category.payload.id", "content": "Open Billing."}),
        ),
        step("list_integration_apps", json!({})),
        keep(
            "create_integration_hook",
            "hook",
            json!({"app_id": "dialogflow", "inbox_id": "$info.inbox_id", "settings": {"project_id": "acme-bot", "credentials": {"type": "service_account"}}}),
        ),
        step(
            "update_integration_hook",
            json!({"hook_id": "$hook.id", "status": 0}),
        ),
        step("delete_integration_hook", json!({"hook_id": "$hook.id"})),
    ]
}

/// Reports (v2), reporting events and audit logs: read-only, over the seeded data.
fn reports_steps() -> Vec<Step> {
    let range = json!({"since": 1_700_000_000, "until": 4_102_444_800u64});
    let with = |extra: Value| {
        let mut params = range.clone();
        params
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        params
    };
    vec![
        step(
            "get_report_timeseries",
            json!({"metric": "conversations_count", "type": "account", "since": 1_700_000_000, "until": 1_700_259_200}),
        ),
        step("get_report_summary", with(json!({"type": "account"}))),
        step(
            "get_account_conversation_metrics",
            json!({"type": "account"}),
        ),
        step("get_agent_conversation_metrics", json!({"type": "agent"})),
        step("get_first_response_time_distribution", range.clone()),
        step("get_inbox_label_matrix", range.clone()),
        step(
            "get_outgoing_messages_count",
            with(json!({"group_by": "agent"})),
        ),
        step("get_agent_summary_report", range.clone()),
        step("get_team_summary_report", range.clone()),
        step("get_inbox_summary_report", range.clone()),
        step(
            "get_channel_summary_report",
            json!({"since": 1_700_000_000, "until": 1_700_259_200}),
        ),
        step("list_reporting_events", json!({})),
        step("list_audit_logs", json!({})),
    ]
}

fn core_steps() -> Vec<Step> {
    let mut plan = base_steps();
    plan.extend(inbox_agent_bot_steps());
    plan
}

/// The inbox's agent bot (after `base_steps`, whose `$inbox` it uses): connect, show.
fn inbox_agent_bot_steps() -> Vec<Step> {
    vec![
        keep(
            "create_agent_bot",
            "inbox_bot",
            json!({"name": "Prism Inbox Bot", "outgoing_url": "http://127.0.0.1:9/inbox-bot"}),
        ),
        step(
            "set_inbox_agent_bot",
            json!({"inbox_id": "$inbox.id", "agent_bot": "$inbox_bot.id"}),
        ),
        step("get_inbox_agent_bot", json!({"inbox_id": "$inbox.id"})),
    ]
}
/// Saved filters and automation rules.
fn automation_steps() -> Vec<Step> {
    let conditions = json!([
        {"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "AND"},
        {"attribute_key": "priority", "filter_operator": "equal_to", "values": ["urgent"]}
    ]);
    vec![
        keep(
            "create_custom_filter",
            "filter",
            json!({"name": "Prism folder", "filter_type": "conversation", "query": {"payload": conditions}}),
        ),
        step(
            "list_custom_filters",
            json!({"filter_type": "conversation"}),
        ),
        step(
            "get_custom_filter",
            json!({"custom_filter_id": "$filter.id"}),
        ),
        step(
            "update_custom_filter",
            json!({"custom_filter_id": "$filter.id", "name": "Prism folder 2"}),
        ),
        step(
            "delete_custom_filter",
            json!({"custom_filter_id": "$filter.id"}),
        ),
        keep(
            "create_automation_rule",
            "rule",
            json!({
                "name": "Prism rule",
                "description": "Conformance",
                "event_name": "message_created",
                "conditions": conditions,
                "actions": [{"action_name": "add_label", "action_params": ["prism"]}]
            }),
        ),
        step("list_automation_rules", json!({})),
        step(
            "get_automation_rule",
            json!({"automation_rule_id": "$rule.id"}),
        ),
        step(
            "update_automation_rule",
            json!({"automation_rule_id": "$rule.id", "active": false}),
        ),
        step(
            "delete_automation_rule",
            json!({"automation_rule_id": "$rule.id"}),
        ),
    ]
}
