//! Account API, people: agents, teams and their members, agent bots.

use super::{World, seg_id};
use crate::auth::Bots;
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{AccountUser, AgentBot, Id, Team, User, token};
use crate::views::people::{agent, agent_bot, team};
use serde_json::Value;

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", ["agents"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            Ok(Reply::json(Value::Array(members(w, account_id, None))))
        }
        ("POST", ["agents"]) => create_agent(w, req, account_id),
        ("POST", ["agents", "bulk_create"]) => bulk_create(w, req, account_id),
        ("PATCH" | "PUT", ["agents", id]) => update_agent(w, req, account_id, id),
        ("DELETE", ["agents", id]) => {
            let user_id = seg_id(id)?;
            w.store
                .membership(account_id, user_id)
                .ok_or_else(Fail::not_found)?;
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            w.store
                .account_users
                .retain(|m| !(m.account_id == account_id && m.user_id == user_id));
            Ok(Reply::ok())
        }
        ("GET", ["teams"]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let teams: Vec<Value> = w
                .store
                .teams
                .iter()
                .filter(|t| t.account_id == account_id)
                .map(|t| team(&w.store, t, scope.user_id()))
                .collect();
            Ok(Reply::json(Value::Array(teams)))
        }
        ("POST", ["teams"]) => save_team(w, req, account_id, None),
        ("GET", ["teams", id]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let t = find_team(w, account_id, id)?;
            Ok(Reply::json(team(&w.store, &t, scope.user_id())))
        }
        ("PATCH" | "PUT", ["teams", id]) => save_team(w, req, account_id, Some(id)),
        ("DELETE", ["teams", id]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            let t = find_team(w, account_id, id)?;
            w.store.teams.retain(|x| x.id != t.id);
            w.store.team_members.retain(|(team_id, _)| *team_id != t.id);
            w.store
                .conversations
                .iter_mut()
                .filter(|c| c.team_id == Some(t.id))
                .for_each(|c| c.team_id = None);
            Ok(Reply::ok())
        }
        ("GET", ["teams", id, "team_members"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let t = find_team(w, account_id, id)?;
            Ok(Reply::json(Value::Array(members(
                w,
                account_id,
                Some(t.id),
            ))))
        }
        ("POST" | "PATCH" | "DELETE", ["teams", id, "team_members"]) => {
            team_members(w, req, method, account_id, id)
        }
        ("GET", ["agent_bots"]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let bots: Vec<Value> = w
                .store
                .agent_bots
                .iter()
                .filter(|b| b.account_id.is_none_or(|a| a == account_id))
                .map(|b| agent_bot(b, account_id, scope.is_admin()))
                .collect();
            Ok(Reply::json(Value::Array(bots)))
        }
        ("POST", ["agent_bots"]) => save_bot(w, req, account_id, None),
        ("GET", ["agent_bots", id]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let bot_id = seg_id(id)?;
            let bot = w
                .store
                .bot(bot_id)
                .filter(|b| b.account_id.is_none_or(|a| a == account_id))
                .ok_or_else(Fail::not_found)?;
            Ok(Reply::json(agent_bot(bot, account_id, scope.is_admin())))
        }
        ("PATCH" | "PUT", ["agent_bots", id]) => save_bot(w, req, account_id, Some(id)),
        ("DELETE", ["agent_bots", id]) => {
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            let bot_id = own_bot(w, account_id, id)?;
            w.store.agent_bots.retain(|b| b.id != bot_id);
            Ok(Reply::ok())
        }
        ("DELETE", ["agent_bots", id, "avatar"]) => {
            bot_action(w, req, account_id, id, |b| b.avatar_url = None)
        }
        ("POST", ["agent_bots", id, "reset_access_token"]) => {
            bot_action(w, req, account_id, id, |b| b.token = token(24))
        }
        ("POST", ["agent_bots", id, "reset_secret"]) => {
            bot_action(w, req, account_id, id, |b| b.secret = token(24))
        }
        _ => Err(Fail::no_route()),
    }
}

