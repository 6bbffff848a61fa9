//! Account API, integrations (upstream Chatwoot): `integrations/apps` (list, show) and
//! `integrations/hooks` (create, update, delete; administrators).

use super::{World, seg_id};
use crate::auth::Bots;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Hook, Id, Json};
use crate::views::integrations::{APPS, app, find_app, hook};
use serde_json::{Value, json};

/// The keys Rails' params wrapper moves under `hook` (`Integrations::Hook.attribute_names`).
const HOOK_KEYS: &[&str] = &[
    "id",
    "access_token",
    "hook_type",
    "settings",
    "status",
    "created_at",
    "updated_at",
    "account_id",
    "app_id",
    "inbox_id",
    "reference_id",
];

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let admin = scope.is_admin();
    match (method, rest) {
        ("GET", ["integrations", "apps"]) => {
            let apps: Vec<Value> = APPS
                .iter()
                .map(|a| app(&w.store, account_id, a, admin))
                .collect();
            Ok(Reply::json(json!({ "payload": apps })))
        }
        ("GET", ["integrations", "apps", id]) => {
            // `Integrations::App.find` is nil for an unknown id, and the view fails on it.
            let found = find_app(id).ok_or_else(Fail::rails_error)?;
            Ok(Reply::json(app(&w.store, account_id, found, admin)))
        }
        ("POST", ["integrations", "hooks"]) => {
            scope.require_admin()?;
            if !wrapped(req) {
                return Err(Fail::missing("hook"));
            }
            let app_id = req.str("app_id").unwrap_or_default();
            let known = find_app(&app_id);
            let mut h = Hook {
                id: 0,
                account_id,
                app_id,
                inbox_id: req.id("inbox_id"),
                enabled: true,
                hook_type: known.map_or("account", |a| a.hook_type),
                settings: Json::new(),
                reference_id: None,
            };
            apply(req, &mut h)?;
            validate(w, &h)?;
            h.id = w.store.id();
            w.store.hooks.push(h.clone());
            Ok(Reply::json(hook(&w.store, &h, true)))
        }
        ("PATCH" | "PUT", ["integrations", "hooks", id]) => {
            // `fetch_hook` runs before the policy: an unknown id is a 404 for anyone.
            let mut h = find_hook(w, account_id, id)?;
            scope.require_admin()?;
            if !wrapped(req) {
                return Err(Fail::missing("hook"));
            }
            // Only `status` and `settings` change; app, inbox and type are read-only.
            apply(req, &mut h)?;
            validate(w, &h)?;
            if let Some(stored) = w.store.hooks.iter_mut().find(|x| x.id == h.id) {
                *stored = h.clone();
            }
            Ok(Reply::json(hook(&w.store, &h, true)))
        }
        ("DELETE", ["integrations", "hooks", id]) => {
            let h = find_hook(w, account_id, id)?;
            scope.require_admin()?;
            w.store.hooks.retain(|x| x.id != h.id);
            Ok(Reply::ok())
        }
        _ => Err(Fail::no_route()),
    }
}

fn wrapped(req: &Req) -> bool {
    req.body
        .as_object()
        .is_some_and(|b| b.keys().any(|k| HOOK_KEYS.contains(&k.as_str())))
}

fn find_hook(w: &World, account_id: Id, id: &str) -> Result<Hook, Fail> {
    let id = seg_id(id)?;
    w.store
        .hooks
        .iter()
        .find(|h| h.id == id && h.account_id == account_id)
        .cloned()
        .ok_or_else(Fail::not_found)
}

/// `status` (the enum's name or integer) and `settings`.
fn apply(req: &Req, h: &mut Hook) -> Result<(), Fail> {
    match req.body.get("status") {
        None | Some(Value::Null) => {}
        Some(v) => {
            h.enabled = match (v.as_str(), v.as_i64()) {
                (Some("enabled"), _) | (_, Some(1)) => true,
                (Some("disabled"), _) | (_, Some(0)) => false,
                // `ArgumentError: '…' is not a valid status`, unhandled.
                _ => return Err(Fail::rails_error()),
            };
        }
    }
    if let Some(settings) = req.object("settings") {
        h.settings = settings;
    }
    Ok(())
}

/// `Integrations::Hook` validations, in the model's order.
fn validate(w: &World, h: &Hook) -> Result<(), Fail> {
    let mut messages: Vec<&str> = Vec::new();
    let mut attributes: Vec<&str> = Vec::new();
    if h.app_id.is_empty() {
        messages.push("App can't be blank");
        attributes.push("app_id");
    }
    if h.hook_type == "inbox" && h.inbox_id.is_none() {
        messages.push("Inbox can't be blank");
        attributes.push("inbox_id");
    }
    if h.app_id == "dialogflow" && !dialogflow_settings_valid(&h.settings) {
        messages.push("Settings : Invalid settings data");
        attributes.push("settings");
    }
    let single = find_app(&h.app_id).is_some_and(|a| !a.allow_multiple_hooks);
    if single
        && w.store
            .hooks
            .iter()
            .any(|o| o.id != h.id && o.account_id == h.account_id && o.app_id == h.app_id)
    {
        messages.push("App has already been taken");
        attributes.push("app_id");
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(Fail::invalid(&messages.join(", "), &attributes))
    }
}

/// The Dialogflow `settings_json_schema`: `project_id` (string) and `credentials` (object)
/// required, `region` and `language_code` strings, nothing else.
fn dialogflow_settings_valid(settings: &Json) -> bool {
    let typed = settings.iter().all(|(k, v)| match k.as_str() {
        "project_id" | "region" | "language_code" => v.is_string(),
        "credentials" => v.is_object(),
        _ => false,
    });
    typed && settings.contains_key("project_id") && settings.contains_key("credentials")
}
