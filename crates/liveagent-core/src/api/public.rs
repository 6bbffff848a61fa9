//! Public client API: `/public/api/v1/inboxes/{inbox_identifier}/...`. No token: the inbox
//! identifier and the contact identifier (`source_id`) are the credentials, so keep them private.

use crate::schema::JsonObject;
use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `GET inboxes/{inbox_identifier}`.
    pub struct GetPublicInboxParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
    }
}

params! {
    /// `POST inboxes/{inbox_identifier}/contacts`: a contact and its identity in the inbox.
    pub struct CreatePublicContactParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier to use (a UUID is made if left out).
        body source_id: Option<String>,
        /// Your external id for the contact (also what `identifier_hash` signs).
        body identifier: Option<String>,
        /// HMAC-SHA256 of `identifier` with the inbox's HMAC token (hex); compute it on your server.
        body identifier_hash: Option<String>,
        /// Email.
        body email: Option<String>,
        /// Name.
        body name: Option<String>,
        /// Phone number, E.164.
        body phone_number: Option<String>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Custom attributes.
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `GET inboxes/{inbox_identifier}/contacts/{contact_identifier}`.
    pub struct GetPublicContactParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Your external id (with `identifier_hash`, verifies the contact).
        query identifier: Option<String>,
        /// HMAC-SHA256 of `identifier` (hex).
        query identifier_hash: Option<String>,
    }
}

params! {
    /// `PATCH inboxes/{inbox_identifier}/contacts/{contact_identifier}`. The answer is the full
    /// contact record; if the email or phone belongs to another contact, the two are merged.
    pub struct UpdatePublicContactParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Your external id (for `identifier_hash`; it cannot be changed here).
        body identifier: Option<String>,
        /// HMAC-SHA256 of `identifier` (hex).
        body identifier_hash: Option<String>,
        /// Email.
        body email: Option<String>,
        /// Name.
        body name: Option<String>,
        /// Phone number, E.164.
        body phone_number: Option<String>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Custom attributes (merged).
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `POST .../contacts/{contact_identifier}/conversations`.
    pub struct CreatePublicConversationParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Custom attributes.
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `GET .../contacts/{contact_identifier}/conversations`: all, with all their messages.
    pub struct ListPublicConversationsParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
    }
}

params! {
    /// `GET .../conversations/{conversation_id}`.
    pub struct GetPublicConversationParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `POST .../conversations/{conversation_id}/toggle_status`: resolves (never reopens).
    pub struct ResolvePublicConversationParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `POST .../conversations/{conversation_id}/toggle_typing`.
    pub struct TogglePublicTypingParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Display id.
        path conversation_id: Id,
        /// On or off.
        query typing_status: crate::api::TypingStatus,
    }
}

params! {
    /// `POST .../conversations/{conversation_id}/update_last_seen`.
    pub struct UpdatePublicLastSeenParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `GET .../conversations/{conversation_id}/messages`: the latest 20, or 20 `before` a message.
    pub struct ListPublicMessagesParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Display id.
        path conversation_id: Id,
        /// Messages older than this message id.
        query before: Option<Id>,
    }
}

params! {
    /// `POST .../conversations/{conversation_id}/messages`: a message from the contact.
    pub struct CreatePublicMessageParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Display id.
        path conversation_id: Id,
        /// Text.
        body content: Option<String>,
        /// Your id for the message, echoed in real-time events.
        body echo_id: Option<String>,
        /// Files to attach; the body then goes as `multipart/form-data`.
        body attachments: Option<Vec<Upload>>,
    }
}

params! {
    /// `PATCH .../messages/{message_id}`: answer a form, options or a CSAT survey.
    pub struct UpdatePublicMessageParams {
        /// The API inbox's identifier.
        path inbox_identifier: String,
        /// The contact identifier (`source_id`).
        path contact_identifier: String,
        /// Display id.
        path conversation_id: Id,
        /// Message id.
        path message_id: Id,
        /// The answer: `{"csat_survey_response": {"rating", "feedback_message"}}`, or
        /// `[{"name", "title", "value"}]` for options and forms.
        body submitted_values: serde_json::Value,
    }
}

params! {
    /// `GET csat_survey/{conversation_uuid}`.
    pub struct GetPublicCsatSurveyParams {
        /// The conversation's UUID.
        path conversation_uuid: String,
    }
}

params! {
    /// The CSAT answer of `updatePublicCsatSurvey`.
    pub struct CsatSurveyAnswer {
        /// `{"csat_survey_response": {"rating": 1..5, "feedback_message": "..."}}`.
        body submitted_values: JsonObject,
    }
}

params! {
    /// `PATCH csat_survey/{conversation_uuid}`: answer the survey (locked after 14 days).
    pub struct UpdatePublicCsatSurveyParams {
        /// The conversation's UUID.
        path conversation_uuid: String,
        /// The answer.
        body message: CsatSurveyAnswer,
    }
}
