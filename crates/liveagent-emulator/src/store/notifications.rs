//! The `notifications` and `notification_settings` tables: what the server tells each user
//! about conversations, and which kinds each user subscribed to by email and push.

use super::{Id, Json};

/// `Notification::NOTIFICATION_TYPES`, in flag-bit order.
pub(crate) const NOTIFICATION_TYPES: [&str; 8] = [
    "conversation_creation",
    "conversation_assignment",
    "assigned_conversation_new_message",
    "conversation_mention",
    "participating_conversation_new_message",
    "sla_missed_first_response",
    "sla_missed_next_response",
    "sla_missed_resolution",
];

/// What caused a notification (`secondary_actor`): a user, or a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotificationActor {
    User(Id),
    Message(Id),
}

#[derive(Debug, Clone)]
pub(crate) struct Notification {
    pub id: Id,
    pub account_id: Id,
    pub user_id: Id,
    /// One of [`NOTIFICATION_TYPES`].
    pub notification_type: &'static str,
    /// The conversation's record id (the only primary actor is a `Conversation`).
    pub primary_actor_id: Id,
    pub secondary_actor: Option<NotificationActor>,
    pub read_at: Option<f64>,
    pub snoozed_until: Option<f64>,
    pub created_at: f64,
    pub updated_at: f64,
    pub last_activity_at: f64,
    pub meta: Json,
}

/// A user's subscriptions in an account: the notification types (without the `email_` /
/// `push_` prefix) selected for each channel.
#[derive(Debug, Clone)]
pub(crate) struct NotificationSetting {
    pub id: Id,
    pub account_id: Id,
    pub user_id: Id,
    pub email: Vec<&'static str>,
    pub push: Vec<&'static str>,
}

/// Both tables.
#[derive(Debug, Clone, Default)]
pub(crate) struct Notifications {
    /// In creation order.
    pub rows: Vec<Notification>,
    pub settings: Vec<NotificationSetting>,
}

impl Notifications {
    /// A user's notifications in an account.
    pub(crate) fn of(&self, account_id: Id, user_id: Id) -> impl Iterator<Item = &Notification> {
        self.rows
            .iter()
            .filter(move |n| n.account_id == account_id && n.user_id == user_id)
    }

    /// One of a user's notifications in an account, to change.
    pub(crate) fn find_mut(
        &mut self,
        account_id: Id,
        user_id: Id,
        id: Id,
    ) -> Option<&mut Notification> {
        self.rows
            .iter_mut()
            .find(|n| n.id == id && n.account_id == account_id && n.user_id == user_id)
    }

    /// A user's settings in an account, if made.
    pub(crate) fn setting(&self, account_id: Id, user_id: Id) -> Option<&NotificationSetting> {
        self.settings
            .iter()
            .find(|s| s.account_id == account_id && s.user_id == user_id)
    }

    /// `Notification::ReopenSnoozedNotificationsJob` (a cron job on the server): a snooze that
    /// has ended makes the notification unread and recent again.
    pub(crate) fn reopen_snoozed(&mut self, now: f64) {
        for n in &mut self.rows {
            if let Some(until) = n.snoozed_until.filter(|until| *until <= now) {
                n.meta
                    .insert("last_snoozed_at".into(), crate::clock::iso(Some(until)));
                n.snoozed_until = None;
                n.read_at = None;
                n.updated_at = now;
                n.last_activity_at = now;
            }
        }
    }
}
