//! The fields of the OData service's collections in each version (Cognigy's OData page,
//! `live-agent/tools/odata-endpoint`): version 1.1 restored fields 1.0 had dropped and dropped
//! others; 2.0 rolled 1.1 back and added `Team`, `AgentAvailabilityRecord` and
//! `Conversation.priority`/`first_reply_created_at`.

/// The collections, in the service document's order, and the first version that has them.
pub(crate) const COLLECTIONS: [(&str, &str); 8] = [
    ("Message", "v1.0"),
    ("Conversation", "v1.0"),
    ("Inbox", "v1.0"),
    ("Label", "v1.0"),
    ("User", "v1.0"),
    ("ReportingEvent", "v1.0"),
    ("Team", "v2.0"),
    ("AgentAvailabilityRecord", "v2.0"),
];

const MESSAGE: &[&str] = &[
    "id",
    "content",
    "account_id",
    "inbox_id",
    "conversation_id",
    "message_type",
    "created_at",
    "updated_at",
    "private",
    "status",
    "source_id",
    "content_type",
    "content_attributes",
    "sender_type",
    "sender_id",
];
const CONVERSATION: &[&str] = &[
    "id",
    "account_id",
    "inbox_id",
    "status",
    "assignee_id",
    "created_at",
    "updated_at",
    "contact_id",
    "display_id",
    "contact_last_seen_at",
    "agent_last_seen_at",
    "additional_attributes",
    "contact_inbox_id",
    "uuid",
    "identifier",
    "last_activity_at",
    "team_id",
    "snoozed_until",
    "custom_attributes",
    "assignee_last_seen_at",
    "cognigy_session_id",
    "assigned_at",
    "ended_at",
    "first_reply_created_at",
    "priority",
];
const INBOX: &[&str] = &[
    "id",
    "channel_id",
    "name",
    "email_address",
    "account_id",
    "created_at",
    "updated_at",
    "channel_type",
    "enable_auto_assignment",
    "greeting_enabled",
    "greeting_message",
    "working_hours_enabled",
    "out_of_office_message",
    "timezone",
    "enable_email_collect",
    "csat_survey_enabled",
    "cognigy_organization_id",
    "cognigy_project_id",
    "enable_auto_reassignment",
    "conversation_show_all",
    "conversations_show_all",
];
const LABEL: &[&str] = &[
    "id",
    "title",
    "description",
    "color",
    "show_on_sidebar",
    "account_id",
    "created_at",
    "updated_at",
    "conversation_ids",
];
const USER: &[&str] = &[
    "id",
    "provider",
    "uid",
    "encrypted_password",
    "reset_password_token",
    "reset_password_sent_at",
    "remember_created_at",
    "sign_in_count",
    "current_sign_in_ip",
    "last_sign_in_ip",
    "confirmation_token",
    "confirmed_at",
    "confirmation_sent_at",
    "unconfirmed_email",
    "name",
    "display_name",
    "email",
    "tokens",
    "created_at",
    "updated_at",
    "pubsub_token",
    "availability",
    "custom_attributes",
    "cognigy_user_id",
    "current_sign_in_at",
    "last_sign_in_at",
    "last_sign_out_at",
];
const REPORTING_EVENT: &[&str] = &[
    "id",
    "event_start_time",
    "event_end_time",
    "name",
    "value",
    "created_at",
    "updated_at",
    "account_id",
    "conversation_id",
    "inbox_id",
    "user_id",
];
const TEAM: &[&str] = &[
    "id",
    "name",
    "description",
    "allow_auto_assign",
    "account_id",
    "created_at",
    "updated_at",
];
const AVAILABILITY: &[&str] = &[
    "id",
    "availability",
    "created_at",
    "updated_at",
    "account_id",
    "user_id",
];

/// A collection's fields in a version (`None`: no such collection in that version).
pub(crate) fn fields(collection: &str, version: &str) -> Option<Vec<&'static str>> {
    let v11 = version == "v1.1";
    let v20 = version == "v2.0";
    let (all, without): (&[&str], &[&str]) = match collection {
        "Message" if v11 => (MESSAGE, &[]),
        "Message" => (MESSAGE, &["status", "source_id"]),
        "Conversation" if v11 => (
            CONVERSATION,
            &[
                "assigned_at",
                "ended_at",
                "first_reply_created_at",
                "priority",
            ],
        ),
        "Conversation" if v20 => (CONVERSATION, &["contact_last_seen_at", "identifier"]),
        "Conversation" => (
            CONVERSATION,
            &[
                "contact_last_seen_at",
                "identifier",
                "first_reply_created_at",
                "priority",
            ],
        ),
        "Inbox" if v11 => (INBOX, &["conversation_show_all"]),
        "Inbox" => (
            INBOX,
            if v20 {
                &[
                    "email_address",
                    "greeting_enabled",
                    "greeting_message",
                    "conversation_show_all",
                ]
            } else {
                &[
                    "email_address",
                    "greeting_enabled",
                    "greeting_message",
                    "conversations_show_all",
                ]
            },
        ),
        "Label" if v11 => (LABEL, &["conversation_ids"]),
        "Label" => (LABEL, &[]),
        "User" if v11 => (USER, &["last_sign_out_at"]),
        "User" => (
            USER,
            &[
                "encrypted_password",
                "reset_password_token",
                "reset_password_sent_at",
                "remember_created_at",
                "current_sign_in_ip",
                "last_sign_in_ip",
                "confirmation_token",
            ],
        ),
        "ReportingEvent" => (REPORTING_EVENT, &[]),
        "Team" if v20 => (TEAM, &[]),
        "AgentAvailabilityRecord" if v20 => (AVAILABILITY, &[]),
        _ => return None,
    };
    Some(
        all.iter()
            .copied()
            .filter(|f| !without.contains(f))
            .collect(),
    )
}

/// The fields version 2.0 sends as strings.
pub(crate) fn string_ids(collection: &str) -> &'static [&'static str] {
    match collection {
        "Message" => &["sender_id"],
        "Label" | "Team" => &["id", "account_id"],
        "AgentAvailabilityRecord" => &["id", "account_id", "user_id"],
        _ => &[],
    }
}
