//! Account API, conversation lifecycle beyond the spec: the models of drafts, attachments,
//! unread counts and translations (`/api/v1/accounts/{account_id}/conversations/...`).

use super::{FileType, MessageSender};
use crate::types::{Id, Timestamp};
use std::collections::BTreeMap;

model! {
    /// Body of `GET conversations/{id}/draft_messages` (`DraftMessagesController#show`).
    pub struct DraftMessage {
        /// Whether a draft is saved.
        has_draft: bool,
        /// The draft's text (only with `has_draft: true`).
        message: Option<String>,
    }
}

model! {
    /// An attachment of a conversation (`api/v1/models/_attachment.json.jbuilder`).
    pub struct ConversationAttachment {
        /// Attachment id.
        id: Id,
        /// Its message.
        message_id: Id,
        /// Thumbnail URL (`""` unless an image).
        thumb_url: Option<String>,
        /// Download URL.
        data_url: Option<String>,
        /// Size in bytes (`null` for locations and fallbacks).
        file_size: Option<i64>,
        /// Kind.
        file_type: FileType,
        /// File name extension, without the dot.
        extension: Option<String>,
        /// Image or video width.
        width: Option<i64>,
        /// Image or video height.
        height: Option<i64>,
        /// When its message was created.
        created_at: Timestamp,
        /// Who sent its message (absent when nobody did).
        sender: Option<MessageSender>,
    }
}

model! {
    /// The `meta` block of `GET conversations/{id}/attachments`.
    pub struct ConversationAttachmentsMeta {
        /// Attachments of the conversation in all (not just this page).
        total_count: i64,
    }
}

model! {
    /// Body of `GET conversations/{id}/attachments` (`conversations/attachments.json.jbuilder`).
    pub struct ConversationAttachments {
        /// The total.
        meta: ConversationAttachmentsMeta,
        /// One page (100), newest first.
        payload: Vec<ConversationAttachment> as items,
    }
}

model! {
    /// Unread conversations (open, with an incoming message since an agent last looked).
    pub struct UnreadCounts {
        /// Unread conversations in the inboxes the caller sees.
        all_count: i64,
        /// Per inbox id (inboxes with none are left out).
        inboxes: BTreeMap<String, Option<i64>>,
        /// Per label id, for labels shown in the sidebar (labels with none are left out).
        labels: BTreeMap<String, Option<i64>>,
        /// Per team id (teams with none are left out).
        teams: BTreeMap<String, Option<i64>>,
    }
}

model! {
    /// Body of `GET conversations/unread_counts` (`Conversations::UnreadCountsController`).
    pub struct UnreadCountsResult {
        /// The counts.
        payload: UnreadCounts,
    }
}

model! {
    /// Body of `POST messages/{id}/translate` when the server translated the message (an
    /// existing translation answers an empty body instead: read it from the message's
    /// `content_attributes.translations`).
    pub struct MessageTranslation {
        /// The translated text (`null` when no translation service is set up).
        content: Option<String>,
    }
}