/// The account's users (or a team's members), by name.
fn members(w: &World, account_id: Id, team_id: Option<Id>) -> Vec<Value> {
    let mut users: Vec<&User> = w
        .store
        .account_users
        .iter()
        .filter(|m| m.account_id == account_id)
        .filter(|m| team_id.is_none_or(|t| w.store.team_members.contains(&(t, m.user_id))))
        .filter_map(|m| w.store.user(m.user_id))
        .collect();
    users.sort_by_key(|u| u.name.to_lowercase());
    users
        .into_iter()
        .map(|u| agent(&w.store, account_id, u))
        .collect()
}

fn role_param(req: &Req) -> Result<Option<String>, Fail> {
    match req.str("role") {
        Some(r) if ["agent", "administrator", "supervisor"].contains(&r.as_str()) => Ok(Some(r)),
        Some(_) => Err(Fail::rails_error()),
        None => Ok(None),
    }
}

fn availability_param(req: &Req) -> Result<Option<String>, Fail> {
    match req.str("availability") {
        Some(a) if ["online", "offline", "busy"].contains(&a.as_str()) => Ok(Some(a)),
        Some(_) => Err(Fail::rails_error()),
        None => Ok(None),
    }
}

fn create_agent(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let email = req.str("email").unwrap_or_default().trim().to_lowercase();
    if !email.contains('@') {
        return Err(Fail::invalid("Email is invalid", &["email"]));
    }
    let (role, availability) = (role_param(req)?, availability_param(req)?);
    let name = req
        .str("name")
        .unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
    let user_id = find_or_create_user(w, &email, name);
    if w.store.membership(account_id, user_id).is_some() {
        return Err(Fail::invalid("User has already been taken", &["user_id"]));
    }
    let t = now();
    let id = w.store.id();
    w.store.account_users.push(AccountUser {
        id,
        account_id,
        user_id,
        role: role.unwrap_or_else(|| "agent".into()),
        availability: availability.unwrap_or_else(|| "online".into()),
        auto_offline: req.bool("auto_offline").unwrap_or(true),
        active_at: None,
        created_at: t,
        updated_at: t,
    });
    w.store.record_availability(account_id, user_id);
    let user = w.store.user(user_id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(agent(&w.store, account_id, user)))
}

/// `User.from_email`, or a new unconfirmed user (`AgentBuilder#find_or_create_user`).
fn find_or_create_user(w: &mut World, email: &str, name: String) -> Id {
    if let Some(u) = w.store.users.iter().find(|u| u.email == email) {
        return u.id;
    }
    let id = w.store.id();
    w.store.users.push(User {
        id,
        name,
        display_name: None,
        email: email.to_owned(),
        token: token(24),
        pubsub_token: token(24),
        custom_attributes: Default::default(),
        ui_settings: Default::default(),
        message_signature: None,
        confirmed: false,
        password: token(16),
        avatar_url: None,
    });
    id
}

/// Devise's `email_regexp` (`/\A[^@\s]+@[^@\s]+\z/`).
fn valid_email(email: &str) -> bool {
    email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.is_empty()
            && !domain.contains('@')
            && !email.chars().any(char::is_whitespace)
    })
}

