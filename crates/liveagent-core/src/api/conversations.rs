//! Account API, conversations: `/api/v1/accounts/{account_id}/conversations...`.

use super::FilterCondition;
use crate::models::{
    AssigneeKind, ContentType, ConversationPriority, ConversationStatus, MessageType,
};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

open_enum! {
    /// Which conversations by assignee.
    pub enum AssigneeFilter {
        /// Assigned to the caller.
        Me = "me",
        /// Assigned to nobody.
        Unassigned = "unassigned",
        /// Assigned to anyone.
        Assigned = "assigned",
        /// All.
        All = "all",
    }
}

open_enum! {
    /// Which conversations by status (`all` for every status).
    pub enum StatusFilter {
        /// Open (the server's default).
        Open = "open",
        /// Resolved.
        Resolved = "resolved",
        /// Pending.
        Pending = "pending",
        /// Snoozed.
        Snoozed = "snoozed",
        /// Every status.
        All = "all",
    }
}

open_enum! {
    /// Conversations by the caller's involvement.
    pub enum ConversationTypeFilter {
        /// The caller was mentioned.
        Mention = "mention",
        /// The caller participates.
        Participating = "participating",
        /// Waiting for a first reply.
        Unattended = "unattended",
    }
}

open_enum! {
    /// Conversation list order.
    pub enum ConversationSort {
        /// Last activity, oldest first.
        LastActivityAtAsc = "last_activity_at_asc",
        /// Last activity, newest first (default).
        LastActivityAtDesc = "last_activity_at_desc",
        /// Creation, oldest first.
        CreatedAtAsc = "created_at_asc",
        /// Creation, newest first.
        CreatedAtDesc = "created_at_desc",
        /// Priority, lowest first.
        PriorityAsc = "priority_asc",
        /// Priority, highest first.
        PriorityDesc = "priority_desc",
        /// Waiting longest last.
        WaitingSinceAsc = "waiting_since_asc",
        /// Waiting longest first.
        WaitingSinceDesc = "waiting_since_desc",
    }
}

open_enum! {
    /// Typing indicator state.
    pub enum TypingStatus {
        /// Typing.
        On = "on",
        /// Stopped typing.
        Off = "off",
    }
}

params! {
    /// `GET conversations`: 25 per page, newest activity first.
    pub struct ListConversationsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// By assignee (counts in `meta` ignore it).
        query assignee_type: Option<AssigneeFilter>,
        /// By status (default `open`; ignored when `q` is set).
        query status: Option<StatusFilter>,
        /// Messages containing this text.
        query q: Option<String>,
        /// By inbox.
        query inbox_id: Option<Id>,
        /// By team.
        query team_id: Option<Id>,
        /// With any of these labels.
        query labels: Option<Vec<String>>,
        /// By the caller's involvement.
        query conversation_type: Option<ConversationTypeFilter>,
        /// By the contact's source id.
        query source_id: Option<String>,
        /// Order.
        query sort_by: Option<ConversationSort>,
        /// Page, from 1.
        query page: Option<u32>,
    }
}

params! {
    /// `GET conversations/meta`: counts per assignee type for the same filters.
    pub struct GetConversationCountsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// By status (default `open`).
        query status: Option<StatusFilter>,
        /// Messages containing this text.
        query q: Option<String>,
        /// By inbox.
        query inbox_id: Option<Id>,
        /// By team.
        query team_id: Option<Id>,
        /// With any of these labels.
        query labels: Option<Vec<String>>,
        /// By the caller's involvement.
        query conversation_type: Option<ConversationTypeFilter>,
        /// By the contact's source id.
        query source_id: Option<String>,
    }
}

params! {
    /// `POST conversations/filter`: conversations matching all conditions, 25 per page.
    pub struct FilterConversationsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Page, from 1.
        query page: Option<u32>,
        /// Conditions, joined by each one's `query_operator`.
        body payload: Vec<FilterCondition>,
    }
}

