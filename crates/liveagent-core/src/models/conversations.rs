//! Account API, conversations: the models of `/api/v1/accounts/{account_id}/conversations...`.

use super::{
    Agent, AgentBotSlim, AppliedSla, ChannelType, Contact, MessagePush, SlaEvent, Team, TeamRow,
};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

open_enum! {
    /// Conversation status.
    pub enum ConversationStatus {
        /// Open: needs an agent.
        Open = "open" (0),
        /// Resolved.
        Resolved = "resolved" (1),
        /// Pending: with a bot, or waiting for something.
        Pending = "pending" (2),
        /// Snoozed until `snoozed_until` (or the next customer message).
        Snoozed = "snoozed" (3),
    }
}

open_enum! {
    /// Conversation priority.
    pub enum ConversationPriority {
        /// Low.
        Low = "low" (0),
        /// Medium.
        Medium = "medium" (1),
        /// High.
        High = "high" (2),
        /// Urgent.
        Urgent = "urgent" (3),
    }
}

open_enum! {
    /// Who a conversation is assigned to, as `meta.assignee_type` names it.
    pub enum AssigneeKind {
        /// A user (agent).
        User = "User",
        /// An agent bot.
        AgentBot = "AgentBot",
    }
}

one_of! {
    /// The assignee of a conversation: an agent, or an agent bot (see `meta.assignee_type`).
    pub enum Assignee parent_tag "assignee_type" {
        /// An agent (`_agent.json.jbuilder`).
        Agent("User", Agent),
        /// An agent bot (`_agent_bot_slim.json.jbuilder`).
        Bot("AgentBot", AgentBotSlim),
    }
}

one_of! {
    /// What `POST conversations/{id}/assignments` answers: the new agent, agent bot or team.
    pub enum Assignment {
        /// An agent was assigned.
        Agent(Agent),
        /// An agent bot was assigned.
        Bot(AgentBotSlim),
        /// A team was assigned (the raw team record).
        Team(TeamRow),
    }
}

model! {
    /// The `meta` block of a conversation.
    pub struct ConversationMeta {
        /// The contact.
        sender: Contact,
        /// The inbox's channel type.
        channel: Option<ChannelType>,
        /// The assignee, if any.
        assignee: Option<Assignee>,
        /// `User` or `AgentBot`, with `assignee`.
        assignee_type: Option<AssigneeKind>,
        /// The team, if any.
        team: Option<Team>,
        /// Whether the contact's identity was verified (HMAC).
        hmac_verified: Option<bool>,
    }
}

model! {
    /// A conversation (`conversations/partials/_conversation.json.jbuilder`).
    pub struct Conversation {
        /// Contact, channel, assignee and team.
        meta: ConversationMeta,
        /// Per-account display id: the id account-API paths take.
        id: Id,
        /// The last message, if any (at most one).
        messages: Vec<MessagePush>,
        /// Account.
        account_id: Id,
        /// Global UUID.
        uuid: String,
        /// Free-form attributes set by the channel (browser, referer, mail subject...).
        additional_attributes: JsonObject,
        /// When an agent last saw it (0: never).
        agent_last_seen_at: Timestamp,
        /// When the assignee last saw it (0: never).
        assignee_last_seen_at: Timestamp,
        /// Whether the channel's messaging window allows a reply now.
        can_reply: bool,
        /// When the contact last saw it (0: never).
        contact_last_seen_at: Timestamp,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// Inbox.
        inbox_id: Id,
        /// Label names.
        labels: Vec<String>,
        /// Whether the contact is blocked.
        muted: bool,
        /// End of the snooze.
        snoozed_until: Option<Timestamp> as iso,
        /// Status.
        status: ConversationStatus,
        /// Creation time.
        created_at: Timestamp,
        /// Last update.
        updated_at: Timestamp,
        /// Last activity (same as `last_activity_at`).
        timestamp: Timestamp,
        /// First human reply (0: none yet).
        first_reply_created_at: Timestamp,
        /// Unread incoming messages, capped at 10.
        unread_count: i64,
        /// The newest message that is not an activity message.
        last_non_activity_message: Option<MessagePush>,
        /// Last activity.
        last_activity_at: Timestamp,
        /// Priority.
        priority: Option<ConversationPriority>,
        /// Since when the contact waits for a reply (0: not waiting).
        waiting_since: Timestamp,
        /// SLA policy (enterprise).
        sla_policy_id: Option<Id>,
        /// The applied SLA (enterprise, `sla` feature).
        applied_sla: Option<AppliedSla>,
        /// SLA events (enterprise, `sla` feature).
        sla_events: Option<Vec<SlaEvent>>,
        /// Live Agent: the Cognigy.AI session of the conversation.
        cognigy_session_id: Option<String>,
        /// Live Agent: position and details in the routing queue.
        queue_details: Option<serde_json::Value>,
    }
}

