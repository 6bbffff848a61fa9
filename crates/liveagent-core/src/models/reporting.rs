//! Account API, reporting events and audit logs (enterprise): `/api/v1/accounts/{account_id}/
//! reporting_events` and `audit_logs`.

use crate::models::ReportingEvent;
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

model! {
    /// Page facts of `GET reporting_events`.
    pub struct ReportingEventListMeta {
        /// Events matching the filters.
        count: i64,
        /// This page.
        current_page: i64,
        /// Pages in all.
        total_pages: i64,
    }
}

model! {
    /// Body of `GET reporting_events`, 25 a page, newest first.
    pub struct ReportingEventList {
        /// Events.
        payload: Vec<ReportingEvent> as items,
        /// Page facts.
        meta: ReportingEventListMeta,
    }
}

model! {
    /// An audit log entry (`audit_logs/show.json.jbuilder`).
    pub struct AuditLog {
        /// Entry id.
        id: Id,
        /// Id of the audited record.
        auditable_id: Option<Id>,
        /// Its class (`Inbox`, `Webhook`, `AccountUser`, ...).
        auditable_type: String,
        /// Its `push_event_data`, when it has one and still exists.
        auditable: Option<JsonObject>,
        /// Id of the associated record (the account).
        associated_id: Option<Id>,
        /// Its class (`Account`).
        associated_type: Option<String>,
        /// Who acted.
        user_id: Option<Id>,
        /// Their class (`User`).
        user_type: Option<String>,
        /// Their email.
        username: Option<String>,
        /// `create`, `update`, `destroy`, `sign_in`, `sign_out`, ...
        action: String,
        /// Changed attributes: `{attr: [before, after]}` on update, `{attr: value}` otherwise.
        audited_changes: JsonObject,
        /// Version of the audited record.
        version: Option<i64>,
        /// Comment.
        comment: Option<String>,
        /// Id of the request that made the change.
        request_uuid: Option<String>,
        /// Creation time.
        created_at: Timestamp,
        /// Caller's IP address.
        remote_address: Option<String>,
    }
}

model! {
    /// Body of `GET audit_logs`, 25 a page, newest first (empty unless the account has the
    /// `audit_logs` feature).
    pub struct AuditLogList {
        /// Entries per page (25).
        per_page: i64,
        /// Entries in all.
        total_entries: i64,
        /// This page.
        current_page: i64,
        /// Entries.
        audit_logs: Vec<AuditLog> as items,
    }
}
