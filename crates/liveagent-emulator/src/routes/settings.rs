//! Account API, settings: labels, canned responses, custom attribute definitions, webhooks.

use super::{World, seg_id};
use crate::auth::Bots;
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{AttributeDefinition, CannedResponse, Id, Label, Webhook, token};
use crate::views::misc::{attribute_definition, canned, label, webhook};
use serde_json::{Value, json};

/// Events a webhook may subscribe to (`Webhook::ALLOWED_WEBHOOK_EVENTS`).
const EVENTS: [&str; 12] = [
    "conversation_status_changed",
    "conversation_updated",
    "conversation_created",
    "contact_created",
    "contact_updated",
    "message_created",
    "message_updated",
    "webwidget_triggered",
    "inbox_created",
    "inbox_updated",
    "conversation_typing_on",
    "conversation_typing_off",
];

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", ["labels"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let mut labels: Vec<&Label> = w
                .store
                .labels
                .iter()
                .filter(|l| l.account_id == account_id)
                .collect();
            labels.sort_by(|a, b| a.title.cmp(&b.title));
            Ok(Reply::json(
                json!({ "payload": labels.into_iter().map(label).collect::<Vec<_>>() }),
            ))
        }
        ("POST", ["labels"]) => save_label(w, req, account_id, None),
        ("GET", ["labels", id]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            Ok(Reply::json(label(&find_label(w, account_id, id)?)))
        }
        ("PATCH" | "PUT", ["labels", id]) => save_label(w, req, account_id, Some(id)),
        ("DELETE", ["labels", id]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            let l = find_label(w, account_id, id)?;
            w.store.labels.retain(|x| x.id != l.id);
            Ok(Reply::ok())
        }
        ("GET", ["canned_responses"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let search = req.query("search").map(str::to_lowercase);
            let mut found: Vec<(f64, &CannedResponse)> = w
                .store
                .canned_responses
                .iter()
                .filter(|c| c.account_id == account_id)
                .filter_map(|c| match &search {
                    None => Some((0.0, c)),
                    Some(s) => {
                        let (code, text) = (c.short_code.to_lowercase(), c.content.to_lowercase());
                        let score = if code.starts_with(s.as_str()) {
                            1.0
                        } else if code.contains(s.as_str()) {
                            0.5
                        } else if text.contains(s.as_str()) {
                            0.2
                        } else {
                            return None;
                        };
                        Some((score, c))
                    }
                })
                .collect();
            found.sort_by(|a, b| b.0.total_cmp(&a.0));
            Ok(Reply::json(Value::Array(
                found.into_iter().map(|(_, c)| canned(c)).collect(),
            )))
        }
        ("POST", ["canned_responses"]) => save_canned(w, req, account_id, None),
        ("PATCH" | "PUT", ["canned_responses", id]) => save_canned(w, req, account_id, Some(id)),
        ("DELETE", ["canned_responses", id]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let id = seg_id(id)?;
            let before = w.store.canned_responses.len();
            w.store
                .canned_responses
                .retain(|c| !(c.id == id && c.account_id == account_id));
            if before == w.store.canned_responses.len() {
                return Err(Fail::not_found());
            }
            Ok(Reply::ok())
        }
        ("GET", ["custom_attribute_definitions"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let model = req
                .query("attribute_model")
                .filter(|m| !m.is_empty())
                .map(|m| match m {
                    "0" => "conversation_attribute",
                    "1" => "contact_attribute",
                    "2" => "company_attribute",
                    other => other,
                });
            let found: Vec<Value> = w
                .store
                .attribute_definitions
                .iter()
                .filter(|d| d.account_id == account_id && model.is_none_or(|m| d.model == m))
                .map(attribute_definition)
                .collect();
            Ok(Reply::json(Value::Array(found)))
        }
        ("POST", ["custom_attribute_definitions"]) => save_definition(w, req, account_id, None),
        ("GET", ["custom_attribute_definitions", id]) => {
            w.scope(req, account_id, Bots::Denied)?;
            Ok(Reply::json(attribute_definition(&find_definition(
                w, account_id, id,
            )?)))
        }
        ("PATCH" | "PUT", ["custom_attribute_definitions", id]) => {
            save_definition(w, req, account_id, Some(id))
        }
        ("DELETE", ["custom_attribute_definitions", id]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            let d = find_definition(w, account_id, id)?;
            w.store.attribute_definitions.retain(|x| x.id != d.id);
            Ok(Reply::no_content())
        }
        ("GET", ["webhooks"]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            let hooks: Vec<Value> = w
                .store
                .webhooks
                .iter()
                .filter(|h| h.account_id == account_id)
                .map(|h| webhook(&w.store, h))
                .collect();
            Ok(Reply::json(json!({ "payload": { "webhooks": hooks } })))
        }
        ("POST", ["webhooks"]) => save_webhook(w, req, account_id, None),
        ("PATCH" | "PUT", ["webhooks", id]) => save_webhook(w, req, account_id, Some(id)),
        ("DELETE", ["webhooks", id]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            let id = seg_id(id)?;
            let before = w.store.webhooks.len();
            w.store
                .webhooks
                .retain(|h| !(h.id == id && h.account_id == account_id));
            if before == w.store.webhooks.len() {
                return Err(Fail::not_found());
            }
            Ok(Reply::ok())
        }
        _ => Err(Fail::no_route()),
    }
}

