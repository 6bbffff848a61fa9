//! Live Agent's OData analytics service: the rows of its collections, as Cognigy documents
//! them (`docs/live-agent/tools/odata-endpoint`, versions 1.0, 1.1 and 2.0).
//!
//! Every field is conditional: `select` picks the fields a page carries, and the versions differ
//! in fields both ways (1.1 has `Message.status`, 1.0 and 2.0 do not). Ids come as numbers or
//! numeric strings (2.0 documents strings), and JSON fields as objects or JSON text (the service
//! sends `custom_attributes` as text since Live Agent 4.77): both forms are documented, so
//! neither is drift. Codes (`status`, `message_type`, ...) are the service's integers.

use crate::types::{Id, Secret, Timestamp};
use serde_json::Value;

/// One page type a collection: the rows under `value` (`@odata.context` and any other
/// annotation are kept in `extra`).
macro_rules! odata_pages {
    ($($page:ident $row:ident),* $(,)?) => {$(
        model! {
            /// A page of an OData collection.
            pub struct $page {
                /// The rows.
                value: Vec<$row> as items,
            }
        }
    )*};
}

odata_pages!(
    OdataMessagePage OdataMessage,
    OdataConversationPage OdataConversation,
    OdataInboxPage OdataInbox,
    OdataLabelPage OdataLabel,
    OdataUserPage OdataUser,
    OdataReportingEventPage OdataReportingEvent,
    OdataTeamPage OdataTeam,
    OdataAgentAvailabilityRecordPage OdataAgentAvailabilityRecord,
);

model! {
    /// A row of `Message`: one message of any conversation of the account.
    pub struct OdataMessage {
        /// Message id.
        id: Option<Id> as flex,
        /// Text.
        content: Option<String>,
        /// Account.
        account_id: Option<Id> as flex,
        /// Inbox.
        inbox_id: Option<Id> as flex,
        /// Conversation (database id).
        conversation_id: Option<Id> as flex,
        /// 0 incoming, 1 outgoing, 2 activity, 3 template.
        message_type: Option<i64>,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Visible only to agents.
        private: Option<bool>,
        /// 0 sent, 1 delivered, 2 read, 3 failed (version 1.1).
        status: Option<i64>,
        /// The channel's id for the message (version 1.1).
        source_id: Option<String>,
        /// 0 text, 1 input_text, 2 input_textarea, 3 input_email, 4 input_select, 5 cards,
        /// 6 form, 7 article, 8 incoming_email, 9 input_csat, 2016 Cognigy, 2017 file request.
        content_type: Option<i64>,
        /// Structured content (an object, or its JSON text).
        content_attributes: Option<Value>,
        /// Who sent it: `Contact`, `Agent`, `cognigy`, ...
        sender_type: Option<String>,
        /// The sender's id.
        sender_id: Option<Id> as flex,
    }
}

model! {
    /// A row of `Conversation`.
    pub struct OdataConversation {
        /// Conversation id (database id).
        id: Option<Id> as flex,
        /// Account.
        account_id: Option<Id> as flex,
        /// Inbox.
        inbox_id: Option<Id> as flex,
        /// 0 open, 1 resolved, 2 pending, 3 snoozed; 4 abandoned, 5 deleted (version 2.0).
        status: Option<i64>,
        /// Assigned agent.
        assignee_id: Option<Id> as flex,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Contact.
        contact_id: Option<Id> as flex,
        /// The per-account number the agent dashboard shows.
        display_id: Option<Id> as flex,
        /// When the contact last read it (version 1.1).
        contact_last_seen_at: Option<Timestamp> as iso,
        /// When the agent last read it.
        agent_last_seen_at: Option<Timestamp> as iso,
        /// Channel attributes (an object, or its JSON text).
        additional_attributes: Option<Value>,
        /// The contact's identity in the inbox.
        contact_inbox_id: Option<Id> as flex,
        /// UUID.
        uuid: Option<String>,
        /// Identifier (version 1.1).
        identifier: Option<String>,
        /// Last activity.
        last_activity_at: Option<Timestamp> as iso,
        /// Team.
        team_id: Option<Id> as flex,
        /// Snoozed until.
        snoozed_until: Option<Timestamp> as iso,
        /// Custom attributes (an object, or its JSON text).
        custom_attributes: Option<Value>,
        /// When the assignee last read it.
        assignee_last_seen_at: Option<Timestamp> as iso,
        /// The Cognigy session.
        cognigy_session_id: Option<String>,
        /// When a human agent was assigned (versions 1.0 and 2.0).
        assigned_at: Option<Timestamp> as iso,
        /// When a human agent resolved or abandoned it (versions 1.0 and 2.0).
        ended_at: Option<Timestamp> as iso,
        /// First agent reply (version 2.0).
        first_reply_created_at: Option<Timestamp> as iso,
        /// 0 low, 1 medium, 2 high, 3 urgent, 4 escalation (version 2.0).
        priority: Option<i64>,
    }
}

