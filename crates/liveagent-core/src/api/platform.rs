//! Platform API: `/platform/api/v1/...`. Needs a platform-app token; an app may manage only the
//! accounts, users and bots it created.

use crate::models::{AccountStatus, Role};
use crate::schema::JsonObject;
use crate::types::Id;
use std::collections::BTreeMap;

params! {
    /// `GET accounts`: the accounts this app manages.
    pub struct ListPlatformAccountsParams {}
}

params! {
    /// `POST accounts`.
    pub struct CreatePlatformAccountParams {
        /// Name.
        body name: String,
        /// Locale (`en`, `de`, `pt_BR`, ...).
        body locale: Option<String>,
        /// Inbound email domain.
        body domain: Option<String>,
        /// Support email.
        body support_email: Option<String>,
        /// Status.
        body status: Option<AccountStatus>,
        /// Features to turn on (`true`) or off (`false`).
        body features: Option<BTreeMap<String, bool>>,
        /// Limits (`inboxes`, `agents`, `captain_responses`, `captain_documents`, `emails`).
        body limits: Option<JsonObject>,
        /// Custom attributes.
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `GET accounts/{account_id}`.
    pub struct GetPlatformAccountParams {
        /// Account.
        path account_id: Id,
    }
}

params! {
    /// `PATCH accounts/{account_id}`.
    pub struct UpdatePlatformAccountParams {
        /// Account.
        path account_id: Id,
        /// Name.
        body name: Option<String>,
        /// Locale.
        body locale: Option<String>,
        /// Inbound email domain.
        body domain: Option<String>,
        /// Support email.
        body support_email: Option<String>,
        /// Status.
        body status: Option<AccountStatus>,
        /// Features to turn on or off.
        body features: Option<BTreeMap<String, bool>>,
        /// Limits.
        body limits: Option<JsonObject>,
        /// Custom attributes (replace the stored ones).
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `DELETE accounts/{account_id}` (asynchronous on the server).
    pub struct DeletePlatformAccountParams {
        /// Account.
        path account_id: Id,
    }
}

params! {
    /// `GET accounts/{account_id}/account_users`.
    pub struct ListPlatformAccountUsersParams {
        /// Account.
        path account_id: Id,
    }
}

params! {
    /// `POST accounts/{account_id}/account_users`: add a user, or change their role.
    pub struct CreatePlatformAccountUserParams {
        /// Account.
        path account_id: Id,
        /// User.
        body user_id: Id,
        /// Role (default `agent`).
        body role: Option<Role>,
    }
}

params! {
    /// `DELETE accounts/{account_id}/account_users`.
    pub struct DeletePlatformAccountUserParams {
        /// Account.
        path account_id: Id,
        /// User (sent in the query: the spec gives this DELETE no body).
        query user_id: Id,
    }
}

params! {
    /// `GET agent_bots`: the bots this app manages.
    pub struct ListPlatformAgentBotsParams {}
}

params! {
    /// `POST agent_bots`.
    pub struct CreatePlatformAgentBotParams {
        /// Name.
        body name: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Webhook URL.
        body outgoing_url: Option<String>,
        /// Account (leave out for a system bot available to every account).
        body account_id: Option<Id>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
    }
}

params! {
    /// `GET agent_bots/{agent_bot_id}`.
    pub struct GetPlatformAgentBotParams {
        /// Bot.
        path agent_bot_id: Id,
    }
}

params! {
    /// `PATCH agent_bots/{agent_bot_id}`.
    pub struct UpdatePlatformAgentBotParams {
        /// Bot.
        path agent_bot_id: Id,
        /// Name.
        body name: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Webhook URL.
        body outgoing_url: Option<String>,
        /// Account.
        body account_id: Option<Id>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
    }
}

params! {
    /// `DELETE agent_bots/{agent_bot_id}`.
    pub struct DeletePlatformAgentBotParams {
        /// Bot.
        path agent_bot_id: Id,
    }
}

params! {
    /// `DELETE agent_bots/{agent_bot_id}/avatar`.
    pub struct DeletePlatformAgentBotAvatarParams {
        /// Bot.
        path agent_bot_id: Id,
    }
}

params! {
    /// `POST users`: create a user (or take over an existing one with that email).
    pub struct CreatePlatformUserParams {
        /// Email.
        body email: String,
        /// Name.
        body name: Option<String>,
        /// Display name.
        body display_name: Option<String>,
        /// Password.
        body password: Option<String>,
        /// Custom attributes.
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `GET users/{user_id}`.
    pub struct GetPlatformUserParams {
        /// User.
        path user_id: Id,
    }
}

params! {
    /// `PATCH users/{user_id}`.
    pub struct UpdatePlatformUserParams {
        /// User.
        path user_id: Id,
        /// Email.
        body email: Option<String>,
        /// Name.
        body name: Option<String>,
        /// Display name.
        body display_name: Option<String>,
        /// Password.
        body password: Option<String>,
        /// Custom attributes (merged).
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `DELETE users/{user_id}` (asynchronous on the server).
    pub struct DeletePlatformUserParams {
        /// User.
        path user_id: Id,
    }
}

params! {
    /// `GET users/{user_id}/login`: a single-use dashboard sign-in link.
    pub struct GetPlatformUserLoginParams {
        /// User.
        path user_id: Id,
    }
}

params! {
    /// `POST users/{user_id}/token`: the user's API token.
    pub struct CreatePlatformUserTokenParams {
        /// User.
        path user_id: Id,
    }
}
