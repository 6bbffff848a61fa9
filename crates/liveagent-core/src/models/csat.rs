//! Account API, CSAT survey responses: `/api/v1/accounts/{account_id}/csat_survey_responses...`.

use crate::models::{Agent, Contact};
use crate::types::{Id, Timestamp};
use std::collections::BTreeMap;

model! {
    /// Who last edited a response's review notes.
    pub struct CsatReviewer {
        /// User id.
        id: Id,
        /// Name.
        name: String,
    }
}

model! {
    /// A CSAT survey response (`models/_csat_survey_response.json.jbuilder`).
    pub struct CsatResponse {
        /// Response id.
        id: Id,
        /// Rating, 1 to 5.
        rating: i64,
        /// The contact's comment.
        feedback_message: Option<String>,
        /// Review notes (enterprise).
        csat_review_notes: Option<String>,
        /// When the review notes last changed.
        review_notes_updated_at: Option<Timestamp>,
        /// Who changed them (absent when nobody did).
        review_notes_updated_by: Option<CsatReviewer>,
        /// Account.
        account_id: Id,
        /// The survey message.
        message_id: Id,
        /// The contact who answered (absent when deleted).
        contact: Option<Contact>,
        /// Conversation **display** id.
        conversation_id: Id,
        /// The agent assigned when the survey was answered (absent when none).
        assigned_agent: Option<Agent>,
        /// Creation time.
        created_at: Timestamp,
    }
}

model! {
    /// Body of `GET csat_survey_responses/metrics`.
    pub struct CsatSurveyMetrics {
        /// Responses matching the filters.
        total_count: i64,
        /// Responses per rating (`"1"` to `"5"`).
        ratings_count: BTreeMap<String, Option<i64>>,
        /// Survey messages sent in the range.
        total_sent_messages_count: i64,
    }
}
