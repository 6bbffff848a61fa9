//! The web-widget API's views (`app/views/api/v1/widget/**`, `models/_widget_message`).

use super::messages::{attachments, public_message, sender};
use super::object;
use crate::clock::{epoch, iso};
use crate::events::working_hour_rows;
use crate::store::{
    Assignee, Campaign, Contact, ContactInbox, Conversation, Inbox, Message, Sender, Store,
    WidgetSettings,
};
use serde_json::{Value, json};

/// The languages the widget offers (`LANGUAGES_CONFIG`, the enabled ones; the Dutch name has
/// its trailing space there too).
const LANGUAGES: [(&str, &str); 40] = [
    ("English (en)", "en"),
    ("العربية (ar)", "ar"),
    ("Nederlands (nl) ", "nl"),
    ("Français (fr)", "fr"),
    ("Deutsch (de)", "de"),
    ("Italiano (it)", "it"),
    ("日本語 (ja)", "ja"),
    ("한국어 (ko)", "ko"),
    ("Português (pt)", "pt"),
    ("русский (ru)", "ru"),
    ("Español (es)", "es"),
    ("മലയാളം (ml)", "ml"),
    ("Català (ca)", "ca"),
    ("ελληνικά (el)", "el"),
    ("Português Brasileiro (pt-BR)", "pt_BR"),
    ("Română (ro)", "ro"),
    ("தமிழ் (ta)", "ta"),
    ("فارسی (fa)", "fa"),
    ("中文 (台湾) (zh-TW)", "zh_TW"),
    ("Tiếng Việt (vi)", "vi"),
    ("dansk (da)", "da"),
    ("Türkçe (tr)", "tr"),
    ("čeština (cs)", "cs"),
    ("suomi, suomen kieli (fi)", "fi"),
    ("Bahasa Indonesia (id)", "id"),
    ("Svenska (sv)", "sv"),
    ("magyar nyelv (hu)", "hu"),
    ("norsk (no)", "no"),
    ("中文 (zh-CN)", "zh_CN"),
    ("język polski (pl)", "pl"),
    ("slovenčina (sk)", "sk"),
    ("украї́нська мо́ва (uk)", "uk"),
    ("ภาษาไทย (th)", "th"),
    ("latviešu valoda (lv)", "lv"),
    ("íslenska (is)", "is"),
    ("עִברִית (he)", "he"),
    ("lietuvių (lt)", "lt"),
    ("Српски (sr)", "sr"),
    ("български (bg)", "bg"),
    ("Eesti keel (et)", "et"),
];

/// `ActiveSupport::TimeZone[tz].now.formatted_offset`, for the zones whose offset never
/// changes (`UTC`, `Etc/GMT+5`); others read as UTC here.
fn utc_offset(timezone: &str) -> String {
    let hours = timezone
        .strip_prefix("Etc/GMT")
        .and_then(|h| h.parse::<i64>().ok())
        .map_or(0, |h| -h);
    format!("{}{:02}:00", if hours < 0 { '-' } else { '+' }, hours.abs())
}

/// `Portal#as_json` of the inbox's help center, if it has one.
fn portal_record(store: &Store, inbox: &Inbox) -> Value {
    let Some(p) = inbox.portal_id.and_then(|id| store.help_center.portal(id)) else {
        return Value::Null;
    };
    json!({
        "id": p.id, "account_id": p.account_id, "name": p.name, "slug": p.slug,
        "custom_domain": p.custom_domain, "color": p.color.as_deref().unwrap_or("#1f93ff"),
        "homepage_link": p.homepage_link, "page_title": p.page_title, "header_text": p.header_text,
        "created_at": iso(Some(inbox.created_at)), "updated_at": iso(Some(inbox.updated_at)),
        "config": p.config, "archived": p.archived, "channel_web_widget_id": inbox.channel_id,
        "ssl_settings": {},
    })
}

/// `widget/configs/create.json.jbuilder`.
pub(crate) fn config(
    store: &Store,
    inbox: &Inbox,
    settings: &WidgetSettings,
    (website_token, widget_color): (&str, &str),
    (contact, ci): (&Contact, &ContactInbox),
    auth_token: &str,
) -> Value {
    let account = store.account(inbox.account_id);
    let has_feature = |f: &str| account.is_some_and(|a| a.features.iter().any(|x| x == f));
    let languages: Vec<Value> = LANGUAGES
        .iter()
        .map(|(name, code)| json!({ "name": name, "iso_639_1_code": code }))
        .collect();
    json!({
        "website_channel_config": {
            "allow_messages_after_resolved": inbox.allow_messages_after_resolved,
            "api_host": store.base_url,
            "auth_token": auth_token,
            "avatar_url": inbox.avatar_url.as_deref().unwrap_or(""),
            "csat_survey_enabled": inbox.csat_survey_enabled,
            "disable_branding": has_feature("disable_branding"),
            "enabled_features": settings.feature_flags,
            "enabled_languages": languages,
            "locale": account.map_or("en", |a| a.locale.as_str()),
            "out_of_office_message": inbox.out_of_office_message,
            "portal": portal_record(store, inbox),
            "pre_chat_form_enabled": settings.pre_chat_form_enabled,
            "pre_chat_form_options": settings.pre_chat_form_options,
            "reply_time": settings.reply_time,
            "timezone": inbox.timezone,
            "utc_off_set": utc_offset(&inbox.timezone),
            "website_name": inbox.name,
            "website_token": website_token,
            "welcome_tagline": settings.welcome_tagline,
            "welcome_title": settings.welcome_title,
            "widget_color": widget_color,
            "working_hours": working_hour_rows(inbox),
            "working_hours_enabled": inbox.working_hours_enabled,
        },
        "contact": {
            "email": contact.email,
            "id": contact.id,
            "identifier": contact.identifier,
            "name": contact.name,
            "phone_number": contact.phone_number,
            "pubsub_token": ci.pubsub_token,
        },
        "global_config": {
            "LOGO_THUMBNAIL": "/brand-assets/logo_thumbnail.svg",
            "BRAND_NAME": "Chatwoot",
            "WIDGET_BRAND_URL": "https://www.chatwoot.com",
            "MAXIMUM_FILE_UPLOAD_SIZE": 40,
            "INSTALLATION_NAME": "Chatwoot",
        },
    })
}

