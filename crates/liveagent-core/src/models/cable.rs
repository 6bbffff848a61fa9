//! Live updates: the events Chatwoot's `RoomChannel` broadcasts over ActionCable (`/cable`), as
//! `ActionCableListener` sends them: `{event, data}` with the record's push data in `data`.

use crate::models::{ContactPush, MessagePush, MessageSender, WebhookConversation};
use crate::schema::JsonObject;
use crate::types::Id;

model! {
    /// A message event: `data` is `Message#push_event_data` with the account id.
    pub struct CableMessageEvent {
        /// `message.created`, `message.updated` or `first.reply.created`.
        event: String,
        /// The message.
        data: MessagePush,
    }
}

model! {
    /// A conversation event: `data` is the conversation's push data with the account id.
    pub struct CableConversationEvent {
        /// `conversation.created`, `.updated`, `assignee.changed`, ...
        event: String,
        /// The conversation.
        data: WebhookConversation,
    }
}

model! {
    /// A contact event: `data` is `Contact#push_event_data` with the account id.
    pub struct CableContactEvent {
        /// `contact.created`, `contact.updated` or `contact.merged`.
        event: String,
        /// The contact.
        data: ContactPush,
    }
}

model! {
    /// A typing event: who types in which conversation (`ActionCableListener`'s
    /// `conversation_typing_on` / `_off`).
    pub struct CableTypingEvent {
        /// `conversation.typing_on` or `conversation.typing_off`.
        event: String,
        /// Who and where.
        data: CableTyping,
    }
}

model! {
    /// Who is typing where. An agent's typing reaches the contact's page too (a widget shows
    /// "typing..."); a contact's reaches the inbox's agents.
    pub struct CableTyping {
        /// The conversation (its push data).
        conversation: WebhookConversation,
        /// Who types: an agent, the contact, or an agent bot (by `type`).
        user: MessageSender,
        /// A private note is being typed (only agents hear of it).
        is_private: bool,
        /// Account.
        account_id: Id,
    }
}

model! {
    /// Any other event, typed by its name: `data` is kept as the server sent it (presence,
    /// notification and unread-count payloads, a deleted contact's id), with
    /// `account_id` and, for actions a user took, `performer`.
    pub struct CableDataEvent {
        /// The event name (`conversation.created`, `assignee.changed`, `presence.update`, ...).
        event: String,
        /// Its payload.
        data: JsonObject,
    }
}

one_of! {
    /// A live update, by its `event`: what `client.events()` yields. An event this version does
    /// not know is kept as it came (and reported as drift).
    pub enum CableEvent tag "event" {
        /// A message was created.
        MessageCreated("message.created", CableMessageEvent),
        /// A message was updated (`data.previous_changes` says what changed).
        MessageUpdated("message.updated", CableMessageEvent),
        /// A conversation's first human reply.
        FirstReplyCreated("first.reply.created", CableMessageEvent),
        /// A conversation was created.
        ConversationCreated("conversation.created", CableConversationEvent),
        /// A conversation changed.
        ConversationUpdated("conversation.updated", CableConversationEvent),
        /// A conversation's status changed.
        ConversationStatusChanged("conversation.status_changed", CableConversationEvent),
        /// A conversation was read by an agent.
        ConversationRead("conversation.read", CableConversationEvent),
        /// A conversation's contact changed (merge).
        ConversationContactChanged("conversation.contact_changed", CableConversationEvent),
        /// The caller was mentioned in a conversation.
        ConversationMentioned("conversation.mentioned", CableConversationEvent),
        /// Unread counts changed (feature `conversation_unread_counts`).
        ConversationUnreadCountChanged("conversation.unread_count_changed", CableDataEvent),
        /// A conversation's assignee changed.
        AssigneeChanged("assignee.changed", CableConversationEvent),
        /// A conversation's team changed.
        TeamChanged("team.changed", CableConversationEvent),
        /// Someone started typing.
        ConversationTypingOn("conversation.typing_on", CableTypingEvent),
        /// Someone stopped typing.
        ConversationTypingOff("conversation.typing_off", CableTypingEvent),
        /// A contact was created.
        ContactCreated("contact.created", CableContactEvent),
        /// A contact was updated.
        ContactUpdated("contact.updated", CableContactEvent),
        /// A contact was merged into another.
        ContactMerged("contact.merged", CableContactEvent),
        /// A contact was deleted.
        ContactDeleted("contact.deleted", CableDataEvent),
        /// Who is online (`data.users`, `data.contacts`: id → status).
        PresenceUpdate("presence.update", CableDataEvent),
        /// A notification for the caller.
        NotificationCreated("notification.created", CableDataEvent),
        /// A notification changed.
        NotificationUpdated("notification.updated", CableDataEvent),
        /// A notification was deleted.
        NotificationDeleted("notification.deleted", CableDataEvent),
    }
}