model! {
    /// A row of `Inbox`.
    pub struct OdataInbox {
        /// Inbox id.
        id: Option<Id> as flex,
        /// The channel record.
        channel_id: Option<Id> as flex,
        /// Name.
        name: Option<String>,
        /// Email address (version 1.1).
        email_address: Option<String>,
        /// Account.
        account_id: Option<Id> as flex,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Channel class (`Channel::Api`, `Channel::WebWidget`, ...).
        channel_type: Option<String>,
        /// Auto-assignment on.
        enable_auto_assignment: Option<bool>,
        /// Greeting on (version 1.1).
        greeting_enabled: Option<bool>,
        /// Greeting (version 1.1).
        greeting_message: Option<String>,
        /// Working hours on.
        working_hours_enabled: Option<bool>,
        /// Shown outside working hours.
        out_of_office_message: Option<String>,
        /// Time zone.
        timezone: Option<String>,
        /// Email collection on.
        enable_email_collect: Option<bool>,
        /// CSAT survey on.
        csat_survey_enabled: Option<bool>,
        /// Cognigy organisation.
        cognigy_organization_id: Option<String>,
        /// Cognigy project.
        cognigy_project_id: Option<String>,
        /// Auto-reassignment on.
        enable_auto_reassignment: Option<bool>,
        /// Agents see every conversation of the inbox (version 1.0's spelling).
        conversation_show_all: Option<bool>,
        /// Agents see every conversation of the inbox (versions 1.1 and 2.0).
        conversations_show_all: Option<bool>,
    }
}

model! {
    /// A row of `Label`.
    pub struct OdataLabel {
        /// Label id.
        id: Option<Id> as flex,
        /// Title.
        title: Option<String>,
        /// Description.
        description: Option<String>,
        /// Color.
        color: Option<String>,
        /// Shown in the sidebar.
        show_on_sidebar: Option<bool>,
        /// Account.
        account_id: Option<Id> as flex,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Conversations with the label (versions 1.0 and 2.0).
        conversation_ids: Option<Vec<Id>>,
    }
}

model! {
    /// A row of `User`. Version 1.1 carries credential material (password hash, reset and
    /// confirmation tokens): those fields are secrets, never shown by `Debug`.
    pub struct OdataUser {
        /// User id.
        id: Option<Id> as flex,
        /// Sign-in provider (`email`, `cognigy`).
        provider: Option<String>,
        /// The provider's id of the user.
        uid: Option<String>,
        /// Password hash (version 1.1).
        encrypted_password: Option<Secret>,
        /// Password reset token (version 1.1).
        reset_password_token: Option<Secret>,
        /// When the reset was sent (version 1.1).
        reset_password_sent_at: Option<Timestamp> as iso,
        /// When "remember me" was set (version 1.1).
        remember_created_at: Option<Timestamp> as iso,
        /// Sign-ins.
        sign_in_count: Option<i64>,
        /// IP of the current sign-in (version 1.1).
        current_sign_in_ip: Option<String>,
        /// IP of the previous sign-in (version 1.1).
        last_sign_in_ip: Option<String>,
        /// Confirmation token (version 1.1).
        confirmation_token: Option<Secret>,
        /// When the email was confirmed.
        confirmed_at: Option<Timestamp> as iso,
        /// When the confirmation was sent.
        confirmation_sent_at: Option<Timestamp> as iso,
        /// An email waiting for confirmation.
        unconfirmed_email: Option<String>,
        /// Name.
        name: Option<String>,
        /// Display name.
        display_name: Option<String>,
        /// Email.
        email: Option<String>,
        /// Session tokens (hashes; an object, or its JSON text).
        tokens: Option<Value>,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Live-updates token.
        pubsub_token: Option<Secret>,
        /// Availability code (see `OdataAgentAvailabilityRecord`).
        availability: Option<i64>,
        /// Custom attributes (an object, or its JSON text).
        custom_attributes: Option<Value>,
        /// The Cognigy user.
        cognigy_user_id: Option<String>,
        /// Current sign-in.
        current_sign_in_at: Option<Timestamp> as iso,
        /// Previous sign-in.
        last_sign_in_at: Option<Timestamp> as iso,
        /// Last sign-out (versions 1.0 and 2.0).
        last_sign_out_at: Option<Timestamp> as iso,
    }
}

model! {
    /// A row of `ReportingEvent`: a measured moment of a conversation (first reply,
    /// resolution, ...).
    pub struct OdataReportingEvent {
        /// Event id.
        id: Option<Id> as flex,
        /// Start of the measured span.
        event_start_time: Option<Timestamp> as iso,
        /// End of the measured span.
        event_end_time: Option<Timestamp> as iso,
        /// `message_created`, `conversation_resolved`, `first_reply_created`, ...
        name: Option<String>,
        /// The measure (seconds, or 1 for a count).
        value: Option<f64>,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Account.
        account_id: Option<Id> as flex,
        /// Conversation.
        conversation_id: Option<Id> as flex,
        /// Inbox.
        inbox_id: Option<Id> as flex,
        /// Agent.
        user_id: Option<Id> as flex,
    }
}

model! {
    /// A row of `Team` (version 2.0).
    pub struct OdataTeam {
        /// Team id.
        id: Option<Id> as flex,
        /// Name.
        name: Option<String>,
        /// Description.
        description: Option<String>,
        /// Conversations may be auto-assigned to it.
        allow_auto_assign: Option<bool>,
        /// Account.
        account_id: Option<Id> as flex,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Its agents.
        members: Option<Vec<OdataUser>>,
    }
}

model! {
    /// A row of `AgentAvailabilityRecord` (version 2.0): an agent's availability from a time on.
    pub struct OdataAgentAvailabilityRecord {
        /// Record id.
        id: Option<Id> as flex,
        /// 0 online, 1 offline, 2 busy, 3 away.
        availability: Option<i64>,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// Account.
        account_id: Option<Id> as flex,
        /// Agent.
        user_id: Option<Id> as flex,
    }
}
