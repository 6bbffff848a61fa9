//! Account API, custom filters (saved filters): `/api/v1/accounts/{account_id}/custom_filters...`.

use crate::api::FilterOperator;
use crate::types::{Id, Timestamp};

open_enum! {
    /// What a saved filter applies to (`CustomFilter.filter_type`).
    pub enum CustomFilterType {
        /// Conversations (a dashboard folder).
        Conversation = "conversation" (0),
        /// Contacts (a dashboard segment).
        Contact = "contact" (1),
        /// Reports.
        Report = "report" (2),
    }
}

model! {
    /// A filter condition as the server stores it: in a saved filter's query and in an
    /// automation rule's conditions (kept as the client sent it).
    pub struct StoredCondition {
        /// Attribute (`status`, `assignee_id`, `labels`, `content`, ... or a custom attribute key).
        attribute_key: String,
        /// Comparison.
        filter_operator: FilterOperator,
        /// Values to compare with.
        values: Vec<serde_json::Value>,
        /// How this condition joins the next one: `AND` or `OR`, in either case as the client
        /// sent it (the dashboard saves `and`, `or`); `null` or absent on the last.
        query_operator: Option<String>,
        /// Type of a custom attribute (`date`, `number`, ...), for custom attribute keys.
        custom_attribute_type: Option<String>,
    }
}

model! {
    /// A saved filter's query, as the dashboard saves it.
    pub struct CustomFilterQuery {
        /// Conditions, joined by each one's `query_operator`.
        payload: Vec<StoredCondition>,
    }
}

model! {
    /// A saved filter of the caller (`api/v1/models/_custom_filter.json.jbuilder`).
    pub struct CustomFilter {
        /// Custom filter id.
        id: Id,
        /// Name.
        name: String,
        /// What the filter applies to.
        filter_type: CustomFilterType,
        /// The query, as saved.
        query: CustomFilterQuery,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
    }
}