/// `AgentsController#bulk_create` (administrators): one `AgentBuilder` an email, with the
/// builder's defaults (role `agent`, `offline`, no auto-offline) and the email's local part as
/// name. An invalid email or a user already in the account fails validation and is skipped;
/// a list longer than the free seats is refused first (402). Clears `onboarding_step`.
fn bulk_create(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    // `validate_limit_for_bulk_create` calls `params[:emails].count`: without a list that is
    // a `NoMethodError`.
    let Some(Value::Array(emails)) = req.param("emails") else {
        return Err(Fail::rails_error());
    };
    let account = w.store.account(account_id).ok_or_else(Fail::not_found)?;
    let members = w
        .store
        .account_users
        .iter()
        .filter(|m| m.account_id == account_id)
        .count();
    let limit = account.limits.get("agents").and_then(Value::as_u64);
    if limit.is_some_and(|l| emails.len() as u64 > l.saturating_sub(members as u64)) {
        return Err(Fail::error(
            402,
            "Account limit exceeded. Please purchase more licenses",
        ));
    }
    for email in emails.iter().filter_map(Value::as_str) {
        let name = email.split('@').next().unwrap_or_default().to_owned();
        let email = email.trim().to_lowercase();
        let existing = w.store.users.iter().any(|u| u.email == email);
        if !existing && !valid_email(&email) {
            continue;
        }
        let user_id = find_or_create_user(w, &email, name);
        if w.store.membership(account_id, user_id).is_some() {
            continue;
        }
        let (id, t) = (w.store.id(), now());
        w.store.account_users.push(AccountUser {
            id,
            account_id,
            user_id,
            role: "agent".into(),
            availability: "offline".into(),
            auto_offline: false,
            active_at: None,
            created_at: t,
            updated_at: t,
        });
        w.store.record_availability(account_id, user_id);
    }
    if let Some(account) = w.store.accounts.get_mut(account_id) {
        account.custom_attributes.remove("onboarding_step");
    }
    Ok(Reply::ok())
}

fn update_agent(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let user_id = seg_id(id)?;
    w.store
        .membership(account_id, user_id)
        .ok_or_else(Fail::not_found)?;
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let (role, availability) = (role_param(req)?, availability_param(req)?);
    if let Some(m) = w
        .store
        .account_users
        .iter_mut()
        .find(|m| m.account_id == account_id && m.user_id == user_id)
    {
        if let Some(r) = role {
            m.role = r;
        }
        if let Some(a) = availability {
            m.availability = a;
        }
        if let Some(b) = req.bool("auto_offline") {
            m.auto_offline = b;
        }
        m.updated_at = now();
    }
    w.store.record_availability(account_id, user_id);
    if let Some(name) = req.str("name")
        && let Some(u) = w.store.users.iter_mut().find(|u| u.id == user_id)
    {
        u.name = name;
    }
    let user = w.store.user(user_id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(agent(&w.store, account_id, user)))
}

fn find_team(w: &World, account_id: Id, id: &str) -> Result<Team, Fail> {
    let id = seg_id(id)?;
    w.store
        .teams
        .iter()
        .find(|t| t.id == id && t.account_id == account_id)
        .cloned()
        .ok_or_else(Fail::not_found)
}

fn save_team(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    scope.require_admin()?;
    let mut t = match id {
        Some(id) => find_team(w, account_id, id)?,
        None => Team {
            id: w.store.id(),
            account_id,
            name: String::new(),
            description: None,
            allow_auto_assign: true,
            created_at: now(),
            updated_at: now(),
        },
    };
    if id.is_none() && req.param("name").is_none() {
        return Err(Fail::missing("team"));
    }
    if let Some(name) = req.str("name") {
        t.name = name.trim().to_lowercase();
    }
    if t.name.is_empty() {
        return Err(Fail::invalid("Name must not be blank", &["name"]));
    }
    if w.store
        .teams
        .iter()
        .any(|o| o.account_id == account_id && o.id != t.id && o.name == t.name)
    {
        return Err(Fail::invalid("Name has already been taken", &["name"]));
    }
    if let Some(d) = req.body.get("description") {
        t.description = d.as_str().map(str::to_owned);
    }
    if let Some(b) = req.bool("allow_auto_assign") {
        t.allow_auto_assign = b;
    }
    t.updated_at = now();
    match w.store.teams.get_mut(t.id) {
        Some(existing) => *existing = t.clone(),
        None => {
            w.store.teams.push(t.clone());
        }
    }
    Ok(Reply::json(team(&w.store, &t, scope.user_id())))
}

