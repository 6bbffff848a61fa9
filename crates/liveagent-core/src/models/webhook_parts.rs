//! Webhook payloads, the records they embed: conversations, contacts, senders, channels, as the
//! models' `webhook_data` methods render them (`Conversation#webhook_data`, `Contact#webhook_data`,
//! `User#webhook_data`, `AgentBot#webhook_data`, `Inbox::EventDataPresenter`).

use super::{
    AppliedSla, AssigneeKind, CaptainAssistantPush, ChannelType, ContactPush, ConversationPriority,
    ConversationStatus, MessagePush, MessageSender, SlaEvent,
};
use crate::schema::JsonObject;
use crate::types::{Id, Secret, Timestamp};
use std::collections::BTreeMap;

model! {
    /// An account named by id and name (`Account#webhook_data`).
    pub struct AccountRef {
        /// Account id.
        id: Id,
        /// Name.
        name: String,
    }
}

model! {
    /// A team named by id and name (`Team#push_event_data`).
    pub struct TeamPush {
        /// Team id.
        id: Id,
        /// Name (lowercase).
        name: String,
    }
}

model! {
    /// One changed attribute of a `*_updated` event: its value before and after.
    pub struct AttributeChange {
        /// The value before (ISO-8601 strings for times, as Rails renders them).
        previous_value: Option<serde_json::Value>,
        /// The value now.
        current_value: Option<serde_json::Value>,
    }
}

model! {
    /// A contact's identity in an inbox, the raw record (`contact_inboxes` row).
    pub struct ContactInboxRow {
        /// Contact-inbox id.
        id: Id,
        /// The contact.
        contact_id: Id,
        /// The inbox.
        inbox_id: Id,
        /// The contact's id in the channel (the public API's `contact_identifier`).
        source_id: String,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// Whether the contact's identity was verified (HMAC).
        hmac_verified: bool,
        /// The contact's ActionCable token: a credential.
        pubsub_token: Option<Secret>,
    }
}

model! {
    /// The `meta` block of a conversation in a webhook (push data: the sender with its `type`).
    pub struct WebhookConversationMeta {
        /// The contact.
        sender: ContactPush,
        /// The assignee (`User#push_event_data` or `AgentBot#push_event_data`), if any.
        assignee: Option<MessageSender>,
        /// `User` or `AgentBot`, with `assignee`.
        assignee_type: Option<AssigneeKind>,
        /// The team, if any.
        team: Option<TeamPush>,
        /// Whether the contact's identity was verified (HMAC).
        hmac_verified: Option<bool>,
    }
}

model! {
    /// A conversation as webhooks render it (`Conversation#webhook_data`): inside message,
    /// typing and web-widget events, and as the payload of the conversation events, which
    /// add `event` (and, for updates, `changed_attributes`). Live updates send the same push
    /// data with `account_id` instead of `account`.
    pub struct WebhookConversation {
        /// Free-form attributes set by the channel.
        additional_attributes: JsonObject,
        /// Whether the channel's messaging window allows a reply now.
        can_reply: bool,
        /// The inbox's channel type.
        channel: ChannelType,
        /// The contact's identity in the inbox.
        contact_inbox: Option<ContactInboxRow>,
        /// Per-account display id: the id account-API paths take.
        id: Id,
        /// Inbox.
        inbox_id: Id,
        /// The last chat message, if any (push form: integer `message_type`, epoch times).
        messages: Vec<MessagePush>,
        /// Label names.
        labels: Vec<String>,
        /// Contact, assignee and team.
        meta: WebhookConversationMeta,
        /// Status.
        status: ConversationStatus,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// End of the snooze.
        snoozed_until: Option<Timestamp> as iso,
        /// Unread incoming messages.
        unread_count: i64,
        /// First human reply.
        first_reply_created_at: Option<Timestamp> as iso,
        /// Priority.
        priority: Option<ConversationPriority>,
        /// Since when the contact waits for a reply (0: not waiting).
        waiting_since: Timestamp,
        /// When an agent last saw it (0: never).
        agent_last_seen_at: Timestamp,
        /// When the contact last saw it (0: never).
        contact_last_seen_at: Timestamp,
        /// Last activity.
        last_activity_at: Timestamp,
        /// Last activity (same as `last_activity_at`).
        timestamp: Timestamp,
        /// Creation time.
        created_at: Timestamp,
        /// Last update (fractional seconds).
        updated_at: Timestamp,
        /// The applied SLA (enterprise, `sla` feature).
        applied_sla: Option<AppliedSla>,
        /// SLA events (enterprise, `sla` feature).
        sla_events: Option<Vec<SlaEvent>>,
        /// SLA policy (enterprise, `sla` feature).
        sla_policy_id: Option<Id>,
        /// Account (webhooks; live updates carry `account_id`).
        account: Option<AccountRef>,
        /// Account id (live updates; webhooks carry `account`).
        account_id: Option<Id>,
        /// Who did it (live updates of a user's action: `Current.user.push_event_data`).
        performer: Option<JsonObject>,
        /// The event, when the conversation is the payload.
        event: Option<String>,
        /// What changed, for `conversation_updated` (the server sends `null` for
        /// `conversation_status_changed`).
        changed_attributes: Option<Vec<BTreeMap<String, Option<AttributeChange>>>>,
    }
}

