//! Account API, global search: `/api/v1/accounts/{account_id}/search...` (upstream since 2023;
//! `search/articles` since 2025).

use crate::types::Id;

params! {
    /// `GET search`: conversations, contacts, messages and help-center articles matching `q`,
    /// up to 15 of each per page.
    pub struct GlobalSearchParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Text to find (case-insensitive substring; empty matches everything).
        query q: Option<String>,
        /// Page, from 1 (applies to each of the four lists).
        query page: Option<u32>,
    }
}

params! {
    /// `GET search/conversations`: conversations whose display id, or whose contact's name,
    /// email, phone number or identifier, contains `q`; newest first, 15 per page. Agents see
    /// only their inboxes' conversations.
    pub struct GlobalSearchConversationsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Text to find (case-insensitive substring).
        query q: Option<String>,
        /// Page, from 1.
        query page: Option<u32>,
    }
}

params! {
    /// `GET search/contacts`: contacts with an email, phone number or identifier whose name,
    /// email, phone number or identifier contains `q`; latest activity first, 15 per page.
    pub struct GlobalSearchContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Text to find (case-insensitive substring).
        query q: Option<String>,
        /// Page, from 1.
        query page: Option<u32>,
    }
}

params! {
    /// `GET search/messages`: messages of the last three months whose content contains `q`;
    /// newest first, 15 per page. Agents see only their inboxes' messages.
    pub struct GlobalSearchMessagesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Text to find (case-insensitive substring).
        query q: Option<String>,
        /// Page, from 1.
        query page: Option<u32>,
    }
}

params! {
    /// `GET search/articles`: help-center articles matching `q` (full-text), 15 per page.
    pub struct GlobalSearchArticlesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Words to find.
        query q: Option<String>,
        /// Page, from 1.
        query page: Option<u32>,
    }
}