fn find_label(w: &World, account_id: Id, id: &str) -> Result<Label, Fail> {
    let id = seg_id(id)?;
    w.store
        .labels
        .iter()
        .find(|l| l.id == id && l.account_id == account_id)
        .cloned()
        .ok_or_else(Fail::not_found)
}

fn save_label(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let mut l = match id {
        Some(id) => find_label(w, account_id, id)?,
        None => Label {
            id: w.store.id(),
            account_id,
            title: String::new(),
            description: None,
            color: "#1f93ff".into(),
            show_on_sidebar: None,
        },
    };
    if let Some(title) = req.str("title") {
        l.title = title.trim().to_lowercase();
    }
    if l.title.is_empty() {
        return Err(Fail::invalid("Title must not be blank", &["title"]));
    }
    let valid = l.title.chars().count() >= 2
        && l.title.chars().next().is_some_and(char::is_alphanumeric)
        && l.title
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if !valid {
        return Err(Fail::invalid("Title is invalid", &["title"]));
    }
    if w.store
        .labels
        .iter()
        .any(|o| o.account_id == account_id && o.id != l.id && o.title == l.title)
    {
        return Err(Fail::invalid("Title has already been taken", &["title"]));
    }
    if let Some(d) = req.body.get("description") {
        l.description = d.as_str().map(str::to_owned);
    }
    if let Some(c) = req.str("color") {
        l.color = c;
    }
    if let Some(b) = req.bool("show_on_sidebar") {
        l.show_on_sidebar = Some(b);
    }
    match w.store.labels.iter_mut().find(|o| o.id == l.id) {
        Some(existing) => *existing = l.clone(),
        None => w.store.labels.push(l.clone()),
    }
    Ok(Reply::json(label(&l)))
}

fn save_canned(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let mut c = match id {
        Some(id) => {
            let id = seg_id(id)?;
            w.store
                .canned_responses
                .iter()
                .find(|c| c.id == id && c.account_id == account_id)
                .cloned()
                .ok_or_else(Fail::not_found)?
        }
        None => CannedResponse {
            id: w.store.id(),
            account_id,
            short_code: String::new(),
            content: String::new(),
            created_at: now(),
            updated_at: now(),
        },
    };
    if let Some(code) = req.str("short_code") {
        c.short_code = code;
    }
    if let Some(content) = req.str("content") {
        c.content = content;
    }
    if c.content.is_empty() {
        return Err(Fail::invalid("Content can't be blank", &["content"]));
    }
    if c.short_code.is_empty() {
        return Err(Fail::invalid("Short code can't be blank", &["short_code"]));
    }
    if w.store
        .canned_responses
        .iter()
        .any(|o| o.account_id == account_id && o.id != c.id && o.short_code == c.short_code)
    {
        return Err(Fail::invalid(
            "Short code has already been taken",
            &["short_code"],
        ));
    }
    c.updated_at = now();
    match w.store.canned_responses.iter_mut().find(|o| o.id == c.id) {
        Some(existing) => *existing = c.clone(),
        None => w.store.canned_responses.push(c.clone()),
    }
    Ok(Reply::json(canned(&c)))
}

fn find_definition(w: &World, account_id: Id, id: &str) -> Result<AttributeDefinition, Fail> {
    let id = seg_id(id)?;
    w.store
        .attribute_definitions
        .iter()
        .find(|d| d.id == id && d.account_id == account_id)
        .cloned()
        .ok_or_else(Fail::not_found)
}

