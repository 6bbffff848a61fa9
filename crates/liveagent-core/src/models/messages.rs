//! Account API, messages: `/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages`.

use super::{Availability, ContactPush};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

open_enum! {
    /// Message direction. Views send the integer; the SDK gives the name.
    pub enum MessageType {
        /// From the contact.
        Incoming = "incoming" (0),
        /// From an agent or bot.
        Outgoing = "outgoing" (1),
        /// A system note (status change, assignment).
        Activity = "activity" (2),
        /// A template message.
        Template = "template" (3),
    }
}

open_enum! {
    /// Message content type.
    pub enum ContentType {
        /// Plain text.
        Text = "text" (0),
        /// Text input request.
        InputText = "input_text" (1),
        /// Multi-line input request.
        InputTextarea = "input_textarea" (2),
        /// Email input request.
        InputEmail = "input_email" (3),
        /// Options to pick from (`content_attributes.items`).
        InputSelect = "input_select" (4),
        /// Cards (`content_attributes.items`).
        Cards = "cards" (5),
        /// A form (`content_attributes.items`).
        Form = "form" (6),
        /// Help-center articles.
        Article = "article" (7),
        /// An email received in an email inbox.
        IncomingEmail = "incoming_email" (8),
        /// A CSAT survey.
        InputCsat = "input_csat" (9),
        /// An integration message.
        Integrations = "integrations" (10),
        /// A sticker.
        Sticker = "sticker" (11),
        /// A voice call (enterprise).
        VoiceCall = "voice_call" (12),
        /// Live Agent: Cognigy.AI rich content.
        Cognigy = "cognigy" (2016),
        /// Live Agent: a request for the contact to upload a file.
        RequestFileUpload = "request_file_upload" (2017),
    }
}

open_enum! {
    /// Delivery status of a message.
    pub enum MessageStatus {
        /// Sent.
        Sent = "sent" (0),
        /// Delivered.
        Delivered = "delivered" (1),
        /// Read.
        Read = "read" (2),
        /// Failed (see `content_attributes.external_error`).
        Failed = "failed" (3),
    }
}

open_enum! {
    /// Kind of an attachment.
    pub enum FileType {
        /// Image.
        Image = "image" (0),
        /// Audio.
        Audio = "audio" (1),
        /// Video.
        Video = "video" (2),
        /// Any other file.
        File = "file" (3),
        /// A location.
        Location = "location" (4),
        /// Fallback content of a channel.
        Fallback = "fallback" (5),
        /// A shared post.
        Share = "share" (6),
        /// An Instagram story mention.
        StoryMention = "story_mention" (7),
        /// A shared contact card.
        Contact = "contact" (8),
        /// An Instagram reel.
        IgReel = "ig_reel" (9),
        /// An Instagram post.
        IgPost = "ig_post" (10),
        /// An Instagram story.
        IgStory = "ig_story" (11),
        /// An embed.
        Embed = "embed" (12),
    }
}

open_enum! {
    /// The kind of record that sent a message (`sender_type`).
    pub enum SenderType {
        /// A contact.
        Contact = "Contact",
        /// A user (agent).
        User = "User",
        /// An agent bot.
        AgentBot = "AgentBot",
        /// A Captain assistant (enterprise).
        CaptainAssistant = "Captain::Assistant",
        /// Live Agent: the Cognigy.AI bot.
        Cognigy = "cognigy",
    }
}

model! {
    /// An attachment (`Attachment#push_event_data`). Which fields are set depends on `file_type`.
    pub struct Attachment {
        /// Attachment id.
        id: Id,
        /// Its message.
        message_id: Id,
        /// Kind.
        file_type: FileType,
        /// Account.
        account_id: Id,
        /// File name extension, without the dot.
        extension: Option<String>,
        /// MIME type.
        content_type: Option<String>,
        /// Download URL (a redirect to storage).
        data_url: Option<String>,
        /// Thumbnail URL (`""` unless an image).
        thumb_url: Option<String>,
        /// Size in bytes.
        file_size: Option<i64>,
        /// Image or video width.
        width: Option<i64>,
        /// Image or video height.
        height: Option<i64>,
        /// Audio transcription.
        transcribed_text: Option<String>,
        /// Location latitude.
        coordinates_lat: Option<f64>,
        /// Location longitude.
        coordinates_long: Option<f64>,
        /// Title of location and fallback attachments.
        fallback_title: Option<String>,
        /// Contact-card data.
        meta: Option<JsonObject>,
    }
}

model! {
    /// A user as a message sender or assignee (`User#push_event_data`).
    pub struct UserPush {
        /// User id.
        id: Id,
        /// Name.
        name: String,
        /// Display name, else name.
        available_name: String,
        /// Avatar URL (`""` if none).
        avatar_url: String,
        /// Always `user`.
        r#type: String,
        /// Presence.
        availability_status: Option<Availability>,
        /// Same as `avatar_url`.
        thumbnail: String,
    }
}

