//! Account API, contact extras and bulk helpers: contact notes, contact attachments and
//! assignable agents under `/api/v1/accounts/{account_id}/`.

use super::{Agent, FileType, MessageSender};
use crate::types::{Id, Timestamp};

model! {
    /// A note on a contact (`models/_note.json.jbuilder`).
    pub struct Note {
        /// Note id.
        id: Id,
        /// Text.
        content: String,
        /// Account. Upstream's view renders `null` here (it writes `json.account_id
        /// json.account_id`), so do not rely on it.
        account_id: Option<Id>,
        /// Contact. `null` upstream, for the same reason as `account_id`.
        contact_id: Option<Id>,
        /// The author (absent when the user was deleted).
        user: Option<Agent>,
        /// Creation time.
        created_at: Timestamp,
        /// Last update.
        updated_at: Timestamp,
    }
}

model! {
    /// A file of one of the contact's conversations (`models/_attachment.json.jbuilder`, plus
    /// the conversation).
    pub struct ContactAttachment {
        /// Attachment id.
        id: Id,
        /// Its message.
        message_id: Id,
        /// Thumbnail URL (`""` unless an image).
        thumb_url: Option<String>,
        /// Download URL (a redirect to storage).
        data_url: Option<String>,
        /// Size in bytes.
        file_size: Option<i64>,
        /// Kind.
        file_type: FileType,
        /// File name extension, without the dot.
        extension: Option<String>,
        /// Image or video width.
        width: Option<i64>,
        /// Image or video height.
        height: Option<i64>,
        /// When its message was sent.
        created_at: Timestamp,
        /// Who sent its message (absent when there is no sender).
        sender: Option<MessageSender>,
        /// Display id of its conversation.
        conversation_id: Id,
    }
}

model! {
    /// Paging of attachment lists.
    pub struct AttachmentListMeta {
        /// Attachments in all pages.
        total_count: i64,
    }
}

model! {
    /// Body of `GET contacts/{contact_id}/attachments`: 100 per page, newest first.
    pub struct ContactAttachmentList {
        /// Paging.
        meta: AttachmentListMeta,
        /// Attachments.
        payload: Vec<ContactAttachment> as items,
    }
}

model! {
    /// Body of `GET assignable_agents` and `GET inboxes/{inbox_id}/assignable_agents`.
    pub struct AssignableAgents {
        /// Agents who may be assigned (administrators included).
        payload: Vec<Agent> as items,
    }
}
