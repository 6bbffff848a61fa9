//! Account API, the account itself and the caller's profile.

use super::World;
use crate::auth::{self, Bots};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::Id;
use crate::views::misc::account as account_view;
use crate::views::people::profile as profile_view;

/// `GET|PATCH accounts/{account_id}`: a non-member gets 404 here, not 401.
pub(super) fn account(w: &mut World, req: &Req, method: &str, account_id: Id) -> Res {
    let scope = match w.scope(req, account_id, Bots::Denied) {
        Err(f)
            if f.status == 401
                && f.body["error"] == "You are not authorized to access this account" =>
        {
            return Err(Fail::not_found());
        }
        other => other?,
    };
    match method {
        "GET" => {
            let a = w.store.account(account_id).ok_or_else(Fail::not_found)?;
            Ok(Reply::json(account_view(a, true)))
        }
        "PATCH" | "PUT" => {
            scope.require_admin()?;
            if let Some(v) = req.body.get("auto_resolve_after")
                && !v.is_null()
            {
                let minutes = v.as_i64().ok_or_else(|| {
                    Fail::invalid(
                        "Auto resolve after must be of type integer",
                        &["auto_resolve_after"],
                    )
                })?;
                if !(10..=1_439_856).contains(&minutes) {
                    return Err(Fail::invalid(
                        "Auto resolve after must be greater than or equal to 10",
                        &["auto_resolve_after"],
                    ));
                }
            }
            let a = w
                .store
                .accounts
                .iter_mut()
                .find(|a| a.id == account_id)
                .ok_or_else(Fail::not_found)?;
            for (key, field) in [
                ("domain", &mut a.domain),
                ("support_email", &mut a.support_email),
            ] {
                if let Some(v) = req.body.get(key) {
                    *field = v.as_str().map(str::to_owned);
                }
            }
            if let Some(name) = req.str("name") {
                a.name = name;
            }
            if let Some(locale) = req.str("locale") {
                a.locale = locale;
            }
            for key in [
                "industry",
                "company_size",
                "timezone",
                "referral_source",
                "website",
            ] {
                if let Some(v) = req.body.get(key) {
                    a.custom_attributes.insert(key.into(), v.clone());
                }
            }
            for key in [
                "auto_resolve_after",
                "auto_resolve_message",
                "auto_resolve_ignore_waiting",
                "audio_transcriptions",
                "auto_resolve_label",
                "conversation_required_attributes",
            ] {
                if let Some(v) = req.body.get(key) {
                    a.settings.insert(key.into(), v.clone());
                }
            }
            Ok(Reply::json(account_view(a, false)))
        }
        _ => Err(Fail::no_route()),
    }
}

/// `GET|PUT /api/v1/profile`.
pub(super) fn profile(w: &mut World, req: &Req, method: &str) -> Res {
    let user_id = auth::profile_user(&w.store, req)?;
    match method {
        "GET" => {}
        "PUT" | "PATCH" => {
            if req.body.as_object().is_none_or(|b| b.is_empty()) {
                return Err(Fail::missing("profile"));
            }
            // The dashboard wraps the fields in `profile`; flat JSON works too (ParamsWrapper).
            let body = req
                .body
                .get("profile")
                .cloned()
                .unwrap_or_else(|| req.body.clone());
            let user = w
                .store
                .users
                .iter_mut()
                .find(|u| u.id == user_id)
                .ok_or_else(Fail::rails_error)?;
            if let Some(password) = body.get("password").and_then(|p| p.as_str()) {
                if body.get("current_password").and_then(|p| p.as_str())
                    != Some(user.password.as_str())
                {
                    return Err(Fail::error(422, "Invalid current password"));
                }
                if body
                    .get("password_confirmation")
                    .and_then(|p| p.as_str())
                    .is_some_and(|c| c != password)
                {
                    return Err(Fail::invalid(
                        "Password confirmation doesn't match Password",
                        &["password_confirmation"],
                    ));
                }
                user.password = password.to_owned();
            }
            if let Some(name) = body.get("name").and_then(|v| v.as_str()) {
                user.name = name.to_owned();
            }
            for (key, field) in [
                ("display_name", &mut user.display_name),
                ("message_signature", &mut user.message_signature),
            ] {
                if let Some(v) = body.get(key) {
                    *field = v.as_str().map(str::to_owned);
                }
            }
            if let Some(settings) = body.get("ui_settings").and_then(|v| v.as_object()) {
                user.ui_settings = settings.clone();
            }
            if let Some(phone) = body.get("phone_number") {
                user.custom_attributes
                    .insert("phone_number".into(), phone.clone());
            }
            // `profile[avatar]`: the file, stored and served like any other.
            let file = body
                .get("avatar")
                .and_then(|v| v.get(crate::form::UPLOAD_KEY))
                .and_then(serde_json::Value::as_u64)
                .and_then(|i| req.uploads.get(usize::try_from(i).ok()?));
            if let Some(file) = file {
                let id = w.store.add_blob(file);
                let url = w.store.blob(id).map(|b| w.store.blob_url(b));
                if let Some(user) = w.store.users.get_mut(user_id) {
                    user.avatar_url = url;
                }
            }
        }
        _ => return Err(Fail::rails_not_found()),
    }
    let user = w.store.user(user_id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(profile_view(&w.store, user)))
}

