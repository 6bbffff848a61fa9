//! Webhook payloads: every event account webhooks, API-inbox webhook URLs and agent-bot
//! outgoing URLs receive (`app/listeners/webhook_listener.rb`, `agent_bot_listener.rb`), and
//! Cognigy's CloudEvents typing feed. Each payload is the record's `webhook_data` with `event`
//! merged in; [`LiveAgentEvent`] picks the payload by `event`.

use super::{
    AccountRef, Attachment, AttributeChange, ContentType, InboxRef, MessageType, SenderNameType,
    WebhookChannel, WebhookContact, WebhookConversation, WebhookSender, WidgetEventInfo,
    WorkingHoursRow,
};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};
use std::collections::BTreeMap;

model! {
    /// A message as webhooks render it (`Message#webhook_data`): the payload of
    /// `message_created` and `message_updated`. Here `message_type` is a name and `created_at`
    /// an ISO-8601 string on the wire (both normalized), unlike in the embedded conversation.
    pub struct WebhookMessage {
        /// Account.
        account: AccountRef,
        /// Extra attributes (`campaign_id`, `template_params`, ...).
        additional_attributes: JsonObject,
        /// Structured content (`items`, `in_reply_to`, `deleted`, ...).
        content_attributes: JsonObject,
        /// Content type.
        content_type: ContentType,
        /// Text, as webhook consumers get it (markdown hard breaks removed).
        content: Option<String>,
        /// The conversation.
        conversation: WebhookConversation,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Message id.
        id: Id,
        /// Inbox.
        inbox: InboxRef,
        /// Direction.
        message_type: MessageType,
        /// A private note, invisible to the contact.
        private: bool,
        /// Who sent it, if anyone.
        sender: Option<WebhookSender>,
        /// The channel's id for the message.
        source_id: Option<String>,
        /// Attachments (the key is left out when there are none).
        attachments: Vec<Attachment>,
        /// `message_created` or `message_updated`.
        event: String,
    }
}

model! {
    /// An inbox as webhooks render it (`Inbox::EventDataPresenter#webhook_data`): the payload
    /// of `inbox_created` and `inbox_updated`. The server renders neither the inbox's id nor
    /// its name; the channel record says which inbox it is.
    pub struct WebhookInbox {
        /// Messages accepted after resolution.
        allow_messages_after_resolved: bool,
        /// One conversation per contact.
        lock_to_single_conversation: bool,
        /// Auto-assignment settings.
        auto_assignment_config: JsonObject,
        /// Auto-assignment on.
        enable_auto_assignment: bool,
        /// Email collection on.
        enable_email_collect: bool,
        /// Greeting on.
        greeting_enabled: bool,
        /// Greeting.
        greeting_message: Option<String>,
        /// CSAT survey on.
        csat_survey_enabled: bool,
        /// Business name.
        business_name: Option<String>,
        /// Sender name style.
        sender_name_type: SenderNameType,
        /// Time zone (TZ database name).
        timezone: String,
        /// Out-of-office message.
        out_of_office_message: Option<String>,
        /// Working hours on.
        working_hours_enabled: bool,
        /// Weekly schedule.
        working_hours: Vec<WorkingHoursRow>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// The channel record.
        channel: WebhookChannel,
        /// Account.
        account: AccountRef,
        /// `inbox_created` or `inbox_updated`.
        event: String,
        /// What changed, for `inbox_updated`.
        changed_attributes: Option<Vec<BTreeMap<String, Option<AttributeChange>>>>,
    }
}

model! {
    /// A contact's identity in an inbox as webhooks render it (`ContactInbox#webhook_data`):
    /// the payload of `webwidget_triggered`, sent when a visitor opens the web widget.
    pub struct WebhookContactInbox {
        /// Contact-inbox id.
        id: Id,
        /// The contact.
        contact: Option<WebhookContact>,
        /// The inbox.
        inbox: InboxRef,
        /// Account.
        account: AccountRef,
        /// The contact's latest conversation in the inbox, if any.
        current_conversation: Option<WebhookConversation>,
        /// The contact's id in the channel.
        source_id: String,
        /// `webwidget_triggered`.
        event: String,
        /// The visit.
        event_info: WidgetEventInfo,
    }
}

