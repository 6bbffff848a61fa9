//! Platform API: `/platform/api/v1/...`. A platform app may manage only the accounts, users and
//! bots it created; anything else exists (404 first) but is "non permissible" (401).

use super::World;
use crate::auth;
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Account, AccountUser, AgentBot, DEFAULT_FEATURES, Id, User, token};
use crate::views::misc::platform_account;
use crate::views::people::{account_user_record, platform_agent_bot, platform_user};
use serde_json::{Value, json};

#[derive(Clone, Copy)]
enum Kind {
    Account,
    User,
    Bot,
}

pub(super) fn route(w: &mut World, req: &Req, method: &str, rest: &[&str]) -> Res {
    let app = auth::platform(&w.store, req)?;
    match (method, rest) {
        ("GET", ["accounts"]) => {
            let ids = w.store.platform_apps[app].accounts.clone();
            let list: Vec<Value> = ids
                .iter()
                .filter_map(|id| w.store.account(*id))
                .map(platform_account)
                .collect();
            Ok(Reply::json(Value::Array(list)))
        }
        ("POST", ["accounts"]) => {
            let name = req
                .str("name")
                .filter(|n| !n.trim().is_empty())
                .ok_or_else(|| Fail::invalid("Name can't be blank", &["name"]))?;
            let id = w.store.id();
            let mut account = Account {
                id,
                name,
                locale: "en".into(),
                domain: None,
                support_email: None,
                status: "active".into(),
                features: DEFAULT_FEATURES.iter().map(|f| (*f).to_owned()).collect(),
                settings: Default::default(),
                custom_attributes: Default::default(),
                limits: Default::default(),
                created_at: now(),
                next_display_id: 0,
            };
            apply_account(req, &mut account)?;
            w.store.accounts.push(account.clone());
            w.store.platform_apps[app].accounts.push(id);
            Ok(Reply::json(platform_account(&account)))
        }
        ("GET", ["accounts", id]) => {
            let id = permitted(w, app, Kind::Account, id)?;
            Ok(Reply::json(platform_account(
                w.store.account(id).ok_or_else(Fail::rails_not_found)?,
            )))
        }
        ("PATCH" | "PUT", ["accounts", id]) => {
            let id = permitted(w, app, Kind::Account, id)?;
            let mut account = w
                .store
                .account(id)
                .cloned()
                .ok_or_else(Fail::rails_not_found)?;
            apply_account(req, &mut account)?;
            if let Some(a) = w.store.accounts.iter_mut().find(|a| a.id == id) {
                *a = account.clone();
            }
            Ok(Reply::json(platform_account(&account)))
        }
        ("DELETE", ["accounts", id]) => {
            let id = permitted(w, app, Kind::Account, id)?;
            w.store.accounts.retain(|a| a.id != id);
            w.store.account_users.retain(|m| m.account_id != id);
            w.store.platform_apps[app].accounts.retain(|a| *a != id);
            Ok(Reply::ok())
        }
        ("GET", ["accounts", id, "account_users"]) => {
            let id = permitted(w, app, Kind::Account, id)?;
            let list: Vec<Value> = w
                .store
                .account_users
                .iter()
                .filter(|m| m.account_id == id)
                .map(account_user_record)
                .collect();
            Ok(Reply::json(Value::Array(list)))
        }
        ("POST", ["accounts", id, "account_users"]) => {
            let account_id = permitted(w, app, Kind::Account, id)?;
            let user_id = req
                .id("user_id")
                .filter(|u| w.store.user(*u).is_some())
                .ok_or_else(|| Fail::invalid("User must exist", &["user"]))?;
            let role = match req.str("role") {
                Some(r) if ["agent", "administrator", "supervisor"].contains(&r.as_str()) => r,
                Some(_) => return Err(Fail::rails_error()),
                None => "agent".into(),
            };
            let t = now();
            let new_id = w.store.id();
            let record = match w
                .store
                .account_users
                .iter_mut()
                .find(|m| m.account_id == account_id && m.user_id == user_id)
            {
                Some(m) => {
                    (m.role, m.updated_at) = (role, t);
                    m.clone()
                }
                None => {
                    let m = AccountUser {
                        id: new_id,
                        account_id,
                        user_id,
                        role,
                        availability: "online".into(),
                        auto_offline: true,
                        active_at: None,
                        created_at: t,
                        updated_at: t,
                    };
                    w.store.account_users.push(m.clone());
                    w.store.record_availability(account_id, user_id);
                    m
                }
            };
            Ok(Reply::json(account_user_record(&record)))
        }
        ("DELETE", ["accounts", id, "account_users"]) => {
            let account_id = permitted(w, app, Kind::Account, id)?;
            if let Some(user_id) = req.id("user_id") {
                w.store
                    .account_users
                    .retain(|m| !(m.account_id == account_id && m.user_id == user_id));
            }
            Ok(Reply::ok())
        }
        ("GET", ["agent_bots"]) => {
            let ids = w.store.platform_apps[app].bots.clone();
            Ok(Reply::json(Value::Array(
                ids.iter()
                    .filter_map(|id| w.store.bot(*id))
                    .map(platform_agent_bot)
                    .collect(),
            )))
        }
        ("POST", ["agent_bots"]) => {
            let mut bot = AgentBot {
                id: w.store.id(),
                account_id: None,
                name: None,
                description: None,
                outgoing_url: None,
                token: token(24),
                secret: token(24),
                bot_config: Default::default(),
                avatar_url: None,
            };
            apply_bot(req, &mut bot);
            w.store.platform_apps[app].bots.push(bot.id);
            w.store.agent_bots.push(bot.clone());
            Ok(Reply::json(platform_agent_bot(&bot)))
        }
        ("GET" | "DELETE", ["agent_bots", id, "avatar"]) | ("GET", ["agent_bots", id]) => {
            let id = permitted(w, app, Kind::Bot, id)?;
            Ok(Reply::json(platform_agent_bot(
                w.store.bot(id).ok_or_else(Fail::rails_not_found)?,
            )))
        }
        ("PATCH" | "PUT", ["agent_bots", id]) => {
            let id = permitted(w, app, Kind::Bot, id)?;
            let bot = w
                .store
                .agent_bots
                .iter_mut()
                .find(|b| b.id == id)
                .ok_or_else(Fail::rails_not_found)?;
            apply_bot(req, bot);
            let bot = bot.clone();
            Ok(Reply::json(platform_agent_bot(&bot)))
        }
        ("DELETE", ["agent_bots", id]) => {
            let id = permitted(w, app, Kind::Bot, id)?;
            w.store.agent_bots.retain(|b| b.id != id);
            w.store.platform_apps[app].bots.retain(|b| *b != id);
            Ok(Reply::ok())
        }
        ("POST", ["users"]) => {
            let email = req.str("email").unwrap_or_default().trim().to_lowercase();
            if !email.contains('@') {
                return Err(Fail::invalid("Email is invalid", &["email"]));
            }
            let id = match w.store.users.iter().find(|u| u.email == email) {
                Some(u) => u.id,
                None => {
                    let password = req
                        .str("password")
                        .ok_or_else(|| Fail::invalid("Password can't be blank", &["password"]))?;
                    let id = w.store.id();
                    let name = req
                        .str("name")
                        .unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
                    w.store.users.push(User {
                        id,
                        name,
                        display_name: req.str("display_name"),
                        email,
                        token: token(24),
                        pubsub_token: token(24),
                        custom_attributes: req.object("custom_attributes").unwrap_or_default(),
                        ui_settings: Default::default(),
                        message_signature: None,
                        confirmed: true,
                        password,
                        avatar_url: None,
                    });
                    id
                }
            };
            if !w.store.platform_apps[app].users.contains(&id) {
                w.store.platform_apps[app].users.push(id);
            }
            Ok(Reply::json(platform_user(
                &w.store,
                w.store.user(id).ok_or_else(Fail::rails_error)?,
            )))
        }
        ("GET", ["users", id]) => {
            let id = permitted(w, app, Kind::User, id)?;
            Ok(Reply::json(platform_user(
                &w.store,
                w.store.user(id).ok_or_else(Fail::rails_not_found)?,
            )))
        }
        ("PATCH" | "PUT", ["users", id]) => {
            let id = permitted(w, app, Kind::User, id)?;
            let user = w
                .store
                .users
                .iter_mut()
                .find(|u| u.id == id)
                .ok_or_else(Fail::rails_not_found)?;
            if let Some(name) = req.str("name") {
                user.name = name;
            }
            if let Some(email) = req.str("email") {
                user.email = email.to_lowercase();
            }
            if let Some(d) = req.body.get("display_name") {
                user.display_name = d.as_str().map(str::to_owned);
            }
            if let Some(p) = req.str("password") {
                user.password = p;
                user.pubsub_token = token(24);
            }
            user.custom_attributes
                .extend(req.object("custom_attributes").unwrap_or_default());
            Ok(Reply::json(platform_user(
                &w.store,
                w.store.user(id).ok_or_else(Fail::rails_error)?,
            )))
        }
        ("DELETE", ["users", id]) => {
            let id = permitted(w, app, Kind::User, id)?;
            w.store.users.retain(|u| u.id != id);
            w.store.account_users.retain(|m| m.user_id != id);
            Ok(Reply::ok())
        }
        ("GET", ["users", id, "login"]) => {
            let id = permitted(w, app, Kind::User, id)?;
            let user = w.store.user(id).ok_or_else(Fail::rails_not_found)?;
            let email = crate::http::encode_component(&user.email);
            Ok(Reply::json(
                json!({ "url": format!("http://localhost/app/login?email={email}&sso_auth_token={}", token(64)) }),
            ))
        }
        ("POST", ["users", id, "token"]) => {
            let id = permitted(w, app, Kind::User, id)?;
            let user = w.store.user(id).ok_or_else(Fail::rails_not_found)?;
            Ok(Reply::json(json!({
                "access_token": user.token,
                "expiry": null,
                "user": { "id": user.id, "name": user.name, "display_name": user.display_name, "email": user.email, "pubsub_token": user.pubsub_token },
            })))
        }
        _ => Err(Fail::no_route()),
    }
}

