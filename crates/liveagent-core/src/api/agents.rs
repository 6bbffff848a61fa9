//! Account API, agents: `/api/v1/accounts/{account_id}/agents...`.

use crate::models::{Availability, Role};
use crate::types::Id;

params! {
    /// `GET agents`: every user of the account, by name.
    pub struct ListAgentsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `POST agents`: invite a user (administrators).
    pub struct CreateAgentParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Email.
        body email: String,
        /// Name (default: the email's local part).
        body name: Option<String>,
        /// Role (default `agent`).
        body role: Option<Role>,
        /// Availability (default `online`).
        body availability: Option<Availability>,
        /// Go offline when the dashboard closes (default true).
        body auto_offline: Option<bool>,
        /// Custom role (enterprise).
        body custom_role_id: Option<Id>,
    }
}

params! {
    /// `PATCH agents/{agent_id}` (administrators).
    pub struct UpdateAgentParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// User id.
        path agent_id: Id,
        /// Name.
        body name: Option<String>,
        /// Role.
        body role: Option<Role>,
        /// Availability.
        body availability: Option<Availability>,
        /// Go offline when the dashboard closes.
        body auto_offline: Option<bool>,
        /// Custom role (enterprise; leaving it out clears it there).
        body custom_role_id: Option<Id>,
    }
}

params! {
    /// `DELETE agents/{agent_id}`: remove a user from the account (administrators).
    pub struct DeleteAgentParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// User id.
        path agent_id: Id,
    }
}

params! {
    /// `POST agents/bulk_create` (administrators): invite several users at once, each as an
    /// agent named after its email's local part. Emails of users already in the account and
    /// invalid emails are skipped without an error; a list longer than the account's free
    /// seats is refused with 402.
    pub struct BulkCreateAgentsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The emails to invite.
        body emails: Vec<String>,
    }
}