model! {
    /// An agent bot as a message sender (`AgentBot#push_event_data`).
    pub struct AgentBotPush {
        /// Bot id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Avatar URL.
        avatar_url: String,
        /// Always `agent_bot`.
        r#type: String,
    }
}

model! {
    /// A Captain assistant as a message sender (enterprise).
    pub struct CaptainAssistantPush {
        /// Assistant id.
        id: Id,
        /// Name.
        name: String,
        /// Avatar URL.
        avatar_url: String,
        /// Description.
        description: Option<String>,
        /// Creation time.
        created_at: Timestamp,
        /// Always `captain_assistant`.
        r#type: String,
    }
}

one_of! {
    /// The sender of a message, by its `type`.
    pub enum MessageSender tag "type" {
        /// A contact.
        Contact("contact", ContactPush),
        /// A user (agent).
        User("user", UserPush),
        /// An agent bot.
        AgentBot("agent_bot", AgentBotPush),
        /// A Captain assistant (enterprise).
        CaptainAssistant("captain_assistant", CaptainAssistantPush),
    }
}

model! {
    /// A message as the messages endpoints render it (`models/_message.json.jbuilder`).
    pub struct Message {
        /// Message id (the cursor for `before`/`after`).
        id: Id,
        /// Text (`null` for attachment-only messages).
        content: Option<String>,
        /// Inbox.
        inbox_id: Id,
        /// The `echo_id` sent with the create request, if any.
        echo_id: Option<String>,
        /// The conversation's display id.
        conversation_id: Id,
        /// Direction.
        message_type: MessageType,
        /// Content type.
        content_type: ContentType,
        /// Delivery status.
        status: Option<MessageStatus>,
        /// Structured content (`items`, `in_reply_to`, `deleted`, ...).
        content_attributes: JsonObject,
        /// Creation time.
        created_at: Timestamp,
        /// A private note, invisible to the contact.
        private: bool,
        /// The channel's id for the message.
        source_id: Option<String>,
        /// Who sent it, if anyone.
        sender: Option<MessageSender>,
        /// Attachments.
        attachments: Vec<Attachment>,
        /// Voice-call details (enterprise).
        call: Option<JsonObject>,
    }
}

model! {
    /// The conversation summary inside a pushed message.
    pub struct MessageConversationRef {
        /// Assigned agent.
        assignee_id: Option<Id>,
        /// Unread incoming messages, capped at 10.
        unread_count: i64,
        /// Last activity.
        last_activity_at: Timestamp,
        /// The contact's channel identity.
        contact_inbox: Option<SourceIdRef>,
    }
}

model! {
    /// A reference by `source_id`.
    pub struct SourceIdRef {
        /// The contact's id in the channel.
        source_id: String,
    }
}

model! {
    /// A message as conversations embed it (`Message#push_event_data`).
    pub struct MessagePush {
        /// Message id.
        id: Id,
        /// Text.
        content: Option<String>,
        /// Account.
        account_id: Id,
        /// Inbox.
        inbox_id: Id,
        /// The conversation's display id.
        conversation_id: Id,
        /// Direction.
        message_type: MessageType,
        /// Creation time.
        created_at: Timestamp,
        /// Last update.
        updated_at: Timestamp as iso,
        /// A private note.
        private: bool,
        /// Delivery status.
        status: Option<MessageStatus>,
        /// The channel's id for the message.
        source_id: Option<String>,
        /// Content type.
        content_type: ContentType,
        /// Structured content.
        content_attributes: JsonObject,
        /// Kind of sender.
        sender_type: Option<SenderType>,
        /// Sender id.
        sender_id: Option<Id>,
        /// Ids in external systems (`{"slack": ...}`).
        external_source_ids: JsonObject,
        /// Extra attributes (`campaign_id`, `template_params`, ...).
        additional_attributes: JsonObject,
        /// Content, or the quoted text of an email.
        processed_message_content: Option<String>,
        /// Sentiment analysis.
        sentiment: JsonObject,
        /// Conversation summary.
        conversation: Option<MessageConversationRef>,
        /// The creating request's `echo_id`.
        echo_id: Option<String>,
        /// Attachments.
        attachments: Vec<Attachment>,
        /// Who sent it.
        sender: Option<MessageSender>,
        /// Voice-call details (enterprise).
        call: Option<JsonObject>,
    }
}

model! {
    /// The `meta` block of `GET messages`.
    pub struct MessageListMeta {
        /// The conversation's labels.
        labels: Vec<String>,
        /// The conversation's additional attributes.
        additional_attributes: JsonObject,
        /// The contact.
        contact: ContactPush,
        /// The assigned agent, if any.
        assignee: Option<UserPush>,
        /// When an agent last saw the conversation.
        agent_last_seen_at: Option<Timestamp> as iso,
        /// When the assignee last saw the conversation.
        assignee_last_seen_at: Option<Timestamp> as iso,
    }
}

model! {
    /// Body of `GET messages`: up to 20 messages (100 with `after`), oldest first.
    pub struct MessageList {
        /// Conversation context.
        meta: MessageListMeta,
        /// Messages, oldest first.
        payload: Vec<Message> as items,
    }
}
