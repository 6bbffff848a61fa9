//! Web-widget API: `/api/v1/widget/...`, what a chat widget in a web page calls for its visitor.
//!
//! Every call carries the inbox's `website_token` (from the client's credentials, never a
//! param) and, but for the config, campaigns and agents, the visitor's session token: the
//! client opens the session on first use and keeps it (see [`crate::widget`]). Calls act on the
//! visitor's newest conversation, whatever its status.

use crate::api::{DirectUploadBlob, TypingStatus};
use crate::schema::JsonObject;
use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `POST config`: opens (or renews) the visitor's session and returns the widget's settings.
    /// Without a valid session token the server makes a new contact; either way it issues a new
    /// token, which the client keeps.
    pub struct CreateWidgetConfigParams {
        /// Language of server-made texts (`en`, `pt_BR`, ...).
        query locale: Option<String>,
    }
}

params! {
    /// `GET campaigns`: the inbox's enabled campaigns (the widget evaluates their trigger rules
    /// and reports a hit with `createWidgetEvent`).
    pub struct ListWidgetCampaignsParams {}
}

params! {
    /// `POST events`: tells the server what happened in the widget (`webwidget.triggered` when it
    /// opens, `campaign.triggered` with `{campaign_id}` when a campaign fires).
    pub struct CreateWidgetEventParams {
        /// Event name.
        body name: String,
        /// What the event carries.
        body event_info: Option<JsonObject>,
        /// The widget's language, added to `event_info`.
        query locale: Option<String>,
    }
}

params! {
    /// `GET messages`: the visitor's conversation, 20 messages before `before`, 100 after
    /// `after` (both: up to 1,000 from `after`, inclusive), or the latest 20; oldest first.
    /// Private notes and activity messages are left out.
    pub struct ListWidgetMessagesParams {
        /// Messages older than this message id.
        query before: Option<Id>,
        /// Messages newer than this message id.
        query after: Option<Id>,
    }
}

params! {
    /// The message of `createWidgetMessage`.
    pub struct WidgetMessageInput {
        /// Text.
        body content: Option<String>,
        /// The page the visitor is on (stored on a new conversation).
        body referer_url: Option<String>,
        /// When the visitor started typing, as the widget shows it (stored on a new conversation).
        body timestamp: Option<String>,
        /// Your id for the message, echoed in live updates.
        body echo_id: Option<String>,
        /// The message id this one replies to.
        body reply_to: Option<Id>,
        /// Files (multipart), or signed ids of direct uploads.
        body attachments: Option<Vec<Upload>>,
    }
}

params! {
    /// `POST messages`: a message from the visitor, into the newest conversation (reopened if
    /// resolved); the first message starts one.
    pub struct CreateWidgetMessageParams {
        /// The message.
        body message: WidgetMessageInput,
        /// Custom attributes of the conversation, if this message starts one.
        body custom_attributes: Option<JsonObject>,
        /// Labels (existing titles) of the conversation, if this message starts one.
        body labels: Option<Vec<String>>,
    }
}

params! {
    /// The contact details an `input_email` answer submits.
    pub struct WidgetContactInput {
        /// Email.
        body email: Option<String>,
        /// Name.
        body name: Option<String>,
    }
}

params! {
    /// What the visitor submitted in an interactive message.
    pub struct WidgetSubmissionInput {
        /// Form or select answers (`[{name, title, value}]`), or `{csat_survey_response:
        /// {rating, feedback_message}}` for a CSAT survey.
        body submitted_values: serde_json::Value,
    }
}

params! {
    /// `PATCH messages/{message_id}`: answers an interactive message (an email request, a
    /// form, a select, a CSAT survey). An email that another contact has merges the visitor
    /// into that contact.
    pub struct UpdateWidgetMessageParams {
        /// The message (one of the visitor's conversations).
        path message_id: Id,
        /// The answer to an `input_email` message.
        body contact: Option<WidgetContactInput>,
        /// The answer to any other interactive message.
        body message: Option<WidgetSubmissionInput>,
    }
}

params! {
    /// `GET conversations`: the visitor's newest conversation.
    pub struct GetWidgetConversationParams {}
}

params! {
    /// Who the visitor is, as a new conversation's pre-chat form asks.
    pub struct WidgetPreChatContact {
        /// Name.
        body name: Option<String>,
        /// Email (an invalid one is dropped; one another contact has merges the two).
        body email: Option<String>,
        /// Phone number, E.164.
        body phone_number: Option<String>,
    }
}

