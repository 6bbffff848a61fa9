//! Platform API: `/platform/api/v1/...` (platform-app token).

use super::{AccountStatus, Availability, Role};
use crate::schema::JsonObject;
use crate::types::{Id, Secret, Timestamp};
use std::collections::BTreeMap;

model! {
    /// An account as the platform API shows it.
    pub struct PlatformAccount {
        /// Account id.
        id: Id,
        /// Name.
        name: String,
        /// Locale.
        locale: Option<String>,
        /// Inbound email domain.
        domain: Option<String>,
        /// Support email (the installation's when unset).
        support_email: Option<String>,
        /// Enabled features.
        features: BTreeMap<String, Option<bool>>,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// Limits (`inboxes`, `agents`, ...).
        limits: JsonObject,
        /// Status.
        status: AccountStatus,
    }
}

model! {
    /// A user's membership in an account, as stored.
    pub struct AccountUserRecord {
        /// Membership id.
        id: Id,
        /// Account.
        account_id: Id,
        /// User.
        user_id: Id,
        /// Role.
        role: Option<Role>,
        /// Who invited the user.
        inviter_id: Option<Id>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// Last time the user used this account.
        active_at: Option<Timestamp> as iso,
        /// Configured availability.
        availability: Option<Availability>,
        /// Goes offline when the dashboard closes.
        auto_offline: Option<bool>,
        /// Custom role (enterprise).
        custom_role_id: Option<Id>,
        /// Capacity policy (enterprise).
        agent_capacity_policy_id: Option<Id>,
    }
}

model! {
    /// An agent bot as the platform API shows it.
    pub struct PlatformAgentBot {
        /// Bot id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Description.
        description: Option<String>,
        /// Webhook URL.
        outgoing_url: Option<String>,
        /// Account (`null`: a system bot for every account).
        account_id: Option<Id>,
        /// The bot's API token.
        access_token: Secret,
    }
}

model! {
    /// One account of a platform user.
    pub struct PlatformUserAccount {
        /// Account id.
        id: Id,
        /// Account name.
        name: String,
        /// Last time the user used it.
        active_at: Option<Timestamp> as iso,
        /// Role there.
        role: Option<Role>,
    }
}

model! {
    /// A user as the platform API shows it.
    pub struct PlatformUser {
        /// The user's API token.
        access_token: Secret,
        /// The most recently used account.
        account_id: Option<Id>,
        /// Display name, else name.
        available_name: String,
        /// Avatar URL (`""` if none).
        avatar_url: String,
        /// Email confirmed.
        confirmed: bool,
        /// Display name.
        display_name: Option<String>,
        /// Signature.
        message_signature: Option<String>,
        /// Email.
        email: String,
        /// User id.
        id: Id,
        /// Name.
        name: String,
        /// Sign-in provider.
        provider: Option<String>,
        /// Real-time channel token.
        pubsub_token: Option<Secret>,
        /// Custom attributes, when any.
        custom_attributes: Option<JsonObject>,
        /// Role in `account_id`.
        role: Option<Role>,
        /// Dashboard preferences.
        ui_settings: JsonObject,
        /// Auth uid.
        uid: String,
        /// Every account of the user.
        accounts: Vec<PlatformUserAccount>,
    }
}

model! {
    /// The user of a platform token answer.
    pub struct PlatformTokenUser {
        /// User id.
        id: Id,
        /// Name.
        name: String,
        /// Display name.
        display_name: Option<String>,
        /// Email.
        email: String,
        /// Real-time channel token.
        pubsub_token: Option<Secret>,
    }
}

model! {
    /// Body of `POST users/{user_id}/token`: the user's existing API token.
    pub struct PlatformUserToken {
        /// The token.
        access_token: Secret,
        /// Always `null`: tokens do not expire.
        expiry: Option<serde_json::Value>,
        /// The user.
        user: PlatformTokenUser,
    }
}

model! {
    /// A single-use sign-in link (valid 5 minutes).
    pub struct SsoLink {
        /// The link.
        url: Secret,
    }
}