/// Adds (POST), sets (PATCH) or removes (DELETE) team members.
fn team_members(w: &mut World, req: &Req, method: &str, account_id: Id, id: &str) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let t = find_team(w, account_id, id)?;
    let ids = req.ids("user_ids").ok_or_else(Fail::rails_error)?;
    if ids
        .iter()
        .any(|u| w.store.membership(account_id, *u).is_none())
    {
        return Err(Fail::error(401, "Invalid User IDs"));
    }
    let current: Vec<Id> = w
        .store
        .team_members
        .iter()
        .filter(|(team_id, _)| *team_id == t.id)
        .map(|(_, u)| *u)
        .collect();
    let added: Vec<Id> = ids
        .iter()
        .copied()
        .filter(|u| !current.contains(u))
        .collect();
    match method {
        "POST" => w
            .store
            .team_members
            .extend(added.iter().map(|u| (t.id, *u))),
        "PATCH" => {
            w.store
                .team_members
                .retain(|(team_id, u)| *team_id != t.id || ids.contains(u));
            w.store
                .team_members
                .extend(added.iter().map(|u| (t.id, *u)));
        }
        _ => {
            w.store
                .team_members
                .retain(|(team_id, u)| *team_id != t.id || !ids.contains(u));
            return Ok(Reply::ok());
        }
    }
    let shown: Vec<Value> = if method == "POST" {
        added
            .iter()
            .filter_map(|u| w.store.user(*u))
            .map(|u| agent(&w.store, account_id, u))
            .collect()
    } else {
        members(w, account_id, Some(t.id))
    };
    Ok(Reply::json(Value::Array(shown)))
}

/// One of the account's own bots (system bots cannot be changed from an account).
fn own_bot(w: &World, account_id: Id, id: &str) -> Result<Id, Fail> {
    let bot_id = seg_id(id)?;
    w.store
        .bot(bot_id)
        .filter(|b| b.account_id == Some(account_id))
        .map(|b| b.id)
        .ok_or_else(Fail::not_found)
}

fn save_bot(w: &mut World, req: &Req, account_id: Id, id: Option<&str>) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    if let Some(t) = req.str("bot_type")
        && t != "webhook"
    {
        return Err(Fail::rails_error());
    }
    let mut bot = match id {
        Some(id) => {
            let bot_id = own_bot(w, account_id, id)?;
            w.store.bot(bot_id).cloned().ok_or_else(Fail::not_found)?
        }
        None => AgentBot {
            id: w.store.id(),
            account_id: Some(account_id),
            name: None,
            description: None,
            outgoing_url: None,
            token: token(24),
            secret: token(24),
            bot_config: Default::default(),
            avatar_url: None,
        },
    };
    for (key, field) in [
        ("name", &mut bot.name),
        ("description", &mut bot.description),
        ("outgoing_url", &mut bot.outgoing_url),
    ] {
        if let Some(v) = req.body.get(key) {
            *field = v.as_str().map(str::to_owned);
        }
    }
    if let Some(config) = req.object("bot_config") {
        bot.bot_config = config;
    }
    if let Some(file) = req.files("avatar").first() {
        let id = w.store.add_blob(file);
        bot.avatar_url = w.store.blob(id).map(|b| w.store.blob_url(b));
    }
    match w.store.agent_bots.get_mut(bot.id) {
        Some(existing) => *existing = bot.clone(),
        None => {
            w.store.agent_bots.push(bot.clone());
        }
    }
    Ok(Reply::json(agent_bot(&bot, account_id, true)))
}

fn bot_action(
    w: &mut World,
    req: &Req,
    account_id: Id,
    id: &str,
    change: impl FnOnce(&mut AgentBot),
) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let bot_id = own_bot(w, account_id, id)?;
    let bot = w
        .store
        .agent_bots
        .iter_mut()
        .find(|b| b.id == bot_id)
        .ok_or_else(Fail::not_found)?;
    change(bot);
    let bot = bot.clone();
    Ok(Reply::json(agent_bot(&bot, account_id, true)))
}
