//! Account API, webhooks: `/api/v1/accounts/{account_id}/webhooks...` (administrators).

use crate::models::WebhookEvent;
use crate::types::Id;

params! {
    /// `GET webhooks`.
    pub struct ListWebhooksParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `POST webhooks`.
    pub struct CreateWebhookParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Target URL (http or https, unique per account).
        body url: String,
        /// Name.
        body name: Option<String>,
        /// Events (default: the eight conversation, contact, message and widget events).
        body subscriptions: Option<Vec<WebhookEvent>>,
        /// Only this inbox's events.
        body inbox_id: Option<Id>,
    }
}

params! {
    /// `PATCH webhooks/{webhook_id}`.
    pub struct UpdateWebhookParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Webhook id.
        path webhook_id: Id,
        /// Target URL.
        body url: Option<String>,
        /// Name.
        body name: Option<String>,
        /// Events.
        body subscriptions: Option<Vec<WebhookEvent>>,
        /// Only this inbox's events.
        body inbox_id: Option<Id>,
    }
}

params! {
    /// `DELETE webhooks/{webhook_id}`.
    pub struct DeleteWebhookParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Webhook id.
        path webhook_id: Id,
    }
}
