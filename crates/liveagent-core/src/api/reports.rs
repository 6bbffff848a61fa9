//! Account API v2, reports: `/api/v2/accounts/{account_id}/reports...`, `summary_reports/...`,
//! `live_reports/...` (administrators, or an enterprise role with `report_manage`).

use crate::models::{LiveGroupBy, OutgoingMessagesGroupBy, ReportMetric, ReportType};
use crate::types::Id;

params! {
    /// `GET reports`: one metric as a time series.
    pub struct GetReportTimeseriesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The metric.
        query metric: ReportMetric,
        /// What the report is about (`account` when absent).
        query r#type: Option<ReportType>,
        /// The agent's, inbox's, label's or team's id (for `type` other than `account`).
        query id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Period of each point: `day` (default), `week`, `month`, `year` or `hour`.
        query group_by: Option<String>,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
        /// The caller's UTC offset in hours (e.g. `5.5`), for period boundaries.
        query timezone_offset: Option<f64>,
    }
}

params! {
    /// `GET reports/summary`: the summary of a range and of the range before it.
    pub struct GetReportSummaryParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// What the report is about (`account` when absent).
        query r#type: Option<ReportType>,
        /// The agent's, inbox's, label's or team's id (for `type` other than `account`).
        query id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Period of each point: `day` (default), `week`, `month`, `year` or `hour`.
        query group_by: Option<String>,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
        /// The caller's UTC offset in hours (e.g. `5.5`), for period boundaries.
        query timezone_offset: Option<f64>,
    }
}

params! {
    /// `GET reports/bot_summary`: bot resolutions and handoffs in a range and the one before it.
    pub struct GetBotReportSummaryParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// What the report is about (`account` when absent).
        query r#type: Option<ReportType>,
        /// The agent's, inbox's, label's or team's id (for `type` other than `account`).
        query id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Period of each point: `day` (default), `week`, `month`, `year` or `hour`.
        query group_by: Option<String>,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
        /// The caller's UTC offset in hours (e.g. `5.5`), for period boundaries.
        query timezone_offset: Option<f64>,
    }
}

params! {
    /// `GET reports/bot_metrics`: conversations and messages of inboxes with an active bot.
    pub struct GetBotMetricsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
    }
}

params! {
    /// `GET reports/conversations?type=account`: open conversations right now.
    pub struct GetAccountConversationMetricsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// `account` (the server answers 422 without a type).
        query r#type: ReportType,
    }
}

params! {
    /// `GET reports/conversations/?type=agent`: each agent's open conversations, 25 agents a page. The spec lists this path with a trailing slash as an operation of its own; it is the same Rails route as `reports/conversations`.
    pub struct GetAgentConversationMetricsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// `agent`.
        query r#type: ReportType,
        /// Documented by the spec; the server lists every agent regardless.
        query user_id: Option<Id>,
        /// Page of agents, from 1.
        query page: Option<i64>,
    }
}

params! {
    /// `GET reports/first_response_time_distribution`: first responses per channel type by delay.
    pub struct GetFirstResponseTimeDistributionParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
    }
}

params! {
    /// `GET reports/inbox_label_matrix`: conversations per inbox and label.
    pub struct GetInboxLabelMatrixParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Only these inboxes.
        query inbox_ids: Option<Vec<Id>>,
        /// Only these labels.
        query label_ids: Option<Vec<Id>>,
    }
}

params! {
    /// `GET reports/outgoing_messages_count`: outgoing messages per agent, team, inbox or label.
    pub struct GetOutgoingMessagesCountParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// What to group by (the server answers 422 for anything else).
        query group_by: OutgoingMessagesGroupBy,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
    }
}

params! {
    /// `GET reports/agents`: the agent summary as CSV.
    pub struct DownloadAgentsReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (the CSV names the period).
        query since: i64,
        /// End of the range (exclusive), epoch seconds.
        query until: i64,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET reports/inboxes`: the inbox summary as CSV.
    pub struct DownloadInboxesReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (the CSV names the period).
        query since: i64,
        /// End of the range (exclusive), epoch seconds.
        query until: i64,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET reports/labels`: the label summary as CSV.
    pub struct DownloadLabelsReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (the CSV names the period).
        query since: i64,
        /// End of the range (exclusive), epoch seconds.
        query until: i64,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET reports/teams`: the team summary as CSV.
    pub struct DownloadTeamsReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (the CSV names the period).
        query since: i64,
        /// End of the range (exclusive), epoch seconds.
        query until: i64,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET reports/conversations_summary`: the account summary as CSV.
    pub struct DownloadConversationsSummaryReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (the CSV names the period).
        query since: i64,
        /// End of the range (exclusive), epoch seconds.
        query until: i64,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET reports/conversation_traffic`: conversations per weekday and hour as CSV.
    pub struct DownloadConversationTrafficReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// The caller's UTC offset in hours, for the weekday and hour buckets.
        query timezone_offset: Option<f64>,
    }
}

params! {
    /// `GET summary_reports/agent`: conversations, resolutions and average times per agent.
    pub struct GetAgentSummaryReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET summary_reports/team`: conversations, resolutions and average times per team.
    pub struct GetTeamSummaryReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET summary_reports/inbox`: conversations, resolutions and average times per inbox.
    pub struct GetInboxSummaryReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET summary_reports/label`: conversations, resolutions and average times per label.
    pub struct GetLabelSummaryReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Use the business-hours durations of the events.
        query business_hours: Option<bool>,
    }
}

params! {
    /// `GET summary_reports/channel`: conversations per channel type and status (a range of at most 6 months).
    pub struct GetChannelSummaryReportParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
    }
}

params! {
    /// `GET live_reports/conversation_metrics`: open, unattended, unassigned and pending conversations now.
    pub struct GetLiveConversationMetricsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Only this team's conversations.
        query team_id: Option<Id>,
    }
}

params! {
    /// `GET live_reports/grouped_conversation_metrics`: open conversations per agent or team now.
    pub struct GetGroupedConversationMetricsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// `assignee_id` or `team_id` (the server answers 422 for anything else).
        query group_by: LiveGroupBy,
        /// Only this team's conversations.
        query team_id: Option<Id>,
    }
}
