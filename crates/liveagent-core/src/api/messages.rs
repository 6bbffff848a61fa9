//! Account API, messages: `/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages`.

use crate::models::{ContentType, MessageType};
use crate::schema::JsonObject;
use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `GET messages`: the latest 20; `before` pages back, `after` forward (up to 100).
    pub struct ListMessagesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Messages older than this message id.
        query before: Option<Id>,
        /// Messages newer than this message id.
        query after: Option<Id>,
        /// Leave out private notes and activity messages.
        query filter_internal_messages: Option<bool>,
    }
}

params! {
    /// `POST messages`: send a message or a private note.
    pub struct CreateMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Text.
        body content: Option<String>,
        /// `outgoing` (default), `incoming` (API inboxes only) or `template`.
        body message_type: Option<MessageType>,
        /// A private note, invisible to the contact.
        body private: Option<bool>,
        /// Content type (default `text`).
        body content_type: Option<ContentType>,
        /// Structured content (`items` of cards, options, forms; `in_reply_to`).
        body content_attributes: Option<JsonObject>,
        /// Your id for the message, echoed back (to match real-time events).
        body echo_id: Option<String>,
        /// The channel's id for the message.
        body source_id: Option<String>,
        /// Campaign the message belongs to.
        body campaign_id: Option<Id>,
        /// WhatsApp template (`name`, `category`, `language`, `processed_params`).
        body template_params: Option<JsonObject>,
        /// Files to attach; the body then goes as `multipart/form-data`.
        body attachments: Option<Vec<Upload>>,
    }
}

params! {
    /// `DELETE messages/{message_id}`: replaces the content with a deletion note.
    pub struct DeleteMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Message id.
        path message_id: Id,
    }
}