model! {
    /// `conversation_typing_on` / `conversation_typing_off`: someone started or stopped typing.
    pub struct TypingEvent {
        /// `conversation_typing_on` or `conversation_typing_off`.
        event: String,
        /// Who: an agent or bot (account API), or the contact (public API).
        user: WebhookSender,
        /// The conversation.
        conversation: WebhookConversation,
        /// Typing a private note.
        is_private: bool,
    }
}

open_enum! {
    /// The type of a Cognigy CloudEvent.
    pub enum CognigyEventType {
        /// A human agent started typing.
        TypingOn = "ai.cognigy.live-agent.conversation.typing_on",
        /// A human agent stopped typing.
        TypingOff = "ai.cognigy.live-agent.conversation.typing_off",
    }
}

model! {
    /// The data of a Cognigy typing CloudEvent.
    pub struct CognigyTypingData {
        /// The Cognigy.AI session of the conversation.
        cognigy_session_id: Option<String>,
    }
}

model! {
    /// Live Agent's CloudEvents 1.0 typing feed (`EVENT_GATEWAY_HTTP_ENDPOINT`): a human agent
    /// started or stopped typing. Not signed; discriminated on `type`, not `event`.
    pub struct CognigyTypingEvent {
        /// CloudEvents version (`1.0`).
        specversion: String,
        /// What happened.
        r#type: CognigyEventType,
        /// The Live Agent installation (a URL).
        source: String,
        /// `conversation.<display id>`.
        subject: String,
        /// The event's id (a ULID).
        id: String,
        /// When it happened.
        time: Timestamp as iso,
        /// `application/json`.
        datacontenttype: String,
        /// The session.
        data: CognigyTypingData,
    }
}

impl CognigyTypingEvent {
    /// The conversation's display id, from `subject` (`conversation.<id>`).
    pub fn conversation_id(&self) -> Option<Id> {
        self.subject
            .as_deref()?
            .strip_prefix("conversation.")?
            .parse()
            .ok()
            .map(Id)
    }
}

one_of! {
    /// Any delivery, by its `event`: what `verifyWebhook` and `parseWebhook` resolve with.
    /// Cognigy's CloudEvents carry no `event` and are told by their shape. An event this
    /// version does not know is kept as it came (and reported as drift).
    pub enum LiveAgentEvent tag "event" {
        /// A conversation was created.
        ConversationCreated("conversation_created", WebhookConversation),
        /// A conversation's assignee, team, labels, priority, attributes... changed.
        ConversationUpdated("conversation_updated", WebhookConversation),
        /// A conversation's status changed.
        ConversationStatusChanged("conversation_status_changed", WebhookConversation),
        /// A conversation was opened (agent bots only).
        ConversationOpened("conversation_opened", WebhookConversation),
        /// A conversation was resolved (agent bots only).
        ConversationResolved("conversation_resolved", WebhookConversation),
        /// A message was created.
        MessageCreated("message_created", WebhookMessage),
        /// A message was updated.
        MessageUpdated("message_updated", WebhookMessage),
        /// A visitor opened the web widget.
        WebwidgetTriggered("webwidget_triggered", WebhookContactInbox),
        /// Someone started typing.
        ConversationTypingOn("conversation_typing_on", TypingEvent),
        /// Someone stopped typing.
        ConversationTypingOff("conversation_typing_off", TypingEvent),
        /// A contact was created (account webhooks only).
        ContactCreated("contact_created", WebhookContact),
        /// A contact was updated (account webhooks only).
        ContactUpdated("contact_updated", WebhookContact),
        /// An inbox was created (account webhooks only).
        InboxCreated("inbox_created", WebhookInbox),
        /// An inbox was updated (account webhooks only).
        InboxUpdated("inbox_updated", WebhookInbox),
        /// Cognigy's CloudEvents typing feed.
        CognigyTyping(CognigyTypingEvent),
    }
}
