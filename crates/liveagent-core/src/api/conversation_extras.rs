//! Account API, conversation lifecycle beyond the spec: drafts, participants, delete,
//! attachments, mute, transcript, read state and message status, retry and translation
//! (`/api/v1/accounts/{account_id}/conversations/...`).

use crate::models::MessageStatus;
use crate::types::Id;

params! {
    /// `GET conversations/{conversation_id}/draft_messages`: the conversation's saved draft.
    pub struct GetDraftMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// The draft itself, as `draft_message` in the body.
    pub struct DraftMessageInput {
        /// The draft's text (an absent text saves an empty draft).
        body message: String,
    }
}

params! {
    /// `PATCH conversations/{conversation_id}/draft_messages`: save the draft (replaces it).
    pub struct UpdateDraftMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// The draft.
        body draft_message: DraftMessageInput,
    }
}

params! {
    /// `DELETE conversations/{conversation_id}/draft_messages`: discard the draft.
    pub struct DeleteDraftMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `GET conversations/{conversation_id}/participants`: the agents taking part.
    pub struct ListConversationParticipantsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `POST conversations/{conversation_id}/participants`: add agents (answers the added ones).
    pub struct AddConversationParticipantsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Users to add; each needs access to the conversation's inbox (administrators have it).
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `PATCH conversations/{conversation_id}/participants`: set the participants (answers all).
    pub struct UpdateConversationParticipantsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// The participants the conversation will have (others are removed).
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `DELETE conversations/{conversation_id}/participants`: remove agents.
    pub struct RemoveConversationParticipantsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Users to remove (ids that are no participant are ignored).
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `DELETE conversations/{conversation_id}`: administrators only; the server deletes the
    /// conversation and its messages in the background.
    pub struct DeleteConversationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `GET conversations/{conversation_id}/attachments`: newest first, 100 per page.
    pub struct ListConversationAttachmentsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Page, from 1.
        query page: Option<u32>,
    }
}

params! {
    /// `POST conversations/{conversation_id}/mute`: block the contact and resolve the
    /// conversation.
    pub struct MuteConversationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `POST conversations/{conversation_id}/unmute`: unblock the contact.
    pub struct UnmuteConversationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `POST conversations/{conversation_id}/transcript`: email the conversation's transcript.
    pub struct SendConversationTranscriptParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Recipient (an empty address answers 422).
        body email: String,
    }
}

params! {
    /// `POST conversations/{conversation_id}/unread`: mark it unread from the last incoming
    /// message on.
    pub struct MarkConversationUnreadParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `POST conversations/{conversation_id}/update_last_seen`: mark it seen now (the server
    /// skips the write when nothing is unread and it was seen within the hour).
    pub struct UpdateConversationLastSeenParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `GET conversations/unread_counts`: unread conversations per inbox, label and team.
    pub struct GetConversationUnreadCountsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `PATCH conversations/{conversation_id}/messages/{message_id}`: set a message's delivery
    /// status (API-channel inboxes only; others answer 403).
    pub struct UpdateMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Message id.
        path message_id: Id,
        /// New status (`read` never goes back to `delivered`; an unknown status changes nothing).
        body status: MessageStatus,
        /// Why delivery failed (kept with status `failed` only).
        body external_error: Option<String>,
    }
}

params! {
    /// `POST conversations/{conversation_id}/messages/{message_id}/retry`: send a failed
    /// message again.
    pub struct RetryMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Message id.
        path message_id: Id,
    }
}

params! {
    /// `POST conversations/{conversation_id}/messages/{message_id}/translate`.
    pub struct TranslateMessageParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Message id.
        path message_id: Id,
        /// Language code to translate into (`de`, `fr`, ...).
        body target_language: String,
    }
}
