//! Notes that users write on contacts (`notes` table).

use super::Id;

/// A note on a contact; `user_id` is the author (`None` once the user is gone).
#[derive(Debug, Clone)]
pub(crate) struct Note {
    pub id: Id,
    pub account_id: Id,
    pub contact_id: Id,
    pub user_id: Option<Id>,
    pub content: String,
    pub created_at: f64,
    pub updated_at: f64,
}
