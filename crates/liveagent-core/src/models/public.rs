//! Public client API: `/public/api/v1/inboxes/{inbox_identifier}/...` (no token).

use super::{
    Attachment, ContentType, ConversationStatus, MessageSender, MessageType, WorkingHours,
};
use crate::schema::JsonObject;
use crate::types::{Id, Secret, Timestamp};

open_enum! {
    /// How a contact entered the account.
    pub enum ContactType {
        /// A visitor without contact details.
        Visitor = "visitor" (0),
        /// A lead: has an email or phone number.
        Lead = "lead" (1),
        /// A customer.
        Customer = "customer" (2),
    }
}

model! {
    /// An API inbox, as its public API shows it (`public/api/v1/inboxes/show.json.jbuilder`).
    pub struct PublicInbox {
        /// The inbox identifier.
        identifier: String,
        /// Whether contacts must prove their identity (`identifier_hash`).
        identity_validation_enabled: Option<bool>,
        /// Name.
        name: String,
        /// Time zone.
        timezone: Option<String>,
        /// Weekly schedule.
        working_hours: Vec<WorkingHours>,
        /// Working hours on.
        working_hours_enabled: Option<bool>,
        /// CSAT survey on.
        csat_survey_enabled: Option<bool>,
        /// Greeting on.
        greeting_enabled: Option<bool>,
    }
}

model! {
    /// A contact as the public API creates and shows it.
    pub struct PublicContact {
        /// The contact identifier for the other public endpoints (the contact inbox's source id).
        source_id: String,
        /// Real-time channel token of the contact inbox.
        pubsub_token: Secret,
        /// Contact id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Email.
        email: Option<String>,
        /// Phone number.
        phone_number: Option<String>,
    }
}

model! {
    /// A contact record as stored (`Contact#as_json`): the public contact update and conversations.
    pub struct ContactRecord {
        /// Contact id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Email.
        email: Option<String>,
        /// Phone number.
        phone_number: Option<String>,
        /// Account.
        account_id: Id,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// Free-form attributes.
        additional_attributes: JsonObject,
        /// Your external id.
        identifier: Option<String>,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// Last activity.
        last_activity_at: Option<Timestamp> as iso,
        /// Visitor, lead or customer.
        contact_type: Option<ContactType>,
        /// Middle name.
        middle_name: Option<String>,
        /// Last name.
        last_name: Option<String>,
        /// City (from `additional_attributes`).
        location: Option<String>,
        /// Country (from `additional_attributes`).
        country_code: Option<String>,
        /// Blocked.
        blocked: bool,
        /// Company.
        company_id: Option<Id>,
        /// Labels.
        label_list: Vec<String>,
    }
}

model! {
    /// A message as the public API shows it (`public/api/v1/models/_message.json.jbuilder`).
    pub struct PublicMessage {
        /// Message id (the cursor for `before`).
        id: Id,
        /// Text.
        content: Option<String>,
        /// Direction.
        message_type: MessageType,
        /// Content type.
        content_type: ContentType,
        /// Structured content (`items`, `submitted_values`, ...).
        content_attributes: JsonObject,
        /// Creation time.
        created_at: Timestamp,
        /// The conversation's display id.
        conversation_id: Id,
        /// Attachments.
        attachments: Vec<Attachment>,
        /// Who sent it (absent for templates and CSAT surveys).
        sender: Option<MessageSender>,
    }
}

model! {
    /// A conversation as the public API shows it (`public/api/v1/models/_conversation.json.jbuilder`).
    pub struct PublicConversation {
        /// Display id.
        id: Id,
        /// Global UUID (the CSAT survey key).
        uuid: String,
        /// Inbox.
        inbox_id: Id,
        /// When the contact last saw it (0: never).
        contact_last_seen_at: Timestamp,
        /// Status.
        status: ConversationStatus,
        /// When an agent last saw it (0: never).
        agent_last_seen_at: Timestamp,
        /// Every chat message, oldest first.
        messages: Vec<PublicMessage>,
        /// The contact.
        contact: ContactRecord,
    }
}

model! {
    /// A CSAT answer as stored.
    pub struct CsatSurveyResponse {
        /// Id.
        id: Id,
        /// Account.
        account_id: Id,
        /// Conversation **database** id.
        conversation_id: Id,
        /// The survey message.
        message_id: Id,
        /// 1 to 5.
        rating: i64,
        /// Feedback text.
        feedback_message: Option<String>,
        /// Contact.
        contact_id: Id,
        /// The assignee when the answer came.
        assigned_agent_id: Option<Id>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// Internal review notes.
        csat_review_notes: Option<String>,
        /// When the notes changed.
        review_notes_updated_at: Option<Timestamp> as iso,
        /// Who changed the notes.
        review_notes_updated_by_id: Option<Id>,
    }
}

model! {
    /// A conversation's CSAT survey (`public/api/v1/models/_csat_survey.json.jbuilder`).
    pub struct PublicCsatSurvey {
        /// The survey message id.
        id: Id,
        /// The answer, once stored (it is stored asynchronously after an update).
        csat_survey_response: Option<CsatSurveyResponse>,
        /// `emoji` or `star`.
        display_type: String,
        /// The inbox's survey text.
        content: Option<String>,
        /// Inbox avatar URL.
        inbox_avatar_url: String,
        /// Inbox name.
        inbox_name: String,
        /// Account locale.
        locale: String,
        /// Conversation **database** id.
        conversation_id: Id,
        /// When the survey was sent (answers lock 14 days later).
        created_at: Timestamp as iso,
    }
}
