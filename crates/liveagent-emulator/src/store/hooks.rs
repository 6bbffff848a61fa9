//! Integration hooks (upstream Chatwoot's `integrations_hooks`): an app connected to the account
//! or to one inbox.

use super::{Id, Json};

#[derive(Debug, Clone)]
pub(crate) struct Hook {
    pub id: Id,
    pub account_id: Id,
    /// `slack`, `dialogflow`, ... (any string; the server does not require a known app).
    pub app_id: String,
    pub inbox_id: Option<Id>,
    /// `Hook#enabled?`.
    pub enabled: bool,
    /// `account` or `inbox`, from the app.
    pub hook_type: &'static str,
    pub settings: Json,
    pub reference_id: Option<String>,
}
