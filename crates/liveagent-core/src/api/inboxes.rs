//! Account API, inboxes: `/api/v1/accounts/{account_id}/inboxes...` and `inbox_members`.

use crate::models::SenderNameType;
use crate::schema::JsonObject;
use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `GET inboxes`: administrators see all, agents their own.
    pub struct ListInboxesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `GET inboxes/{inbox_id}`.
    pub struct GetInboxParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
    }
}

params! {
    /// Opening hours of one weekday, for `updateInbox`.
    pub struct WorkingHoursUpdate {
        /// 0 = Sunday.
        body day_of_week: i64,
        /// Closed that day.
        body closed_all_day: Option<bool>,
        /// Open all day.
        body open_all_day: Option<bool>,
        /// Opening hour.
        body open_hour: Option<i64>,
        /// Opening minutes.
        body open_minutes: Option<i64>,
        /// Closing hour.
        body close_hour: Option<i64>,
        /// Closing minutes.
        body close_minutes: Option<i64>,
    }
}

params! {
    /// `POST inboxes` (administrators).
    pub struct CreateInboxParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Name.
        body name: String,
        /// Avatar image to upload; the body then goes as `multipart/form-data`.
        body avatar: Option<Upload>,
        /// The channel: `{"type": "api" | "web_widget" | "email" | "line" | "telegram" |
        /// "whatsapp" | "sms", ...its settings}`, e.g. `{"type": "api", "webhook_url": "..."}`.
        body channel: JsonObject,
        /// Greeting on.
        body greeting_enabled: Option<bool>,
        /// Greeting.
        body greeting_message: Option<String>,
        /// Email collection on.
        body enable_email_collect: Option<bool>,
        /// CSAT survey on.
        body csat_survey_enabled: Option<bool>,
        /// Auto-assignment on.
        body enable_auto_assignment: Option<bool>,
        /// Working hours on.
        body working_hours_enabled: Option<bool>,
        /// Out-of-office message.
        body out_of_office_message: Option<String>,
        /// Time zone (TZ database name).
        body timezone: Option<String>,
        /// Accept messages after resolution.
        body allow_messages_after_resolved: Option<bool>,
        /// One conversation per contact.
        body lock_to_single_conversation: Option<bool>,
        /// Help-center portal.
        body portal_id: Option<Id>,
        /// Sender name style.
        body sender_name_type: Option<SenderNameType>,
        /// Business name.
        body business_name: Option<String>,
        /// CSAT settings.
        body csat_config: Option<JsonObject>,
        /// Auto-assignment settings (enterprise: `max_assignment_limit`).
        body auto_assignment_config: Option<JsonObject>,
    }
}

params! {
    /// `PATCH inboxes/{inbox_id}` (administrators).
    pub struct UpdateInboxParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
        /// Name.
        body name: Option<String>,
        /// Avatar image to upload; the body then goes as `multipart/form-data`.
        body avatar: Option<Upload>,
        /// Channel settings to change (no `type`).
        body channel: Option<JsonObject>,
        /// Greeting on.
        body greeting_enabled: Option<bool>,
        /// Greeting.
        body greeting_message: Option<String>,
        /// Email collection on.
        body enable_email_collect: Option<bool>,
        /// CSAT survey on.
        body csat_survey_enabled: Option<bool>,
        /// Auto-assignment on.
        body enable_auto_assignment: Option<bool>,
        /// Working hours on.
        body working_hours_enabled: Option<bool>,
        /// Weekly schedule (rows matched by `day_of_week`).
        body working_hours: Option<Vec<WorkingHoursUpdate>>,
        /// Out-of-office message.
        body out_of_office_message: Option<String>,
        /// Time zone.
        body timezone: Option<String>,
        /// Accept messages after resolution.
        body allow_messages_after_resolved: Option<bool>,
        /// One conversation per contact.
        body lock_to_single_conversation: Option<bool>,
        /// Help-center portal.
        body portal_id: Option<Id>,
        /// Sender name style.
        body sender_name_type: Option<SenderNameType>,
        /// Business name.
        body business_name: Option<String>,
        /// CSAT settings (replace the stored ones).
        body csat_config: Option<JsonObject>,
        /// Auto-assignment settings.
        body auto_assignment_config: Option<JsonObject>,
    }
}

params! {
    /// `GET inbox_members/{inbox_id}`.
    pub struct ListInboxMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
    }
}

params! {
    /// `POST inbox_members`: add agents to an inbox (administrators).
    pub struct AddInboxMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        body inbox_id: Id,
        /// Users to add.
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `PATCH inbox_members`: the inbox's members become exactly `user_ids` (administrators).
    pub struct UpdateInboxMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        body inbox_id: Id,
        /// All members.
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `DELETE inbox_members` (administrators).
    pub struct RemoveInboxMembersParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        body inbox_id: Id,
        /// Users to remove.
        body user_ids: Vec<Id>,
    }
}

params! {
    /// `DELETE inboxes/{inbox_id}` (administrators): the server deletes the inbox, its
    /// conversations and its contacts' identities in the background.
    pub struct DeleteInboxParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
    }
}

params! {
    /// `DELETE inboxes/{inbox_id}/avatar` (administrators).
    pub struct DeleteInboxAvatarParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
    }
}

params! {
    /// `POST inboxes/{inbox_id}/reset_secret` (administrators; API inboxes only, else 404).
    pub struct ResetInboxSecretParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
    }
}

params! {
    /// `GET inboxes/{inbox_id}/agent_bot`.
    pub struct GetInboxAgentBotParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
    }
}

params! {
    /// `POST inboxes/{inbox_id}/set_agent_bot` (administrators).
    pub struct SetInboxAgentBotParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox id.
        path inbox_id: Id,
        /// The bot to connect (the account's or a system bot); absent or `null` disconnects
        /// the inbox's bot.
        body agent_bot: Option<Id>,
    }
}
