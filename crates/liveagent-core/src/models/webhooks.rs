//! Account API, webhooks: `/api/v1/accounts/{account_id}/webhooks...`.

use crate::types::{Id, Secret};

open_enum! {
    /// An event a webhook can subscribe to.
    pub enum WebhookEvent {
        /// Conversation status changed.
        ConversationStatusChanged = "conversation_status_changed",
        /// Conversation updated.
        ConversationUpdated = "conversation_updated",
        /// Conversation created.
        ConversationCreated = "conversation_created",
        /// Contact created.
        ContactCreated = "contact_created",
        /// Contact updated.
        ContactUpdated = "contact_updated",
        /// Message created.
        MessageCreated = "message_created",
        /// Message updated.
        MessageUpdated = "message_updated",
        /// The web widget was opened.
        WebwidgetTriggered = "webwidget_triggered",
        /// Inbox created.
        InboxCreated = "inbox_created",
        /// Inbox updated.
        InboxUpdated = "inbox_updated",
        /// Typing started.
        ConversationTypingOn = "conversation_typing_on",
        /// Typing stopped.
        ConversationTypingOff = "conversation_typing_off",
    }
}

model! {
    /// An inbox named by id and name.
    pub struct InboxRef {
        /// Inbox id.
        id: Id,
        /// Name.
        name: String,
    }
}

model! {
    /// A webhook (`webhooks/_webhook.json.jbuilder`).
    pub struct Webhook {
        /// Webhook id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Target URL.
        url: String,
        /// Account.
        account_id: Id,
        /// Subscribed events.
        subscriptions: Vec<WebhookEvent>,
        /// Signing secret for `X-Chatwoot-Signature` (recent servers).
        secret: Option<Secret>,
        /// The inbox, for inbox-scoped webhooks.
        inbox: Option<InboxRef>,
    }
}

model! {
    /// The `payload` of `GET webhooks`.
    pub struct WebhookListPayload {
        /// Webhooks.
        webhooks: Vec<Webhook> as items,
    }
}

model! {
    /// Body of `GET webhooks`.
    pub struct WebhookList {
        /// Webhooks.
        payload: WebhookListPayload as items,
    }
}

model! {
    /// The `payload` of webhook create and update.
    pub struct WebhookPayloadBody {
        /// The webhook.
        webhook: Webhook,
    }
}

model! {
    /// Body of webhook create and update.
    pub struct WebhookPayload {
        /// The webhook.
        payload: WebhookPayloadBody,
    }
}
