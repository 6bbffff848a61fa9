//! Account API, agents: `/api/v1/accounts/{account_id}/agents...`, and agent bots as assignees.

use crate::schema::JsonObject;
use crate::types::Id;

open_enum! {
    /// A user's role in an account.
    pub enum Role {
        /// Agent.
        Agent = "agent" (0),
        /// Administrator.
        Administrator = "administrator" (1),
        /// Live Agent: supervisor (between agent and administrator).
        Supervisor = "supervisor",
    }
}

open_enum! {
    /// Presence of a user or contact.
    pub enum Availability {
        /// Online.
        Online = "online" (0),
        /// Offline.
        Offline = "offline" (1),
        /// Busy.
        Busy = "busy" (2),
    }
}

model! {
    /// A user of the account (`models/_agent.json.jbuilder`).
    pub struct Agent {
        /// User id.
        id: Id,
        /// The account of the request.
        account_id: Option<Id>,
        /// Presence now.
        availability_status: Option<Availability>,
        /// Goes offline when the dashboard closes.
        auto_offline: Option<bool>,
        /// Whether the invitation was accepted.
        confirmed: bool,
        /// Email.
        email: String,
        /// Sign-in provider (`email`, `saml`, ...).
        provider: Option<String>,
        /// Display name, else name.
        available_name: String,
        /// Custom attributes (present when set).
        custom_attributes: Option<JsonObject>,
        /// Name.
        name: String,
        /// Role in this account.
        role: Option<Role>,
        /// Avatar URL (`""` if none).
        thumbnail: String,
        /// Custom role (enterprise).
        custom_role_id: Option<Id>,
    }
}

model! {
    /// An agent bot in short (`models/_agent_bot_slim.json.jbuilder`).
    pub struct AgentBotSlim {
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
        bot_type: String,
    }
}