fn save_definition(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let mut d = match id {
        Some(id) => find_definition(w, account_id, id)?,
        None => AttributeDefinition {
            id: w.store.id(),
            account_id,
            display_name: String::new(),
            display_type: "text".into(),
            description: None,
            key: String::new(),
            regex_pattern: None,
            regex_cue: None,
            values: Vec::new(),
            model: "conversation_attribute".into(),
            created_at: now(),
            updated_at: now(),
        },
    };
    if let Some(v) = req.str("attribute_display_name") {
        d.display_name = v.trim().to_owned();
    }
    if let Some(v) = req.str("attribute_key") {
        d.key = v.trim().to_owned();
    }
    if let Some(v) = req.str("attribute_display_type") {
        const TYPES: [&str; 8] = [
            "text", "number", "currency", "percent", "link", "date", "list", "checkbox",
        ];
        d.display_type = TYPES
            .iter()
            .find(|t| **t == v)
            .map(|t| (*t).to_owned())
            .ok_or_else(Fail::rails_error)?;
    }
    if let Some(v) = req.str("attribute_model") {
        const MODELS: [&str; 3] = [
            "conversation_attribute",
            "contact_attribute",
            "company_attribute",
        ];
        d.model = MODELS
            .iter()
            .find(|m| **m == v)
            .map(|m| (*m).to_owned())
            .ok_or_else(Fail::rails_error)?;
    }
    for (key, field) in [
        ("attribute_description", &mut d.description),
        ("regex_pattern", &mut d.regex_pattern),
        ("regex_cue", &mut d.regex_cue),
    ] {
        if let Some(v) = req.body.get(key) {
            *field = v.as_str().map(str::to_owned);
        }
    }
    if let Some(values) = req.strings("attribute_values") {
        d.values = values;
    }
    if d.display_name.is_empty() {
        return Err(Fail::invalid(
            "Attribute display name can't be blank",
            &["attribute_display_name"],
        ));
    }
    if d.key.is_empty() {
        return Err(Fail::invalid(
            "Attribute key can't be blank",
            &["attribute_key"],
        ));
    }
    if !d
        .key
        .chars()
        .all(|c| c.is_alphanumeric() || "_.-".contains(c))
    {
        return Err(Fail::invalid(
            "Attribute key must only contain letters, numbers, underscores, hyphens, and dots",
            &["attribute_key"],
        ));
    }
    if w.store
        .attribute_definitions
        .iter()
        .any(|o| o.account_id == account_id && o.id != d.id && o.key == d.key && o.model == d.model)
    {
        return Err(Fail::invalid(
            "Attribute key has already been taken",
            &["attribute_key"],
        ));
    }
    d.updated_at = now();
    match w
        .store
        .attribute_definitions
        .iter_mut()
        .find(|o| o.id == d.id)
    {
        Some(existing) => *existing = d.clone(),
        None => w.store.attribute_definitions.push(d.clone()),
    }
    Ok(Reply::json(attribute_definition(&d)))
}

fn save_webhook(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let mut h = match id {
        Some(id) => {
            let id = seg_id(id)?;
            w.store
                .webhooks
                .iter()
                .find(|h| h.id == id && h.account_id == account_id)
                .cloned()
                .ok_or_else(Fail::not_found)?
        }
        None => Webhook {
            id: w.store.id(),
            account_id,
            inbox_id: None,
            name: None,
            url: String::new(),
            subscriptions: EVENTS[..8].iter().map(|e| (*e).to_owned()).collect(),
            secret: token(24),
        },
    };
    if let Some(url) = req.str("url") {
        h.url = url;
    }
    if let Some(name) = req.body.get("name") {
        h.name = name.as_str().map(str::to_owned);
    }
    if let Some(inbox) = req.body.get("inbox_id") {
        h.inbox_id = inbox.as_u64();
    }
    if let Some(subscriptions) = req.body.get("subscriptions") {
        let list = subscriptions.as_array().map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        });
        match list {
            Some(list) if !list.is_empty() && list.iter().all(|e| EVENTS.contains(&e.as_str())) => {
                h.subscriptions = list
            }
            _ => {
                return Err(Fail::invalid(
                    "Subscriptions Invalid events",
                    &["subscriptions"],
                ));
            }
        }
    }
    let valid_url =
        (h.url.starts_with("http://") || h.url.starts_with("https://")) && h.url.len() > 8;
    if !valid_url {
        return Err(Fail::invalid("Url is invalid", &["url"]));
    }
    if w.store
        .webhooks
        .iter()
        .any(|o| o.account_id == account_id && o.id != h.id && o.url == h.url)
    {
        return Err(Fail::invalid("Url has already been taken", &["url"]));
    }
    match w.store.webhooks.iter_mut().find(|o| o.id == h.id) {
        Some(existing) => *existing = h.clone(),
        None => w.store.webhooks.push(h.clone()),
    }
    Ok(Reply::json(
        json!({ "payload": { "webhook": webhook(&w.store, &h) } }),
    ))
}
