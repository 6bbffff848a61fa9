//! Account API, saved filters and automation rules: `custom_filters` (each user's own) and
//! `automation_rules` (administrators).

use super::{World, seg_id};
use crate::auth::Bots;
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{AutomationRule, CustomFilter, Id};
use crate::views::automation::{automation_rule, custom_filter};
use serde_json::{Map, Value, json};

/// `Limits::MAX_CUSTOM_FILTERS_PER_USER`.
const MAX_FILTERS_PER_USER: usize = 1000;

/// The columns `wrap_parameters` copies into `custom_filter` when the body is not wrapped.
const FILTER_COLUMNS: [&str; 8] = [
    "id",
    "filter_type",
    "name",
    "query",
    "created_at",
    "updated_at",
    "account_id",
    "user_id",
];

/// `AutomationRule#conditions_attributes`, with the enterprise `sla_policy_id`.
const CONDITION_KEYS: [&str; 19] = [
    "content",
    "email",
    "country_code",
    "status",
    "message_type",
    "browser_language",
    "assignee_id",
    "team_id",
    "referer",
    "city",
    "company_name",
    "inbox_id",
    "mail_subject",
    "phone_number",
    "priority",
    "conversation_language",
    "labels",
    "private_note",
    "sla_policy_id",
];

/// `AutomationRule#actions_attributes`, with the enterprise `add_sla`.
const ACTION_NAMES: [&str; 20] = [
    "send_message",
    "add_label",
    "remove_label",
    "send_email_to_team",
    "assign_team",
    "assign_agent",
    "remove_assigned_agent",
    "remove_assigned_team",
    "send_webhook_event",
    "mute_conversation",
    "send_attachment",
    "change_status",
    "resolve_conversation",
    "open_conversation",
    "pending_conversation",
    "snooze_conversation",
    "change_priority",
    "send_email_transcript",
    "add_private_note",
    "add_sla",
];

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", ["custom_filters"]) => {
            let user_id = filter_user(w, req, account_id)?;
            // `where(filter_type:)` takes the name or the integer, also as a string (the
            // dashboard sends `?filter_type=0`); anything else matches nothing.
            let wanted = req.query("filter_type").unwrap_or("conversation");
            let wanted = match wanted.parse::<u64>() {
                Ok(code) => filter_type_of(&Value::from(code)),
                Err(_) => filter_type_of(&Value::String(wanted.to_owned())),
            };
            let found: Vec<Value> = w
                .store
                .automation
                .custom_filters
                .iter()
                .filter(|f| f.account_id == account_id && f.user_id == user_id)
                .filter(|f| Some(f.filter_type) == wanted)
                .map(custom_filter)
                .collect();
            Ok(Reply::json(Value::Array(found)))
        }
        ("POST", ["custom_filters"]) => save_filter(w, req, account_id, None),
        ("GET", ["custom_filters", id]) => {
            let user_id = filter_user(w, req, account_id)?;
            let position = find_filter(w, account_id, user_id, id)?;
            Ok(Reply::json(custom_filter(
                &w.store.automation.custom_filters[position],
            )))
        }
        ("PATCH" | "PUT", ["custom_filters", id]) => save_filter(w, req, account_id, Some(id)),
        ("DELETE", ["custom_filters", id]) => {
            let user_id = filter_user(w, req, account_id)?;
            let position = find_filter(w, account_id, user_id, id)?;
            w.store.automation.custom_filters.remove(position);
            Ok(Reply::no_content())
        }
        ("GET", ["automation_rules"]) => {
            admin(w, req, account_id)?;
            let rules: Vec<Value> = w
                .store
                .automation
                .rules
                .iter()
                .filter(|r| r.account_id == account_id)
                .map(automation_rule)
                .collect();
            Ok(Reply::json(json!({ "payload": rules })))
        }
        ("POST", ["automation_rules"]) => save_rule(w, req, account_id, None),
        ("GET", ["automation_rules", id]) => {
            admin(w, req, account_id)?;
            let position = find_rule(w, account_id, id)?;
            Ok(Reply::json(
                json!({ "payload": automation_rule(&w.store.automation.rules[position]) }),
            ))
        }
        ("PATCH" | "PUT", ["automation_rules", id]) => save_rule(w, req, account_id, Some(id)),
        ("DELETE", ["automation_rules", id]) => {
            admin(w, req, account_id)?;
            let position = find_rule(w, account_id, id)?;
            w.store.automation.rules.remove(position);
            Ok(Reply::ok())
        }
        ("POST", ["automation_rules", id, "clone"]) => {
            admin(w, req, account_id)?;
            let position = find_rule(w, account_id, id)?;
            let mut copy = w.store.automation.rules[position].clone();
            copy.id = w.store.id();
            copy.created_at = now();
            w.store.automation.rules.push(copy.clone());
            Ok(Reply::json(json!({ "payload": automation_rule(&copy) })))
        }
        _ => Err(Fail::no_route()),
    }
}

