//! Campaigns: messages a web widget shows its visitors when their rules match (`ongoing`
//! campaigns of website inboxes).

use super::{Id, Json};

/// One campaign.
#[derive(Debug, Clone)]
pub(crate) struct Campaign {
    pub id: Id,
    /// Per account, what the widget names it by.
    pub display_id: Id,
    pub account_id: Id,
    pub inbox_id: Id,
    pub message: String,
    /// The agent it speaks as.
    pub sender_id: Option<Id>,
    pub enabled: bool,
    pub trigger_only_during_business_hours: bool,
    /// `{url, time_on_page}`.
    pub trigger_rules: Json,
}
