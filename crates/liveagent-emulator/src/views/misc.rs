//! Accounts, labels, canned responses, custom attributes, webhooks, reporting events.

use super::object;
use crate::clock::iso;
use crate::store::{
    Account, AttributeDefinition, CannedResponse, Label, ReportingEvent, Store, Webhook,
};
use serde_json::{Value, json};

fn features(account: &Account) -> Value {
    Value::Object(
        account
            .features
            .iter()
            .map(|f| (f.clone(), json!(true)))
            .collect(),
    )
}

/// `api/v1/models/_account.json.jbuilder` (+ the show view's extras when `show`).
pub(crate) fn account(a: &Account, show: bool) -> Value {
    let mut o = object([
        ("settings", Value::Object(a.settings.clone())),
        ("created_at", iso(Some(a.created_at))),
    ]);
    if !a.custom_attributes.is_empty() {
        o.insert(
            "custom_attributes".into(),
            Value::Object(a.custom_attributes.clone()),
        );
    }
    o.insert("domain".into(), json!(a.domain));
    o.insert("features".into(), features(a));
    o.insert("id".into(), json!(a.id));
    o.insert("locale".into(), json!(a.locale));
    o.insert("name".into(), json!(a.name));
    o.insert("support_email".into(), json!(a.support_email));
    o.insert("status".into(), json!(a.status));
    let key = format!("{}", a.created_at.floor() as i64);
    o.insert(
        "cache_keys".into(),
        json!({ "label": key, "inbox": key, "team": key }),
    );
    if show {
        o.insert("latest_chatwoot_version".into(), json!("4.15.0"));
    }
    Value::Object(o)
}

/// `platform/api/v1/models/_account.json.jbuilder`.
pub(crate) fn platform_account(a: &Account) -> Value {
    json!({
        "id": a.id,
        "name": a.name,
        "locale": a.locale,
        "domain": a.domain,
        "support_email": a.support_email,
        "features": features(a),
        "custom_attributes": a.custom_attributes,
        "limits": a.limits,
        "status": a.status,
    })
}

/// `labels/*.json.jbuilder`.
pub(crate) fn label(l: &Label) -> Value {
    json!({ "id": l.id, "title": l.title, "description": l.description, "color": l.color, "show_on_sidebar": l.show_on_sidebar })
}

/// `render json:` of a canned response.
pub(crate) fn canned(c: &CannedResponse) -> Value {
    json!({
        "id": c.id,
        "account_id": c.account_id,
        "short_code": c.short_code,
        "content": c.content,
        "created_at": iso(Some(c.created_at)),
        "updated_at": iso(Some(c.updated_at)),
    })
}

/// `_custom_attribute_definition.json.jbuilder`.
pub(crate) fn attribute_definition(d: &AttributeDefinition) -> Value {
    json!({
        "id": d.id,
        "attribute_display_name": d.display_name,
        "attribute_display_type": d.display_type,
        "attribute_description": d.description,
        "attribute_key": d.key,
        "regex_pattern": d.regex_pattern,
        "regex_cue": d.regex_cue,
        "attribute_values": d.values,
        "attribute_model": d.model,
        "default_value": null,
        "created_at": iso(Some(d.created_at)),
        "updated_at": iso(Some(d.updated_at)),
    })
}

/// `webhooks/_webhook.json.jbuilder`.
pub(crate) fn webhook(store: &Store, w: &Webhook) -> Value {
    let mut o = object([
        ("id", json!(w.id)),
        ("name", json!(w.name)),
        ("url", json!(w.url)),
        ("account_id", json!(w.account_id)),
        ("subscriptions", json!(w.subscriptions)),
        ("secret", json!(w.secret)),
    ]);
    if let Some(inbox) = w.inbox_id.and_then(|id| store.inbox(id)) {
        o.insert(
            "inbox".into(),
            json!({ "id": inbox.id, "name": inbox.name }),
        );
    }
    Value::Object(o)
}

/// `_reporting_event.json.jbuilder` (enterprise).
pub(crate) fn reporting_event(e: &ReportingEvent) -> Value {
    json!({
        "id": e.id,
        "name": e.name,
        "value": e.value,
        "value_in_business_hours": e.value,
        "event_start_time": iso(Some(e.event_start_time)),
        "event_end_time": iso(Some(e.event_end_time)),
        "account_id": e.account_id,
        "inbox_id": e.inbox_id,
        "user_id": e.user_id,
        "conversation_id": e.conversation_id,
        "created_at": iso(Some(e.created_at)),
        "updated_at": iso(Some(e.created_at)),
    })
}