/// `CustomFilterPolicy`: any member (administrators and agents; Live Agent's supervisors too).
fn filter_user(w: &World, req: &Req, account_id: Id) -> Result<Id, Fail> {
    w.scope(req, account_id, Bots::Denied)?
        .user_id()
        .ok_or_else(Fail::forbidden)
}

/// `AutomationRulePolicy`: administrators only, checked before the rule is looked up.
fn admin(w: &World, req: &Req, account_id: Id) -> Result<(), Fail> {
    w.scope(req, account_id, Bots::Denied)?.require_admin()
}

/// `filter_type` as the enum casts it: the name or the integer (a numeric string is no value).
fn filter_type_of(value: &Value) -> Option<&'static str> {
    const TYPES: [&str; 3] = ["conversation", "contact", "report"];
    match value {
        Value::String(s) => TYPES.into_iter().find(|t| t == s),
        Value::Number(n) => n
            .as_u64()
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| TYPES.get(i).copied()),
        _ => None,
    }
}

/// `current_account.custom_filters.where(user: Current.user).find(id)`.
fn find_filter(w: &World, account_id: Id, user_id: Id, id: &str) -> Result<usize, Fail> {
    let id = seg_id(id)?;
    w.store
        .automation
        .custom_filters
        .iter()
        .position(|f| f.id == id && f.account_id == account_id && f.user_id == user_id)
        .ok_or_else(Fail::not_found)
}

