//! Account API, contact extras and bulk helpers: contact notes, attachments, avatar, custom
//! attribute removal, online contacts, export, `contact_inboxes/filter`, `assignable_agents`
//! and `bulk_actions` under `/api/v1/accounts/{account_id}/`.

// `BulkActionLabels::add` is the wire's key (`labels.add`), a setter, not `std::ops::Add`.
#![allow(clippy::should_implement_trait)]

use super::FilterCondition;
use crate::models::ConversationStatus;
use crate::types::{Id, Timestamp};

open_enum! {
    /// The kind of record a bulk action changes.
    pub enum BulkActionType {
        /// Conversations, by display id.
        Conversation = "Conversation",
        /// Contacts, by id.
        Contact = "Contact",
    }
}

params! {
    /// `POST contact_inboxes/filter`: the contact whose identity in an inbox has this source id.
    pub struct FilterContactInboxesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox (agents need to be a member of it).
        body inbox_id: Id,
        /// The contact's id in that inbox (the public API's `contact_identifier`).
        body source_id: String,
    }
}

params! {
    /// `GET contacts/{contact_id}/notes`: newest first.
    pub struct ListContactNotesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
    }
}

params! {
    /// `POST contacts/{contact_id}/notes`: a note written by the caller.
    pub struct CreateContactNoteParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Text (required; Rails wraps it into `note[content]`).
        body content: String,
    }
}

params! {
    /// `GET contacts/{contact_id}/notes/{note_id}`.
    pub struct GetContactNoteParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Note id.
        path note_id: Id,
    }
}

params! {
    /// `PATCH contacts/{contact_id}/notes/{note_id}`: the caller becomes the note's author.
    pub struct UpdateContactNoteParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Note id.
        path note_id: Id,
        /// New text.
        body content: String,
    }
}

params! {
    /// `DELETE contacts/{contact_id}/notes/{note_id}`.
    pub struct DeleteContactNoteParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Note id.
        path note_id: Id,
    }
}

params! {
    /// `GET contacts/{contact_id}/attachments`: files of the contact's conversations the caller
    /// may see, newest first, 100 per page.
    pub struct ListContactAttachmentsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Page, from 1.
        query page: Option<u32>,
    }
}

params! {
    /// `DELETE contacts/{contact_id}/avatar`: removes the contact's avatar.
    pub struct DeleteContactAvatarParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
    }
}

params! {
    /// `POST contacts/{contact_id}/destroy_custom_attributes`: removes custom attributes by key.
    pub struct DeleteContactCustomAttributesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Keys of the custom attributes to remove (unknown keys are ignored).
        body custom_attributes: Vec<String>,
    }
}

params! {
    /// `GET contacts/active`: contacts online now (connected to the widget), 15 per page.
    pub struct ListActiveContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Page, from 1.
        query page: Option<u32>,
        /// Order (as `listContacts`).
        query sort: Option<String>,
        /// Include each contact's `contact_inboxes` (default true).
        query include_contact_inboxes: Option<bool>,
    }
}

params! {
    /// `POST contacts/export` (administrators): the server builds a CSV in the background and
    /// emails a link to the caller.
    pub struct ExportContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact columns to export (`id`, `name`, `email`, `phone_number`, `labels`, ...);
        /// all when left out.
        body column_names: Option<Vec<String>>,
        /// Only contacts matching these conditions (as `filterContacts`).
        body payload: Option<Vec<FilterCondition>>,
        /// Only contacts with this label.
        body label: Option<String>,
    }
}

params! {
    /// `GET assignable_agents`: agents who are members of every given inbox, plus the
    /// account's administrators.
    pub struct ListAssignableAgentsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inboxes (agents need to be a member of each).
        query inbox_ids: Vec<Id>,
    }
}

params! {
    /// `GET inboxes/{inbox_id}/assignable_agents`: the inbox's members plus the account's
    /// administrators.
    pub struct ListInboxAssignableAgentsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
    }
}

params! {
    /// What a conversation bulk action sets on each conversation.
    pub struct BulkActionFields {
        /// New status.
        body status: Option<ConversationStatus>,
        /// Agent to assign.
        body assignee_id: Option<Id>,
        /// Team to assign.
        body team_id: Option<Id>,
    }
}

params! {
    /// Labels a bulk action adds or removes.
    pub struct BulkActionLabels {
        /// Labels to add.
        body add: Option<Vec<String>>,
        /// Labels to remove.
        body remove: Option<Vec<String>>,
    }
}

params! {
    /// `POST bulk_actions`: change many conversations or contacts at once. The server queues a
    /// job and answers before it runs.
    pub struct BulkActionParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// `Conversation` or `Contact` (anything else: 422).
        body r#type: BulkActionType,
        /// Conversation display ids, or contact ids.
        body ids: Vec<Id>,
        /// Conversations: what to set.
        body fields: Option<BulkActionFields>,
        /// Labels to add or remove (contacts: added if any, else removed).
        body labels: Option<BulkActionLabels>,
        /// Conversations: end of the snooze (sent as epoch seconds; with `status: snoozed`).
        body snoozed_until: Option<Timestamp>,
        /// Contacts: `delete` deletes them (administrators).
        body action_name: Option<String>,
    }
}
