//! Account API, the caller's notifications and notification settings:
//! `/api/v1/accounts/{account_id}/notifications...`, `.../notification_settings`.

use super::{MessagePush, UserPush, WebhookConversation};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

open_enum! {
    /// What a notification is about (`Notification::NOTIFICATION_TYPES`).
    pub enum NotificationType {
        /// A conversation was created in one of the caller's inboxes (subscribers only).
        ConversationCreation = "conversation_creation" (1),
        /// A conversation was assigned to the caller by someone else.
        ConversationAssignment = "conversation_assignment" (2),
        /// A new message in a conversation assigned to the caller.
        AssignedConversationNewMessage = "assigned_conversation_new_message" (3),
        /// The caller was mentioned in a private note.
        ConversationMention = "conversation_mention" (4),
        /// A new message in a conversation the caller participates in.
        ParticipatingConversationNewMessage = "participating_conversation_new_message" (5),
        /// SLA first-response target missed (enterprise).
        SlaMissedFirstResponse = "sla_missed_first_response" (6),
        /// SLA next-response target missed (enterprise).
        SlaMissedNextResponse = "sla_missed_next_response" (7),
        /// SLA resolution target missed (enterprise).
        SlaMissedResolution = "sla_missed_resolution" (8),
    }
}

one_of! {
    /// Who or what caused a notification: the user who acted (an assignment, a conversation
    /// created through the API), or the message (new messages, mentions).
    pub enum NotificationActor {
        /// A user (`User#push_event_data`).
        User(UserPush),
        /// A message (`Message#push_event_data`).
        Message(MessagePush),
    }
}

model! {
    /// A notification as `GET notifications` lists it (`notifications/index.json.jbuilder`).
    pub struct Notification {
        /// Notification id.
        id: Id,
        /// What it is about.
        notification_type: NotificationType,
        /// Title, e.g. `A conversation (#12) has been assigned to you`.
        push_message_title: String,
        /// `sender: text` of the message it is about (`: No content` when there is none).
        push_message_body: String,
        /// `Conversation`.
        primary_actor_type: String,
        /// The conversation's record id (not its display id).
        primary_actor_id: Id,
        /// The conversation (`Conversation#push_event_data`: the webhook form without the
        /// account).
        primary_actor: WebhookConversation,
        /// When it was read; unset while unread.
        read_at: Option<Timestamp> as iso,
        /// Who or what caused it; unset for system actions.
        secondary_actor: Option<NotificationActor>,
        /// The notified user (the caller).
        user: UserPush,
        /// Creation time.
        created_at: Timestamp,
        /// Latest activity (a snooze that ends counts).
        last_activity_at: Timestamp,
        /// End of the snooze, if snoozed.
        snoozed_until: Option<Timestamp> as iso,
        /// Extra data (`last_snoozed_at` after a snooze).
        meta: JsonObject,
    }
}

model! {
    /// Counts of `GET notifications`, over the whole filter.
    pub struct NotificationListMeta {
        /// Unread notifications.
        unread_count: i64,
        /// Notifications the filter matches.
        count: i64,
        /// The page (as the request gave it: a number, or a numeric string).
        current_page: i64 as flex,
    }
}

model! {
    /// The `data` of `GET notifications`.
    pub struct NotificationListData {
        /// Counts.
        meta: NotificationListMeta,
        /// One page (15) of notifications.
        payload: Vec<Notification> as items,
    }
}

model! {
    /// Body of `GET notifications`.
    pub struct NotificationList {
        /// Counts and one page.
        data: NotificationListData as items,
    }
}

model! {
    /// A notification's raw record (`render json: @notification`), as marking it read or
    /// unread and snoozing it answer.
    pub struct NotificationRecord {
        /// Notification id.
        id: Id,
        /// Account.
        account_id: Id,
        /// The notified user.
        user_id: Id,
        /// What it is about.
        notification_type: NotificationType,
        /// `Conversation`.
        primary_actor_type: String,
        /// The conversation's record id.
        primary_actor_id: Id,
        /// `User` or `Message`, if anything caused it.
        secondary_actor_type: Option<String>,
        /// The user's or message's id.
        secondary_actor_id: Option<Id>,
        /// When it was read; unset while unread.
        read_at: Option<Timestamp> as iso,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// End of the snooze, if snoozed.
        snoozed_until: Option<Timestamp> as iso,
        /// Latest activity.
        last_activity_at: Option<Timestamp> as iso,
        /// Extra data (`last_snoozed_at` after a snooze).
        meta: JsonObject,
    }
}

model! {
    /// The caller's notification settings in an account
    /// (`notification_settings/show.json.jbuilder`).
    pub struct NotificationSettings {
        /// Settings id.
        id: Id,
        /// The user.
        user_id: Id,
        /// The account.
        account_id: Id,
        /// Every email flag there is (`email_conversation_creation`, ...).
        all_email_flags: Vec<String>,
        /// The email flags the user chose.
        selected_email_flags: Vec<String>,
        /// Every push flag there is (`push_conversation_creation`, ...).
        all_push_flags: Vec<String>,
        /// The push flags the user chose.
        selected_push_flags: Vec<String>,
    }
}
