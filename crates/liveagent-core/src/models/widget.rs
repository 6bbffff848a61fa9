//! Web-widget API: the models of `/api/v1/widget/...` (`app/views/api/v1/widget/**`).

use super::{
    Attachment, Availability, ContactRecord, ConversationPriority, ConversationStatus,
    MessageSender, MessageType, WorkingHoursRow,
};
use crate::models::ContentType;
use crate::schema::JsonObject;
use crate::types::{Id, Secret, Timestamp};

model! {
    /// Body of `createWidgetConfig` (`widget/configs/create.json.jbuilder`): the widget's
    /// settings, the visitor's contact and session token, and the installation's branding.
    pub struct WidgetConfig {
        /// The web-widget inbox's settings, with the session token.
        website_channel_config: WidgetChannelConfig,
        /// The visitor.
        contact: WidgetConfigContact,
        /// The installation's branding and limits (`LOGO_THUMBNAIL`, `BRAND_NAME`,
        /// `WIDGET_BRAND_URL`, `MAXIMUM_FILE_UPLOAD_SIZE` in MB, `INSTALLATION_NAME`).
        global_config: JsonObject,
        /// Servers before Chatwoot 3.3: the session token is here, not in
        /// `website_channel_config` (the client keeps it either way).
        auth_token: Option<Secret>,
        /// Servers before Chatwoot 3.3: the settings are here, with fewer fields.
        chatwoot_website_channel: Option<WidgetChannelConfig>,
        /// Servers before Chatwoot 3.3: `use_inbox_avatar_for_bot`.
        chatwoot_widget_defaults: Option<JsonObject>,
    }
}

model! {
    /// A web-widget inbox's settings, as the widget reads them.
    pub struct WidgetChannelConfig {
        /// Whether the visitor may write after a conversation is resolved (the widget enforces it).
        allow_messages_after_resolved: bool,
        /// The server's public URL.
        api_host: Option<String>,
        /// The visitor's session token (the client keeps it and sends it as `X-Auth-Token`).
        auth_token: Secret,
        /// Inbox avatar (`""` when none).
        avatar_url: String,
        /// CSAT survey on.
        csat_survey_enabled: bool,
        /// Branding hidden.
        disable_branding: bool,
        /// Features on: `attachments`, `emoji_picker`, `end_conversation`,
        /// `use_inbox_avatar_for_bot`, `allow_mobile_webview`.
        enabled_features: Vec<String>,
        /// Languages the widget offers.
        enabled_languages: Vec<WidgetLanguage>,
        /// The account's language.
        locale: String,
        /// Shown outside working hours.
        out_of_office_message: Option<String>,
        /// The inbox's help-center portal, if any (the portal record).
        portal: Option<JsonObject>,
        /// Pre-chat form on.
        pre_chat_form_enabled: bool,
        /// Pre-chat form: `pre_chat_message` and `pre_chat_fields`.
        pre_chat_form_options: JsonObject,
        /// `in_a_few_minutes`, `in_a_few_hours` or `in_a_day`.
        reply_time: String,
        /// Time zone of the working hours.
        timezone: String,
        /// Its offset now (`+02:00`).
        utc_off_set: String,
        /// Inbox name.
        website_name: String,
        /// The inbox's website token.
        website_token: String,
        /// Welcome tagline.
        welcome_tagline: Option<String>,
        /// Welcome title.
        welcome_title: Option<String>,
        /// Widget color (`#1f93ff`).
        widget_color: String,
        /// Weekly schedule, one row a weekday.
        working_hours: Vec<WorkingHoursRow>,
        /// Working hours on.
        working_hours_enabled: bool,
        /// Servers before Chatwoot 3.3: the name of the inbox's agent bot, if any.
        has_a_connected_agent_bot: Option<String>,
    }
}

model! {
    /// A language the widget offers.
    pub struct WidgetLanguage {
        /// Display name (`English (en)`).
        name: String,
        /// Code (`en`, `pt_BR`).
        iso_639_1_code: String,
    }
}

