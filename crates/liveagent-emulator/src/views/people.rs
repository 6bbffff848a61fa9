//! Users, agents, agent bots and teams.

use super::object;
use crate::clock::iso;
use crate::store::{AccountUser, AgentBot, Id, Store, Team, User};
use serde_json::{Map, Value, json};

/// `api/v1/models/_agent.json.jbuilder`.
pub(crate) fn agent(store: &Store, account_id: Id, user: &User) -> Value {
    let member = store.membership(account_id, user.id);
    let mut o = object([
        ("id", json!(user.id)),
        ("account_id", json!(account_id)),
        (
            "availability_status",
            json!(member.map(|m| m.availability.as_str())),
        ),
        ("auto_offline", json!(member.map(|m| m.auto_offline))),
        ("confirmed", json!(user.confirmed)),
        ("email", json!(user.email)),
        ("provider", json!("email")),
        ("available_name", json!(user.available_name())),
    ]);
    if !user.custom_attributes.is_empty() {
        o.insert(
            "custom_attributes".into(),
            Value::Object(user.custom_attributes.clone()),
        );
    }
    o.insert("name".into(), json!(user.name));
    o.insert("role".into(), json!(member.map(|m| m.role.as_str())));
    o.insert("thumbnail".into(), json!(avatar(&user.avatar_url)));
    Value::Object(o)
}

/// An avatar's URL as the views render it: `""` when there is none.
fn avatar(url: &Option<String>) -> &str {
    url.as_deref().unwrap_or("")
}

/// `User#push_event_data`: a user as a message sender.
pub(crate) fn user_push(store: &Store, account_id: Id, user: &User) -> Value {
    json!({
        "id": user.id,
        "name": user.name,
        "available_name": user.available_name(),
        "avatar_url": avatar(&user.avatar_url),
        "type": "user",
        "availability_status": store.membership(account_id, user.id).map(|m| m.availability.as_str()),
        "thumbnail": avatar(&user.avatar_url),
    })
}

/// `api/v1/models/_agent_bot_slim.json.jbuilder`.
pub(crate) fn agent_bot_slim(bot: &AgentBot) -> Value {
    let mut o = object([
        ("id", json!(bot.id)),
        ("name", json!(bot.name)),
        ("description", json!(bot.description)),
        ("thumbnail", json!(avatar(&bot.avatar_url))),
    ]);
    if bot.account_id.is_some() {
        o.insert("outgoing_url".into(), json!(bot.outgoing_url));
    }
    o.insert("bot_type".into(), json!("webhook"));
    Value::Object(o)
}

/// `AgentBot#push_event_data`: a bot as a message sender.
pub(crate) fn bot_push(bot: &AgentBot) -> Value {
    json!({ "id": bot.id, "name": bot.name, "avatar_url": avatar(&bot.avatar_url), "type": "agent_bot" })
}

/// `api/v1/models/_agent_bot.json.jbuilder` (through `AgentBotPresenter`).
pub(crate) fn agent_bot(bot: &AgentBot, account_id: Id, admin: bool) -> Value {
    let mut o = object([
        ("id", json!(bot.id)),
        ("name", json!(bot.name)),
        ("description", json!(bot.description)),
        ("thumbnail", json!(avatar(&bot.avatar_url))),
    ]);
    if bot.account_id.is_some() {
        o.insert("outgoing_url".into(), json!(bot.outgoing_url));
    }
    o.insert("bot_type".into(), json!("webhook"));
    o.insert("bot_config".into(), Value::Object(bot.bot_config.clone()));
    o.insert("account_id".into(), json!(bot.account_id));
    if bot.account_id == Some(account_id) {
        o.insert("access_token".into(), json!(bot.token));
        if admin {
            o.insert("secret".into(), json!(bot.secret));
        }
    }
    o.insert("system_bot".into(), json!(bot.account_id.is_none()));
    Value::Object(o)
}

/// `platform/api/v1/models/_agent_bot.json.jbuilder`.
pub(crate) fn platform_agent_bot(bot: &AgentBot) -> Value {
    json!({
        "id": bot.id,
        "name": bot.name,
        "description": bot.description,
        "outgoing_url": bot.outgoing_url,
        "account_id": bot.account_id,
        "access_token": bot.token,
    })
}

/// `api/v1/models/_team.json.jbuilder`.
pub(crate) fn team(store: &Store, team: &Team, caller: Option<Id>) -> Value {
    json!({
        "id": team.id,
        "name": team.name,
        "description": team.description,
        "allow_auto_assign": team.allow_auto_assign,
        "account_id": team.account_id,
        "is_member": caller.is_some_and(|u| store.team_members.contains(&(team.id, u))),
    })
}