/// `POST profile/availability`, `POST profile/auto_offline`, `DELETE profile/avatar`,
/// `POST profile/reset_access_token`, `PUT profile/set_active_account`.
pub(super) fn profile_action(w: &mut World, req: &Req, method: &str, action: &str) -> Res {
    let user_id = auth::profile_user(&w.store, req)?;
    // `params.require(:profile)`; flat JSON is wrapped in `profile` (ParamsWrapper).
    let profile = || {
        req.body
            .get("profile")
            .or(Some(&req.body))
            .and_then(|p| p.as_object())
            .filter(|p| !p.is_empty())
            .cloned()
            .ok_or_else(|| Fail::missing("profile"))
    };
    let account_of = |p: &serde_json::Map<String, serde_json::Value>| {
        p.get("account_id")
            .and_then(|v| v.as_u64().or_else(|| v.as_str()?.trim().parse().ok()))
    };
    let now = crate::clock::now();
    match (method, action) {
        ("POST", "availability") => {
            let p = profile()?;
            let m = membership_mut(w, user_id, account_of(&p)).ok_or_else(Fail::not_found)?;
            // An unknown (or missing) value is the enum's `ArgumentError` (or a NOT NULL
            // violation): a 500.
            let availability = p
                .get("availability")
                .and_then(|v| v.as_str())
                .filter(|a| ["online", "offline", "busy"].contains(a))
                .ok_or_else(Fail::rails_error)?;
            m.availability = availability.to_owned();
            m.updated_at = now;
            let account_id = m.account_id;
            w.store.record_availability(account_id, user_id);
        }
        ("POST", "auto_offline") => {
            let p = profile()?;
            let m = membership_mut(w, user_id, account_of(&p)).ok_or_else(Fail::not_found)?;
            // `auto_offline || false`, cast as Rails casts booleans.
            m.auto_offline = match p.get("auto_offline") {
                Some(serde_json::Value::Bool(b)) => *b,
                Some(serde_json::Value::String(s)) => {
                    !["", "0", "f", "false", "off"].contains(&s.to_lowercase().as_str())
                }
                Some(serde_json::Value::Number(n)) => n.as_f64() != Some(0.0),
                _ => false,
            };
            m.updated_at = now;
        }
        ("DELETE", "avatar") => {
            if let Some(user) = w.store.users.get_mut(user_id) {
                user.avatar_url = None;
            }
        }
        ("POST", "reset_access_token") => {
            let user = w
                .store
                .users
                .get_mut(user_id)
                .ok_or_else(Fail::rails_error)?;
            user.token = crate::store::token(24);
        }
        ("PUT", "set_active_account") => {
            let p = profile()?;
            // `find_by(...).update`: a foreign account is a `NoMethodError` on nil.
            let m = membership_mut(w, user_id, account_of(&p)).ok_or_else(Fail::rails_error)?;
            m.active_at = Some(now);
            m.updated_at = now;
            return Ok(Reply::ok());
        }
        _ => return Err(Fail::rails_not_found()),
    }
    let user = w.store.user(user_id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(profile_view(&w.store, user)))
}

fn membership_mut(
    w: &mut World,
    user_id: Id,
    account_id: Option<Id>,
) -> Option<&mut crate::store::AccountUser> {
    let account_id = account_id?;
    w.store
        .account_users
        .iter_mut()
        .find(|m| m.user_id == user_id && m.account_id == account_id)
}
