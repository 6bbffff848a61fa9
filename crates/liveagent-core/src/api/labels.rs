//! Account API, labels: `/api/v1/accounts/{account_id}/labels...`.

use crate::types::Id;

params! {
    /// `GET labels`.
    pub struct ListLabelsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `POST labels` (administrators). Titles are stored lowercase.
    pub struct CreateLabelParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Title (letters, digits, `_` and `-`; at least 2 characters).
        body title: String,
        /// Description.
        body description: Option<String>,
        /// Color (`#rrggbb`).
        body color: Option<String>,
        /// Show in the sidebar.
        body show_on_sidebar: Option<bool>,
    }
}

params! {
    /// `GET labels/{label_id}` (administrators).
    pub struct GetLabelParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Label id.
        path label_id: Id,
    }
}

params! {
    /// `PATCH labels/{label_id}` (administrators).
    pub struct UpdateLabelParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Label id.
        path label_id: Id,
        /// Title.
        body title: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Color.
        body color: Option<String>,
        /// Show in the sidebar.
        body show_on_sidebar: Option<bool>,
    }
}

params! {
    /// `DELETE labels/{label_id}` (administrators).
    pub struct DeleteLabelParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Label id.
        path label_id: Id,
    }
}
