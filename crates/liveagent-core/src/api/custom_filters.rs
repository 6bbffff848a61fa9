//! Account API, custom filters (saved filters): `/api/v1/accounts/{account_id}/custom_filters...`.
//!
//! Each user sees and changes only their own filters.

use super::FilterCondition;
use crate::models::CustomFilterType;
use crate::types::Id;

params! {
    /// A saved filter's query: the conditions `filter_conversations` and `filter_contacts` take,
    /// as the dashboard saves them.
    pub struct FilterQuery {
        /// Conditions, joined by each one's `query_operator`.
        body payload: Vec<FilterCondition>,
    }
}

params! {
    /// `GET custom_filters`: the caller's filters of one type.
    pub struct ListCustomFiltersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Which filters (the server's default: `conversation`).
        query filter_type: Option<CustomFilterType>,
    }
}

params! {
    /// `POST custom_filters`: save a filter for the caller (at most 1000 per user and account).
    pub struct CreateCustomFilterParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Name.
        body name: String,
        /// What the filter applies to (the server's default: `conversation`).
        body filter_type: Option<CustomFilterType>,
        /// The conditions.
        body query: FilterQuery,
    }
}

params! {
    /// `GET custom_filters/{custom_filter_id}`: one of the caller's filters.
    pub struct GetCustomFilterParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Custom filter id.
        path custom_filter_id: Id,
    }
}

params! {
    /// `PATCH custom_filters/{custom_filter_id}`: rename a filter or replace its query.
    pub struct UpdateCustomFilterParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Custom filter id.
        path custom_filter_id: Id,
        /// Name.
        body name: Option<String>,
        /// What the filter applies to.
        body filter_type: Option<CustomFilterType>,
        /// The conditions (replace the stored ones).
        body query: Option<FilterQuery>,
    }
}

params! {
    /// `DELETE custom_filters/{custom_filter_id}` (the server answers 204).
    pub struct DeleteCustomFilterParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Custom filter id.
        path custom_filter_id: Id,
    }
}
