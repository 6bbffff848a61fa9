//! Account API, teams: `/api/v1/accounts/{account_id}/teams...`.

use crate::types::{Id, Timestamp};

model! {
    /// A team (`models/_team.json.jbuilder`). Names are stored lowercase.
    pub struct Team {
        /// Team id.
        id: Id,
        /// Name (lowercase).
        name: String,
        /// Description.
        description: Option<String>,
        /// Whether conversations are auto-assigned within the team.
        allow_auto_assign: Option<bool>,
        /// Account.
        account_id: Id,
        /// Whether the caller is a member.
        is_member: bool,
    }
}

model! {
    /// A team record as stored (the assignments endpoint renders the raw record).
    pub struct TeamRow {
        /// Team id.
        id: Id,
        /// Name (lowercase).
        name: String,
        /// Description.
        description: Option<String>,
        /// Whether conversations are auto-assigned within the team.
        allow_auto_assign: Option<bool>,
        /// Account.
        account_id: Id,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
    }
}
