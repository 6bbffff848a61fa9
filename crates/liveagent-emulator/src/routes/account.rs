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
        _ => Err(Fail::rails_not_found()),
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
        }
        _ => return Err(Fail::rails_not_found()),
    }
    let user = w.store.user(user_id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(profile_view(&w.store, user)))
}
