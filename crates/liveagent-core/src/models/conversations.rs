//! Account API, conversations: the models of `/api/v1/accounts/{account_id}/conversations...`.

model! {
    /// Conversation counts per assignee type (`conversations/meta.json.jbuilder`).
    pub struct ConversationCountsMeta {
        /// Assigned to the caller.
        mine_count: u64,
        /// Assigned to anyone.
        assigned_count: u64,
        /// Assigned to nobody.
        unassigned_count: u64,
        /// All.
        all_count: u64,
    }
}

model! {
    /// Body of `GET conversations/meta`.
    pub struct ConversationCounts {
        /// The counts.
        meta: ConversationCountsMeta,
    }
}
