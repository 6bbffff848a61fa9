//! Conformance: every spec operation the SDK covers, sent through Prism 5.14.2 as a validating
//! proxy (`prism proxy --errors`) in front of the emulator. Prism checks our requests and the
//! emulator's responses against the upstream spec; every violation must be a known spec defect,
//! allow-listed below with its reason.
//!
//! Needs Prism: `PRISM=tests/prism/node_modules/.bin/prism cargo test -p liveagent-emulator
//! --test prism -- --ignored` (`scripts/test` does this).

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use liveagent::core::endpoint::Source;
use liveagent::core::{CallOptions, ENDPOINTS, EndpointMeta};
use liveagent::{Client, Error};
use liveagent_emulator::{Options, start};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Violations caused by defects of the upstream spec (api-surface §1.3, and the research notes
/// in `tests/fixtures/SOURCES.md`): `(operationId, location pattern, reason)`. A location
/// pattern is the violation's location with array indexes as `*`; a trailing `*` matches any
/// rest.
const SPEC_DEFECTS: &[(&str, &str, &str)] = &[
    (
        "get-account-details",
        "response.body.domain",
        "the account's inbound email domain is null until set",
    ),
    (
        "update-account",
        "response.body.domain",
        "the account's inbound email domain is null until set",
    ),
    (
        "get-account-agents",
        "response.body.*.role",
        "Live Agent's `supervisor` role is not in upstream's enum",
    ),
    (
        "listAllInboxes",
        "response.body.payload.*.*",
        "web-widget keys (website_url, widget_color, ...) are null for other channels",
    ),
    (
        "GetInbox",
        "response.body.*",
        "web-widget keys (website_url, widget_color, ...) are null for other channels",
    ),
    (
        "inboxCreation",
        "response.body.*",
        "web-widget keys (website_url, widget_color, ...) are null for other channels",
    ),
    (
        "updateInbox",
        "response.body.*",
        "web-widget keys (website_url, widget_color, ...) are null for other channels",
    ),
    (
        "update-agents-in-inbox",
        "body.inbox_id",
        "the spec types inbox_id as a string here (an integer for POST); the server takes integers",
    ),
    (
        "delete-agent-in-inbox",
        "body.inbox_id",
        "the spec types inbox_id as a string here (an integer for POST); the server takes integers",
    ),
    (
        "contactCreate",
        "response.body.payload",
        "the server answers {payload: {contact, contact_inbox}}, not an array",
    ),
    (
        "contactUpdate",
        "response",
        "the server answers 200 with the contact; the spec says 204",
    ),
    (
        "contactInboxCreation",
        "response.body.inbox.provider",
        "inbox_slim.provider is null except for email, SMS and WhatsApp channels",
    ),
    (
        "conversationList",
        "response.body.data.payload.*.snoozed_until",
        "snoozed_until is an ISO string (or null), not a number",
    ),
    (
        "conversationList",
        "response.body.data.payload.*.status",
        "the status enum lacks `snoozed`",
    ),
    (
        "list-all-labels",
        "response.body.payload.*.description",
        "a label's description is null until set",
    ),
    (
        "create-a-label",
        "response.body.*",
        "description and show_on_sidebar are null until set",
    ),
    (
        "get-details-of-a-single-label",
        "response.body.*",
        "description and show_on_sidebar are null until set",
    ),
    (
        "update-a-label",
        "response.body.show_on_sidebar",
        "show_on_sidebar is null until set",
    ),
    (
        "add-new-custom-attribute-to-account",
        "body.attribute_model",
        "the spec wants the integer; the server takes the enum name too",
    ),
    (
        "get-account-custom-attribute",
        "query.attribute_model",
        "the spec wants \"0\"/\"1\"; the server takes the enum names too",
    ),
    (
        "get-details-of-a-single-custom-attribute",
        "response.body.*",
        "description, regex fields and default_value are null until set; attribute_values is an array",
    ),
    (
        "update-custom-attribute-in-account",
        "response.body.*",
        "regex fields and default_value are null until set; attribute_values is an array",
    ),
    (
        "delete-custom-attribute-from-account",
        "response",
        "the server answers 204 (`head :no_content`); the spec says 200",
    ),
    (
        "list-all-webhooks",
        "response.body",
        "the server wraps the list: {payload: {webhooks: [...]}}",
    ),
    (
        "create-an-account-agent-bot",
        "response.body.description",
        "a bot's description is null until set",
    ),
    (
        "get-details-of-a-single-account-agent-bot",
        "response.body.description",
        "a bot's description is null until set",
    ),
    (
        "get-details-of-a-inbox",
        "response.body.working_hours.*.*",
        "a day closed all day has null hours",
    ),
    (
        "create-a-user",
        "response.body.*",
        "account_id and role are null for a user without accounts",
    ),
    (
        "get-details-of-a-user",
        "response.body.*",
        "account_id and role are null for a user without accounts",
    ),
    (
        "update-a-user",
        "response.body.*",
        "account_id and role are null for a user without accounts",
    ),
    (
        "create-an-agent-bot",
        "response.body.*",
        "description and outgoing_url are null until set",
    ),
    (
        "get-details-of-a-single-agent-bot",
        "response.body.*",
        "description and outgoing_url are null until set",
    ),
    (
        "update-an-agent-bot",
        "response.body.outgoing_url",
        "outgoing_url is null until set",
    ),
    (
        "getInboxAgentBot",
        "response",
        "the server answers 200 with {agent_bot: {...}} ({} without a bot); the spec says 204 with a bare agent bot",
    ),
    (
        "delete-a-custom-filter",
        "response",
        "the server answers 204 (`head :no_content`); the spec says 200",
    ),
    (
        "toggle-typing-status",
        "",
        "the spec requires typing_status in the query and a body too; the server reads either",
    ),
    (
        "list-all-conversation-statistics",
        "response.body.*.value",
        "count metrics are integers; only averages are decimal strings",
    ),
    (
        "list-all-conversation-statistics-summary",
        "response.body.previous.*",
        "an average is null when the period has no events",
    ),
    (
        "get-agent-summary-report",
        "response.body.*.avg_*",
        "averages are Postgres AVGs, which Rails renders as decimal strings",
    ),
    (
        "get-team-summary-report",
        "response.body.*.avg_*",
        "averages are Postgres AVGs, which Rails renders as decimal strings",
    ),
    (
        "get-inbox-summary-report",
        "response.body.*.avg_*",
        "averages are Postgres AVGs, which Rails renders as decimal strings",
    ),
    (
        "create-an-integration-hook",
        "body.app_id",
        "the spec types app_id as an integer; apps are named by strings (`dialogflow`, `slack`)",
    ),
    (
        "update-an-integrations-hook",
        "response.body.id",
        "the spec types the hook's id as a string; the server renders the integer",
    ),
    (
        "update-an-integrations-hook",
        "response.body.account_id",
        "the spec types account_id as a string; the server renders the integer",
    ),
    (
        "update-an-integrations-hook",
        "response.body.hook_type",
        "hook_type is the enum name (`account` or `inbox`), not a boolean",
    ),
];

/// One call: the row, its params (strings `"$name.path"` refer to earlier results), and a
/// name to keep its result under.
struct Step {
    row: &'static str,
    params: Value,
    keep: Option<&'static str>,
}

fn step(row: &'static str, params: Value) -> Step {
    Step {
        row,
        params,
        keep: None,
    }
}

fn keep(row: &'static str, name: &'static str, params: Value) -> Step {
    Step {
        row,
        params,
        keep: Some(name),
    }
}

/// Every family's steps, in order (later families use ids the earlier ones kept).
fn steps() -> Vec<Step> {
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

fn base_steps() -> Vec<Step> {
    vec![
        step("get_account", json!({})),
        step("update_account", json!({"name": "Acme Support"})),
        step("get_profile", json!({})),
        step(
            "update_profile",
            json!({"profile": {"display_name": "Ada"}}),
        ),
        step("list_agents", json!({})),
        keep(
            "create_agent",
            "agent",
            json!({"email": "prism@acme.example", "name": "Prism Agent", "role": "agent"}),
        ),
        step(
            "update_agent",
            json!({"agent_id": "$agent.id", "role": "agent", "availability": "busy"}),
        ),
        step("list_teams", json!({})),
        keep(
            "create_team",
            "team",
            json!({"name": "prism", "description": "Conformance"}),
        ),
        step("get_team", json!({"team_id": "$team.id"})),
        step(
            "update_team",
            json!({"team_id": "$team.id", "allow_auto_assign": false}),
        ),
        step(
            "add_team_members",
            json!({"team_id": "$team.id", "user_ids": ["$agent.id"]}),
        ),
        step(
            "update_team_members",
            json!({"team_id": "$team.id", "user_ids": ["$agent.id"]}),
        ),
        step("list_team_members", json!({"team_id": "$team.id"})),
        step(
            "remove_team_members",
            json!({"team_id": "$team.id", "user_ids": ["$agent.id"]}),
        ),
        step("delete_team", json!({"team_id": "$team.id"})),
        step("list_inboxes", json!({})),
        keep(
            "create_inbox",
            "inbox",
            json!({"name": "Prism Inbox", "channel": {"type": "api"}}),
        ),
        step("get_inbox", json!({"inbox_id": "$inbox.id"})),
        step(
            "update_inbox",
            json!({"inbox_id": "$inbox.id", "greeting_enabled": true, "greeting_message": "Hi"}),
        ),
        step(
            "add_inbox_members",
            json!({"inbox_id": "$inbox.id", "user_ids": ["$agent.id"]}),
        ),
        step(
            "update_inbox_members",
            json!({"inbox_id": "$inbox.id", "user_ids": ["$agent.id"]}),
        ),
        step("list_inbox_members", json!({"inbox_id": "$inbox.id"})),
        step(
            "remove_inbox_members",
            json!({"inbox_id": "$inbox.id", "user_ids": ["$agent.id"]}),
        ),
        step("list_contacts", json!({})),
        keep(
            "create_contact",
            "contact",
            json!({"name": "Prism Person", "email": "prism@example.com", "inbox_id": "$info.inbox_id"}),
        ),
        keep(
            "create_contact",
            "other",
            json!({"name": "Prism Twin", "email": "twin@example.com", "inbox_id": "$info.inbox_id"}),
        ),
        step(
            "get_contact",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step(
            "update_contact",
            json!({"contact_id": "$contact.payload.contact.id", "custom_attributes": {"plan": "pro"}}),
        ),
        step("search_contacts", json!({"q": "prism"})),
        step(
            "filter_contacts",
            json!({"payload": [{"attribute_key": "email", "filter_operator": "contains", "values": ["prism"]}]}),
        ),
        step(
            "list_contactable_inboxes",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step(
            "create_contact_inbox",
            json!({"contact_id": "$contact.payload.contact.id", "inbox_id": "$inbox.id"}),
        ),
        step(
            "add_contact_labels",
            json!({"contact_id": "$contact.payload.contact.id", "labels": ["vip"]}),
        ),
        step(
            "list_contact_labels",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        keep(
            "create_conversation",
            "conversation",
            json!({"inbox_id": "$info.inbox_id", "contact_id": "$contact.payload.contact.id", "source_id": "$contact.payload.contact_inbox.source_id", "message": {"content": "Hi", "message_type": "incoming"}}),
        ),
        step(
            "list_contact_conversations",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step(
            "get_conversation",
            json!({"conversation_id": "$conversation.id"}),
        ),
        step("list_conversations", json!({"status": "all"})),
        step("get_conversation_counts", json!({})),
        step(
            "filter_conversations",
            json!({"payload": [{"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"]}]}),
        ),
        step(
            "update_conversation",
            json!({"conversation_id": "$conversation.id", "priority": "high"}),
        ),
        step(
            "toggle_conversation_priority",
            json!({"conversation_id": "$conversation.id", "priority": "low"}),
        ),
        step(
            "toggle_typing_status",
            json!({"conversation_id": "$conversation.id", "typing_status": "on"}),
        ),
        step(
            "update_conversation_custom_attributes",
            json!({"conversation_id": "$conversation.id", "custom_attributes": {"order_id": "A-1"}}),
        ),
        step(
            "assign_conversation",
            json!({"conversation_id": "$conversation.id", "assignee_id": "$agent.id"}),
        ),
        step(
            "add_conversation_labels",
            json!({"conversation_id": "$conversation.id", "labels": ["billing"]}),
        ),
        step(
            "list_conversation_labels",
            json!({"conversation_id": "$conversation.id"}),
        ),
        keep(
            "create_message",
            "message",
            json!({"conversation_id": "$conversation.id", "content": "Hello from Prism"}),
        ),
        step(
            "list_messages",
            json!({"conversation_id": "$conversation.id"}),
        ),
        step(
            "delete_message",
            json!({"conversation_id": "$conversation.id", "message_id": "$message.id"}),
        ),
        step(
            "toggle_conversation_status",
            json!({"conversation_id": "$conversation.id", "status": "resolved"}),
        ),
        step(
            "list_conversation_reporting_events",
            json!({"conversation_id": "$conversation.id"}),
        ),
        step(
            "merge_contacts",
            json!({"base_contact_id": "$contact.payload.contact.id", "mergee_contact_id": "$other.payload.contact.id"}),
        ),
        step(
            "delete_contact",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step("list_labels", json!({})),
        keep(
            "create_label",
            "label",
            json!({"title": "prism", "color": "#ff0000"}),
        ),
        step("get_label", json!({"label_id": "$label.id"})),
        step(
            "update_label",
            json!({"label_id": "$label.id", "description": "Conformance"}),
        ),
        step("delete_label", json!({"label_id": "$label.id"})),
        step("list_canned_responses", json!({})),
        keep(
            "create_canned_response",
            "canned",
            json!({"short_code": "prism", "content": "Hello!"}),
        ),
        step(
            "update_canned_response",
            json!({"canned_response_id": "$canned.id", "content": "Hi!"}),
        ),
        step(
            "delete_canned_response",
            json!({"canned_response_id": "$canned.id"}),
        ),
        step(
            "list_custom_attribute_definitions",
            json!({"attribute_model": "conversation_attribute"}),
        ),
        keep(
            "create_custom_attribute_definition",
            "attribute",
            json!({"attribute_display_name": "Tier", "attribute_key": "tier", "attribute_model": "contact_attribute"}),
        ),
        step(
            "get_custom_attribute_definition",
            json!({"attribute_id": "$attribute.id"}),
        ),
        step(
            "update_custom_attribute_definition",
            json!({"attribute_id": "$attribute.id", "attribute_description": "Tier"}),
        ),
        step(
            "delete_custom_attribute_definition",
            json!({"attribute_id": "$attribute.id"}),
        ),
        step("list_webhooks", json!({})),
        keep(
            "create_webhook",
            "webhook",
            json!({"url": "http://127.0.0.1:9/prism", "subscriptions": ["message_created"]}),
        ),
        step(
            "update_webhook",
            json!({"webhook_id": "$webhook.payload.webhook.id", "name": "Prism"}),
        ),
        step(
            "delete_webhook",
            json!({"webhook_id": "$webhook.payload.webhook.id"}),
        ),
        step("list_agent_bots", json!({})),
        keep(
            "create_agent_bot",
            "bot",
            json!({"name": "Prism Bot", "outgoing_url": "http://127.0.0.1:9/bot"}),
        ),
        step("get_agent_bot", json!({"agent_bot_id": "$bot.id"})),
        step(
            "update_agent_bot",
            json!({"agent_bot_id": "$bot.id", "description": "Conformance"}),
        ),
        step("delete_agent_bot", json!({"agent_bot_id": "$bot.id"})),
        step("delete_agent", json!({"agent_id": "$agent.id"})),
        step(
            "get_public_inbox",
            json!({"inbox_identifier": "$info.inbox_identifier"}),
        ),
        keep(
            "create_public_contact",
            "visitor",
            json!({"inbox_identifier": "$info.inbox_identifier", "name": "Visitor", "email": "visitor@example.com"}),
        ),
        step(
            "get_public_contact",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id"}),
        ),
        step(
            "update_public_contact",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "name": "Visitor Two"}),
        ),
        keep(
            "create_public_conversation",
            "chat",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id"}),
        ),
        step(
            "list_public_conversations",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id"}),
        ),
        step(
            "get_public_conversation",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        keep(
            "create_public_message",
            "said",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id", "content": "Hello"}),
        ),
        step(
            "list_public_messages",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        step(
            "update_public_message",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id", "message_id": "$said.id", "submitted_values": {"name": "choice", "title": "Yes", "value": "yes"}}),
        ),
        step(
            "toggle_public_typing",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id", "typing_status": "on"}),
        ),
        step(
            "update_public_last_seen",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        step(
            "resolve_public_conversation",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        keep(
            "create_platform_account",
            "tenant",
            json!({"name": "Prism Corp"}),
        ),
        step("get_platform_account", json!({"account_id": "$tenant.id"})),
        step(
            "update_platform_account",
            json!({"account_id": "$tenant.id", "name": "Prism Corp 2"}),
        ),
        keep(
            "create_platform_user",
            "person",
            json!({"email": "owner@prism.example", "name": "Owner", "password": "Password1!"}),
        ),
        step("get_platform_user", json!({"user_id": "$person.id"})),
        step(
            "update_platform_user",
            json!({"user_id": "$person.id", "display_name": "Boss"}),
        ),
        step("get_platform_user_login", json!({"user_id": "$person.id"})),
        step(
            "create_platform_account_user",
            json!({"account_id": "$tenant.id", "user_id": "$person.id", "role": "administrator"}),
        ),
        step(
            "list_platform_account_users",
            json!({"account_id": "$tenant.id"}),
        ),
        step(
            "delete_platform_account_user",
            json!({"account_id": "$tenant.id", "user_id": "$person.id"}),
        ),
        step("list_platform_agent_bots", json!({})),
        keep(
            "create_platform_agent_bot",
            "robot",
            json!({"name": "Everywhere", "account_id": "$tenant.id"}),
        ),
        step(
            "get_platform_agent_bot",
            json!({"agent_bot_id": "$robot.id"}),
        ),
        step(
            "update_platform_agent_bot",
            json!({"agent_bot_id": "$robot.id", "description": "Conformance"}),
        ),
        step(
            "delete_platform_agent_bot",
            json!({"agent_bot_id": "$robot.id"}),
        ),
        step("delete_platform_user", json!({"user_id": "$person.id"})),
        step(
            "delete_platform_account",
            json!({"account_id": "$tenant.id"}),
        ),
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

/// Replaces `"$name.a.b"` strings with values kept from earlier steps.
fn resolve(value: &Value, kept: &BTreeMap<String, Value>) -> Value {
    match value {
        Value::String(s) if s.starts_with('$') => {
            let mut parts = s[1..].split('.');
            let root = kept
                .get(parts.next().unwrap())
                .unwrap_or_else(|| panic!("nothing kept as {s}"));
            let pointer: String = parts.map(|p| format!("/{p}")).collect();
            root.pointer(&pointer)
                .cloned()
                .unwrap_or_else(|| panic!("{s} not found in {root}"))
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, kept)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), resolve(v, kept)))
                .collect::<Map<_, _>>(),
        ),
        other => other.clone(),
    }
}

/// A violation location with indexes as `*`: `response.body.data.payload.*.status`.
fn location(v: &Value) -> String {
    v["location"]
        .as_array()
        .map(|parts| {
            parts
                .iter()
                .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                .map(|p| {
                    if p.chars().all(|c| c.is_ascii_digit()) {
                        "*".to_owned()
                    } else {
                        p
                    }
                })
                .collect::<Vec<_>>()
                .join(".")
        })
        .unwrap_or_default()
}

fn allowed(op: &str, loc: &str) -> Option<usize> {
    SPEC_DEFECTS.iter().position(|(o, pattern, _)| {
        *o == op
            && (pattern == &loc
                || pattern
                    .strip_suffix('*')
                    .is_some_and(|p| loc.starts_with(p)))
    })
}

struct Prism(Child);

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

#[tokio::test]
#[ignore = "needs Prism: PRISM=tests/prism/node_modules/.bin/prism cargo test -p liveagent-emulator --test prism -- --ignored"]
async fn every_covered_spec_operation_conforms() {
    let prism_bin = std::env::var("PRISM").expect("set PRISM to the prism binary");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let spec = root.join("tests/spec/chatwoot-swagger.json");
    assert!(spec.exists(), "{} is missing", spec.display());
    let emu = start(Options::default()).await.unwrap();
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let _prism = Prism(
        Command::new(prism_bin)
            .args([
                "proxy",
                "--errors",
                "-h",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .arg(&spec)
            .arg(&emu.base_url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("prism starts"),
    );
    let via = format!("http://127.0.0.1:{port}");
    let mut ready = false;
    for _ in 0..120 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(ready, "prism proxy did not listen within 30 s");
    let token = |who: &str| emu.info["tokens"][who].as_str().unwrap().to_owned();
    let build = |b: liveagent::ClientBuilder| {
        b.max_retries(0)
            .timeout(Some(Duration::from_secs(20)))
            .build()
            .unwrap()
    };
    let admin = build(
        Client::builder(&via)
            .user_token(token("admin"))
            .account_id(1),
    );
    let platform = build(Client::builder(&via).platform_token(token("platform")));
    let public = build(Client::builder(&via));
    let direct_admin = build(
        Client::builder(&emu.base_url)
            .user_token(token("admin"))
            .account_id(1),
    );
    let direct_platform = build(Client::builder(&emu.base_url).platform_token(token("platform")));
    let direct_public = build(Client::builder(&emu.base_url));
    let direct = |family| match family {
        liveagent::core::endpoint::Family::Platform => &direct_platform,
        liveagent::core::endpoint::Family::Public => &direct_public,
        liveagent::core::endpoint::Family::Account => &direct_admin,
    };
    let http = reqwest::Client::new();

    let mut kept = BTreeMap::from([("info".to_owned(), emu.info.clone())]);
    let mut violations = Vec::new();
    let mut used = vec![false; SPEC_DEFECTS.len()];
    let mut empty_bodies = 0;
    let plan = steps();
    for s in &plan {
        let meta: &'static EndpointMeta = liveagent::core::endpoint::find(s.row).unwrap().1;
        let Source::Spec(op) = meta.source else {
            panic!("{} is not a spec operation", s.row)
        };
        let client = match meta.family() {
            liveagent::core::endpoint::Family::Platform => &platform,
            liveagent::core::endpoint::Family::Public => &public,
            liveagent::core::endpoint::Family::Account => &admin,
        };
        let params = resolve(&s.params, &kept);
        match client.call(meta, params, CallOptions::default()).await {
            Ok(success) => {
                if let Some(name) = s.keep {
                    kept.insert(name.to_owned(), success.value());
                }
            }
            Err(Error::Api(e)) if e.body.contains("prism/errors#") => {
                let body: Value = serde_json::from_str(&e.body).unwrap();
                if std::env::var("PRISM_DEBUG").is_ok() {
                    eprintln!("{} {}: {}", s.row, e.status, body["validation"]);
                }
                for v in body["validation"].as_array().into_iter().flatten() {
                    let loc = location(v);
                    match allowed(op, &loc) {
                        Some(i) => used[i] = true,
                        None => violations.push(format!(
                            "{op} ({}): {loc}: {}",
                            s.row,
                            v["message"].as_str().unwrap_or_default()
                        )),
                    }
                }
                if let Some(name) = s.keep {
                    let rejected_request = body["validation"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|v| v["location"][0] != "response");
                    let value = if rejected_request {
                        // Prism did not forward it: send it to the emulator directly.
                        direct(meta.family())
                            .call(meta, resolve(&s.params, &kept), CallOptions::default())
                            .await
                            .unwrap()
                            .value()
                    } else {
                        // Prism replaced the answer; the emulator's log has the real one.
                        let log = http
                            .get(format!("{}/__emulator/requests", emu.base_url))
                            .send()
                            .await
                            .unwrap()
                            .text()
                            .await
                            .unwrap();
                        let log: Value = serde_json::from_str(&log).unwrap();
                        serde_json::from_str(
                            log["requests"].as_array().and_then(|l| l.last()).unwrap()["response"]
                                .as_str()
                                .unwrap(),
                        )
                        .unwrap()
                    };
                    kept.insert(name.to_owned(), value);
                }
            }
            Err(other) => {
                let log = http
                    .get(format!("{}/__emulator/requests", emu.base_url))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                let last: Value = serde_json::from_str::<Value>(&log).unwrap()["requests"]
                    .as_array()
                    .and_then(|l| l.last().cloned())
                    .unwrap_or_default();
                // Prism cannot read an empty body labelled JSON, which is what Rails' `head :ok`
                // sends; the emulator's own answer must then be that empty 2xx.
                let empty_ok = matches!(&other, Error::Api(e) if e.body.contains("Unexpected end of JSON input"))
                    && matches!(
                        meta.response,
                        liveagent::core::endpoint::ResponseKind::Empty
                    )
                    && last["status"]
                        .as_u64()
                        .is_some_and(|st| (200..300).contains(&st))
                    && last["response"] == "";
                if empty_ok {
                    empty_bodies += 1;
                    continue;
                }
                panic!(
                    "{} failed outside Prism's checks: {other:?}\nthe emulator saw: {last}",
                    s.row
                )
            }
        }
    }

    let spec_rows: Vec<&str> = ENDPOINTS
        .iter()
        .filter(|m| matches!(m.source, Source::Spec(_)))
        .map(|m| m.name)
        .collect();
    let driven: Vec<&str> = plan.iter().map(|s| s.row).collect();
    let undriven: Vec<&&str> = spec_rows.iter().filter(|r| !driven.contains(r)).collect();
    assert!(
        undriven.is_empty(),
        "spec rows not driven through Prism: {undriven:?}"
    );
    let stale: Vec<&(&str, &str, &str)> = SPEC_DEFECTS
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(d, _)| d)
        .collect();
    assert!(
        violations.is_empty(),
        "{} violation(s) not explained by a spec defect:\n{}",
        violations.len(),
        violations.join("\n")
    );
    assert!(
        stale.is_empty(),
        "allow-listed defects that no longer occur: {stale:?}"
    );
    println!(
        "prism: {} spec operations driven; {} allow-listed spec defects; {empty_bodies} empty `head :ok` answers Prism cannot parse",
        driven.len(),
        SPEC_DEFECTS.len()
    );
}