/// A sender as the widget sees it: an agent's presence is unknown there (`Current.account` is
/// not set), so `availability_status` is `null`.
fn widget_sender(store: &Store, m: &Message) -> Option<Value> {
    let mut s = sender(store, m.account_id, m.sender)?;
    if matches!(m.sender, Some(Sender::User(_))) {
        s["availability_status"] = Value::Null;
    }
    Some(s)
}

/// `models/_widget_message.json.jbuilder` (and `messages/index`): the public API's message
/// fields, in its order.
pub(crate) fn message(store: &Store, m: &Message) -> Value {
    let mut o = public_message(store, m);
    if let (Some(Sender::User(_)), Some(s)) = (m.sender, o.get_mut("sender")) {
        s["availability_status"] = Value::Null;
    }
    o
}

/// `widget/messages/create.json.jbuilder`: no `content_type`, with `inbox_id`, `private` and
/// `source_id`.
pub(crate) fn sent_message(store: &Store, m: &Message) -> Value {
    let mut o = object([
        ("id", json!(m.id)),
        ("content", json!(m.content)),
        ("inbox_id", json!(m.inbox_id)),
        (
            "conversation_id",
            json!(store.conversation(m.conversation_id).map(|c| c.display_id)),
        ),
        ("message_type", json!(m.message_type)),
        ("created_at", epoch(Some(m.created_at))),
        ("private", json!(m.private)),
        ("source_id", json!(m.source_id)),
        (
            "content_attributes",
            Value::Object(m.content_attributes.clone()),
        ),
    ]);
    if !m.attachments.is_empty() {
        o.insert("attachments".into(), attachments(store, m));
    }
    if let Some(s) = widget_sender(store, m) {
        o.insert("sender".into(), s);
    }
    Value::Object(o)
}

/// `widget/conversations/index.json.jbuilder`: `{}` without a conversation.
pub(crate) fn conversation(c: Option<&Conversation>) -> Value {
    match c {
        Some(c) => json!({
            "id": c.display_id,
            "inbox_id": c.inbox_id,
            "contact_last_seen_at": epoch(c.contact_last_seen_at),
            "status": c.status,
        }),
        None => json!({}),
    }
}

/// `Conversation#as_json`: every column, ISO times, the database id and the display id.
pub(crate) fn conversation_record(c: &Conversation) -> Value {
    let (assignee_id, bot_id) = match c.assignee {
        Some(Assignee::User(id)) => (json!(id), Value::Null),
        Some(Assignee::Bot(id)) => (Value::Null, json!(id)),
        None => (Value::Null, Value::Null),
    };
    json!({
        "id": c.id, "account_id": c.account_id, "inbox_id": c.inbox_id, "status": c.status,
        "assignee_id": assignee_id, "created_at": iso(Some(c.created_at)),
        "updated_at": iso(Some(c.updated_at)), "contact_id": c.contact_id,
        "display_id": c.display_id, "contact_last_seen_at": iso(c.contact_last_seen_at),
        "agent_last_seen_at": iso(c.agent_last_seen_at),
        "additional_attributes": c.additional_attributes, "contact_inbox_id": c.contact_inbox_id,
        "uuid": c.uuid, "identifier": null, "last_activity_at": iso(Some(c.last_activity_at)),
        "team_id": c.team_id, "campaign_id": c.campaign_id, "snoozed_until": iso(c.snoozed_until),
        "custom_attributes": c.custom_attributes,
        "assignee_last_seen_at": iso(c.assignee_last_seen_at),
        "first_reply_created_at": iso(c.first_reply_created_at), "priority": c.priority,
        "sla_policy_id": null, "waiting_since": iso(c.waiting_since),
        "cached_label_list": (!c.labels.is_empty()).then(|| c.labels.join(",")),
        "assignee_agent_bot_id": bot_id,
    })
}

/// `widget/contacts/{show,update,set_user}.json.jbuilder`: what the visitor has given.
pub(crate) fn contact(c: &Contact) -> serde_json::Map<String, Value> {
    object([
        ("id", json!(c.id)),
        ("has_email", json!(c.email.is_some())),
        ("has_name", json!(!c.name.is_empty())),
        ("has_phone_number", json!(c.phone_number.is_some())),
    ])
}

/// `widget/campaigns/index.json.jbuilder`.
pub(crate) fn campaign(store: &Store, c: &Campaign) -> Value {
    let sender = c.sender_id.and_then(|id| store.user(id)).map(|u| {
        let mut s = super::people::user_push(store, c.account_id, u);
        s["availability_status"] = Value::Null;
        s
    });
    json!({
        "id": c.display_id,
        "trigger_rules": c.trigger_rules,
        "trigger_only_during_business_hours": c.trigger_only_during_business_hours,
        "message": c.message,
        "sender": sender,
    })
}
