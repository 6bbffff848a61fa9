//! Account API, agent bots: `/api/v1/accounts/{account_id}/agent_bots...`.

use crate::schema::JsonObject;
use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `GET agent_bots`: the account's bots and the system bots.
    pub struct ListAgentBotsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `POST agent_bots` (administrators).
    pub struct CreateAgentBotParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Name.
        body name: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Webhook URL the server posts events to.
        body outgoing_url: Option<String>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Avatar image to upload; the body then goes as `multipart/form-data`.
        body avatar: Option<Upload>,
        /// Bot type (`webhook`).
        body bot_type: Option<String>,
        /// Bot settings.
        body bot_config: Option<JsonObject>,
    }
}

params! {
    /// `GET agent_bots/{agent_bot_id}`.
    pub struct GetAgentBotParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Bot.
        path agent_bot_id: Id,
    }
}

params! {
    /// `PATCH agent_bots/{agent_bot_id}` (administrators).
    pub struct UpdateAgentBotParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Bot.
        path agent_bot_id: Id,
        /// Name.
        body name: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Webhook URL.
        body outgoing_url: Option<String>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Avatar image to upload; the body then goes as `multipart/form-data`.
        body avatar: Option<Upload>,
        /// Bot type.
        body bot_type: Option<String>,
        /// Bot settings.
        body bot_config: Option<JsonObject>,
    }
}

params! {
    /// `DELETE agent_bots/{agent_bot_id}` (administrators).
    pub struct DeleteAgentBotParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Bot.
        path agent_bot_id: Id,
    }
}

params! {
    /// `DELETE agent_bots/{agent_bot_id}/avatar` (administrators).
    pub struct DeleteAgentBotAvatarParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Bot.
        path agent_bot_id: Id,
    }
}

params! {
    /// `POST agent_bots/{agent_bot_id}/reset_access_token` (administrators).
    pub struct ResetAgentBotAccessTokenParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Bot.
        path agent_bot_id: Id,
    }
}

params! {
    /// `POST agent_bots/{agent_bot_id}/reset_secret`: a new webhook signing secret (administrators).
    pub struct ResetAgentBotSecretParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Bot.
        path agent_bot_id: Id,
    }
}