model! {
    /// The visitor, as the widget config shows it (servers before Chatwoot 3.3 send only
    /// `pubsub_token`).
    pub struct WidgetConfigContact {
        /// Contact id.
        id: Option<Id>,
        /// Name (a made-up one for an anonymous visitor).
        name: String,
        /// Email.
        email: Option<String>,
        /// Phone number.
        phone_number: Option<String>,
        /// Your external id.
        identifier: Option<String>,
        /// Live-updates token of the visitor (`events({ pubsubToken })`).
        pubsub_token: Secret,
    }
}

model! {
    /// An enabled campaign of the inbox (`widget/campaigns/index.json.jbuilder`).
    pub struct WidgetCampaign {
        /// Campaign display id (what `campaign.triggered` names).
        id: Id,
        /// When it fires: `{url, time_on_page}`.
        trigger_rules: JsonObject,
        /// Only within working hours.
        trigger_only_during_business_hours: bool,
        /// Its message.
        message: String,
        /// The agent it speaks as.
        sender: Option<MessageSender>,
    }
}

model! {
    /// A message as the widget lists it (`models/_widget_message.json.jbuilder`).
    pub struct WidgetMessage {
        /// Message id (the cursor for `before`/`after`).
        id: Id,
        /// Text (`null` for attachment-only messages).
        content: Option<String>,
        /// Direction (incoming from the visitor, outgoing from agents, template from the inbox).
        message_type: MessageType,
        /// Content type (`input_email`, `input_csat`, ... ask the visitor for an answer).
        content_type: ContentType,
        /// Structured content (`items`, `in_reply_to`, `submitted_email`, ...).
        content_attributes: JsonObject,
        /// Creation time.
        created_at: Timestamp,
        /// The conversation's display id.
        conversation_id: Id,
        /// Attachments.
        attachments: Vec<Attachment>,
        /// Who sent it (templates have no sender).
        sender: Option<MessageSender>,
    }
}

model! {
    /// Body of `listWidgetMessages`.
    pub struct WidgetMessageList {
        /// The messages, oldest first.
        payload: Vec<WidgetMessage> as items,
        /// The visitor's read state (`{}` before the first conversation).
        meta: WidgetMessagesMeta,
    }
}

model! {
    /// The visitor's read state.
    pub struct WidgetMessagesMeta {
        /// When the visitor last read the conversation (0 if never).
        contact_last_seen_at: Option<Timestamp>,
    }
}

model! {
    /// Body of `createWidgetMessage` (`widget/messages/create.json.jbuilder`).
    pub struct WidgetSentMessage {
        /// Message id.
        id: Id,
        /// Text.
        content: Option<String>,
        /// Inbox.
        inbox_id: Id,
        /// The conversation's display id.
        conversation_id: Id,
        /// Direction (incoming).
        message_type: MessageType,
        /// Creation time.
        created_at: Timestamp,
        /// Always false.
        private: bool,
        /// The channel's id for the message.
        source_id: Option<String>,
        /// Structured content (`in_reply_to`).
        content_attributes: JsonObject,
        /// Attachments.
        attachments: Vec<Attachment>,
        /// The visitor.
        sender: Option<MessageSender>,
    }
}

model! {
    /// Body of `updateWidgetMessage`: the visitor's contact record after the answer.
    pub struct WidgetContactEnvelope {
        /// The contact.
        contact: ContactRecord,
    }
}

model! {
    /// Body of `getWidgetConversation`: the visitor's newest conversation. Every field is
    /// `null` (the server answers `{}`) before the visitor's first conversation.
    pub struct WidgetConversation {
        /// Display id.
        id: Option<Id>,
        /// Inbox.
        inbox_id: Option<Id>,
        /// When the visitor last read it (0 if never).
        contact_last_seen_at: Option<Timestamp>,
        /// Status.
        status: Option<ConversationStatus>,
    }
}

