//! Account API v2, reports: `/api/v2/accounts/{account_id}/reports...`, `summary_reports/...`
//! and `live_reports/...`. The server renders builder hashes as JSON: averages are Postgres
//! averages (`BigDecimal`, which Rails sends as a string) or `null`, counts are integers.

use crate::types::{Id, Timestamp};
use std::collections::BTreeMap;

open_enum! {
    /// A report metric (`Reports::ReportMetricRegistry`).
    pub enum ReportMetric {
        /// Conversations created.
        ConversationsCount = "conversations_count",
        /// Incoming messages.
        IncomingMessagesCount = "incoming_messages_count",
        /// Outgoing messages.
        OutgoingMessagesCount = "outgoing_messages_count",
        /// Average first response time, seconds (`first_response` events).
        AvgFirstResponseTime = "avg_first_response_time",
        /// Average resolution time, seconds (`conversation_resolved` events).
        AvgResolutionTime = "avg_resolution_time",
        /// Average reply time, seconds (`reply_time` events).
        ReplyTime = "reply_time",
        /// Resolutions (`conversation_resolved` events).
        ResolutionsCount = "resolutions_count",
        /// Resolutions by a bot without a handoff.
        BotResolutionsCount = "bot_resolutions_count",
        /// Conversations a bot handed off.
        BotHandoffsCount = "bot_handoffs_count",
    }
}

open_enum! {
    /// What a report is about (`type`).
    pub enum ReportType {
        /// The whole account.
        Account = "account",
        /// One agent (`id` is the user id).
        Agent = "agent",
        /// One inbox.
        Inbox = "inbox",
        /// One label.
        Label = "label",
        /// One team.
        Team = "team",
    }
}

model! {
    /// A point of a report's time series (`Reports::RawDataSource#timeseries`).
    pub struct ReportPoint {
        /// The count, or the average in seconds (a decimal string for averages).
        value: f64 as flex,
        /// Start of the period, epoch seconds.
        timestamp: Timestamp,
        /// Events averaged (average metrics only).
        count: Option<i64>,
    }
}

model! {
    /// One period of `GET reports/summary` (`MetricBuilder#summary`).
    pub struct ReportSummaryPeriod {
        /// Conversations created.
        conversations_count: i64,
        /// Incoming messages.
        incoming_messages_count: i64,
        /// Outgoing messages.
        outgoing_messages_count: i64,
        /// Average first response time, seconds (`null` without events).
        avg_first_response_time: Option<f64> as flex,
        /// Average resolution time, seconds (`null` without events).
        avg_resolution_time: Option<f64> as flex,
        /// Resolutions.
        resolutions_count: i64,
        /// Average reply time, seconds (`null` without events).
        reply_time: Option<f64> as flex,
    }
}

model! {
    /// Body of `GET reports/summary`: the period asked for, and the one before it.
    pub struct ReportSummary {
        /// Conversations created.
        conversations_count: i64,
        /// Incoming messages.
        incoming_messages_count: i64,
        /// Outgoing messages.
        outgoing_messages_count: i64,
        /// Average first response time, seconds (`null` without events).
        avg_first_response_time: Option<f64> as flex,
        /// Average resolution time, seconds (`null` without events).
        avg_resolution_time: Option<f64> as flex,
        /// Resolutions.
        resolutions_count: i64,
        /// Average reply time, seconds (`null` without events).
        reply_time: Option<f64> as flex,
        /// The same figures for the equally long period before `since`.
        previous: ReportSummaryPeriod,
    }
}

model! {
    /// One period of `GET reports/bot_summary` (`MetricBuilder#bot_summary`).
    pub struct BotReportSummaryPeriod {
        /// Conversations resolved by a bot without a handoff.
        bot_resolutions_count: i64,
        /// Conversations a bot handed off to an agent.
        bot_handoffs_count: i64,
    }
}

model! {
    /// Body of `GET reports/bot_summary`.
    pub struct BotReportSummary {
        /// Conversations resolved by a bot without a handoff.
        bot_resolutions_count: i64,
        /// Conversations a bot handed off to an agent.
        bot_handoffs_count: i64,
        /// The same figures for the equally long period before `since`.
        previous: BotReportSummaryPeriod,
    }
}

model! {
    /// Body of `GET reports/bot_metrics` (`V2::Reports::BotMetricsBuilder#metrics`).
    pub struct BotMetrics {
        /// Conversations in inboxes with an active bot.
        conversation_count: i64,
        /// Outgoing messages in those conversations.
        message_count: i64,
        /// Bot resolutions per conversation, percent (whole number).
        resolution_rate: i64,
        /// Handoffs per conversation, percent (whole number).
        handoff_rate: i64,
    }
}

model! {
    /// Body of `GET reports/conversations?type=account` (`V2::ReportBuilder#live_conversations`).
    pub struct AccountConversationMetrics {
        /// Open conversations.
        open: i64,
        /// Open conversations without a first reply, or waiting for one.
        unattended: i64,
        /// Open conversations without an assigned agent.
        unassigned: i64,
        /// Open conversations that are pending (always 0: the server intersects two statuses).
        pending: i64,
    }
}

model! {
    /// An agent's open and unattended conversations.
    pub struct AgentOpenMetrics {
        /// Open conversations assigned to the agent.
        open: i64,
        /// Of those, unattended.
        unattended: i64,
    }
}