model! {
    /// A contact as webhooks render it (`Contact#webhook_data`): a message's or typing event's
    /// sender, and the payload of `contact_created` / `contact_updated`.
    pub struct WebhookContact {
        /// Account.
        account: AccountRef,
        /// Free-form attributes.
        additional_attributes: JsonObject,
        /// Avatar URL (`""` if none).
        avatar: String,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// Email.
        email: Option<String>,
        /// Contact id.
        id: Id,
        /// Your external id.
        identifier: Option<String>,
        /// Name.
        name: Option<String>,
        /// Phone number.
        phone_number: Option<String>,
        /// Avatar URL (`""` if none).
        thumbnail: String,
        /// Whether the contact is blocked.
        blocked: bool,
        /// The event, when the contact is the payload.
        event: Option<String>,
        /// What changed, for `contact_updated`.
        changed_attributes: Option<Vec<BTreeMap<String, Option<AttributeChange>>>>,
    }
}

model! {
    /// An agent as webhooks render it (`User#webhook_data`).
    pub struct WebhookUser {
        /// User id.
        id: Id,
        /// Name.
        name: String,
        /// Email.
        email: Option<String>,
        /// Always `user`.
        r#type: String,
    }
}

model! {
    /// An agent bot as webhooks render it (`AgentBot#webhook_data`).
    pub struct WebhookAgentBot {
        /// Bot id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Always `agent_bot`.
        r#type: String,
    }
}

one_of! {
    /// Who sent a message or is typing, by `type`; a contact has none.
    pub enum WebhookSender tag "type" {
        /// An agent.
        User("user", WebhookUser),
        /// An agent bot.
        AgentBot("agent_bot", WebhookAgentBot),
        /// A Captain assistant (enterprise).
        CaptainAssistant("captain_assistant", CaptainAssistantPush),
        /// A contact (`Contact#webhook_data` has no `type`).
        Contact(WebhookContact),
    }
}

model! {
    /// The channel record of an inbox event (the channel's columns; API and web-widget channels
    /// declared, other channels' columns kept as they come).
    pub struct WebhookChannel {
        /// Channel record id.
        id: Option<Id>,
        /// Account.
        account_id: Option<Id>,
        /// API: where the server posts events.
        webhook_url: Option<String>,
        /// Creation time.
        created_at: Option<Timestamp> as iso,
        /// Last update.
        updated_at: Option<Timestamp> as iso,
        /// API: the public client API's `inbox_identifier`.
        identifier: Option<String>,
        /// API and web widget: the identity-verification key.
        hmac_token: Option<Secret>,
        /// API and web widget: identity verification required.
        hmac_mandatory: Option<bool>,
        /// API: extra settings (`agent_reply_time_window`).
        additional_attributes: Option<JsonObject>,
        /// API: the webhook signing secret.
        secret: Option<Secret>,
        /// Web widget: website.
        website_url: Option<String>,
        /// Web widget: website token.
        website_token: Option<String>,
        /// Web widget: color.
        widget_color: Option<String>,
        /// Web widget: welcome title.
        welcome_title: Option<String>,
        /// Web widget: welcome tagline.
        welcome_tagline: Option<String>,
        /// Web widget: feature flags (a bit set).
        feature_flags: Option<i64>,
        /// Web widget: expected reply time (`in_a_few_minutes`, ...).
        reply_time: Option<String>,
        /// Web widget: pre-chat form on.
        pre_chat_form_enabled: Option<bool>,
        /// Web widget: pre-chat form.
        pre_chat_form_options: Option<JsonObject>,
        /// Web widget: continue by email.
        continuity_via_email: Option<bool>,
        /// Web widget: allowed domains (comma-separated).
        allowed_domains: Option<String>,
    }
}

model! {
    /// One weekday of an inbox's schedule, the raw record (`working_hours` row).
    pub struct WorkingHoursRow {
        /// Record id.
        id: Id,
        /// Inbox.
        inbox_id: Id,
        /// Account.
        account_id: Id,
        /// 0 = Sunday.
        day_of_week: i64,
        /// Closed that day.
        closed_all_day: bool,
        /// Opening hour.
        open_hour: Option<i64>,
        /// Opening minutes.
        open_minutes: Option<i64>,
        /// Closing hour.
        close_hour: Option<i64>,
        /// Closing minutes.
        close_minutes: Option<i64>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// Open all day.
        open_all_day: bool,
    }
}

model! {
    /// When the web widget was opened, as the widget reports it.
    pub struct WidgetInitiatedAt {
        /// The browser's `Date#toString()`.
        timestamp: Option<String>,
    }
}

model! {
    /// The visitor's browser, as the server reads its user agent.
    pub struct WidgetBrowser {
        /// Browser.
        browser_name: Option<String>,
        /// Browser version.
        browser_version: Option<String>,
        /// Device.
        device_name: Option<String>,
        /// Operating system.
        platform_name: Option<String>,
        /// Operating system version.
        platform_version: Option<String>,
    }
}

model! {
    /// What `webwidget_triggered` says about the visit: the widget's `event_info` and the
    /// server's additions (`Api::V1::Widget::EventsController#event_info`).
    pub struct WidgetEventInfo {
        /// When the widget was opened.
        initiated_at: Option<WidgetInitiatedAt>,
        /// The page the visitor came from.
        referer: Option<String>,
        /// The widget's locale.
        widget_language: Option<String>,
        /// The browser's preferred language.
        browser_language: Option<String>,
        /// The visitor's browser.
        browser: Option<WidgetBrowser>,
    }
}
