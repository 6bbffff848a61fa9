//! Account API, the caller's notifications and notification settings:
//! `/api/v1/accounts/{account_id}/notifications...`, `.../notification_settings`.

use crate::types::{Id, Timestamp};

params! {
    /// `GET notifications`: the caller's notifications in the account, 15 per page, latest
    /// activity first. Without `includes`, read and snoozed ones are left out.
    pub struct ListNotificationsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Page, from 1.
        query page: Option<u32>,
        /// Also list these: `read`, `snoozed`.
        query includes: Option<Vec<String>>,
        /// `desc` (latest activity first, the default) or `asc`.
        query sort_order: Option<String>,
    }
}

params! {
    /// `GET notifications/unread_count`: how many unread, unsnoozed notifications the caller has.
    pub struct GetNotificationUnreadCountParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// `read` counts unread ones among all; `snoozed` counts snoozed ones too.
        query includes: Option<Vec<String>>,
    }
}

params! {
    /// `PATCH notifications/{notification_id}`: marks one notification read.
    pub struct MarkNotificationReadParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Notification id.
        path notification_id: Id,
    }
}

params! {
    /// `POST notifications/{notification_id}/unread`: marks one notification unread.
    pub struct MarkNotificationUnreadParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Notification id.
        path notification_id: Id,
    }
}

params! {
    /// `POST notifications/{notification_id}/snooze`: hides a notification until a time;
    /// it comes back unread then.
    pub struct SnoozeNotificationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Notification id.
        path notification_id: Id,
        /// Until when (sent as epoch seconds); unset changes nothing.
        body snoozed_until: Option<Timestamp>,
    }
}

params! {
    /// `DELETE notifications/{notification_id}`.
    pub struct DeleteNotificationParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Notification id.
        path notification_id: Id,
    }
}

params! {
    /// `POST notifications/read_all`: marks the caller's notifications read: all of them, or
    /// those about one conversation.
    pub struct MarkAllNotificationsReadParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// `Conversation` (the only kind), with `primary_actor_id`.
        body primary_actor_type: Option<String>,
        /// The conversation's record id (a notification's `primary_actor_id`, not the display
        /// id). An unknown id marks everything read, as the server does.
        body primary_actor_id: Option<Id>,
    }
}

params! {
    /// `POST notifications/destroy_all`: deletes the caller's notifications (in the
    /// background on the server).
    pub struct DeleteAllNotificationsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// `read`: only the read ones; anything else or unset: all.
        body r#type: Option<String>,
    }
}

params! {
    /// `GET notification_settings`: the caller's settings in the account.
    pub struct GetNotificationSettingsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// The flags `update_notification_settings` sets. Each list replaces the stored one: a
    /// list left unset clears it.
    pub struct NotificationSettingsUpdate {
        /// Email flags (`email_conversation_creation`, `email_conversation_assignment`, ...).
        body selected_email_flags: Option<Vec<String>>,
        /// Push flags (`push_conversation_creation`, `push_conversation_assignment`, ...).
        body selected_push_flags: Option<Vec<String>>,
    }
}

params! {
    /// `PATCH notification_settings`: which notifications the caller gets by email and push
    /// (conversation creation notifications are made only for subscribers).
    pub struct UpdateNotificationSettingsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The flags, wrapped in `notification_settings` as the server requires.
        body notification_settings: NotificationSettingsUpdate,
    }
}
