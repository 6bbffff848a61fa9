//! Account API, the account and the caller's profile: `/api/v1/accounts/{account_id}`, `/api/v1/profile`.

use crate::models::Availability;
use crate::schema::JsonObject;
use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `GET accounts/{account_id}`.
    pub struct GetAccountParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `PATCH accounts/{account_id}` (administrators).
    pub struct UpdateAccountParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Name.
        body name: Option<String>,
        /// Locale (`en`, `de`, `pt_BR`, ...).
        body locale: Option<String>,
        /// Inbound email domain.
        body domain: Option<String>,
        /// Support email.
        body support_email: Option<String>,
        /// Industry (custom attribute).
        body industry: Option<String>,
        /// Company size (custom attribute).
        body company_size: Option<String>,
        /// Time zone (custom attribute).
        body timezone: Option<String>,
        /// Website (custom attribute).
        body website: Option<String>,
        /// Resolve conversations inactive this many minutes (10 to 1439856; `null`: never).
        body auto_resolve_after: Option<i64>,
        /// Message posted when auto-resolving.
        body auto_resolve_message: Option<String>,
        /// Do not auto-resolve conversations waiting for an agent.
        body auto_resolve_ignore_waiting: Option<bool>,
        /// Label added when auto-resolving.
        body auto_resolve_label: Option<String>,
        /// Transcribe audio messages.
        body audio_transcriptions: Option<bool>,
        /// Custom attributes required to resolve (enterprise).
        body conversation_required_attributes: Option<Vec<String>>,
    }
}

params! {
    /// `GET profile`: the caller.
    pub struct GetProfileParams {}
}

params! {
    /// The profile fields `updateProfile` changes.
    pub struct ProfileUpdate {
        /// Name.
        body name: Option<String>,
        /// Display name.
        body display_name: Option<String>,
        /// Email (takes effect once confirmed).
        body email: Option<String>,
        /// Message signature.
        body message_signature: Option<String>,
        /// Dashboard preferences (replace the stored ones).
        body ui_settings: Option<JsonObject>,
        /// Phone number (stored in custom attributes).
        body phone_number: Option<String>,
        /// Current password (to change the password).
        body current_password: Option<String>,
        /// New password.
        body password: Option<String>,
        /// New password again.
        body password_confirmation: Option<String>,
        /// Avatar image to upload; the body then goes as `multipart/form-data`.
        body avatar: Option<Upload>,
    }
}

params! {
    /// `PUT profile`: the caller's name, email, signature, settings or password, wrapped in
    /// `profile` as the server documents it.
    pub struct UpdateProfileParams {
        /// The fields to change.
        body profile: ProfileUpdate,
    }
}

params! {
    /// The account and availability `update_profile_availability` sets.
    pub struct ProfileAvailability {
        /// The account (one of the caller's).
        body account_id: Id,
        /// `online`, `busy` or `offline`.
        body availability: Availability,
    }
}

params! {
    /// `POST profile/availability`: the caller's availability in one account.
    pub struct UpdateProfileAvailabilityParams {
        /// The account and availability, wrapped in `profile`.
        body profile: ProfileAvailability,
    }
}

params! {
    /// The account and setting `update_profile_auto_offline` sets.
    pub struct ProfileAutoOffline {
        /// The account (one of the caller's).
        body account_id: Id,
        /// Go offline when the dashboard closes; unset means `false`.
        body auto_offline: Option<bool>,
    }
}

params! {
    /// `POST profile/auto_offline`: whether the caller goes offline in one account when the
    /// dashboard closes.
    pub struct UpdateProfileAutoOfflineParams {
        /// The account and setting, wrapped in `profile`.
        body profile: ProfileAutoOffline,
    }
}

params! {
    /// `DELETE profile/avatar`: removes the caller's avatar.
    pub struct DeleteProfileAvatarParams {}
}

params! {
    /// `POST profile/reset_access_token`: replaces the caller's API token; the old one stops
    /// working at once.
    pub struct ResetProfileAccessTokenParams {}
}

params! {
    /// The account `set_active_account` marks.
    pub struct ProfileActiveAccount {
        /// The account (one of the caller's).
        body account_id: Id,
    }
}

params! {
    /// `PUT profile/set_active_account`: makes an account the caller's most recently used
    /// one (the profile's `account_id`).
    pub struct SetActiveAccountParams {
        /// The account, wrapped in `profile`.
        body profile: ProfileActiveAccount,
    }
}
