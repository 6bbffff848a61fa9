//! Who is calling, as the server decides it: user, agent-bot and platform-app tokens, account
//! membership and roles, and the bot allow-list.

use crate::http::{Fail, Req};
use crate::store::{Id, Store};
use serde_json::json;

/// The caller of an account-API endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Actor {
    /// A user, with their role in the account.
    User { id: Id, role: Role },
    /// An agent bot.
    Bot { id: Id },
}

/// Account roles. Live Agent's supervisor sees every conversation like an administrator but
/// manages nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Agent,
    Supervisor,
    Administrator,
}

/// The account an account-API call acts on, and who calls.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope {
    pub account_id: Id,
    pub actor: Actor,
}

impl Scope {
    pub(crate) fn user_id(&self) -> Option<Id> {
        match self.actor {
            Actor::User { id, .. } => Some(id),
            Actor::Bot { .. } => None,
        }
    }

    pub(crate) fn is_admin(&self) -> bool {
        matches!(
            self.actor,
            Actor::User {
                role: Role::Administrator,
                ..
            }
        )
    }

    /// Sees every conversation and inbox of the account.
    pub(crate) fn sees_all(&self) -> bool {
        matches!(
            self.actor,
            Actor::User {
                role: Role::Administrator | Role::Supervisor,
                ..
            } | Actor::Bot { .. }
        )
    }

    /// Administrators only, else the Pundit denial.
    pub(crate) fn require_admin(&self) -> Result<(), Fail> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(Fail::forbidden())
        }
    }
}

/// Whether agent bots may call an endpoint (`AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bots {
    Allowed,
    Denied,
}

fn role(text: &str) -> Role {
    match text {
        "administrator" => Role::Administrator,
        "supervisor" => Role::Supervisor,
        _ => Role::Agent,
    }
}

/// Authenticates an account-API call.
pub(crate) fn account(store: &Store, req: &Req, account_id: Id, bots: Bots) -> Result<Scope, Fail> {
    let Some(token) = req.token.as_deref() else {
        return Err(Fail::new(
            401,
            json!({ "errors": ["You need to sign in or sign up before continuing."] }),
        ));
    };
    if let Some(user) = store.users.iter().find(|u| u.token == token) {
        let account = store.account(account_id).ok_or_else(Fail::not_found)?;
        let member = store
            .membership(account_id, user.id)
            .ok_or_else(|| Fail::error(401, "You are not authorized to access this account"))?;
        if account.status == "suspended" {
            return Err(Fail::error(401, "Account is suspended"));
        }
        return Ok(Scope {
            account_id,
            actor: Actor::User {
                id: user.id,
                role: role(&member.role),
            },
        });
    }
    if let Some(bot) = store.agent_bots.iter().find(|b| b.token == token) {
        if bots == Bots::Denied {
            return Err(Fail::error(
                401,
                "Access to this endpoint is not authorized for bots",
            ));
        }
        store.account(account_id).ok_or_else(Fail::not_found)?;
        if bot.account_id.is_some_and(|a| a != account_id) {
            return Err(Fail::error(
                401,
                "Bot is not authorized to access this account",
            ));
        }
        return Ok(Scope {
            account_id,
            actor: Actor::Bot { id: bot.id },
        });
    }
    Err(Fail::error(401, "Invalid Access Token"))
}

/// Authenticates a profile call: a user token, no account.
pub(crate) fn profile_user(store: &Store, req: &Req) -> Result<Id, Fail> {
    let token = req.token.as_deref().ok_or_else(|| {
        Fail::new(
            401,
            json!({ "errors": ["You need to sign in or sign up before continuing."] }),
        )
    })?;
    if store.agent_bots.iter().any(|b| b.token == token) {
        return Err(Fail::error(
            401,
            "Access to this endpoint is not authorized for bots",
        ));
    }
    store
        .users
        .iter()
        .find(|u| u.token == token)
        .map(|u| u.id)
        .ok_or_else(|| Fail::error(401, "Invalid Access Token"))
}

/// Authenticates a platform call; returns the app's index.
pub(crate) fn platform(store: &Store, req: &Req) -> Result<usize, Fail> {
    let token = req.token.as_deref().unwrap_or_default();
    store
        .platform_apps
        .iter()
        .position(|a| !token.is_empty() && a.token == token)
        .ok_or_else(|| Fail::error(401, "Invalid access_token"))
}
