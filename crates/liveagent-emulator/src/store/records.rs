//! The records, as the server's tables hold them.

use super::Id;
use serde_json::{Map, Value};

/// A free-form JSON object column.
pub(crate) type Json = Map<String, Value>;

#[derive(Debug, Clone)]
pub(crate) struct Account {
    pub id: Id,
    pub name: String,
    pub locale: String,
    pub domain: Option<String>,
    pub support_email: Option<String>,
    pub status: String,
    pub features: Vec<String>,
    pub settings: Json,
    pub custom_attributes: Json,
    pub limits: Json,
    pub created_at: f64,
    pub next_display_id: Id,
}

#[derive(Debug, Clone)]
pub(crate) struct User {
    pub id: Id,
    pub name: String,
    pub display_name: Option<String>,
    pub email: String,
    pub token: String,
    pub pubsub_token: String,
    pub custom_attributes: Json,
    pub ui_settings: Json,
    pub message_signature: Option<String>,
    pub confirmed: bool,
    pub password: String,
    /// Its avatar's URL, once one was uploaded.
    pub avatar_url: Option<String>,
}

impl User {
    pub(crate) fn available_name(&self) -> &str {
        self.display_name
            .as_deref()
            .filter(|d| !d.is_empty())
            .unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct AccountUser {
    pub id: Id,
    pub account_id: Id,
    pub user_id: Id,
    /// `agent`, `administrator`, or Live Agent's `supervisor`.
    pub role: String,
    pub availability: String,
    pub auto_offline: bool,
    pub active_at: Option<f64>,
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct AgentBot {
    pub id: Id,
    /// `None`: a system bot, visible to every account.
    pub account_id: Option<Id>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub outgoing_url: Option<String>,
    pub token: String,
    pub secret: String,
    pub bot_config: Json,
    /// Its avatar's URL, once one was uploaded.
    pub avatar_url: Option<String>,
}

/// A platform app and the records it may manage.
#[derive(Debug, Clone)]
pub(crate) struct PlatformApp {
    pub token: String,
    pub accounts: Vec<Id>,
    pub users: Vec<Id>,
    pub bots: Vec<Id>,
}

#[derive(Debug, Clone)]
pub(crate) enum Channel {
    Api {
        identifier: String,
        hmac_token: String,
        hmac_mandatory: bool,
        webhook_url: Option<String>,
        secret: String,
        additional_attributes: Json,
    },
    WebWidget {
        website_url: String,
        website_token: String,
        widget_color: String,
        hmac_token: String,
        settings: WidgetSettings,
    },
}

/// The features a web widget can turn on, in `selected_feature_flags` order.
pub(crate) const WIDGET_FEATURES: [&str; 5] = [
    "attachments",
    "emoji_picker",
    "end_conversation",
    "use_inbox_avatar_for_bot",
    "allow_mobile_webview",
];

/// A web widget's own settings (`channel_web_widgets` columns).
#[derive(Debug, Clone)]
pub(crate) struct WidgetSettings {
    /// `set_user` demands the identity hash.
    pub hmac_mandatory: bool,
    /// The features on, among [`WIDGET_FEATURES`] (default: the first three).
    pub feature_flags: Vec<String>,
    pub welcome_title: Option<String>,
    pub welcome_tagline: Option<String>,
    /// `in_a_few_minutes`, `in_a_few_hours` or `in_a_day`.
    pub reply_time: String,
    pub pre_chat_form_enabled: bool,
    pub pre_chat_form_options: Json,
}

impl Default for WidgetSettings {
    fn default() -> Self {
        let field = |label: &str, name: &str, kind: &str, required: bool| serde_json::json!({"field_type": "standard", "label": label, "name": name, "type": kind, "required": required, "enabled": false});
        let options = serde_json::json!({
            "pre_chat_message": "Share your queries or comments here.",
            "pre_chat_fields": [
                field("Email Id", "emailAddress", "email", true),
                field("Full name", "fullName", "text", false),
                field("Phone number", "phoneNumber", "text", false),
            ],
        });
        WidgetSettings {
            hmac_mandatory: false,
            feature_flags: WIDGET_FEATURES[..3]
                .iter()
                .map(|f| (*f).to_owned())
                .collect(),
            welcome_title: None,
            welcome_tagline: None,
            reply_time: "in_a_few_minutes".into(),
            pre_chat_form_enabled: false,
            pre_chat_form_options: options.as_object().cloned().unwrap_or_default(),
        }
    }
}

impl WidgetSettings {
    /// Whether a feature (`end_conversation`, ...) is on.
    pub(crate) fn has(&self, feature: &str) -> bool {
        self.feature_flags.iter().any(|f| f == feature)
    }
}

impl Channel {
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Channel::Api { .. } => "Channel::Api",
            Channel::WebWidget { .. } => "Channel::WebWidget",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct WorkingHour {
    pub day_of_week: i64,
    pub closed_all_day: bool,
    pub open_hour: Option<i64>,
    pub open_minutes: Option<i64>,
    pub close_hour: Option<i64>,
    pub close_minutes: Option<i64>,
    pub open_all_day: bool,
}

impl WorkingHour {
    /// The schedule of a new inbox: weekdays 09:00-17:00, weekends closed.
    pub(crate) fn default_week() -> Vec<WorkingHour> {
        (0..7)
            .map(|day| {
                let closed = day == 0 || day == 6;
                WorkingHour {
                    day_of_week: day,
                    closed_all_day: closed,
                    open_hour: (!closed).then_some(9),
                    open_minutes: (!closed).then_some(0),
                    close_hour: (!closed).then_some(17),
                    close_minutes: (!closed).then_some(0),
                    open_all_day: false,
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Inbox {
    pub id: Id,
    pub account_id: Id,
    pub channel_id: Id,
    pub name: String,
    pub channel: Channel,
    pub greeting_enabled: bool,
    pub greeting_message: Option<String>,
    pub working_hours_enabled: bool,
    pub enable_email_collect: bool,
    pub csat_survey_enabled: bool,
    pub csat_config: Json,
    pub enable_auto_assignment: bool,
    pub auto_assignment_config: Json,
    pub out_of_office_message: Option<String>,
    pub working_hours: Vec<WorkingHour>,
    pub timezone: String,
    pub allow_messages_after_resolved: bool,
    pub lock_to_single_conversation: bool,
    pub sender_name_type: String,
    pub business_name: Option<String>,
    pub portal_id: Option<Id>,
    pub created_at: f64,
    pub updated_at: f64,
    /// Its avatar's URL, once one was uploaded.
    pub avatar_url: Option<String>,
}

/// A change of an agent's availability in an account (the OData service's
/// `AgentAvailabilityRecord`): what it became, and when.
#[derive(Debug, Clone)]
pub(crate) struct AvailabilityRecord {
    /// Numbered on its own (1, 2, ...), so that records take no ids of other tables.
    pub id: Id,
    pub account_id: Id,
    pub user_id: Id,
    pub availability: String,
    pub created_at: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Team {
    pub id: Id,
    pub account_id: Id,
    pub name: String,
    pub description: Option<String>,
    pub allow_auto_assign: bool,
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Contact {
    pub id: Id,
    pub account_id: Id,
    pub name: String,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub identifier: Option<String>,
    pub additional_attributes: Json,
    pub custom_attributes: Json,
    pub blocked: bool,
    pub labels: Vec<String>,
    pub created_at: f64,
    pub updated_at: f64,
    pub last_activity_at: Option<f64>,
    /// Its avatar's URL, once one was uploaded.
    pub avatar_url: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct ContactInbox {
    pub id: Id,
    pub contact_id: Id,
    pub inbox_id: Id,
    pub source_id: String,
    pub pubsub_token: String,
    pub hmac_verified: bool,
    pub created_at: f64,
}

/// Who is assigned to a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Assignee {
    User(Id),
    Bot(Id),
}

#[derive(Debug, Clone)]
pub(crate) struct Conversation {
    pub id: Id,
    pub display_id: Id,
    pub account_id: Id,
    pub inbox_id: Id,
    pub contact_id: Id,
    pub contact_inbox_id: Id,
    pub uuid: String,
    pub status: String,
    pub priority: Option<String>,
    pub assignee: Option<Assignee>,
    pub team_id: Option<Id>,
    pub labels: Vec<String>,
    pub custom_attributes: Json,
    pub additional_attributes: Json,
    pub snoozed_until: Option<f64>,
    pub created_at: f64,
    pub updated_at: f64,
    pub last_activity_at: f64,
    pub agent_last_seen_at: Option<f64>,
    pub assignee_last_seen_at: Option<f64>,
    pub contact_last_seen_at: Option<f64>,
    pub first_reply_created_at: Option<f64>,
    pub waiting_since: Option<f64>,
    /// The campaign that started it (`campaign.triggered` from the widget).
    pub campaign_id: Option<Id>,
}

/// Who sent a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sender {
    Contact(Id),
    User(Id),
    Bot(Id),
}

#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub id: Id,
    pub account_id: Id,
    pub inbox_id: Id,
    /// The conversation's database id.
    pub conversation_id: Id,
    pub content: Option<String>,
    /// 0 incoming, 1 outgoing, 2 activity, 3 template.
    pub message_type: i64,
    pub content_type: String,
    pub content_attributes: Json,
    pub private: bool,
    pub status: String,
    pub source_id: Option<String>,
    pub sender: Option<Sender>,
    pub additional_attributes: Json,
    /// Ids of its files among the store's blobs.
    pub attachments: Vec<Id>,
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Label {
    pub id: Id,
    pub account_id: Id,
    pub title: String,
    pub description: Option<String>,
    pub color: String,
    pub show_on_sidebar: Option<bool>,
}

#[derive(Debug, Clone)]
pub(crate) struct CannedResponse {
    pub id: Id,
    pub account_id: Id,
    pub short_code: String,
    pub content: String,
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct AttributeDefinition {
    pub id: Id,
    pub account_id: Id,
    pub display_name: String,
    pub display_type: String,
    pub description: Option<String>,
    pub key: String,
    pub regex_pattern: Option<String>,
    pub regex_cue: Option<String>,
    pub values: Vec<String>,
    pub model: String,
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Webhook {
    pub id: Id,
    pub account_id: Id,
    pub inbox_id: Option<Id>,
    pub name: Option<String>,
    pub url: String,
    pub subscriptions: Vec<String>,
    pub secret: String,
}

#[derive(Debug, Clone)]
pub(crate) struct CsatResponse {
    pub id: Id,
    pub account_id: Id,
    pub conversation_id: Id,
    pub message_id: Id,
    pub rating: i64,
    pub feedback_message: Option<String>,
    pub contact_id: Id,
    pub assigned_agent_id: Option<Id>,
    /// Review notes (enterprise), with who wrote them last and when.
    pub review_notes: Option<String>,
    pub review_notes_updated_by: Option<Id>,
    pub review_notes_updated_at: Option<f64>,
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct ReportingEvent {
    pub id: Id,
    pub account_id: Id,
    pub name: String,
    pub value: f64,
    pub inbox_id: Id,
    pub user_id: Option<Id>,
    pub conversation_id: Id,
    pub event_start_time: f64,
    pub event_end_time: f64,
    pub created_at: f64,
}

/// Features new accounts start with (`ACCOUNT_LEVEL_FEATURE_DEFAULTS`, abridged).
pub(crate) const DEFAULT_FEATURES: [&str; 13] = [
    "inbound_emails",
    "channel_email",
    "help_center",
    "agent_bots",
    "agent_management",
    "team_management",
    "inbox_management",
    "labels",
    "custom_attributes",
    "canned_responses",
    "reports",
    "crm",
    "campaigns",
];
