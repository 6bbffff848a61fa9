//! Account API, the caller's profile: `/api/v1/profile`.

use super::{AccountStatus, Availability, Role};
use crate::schema::JsonObject;
use crate::types::{Id, Secret, Timestamp};

model! {
    /// A custom role (enterprise).
    pub struct CustomRole {
        /// Role id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Description.
        description: Option<String>,
        /// Permissions.
        permissions: Vec<String>,
    }
}

model! {
    /// One account of the caller.
    pub struct ProfileAccount {
        /// Account id.
        id: Id,
        /// Account name.
        name: String,
        /// Account status.
        status: AccountStatus,
        /// Onboarding step, if onboarding is under way.
        onboarding_step: Option<String>,
        /// When the caller last used the account.
        active_at: Option<Timestamp> as iso,
        /// The caller's role there.
        role: Option<Role>,
        /// The caller's permissions there.
        permissions: Vec<String>,
        /// Configured availability.
        availability: Option<Availability>,
        /// Presence now.
        availability_status: Option<Availability>,
        /// Goes offline when the dashboard closes.
        auto_offline: Option<bool>,
        /// Custom role (enterprise).
        custom_role_id: Option<Id>,
        /// Custom role (enterprise).
        custom_role: Option<CustomRole>,
    }
}

model! {
    /// The caller (`models/_user.json.jbuilder`).
    pub struct Profile {
        /// The caller's API token.
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
        /// Signature added to messages.
        message_signature: Option<String>,
        /// Email (until a change is confirmed, the old one).
        email: String,
        /// HMAC of the email for widget identity verification, when configured.
        hmac_identifier: Option<String>,
        /// User id.
        id: Id,
        /// Who invited the caller.
        inviter_id: Option<Id>,
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
        /// `SuperAdmin` for super admins.
        r#type: Option<String>,
        /// Every account of the caller.
        accounts: Vec<ProfileAccount>,
    }
}