params! {
    /// `GET conversations/search`: conversations with a message containing `q`.
    pub struct SearchConversationsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Text to find in messages.
        query q: Option<String>,
        /// Page, from 1.
        query page: Option<u32>,
    }
}

params! {
    /// `GET conversations/{conversation_id}`.
    pub struct GetConversationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// The first message of a new conversation.
    pub struct NewConversationMessage {
        /// Text.
        body content: String,
        /// Direction (`incoming` only in API inboxes; default `outgoing`).
        body message_type: Option<MessageType>,
        /// Content type.
        body content_type: Option<ContentType>,
        /// Structured content.
        body content_attributes: Option<JsonObject>,
        /// WhatsApp template (`name`, `category`, `language`, `processed_params`).
        body template_params: Option<JsonObject>,
    }
}

params! {
    /// `POST conversations`: start a conversation with a contact in an inbox.
    pub struct CreateConversationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox.
        body inbox_id: Option<Id>,
        /// Contact.
        body contact_id: Option<Id>,
        /// The contact's id in the inbox (made if left out).
        body source_id: Option<String>,
        /// Mark the contact's identity as verified.
        body hmac_verified: Option<bool>,
        /// Free-form attributes.
        body additional_attributes: Option<JsonObject>,
        /// Custom attributes.
        body custom_attributes: Option<JsonObject>,
        /// Initial status (the server may override it: bots make it `pending`).
        body status: Option<ConversationStatus>,
        /// End of the snooze, ISO-8601 (with status `snoozed`).
        body snoozed_until: Option<String>,
        /// Agent to assign.
        body assignee_id: Option<Id>,
        /// Team to assign.
        body team_id: Option<Id>,
        /// A first message.
        body message: Option<NewConversationMessage>,
    }
}

params! {
    /// `PATCH conversations/{conversation_id}`: priority (and SLA policy on enterprise).
    pub struct UpdateConversationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Priority; send `null` to clear it.
        body priority: Option<ConversationPriority>,
        /// SLA policy (enterprise).
        body sla_policy_id: Option<Id>,
    }
}

params! {
    /// `POST conversations/{conversation_id}/toggle_status`.
    pub struct ToggleConversationStatusParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// New status; unset toggles open/resolved.
        body status: Option<ConversationStatus>,
        /// End of the snooze (sent as epoch seconds).
        body snoozed_until: Option<Timestamp>,
    }
}

params! {
    /// `POST conversations/{conversation_id}/toggle_priority`.
    pub struct ToggleConversationPriorityParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// New priority; unset clears it.
        body priority: Option<ConversationPriority>,
    }
}

params! {
    /// `POST conversations/{conversation_id}/toggle_typing_status`.
    pub struct ToggleTypingStatusParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// On or off.
        body typing_status: TypingStatus,
        /// Typing a private note.
        body is_private: Option<bool>,
    }
}

params! {
    /// `POST conversations/{conversation_id}/custom_attributes`: replaces the whole set.
    pub struct UpdateConversationCustomAttributesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// The new custom attributes (keys left out are removed).
        body custom_attributes: JsonObject,
    }
}

params! {
    /// `POST conversations/{conversation_id}/assignments`: an agent, an agent bot or a team.
    pub struct AssignConversationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// Agent (or bot, with `assignee_type: AgentBot`); `null` unassigns.
        body assignee_id: Option<Id>,
        /// `User` (default) or `AgentBot`.
        body assignee_type: Option<AssigneeKind>,
        /// Team (used when no `assignee_id` is given).
        body team_id: Option<Id>,
    }
}

params! {
    /// `GET conversations/{conversation_id}/labels`.
    pub struct ListConversationLabelsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}

params! {
    /// `POST conversations/{conversation_id}/labels`: replaces the conversation's labels.
    pub struct AddConversationLabelsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// The labels the conversation will have (others are removed).
        body labels: Vec<String>,
    }
}

params! {
    /// `GET conversations/{conversation_id}/reporting_events` (enterprise).
    pub struct ListConversationReportingEventsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
    }
}