params! {
    /// The first message of `createWidgetConversation`.
    pub struct WidgetFirstMessageInput {
        /// Text.
        body content: String,
        /// The page the visitor is on.
        body referer_url: Option<String>,
        /// When the visitor started typing, as the widget shows it.
        body timestamp: Option<String>,
        /// Your id for the message, echoed in live updates.
        body echo_id: Option<String>,
    }
}

params! {
    /// `POST conversations`: always starts a new conversation, with a first message (the server
    /// allows 6 an IP in 12 hours).
    pub struct CreateWidgetConversationParams {
        /// The first message.
        body message: WidgetFirstMessageInput,
        /// Who the visitor is.
        body contact: Option<WidgetPreChatContact>,
        /// Custom attributes of the conversation.
        body custom_attributes: Option<JsonObject>,
    }
}

params! {
    /// `POST conversations/destroy_custom_attributes`: removes custom attributes of the newest
    /// conversation.
    pub struct DeleteWidgetConversationCustomAttributesParams {
        /// The keys to remove.
        body custom_attribute: Vec<String>,
    }
}

params! {
    /// `POST conversations/set_custom_attributes`: replaces the newest conversation's custom
    /// attributes (not merged).
    pub struct SetWidgetConversationCustomAttributesParams {
        /// All of them.
        body custom_attributes: JsonObject,
    }
}

params! {
    /// `POST conversations/update_last_seen`: the visitor has read the conversation (now, by
    /// the server's clock).
    pub struct UpdateWidgetLastSeenParams {}
}

params! {
    /// `POST conversations/toggle_typing`: shows or hides the visitor's typing indicator.
    pub struct ToggleWidgetTypingParams {
        /// On or off.
        body typing_status: TypingStatus,
    }
}

params! {
    /// `POST conversations/transcript`: emails the conversation to the visitor's address.
    pub struct SendWidgetTranscriptParams {}
}

params! {
    /// `GET conversations/toggle_status`: the visitor ends (resolves) the newest conversation.
    /// The widget's `end_conversation` feature must be on (else 403).
    pub struct ResolveWidgetConversationParams {}
}

params! {
    /// `GET contact`: what the server knows of the visitor.
    pub struct GetWidgetContactParams {}
}

params! {
    /// `PATCH contact`: updates the visitor's details (merged into an existing contact with the
    /// same identifier, email or phone). An invalid email or phone is dropped.
    pub struct UpdateWidgetContactParams {
        /// Your external id.
        body identifier: Option<String>,
        /// Email.
        body email: Option<String>,
        /// Name.
        body name: Option<String>,
        /// Phone number, E.164.
        body phone_number: Option<String>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Custom attributes (merged).
        body custom_attributes: Option<JsonObject>,
        /// Other attributes (merged).
        body additional_attributes: Option<JsonObject>,
    }
}

params! {
    /// `POST contact/destroy_custom_attributes`: removes custom attributes of the visitor.
    pub struct DeleteWidgetContactCustomAttributesParams {
        /// The keys to remove.
        body custom_attributes: Vec<String>,
    }
}

params! {
    /// `PATCH contact/set_user`: identifies the visitor as your user. When the inbox demands it
    /// (or a hash is given), `identifier_hash` must be the HMAC-SHA256 of `identifier` with the
    /// inbox's HMAC token (hex; compute it on your server), else 401. A visitor already known by
    /// another identifier gets a new session, whose token the client keeps.
    pub struct SetWidgetUserParams {
        /// Your external id.
        body identifier: String,
        /// HMAC-SHA256 of `identifier` (hex).
        body identifier_hash: Option<String>,
        /// Email.
        body email: Option<String>,
        /// Name.
        body name: Option<String>,
        /// Phone number, E.164.
        body phone_number: Option<String>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Custom attributes (merged).
        body custom_attributes: Option<JsonObject>,
        /// Other attributes (merged).
        body additional_attributes: Option<JsonObject>,
    }
}

params! {
    /// `GET inbox_members`: the inbox's agents and whether they are online.
    pub struct ListWidgetInboxMembersParams {}
}

params! {
    /// `POST labels`: labels the newest conversation (an existing label title; others are
    /// ignored).
    pub struct AddWidgetLabelParams {
        /// Label title.
        body label: String,
    }
}

params! {
    /// `DELETE labels/{label}`: removes a label from the newest conversation.
    pub struct RemoveWidgetLabelParams {
        /// Label title.
        path label: String,
    }
}

params! {
    /// `POST direct_uploads`: announces a file to upload straight to storage; `PUT` its bytes to
    /// `direct_upload.url`, then send `signed_id` in a message's `attachments`. Servers that
    /// check CSRF on it refuse callers from other pages (422).
    pub struct CreateWidgetDirectUploadParams {
        /// The file to be uploaded.
        body blob: DirectUploadBlob,
    }
}
