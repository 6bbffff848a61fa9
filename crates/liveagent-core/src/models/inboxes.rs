//! Account API, inboxes: `/api/v1/accounts/{account_id}/inboxes...` and `inbox_members`.

use super::Agent;
use crate::schema::JsonObject;
use crate::types::{Id, Secret};

open_enum! {
    /// The channel behind an inbox.
    pub enum ChannelType {
        /// API channel (custom integrations, Cognigy.AI handover).
        Api = "Channel::Api",
        /// Email.
        Email = "Channel::Email",
        /// Facebook page.
        FacebookPage = "Channel::FacebookPage",
        /// Instagram.
        Instagram = "Channel::Instagram",
        /// LINE.
        Line = "Channel::Line",
        /// SMS (Bandwidth).
        Sms = "Channel::Sms",
        /// Telegram.
        Telegram = "Channel::Telegram",
        /// TikTok.
        Tiktok = "Channel::Tiktok",
        /// Twilio SMS or WhatsApp.
        TwilioSms = "Channel::TwilioSms",
        /// Twitter.
        TwitterProfile = "Channel::TwitterProfile",
        /// Website live chat.
        WebWidget = "Channel::WebWidget",
        /// WhatsApp.
        Whatsapp = "Channel::Whatsapp",
    }
}

open_enum! {
    /// How agents are named to contacts.
    pub enum SenderNameType {
        /// The agent's name.
        Friendly = "friendly" (0),
        /// The business name.
        Professional = "professional" (1),
    }
}

model! {
    /// Opening hours of one weekday.
    pub struct WorkingHours {
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
        /// Open all day.
        open_all_day: bool,
    }
}

model! {
    /// The help-center portal linked to an inbox.
    pub struct HelpCenterRef {
        /// Portal name.
        name: String,
        /// Portal slug.
        slug: String,
    }
}

