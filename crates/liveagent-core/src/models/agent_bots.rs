//! Account API, agent bots: `/api/v1/accounts/{account_id}/agent_bots...`.

use crate::schema::JsonObject;
use crate::types::{Id, Secret};

model! {
    /// An agent bot (`models/_agent_bot.json.jbuilder`).
    pub struct AgentBot {
        /// Bot id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Description.
        description: Option<String>,
        /// Avatar URL (`""` if none).
        thumbnail: String,
        /// Webhook URL (absent for system bots).
        outgoing_url: Option<String>,
        /// Bot type (`webhook`).
        bot_type: Option<String>,
        /// Bot settings.
        bot_config: JsonObject,
        /// Account (`null` for system bots).
        account_id: Option<Id>,
        /// The bot's API token (the account's own bots only).
        access_token: Option<Secret>,
        /// Webhook signing secret (administrators; the account's own bots only).
        secret: Option<Secret>,
        /// An installation-wide bot.
        system_bot: bool,
    }
}
