//! Account API, inboxes and inbox members.

use super::{World, seg_id};
use crate::auth::{Bots, Scope};
use crate::clock::now;
use crate::events::{changes, inbox_columns, inbox_payload};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Channel, Id, Inbox, Json, WIDGET_FEATURES, WidgetSettings, WorkingHour, token};
use crate::views::inboxes::inbox;
use crate::views::people::agent;
use serde_json::{Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", ["inboxes"]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let mut visible: Vec<&Inbox> = w
                .store
                .inboxes
                .iter()
                .filter(|i| i.account_id == account_id && sees(w, &scope, i.id))
                .collect();
            visible.sort_by_key(|i| i.name.to_lowercase());
            let payload: Vec<Value> = visible
                .into_iter()
                .map(|i| inbox(i, scope.is_admin()))
                .collect();
            Ok(Reply::json(json!({ "payload": payload })))
        }
        ("GET", ["inboxes", id]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let i = find(w, account_id, id)?;
            if !sees(w, &scope, i.id) {
                return Err(Fail::forbidden());
            }
            Ok(Reply::json(inbox(&i, scope.is_admin())))
        }
        ("POST", ["inboxes"]) => create(w, req, account_id),
        ("PATCH" | "PUT", ["inboxes", id]) => update(w, req, account_id, id),
        ("GET", ["inbox_members", id]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let i = find(w, account_id, id)?;
            if !sees(w, &scope, i.id) {
                return Err(Fail::forbidden());
            }
            Ok(Reply::json(
                json!({ "payload": members(w, account_id, i.id) }),
            ))
        }
        ("POST" | "PATCH" | "DELETE", ["inbox_members"]) => {
            change_members(w, req, method, account_id)
        }
        _ => Err(Fail::no_route()),
    }
}

pub(super) fn sees(w: &World, scope: &Scope, inbox_id: Id) -> bool {
    scope.sees_all()
        || scope
            .user_id()
            .is_some_and(|u| w.store.is_inbox_member(inbox_id, u))
}

pub(super) fn find(w: &World, account_id: Id, id: &str) -> Result<Inbox, Fail> {
    let id = seg_id(id)?;
    w.store
        .inbox(id)
        .filter(|i| i.account_id == account_id)
        .cloned()
        .ok_or_else(Fail::not_found)
}

fn members(w: &World, account_id: Id, inbox_id: Id) -> Vec<Value> {
    w.store
        .inbox_members
        .iter()
        .filter(|(i, _)| *i == inbox_id)
        .filter_map(|(_, u)| w.store.user(*u))
        .map(|u| agent(&w.store, account_id, u))
        .collect()
}