/// `render json: @team`: every column.
pub(crate) fn team_row(team: &Team) -> Value {
    json!({
        "id": team.id,
        "name": team.name,
        "description": team.description,
        "allow_auto_assign": team.allow_auto_assign,
        "account_id": team.account_id,
        "created_at": iso(Some(team.created_at)),
        "updated_at": iso(Some(team.updated_at)),
    })
}

/// The user's most recently active membership.
fn active_membership<'a>(store: &'a Store, user: &User) -> Option<&'a AccountUser> {
    store
        .account_users
        .iter()
        .filter(|m| m.user_id == user.id)
        .max_by(|a, b| {
            a.active_at
                .unwrap_or(0.0)
                .total_cmp(&b.active_at.unwrap_or(0.0))
        })
}

/// The part both user views render alike: custom attributes (when set), the active role, UI
/// settings and `uid`.
fn user_settings(o: &mut Map<String, Value>, user: &User, active: Option<&AccountUser>) {
    if !user.custom_attributes.is_empty() {
        o.insert(
            "custom_attributes".into(),
            Value::Object(user.custom_attributes.clone()),
        );
    }
    o.insert("role".into(), json!(active.map(|m| m.role.as_str())));
    o.insert(
        "ui_settings".into(),
        Value::Object(user.ui_settings.clone()),
    );
    o.insert("uid".into(), json!(user.email));
}

/// `api/v1/models/_user.json.jbuilder`: the profile.
pub(crate) fn profile(store: &Store, user: &User) -> Value {
    let active = active_membership(store, user);
    let mut o = object([
        ("access_token", json!(user.token)),
        ("account_id", json!(active.map(|m| m.account_id))),
        ("available_name", json!(user.available_name())),
        ("avatar_url", json!(avatar(&user.avatar_url))),
        ("confirmed", json!(user.confirmed)),
        ("display_name", json!(user.display_name)),
        ("message_signature", json!(user.message_signature)),
        ("email", json!(user.email)),
        ("id", json!(user.id)),
        ("inviter_id", Value::Null),
        ("name", json!(user.name)),
        ("provider", json!("email")),
        ("pubsub_token", json!(user.pubsub_token)),
    ]);
    user_settings(&mut o, user, active);
    o.insert("type".into(), Value::Null);
    let accounts: Vec<Value> = store
        .account_users
        .iter()
        .filter(|m| m.user_id == user.id)
        .filter_map(|m| {
            let account = store.account(m.account_id)?;
            Some(json!({
                "id": account.id,
                "name": account.name,
                "status": account.status,
                "onboarding_step": null,
                "active_at": iso(m.active_at),
                "role": m.role,
                "permissions": [m.role],
                "availability": m.availability,
                "availability_status": m.availability,
                "auto_offline": m.auto_offline,
            }))
        })
        .collect();
    o.insert("accounts".into(), Value::Array(accounts));
    Value::Object(o)
}

/// `platform/api/v1/models/_user.json.jbuilder`.
pub(crate) fn platform_user(store: &Store, user: &User) -> Value {
    let active = active_membership(store, user);
    let mut o = object([
        ("access_token", json!(user.token)),
        ("account_id", json!(active.map(|m| m.account_id))),
        ("available_name", json!(user.available_name())),
        ("avatar_url", json!(avatar(&user.avatar_url))),
        ("confirmed", json!(user.confirmed)),
        ("display_name", json!(user.display_name)),
        ("message_signature", json!(user.message_signature)),
        ("email", json!(user.email)),
        ("id", json!(user.id)),
        ("name", json!(user.name)),
        ("provider", json!("email")),
        ("pubsub_token", json!(user.pubsub_token)),
    ]);
    user_settings(&mut o, user, active);
    let accounts: Vec<Value> = store
        .account_users
        .iter()
        .filter(|m| m.user_id == user.id)
        .filter_map(|m| {
            let account = store.account(m.account_id)?;
            Some(json!({ "id": account.id, "name": account.name, "active_at": iso(m.active_at), "role": m.role }))
        })
        .collect();
    o.insert("accounts".into(), Value::Array(accounts));
    Value::Object(o)
}

/// `AccountUser#as_json`: every column.
pub(crate) fn account_user_record(m: &AccountUser) -> Value {
    json!({
        "id": m.id,
        "account_id": m.account_id,
        "user_id": m.user_id,
        "role": m.role,
        "inviter_id": null,
        "created_at": iso(Some(m.created_at)),
        "updated_at": iso(Some(m.updated_at)),
        "active_at": iso(m.active_at),
        "availability": m.availability,
        "auto_offline": m.auto_offline,
        "custom_role_id": null,
        "agent_capacity_policy_id": null,
    })
}
