//! Account API, automation rules: `/api/v1/accounts/{account_id}/automation_rules...`.

use super::StoredCondition;
use crate::types::{Id, Timestamp};

open_enum! {
    /// The event an automation rule listens to (`AutomationRuleListener`).
    pub enum AutomationEvent {
        /// A conversation was created.
        ConversationCreated = "conversation_created",
        /// A conversation was updated.
        ConversationUpdated = "conversation_updated",
        /// A conversation was (re)opened.
        ConversationOpened = "conversation_opened",
        /// A conversation was resolved.
        ConversationResolved = "conversation_resolved",
        /// A message was created.
        MessageCreated = "message_created",
    }
}

open_enum! {
    /// What an automation rule does (`AutomationRule#actions_attributes`).
    pub enum AutomationActionName {
        /// Reply with `action_params[0]`.
        SendMessage = "send_message",
        /// Add the labels in `action_params`.
        AddLabel = "add_label",
        /// Remove the labels in `action_params`.
        RemoveLabel = "remove_label",
        /// Email teams: `[{"team_ids": [..], "message": ".."}]`.
        SendEmailToTeam = "send_email_to_team",
        /// Assign the team `action_params[0]`.
        AssignTeam = "assign_team",
        /// Assign the agent `action_params[0]`.
        AssignAgent = "assign_agent",
        /// Unassign the agent.
        RemoveAssignedAgent = "remove_assigned_agent",
        /// Unassign the team.
        RemoveAssignedTeam = "remove_assigned_team",
        /// Post the conversation to the URL `action_params[0]`.
        SendWebhookEvent = "send_webhook_event",
        /// Mute the conversation.
        MuteConversation = "mute_conversation",
        /// Send the rule's file `action_params[0]` (a blob id).
        SendAttachment = "send_attachment",
        /// Set the status `action_params[0]`.
        ChangeStatus = "change_status",
        /// Resolve the conversation.
        ResolveConversation = "resolve_conversation",
        /// Open the conversation.
        OpenConversation = "open_conversation",
        /// Set the conversation pending.
        PendingConversation = "pending_conversation",
        /// Snooze the conversation.
        SnoozeConversation = "snooze_conversation",
        /// Set the priority `action_params[0]`.
        ChangePriority = "change_priority",
        /// Email the transcript to `action_params`.
        SendEmailTranscript = "send_email_transcript",
        /// Add the private note `action_params[0]`.
        AddPrivateNote = "add_private_note",
        /// Apply the SLA policy `action_params[0]` (enterprise).
        AddSla = "add_sla",
    }
}

model! {
    /// One action of an automation rule, as stored.
    pub struct AutomationAction {
        /// What to do.
        action_name: AutomationActionName,
        /// Its arguments (labels, ids, text, URL, blob id; see [`AutomationActionName`]).
        action_params: Vec<serde_json::Value>,
    }
}

model! {
    /// A file an automation rule sends (`AutomationRule#file_base_data`).
    pub struct AutomationRuleFile {
        /// Attachment id.
        id: Id,
        /// The rule.
        automation_rule_id: Id,
        /// MIME type.
        file_type: String,
        /// Account.
        account_id: Id,
        /// Download URL.
        file_url: String,
        /// Blob id (what `send_attachment` names).
        blob_id: Id,
        /// File name.
        filename: String,
    }
}

model! {
    /// An automation rule (`automation_rules/partials/_automation_rule.json.jbuilder`).
    pub struct AutomationRule {
        /// Automation rule id.
        id: Id,
        /// Account.
        account_id: Id,
        /// Name.
        name: String,
        /// Description.
        description: Option<String>,
        /// The event it listens to.
        event_name: AutomationEvent,
        /// Conditions, joined by each one's `query_operator`.
        conditions: Vec<StoredCondition>,
        /// Actions, run in order.
        actions: Vec<AutomationAction>,
        /// Creation time.
        created_on: Timestamp,
        /// Whether the rule runs.
        active: bool,
        /// Files for `send_attachment` (the key is absent when there are none).
        files: Vec<AutomationRuleFile>,
    }
}

model! {
    /// Body of `GET automation_rules`.
    pub struct AutomationRuleList {
        /// Every rule of the account.
        payload: Vec<AutomationRule> as items,
    }
}

model! {
    /// Body of automation rule show, update and clone: the rule in `payload`.
    pub struct AutomationRulePayload {
        /// The rule.
        payload: AutomationRule,
    }
}
