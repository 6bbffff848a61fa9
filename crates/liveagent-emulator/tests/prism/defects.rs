//! The upstream spec's defects that Prism reports, each with its reason (see `prism.rs`).

/// Violations caused by defects of the upstream spec (api-surface §1.3, and the research notes
/// in `tests/fixtures/SOURCES.md`): `(operationId, location pattern, reason)`. A location
/// pattern is the violation's location with array indexes as `*`; a trailing `*` matches any
/// rest.
pub(crate) const SPEC_DEFECTS: &[(&str, &str, &str)] = &[
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