/// Finds a record (404 first), then checks this app may manage it (401).
fn permitted(w: &World, app: usize, kind: Kind, id: &str) -> Result<Id, Fail> {
    let id: Id = id.parse().map_err(|_| Fail::rails_not_found())?;
    let (exists, allowed) = match kind {
        Kind::Account => (
            w.store.account(id).is_some(),
            &w.store.platform_apps[app].accounts,
        ),
        Kind::User => (
            w.store.user(id).is_some(),
            &w.store.platform_apps[app].users,
        ),
        Kind::Bot => (w.store.bot(id).is_some(), &w.store.platform_apps[app].bots),
    };
    if !exists {
        return Err(Fail::rails_not_found());
    }
    if !allowed.contains(&id) {
        return Err(Fail::error(401, "Non permissible resource"));
    }
    Ok(id)
}

fn apply_account(req: &Req, a: &mut Account) -> Result<(), Fail> {
    if let Some(name) = req.str("name") {
        a.name = name;
    }
    if let Some(locale) = req.str("locale") {
        a.locale = locale;
    }
    if let Some(status) = req.str("status") {
        if status != "active" && status != "suspended" {
            return Err(Fail::rails_error());
        }
        a.status = status;
    }
    for (key, field) in [
        ("domain", &mut a.domain),
        ("support_email", &mut a.support_email),
    ] {
        if let Some(v) = req.body.get(key) {
            *field = v.as_str().map(str::to_owned);
        }
    }
    if let Some(features) = req.object("features") {
        for (name, on) in features {
            a.features.retain(|f| *f != name);
            if on.as_bool().unwrap_or(true) {
                a.features.push(name);
            }
        }
    }
    if let Some(limits) = req.object("limits") {
        const KEYS: [&str; 5] = [
            "inboxes",
            "agents",
            "captain_responses",
            "captain_documents",
            "emails",
        ];
        if limits
            .iter()
            .any(|(k, v)| !KEYS.contains(&k.as_str()) || !v.is_number())
        {
            return Err(Fail::invalid("Limits : Invalid data", &["limits"]));
        }
        a.limits = limits;
    }
    if let Some(custom) = req.object("custom_attributes") {
        a.custom_attributes = custom;
    }
    Ok(())
}

fn apply_bot(req: &Req, bot: &mut AgentBot) {
    for (key, field) in [
        ("name", &mut bot.name),
        ("description", &mut bot.description),
        ("outgoing_url", &mut bot.outgoing_url),
    ] {
        if let Some(v) = req.body.get(key) {
            *field = v.as_str().map(str::to_owned);
        }
    }
    if let Some(account) = req.body.get("account_id") {
        bot.account_id = account.as_u64();
    }
}