model! {
    /// Conversation counts per assignee type (`conversations/meta.json.jbuilder`).
    pub struct ConversationCountsMeta {
        /// Assigned to the caller.
        mine_count: i64,
        /// Assigned to anyone (all minus unassigned).
        assigned_count: i64,
        /// Assigned to nobody (a bot assignment counts as unassigned).
        unassigned_count: i64,
        /// All matching conversations.
        all_count: i64,
    }
}

model! {
    /// Body of `GET conversations/meta`.
    pub struct ConversationCounts {
        /// The counts.
        meta: ConversationCountsMeta,
    }
}

model! {
    /// The `data` block of `GET conversations`.
    pub struct ConversationListData {
        /// Counts for the whole filter (not just this page).
        meta: ConversationCountsMeta,
        /// One page (25) of conversations.
        payload: Vec<Conversation> as items,
    }
}

model! {
    /// Body of `GET conversations`.
    pub struct ConversationList {
        /// Counts and one page.
        data: ConversationListData as items,
    }
}

model! {
    /// Counts returned by filter and search (no `assigned_count`).
    pub struct FilterCountsMeta {
        /// Assigned to the caller.
        mine_count: i64,
        /// Assigned to nobody.
        unassigned_count: i64,
        /// All matching conversations.
        all_count: i64,
    }
}

model! {
    /// Body of `POST conversations/filter` (no `data` wrapper).
    pub struct ConversationFilterResult {
        /// Counts.
        meta: FilterCountsMeta,
        /// One page (25) of conversations.
        payload: Vec<Conversation> as items,
    }
}

model! {
    /// The `payload` of `POST conversations/{id}/toggle_status`.
    pub struct ToggleStatusPayload {
        /// Whether the change was saved (`null` when a bot handed the conversation off).
        success: Option<bool>,
        /// The conversation's display id.
        conversation_id: Id,
        /// The status now.
        current_status: ConversationStatus,
        /// End of the snooze.
        snoozed_until: Option<Timestamp> as iso,
    }
}

model! {
    /// Body of `POST conversations/{id}/toggle_status`.
    pub struct ToggleStatusResult {
        /// Upstream renders no `meta` key; older servers render `{}`.
        meta: Option<JsonObject>,
        /// The outcome.
        payload: ToggleStatusPayload,
    }
}

model! {
    /// Body of `POST conversations/{id}/custom_attributes`.
    pub struct ConversationCustomAttributes {
        /// The conversation's custom attributes now (the whole set).
        custom_attributes: JsonObject,
    }
}

model! {
    /// A list of label names (`labels/index.json.jbuilder`).
    pub struct LabelNames {
        /// Label names.
        payload: Vec<String> as items,
    }
}

model! {
    /// Contact of a search result.
    pub struct SearchConversationContact {
        /// Contact id.
        id: Id,
        /// Name (may be empty).
        name: Option<String>,
    }
}

model! {
    /// Inbox of a search result.
    pub struct SearchConversationInbox {
        /// Inbox id.
        id: Id,
        /// Name.
        name: String,
        /// Channel type.
        channel_type: ChannelType,
    }
}

model! {
    /// A message that matched a conversation search.
    pub struct SearchMessage {
        /// Text.
        content: Option<String>,
        /// Message id.
        id: Id,
        /// Sender's name, when there is a sender.
        sender_name: Option<String>,
        /// Incoming or outgoing.
        message_type: super::MessageType,
        /// Creation time.
        created_at: Timestamp,
    }
}

model! {
    /// A conversation as search renders it (`models/_conversation.json.jbuilder`).
    pub struct SearchConversation {
        /// Display id.
        id: Id,
        /// Global UUID.
        uuid: String,
        /// Creation time.
        created_at: Timestamp,
        /// The contact.
        contact: SearchConversationContact,
        /// The inbox.
        inbox: SearchConversationInbox,
        /// The messages that matched.
        messages: Vec<SearchMessage>,
        /// Account.
        account_id: Id,
    }
}

model! {
    /// Body of `GET conversations/search`.
    pub struct ConversationSearchResult {
        /// Counts (may count a conversation once per matching message).
        meta: FilterCountsMeta,
        /// One page (25) of matches.
        payload: Vec<SearchConversation> as items,
    }
}