/// `params.require(:custom_filter)`: the wrapped object, or the root keys `wrap_parameters`
/// copies into it; empty is missing.
fn filter_payload(req: &Req) -> Result<Map<String, Value>, Fail> {
    let payload = match req.body.get("custom_filter") {
        Some(Value::Object(o)) => o.clone(),
        Some(_) => Map::new(),
        None => req
            .body
            .as_object()
            .map(|root| {
                root.iter()
                    .filter(|(k, _)| FILTER_COLUMNS.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default(),
    };
    if payload.is_empty() {
        return Err(Fail::missing("custom_filter"));
    }
    Ok(payload)
}

fn save_filter(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    let user_id = filter_user(w, req, account_id)?;
    let position = id
        .map(|id| find_filter(w, account_id, user_id, id))
        .transpose()?;
    let payload = filter_payload(req)?;
    let mut f = match position {
        Some(p) => w.store.automation.custom_filters[p].clone(),
        None => CustomFilter {
            id: 0,
            account_id,
            user_id,
            name: String::new(),
            filter_type: "conversation",
            query: Value::Null,
            created_at: now(),
            updated_at: now(),
        },
    };
    let mut name_missing = position.is_none();
    // Only the permitted keys: name, filter_type and a `query` object.
    if let Some(name) = payload.get("name") {
        match name {
            Value::String(s) => {
                f.name = s.clone();
                name_missing = false;
            }
            Value::Number(n) => {
                f.name = n.to_string();
                name_missing = false;
            }
            _ => name_missing = true,
        }
    }
    if let Some(t) = payload.get("filter_type")
        && !t.is_null()
    {
        // An unknown enum value raises `ArgumentError`: an unhandled 500.
        f.filter_type = filter_type_of(t).ok_or_else(Fail::rails_error)?;
    }
    match payload.get("query") {
        Some(q @ Value::Object(_)) => f.query = q.clone(),
        Some(_) => f.query = Value::Null,
        None => {}
    }
    // `name` and `query` are NOT NULL columns without validations: the insert fails, a 500.
    if name_missing || f.query.is_null() {
        return Err(Fail::rails_error());
    }
    let mine = w
        .store
        .automation
        .custom_filters
        .iter()
        .filter(|o| o.account_id == account_id && o.user_id == user_id)
        .count();
    if mine >= MAX_FILTERS_PER_USER {
        return Err(Fail::invalid(
            "Account Limit reached. The maximum number of allowed custom filters for a user per account is 1000.",
            &["account_id"],
        ));
    }
    f.updated_at = now();
    match position {
        Some(p) => w.store.automation.custom_filters[p] = f.clone(),
        None => {
            f.id = w.store.id();
            w.store.automation.custom_filters.push(f.clone());
        }
    }
    Ok(Reply::json(custom_filter(&f)))
}

/// `current_account.automation_rules.find_by(id:)`. Upstream renders a nil rule, a 500; the
/// emulator answers the account API's 404, which is what the spec documents.
fn find_rule(w: &World, account_id: Id, id: &str) -> Result<usize, Fail> {
    let id = seg_id(id)?;
    w.store
        .automation
        .rules
        .iter()
        .position(|r| r.id == id && r.account_id == account_id)
        .ok_or_else(Fail::not_found)
}

/// The model's validations, as `errors.messages`: attribute to messages, in validation order.
fn rule_errors(w: &World, rule: &AutomationRule) -> Result<Map<String, Value>, Fail> {
    let mut errors: Vec<(&str, String)> = Vec::new();
    let conditions = match &rule.conditions {
        Value::Array(items) => items.as_slice(),
        // `conditions.each` on nil: an unhandled 500.
        _ => return Err(Fail::rails_error()),
    };
    let custom_keys: Vec<&str> = w
        .store
        .attribute_definitions
        .iter()
        .filter(|d| d.account_id == rule.account_id)
        .map(|d| d.key.as_str())
        .collect();
    let unknown: Vec<String> = conditions
        .iter()
        .map(|c| text(&c["attribute_key"]))
        .filter(|k| !CONDITION_KEYS.contains(&k.as_str()) && !custom_keys.contains(&k.as_str()))
        .collect();
    if !unknown.is_empty() {
        errors.push((
            "conditions",
            format!("Automation conditions {} not supported.", unknown.join(",")),
        ));
    }
    if let Value::Array(actions) = &rule.actions {
        let unknown: Vec<String> = actions
            .iter()
            .map(|a| text(&a["action_name"]))
            .filter(|n| !ACTION_NAMES.contains(&n.as_str()))
            .collect();
        if !unknown.is_empty() {
            errors.push((
                "actions",
                format!("Automation actions {} not supported.", unknown.join(",")),
            ));
        }
    }
    if conditions
        .iter()
        .filter(|c| c["query_operator"].is_null())
        .count()
        > 1
    {
        errors.push((
            "conditions",
            "Automation conditions should have query operator.".into(),
        ));
    }
    for c in conditions {
        let op = text(&c["query_operator"]);
        if !op.is_empty() && !["AND", "OR"].contains(&op.to_uppercase().as_str()) {
            errors.push((
                "conditions",
                "Query operator must be either \"AND\" or \"OR\"".into(),
            ));
        }
    }
    let mut out = Map::new();
    for (attribute, message) in errors {
        if let Value::Array(list) = out
            .entry(attribute)
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            list.push(Value::String(message));
        }
    }
    Ok(out)
}

/// A JSON value as Ruby's `to_s` would print it in a message (`nil` prints empty).
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn save_rule(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    admin(w, req, account_id)?;
    let position = id.map(|id| find_rule(w, account_id, id)).transpose()?;
    // `AttachmentConcern`: a `send_attachment` must name a blob the client uploaded (or, on
    // update, one the rule holds). The emulator keeps no blobs, so none is valid.
    let attaches = req.body["actions"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x["action_name"] == "send_attachment"));
    if attaches {
        return Err(Fail::error(422, "Invalid attachment"));
    }
    let mut rule = match position {
        Some(p) => w.store.automation.rules[p].clone(),
        None => AutomationRule {
            id: 0,
            account_id,
            name: String::new(),
            description: None,
            event_name: String::new(),
            conditions: Value::Null,
            actions: Value::Null,
            active: true,
            created_at: now(),
        },
    };
    let mut missing = false;
    for (key, field) in [
        ("name", &mut rule.name),
        ("event_name", &mut rule.event_name),
    ] {
        match req.str(key) {
            Some(v) => *field = v,
            None if req.body.get(key).is_some() || position.is_none() => missing = true,
            None => {}
        }
    }
    if let Some(d) = req.body.get("description") {
        rule.description = d.as_str().map(str::to_owned);
    }
    if let Some(active) = req.bool("active") {
        rule.active = active;
    }
    // Stored as sent (`@automation_rule.conditions = params[:conditions]`), when given.
    for (key, field) in [
        ("conditions", &mut rule.conditions),
        ("actions", &mut rule.actions),
    ] {
        match req.body.get(key) {
            Some(v) if !v.is_null() => *field = v.clone(),
            _ => {}
        }
    }
    let errors = rule_errors(w, &rule)?;
    if !errors.is_empty() {
        return Err(Fail::new(422, json!({ "error": errors })));
    }
    // NOT NULL columns: on create the insert fails unhandled (500); update rescues the failed
    // save and renders the (empty) validation errors.
    if missing || rule.actions.is_null() {
        return Err(match position {
            None => Fail::rails_error(),
            Some(_) => Fail::new(422, json!({ "error": {} })),
        });
    }
    match position {
        Some(p) => {
            w.store.automation.rules[p] = rule.clone();
            Ok(Reply::json(json!({ "payload": automation_rule(&rule) })))
        }
        None => {
            rule.id = w.store.id();
            w.store.automation.rules.push(rule.clone());
            Ok(Reply::json(automation_rule(&rule)))
        }
    }
}