/// Applies the top-level inbox params.
fn apply(req: &Req, i: &mut Inbox) -> Result<(), Fail> {
    if let Some(name) = req.str("name") {
        i.name = name;
    }
    for (key, field) in [
        ("greeting_enabled", &mut i.greeting_enabled),
        ("working_hours_enabled", &mut i.working_hours_enabled),
        ("enable_email_collect", &mut i.enable_email_collect),
        ("csat_survey_enabled", &mut i.csat_survey_enabled),
        ("enable_auto_assignment", &mut i.enable_auto_assignment),
        (
            "allow_messages_after_resolved",
            &mut i.allow_messages_after_resolved,
        ),
        (
            "lock_to_single_conversation",
            &mut i.lock_to_single_conversation,
        ),
    ] {
        if let Some(b) = req.bool(key) {
            *field = b;
        }
    }
    for (key, field) in [
        ("greeting_message", &mut i.greeting_message),
        ("out_of_office_message", &mut i.out_of_office_message),
        ("business_name", &mut i.business_name),
    ] {
        if let Some(v) = req.body.get(key) {
            *field = v.as_str().map(str::to_owned);
        }
    }
    if let Some(tz) = req.str("timezone") {
        i.timezone = tz;
    }
    if let Some(kind) = req.str("sender_name_type") {
        if kind != "friendly" && kind != "professional" {
            return Err(Fail::rails_error());
        }
        i.sender_name_type = kind;
    }
    if let Some(config) = req.object("csat_config") {
        i.csat_config = config;
    }
    if let Some(config) = req.object("auto_assignment_config") {
        i.auto_assignment_config = config;
    }
    if let Some(rows) = req.body.get("working_hours").and_then(Value::as_array) {
        for row in rows {
            let day = row["day_of_week"].as_i64().ok_or_else(Fail::rails_error)?;
            let slot = i
                .working_hours
                .iter_mut()
                .find(|w| w.day_of_week == day)
                .ok_or_else(Fail::rails_error)?;
            for (key, field) in [
                ("closed_all_day", &mut slot.closed_all_day),
                ("open_all_day", &mut slot.open_all_day),
            ] {
                if let Some(b) = row[key].as_bool() {
                    *field = b;
                }
            }
            for (key, field) in [
                ("open_hour", &mut slot.open_hour),
                ("open_minutes", &mut slot.open_minutes),
                ("close_hour", &mut slot.close_hour),
                ("close_minutes", &mut slot.close_minutes),
            ] {
                if let Some(v) = row.get(key) {
                    *field = v.as_i64();
                }
            }
        }
    }
    if let Some(channel) = req.object("channel") {
        match &mut i.channel {
            Channel::Api {
                webhook_url,
                hmac_mandatory,
                additional_attributes,
                ..
            } => {
                if let Some(url) = channel.get("webhook_url") {
                    *webhook_url = url.as_str().map(str::to_owned);
                }
                if let Some(b) = channel.get("hmac_mandatory").and_then(Value::as_bool) {
                    *hmac_mandatory = b;
                }
                if let Some(extra) = channel
                    .get("additional_attributes")
                    .and_then(Value::as_object)
                {
                    *additional_attributes = extra.clone();
                }
            }
            Channel::WebWidget {
                website_url,
                widget_color,
                settings,
                ..
            } => {
                widget_settings(settings, &channel);
                if let Some(url) = channel.get("website_url").and_then(Value::as_str) {
                    *website_url = url.to_owned();
                }
                if let Some(color) = channel.get("widget_color").and_then(Value::as_str) {
                    *widget_color = color.to_owned();
                }
            }
        }
    }
    Ok(())
}

/// A web widget's settings from the `channel` params (`selected_feature_flags` in their
/// canonical order; unknown names are dropped).
fn widget_settings(settings: &mut WidgetSettings, channel: &Json) {
    if let Some(flags) = channel
        .get("selected_feature_flags")
        .and_then(Value::as_array)
    {
        let on: Vec<&str> = flags.iter().filter_map(Value::as_str).collect();
        settings.feature_flags = WIDGET_FEATURES
            .iter()
            .filter(|f| on.contains(f))
            .map(|f| (*f).to_owned())
            .collect();
    }
    for (key, flag) in [
        ("hmac_mandatory", &mut settings.hmac_mandatory),
        ("pre_chat_form_enabled", &mut settings.pre_chat_form_enabled),
    ] {
        if let Some(b) = channel.get(key).and_then(Value::as_bool) {
            *flag = b;
        }
    }
    for (key, text) in [
        ("welcome_title", &mut settings.welcome_title),
        ("welcome_tagline", &mut settings.welcome_tagline),
    ] {
        if let Some(v) = channel.get(key) {
            *text = v.as_str().map(str::to_owned);
        }
    }
    if let Some(reply_time) = channel.get("reply_time").and_then(Value::as_str) {
        settings.reply_time = reply_time.to_owned();
    }
    if let Some(options) = channel
        .get("pre_chat_form_options")
        .and_then(Value::as_object)
    {
        settings.pre_chat_form_options = options.clone();
    }
}

