//! Account API, the account itself: `/api/v1/accounts/{account_id}`.

use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};
use std::collections::BTreeMap;

open_enum! {
    /// Account status.
    pub enum AccountStatus {
        /// Active.
        Active = "active" (0),
        /// Suspended: its API calls answer 401.
        Suspended = "suspended" (1),
    }
}

model! {
    /// Cache keys the dashboard uses to refresh lists.
    pub struct AccountCacheKeys {
        /// Labels.
        label: String,
        /// Inboxes.
        inbox: String,
        /// Teams.
        team: String,
    }
}

model! {
    /// An account (`models/_account.json.jbuilder` and the show view).
    pub struct Account {
        /// Settings (`auto_resolve_after`, `auto_resolve_message`, ...).
        settings: JsonObject,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Custom attributes (plan, industry, ...), when any.
        custom_attributes: Option<JsonObject>,
        /// Inbound email domain.
        domain: Option<String>,
        /// Enabled features.
        features: BTreeMap<String, Option<bool>>,
        /// Account id.
        id: Id,
        /// Locale (`en`, `de`, `pt_BR`, ...).
        locale: Option<String>,
        /// Name.
        name: String,
        /// Support email.
        support_email: Option<String>,
        /// Status.
        status: AccountStatus,
        /// Cache keys.
        cache_keys: Option<AccountCacheKeys>,
        /// Latest server version known (show only).
        latest_chatwoot_version: Option<String>,
        /// Features of the plan (show only, enterprise).
        subscribed_features: Option<Vec<String>>,
    }
}