model! {
    /// An item of `GET reports/conversations/?type=agent` (`V2::ReportBuilder#agent_metrics`).
    pub struct AgentConversationMetrics {
        /// User id.
        id: Id,
        /// Name.
        name: String,
        /// Email.
        email: String,
        /// Avatar URL (`""` without one).
        thumbnail: String,
        /// `online`, `busy` or `offline`.
        availability: String,
        /// Open conversations.
        metric: AgentOpenMetrics,
    }
}

/// Body of `GET reports/first_response_time_distribution`: by channel type
/// (`Channel::WebWidget`, ...), first responses per delay bucket (`0-1h`, `1-4h`, `4-8h`,
/// `8-24h`, `24h+`).
pub type ResponseTimeDistribution = BTreeMap<String, Option<BTreeMap<String, Option<i64>>>>;

model! {
    /// An inbox of the inbox-label matrix.
    pub struct MatrixInbox {
        /// Inbox id.
        id: Id,
        /// Inbox name.
        name: String,
    }
}

model! {
    /// A label of the inbox-label matrix.
    pub struct MatrixLabel {
        /// Label id.
        id: Id,
        /// Label title.
        title: String,
    }
}

model! {
    /// Body of `GET reports/inbox_label_matrix` (`InboxLabelMatrixBuilder#build`).
    pub struct InboxLabelMatrix {
        /// Inboxes, by name.
        inboxes: Vec<MatrixInbox>,
        /// Labels, by title.
        labels: Vec<MatrixLabel>,
        /// `matrix[i][j]`: conversations of `inboxes[i]` labelled `labels[j]`.
        matrix: Vec<Vec<i64>>,
    }
}

open_enum! {
    /// What `GET reports/outgoing_messages_count` groups by.
    pub enum OutgoingMessagesGroupBy {
        /// The sending agent.
        Agent = "agent",
        /// The conversation's team.
        Team = "team",
        /// The inbox.
        Inbox = "inbox",
        /// The conversation's labels.
        Label = "label",
    }
}

model! {
    /// An item of `GET reports/outgoing_messages_count` (`OutgoingMessagesCountBuilder`).
    pub struct OutgoingMessagesCount {
        /// Id of the agent, team, inbox or label (`null` for a label since deleted).
        id: Option<Id>,
        /// Its name (`null` when the record is gone).
        name: Option<String>,
        /// Outgoing messages in the range.
        outgoing_messages_count: i64,
    }
}

model! {
    /// An item of `GET summary_reports/agent|team|inbox` (`BaseSummaryBuilder` subclasses).
    pub struct SummaryReportRow {
        /// Agent (user), team or inbox id.
        id: Id,
        /// Conversations created in the range (assigned to the agent, of the team or inbox).
        conversations_count: i64,
        /// Resolutions in the range.
        resolved_conversations_count: i64,
        /// Average resolution time, seconds (`null` without data).
        avg_resolution_time: Option<f64> as flex,
        /// Average first response time, seconds (`null` without data).
        avg_first_response_time: Option<f64> as flex,
        /// Average reply time, seconds (`null` without data).
        avg_reply_time: Option<f64> as flex,
    }
}

model! {
    /// An item of `GET summary_reports/label` (`LabelSummaryBuilder`).
    pub struct LabelSummaryReportRow {
        /// Label id.
        id: Id,
        /// Label title.
        name: String,
        /// Conversations with the label created in the range.
        conversations_count: i64,
        /// Average resolution time, seconds (0 without data).
        avg_resolution_time: f64,
        /// Average first response time, seconds (0 without data).
        avg_first_response_time: f64,
        /// Average reply time, seconds (0 without data).
        avg_reply_time: f64,
        /// Resolutions of labelled conversations in the range.
        resolved_conversations_count: i64,
    }
}

model! {
    /// Conversations of one channel type by status (`ChannelSummaryBuilder`).
    pub struct ChannelSummary {
        /// Open.
        open: i64,
        /// Resolved.
        resolved: i64,
        /// Pending.
        pending: i64,
        /// Snoozed.
        snoozed: i64,
        /// All four.
        total: i64,
    }
}

/// Body of `GET summary_reports/channel`: by channel type (`Channel::Api`, ...).
pub type ChannelSummaryReport = BTreeMap<String, Option<ChannelSummary>>;

model! {
    /// Body of `GET live_reports/conversation_metrics`.
    pub struct LiveConversationMetrics {
        /// Open conversations.
        open: i64,
        /// Open conversations without a first reply, or waiting for one.
        unattended: i64,
        /// Open conversations without an assigned agent.
        unassigned: i64,
        /// Pending conversations.
        pending: i64,
    }
}

open_enum! {
    /// What `GET live_reports/grouped_conversation_metrics` groups by.
    pub enum LiveGroupBy {
        /// The assigned agent.
        AssigneeId = "assignee_id",
        /// The team.
        TeamId = "team_id",
    }
}

model! {
    /// An item of `GET live_reports/grouped_conversation_metrics`: one agent's or team's open
    /// conversations (`null` id: none assigned).
    pub struct GroupedConversationMetrics {
        /// Open conversations.
        open: i64,
        /// Of those, unattended.
        unattended: i64,
        /// Of those, without an assigned agent.
        unassigned: i64,
        /// The agent (with `group_by=assignee_id`).
        assignee_id: Option<Id>,
        /// The team (with `group_by=team_id`).
        team_id: Option<Id>,
    }
}