model! {
    /// An inbox (`models/_inbox.json.jbuilder`). Channel-specific keys are set only for their
    /// channel; credentials only for administrators.
    pub struct Inbox {
        /// Inbox id.
        id: Id,
        /// Avatar URL (`""` if none).
        avatar_url: String,
        /// Id of the channel record.
        channel_id: Id,
        /// Name.
        name: String,
        /// Channel type.
        channel_type: ChannelType,
        /// Greeting on.
        greeting_enabled: Option<bool>,
        /// Greeting.
        greeting_message: Option<String>,
        /// Working hours on.
        working_hours_enabled: Option<bool>,
        /// Email collection on.
        enable_email_collect: Option<bool>,
        /// CSAT survey on.
        csat_survey_enabled: Option<bool>,
        /// CSAT settings.
        csat_config: JsonObject,
        /// Auto-assignment on.
        enable_auto_assignment: Option<bool>,
        /// Auto-assignment settings.
        auto_assignment_config: JsonObject,
        /// Out-of-office message.
        out_of_office_message: Option<String>,
        /// Weekly schedule.
        working_hours: Vec<WorkingHours>,
        /// Time zone (TZ database name).
        timezone: Option<String>,
        /// Webhook URL the provider calls (Twilio, SMS, LINE, WhatsApp).
        callback_webhook_url: Option<String>,
        /// Messages accepted after resolution.
        allow_messages_after_resolved: Option<bool>,
        /// One conversation per contact.
        lock_to_single_conversation: Option<bool>,
        /// Sender name style.
        sender_name_type: Option<SenderNameType>,
        /// Business name.
        business_name: Option<String>,
        /// Linked help-center portal.
        help_center: Option<HelpCenterRef>,
        /// Twitter: tweets on.
        tweets_enabled: Option<bool>,
        /// Web widget: allowed domains (comma-separated).
        allowed_domains: Option<String>,
        /// Web widget: color.
        widget_color: Option<String>,
        /// Web widget: website.
        website_url: Option<String>,
        /// Web widget and API: identity verification required.
        hmac_mandatory: Option<bool>,
        /// Web widget: welcome title.
        welcome_title: Option<String>,
        /// Web widget: welcome tagline.
        welcome_tagline: Option<String>,
        /// Web widget: the embed script.
        web_widget_script: Option<String>,
        /// Web widget: website token.
        website_token: Option<String>,
        /// Web widget: feature flags.
        selected_feature_flags: Option<Vec<String>>,
        /// Web widget: expected reply time.
        reply_time: Option<String>,
        /// Web widget and API: identity-verification key (administrators).
        hmac_token: Option<Secret>,
        /// Web widget: pre-chat form on.
        pre_chat_form_enabled: Option<bool>,
        /// Web widget: pre-chat form.
        pre_chat_form_options: Option<JsonObject>,
        /// Web widget: continue by email.
        continuity_via_email: Option<bool>,
        /// Facebook: page id.
        page_id: Option<String>,
        /// Facebook, Instagram, TikTok, Email, WhatsApp: needs reauthorization.
        reauthorization_required: Option<bool>,
        /// Instagram: account id.
        instagram_id: Option<String>,
        /// Twilio: messaging service.
        messaging_service_sid: Option<String>,
        /// Phone number (Twilio, SMS, WhatsApp).
        phone_number: Option<String>,
        /// Twilio: `sms` or `whatsapp`.
        medium: Option<String>,
        /// Twilio: content templates.
        content_templates: Option<serde_json::Value>,
        /// Twilio: auth token (administrators).
        auth_token: Option<Secret>,
        /// Twilio: account SID (administrators).
        account_sid: Option<String>,
        /// Twilio: API key SID (administrators).
        api_key_sid: Option<String>,
        /// Email: address.
        email: Option<String>,
        /// Email: forwarding on.
        forwarding_enabled: Option<bool>,
        /// Email: forwarding address.
        forward_to_email: Option<String>,
        /// Email: IMAP login (administrators).
        imap_login: Option<String>,
        /// Email: IMAP password (administrators).
        imap_password: Option<Secret>,
        /// Email: IMAP host.
        imap_address: Option<String>,
        /// Email: IMAP port.
        imap_port: Option<i64>,
        /// Email: IMAP on.
        imap_enabled: Option<bool>,
        /// Email: IMAP over SSL.
        imap_enable_ssl: Option<bool>,
        /// Email: IMAP authentication.
        imap_authentication: Option<String>,
        /// Email: SMTP login (administrators).
        smtp_login: Option<String>,
        /// Email: SMTP password (administrators).
        smtp_password: Option<Secret>,
        /// Email: SMTP host.
        smtp_address: Option<String>,
        /// Email: SMTP port.
        smtp_port: Option<i64>,
        /// Email: SMTP on.
        smtp_enabled: Option<bool>,
        /// Email: SMTP HELO domain.
        smtp_domain: Option<String>,
        /// Email: SMTP over SSL/TLS.
        smtp_enable_ssl_tls: Option<bool>,
        /// Email: STARTTLS.
        smtp_enable_starttls_auto: Option<bool>,
        /// Email: certificate checking.
        smtp_openssl_verify_mode: Option<String>,
        /// Email: SMTP authentication.
        smtp_authentication: Option<String>,
        /// API: webhook signing secret (administrators).
        secret: Option<Secret>,
        /// API: where the server posts events.
        webhook_url: Option<String>,
        /// API: the public client API's `inbox_identifier`.
        inbox_identifier: Option<String>,
        /// API: extra settings (`agent_reply_time_window`).
        additional_attributes: Option<JsonObject>,
        /// Provider of email, SMS and WhatsApp channels.
        provider: Option<String>,
        /// Telegram: bot name.
        bot_name: Option<String>,
        /// WhatsApp: message templates.
        message_templates: Option<serde_json::Value>,
        /// WhatsApp: provider settings (administrators).
        provider_config: Option<JsonObject>,
        /// Voice on (Twilio, WhatsApp).
        voice_enabled: Option<bool>,
        /// Inbound calls on.
        inbound_calls_enabled: Option<bool>,
        /// Twilio voice configured.
        voice_configured: Option<bool>,
        /// Twilio API key secret stored.
        has_api_key_secret: Option<bool>,
        /// Twilio voice webhook (enterprise).
        voice_call_webhook_url: Option<String>,
        /// Twilio voice status webhook (enterprise).
        voice_status_webhook_url: Option<String>,
        /// Live Agent: Cognigy.AI organization.
        cognigy_organization_id: Option<String>,
        /// Live Agent: Cognigy.AI project.
        cognigy_project_id: Option<String>,
        /// Live Agent: reassign when the agent goes away.
        enable_auto_reassignment: Option<bool>,
        /// Live Agent: agents see all conversations of the inbox.
        conversation_show_all: Option<bool>,
    }
}

model! {
    /// Body of `GET inboxes`.
    pub struct InboxList {
        /// Inboxes the caller may see, by name.
        payload: Vec<Inbox> as items,
    }
}

model! {
    /// Body of the inbox-members endpoints.
    pub struct InboxMembers {
        /// All members of the inbox.
        payload: Vec<Agent> as items,
    }
}

model! {
    /// Body of `GET inboxes/{inbox_id}/agent_bot` (`inboxes/agent_bot.json.jbuilder`): `{}`
    /// when the inbox has no bot.
    pub struct InboxAgentBot {
        /// The inbox's agent bot, if any.
        agent_bot: Option<super::AgentBot>,
    }
}

model! {
    /// Body of `DELETE inboxes/{inbox_id}`.
    pub struct InboxDeletion {
        /// `Your inbox deletion request will be processed in some time.`
        message: String,
    }
}