model! {
    /// Body of `createWidgetConversation` (`widget/conversations/create.json.jbuilder`).
    pub struct WidgetNewConversation {
        /// Display id.
        id: Id,
        /// Inbox.
        inbox_id: Id,
        /// When the visitor last read it (0 if never).
        contact_last_seen_at: Timestamp,
        /// Status.
        status: ConversationStatus,
        /// Its messages, the inbox's greeting and email request included.
        messages: Vec<WidgetMessage>,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// The visitor's contact record.
        contact: ContactRecord,
    }
}

model! {
    /// A conversation record as stored (`Conversation#as_json`): the answer of
    /// `deleteWidgetConversationCustomAttributes`. `id` is the database id; `display_id` is the
    /// one the other endpoints take.
    pub struct ConversationRecord {
        /// Database id.
        id: Id,
        /// Account.
        account_id: Id,
        /// Inbox.
        inbox_id: Id,
        /// Status.
        status: ConversationStatus,
        /// Assigned agent.
        assignee_id: Option<Id>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// Contact.
        contact_id: Id,
        /// Display id.
        display_id: Id,
        /// When the contact last read it.
        contact_last_seen_at: Option<Timestamp> as iso,
        /// When the agent last read it.
        agent_last_seen_at: Option<Timestamp> as iso,
        /// Free-form attributes set by the channel (browser, referer, ...).
        additional_attributes: JsonObject,
        /// The contact's identity in the inbox.
        contact_inbox_id: Id,
        /// UUID (the CSAT page's address).
        uuid: String,
        /// Channel identifier.
        identifier: Option<String>,
        /// Last activity.
        last_activity_at: Timestamp as iso,
        /// Team.
        team_id: Option<Id>,
        /// Campaign that started it.
        campaign_id: Option<Id>,
        /// Snoozed until.
        snoozed_until: Option<Timestamp> as iso,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// When the assignee last read it.
        assignee_last_seen_at: Option<Timestamp> as iso,
        /// First agent reply.
        first_reply_created_at: Option<Timestamp> as iso,
        /// Priority.
        priority: Option<ConversationPriority>,
        /// SLA policy.
        sla_policy_id: Option<Id>,
        /// Waiting for an agent since.
        waiting_since: Option<Timestamp> as iso,
        /// Labels, comma-separated.
        cached_label_list: Option<String>,
        /// Assigned agent bot.
        assignee_agent_bot_id: Option<Id>,
    }
}

model! {
    /// What the server knows of the visitor (`widget/contacts/show.json.jbuilder`;
    /// `update.json.jbuilder` leaves out `identifier`).
    pub struct WidgetContact {
        /// Contact id (after a merge, the contact merged into).
        id: Id,
        /// Has an email.
        has_email: bool,
        /// Has a name.
        has_name: bool,
        /// Has a phone number.
        has_phone_number: bool,
        /// Your external id.
        identifier: Option<String>,
    }
}

model! {
    /// Body of `setWidgetUser` (`widget/contacts/set_user.json.jbuilder`).
    pub struct WidgetIdentifiedContact {
        /// Contact id (after a merge, the contact merged into).
        id: Id,
        /// Has an email.
        has_email: bool,
        /// Has a name.
        has_name: bool,
        /// Has a phone number.
        has_phone_number: bool,
        /// A new session token, when the visitor was known by another identifier: the client
        /// keeps it in place of the old one.
        widget_auth_token: Option<Secret>,
    }
}

model! {
    /// Body of `listWidgetInboxMembers`.
    pub struct WidgetInboxMembers {
        /// The agents.
        payload: Vec<WidgetAgent> as items,
    }
}

model! {
    /// An agent of the inbox, as the widget shows it.
    pub struct WidgetAgent {
        /// User id.
        id: Id,
        /// Display name.
        name: String,
        /// Avatar (`""` when none).
        avatar_url: String,
        /// Presence.
        availability_status: Option<Availability>,
    }
}
