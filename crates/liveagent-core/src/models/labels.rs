//! Account API, labels: `/api/v1/accounts/{account_id}/labels...`.

use crate::types::Id;

model! {
    /// A label (`labels/*.json.jbuilder`). Titles are stored lowercase.
    pub struct Label {
        /// Label id.
        id: Id,
        /// Title (lowercase, no spaces).
        title: String,
        /// Description.
        description: Option<String>,
        /// Color (`#1f93ff` by default).
        color: String,
        /// Shown in the dashboard sidebar.
        show_on_sidebar: Option<bool>,
    }
}

model! {
    /// Body of `GET labels`.
    pub struct LabelList {
        /// Labels, by title.
        payload: Vec<Label> as items,
    }
}
