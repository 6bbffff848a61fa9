//! Inboxes, full and public.

use super::object;
use crate::clock::iso;
use crate::store::{Channel, Inbox, WorkingHour};
use serde_json::{Value, json};

/// `OutOfOffisable#weekly_schedule`.
pub(crate) fn working_hours(rows: &[WorkingHour]) -> Value {
    Value::Array(
        rows.iter()
            .map(|w| {
                json!({
                    "day_of_week": w.day_of_week,
                    "closed_all_day": w.closed_all_day,
                    "open_hour": w.open_hour,
                    "open_minutes": w.open_minutes,
                    "close_hour": w.close_hour,
                    "close_minutes": w.close_minutes,
                    "open_all_day": w.open_all_day,
                })
            })
            .collect(),
    )
}

/// `api/v1/models/_inbox.json.jbuilder`; credentials only for administrators.
pub(crate) fn inbox(i: &Inbox, admin: bool) -> Value {
    let web = match &i.channel {
        Channel::WebWidget {
            website_url,
            website_token,
            widget_color,
            settings,
            ..
        } => Some((website_url, website_token, widget_color, settings)),
        Channel::Api { .. } => None,
    };
    let mut o = object([
        ("id", json!(i.id)),
        ("avatar_url", json!(i.avatar_url.as_deref().unwrap_or(""))),
        ("channel_id", json!(i.channel_id)),
        ("name", json!(i.name)),
        ("channel_type", json!(i.channel.type_name())),
        ("greeting_enabled", json!(i.greeting_enabled)),
        ("greeting_message", json!(i.greeting_message)),
        ("working_hours_enabled", json!(i.working_hours_enabled)),
        ("enable_email_collect", json!(i.enable_email_collect)),
        ("csat_survey_enabled", json!(i.csat_survey_enabled)),
        ("csat_config", Value::Object(i.csat_config.clone())),
        ("enable_auto_assignment", json!(i.enable_auto_assignment)),
        (
            "auto_assignment_config",
            Value::Object(i.auto_assignment_config.clone()),
        ),
        ("out_of_office_message", json!(i.out_of_office_message)),
        ("working_hours", working_hours(&i.working_hours)),
        ("timezone", json!(i.timezone)),
        ("callback_webhook_url", Value::Null),
        (
            "allow_messages_after_resolved",
            json!(i.allow_messages_after_resolved),
        ),
        (
            "lock_to_single_conversation",
            json!(i.lock_to_single_conversation),
        ),
        ("sender_name_type", json!(i.sender_name_type)),
        ("business_name", json!(i.business_name)),
        ("allowed_domains", json!(web.map(|_| ""))),
        ("widget_color", json!(web.map(|w| w.2))),
        ("website_url", json!(web.map(|w| w.0))),
        (
            "hmac_mandatory",
            json!(match &i.channel {
                Channel::Api { hmac_mandatory, .. } => *hmac_mandatory,
                Channel::WebWidget { settings, .. } => settings.hmac_mandatory,
            }),
        ),
        (
            "welcome_title",
            json!(web.and_then(|w| w.3.welcome_title.as_deref())),
        ),
        (
            "welcome_tagline",
            json!(web.and_then(|w| w.3.welcome_tagline.as_deref())),
        ),
        (
            "web_widget_script",
            json!(web.map(|w| format!(
                "<script>window.chatwootSettings={{}};/* {} */</script>",
                w.1
            ))),
        ),
        ("website_token", json!(web.map(|w| w.1))),
        (
            "selected_feature_flags",
            json!(web.map(|w| &w.3.feature_flags)),
        ),
        ("reply_time", json!(web.map(|w| &w.3.reply_time))),
    ]);
    match &i.channel {
        Channel::WebWidget {
            hmac_token,
            settings,
            ..
        } => {
            if admin {
                o.insert("hmac_token".into(), json!(hmac_token));
            }
            o.insert(
                "pre_chat_form_enabled".into(),
                json!(settings.pre_chat_form_enabled),
            );
            o.insert(
                "pre_chat_form_options".into(),
                Value::Object(settings.pre_chat_form_options.clone()),
            );
            o.insert("continuity_via_email".into(), json!(true));
            o.insert("messaging_service_sid".into(), Value::Null);
            o.insert("phone_number".into(), Value::Null);
        }
        Channel::Api {
            identifier,
            hmac_token,
            webhook_url,
            secret,
            additional_attributes,
            ..
        } => {
            o.insert("messaging_service_sid".into(), Value::Null);
            o.insert("phone_number".into(), Value::Null);
            if admin {
                o.insert("hmac_token".into(), json!(hmac_token));
                o.insert("secret".into(), json!(secret));
            }
            o.insert("webhook_url".into(), json!(webhook_url));
            o.insert("inbox_identifier".into(), json!(identifier));
            o.insert(
                "additional_attributes".into(),
                Value::Object(additional_attributes.clone()),
            );
        }
    }
    o.insert("provider".into(), Value::Null);
    Value::Object(o)
}

/// `Inbox#as_json`: every column (in `POST contacts`).
pub(crate) fn inbox_record(i: &Inbox) -> Value {
    json!({
        "id": i.id,
        "channel_id": i.channel_id,
        "account_id": i.account_id,
        "name": i.name,
        "created_at": iso(Some(i.created_at)),
        "updated_at": iso(Some(i.updated_at)),
        "channel_type": i.channel.type_name(),
        "enable_auto_assignment": i.enable_auto_assignment,
        "greeting_enabled": i.greeting_enabled,
        "greeting_message": i.greeting_message,
        "email_address": null,
        "working_hours_enabled": i.working_hours_enabled,
        "out_of_office_message": i.out_of_office_message,
        "timezone": i.timezone,
        "enable_email_collect": i.enable_email_collect,
        "csat_survey_enabled": i.csat_survey_enabled,
        "allow_messages_after_resolved": i.allow_messages_after_resolved,
        "auto_assignment_config": i.auto_assignment_config,
        "lock_to_single_conversation": i.lock_to_single_conversation,
        "portal_id": i.portal_id,
        "sender_name_type": i.sender_name_type,
        "business_name": i.business_name,
        "csat_config": i.csat_config,
    })
}

/// `public/api/v1/inboxes/show.json.jbuilder`.
pub(crate) fn public_inbox(i: &Inbox, identifier: &str, hmac_mandatory: bool) -> Value {
    json!({
        "identifier": identifier,
        "identity_validation_enabled": hmac_mandatory,
        "name": i.name,
        "timezone": i.timezone,
        "working_hours": working_hours(&i.working_hours),
        "working_hours_enabled": i.working_hours_enabled,
        "csat_survey_enabled": i.csat_survey_enabled,
        "greeting_enabled": i.greeting_enabled,
    })
}
