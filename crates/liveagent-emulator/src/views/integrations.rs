//! Integrations (upstream Chatwoot): the apps of `config/integration/apps.yml` this emulator
//! offers, and hooks.

use crate::store::{Hook, Id, Store};
use serde_json::{Map, Value, json};

/// An app: its id, `config/locales/en.yml` texts, and its `apps.yml` entry.
pub(crate) struct App {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub short_description: Option<&'static str>,
    pub hook_type: &'static str,
    pub allow_multiple_hooks: bool,
    pub visible_properties: &'static [&'static str],
}

/// The apps this emulator offers: the four that need no server credentials to be active
/// (Slack is treated as configured).
pub(crate) const APPS: [App; 4] = [
    App {
        id: "webhook",
        name: "Webhooks",
        description: "Webhook events provide real-time updates about activities in your Chatwoot account. You can subscribe to your preferred events, and Chatwoot will send you HTTP callbacks with the updates.",
        short_description: None,
        hook_type: "account",
        allow_multiple_hooks: true,
        visible_properties: &[],
    },
    App {
        id: "dashboard_apps",
        name: "Dashboard Apps",
        description: "Dashboard Apps allow you to create and embed applications that display user information, orders, or payment history, providing more context to your customer support agents.",
        short_description: None,
        hook_type: "account",
        allow_multiple_hooks: true,
        visible_properties: &[],
    },
    App {
        id: "slack",
        name: "Slack",
        description: "Integrate Chatwoot with Slack to keep your team in sync. This integration allows you to receive notifications for new conversations and respond to them directly within Slack's interface.",
        short_description: Some(
            "Receive notifications and respond to conversations directly in Slack.",
        ),
        hook_type: "account",
        allow_multiple_hooks: false,
        visible_properties: &["channel_name"],
    },
    App {
        id: "dialogflow",
        name: "Dialogflow",
        description: "Build chatbots with Dialogflow and easily integrate them into your inbox. These bots can handle initial queries before transferring them to a customer service agent.",
        short_description: Some(
            "Build chatbots to handle initial queries before transferring to agents.",
        ),
        hook_type: "inbox",
        allow_multiple_hooks: true,
        visible_properties: &["project_id", "region", "language_code"],
    },
];

/// `Integrations::App.find`.
pub(crate) fn find_app(id: &str) -> Option<&'static App> {
    APPS.iter().find(|a| a.id == id)
}

const SLACK_ACTION: &str = "https://slack.com/oauth/v2/authorize?scope=commands,chat:write,channels:read,channels:manage,channels:join,groups:read,groups:write,im:write,mpim:write,users:read,users:read.email,chat:write.customize,channels:history,groups:history,mpim:history,im:history,files:read,files:write";

/// The Dialogflow settings schema (`settings_json_schema`).
pub(crate) fn dialogflow_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "project_id": { "type": "string" },
            "credentials": { "type": "object" },
            "region": { "type": "string" },
            "language_code": { "type": "string" },
        },
        "required": ["project_id", "credentials"],
        "additionalProperties": false,
    })
}

/// The app's `apps.yml` keys, as administrators get them (`json.call(resource.params, ...)`),
/// with `action` and `button` (`App#action`).
fn config_keys(store: &Store, account_id: Id, app: &App, o: &mut Map<String, Value>) {
    let logo = match app.id {
        "webhook" => "webhooks.png".to_owned(),
        id => format!("{id}.png"),
    };
    let i18n_key = if app.id == "webhook" {
        "webhooks"
    } else {
        app.id
    };
    let action = match app.id {
        "webhook" => Some("/webhook".to_owned()),
        "dialogflow" => Some("/dialogflow".to_owned()),
        // `App#action` adds the client id and the redirect URL.
        "slack" => Some(format!(
            "{SLACK_ACTION}&client_id=emulator&redirect_uri={}/app/accounts/{account_id}/settings/integrations/slack",
            store.base_url
        )),
        _ => None,
    };
    o.insert("logo".into(), json!(logo));
    o.insert("i18n_key".into(), json!(i18n_key));
    o.insert("action".into(), json!(action));
    o.insert("hook_type".into(), json!(app.hook_type));
    o.insert(
        "allow_multiple_hooks".into(),
        json!(app.allow_multiple_hooks),
    );
    if app.id == "dialogflow" {
        o.insert("settings_json_schema".into(), dialogflow_schema());
        o.insert(
            "settings_form_schema".into(),
            json!([
                { "label": "Dialogflow Project ID", "type": "text", "name": "project_id", "validation": "required", "validationName": "Project Id" },
                { "label": "Dialogflow Project Key File", "type": "textarea", "name": "credentials", "validation": "required|JSON", "validationName": "Credentials", "validation-messages": { "JSON": "Invalid JSON", "required": "Credentials is required" } },
                { "label": "Dialogflow Region", "type": "select", "name": "region", "default": "global", "options": [{ "label": "Global - Default", "value": "global" }] },
                { "label": "Language Code", "type": "select", "name": "language_code", "default": "en-US", "options": [{ "label": "English (US)", "value": "en-US" }] },
            ]),
        );
    }
    if app.id != "webhook" && app.id != "dashboard_apps" {
        o.insert("visible_properties".into(), json!(app.visible_properties));
    }
    o.insert("button".into(), json!(action));
}

/// `api/v1/models/_app.json.jbuilder`.
pub(crate) fn app(store: &Store, account_id: Id, app: &App, admin: bool) -> Value {
    let enabled = match app.id {
        "webhook" => store.webhooks.iter().any(|w| w.account_id == account_id),
        // The emulator keeps no dashboard apps.
        "dashboard_apps" => false,
        id => store
            .hooks
            .iter()
            .any(|h| h.account_id == account_id && h.app_id == id),
    };
    let mut o = Map::new();
    o.insert("id".into(), json!(app.id));
    o.insert("name".into(), json!(app.name));
    o.insert("description".into(), json!(app.description));
    o.insert("short_description".into(), json!(app.short_description));
    o.insert("enabled".into(), json!(enabled));
    if admin {
        config_keys(store, account_id, app, &mut o);
    }
    let hooks: Vec<Value> = store
        .hooks
        .iter()
        .filter(|h| h.account_id == account_id && h.app_id == app.id)
        .map(|h| hook(store, h, admin))
        .collect();
    o.insert("hooks".into(), Value::Array(hooks));
    Value::Object(o)
}

/// `api/v1/models/_hook.json.jbuilder`: settings only the app's visible keys, for
/// administrators.
pub(crate) fn hook(store: &Store, h: &Hook, admin: bool) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), json!(h.id));
    o.insert("app_id".into(), json!(h.app_id));
    o.insert("status".into(), json!(h.enabled));
    o.insert(
        "inbox".into(),
        h.inbox_id
            .and_then(|id| store.inbox(id))
            .map_or(Value::Null, |i| json!({ "id": i.id, "name": i.name })),
    );
    o.insert("account_id".into(), json!(h.account_id));
    o.insert("hook_type".into(), json!(h.hook_type));
    if admin {
        let visible = find_app(&h.app_id).map_or(&[][..], |a| a.visible_properties);
        let settings: Map<String, Value> = h
            .settings
            .iter()
            .filter(|(k, _)| visible.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        o.insert("settings".into(), Value::Object(settings));
        o.insert("reference_id".into(), json!(h.reference_id));
    }
    Value::Object(o)
}
