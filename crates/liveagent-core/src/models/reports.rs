//! Account API, reporting events and SLAs (enterprise): conversation reporting data.

use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

model! {
    /// A reporting event (`_reporting_event.json.jbuilder`, enterprise).
    pub struct ReportingEvent {
        /// Event id.
        id: Id,
        /// Event name (`first_response`, `reply_time`, `conversation_resolved`, ...).
        name: String,
        /// Duration in seconds.
        value: f64,
        /// Duration within business hours, in seconds.
        value_in_business_hours: Option<f64>,
        /// Start of the measured span.
        event_start_time: Option<Timestamp> as iso,
        /// End of the measured span.
        event_end_time: Option<Timestamp> as iso,
        /// Account.
        account_id: Id,
        /// Inbox.
        inbox_id: Option<Id>,
        /// User (the assignee, or the replying agent).
        user_id: Option<Id>,
        /// Conversation **database** id (not the display id).
        conversation_id: Option<Id>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
    }
}

model! {
    /// The SLA applied to a conversation (enterprise).
    pub struct AppliedSla {
        /// Applied-SLA id.
        id: Id,
        /// SLA policy.
        sla_id: Id,
        /// `active`, `hit`, `missed` or `active_with_misses`.
        sla_status: String,
        /// Creation time.
        created_at: Timestamp,
        /// Last update.
        updated_at: Timestamp,
        /// Policy description.
        sla_description: Option<String>,
        /// Policy name.
        sla_name: String,
        /// First-response threshold, seconds.
        sla_first_response_time_threshold: Option<f64>,
        /// Next-response threshold, seconds.
        sla_next_response_time_threshold: Option<f64>,
        /// Counted in business hours only.
        sla_only_during_business_hours: Option<bool>,
        /// Resolution threshold, seconds.
        sla_resolution_time_threshold: Option<f64>,
    }
}

model! {
    /// An SLA miss (enterprise).
    pub struct SlaEvent {
        /// Event id.
        id: Id,
        /// `frt`, `nrt` or `rt`.
        event_type: Option<String>,
        /// Details (`message_id` for `nrt`).
        meta: JsonObject,
        /// Last update.
        updated_at: Timestamp,
        /// Creation time.
        created_at: Timestamp,
    }
}