fn create(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let channel = req.object("channel").ok_or_else(Fail::rails_error)?;
    let channel = match channel.get("type").and_then(Value::as_str) {
        Some("api") => Channel::Api {
            identifier: token(24),
            hmac_token: token(24),
            hmac_mandatory: false,
            webhook_url: None,
            secret: token(24),
            additional_attributes: Default::default(),
        },
        Some("web_widget") => {
            if channel
                .get("website_url")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                return Err(Fail::invalid(
                    "Website url can't be blank",
                    &["website_url"],
                ));
            }
            Channel::WebWidget {
                website_url: String::new(),
                website_token: token(24),
                widget_color: "#1f93ff".into(),
                hmac_token: token(24),
                settings: WidgetSettings::default(),
            }
        }
        _ => return Err(Fail::invalid("Channel must exist", &["channel"])),
    };
    let t = now();
    let (id, channel_id) = (w.store.id(), w.store.id());
    let mut i = Inbox {
        id,
        account_id,
        channel_id,
        name: String::new(),
        channel,
        greeting_enabled: false,
        greeting_message: None,
        working_hours_enabled: false,
        enable_email_collect: true,
        csat_survey_enabled: false,
        csat_config: Default::default(),
        enable_auto_assignment: true,
        auto_assignment_config: Default::default(),
        out_of_office_message: None,
        working_hours: WorkingHour::default_week(),
        timezone: "UTC".into(),
        allow_messages_after_resolved: true,
        lock_to_single_conversation: false,
        sender_name_type: "friendly".into(),
        business_name: None,
        portal_id: None,
        created_at: t,
        updated_at: t,
        avatar_url: None,
    };
    apply(req, &mut i)?;
    store_avatar(w, req, &mut i);
    if i.name.trim().is_empty() {
        return Err(Fail::invalid("Name can't be blank", &["name"]));
    }
    w.store.inboxes.push(i.clone());
    let payload = inbox_payload(&w.store, &i);
    w.emit(account_id, None, "inbox_created", payload);
    Ok(Reply::json(inbox(&i, true)))
}

fn update(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let mut i = find(w, account_id, id)?;
    let before = (inbox_columns(&i), i.updated_at);
    apply(req, &mut i)?;
    store_avatar(w, req, &mut i);
    i.updated_at = now();
    if let Some(existing) = w.store.inboxes.iter_mut().find(|x| x.id == i.id) {
        *existing = i.clone();
    }
    if let Some(changed) = changes(&before.0, &inbox_columns(&i), (before.1, i.updated_at)) {
        let mut payload = inbox_payload(&w.store, &i);
        payload["changed_attributes"] = changed;
        w.emit(account_id, None, "inbox_updated", payload);
    }
    Ok(Reply::json(inbox(&i, true)))
}

/// An uploaded `avatar` becomes the inbox's `avatar_url`, served like any stored file.
fn store_avatar(w: &mut World, req: &Req, i: &mut Inbox) {
    if let Some(file) = req.files("avatar").first() {
        let id = w.store.add_blob(file);
        i.avatar_url = w.store.blob(id).map(|b| w.store.blob_url(b));
    }
}

fn change_members(w: &mut World, req: &Req, method: &str, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let inbox_id = req.id("inbox_id").ok_or_else(Fail::not_found)?;
    w.store
        .inbox(inbox_id)
        .filter(|i| i.account_id == account_id)
        .ok_or_else(Fail::not_found)?;
    let ids = req.ids("user_ids").ok_or_else(Fail::rails_error)?;
    if ids.iter().any(|u| w.store.user(*u).is_none()) {
        return Err(Fail::invalid("User must exist", &["user"]));
    }
    match method {
        "POST" => {
            for u in ids {
                if !w.store.is_inbox_member(inbox_id, u) {
                    w.store.inbox_members.push((inbox_id, u));
                }
            }
        }
        "PATCH" => {
            w.store
                .inbox_members
                .retain(|(i, u)| *i != inbox_id || ids.contains(u));
            for u in ids {
                if !w.store.is_inbox_member(inbox_id, u) {
                    w.store.inbox_members.push((inbox_id, u));
                }
            }
        }
        _ => {
            w.store
                .inbox_members
                .retain(|(i, u)| *i != inbox_id || !ids.contains(u));
            return Ok(Reply::ok());
        }
    }
    Ok(Reply::json(
        json!({ "payload": members(w, account_id, inbox_id) }),
    ))
}
