//! Account API, CSAT survey responses, reporting events and audit logs:
//! `/api/v1/accounts/{account_id}/csat_survey_responses...`, `reporting_events`, `audit_logs`.

use crate::types::Id;

params! {
    /// `GET csat_survey_responses`: 25 a page (administrators).
    pub struct ListCsatSurveyResponsesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Only responses whose assigned agent is one of these users.
        query user_ids: Option<Vec<Id>>,
        /// Only this inbox's conversations.
        query inbox_id: Option<Id>,
        /// Only this team's conversations.
        query team_id: Option<Id>,
        /// Only these ratings (1 to 5).
        query rating: Option<Vec<i64>>,
        /// Page, from 1.
        query page: Option<i64>,
    }
}

params! {
    /// `GET csat_survey_responses/metrics` (administrators).
    pub struct GetCsatSurveyMetricsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Only responses whose assigned agent is one of these users.
        query user_ids: Option<Vec<Id>>,
        /// Only this inbox's conversations.
        query inbox_id: Option<Id>,
        /// Only this team's conversations.
        query team_id: Option<Id>,
        /// Only these ratings (1 to 5).
        query rating: Option<Vec<i64>>,
    }
}

params! {
    /// `GET csat_survey_responses/download`: the responses as CSV (administrators). The CSV's last line names the period, so `since` and `until` are required.
    pub struct DownloadCsatSurveyResponsesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (the CSV names the period).
        query since: i64,
        /// End of the range (exclusive), epoch seconds.
        query until: i64,
        /// Only responses whose assigned agent is one of these users.
        query user_ids: Option<Vec<Id>>,
        /// Only this inbox's conversations.
        query inbox_id: Option<Id>,
        /// Only this team's conversations.
        query team_id: Option<Id>,
        /// Only these ratings (1 to 5).
        query rating: Option<Vec<i64>>,
    }
}

params! {
    /// `PATCH csat_survey_responses/{csat_survey_response_id}`: set a response's review notes
    /// (enterprise; administrators or a custom role with `report_manage`). The server records
    /// who wrote them and when.
    pub struct UpdateCsatSurveyResponseParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Response id.
        path csat_survey_response_id: Id,
        /// The notes; leaving them out clears them.
        body csat_review_notes: Option<String>,
    }
}

params! {
    /// `GET reporting_events`: 25 a page, newest first (enterprise; administrators).
    pub struct ListReportingEventsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Start of the range, epoch seconds (with `until`; no range without both).
        query since: Option<i64>,
        /// End of the range (exclusive), epoch seconds.
        query until: Option<i64>,
        /// Only this inbox's events.
        query inbox_id: Option<Id>,
        /// Only this user's events.
        query user_id: Option<Id>,
        /// Only events of this name (`first_response`, `reply_time`, `conversation_resolved`, ...).
        query name: Option<String>,
        /// Page, from 1.
        query page: Option<i64>,
    }
}

params! {
    /// `GET audit_logs`: 25 a page, newest first (enterprise; administrators).
    pub struct ListAuditLogsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Page, from 1.
        query page: Option<i64>,
    }
}
