//! Account API, conversations: `/api/v1/accounts/{account_id}/conversations...`.

use crate::types::Id;

params! {
    /// Params of `GET conversations/meta`.
    pub struct GetConversationCountsParams {
        /// Account; defaults to the client's account.
        path account_id: Option<Id>,
        /// Search text.
        query q: Option<String>,
        /// Only conversations of this inbox.
        query inbox_id: Option<Id>,
        /// Only conversations with all these labels.
        query labels: Option<Vec<String>>,
    }
}
