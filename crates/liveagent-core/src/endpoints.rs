//! The endpoint table: every endpoint of every API family, one row each.
//!
//! A row reads:
//!
//! ```text
//! /// Doc (flows into the Rust and TypeScript docs).
//! name jsName: METHOD "/path/{param}",
//!     ParamsType => ResponseType,
//!     auth User|UserOrBot|Platform|Public, spec "operationId" | route "controller#action",
//!     idempotent yes|no, page none | (pages Item ["path", "to", "items"] per_page) | (cursor Item ["items"]);
//! ```
//!
//! That syntax has one parser, [`__endpoint_rows!`](crate::__endpoint_rows). Consumers pass a
//! callback macro to [`for_each_endpoint!`](crate::for_each_endpoint) and receive each row as a
//! record of fixed form, never the row syntax: this crate derives the
//! [`Endpoint`](crate::Endpoint) impls and [`ENDPOINTS`]; the native client derives its
//! methods. The wasm and Node packages dispatch through [`ENDPOINTS`], and codegen writes their
//! TypeScript from it.

use crate::api::*;
use crate::endpoint::{
    Auth, Endpoint, EndpointMeta, Method, Paginated, Pagination, ResponseBody, object_of,
};
use crate::models::*;
use crate::schema::{ObjectShape, Place, Schema};

/// Calls `$callback! { records }` with every row of the endpoint table, one record a row:
///
/// ```text
/// name Params (Response) [doc lines] METHOD "/path" { jsName Auth (spec|route "source") yes|no page }
/// ```
///
/// A callback that needs only the first part matches the braces as one `$rest:tt`.
#[macro_export]
macro_rules! for_each_endpoint {
    ($callback:ident) => {
        $crate::__endpoint_rows! { $callback;
            // ---- conversations: /api/v1/accounts/{account_id}/conversations -------------------
            /// List conversations, 25 per page, with counts for the whole filter.
            list_conversations listConversations: GET "/api/v1/accounts/{account_id}/conversations",
                ListConversationsParams => ConversationList,
                auth User, spec "conversationList", idempotent yes, page (pages Conversation ["data", "payload"] 25);
            /// Count conversations per assignee type (mine, assigned, unassigned, all).
            get_conversation_counts getConversationCounts: GET "/api/v1/accounts/{account_id}/conversations/meta",
                GetConversationCountsParams => ConversationCounts,
                auth User, spec "conversationListMeta", idempotent yes, page none;
            /// Filter conversations by conditions, 25 per page.
            filter_conversations filterConversations: POST "/api/v1/accounts/{account_id}/conversations/filter",
                FilterConversationsParams => ConversationFilterResult,
                auth User, spec "conversationFilter", idempotent yes, page (pages Conversation ["payload"] 25);
            /// Find conversations with a message containing `q`, 25 per page.
            search_conversations searchConversations: GET "/api/v1/accounts/{account_id}/conversations/search",
                SearchConversationsParams => ConversationSearchResult,
                auth User, route "conversations#search", idempotent yes, page (pages SearchConversation ["payload"] 25);
            /// Get one conversation.
            get_conversation getConversation: GET "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
                GetConversationParams => Conversation,
                auth UserOrBot, spec "get-details-of-a-conversation", idempotent yes, page none;
            /// Start a conversation with a contact in an inbox.
            create_conversation createConversation: POST "/api/v1/accounts/{account_id}/conversations",
                CreateConversationParams => Conversation,
                auth UserOrBot, spec "newConversation", idempotent no, page none;
            /// Change a conversation's priority.
            update_conversation updateConversation: PATCH "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
                UpdateConversationParams => Conversation,
                auth UserOrBot, spec "update-conversation", idempotent yes, page none;
            /// Open, resolve, snooze or set a conversation pending.
            toggle_conversation_status toggleConversationStatus: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status",
                ToggleConversationStatusParams => ToggleStatusResult,
                auth UserOrBot, spec "toggle-status-of-a-conversation", idempotent no, page none;
            /// Set or clear a conversation's priority.
            toggle_conversation_priority toggleConversationPriority: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority",
                ToggleConversationPriorityParams => Empty,
                auth UserOrBot, spec "toggle-priority-of-a-conversation", idempotent yes, page none;
            /// Show or hide the typing indicator.
            toggle_typing_status toggleTypingStatus: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_typing_status",
                ToggleTypingStatusParams => Empty,
                auth UserOrBot, spec "toggle-typing-status-of-a-conversation", idempotent yes, page none;
            /// Replace a conversation's custom attributes.
            update_conversation_custom_attributes updateConversationCustomAttributes: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes",
                UpdateConversationCustomAttributesParams => ConversationCustomAttributes,
                auth UserOrBot, spec "update-custom-attributes-of-a-conversation", idempotent yes, page none;
            /// Assign a conversation to an agent, an agent bot or a team (or unassign it).
            assign_conversation assignConversation: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments",
                AssignConversationParams => Option<Assignment>,
                auth UserOrBot, spec "assign-a-conversation", idempotent yes, page none;
            /// List a conversation's labels.
            list_conversation_labels listConversationLabels: GET "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels",
                ListConversationLabelsParams => LabelNames,
                auth UserOrBot, spec "list-all-labels-of-a-conversation", idempotent yes, page none;
            /// Set a conversation's labels (replaces them all).
            add_conversation_labels addConversationLabels: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels",
                AddConversationLabelsParams => LabelNames,
                auth UserOrBot, spec "conversation-add-labels", idempotent yes, page none;
            /// List a conversation's reporting events (enterprise).
            list_conversation_reporting_events listConversationReportingEvents: GET "/api/v1/accounts/{account_id}/conversations/{conversation_id}/reporting_events",
                ListConversationReportingEventsParams => Vec<ReportingEvent>,
                auth User, spec "get-conversation-reporting-events", idempotent yes, page none;

            // ---- messages: .../conversations/{conversation_id}/messages ----------------------
            /// List messages: the latest 20, older ones with `before`, newer ones with `after`.
            list_messages listMessages: GET "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
                ListMessagesParams => MessageList,
                auth User, spec "list-all-messages", idempotent yes, page (cursor Message ["payload"]);
            /// Send a message or a private note.
            create_message createMessage: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
                CreateMessageParams => Message,
                auth UserOrBot, spec "create-a-new-message-in-a-conversation", idempotent no, page none;
            /// Delete a message (its content becomes a deletion note).
            delete_message deleteMessage: DELETE "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}",
                DeleteMessageParams => Message,
                auth User, spec "delete-a-message", idempotent yes, page none;

            // ---- conversation lifecycle: .../conversations/{conversation_id}/... (beyond the spec) --
            /// Get the conversation's saved draft reply.
            get_draft_message getDraftMessage: GET "/api/v1/accounts/{account_id}/conversations/{conversation_id}/draft_messages",
                GetDraftMessageParams => DraftMessage,
                auth User, route "conversations/draft_messages#show", idempotent yes, page none;
            /// Save the conversation's draft reply (replaces it).
            update_draft_message updateDraftMessage: PATCH "/api/v1/accounts/{account_id}/conversations/{conversation_id}/draft_messages",
                UpdateDraftMessageParams => Empty,
                auth User, route "conversations/draft_messages#update", idempotent yes, page none;
            /// Discard the conversation's draft reply.
            delete_draft_message deleteDraftMessage: DELETE "/api/v1/accounts/{account_id}/conversations/{conversation_id}/draft_messages",
                DeleteDraftMessageParams => Empty,
                auth User, route "conversations/draft_messages#destroy", idempotent yes, page none;
            /// List the agents participating in a conversation.
            list_conversation_participants listConversationParticipants: GET "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
                ListConversationParticipantsParams => Vec<Agent>,
                auth User, route "conversations/participants#show", idempotent yes, page none;
            /// Add participants to a conversation (answers with the added agents).
            add_conversation_participants addConversationParticipants: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
                AddConversationParticipantsParams => Vec<Agent>,
                auth User, route "conversations/participants#create", idempotent yes, page none;
            /// Set a conversation's participants (answers with all of them).
            update_conversation_participants updateConversationParticipants: PATCH "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
                UpdateConversationParticipantsParams => Vec<Agent>,
                auth User, route "conversations/participants#update", idempotent yes, page none;
            /// Remove participants from a conversation.
            remove_conversation_participants removeConversationParticipants: DELETE "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants",
                RemoveConversationParticipantsParams => Empty,
                auth User, route "conversations/participants#destroy", idempotent yes, page none;
            /// Delete a conversation and its messages (administrators only).
            delete_conversation deleteConversation: DELETE "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
                DeleteConversationParams => Empty,
                auth User, route "conversations#destroy", idempotent yes, page none;
            /// List a conversation's attachments, newest first, 100 per page.
            list_conversation_attachments listConversationAttachments: GET "/api/v1/accounts/{account_id}/conversations/{conversation_id}/attachments",
                ListConversationAttachmentsParams => ConversationAttachments,
                auth User, route "conversations#attachments", idempotent yes, page (pages ConversationAttachment ["payload"] 100);
            /// Mute a conversation: block its contact and resolve it.
            mute_conversation muteConversation: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/mute",
                MuteConversationParams => Empty,
                auth User, route "conversations#mute", idempotent yes, page none;
            /// Unmute a conversation: unblock its contact.
            unmute_conversation unmuteConversation: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/unmute",
                UnmuteConversationParams => Empty,
                auth User, route "conversations#unmute", idempotent yes, page none;
            /// Email a conversation's transcript.
            send_conversation_transcript sendConversationTranscript: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/transcript",
                SendConversationTranscriptParams => Empty,
                auth User, route "conversations#transcript", idempotent no, page none;
            /// Mark a conversation unread from its last incoming message on.
            mark_conversation_unread markConversationUnread: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/unread",
                MarkConversationUnreadParams => Conversation,
                auth User, route "conversations#unread", idempotent yes, page none;
            /// Mark a conversation seen by the caller.
            update_conversation_last_seen updateConversationLastSeen: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/update_last_seen",
                UpdateConversationLastSeenParams => Conversation,
                auth User, route "conversations#update_last_seen", idempotent yes, page none;
            /// Count unread conversations per inbox, label and team. Upstream Chatwoot behind the
            /// `conversation_unread_counts` feature (403 without it); may answer 404 on Live Agent.
            get_conversation_unread_counts getConversationUnreadCounts: GET "/api/v1/accounts/{account_id}/conversations/unread_counts",
                GetConversationUnreadCountsParams => UnreadCountsResult,
                auth User, route "conversations/unread_counts#index", idempotent yes, page none;
            /// Set a message's delivery status (API-channel inboxes only).
            update_message updateMessage: PATCH "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}",
                UpdateMessageParams => Message,
                auth User, route "conversations/messages#update", idempotent yes, page none;
            /// Send a failed message again.
            retry_message retryMessage: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}/retry",
                RetryMessageParams => Message,
                auth User, route "conversations/messages#retry", idempotent no, page none;
            /// Translate a message; `null` when it already had that translation (then it is in
            /// `content_attributes.translations`).
            translate_message translateMessage: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages/{message_id}/translate",
                TranslateMessageParams => Option<MessageTranslation>,
                auth User, route "conversations/messages#translate", idempotent yes, page none;

            // ---- contacts: /api/v1/accounts/{account_id}/contacts -----------------------------
            /// List contacts that have an email, phone number or identifier, 15 per page.
            list_contacts listContacts: GET "/api/v1/accounts/{account_id}/contacts",
                ListContactsParams => ContactList,
                auth User, spec "contactList", idempotent yes, page (pages Contact ["payload"] 15);
            /// Create a contact, optionally with its identity in an inbox.
            create_contact createContact: POST "/api/v1/accounts/{account_id}/contacts",
                CreateContactParams => ContactCreated,
                auth User, spec "contactCreate", idempotent no, page none;
            /// Get one contact.
            get_contact getContact: GET "/api/v1/accounts/{account_id}/contacts/{contact_id}",
                GetContactParams => ContactPayload,
                auth User, spec "contactDetails", idempotent yes, page none;
            /// Update a contact (attributes are merged).
            update_contact updateContact: PUT "/api/v1/accounts/{account_id}/contacts/{contact_id}",
                UpdateContactParams => ContactPayload,
                auth User, spec "contactUpdate", idempotent yes, page none;
            /// Delete a contact.
            delete_contact deleteContact: DELETE "/api/v1/accounts/{account_id}/contacts/{contact_id}",
                DeleteContactParams => Empty,
                auth User, spec "contactDelete", idempotent yes, page none;
            /// Search contacts by name, email, phone number or identifier, 15 per page.
            search_contacts searchContacts: GET "/api/v1/accounts/{account_id}/contacts/search",
                SearchContactsParams => ContactSearchResult,
                auth User, spec "contactSearch", idempotent yes, page (pages Contact ["payload"] 15);
            /// Filter contacts by conditions, 15 per page.
            filter_contacts filterContacts: POST "/api/v1/accounts/{account_id}/contacts/filter",
                FilterContactsParams => ContactList,
                auth User, spec "contactFilter", idempotent yes, page (pages Contact ["payload"] 15);
            /// List a contact's 20 most recent conversations.
            list_contact_conversations listContactConversations: GET "/api/v1/accounts/{account_id}/contacts/{contact_id}/conversations",
                ListContactConversationsParams => ContactConversations,
                auth User, spec "contactConversations", idempotent yes, page none;
            /// List the inboxes a contact can be messaged in.
            list_contactable_inboxes listContactableInboxes: GET "/api/v1/accounts/{account_id}/contacts/{contact_id}/contactable_inboxes",
                ListContactableInboxesParams => ContactableInboxes,
                auth User, spec "contactableInboxesGet", idempotent yes, page none;
            /// Create a contact's identity in an inbox.
            create_contact_inbox createContactInbox: POST "/api/v1/accounts/{account_id}/contacts/{contact_id}/contact_inboxes",
                CreateContactInboxParams => ContactInbox,
                auth User, spec "contactInboxCreation", idempotent no, page none;
            /// Merge one contact into another.
            merge_contacts mergeContacts: POST "/api/v1/accounts/{account_id}/actions/contact_merge",
                MergeContactsParams => Contact,
                auth User, spec "contactMerge", idempotent no, page none;
            /// List a contact's labels.
            list_contact_labels listContactLabels: GET "/api/v1/accounts/{account_id}/contacts/{contact_id}/labels",
                ListContactLabelsParams => LabelNames,
                auth User, spec "list-all-labels-of-a-contact", idempotent yes, page none;
            /// Set a contact's labels (replaces them all).
            add_contact_labels addContactLabels: POST "/api/v1/accounts/{account_id}/contacts/{contact_id}/labels",
                AddContactLabelsParams => LabelNames,
                auth User, spec "contact-add-labels", idempotent yes, page none;

            // ---- contact extras: /api/v1/accounts/{account_id}/contacts/..., contact_inboxes -----
            /// Find the contact whose identity in an inbox has this source id.
            filter_contact_inboxes filterContactInboxes: POST "/api/v1/accounts/{account_id}/contact_inboxes/filter",
                FilterContactInboxesParams => Contact,
                auth User, route "contact_inboxes#filter", idempotent yes, page none;
            /// List a contact's notes, newest first.
            list_contact_notes listContactNotes: GET "/api/v1/accounts/{account_id}/contacts/{contact_id}/notes",
                ListContactNotesParams => Vec<Note>,
                auth User, route "contacts/notes#index", idempotent yes, page none;
            /// Write a note on a contact.
            create_contact_note createContactNote: POST "/api/v1/accounts/{account_id}/contacts/{contact_id}/notes",
                CreateContactNoteParams => Note,
                auth User, route "contacts/notes#create", idempotent no, page none;
            /// Get one note of a contact.
            get_contact_note getContactNote: GET "/api/v1/accounts/{account_id}/contacts/{contact_id}/notes/{note_id}",
                GetContactNoteParams => Note,
                auth User, route "contacts/notes#show", idempotent yes, page none;
            /// Change a note's text.
            update_contact_note updateContactNote: PATCH "/api/v1/accounts/{account_id}/contacts/{contact_id}/notes/{note_id}",
                UpdateContactNoteParams => Note,
                auth User, route "contacts/notes#update", idempotent yes, page none;
            /// Delete a note.
            delete_contact_note deleteContactNote: DELETE "/api/v1/accounts/{account_id}/contacts/{contact_id}/notes/{note_id}",
                DeleteContactNoteParams => Empty,
                auth User, route "contacts/notes#destroy", idempotent yes, page none;
            /// List the files of a contact's conversations, newest first, 100 per page.
            list_contact_attachments listContactAttachments: GET "/api/v1/accounts/{account_id}/contacts/{contact_id}/attachments",
                ListContactAttachmentsParams => ContactAttachmentList,
                auth User, route "contacts/attachments#index", idempotent yes, page (pages ContactAttachment ["payload"] 100);
            /// Remove a contact's avatar.
            delete_contact_avatar deleteContactAvatar: DELETE "/api/v1/accounts/{account_id}/contacts/{contact_id}/avatar",
                DeleteContactAvatarParams => ContactPayload,
                auth User, route "contacts#avatar", idempotent yes, page none;
            /// Remove custom attributes of a contact by key.
            delete_contact_custom_attributes deleteContactCustomAttributes: POST "/api/v1/accounts/{account_id}/contacts/{contact_id}/destroy_custom_attributes",
                DeleteContactCustomAttributesParams => ContactPayload,
                auth User, route "contacts#destroy_custom_attributes", idempotent yes, page none;
            /// List contacts online now, 15 per page.
            list_active_contacts listActiveContacts: GET "/api/v1/accounts/{account_id}/contacts/active",
                ListActiveContactsParams => ContactList,
                auth User, route "contacts#active", idempotent yes, page (pages Contact ["payload"] 15);
            /// Export contacts as CSV, emailed to the caller (administrators). Upstream Chatwoot since
            /// 2024; may answer 404 on Live Agent.
            export_contacts exportContacts: POST "/api/v1/accounts/{account_id}/contacts/export",
                ExportContactsParams => Empty,
                auth User, route "contacts#export", idempotent no, page none;

            // ---- bulk and assignment helpers: bulk_actions, assignable_agents -----------------
            /// List the agents who may be assigned conversations of all the given inboxes.
            list_assignable_agents listAssignableAgents: GET "/api/v1/accounts/{account_id}/assignable_agents",
                ListAssignableAgentsParams => AssignableAgents,
                auth User, route "assignable_agents#index", idempotent yes, page none;
            /// List the agents who may be assigned conversations of an inbox (deprecated upstream).
            list_inbox_assignable_agents listInboxAssignableAgents: GET "/api/v1/accounts/{account_id}/inboxes/{inbox_id}/assignable_agents",
                ListInboxAssignableAgentsParams => AssignableAgents,
                auth User, route "inboxes#assignable_agents", idempotent yes, page none;
            /// Change the status, assignee, team or labels of many conversations, or the labels of
            /// many contacts (or delete them). The server applies it in a background job.
            bulk_action bulkAction: POST "/api/v1/accounts/{account_id}/bulk_actions",
                BulkActionParams => Empty,
                auth User, route "bulk_actions#create", idempotent no, page none;

            // ---- agents: /api/v1/accounts/{account_id}/agents ---------------------------------
            /// List the account's users.
            list_agents listAgents: GET "/api/v1/accounts/{account_id}/agents",
                ListAgentsParams => Vec<Agent>,
                auth User, spec "get-account-agents", idempotent yes, page none;
            /// Invite a user to the account.
            create_agent createAgent: POST "/api/v1/accounts/{account_id}/agents",
                CreateAgentParams => Agent,
                auth User, spec "add-new-agent-to-account", idempotent no, page none;
            /// Update a user's role or availability.
            update_agent updateAgent: PATCH "/api/v1/accounts/{account_id}/agents/{agent_id}",
                UpdateAgentParams => Agent,
                auth User, spec "update-agent-in-account", idempotent yes, page none;
            /// Remove a user from the account.
            delete_agent deleteAgent: DELETE "/api/v1/accounts/{account_id}/agents/{agent_id}",
                DeleteAgentParams => Empty,
                auth User, spec "delete-agent-from-account", idempotent yes, page none;

            // ---- teams: /api/v1/accounts/{account_id}/teams -----------------------------------
            /// List teams.
            list_teams listTeams: GET "/api/v1/accounts/{account_id}/teams",
                ListTeamsParams => Vec<Team>,
                auth User, spec "list-all-teams", idempotent yes, page none;
            /// Create a team.
            create_team createTeam: POST "/api/v1/accounts/{account_id}/teams",
                CreateTeamParams => Team,
                auth User, spec "create-a-team", idempotent no, page none;
            /// Get one team.
            get_team getTeam: GET "/api/v1/accounts/{account_id}/teams/{team_id}",
                GetTeamParams => Team,
                auth User, spec "get-details-of-a-single-team", idempotent yes, page none;
            /// Update a team.
            update_team updateTeam: PATCH "/api/v1/accounts/{account_id}/teams/{team_id}",
                UpdateTeamParams => Team,
                auth User, spec "update-a-team", idempotent yes, page none;
            /// Delete a team.
            delete_team deleteTeam: DELETE "/api/v1/accounts/{account_id}/teams/{team_id}",
                DeleteTeamParams => Empty,
                auth User, spec "delete-a-team", idempotent yes, page none;
            /// List a team's members.
            list_team_members listTeamMembers: GET "/api/v1/accounts/{account_id}/teams/{team_id}/team_members",
                ListTeamMembersParams => Vec<Agent>,
                auth User, spec "get-team-members", idempotent yes, page none;
            /// Add members to a team (answers with the new members).
            add_team_members addTeamMembers: POST "/api/v1/accounts/{account_id}/teams/{team_id}/team_members",
                AddTeamMembersParams => Vec<Agent>,
                auth User, spec "add-new-agent-to-team", idempotent yes, page none;
            /// Set a team's members.
            update_team_members updateTeamMembers: PATCH "/api/v1/accounts/{account_id}/teams/{team_id}/team_members",
                UpdateTeamMembersParams => Vec<Agent>,
                auth User, spec "update-agents-in-team", idempotent yes, page none;
            /// Remove members from a team.
            remove_team_members removeTeamMembers: DELETE "/api/v1/accounts/{account_id}/teams/{team_id}/team_members",
                RemoveTeamMembersParams => Empty,
                auth User, spec "delete-agent-in-team", idempotent yes, page none;

            // ---- inboxes: /api/v1/accounts/{account_id}/inboxes, inbox_members ------------------
            /// List inboxes.
            list_inboxes listInboxes: GET "/api/v1/accounts/{account_id}/inboxes",
                ListInboxesParams => InboxList,
                auth User, spec "listAllInboxes", idempotent yes, page none;
            /// Get one inbox.
            get_inbox getInbox: GET "/api/v1/accounts/{account_id}/inboxes/{inbox_id}",
                GetInboxParams => Inbox,
                auth User, spec "GetInbox", idempotent yes, page none;
            /// Create an inbox with its channel.
            create_inbox createInbox: POST "/api/v1/accounts/{account_id}/inboxes",
                CreateInboxParams => Inbox,
                auth User, spec "inboxCreation", idempotent no, page none;
            /// Update an inbox.
            update_inbox updateInbox: PATCH "/api/v1/accounts/{account_id}/inboxes/{inbox_id}",
                UpdateInboxParams => Inbox,
                auth User, spec "updateInbox", idempotent yes, page none;
            /// List an inbox's agents.
            list_inbox_members listInboxMembers: GET "/api/v1/accounts/{account_id}/inbox_members/{inbox_id}",
                ListInboxMembersParams => InboxMembers,
                auth User, spec "get-inbox-members", idempotent yes, page none;
            /// Add agents to an inbox.
            add_inbox_members addInboxMembers: POST "/api/v1/accounts/{account_id}/inbox_members",
                AddInboxMembersParams => InboxMembers,
                auth User, spec "add-new-agent-to-inbox", idempotent yes, page none;
            /// Set an inbox's agents.
            update_inbox_members updateInboxMembers: PATCH "/api/v1/accounts/{account_id}/inbox_members",
                UpdateInboxMembersParams => InboxMembers,
                auth User, spec "update-agents-in-inbox", idempotent yes, page none;
            /// Remove agents from an inbox.
            remove_inbox_members removeInboxMembers: DELETE "/api/v1/accounts/{account_id}/inbox_members",
                RemoveInboxMembersParams => Empty,
                auth User, spec "delete-agent-in-inbox", idempotent yes, page none;
            /// Delete an inbox (the server finishes the deletion in the background).
            delete_inbox deleteInbox: DELETE "/api/v1/accounts/{account_id}/inboxes/{inbox_id}",
                DeleteInboxParams => InboxDeletion,
                auth User, route "inboxes#destroy", idempotent yes, page none;
            /// Remove an inbox's avatar.
            delete_inbox_avatar deleteInboxAvatar: DELETE "/api/v1/accounts/{account_id}/inboxes/{inbox_id}/avatar",
                DeleteInboxAvatarParams => Empty,
                auth User, route "inboxes#avatar", idempotent yes, page none;
            /// Give an API inbox a new webhook signing secret. Upstream Chatwoot (2026); may answer 404 on Live Agent.
            reset_inbox_secret resetInboxSecret: POST "/api/v1/accounts/{account_id}/inboxes/{inbox_id}/reset_secret",
                ResetInboxSecretParams => Inbox,
                auth User, route "inboxes#reset_secret", idempotent no, page none;
            /// Get the agent bot connected to an inbox (`agent_bot` is absent if none).
            get_inbox_agent_bot getInboxAgentBot: GET "/api/v1/accounts/{account_id}/inboxes/{inbox_id}/agent_bot",
                GetInboxAgentBotParams => InboxAgentBot,
                auth User, spec "getInboxAgentBot", idempotent yes, page none;
            /// Connect an agent bot to an inbox, or disconnect it (`agent_bot` absent).
            set_inbox_agent_bot setInboxAgentBot: POST "/api/v1/accounts/{account_id}/inboxes/{inbox_id}/set_agent_bot",
                SetInboxAgentBotParams => Empty,
                auth User, spec "updateAgentBot", idempotent yes, page none;

            // ---- account and profile: /api/v1/accounts/{account_id}, /api/v1/profile -----------
            /// Get the account.
            get_account getAccount: GET "/api/v1/accounts/{account_id}",
                GetAccountParams => Account,
                auth User, spec "get-account-details", idempotent yes, page none;
            /// Update the account's name, locale and settings.
            update_account updateAccount: PATCH "/api/v1/accounts/{account_id}",
                UpdateAccountParams => Account,
                auth User, spec "update-account", idempotent yes, page none;
            /// Get the caller's profile.
            get_profile getProfile: GET "/api/v1/profile",
                GetProfileParams => Profile,
                auth User, spec "fetchProfile", idempotent yes, page none;
            /// Update the caller's profile.
            update_profile updateProfile: PUT "/api/v1/profile",
                UpdateProfileParams => Profile,
                auth User, spec "updateProfile", idempotent yes, page none;

            // ---- profile: /api/v1/profile/... ----------------------------------------------------
            /// Set the caller's availability (`online`, `busy`, `offline`) in one account.
            update_profile_availability updateProfileAvailability: POST "/api/v1/profile/availability",
                UpdateProfileAvailabilityParams => Profile,
                auth User, route "api/v1/profiles#availability", idempotent yes, page none;
            /// Set whether the caller goes offline in one account when the dashboard closes.
            update_profile_auto_offline updateProfileAutoOffline: POST "/api/v1/profile/auto_offline",
                UpdateProfileAutoOfflineParams => Profile,
                auth User, route "api/v1/profiles#auto_offline", idempotent yes, page none;
            /// Remove the caller's avatar.
            delete_profile_avatar deleteProfileAvatar: DELETE "/api/v1/profile/avatar",
                DeleteProfileAvatarParams => Profile,
                auth User, route "api/v1/profiles#avatar", idempotent yes, page none;
            /// Replace the caller's API token (the answer holds the new one; the old one stops
            /// working). Upstream Chatwoot (2025); may answer 404 on Live Agent.
            reset_profile_access_token resetProfileAccessToken: POST "/api/v1/profile/reset_access_token",
                ResetProfileAccessTokenParams => Profile,
                auth User, route "api/v1/profiles#reset_access_token", idempotent no, page none;
            /// Make an account the caller's active (most recently used) one.
            set_active_account setActiveAccount: PUT "/api/v1/profile/set_active_account",
                SetActiveAccountParams => Empty,
                auth User, route "api/v1/profiles#set_active_account", idempotent yes, page none;

            // ---- notifications: /api/v1/accounts/{account_id}/notifications, .../notification_settings
            /// List the caller's notifications, 15 per page, latest activity first (unread and
            /// unsnoozed ones unless `includes` says otherwise).
            list_notifications listNotifications: GET "/api/v1/accounts/{account_id}/notifications",
                ListNotificationsParams => NotificationList,
                auth User, route "notifications#index", idempotent yes, page (pages Notification ["data", "payload"] 15);
            /// Count the caller's unread notifications (a bare integer).
            get_notification_unread_count getNotificationUnreadCount: GET "/api/v1/accounts/{account_id}/notifications/unread_count",
                GetNotificationUnreadCountParams => i64,
                auth User, route "notifications#unread_count", idempotent yes, page none;
            /// Mark a notification read.
            mark_notification_read markNotificationRead: PATCH "/api/v1/accounts/{account_id}/notifications/{notification_id}",
                MarkNotificationReadParams => NotificationRecord,
                auth User, route "notifications#update", idempotent yes, page none;
            /// Mark a notification unread. Upstream Chatwoot (2024); may answer 404 on Live Agent.
            mark_notification_unread markNotificationUnread: POST "/api/v1/accounts/{account_id}/notifications/{notification_id}/unread",
                MarkNotificationUnreadParams => NotificationRecord,
                auth User, route "notifications#unread", idempotent yes, page none;
            /// Snooze a notification until a time. Upstream Chatwoot (2023-12); may answer 404 on
            /// Live Agent.
            snooze_notification snoozeNotification: POST "/api/v1/accounts/{account_id}/notifications/{notification_id}/snooze",
                SnoozeNotificationParams => NotificationRecord,
                auth User, route "notifications#snooze", idempotent yes, page none;
            /// Delete a notification.
            delete_notification deleteNotification: DELETE "/api/v1/accounts/{account_id}/notifications/{notification_id}",
                DeleteNotificationParams => Empty,
                auth User, route "notifications#destroy", idempotent yes, page none;
            /// Mark all the caller's notifications read, or those about one conversation.
            mark_all_notifications_read markAllNotificationsRead: POST "/api/v1/accounts/{account_id}/notifications/read_all",
                MarkAllNotificationsReadParams => Empty,
                auth User, route "notifications#read_all", idempotent yes, page none;
            /// Delete all the caller's notifications, or only the read ones. Upstream Chatwoot
            /// (2024); may answer 404 on Live Agent.
            delete_all_notifications deleteAllNotifications: POST "/api/v1/accounts/{account_id}/notifications/destroy_all",
                DeleteAllNotificationsParams => Empty,
                auth User, route "notifications#destroy_all", idempotent yes, page none;
            /// Get the caller's notification settings (email and push flags).
            get_notification_settings getNotificationSettings: GET "/api/v1/accounts/{account_id}/notification_settings",
                GetNotificationSettingsParams => NotificationSettings,
                auth User, route "notification_settings#show", idempotent yes, page none;
            /// Replace the caller's email and push notification flags.
            update_notification_settings updateNotificationSettings: PATCH "/api/v1/accounts/{account_id}/notification_settings",
                UpdateNotificationSettingsParams => NotificationSettings,
                auth User, route "notification_settings#update", idempotent yes, page none;

            // ---- labels: /api/v1/accounts/{account_id}/labels ---------------------------------
            /// List labels.
            list_labels listLabels: GET "/api/v1/accounts/{account_id}/labels",
                ListLabelsParams => LabelList,
                auth User, spec "list-all-labels", idempotent yes, page none;
            /// Create a label.
            create_label createLabel: POST "/api/v1/accounts/{account_id}/labels",
                CreateLabelParams => Label,
                auth User, spec "create-a-label", idempotent no, page none;
            /// Get one label.
            get_label getLabel: GET "/api/v1/accounts/{account_id}/labels/{label_id}",
                GetLabelParams => Label,
                auth User, spec "get-details-of-a-single-label", idempotent yes, page none;
            /// Update a label.
            update_label updateLabel: PATCH "/api/v1/accounts/{account_id}/labels/{label_id}",
                UpdateLabelParams => Label,
                auth User, spec "update-a-label", idempotent yes, page none;
            /// Delete a label.
            delete_label deleteLabel: DELETE "/api/v1/accounts/{account_id}/labels/{label_id}",
                DeleteLabelParams => Empty,
                auth User, spec "delete-a-label", idempotent yes, page none;

            // ---- canned responses: /api/v1/accounts/{account_id}/canned_responses -------------
            /// List canned responses.
            list_canned_responses listCannedResponses: GET "/api/v1/accounts/{account_id}/canned_responses",
                ListCannedResponsesParams => Vec<CannedResponse>,
                auth User, spec "get-account-canned-response", idempotent yes, page none;
            /// Create a canned response.
            create_canned_response createCannedResponse: POST "/api/v1/accounts/{account_id}/canned_responses",
                CreateCannedResponseParams => CannedResponse,
                auth User, spec "add-new-canned-response-to-account", idempotent no, page none;
            /// Update a canned response.
            update_canned_response updateCannedResponse: PATCH "/api/v1/accounts/{account_id}/canned_responses/{canned_response_id}",
                UpdateCannedResponseParams => CannedResponse,
                auth User, spec "update-canned-response-in-account", idempotent yes, page none;
            /// Delete a canned response.
            delete_canned_response deleteCannedResponse: DELETE "/api/v1/accounts/{account_id}/canned_responses/{canned_response_id}",
                DeleteCannedResponseParams => Empty,
                auth User, spec "delete-canned-response-from-account", idempotent yes, page none;

            // ---- custom attributes: /api/v1/accounts/{account_id}/custom_attribute_definitions -
            /// List custom attribute definitions.
            list_custom_attribute_definitions listCustomAttributeDefinitions: GET "/api/v1/accounts/{account_id}/custom_attribute_definitions",
                ListCustomAttributeDefinitionsParams => Vec<CustomAttributeDefinition>,
                auth User, spec "get-account-custom-attribute", idempotent yes, page none;
            /// Create a custom attribute definition.
            create_custom_attribute_definition createCustomAttributeDefinition: POST "/api/v1/accounts/{account_id}/custom_attribute_definitions",
                CreateCustomAttributeDefinitionParams => CustomAttributeDefinition,
                auth User, spec "add-new-custom-attribute-to-account", idempotent no, page none;
            /// Get one custom attribute definition.
            get_custom_attribute_definition getCustomAttributeDefinition: GET "/api/v1/accounts/{account_id}/custom_attribute_definitions/{attribute_id}",
                GetCustomAttributeDefinitionParams => CustomAttributeDefinition,
                auth User, spec "get-details-of-a-single-custom-attribute", idempotent yes, page none;
            /// Update a custom attribute definition.
            update_custom_attribute_definition updateCustomAttributeDefinition: PATCH "/api/v1/accounts/{account_id}/custom_attribute_definitions/{attribute_id}",
                UpdateCustomAttributeDefinitionParams => CustomAttributeDefinition,
                auth User, spec "update-custom-attribute-in-account", idempotent yes, page none;
            /// Delete a custom attribute definition.
            delete_custom_attribute_definition deleteCustomAttributeDefinition: DELETE "/api/v1/accounts/{account_id}/custom_attribute_definitions/{attribute_id}",
                DeleteCustomAttributeDefinitionParams => Empty,
                auth User, spec "delete-custom-attribute-from-account", idempotent yes, page none;

            // ---- webhooks: /api/v1/accounts/{account_id}/webhooks -----------------------------
            /// List webhooks.
            list_webhooks listWebhooks: GET "/api/v1/accounts/{account_id}/webhooks",
                ListWebhooksParams => WebhookList,
                auth User, spec "list-all-webhooks", idempotent yes, page none;
            /// Create a webhook.
            create_webhook createWebhook: POST "/api/v1/accounts/{account_id}/webhooks",
                CreateWebhookParams => WebhookPayload,
                auth User, spec "create-a-webhook", idempotent no, page none;
            /// Update a webhook.
            update_webhook updateWebhook: PATCH "/api/v1/accounts/{account_id}/webhooks/{webhook_id}",
                UpdateWebhookParams => WebhookPayload,
                auth User, spec "update-a-webhook", idempotent yes, page none;
            /// Delete a webhook.
            delete_webhook deleteWebhook: DELETE "/api/v1/accounts/{account_id}/webhooks/{webhook_id}",
                DeleteWebhookParams => Empty,
                auth User, spec "delete-a-webhook", idempotent yes, page none;
            // ---- agent bots: /api/v1/accounts/{account_id}/agent_bots --------------------------
            /// List the account's agent bots and the system bots.
            list_agent_bots listAgentBots: GET "/api/v1/accounts/{account_id}/agent_bots",
                ListAgentBotsParams => Vec<AgentBot>,
                auth User, spec "list-all-account-agent-bots", idempotent yes, page none;
            /// Create an agent bot.
            create_agent_bot createAgentBot: POST "/api/v1/accounts/{account_id}/agent_bots",
                CreateAgentBotParams => AgentBot,
                auth User, spec "create-an-account-agent-bot", idempotent no, page none;
            /// Get one agent bot.
            get_agent_bot getAgentBot: GET "/api/v1/accounts/{account_id}/agent_bots/{agent_bot_id}",
                GetAgentBotParams => AgentBot,
                auth User, spec "get-details-of-a-single-account-agent-bot", idempotent yes, page none;
            /// Update an agent bot.
            update_agent_bot updateAgentBot: PATCH "/api/v1/accounts/{account_id}/agent_bots/{agent_bot_id}",
                UpdateAgentBotParams => AgentBot,
                auth User, spec "update-an-account-agent-bot", idempotent yes, page none;
            /// Delete an agent bot.
            delete_agent_bot deleteAgentBot: DELETE "/api/v1/accounts/{account_id}/agent_bots/{agent_bot_id}",
                DeleteAgentBotParams => Empty,
                auth User, spec "delete-an-account-agent-bot", idempotent yes, page none;
            /// Remove an agent bot's avatar.
            delete_agent_bot_avatar deleteAgentBotAvatar: DELETE "/api/v1/accounts/{account_id}/agent_bots/{agent_bot_id}/avatar",
                DeleteAgentBotAvatarParams => AgentBot,
                auth User, route "agent_bots#avatar", idempotent yes, page none;
            /// Give an agent bot a new API token (the old one stops working).
            reset_agent_bot_access_token resetAgentBotAccessToken: POST "/api/v1/accounts/{account_id}/agent_bots/{agent_bot_id}/reset_access_token",
                ResetAgentBotAccessTokenParams => AgentBot,
                auth User, route "agent_bots#reset_access_token", idempotent no, page none;
            /// Give an agent bot a new webhook signing secret.
            reset_agent_bot_secret resetAgentBotSecret: POST "/api/v1/accounts/{account_id}/agent_bots/{agent_bot_id}/reset_secret",
                ResetAgentBotSecretParams => AgentBot,
                auth User, route "agent_bots#reset_secret", idempotent no, page none;

            // ---- uploads: /api/v1/accounts/{account_id}/upload, contacts/import -----------------
            /// Store a file (or a file fetched from a URL) and get its URL and blob id.
            upload_file uploadFile: POST "/api/v1/accounts/{account_id}/upload",
                UploadFileParams => UploadedFile,
                auth User, route "upload#create", idempotent no, page none;
            /// Import contacts from a CSV file (administrators; runs in the background).
            import_contacts importContacts: POST "/api/v1/accounts/{account_id}/contacts/import",
                ImportContactsParams => Empty,
                auth User, route "contacts#import", idempotent no, page none;
            // ---- help center: /api/v1/accounts/{account_id}/portals (paths take the portal's slug) --
            /// List the account's help-center portals. Upstream Chatwoot; may answer 404 on Live Agent.
            list_portals listPortals: GET "/api/v1/accounts/{account_id}/portals",
                ListPortalsParams => PortalList,
                auth User, spec "get-portal", idempotent yes, page none;
            /// Create a help-center portal (administrators). Upstream Chatwoot; may answer 404 on Live Agent.
            create_portal createPortal: POST "/api/v1/accounts/{account_id}/portals",
                CreatePortalParams => Portal,
                auth User, spec "add-new-portal-to-account", idempotent no, page none;
            /// Update a portal, found by its slug (administrators). Upstream Chatwoot; may answer 404 on Live Agent.
            update_portal updatePortal: PATCH "/api/v1/accounts/{account_id}/portals/{id}",
                UpdatePortalParams => Portal,
                auth User, spec "update-portal-to-account", idempotent yes, page none;
            /// Add a category to a portal, found by its slug (administrators). Upstream Chatwoot; may answer 404 on Live Agent.
            create_category createCategory: POST "/api/v1/accounts/{account_id}/portals/{id}/categories",
                CreateCategoryParams => CategoryPayload,
                auth User, spec "add-new-category-to-account", idempotent no, page none;
            /// Add an article to a portal, found by its slug (administrators). Upstream Chatwoot; may answer 404 on Live Agent.
            create_article createArticle: POST "/api/v1/accounts/{account_id}/portals/{id}/articles",
                CreateArticleParams => ArticlePayload,
                auth User, spec "add-new-article-to-account", idempotent no, page none;

            // ---- integrations: /api/v1/accounts/{account_id}/integrations/apps, hooks -----------
            /// List the integration apps available to the account, with their hooks. Upstream Chatwoot; may answer 404 on Live Agent.
            list_integration_apps listIntegrationApps: GET "/api/v1/accounts/{account_id}/integrations/apps",
                ListIntegrationAppsParams => IntegrationAppList,
                auth User, spec "get-details-of-all-integrations", idempotent yes, page none;
            /// Get one integration app, with its hooks. Upstream Chatwoot; may answer 404 on Live Agent.
            get_integration_app getIntegrationApp: GET "/api/v1/accounts/{account_id}/integrations/apps/{app_id}",
                GetIntegrationAppParams => IntegrationApp,
                auth User, route "integrations/apps#show", idempotent yes, page none;
            /// Connect an integration app to the account or an inbox (administrators). Upstream Chatwoot; may answer 404 on Live Agent.
            create_integration_hook createIntegrationHook: POST "/api/v1/accounts/{account_id}/integrations/hooks",
                CreateIntegrationHookParams => IntegrationHook,
                auth User, spec "create-an-integration-hook", idempotent no, page none;
            /// Enable, disable or reconfigure an integration hook (administrators). Upstream Chatwoot; may answer 404 on Live Agent.
            update_integration_hook updateIntegrationHook: PATCH "/api/v1/accounts/{account_id}/integrations/hooks/{hook_id}",
                UpdateIntegrationHookParams => IntegrationHook,
                auth User, spec "update-an-integrations-hook", idempotent yes, page none;
            /// Disconnect an integration hook (administrators). Upstream Chatwoot; may answer 404 on Live Agent.
            delete_integration_hook deleteIntegrationHook: DELETE "/api/v1/accounts/{account_id}/integrations/hooks/{hook_id}",
                DeleteIntegrationHookParams => Empty,
                auth User, spec "delete-an-integration-hook", idempotent yes, page none;
            // ---- reports (v2): /api/v2/accounts/{account_id}/reports, summary_reports, live_reports
            /// One metric as a time series of `{value, timestamp}` points (administrators).
            get_report_timeseries getReportTimeseries: GET "/api/v2/accounts/{account_id}/reports",
                GetReportTimeseriesParams => Vec<ReportPoint>,
                auth User, spec "list-all-conversation-statistics", idempotent yes, page none;
            /// Conversation and message counts and average times of a range, with the previous range.
            get_report_summary getReportSummary: GET "/api/v2/accounts/{account_id}/reports/summary",
                GetReportSummaryParams => ReportSummary,
                auth User, spec "list-all-conversation-statistics-summary", idempotent yes, page none;
            /// Bot resolutions and handoffs of a range, with the previous range. Upstream Chatwoot; may answer 404 on Live Agent.
            get_bot_report_summary getBotReportSummary: GET "/api/v2/accounts/{account_id}/reports/bot_summary",
                GetBotReportSummaryParams => BotReportSummary,
                auth User, route "api/v2/accounts/reports#bot_summary", idempotent yes, page none;
            /// Conversations, messages, resolution and handoff rates of inboxes with an active bot. Upstream Chatwoot; may answer 404 on Live Agent.
            get_bot_metrics getBotMetrics: GET "/api/v2/accounts/{account_id}/reports/bot_metrics",
                GetBotMetricsParams => BotMetrics,
                auth User, route "api/v2/accounts/reports#bot_metrics", idempotent yes, page none;
            /// Open, unattended and unassigned conversations of the account now (`type=account`).
            get_account_conversation_metrics getAccountConversationMetrics: GET "/api/v2/accounts/{account_id}/reports/conversations",
                GetAccountConversationMetricsParams => AccountConversationMetrics,
                auth User, spec "get-account-conversation-metrics", idempotent yes, page none;
            /// Each agent's open and unattended conversations now, 25 agents a page (`type=agent`). Its own row because the spec names this trailing-slash path as an operation of its own; the server routes it as `reports/conversations`.
            get_agent_conversation_metrics getAgentConversationMetrics: GET "/api/v2/accounts/{account_id}/reports/conversations/",
                GetAgentConversationMetricsParams => Vec<AgentConversationMetrics>,
                auth User, spec "get-agent-conversation-metrics", idempotent yes, page none;
            /// First responses per channel type by delay bucket.
            get_first_response_time_distribution getFirstResponseTimeDistribution: GET "/api/v2/accounts/{account_id}/reports/first_response_time_distribution",
                GetFirstResponseTimeDistributionParams => ResponseTimeDistribution,
                auth User, spec "get-first-response-time-distribution", idempotent yes, page none;
            /// Conversations per inbox and label.
            get_inbox_label_matrix getInboxLabelMatrix: GET "/api/v2/accounts/{account_id}/reports/inbox_label_matrix",
                GetInboxLabelMatrixParams => InboxLabelMatrix,
                auth User, spec "get-inbox-label-matrix", idempotent yes, page none;
            /// Outgoing messages per agent, team, inbox or label.
            get_outgoing_messages_count getOutgoingMessagesCount: GET "/api/v2/accounts/{account_id}/reports/outgoing_messages_count",
                GetOutgoingMessagesCountParams => Vec<OutgoingMessagesCount>,
                auth User, spec "get-outgoing-messages-count", idempotent yes, page none;
            /// The agent summary of a range as CSV.
            download_agents_report downloadAgentsReport: GET "/api/v2/accounts/{account_id}/reports/agents",
                DownloadAgentsReportParams => Text,
                auth User, route "api/v2/accounts/reports#agents", idempotent yes, page none;
            /// The inbox summary of a range as CSV.
            download_inboxes_report downloadInboxesReport: GET "/api/v2/accounts/{account_id}/reports/inboxes",
                DownloadInboxesReportParams => Text,
                auth User, route "api/v2/accounts/reports#inboxes", idempotent yes, page none;
            /// The label summary of a range as CSV.
            download_labels_report downloadLabelsReport: GET "/api/v2/accounts/{account_id}/reports/labels",
                DownloadLabelsReportParams => Text,
                auth User, route "api/v2/accounts/reports#labels", idempotent yes, page none;
            /// The team summary of a range as CSV.
            download_teams_report downloadTeamsReport: GET "/api/v2/accounts/{account_id}/reports/teams",
                DownloadTeamsReportParams => Text,
                auth User, route "api/v2/accounts/reports#teams", idempotent yes, page none;
            /// The account summary of a range as CSV.
            download_conversations_summary_report downloadConversationsSummaryReport: GET "/api/v2/accounts/{account_id}/reports/conversations_summary",
                DownloadConversationsSummaryReportParams => Text,
                auth User, route "api/v2/accounts/reports#conversations_summary", idempotent yes, page none;
            /// Conversations per weekday and hour as CSV.
            download_conversation_traffic_report downloadConversationTrafficReport: GET "/api/v2/accounts/{account_id}/reports/conversation_traffic",
                DownloadConversationTrafficReportParams => Text,
                auth User, route "api/v2/accounts/reports#conversation_traffic", idempotent yes, page none;
            /// Conversations, resolutions and average times per agent.
            get_agent_summary_report getAgentSummaryReport: GET "/api/v2/accounts/{account_id}/summary_reports/agent",
                GetAgentSummaryReportParams => Vec<SummaryReportRow>,
                auth User, spec "get-agent-summary-report", idempotent yes, page none;
            /// Conversations, resolutions and average times per team.
            get_team_summary_report getTeamSummaryReport: GET "/api/v2/accounts/{account_id}/summary_reports/team",
                GetTeamSummaryReportParams => Vec<SummaryReportRow>,
                auth User, spec "get-team-summary-report", idempotent yes, page none;
            /// Conversations, resolutions and average times per inbox.
            get_inbox_summary_report getInboxSummaryReport: GET "/api/v2/accounts/{account_id}/summary_reports/inbox",
                GetInboxSummaryReportParams => Vec<SummaryReportRow>,
                auth User, spec "get-inbox-summary-report", idempotent yes, page none;
            /// Conversations, resolutions and average times per label.
            get_label_summary_report getLabelSummaryReport: GET "/api/v2/accounts/{account_id}/summary_reports/label",
                GetLabelSummaryReportParams => Vec<LabelSummaryReportRow>,
                auth User, route "api/v2/accounts/summary_reports#label", idempotent yes, page none;
            /// Conversations per channel type and status.
            get_channel_summary_report getChannelSummaryReport: GET "/api/v2/accounts/{account_id}/summary_reports/channel",
                GetChannelSummaryReportParams => ChannelSummaryReport,
                auth User, spec "get-channel-summary-report", idempotent yes, page none;
            /// Open, unattended, unassigned and pending conversations now. Upstream Chatwoot; may answer 404 on Live Agent.
            get_live_conversation_metrics getLiveConversationMetrics: GET "/api/v2/accounts/{account_id}/live_reports/conversation_metrics",
                GetLiveConversationMetricsParams => LiveConversationMetrics,
                auth User, route "api/v2/accounts/live_reports#conversation_metrics", idempotent yes, page none;
            /// Open conversations per agent or team now. Upstream Chatwoot; may answer 404 on Live Agent.
            get_grouped_conversation_metrics getGroupedConversationMetrics: GET "/api/v2/accounts/{account_id}/live_reports/grouped_conversation_metrics",
                GetGroupedConversationMetricsParams => Vec<GroupedConversationMetrics>,
                auth User, route "api/v2/accounts/live_reports#grouped_conversation_metrics", idempotent yes, page none;

            // ---- csat, reporting events, audit logs: /api/v1/accounts/{account_id}/csat_survey_responses, ...
            /// List CSAT survey responses, 25 a page.
            list_csat_survey_responses listCsatSurveyResponses: GET "/api/v1/accounts/{account_id}/csat_survey_responses",
                ListCsatSurveyResponsesParams => Vec<CsatResponse>,
                auth User, route "csat_survey_responses#index", idempotent yes, page (pages CsatResponse [] 25);
            /// CSAT response counts per rating, and surveys sent.
            get_csat_survey_metrics getCsatSurveyMetrics: GET "/api/v1/accounts/{account_id}/csat_survey_responses/metrics",
                GetCsatSurveyMetricsParams => CsatSurveyMetrics,
                auth User, route "csat_survey_responses#metrics", idempotent yes, page none;
            /// CSAT survey responses as CSV.
            download_csat_survey_responses downloadCsatSurveyResponses: GET "/api/v1/accounts/{account_id}/csat_survey_responses/download",
                DownloadCsatSurveyResponsesParams => Text,
                auth User, route "csat_survey_responses#download", idempotent yes, page none;
            /// List the account's reporting events, 25 a page, newest first (enterprise).
            list_reporting_events listReportingEvents: GET "/api/v1/accounts/{account_id}/reporting_events",
                ListReportingEventsParams => ReportingEventList,
                auth User, spec "get-account-reporting-events", idempotent yes, page (pages ReportingEvent ["payload"] 25);
            /// List the account's audit log, 25 a page, newest first (enterprise; empty without the `audit_logs` feature).
            list_audit_logs listAuditLogs: GET "/api/v1/accounts/{account_id}/audit_logs",
                ListAuditLogsParams => AuditLogList,
                auth User, spec "get-account-audit-logs", idempotent yes, page (pages AuditLog ["audit_logs"] 25);
            // ---- extended tier: agents/bulk_create, conversations/{id}/direct_uploads, csat_survey_responses/{id}
            /// Invite several agents by email (administrators; existing members and invalid emails are skipped).
            bulk_create_agents bulkCreateAgents: POST "/api/v1/accounts/{account_id}/agents/bulk_create",
                BulkCreateAgentsParams => Empty,
                auth User, route "agents#bulk_create", idempotent no, page none;
            /// Start a direct upload: get a `signed_id` for a message's `attachments` and a URL to PUT the file to. Upstream Chatwoot; may answer 404 on Live Agent.
            create_direct_upload createDirectUpload: POST "/api/v1/accounts/{account_id}/conversations/{conversation_id}/direct_uploads",
                CreateDirectUploadParams => DirectUpload,
                auth User, route "conversations/direct_uploads#create", idempotent no, page none;
            /// Set a CSAT response's review notes (enterprise). Upstream Chatwoot; may answer 404 on Live Agent.
            update_csat_survey_response updateCsatSurveyResponse: PATCH "/api/v1/accounts/{account_id}/csat_survey_responses/{csat_survey_response_id}",
                UpdateCsatSurveyResponseParams => CsatResponse,
                auth User, route "csat_survey_responses#update", idempotent yes, page none;
            // ---- search: /api/v1/accounts/{account_id}/search -----------------------------------
            /// Search conversations, contacts, messages and (newer servers) help-center articles at once, 15 of each per page.
            global_search globalSearch: GET "/api/v1/accounts/{account_id}/search",
                GlobalSearchParams => GlobalSearchResult,
                auth User, route "search#index", idempotent yes, page none;
            /// Search conversations by display id or contact details, 15 per page.
            global_search_conversations globalSearchConversations: GET "/api/v1/accounts/{account_id}/search/conversations",
                GlobalSearchConversationsParams => GlobalSearchConversations,
                auth User, route "search#conversations", idempotent yes, page (pages SearchResultConversation ["payload", "conversations"] 15);
            /// Search contacts by name, email, phone number or identifier, 15 per page.
            global_search_contacts globalSearchContacts: GET "/api/v1/accounts/{account_id}/search/contacts",
                GlobalSearchContactsParams => GlobalSearchContacts,
                auth User, route "search#contacts", idempotent yes, page (pages SearchResultContact ["payload", "contacts"] 15);
            /// Search messages of the last three months by content, 15 per page.
            global_search_messages globalSearchMessages: GET "/api/v1/accounts/{account_id}/search/messages",
                GlobalSearchMessagesParams => GlobalSearchMessages,
                auth User, route "search#messages", idempotent yes, page (pages Message ["payload", "messages"] 15);
            /// Search help-center articles, 15 per page. Upstream Chatwoot (2025); may answer 404 on Live Agent.
            global_search_articles globalSearchArticles: GET "/api/v1/accounts/{account_id}/search/articles",
                GlobalSearchArticlesParams => GlobalSearchArticles,
                auth User, route "search#articles", idempotent yes, page (pages SearchResultArticle ["payload", "articles"] 15);
            // ---- custom filters: /api/v1/accounts/{account_id}/custom_filters -----------------
            /// List the caller's saved filters of one type (conversation folders by default).
            list_custom_filters listCustomFilters: GET "/api/v1/accounts/{account_id}/custom_filters",
                ListCustomFiltersParams => Vec<CustomFilter>,
                auth User, spec "list-all-filters", idempotent yes, page none;
            /// Save a filter for the caller.
            create_custom_filter createCustomFilter: POST "/api/v1/accounts/{account_id}/custom_filters",
                CreateCustomFilterParams => CustomFilter,
                auth User, spec "create-a-custom-filter", idempotent no, page none;
            /// Get one of the caller's saved filters.
            get_custom_filter getCustomFilter: GET "/api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}",
                GetCustomFilterParams => CustomFilter,
                auth User, spec "get-details-of-a-single-custom-filter", idempotent yes, page none;
            /// Rename a saved filter or replace its query.
            update_custom_filter updateCustomFilter: PATCH "/api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}",
                UpdateCustomFilterParams => CustomFilter,
                auth User, spec "update-a-custom-filter", idempotent yes, page none;
            /// Delete one of the caller's saved filters.
            delete_custom_filter deleteCustomFilter: DELETE "/api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}",
                DeleteCustomFilterParams => Empty,
                auth User, spec "delete-a-custom-filter", idempotent yes, page none;

            // ---- automation rules: /api/v1/accounts/{account_id}/automation_rules -------------
            /// List the account's automation rules (administrators).
            list_automation_rules listAutomationRules: GET "/api/v1/accounts/{account_id}/automation_rules",
                ListAutomationRulesParams => AutomationRuleList,
                auth User, spec "get-account-automation-rule", idempotent yes, page none;
            /// Create an automation rule (administrators); the server answers the bare rule.
            create_automation_rule createAutomationRule: POST "/api/v1/accounts/{account_id}/automation_rules",
                CreateAutomationRuleParams => AutomationRule,
                auth User, spec "add-new-automation-rule-to-account", idempotent no, page none;
            /// Get one automation rule (administrators).
            get_automation_rule getAutomationRule: GET "/api/v1/accounts/{account_id}/automation_rules/{automation_rule_id}",
                GetAutomationRuleParams => AutomationRulePayload,
                auth User, spec "get-details-of-a-single-automation-rule", idempotent yes, page none;
            /// Update an automation rule (administrators).
            update_automation_rule updateAutomationRule: PATCH "/api/v1/accounts/{account_id}/automation_rules/{automation_rule_id}",
                UpdateAutomationRuleParams => AutomationRulePayload,
                auth User, spec "update-automation-rule-in-account", idempotent yes, page none;
            /// Delete an automation rule (administrators).
            delete_automation_rule deleteAutomationRule: DELETE "/api/v1/accounts/{account_id}/automation_rules/{automation_rule_id}",
                DeleteAutomationRuleParams => Empty,
                auth User, spec "delete-automation-rule-from-account", idempotent yes, page none;
            /// Copy an automation rule, without its files (administrators).
            clone_automation_rule cloneAutomationRule: POST "/api/v1/accounts/{account_id}/automation_rules/{automation_rule_id}/clone",
                CloneAutomationRuleParams => AutomationRulePayload,
                auth User, route "automation_rules#clone", idempotent no, page none;

            // ---- public client API: /public/api/v1/inboxes/{inbox_identifier} ------------------
            /// Get an API inbox's public details.
            get_public_inbox getPublicInbox: GET "/public/api/v1/inboxes/{inbox_identifier}",
                GetPublicInboxParams => PublicInbox,
                auth Public, spec "get-details-of-a-inbox", idempotent yes, page none;
            /// Create a contact (or find it by identifier, email or phone) and its contact identifier.
            create_public_contact createPublicContact: POST "/public/api/v1/inboxes/{inbox_identifier}/contacts",
                CreatePublicContactParams => PublicContact,
                auth Public, spec "create-a-contact", idempotent no, page none;
            /// Get a contact by its contact identifier.
            get_public_contact getPublicContact: GET "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}",
                GetPublicContactParams => PublicContact,
                auth Public, spec "get-details-of-a-contact", idempotent yes, page none;
            /// Update a contact.
            update_public_contact updatePublicContact: PATCH "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}",
                UpdatePublicContactParams => ContactRecord,
                auth Public, spec "update-a-contact", idempotent yes, page none;
            /// Start a conversation as the contact.
            create_public_conversation createPublicConversation: POST "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations",
                CreatePublicConversationParams => PublicConversation,
                auth Public, spec "create-a-conversation", idempotent no, page none;
            /// List the contact's conversations, with their messages.
            list_public_conversations listPublicConversations: GET "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations",
                ListPublicConversationsParams => Vec<PublicConversation>,
                auth Public, spec "list-all-contact-conversations", idempotent yes, page none;
            /// Get one of the contact's conversations.
            get_public_conversation getPublicConversation: GET "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}",
                GetPublicConversationParams => PublicConversation,
                auth Public, spec "get-single-conversation", idempotent yes, page none;
            /// Resolve a conversation as the contact.
            resolve_public_conversation resolvePublicConversation: POST "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_status",
                ResolvePublicConversationParams => PublicConversation,
                auth Public, spec "resolve-conversation", idempotent yes, page none;
            /// Show or hide the contact's typing indicator.
            toggle_public_typing togglePublicTyping: POST "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_typing",
                TogglePublicTypingParams => Empty,
                auth Public, spec "toggle-typing-status", idempotent yes, page none;
            /// Mark the conversation seen by the contact.
            update_public_last_seen updatePublicLastSeen: POST "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/update_last_seen",
                UpdatePublicLastSeenParams => Empty,
                auth Public, spec "update-last-seen", idempotent yes, page none;
            /// List a conversation's messages: the latest 20, older ones with `before`.
            list_public_messages listPublicMessages: GET "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages",
                ListPublicMessagesParams => Vec<PublicMessage>,
                auth Public, spec "list-all-conversation-messages", idempotent yes, page (cursor PublicMessage []);
            /// Send a message as the contact.
            create_public_message createPublicMessage: POST "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages",
                CreatePublicMessageParams => PublicMessage,
                auth Public, spec "create-a-message", idempotent no, page none;
            /// Answer a form, options or CSAT message.
            update_public_message updatePublicMessage: PATCH "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages/{message_id}",
                UpdatePublicMessageParams => PublicMessage,
                auth Public, spec "update-a-message", idempotent yes, page none;
            /// Get a conversation's CSAT survey.
            get_public_csat_survey getPublicCsatSurvey: GET "/public/api/v1/csat_survey/{conversation_uuid}",
                GetPublicCsatSurveyParams => PublicCsatSurvey,
                auth Public, route "public/api/v1/csat_survey#show", idempotent yes, page none;
            /// Answer a conversation's CSAT survey.
            update_public_csat_survey updatePublicCsatSurvey: PATCH "/public/api/v1/csat_survey/{conversation_uuid}",
                UpdatePublicCsatSurveyParams => PublicCsatSurvey,
                auth Public, route "public/api/v1/csat_survey#update", idempotent yes, page none;

            // ---- platform API: /platform/api/v1 -------------------------------------------------
            /// List the accounts this platform app manages.
            list_platform_accounts listPlatformAccounts: GET "/platform/api/v1/accounts",
                ListPlatformAccountsParams => Vec<PlatformAccount>,
                auth Platform, route "platform/api/v1/accounts#index", idempotent yes, page none;
            /// Create an account.
            create_platform_account createPlatformAccount: POST "/platform/api/v1/accounts",
                CreatePlatformAccountParams => PlatformAccount,
                auth Platform, spec "create-an-account", idempotent no, page none;
            /// Get an account.
            get_platform_account getPlatformAccount: GET "/platform/api/v1/accounts/{account_id}",
                GetPlatformAccountParams => PlatformAccount,
                auth Platform, spec "get-details-of-an-account", idempotent yes, page none;
            /// Update an account.
            update_platform_account updatePlatformAccount: PATCH "/platform/api/v1/accounts/{account_id}",
                UpdatePlatformAccountParams => PlatformAccount,
                auth Platform, spec "update-an-account", idempotent yes, page none;
            /// Delete an account.
            delete_platform_account deletePlatformAccount: DELETE "/platform/api/v1/accounts/{account_id}",
                DeletePlatformAccountParams => Empty,
                auth Platform, spec "delete-an-account", idempotent yes, page none;
            /// List an account's users.
            list_platform_account_users listPlatformAccountUsers: GET "/platform/api/v1/accounts/{account_id}/account_users",
                ListPlatformAccountUsersParams => Vec<AccountUserRecord>,
                auth Platform, spec "list-all-account-users", idempotent yes, page none;
            /// Add a user to an account, or change their role there.
            create_platform_account_user createPlatformAccountUser: POST "/platform/api/v1/accounts/{account_id}/account_users",
                CreatePlatformAccountUserParams => AccountUserRecord,
                auth Platform, spec "create-an-account-user", idempotent yes, page none;
            /// Remove a user from an account.
            delete_platform_account_user deletePlatformAccountUser: DELETE "/platform/api/v1/accounts/{account_id}/account_users",
                DeletePlatformAccountUserParams => Empty,
                auth Platform, spec "delete-an-account-user", idempotent yes, page none;
            /// List the agent bots this platform app manages.
            list_platform_agent_bots listPlatformAgentBots: GET "/platform/api/v1/agent_bots",
                ListPlatformAgentBotsParams => Vec<PlatformAgentBot>,
                auth Platform, spec "list-all-agent-bots", idempotent yes, page none;
            /// Create an agent bot.
            create_platform_agent_bot createPlatformAgentBot: POST "/platform/api/v1/agent_bots",
                CreatePlatformAgentBotParams => PlatformAgentBot,
                auth Platform, spec "create-an-agent-bot", idempotent no, page none;
            /// Get an agent bot.
            get_platform_agent_bot getPlatformAgentBot: GET "/platform/api/v1/agent_bots/{agent_bot_id}",
                GetPlatformAgentBotParams => PlatformAgentBot,
                auth Platform, spec "get-details-of-a-single-agent-bot", idempotent yes, page none;
            /// Update an agent bot.
            update_platform_agent_bot updatePlatformAgentBot: PATCH "/platform/api/v1/agent_bots/{agent_bot_id}",
                UpdatePlatformAgentBotParams => PlatformAgentBot,
                auth Platform, spec "update-an-agent-bot", idempotent yes, page none;
            /// Delete an agent bot.
            delete_platform_agent_bot deletePlatformAgentBot: DELETE "/platform/api/v1/agent_bots/{agent_bot_id}",
                DeletePlatformAgentBotParams => Empty,
                auth Platform, spec "delete-an-agent-bot", idempotent yes, page none;
            /// Remove an agent bot's avatar.
            delete_platform_agent_bot_avatar deletePlatformAgentBotAvatar: DELETE "/platform/api/v1/agent_bots/{agent_bot_id}/avatar",
                DeletePlatformAgentBotAvatarParams => PlatformAgentBot,
                auth Platform, route "platform/api/v1/agent_bots#avatar", idempotent yes, page none;
            /// Create a user.
            create_platform_user createPlatformUser: POST "/platform/api/v1/users",
                CreatePlatformUserParams => PlatformUser,
                auth Platform, spec "create-a-user", idempotent no, page none;
            /// Get a user.
            get_platform_user getPlatformUser: GET "/platform/api/v1/users/{user_id}",
                GetPlatformUserParams => PlatformUser,
                auth Platform, spec "get-details-of-a-user", idempotent yes, page none;
            /// Update a user.
            update_platform_user updatePlatformUser: PATCH "/platform/api/v1/users/{user_id}",
                UpdatePlatformUserParams => PlatformUser,
                auth Platform, spec "update-a-user", idempotent yes, page none;
            /// Delete a user.
            delete_platform_user deletePlatformUser: DELETE "/platform/api/v1/users/{user_id}",
                DeletePlatformUserParams => Empty,
                auth Platform, spec "delete-a-user", idempotent yes, page none;
            /// Get a single-use dashboard sign-in link for a user.
            get_platform_user_login getPlatformUserLogin: GET "/platform/api/v1/users/{user_id}/login",
                GetPlatformUserLoginParams => SsoLink,
                auth Platform, spec "get-sso-url-of-a-user", idempotent no, page none;
            /// Get a user's API token.
            create_platform_user_token createPlatformUserToken: POST "/platform/api/v1/users/{user_id}/token",
                CreatePlatformUserTokenParams => PlatformUserToken,
                auth Platform, route "platform/api/v1/users#token", idempotent yes, page none;

            // ---- web widget: /api/v1/widget/... (website token; the visitor's session token) --
            /// Open or renew the visitor's session and get the widget's settings.
            create_widget_config createWidgetConfig: POST "/api/v1/widget/config",
                CreateWidgetConfigParams => WidgetConfig,
                auth WidgetInbox, route "widget/configs#create", idempotent no, page none;
            /// List the inbox's enabled campaigns.
            list_widget_campaigns listWidgetCampaigns: GET "/api/v1/widget/campaigns",
                ListWidgetCampaignsParams => Vec<WidgetCampaign>,
                auth WidgetInbox, route "widget/campaigns#index", idempotent yes, page none;
            /// List the inbox's agents and their presence.
            list_widget_inbox_members listWidgetInboxMembers: GET "/api/v1/widget/inbox_members",
                ListWidgetInboxMembersParams => WidgetInboxMembers,
                auth WidgetInbox, route "widget/inbox_members#index", idempotent yes, page none;
            /// Report a widget event (`webwidget.triggered`, `campaign.triggered`).
            create_widget_event createWidgetEvent: POST "/api/v1/widget/events",
                CreateWidgetEventParams => Empty,
                auth Widget, route "widget/events#create", idempotent no, page none;
            /// List the messages of the visitor's conversation: the latest 20, older ones with `before`, newer with `after`.
            list_widget_messages listWidgetMessages: GET "/api/v1/widget/messages",
                ListWidgetMessagesParams => WidgetMessageList,
                auth Widget, route "widget/messages#index", idempotent yes, page (cursor WidgetMessage ["payload"]);
            /// Send a message from the visitor (starts a conversation if there is none).
            create_widget_message createWidgetMessage: POST "/api/v1/widget/messages",
                CreateWidgetMessageParams => WidgetSentMessage,
                auth Widget, route "widget/messages#create", idempotent no, page none;
            /// Answer an interactive message (email request, form, select, CSAT survey).
            update_widget_message updateWidgetMessage: PATCH "/api/v1/widget/messages/{message_id}",
                UpdateWidgetMessageParams => WidgetContactEnvelope,
                auth Widget, route "widget/messages#update", idempotent yes, page none;
            /// Get the visitor's newest conversation (every field `null` before the first one).
            get_widget_conversation getWidgetConversation: GET "/api/v1/widget/conversations",
                GetWidgetConversationParams => WidgetConversation,
                auth Widget, route "widget/conversations#index", idempotent yes, page none;
            /// Start a new conversation with a first message.
            create_widget_conversation createWidgetConversation: POST "/api/v1/widget/conversations",
                CreateWidgetConversationParams => WidgetNewConversation,
                auth Widget, route "widget/conversations#create", idempotent no, page none;
            /// Remove custom attributes of the visitor's newest conversation.
            delete_widget_conversation_custom_attributes deleteWidgetConversationCustomAttributes: POST "/api/v1/widget/conversations/destroy_custom_attributes",
                DeleteWidgetConversationCustomAttributesParams => ConversationRecord,
                auth Widget, route "widget/conversations#destroy_custom_attributes", idempotent yes, page none;
            /// Replace the custom attributes of the visitor's newest conversation.
            set_widget_conversation_custom_attributes setWidgetConversationCustomAttributes: POST "/api/v1/widget/conversations/set_custom_attributes",
                SetWidgetConversationCustomAttributesParams => Empty,
                auth Widget, route "widget/conversations#set_custom_attributes", idempotent yes, page none;
            /// Mark the visitor's conversation read.
            update_widget_last_seen updateWidgetLastSeen: POST "/api/v1/widget/conversations/update_last_seen",
                UpdateWidgetLastSeenParams => Empty,
                auth Widget, route "widget/conversations#update_last_seen", idempotent yes, page none;
            /// Show or hide the visitor's typing indicator.
            toggle_widget_typing toggleWidgetTyping: POST "/api/v1/widget/conversations/toggle_typing",
                ToggleWidgetTypingParams => Empty,
                auth Widget, route "widget/conversations#toggle_typing", idempotent yes, page none;
            /// Email the conversation's transcript to the visitor.
            send_widget_transcript sendWidgetTranscript: POST "/api/v1/widget/conversations/transcript",
                SendWidgetTranscriptParams => Empty,
                auth Widget, route "widget/conversations#transcript", idempotent no, page none;
            /// End (resolve) the visitor's newest conversation.
            resolve_widget_conversation resolveWidgetConversation: GET "/api/v1/widget/conversations/toggle_status",
                ResolveWidgetConversationParams => Empty,
                auth Widget, route "widget/conversations#toggle_status", idempotent yes, page none;
            /// Get what the server knows of the visitor.
            get_widget_contact getWidgetContact: GET "/api/v1/widget/contact",
                GetWidgetContactParams => WidgetContact,
                auth Widget, route "widget/contacts#show", idempotent yes, page none;
            /// Update the visitor's details.
            update_widget_contact updateWidgetContact: PATCH "/api/v1/widget/contact",
                UpdateWidgetContactParams => WidgetContact,
                auth Widget, route "widget/contacts#update", idempotent yes, page none;
            /// Remove custom attributes of the visitor.
            delete_widget_contact_custom_attributes deleteWidgetContactCustomAttributes: POST "/api/v1/widget/contact/destroy_custom_attributes",
                DeleteWidgetContactCustomAttributesParams => ContactRecord,
                auth Widget, route "widget/contacts#destroy_custom_attributes", idempotent yes, page none;
            /// Identify the visitor as your user (with the identity hash the inbox may demand).
            set_widget_user setWidgetUser: PATCH "/api/v1/widget/contact/set_user",
                SetWidgetUserParams => WidgetIdentifiedContact,
                auth Widget, route "widget/contacts#set_user", idempotent yes, page none;
            /// Label the visitor's newest conversation.
            add_widget_label addWidgetLabel: POST "/api/v1/widget/labels",
                AddWidgetLabelParams => Empty,
                auth Widget, route "widget/labels#create", idempotent yes, page none;
            /// Remove a label from the visitor's newest conversation.
            remove_widget_label removeWidgetLabel: DELETE "/api/v1/widget/labels/{label}",
                RemoveWidgetLabelParams => Empty,
                auth Widget, route "widget/labels#destroy", idempotent yes, page none;
            /// Announce a file to upload straight to storage (direct upload).
            create_widget_direct_upload createWidgetDirectUpload: POST "/api/v1/widget/direct_uploads",
                CreateWidgetDirectUploadParams => DirectUpload,
                auth Widget, route "widget/direct_uploads#create", idempotent no, page none;

            // ---- OData analytics: /{version}/odata/{Collection} on the OData host ------------
            /// Read messages from the OData analytics service (administrators).
            query_odata_messages queryOdataMessages: GET "/{version}/odata/Message",
                QueryOdataMessagesParams => OdataMessagePage,
                auth Odata, route "odata Message", idempotent yes, page (offset OdataMessage ["value"]);
            /// Read conversations from the OData analytics service (administrators).
            query_odata_conversations queryOdataConversations: GET "/{version}/odata/Conversation",
                QueryOdataConversationsParams => OdataConversationPage,
                auth Odata, route "odata Conversation", idempotent yes, page (offset OdataConversation ["value"]);
            /// Read inboxes from the OData analytics service (administrators).
            query_odata_inboxes queryOdataInboxes: GET "/{version}/odata/Inbox",
                QueryOdataInboxesParams => OdataInboxPage,
                auth Odata, route "odata Inbox", idempotent yes, page (offset OdataInbox ["value"]);
            /// Read labels from the OData analytics service (administrators).
            query_odata_labels queryOdataLabels: GET "/{version}/odata/Label",
                QueryOdataLabelsParams => OdataLabelPage,
                auth Odata, route "odata Label", idempotent yes, page (offset OdataLabel ["value"]);
            /// Read users from the OData analytics service (administrators).
            query_odata_users queryOdataUsers: GET "/{version}/odata/User",
                QueryOdataUsersParams => OdataUserPage,
                auth Odata, route "odata User", idempotent yes, page (offset OdataUser ["value"]);
            /// Read reporting events from the OData analytics service (administrators).
            query_odata_reporting_events queryOdataReportingEvents: GET "/{version}/odata/ReportingEvent",
                QueryOdataReportingEventsParams => OdataReportingEventPage,
                auth Odata, route "odata ReportingEvent", idempotent yes, page (offset OdataReportingEvent ["value"]);
            /// Read teams from the OData analytics service (administrators; version 2.0).
            query_odata_teams queryOdataTeams: GET "/{version}/odata/Team",
                QueryOdataTeamsParams => OdataTeamPage,
                auth Odata, route "odata Team", idempotent yes, page (offset OdataTeam ["value"]);
            /// Read agents' availability records from the OData analytics service (administrators; version 2.0).
            query_odata_agent_availability_records queryOdataAgentAvailabilityRecords: GET "/{version}/odata/AgentAvailabilityRecord",
                QueryOdataAgentAvailabilityRecordsParams => OdataAgentAvailabilityRecordPage,
                auth Odata, route "odata AgentAvailabilityRecord", idempotent yes, page (offset OdataAgentAvailabilityRecord ["value"]);
        }
    };
}

/// The one parser of the row syntax (see the module docs): turns rows into the records that
/// [`for_each_endpoint!`](crate::for_each_endpoint) hands its callback.
#[doc(hidden)]
#[macro_export]
macro_rules! __endpoint_rows {
    ($callback:ident; $(
        $(#[doc = $doc:literal])*
        $name:ident $js:ident: $method:ident $path:literal,
            $params:ident => $resp:ty,
            auth $auth:ident, $src:ident $srcv:literal, idempotent $idem:ident, page $page:tt;
    )*) => {
        $callback! { $(
            $name $params ($resp) [$($doc)*] $method $path { $js $auth ($src $srcv) $idem $page }
        )* }
    };
}

macro_rules! impl_endpoints {
    ($(
        $name:ident $params:ident ($resp:ty) [$($doc:literal)*] $method:ident $path:literal
            { $js:ident $auth:ident ($src:ident $srcv:literal) $idem:ident $page:tt }
    )*) => {
        $(
            impl Endpoint for $params {
                const META: &'static EndpointMeta = &EndpointMeta {
                    name: stringify!($name),
                    method: Method::$method,
                    path: $path,
                    auth: Auth::$auth,
                    #[cfg(feature = "docs")]
                    source: impl_endpoints!(@source $src $srcv),
                    params: object_of(<$params as Schema>::SHAPE),
                    response: <$resp as ResponseBody>::KIND,
                    idempotent: impl_endpoints!(@idempotent $idem),
                    pagination: impl_endpoints!(@pagination $page),
                    doc: doc_text!($($doc)*),
                };
                type Response = $resp;
            }
            const _: () = assert!(
                crate::endpoint::camel_case_of(stringify!($name), stringify!($js)),
                concat!("row ", stringify!($name), ": its JS name is not its camelCase"),
            );
            const _: () = assert!(
                path_matches_params($path, object_of(<$params as Schema>::SHAPE)),
                concat!("row ", stringify!($name), ": the path template and the `path` fields of its params differ"),
            );
            impl_endpoints!(@paginated $params $page);
        )*

        /// Every row of the table, whether its family is built in or not.
        const ALL_ROWS: &[&EndpointMeta] = &[$(<$params as Endpoint>::META),*];
        /// Every row of the families this build includes, in table order. Shells dispatch by
        /// index into it.
        pub static ENDPOINTS: &[&EndpointMeta] = &built_rows::<{ built_count(ALL_ROWS) }>(ALL_ROWS);
    };
    (@source spec $v:literal) => { crate::endpoint::Source::Spec($v) };
    (@source route $v:literal) => { crate::endpoint::Source::Route($v) };
    (@idempotent yes) => { true };
    (@idempotent no) => { false };
    (@pagination none) => { Pagination::None };
    (@pagination (pages $item:ty [$($seg:literal),*] $per:literal)) => {
        Pagination::Pages { items: &[$($seg),*], per_page: $per }
    };
    (@pagination (cursor $item:ty [$($seg:literal),*])) => { Pagination::Cursor { items: &[$($seg),*] } };
    (@pagination (offset $item:ty [$($seg:literal),*])) => { Pagination::Offset { items: &[$($seg),*] } };
    (@paginated $params:ident none) => {};
    (@paginated $params:ident ($kind:ident $item:ty [$($seg:literal),*] $($per:literal)?)) => {
        impl Paginated for $params {
            type Item = $item;
        }
    };
}

for_each_endpoint!(impl_endpoints);

/// Whether this build includes the family of `meta` (the `family-*` cargo features).
const fn is_built(meta: &EndpointMeta) -> bool {
    match meta.auth {
        Auth::User | Auth::UserOrBot => cfg!(feature = "family-account"),
        Auth::Platform => cfg!(feature = "family-platform"),
        Auth::Public => cfg!(feature = "family-public"),
        Auth::Widget | Auth::WidgetInbox => cfg!(feature = "family-widget"),
        Auth::Odata => cfg!(feature = "family-odata"),
    }
}

const fn built_count(rows: &[&EndpointMeta]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < rows.len() {
        if is_built(rows[i]) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The rows [`is_built`] keeps. Rows left out are never referenced, so neither they nor the
/// shapes only they use reach the binary.
const fn built_rows<const N: usize>(rows: &[&'static EndpointMeta]) -> [&'static EndpointMeta; N] {
    let mut out = [rows[0]; N];
    let (mut i, mut n) = (0, 0);
    while i < rows.len() {
        if is_built(rows[i]) {
            out[n] = rows[i];
            n += 1;
        }
        i += 1;
    }
    out
}

/// Whether the `{name}` segments of `path` are exactly the `path` fields of `params`.
const fn path_matches_params(path: &str, params: &ObjectShape) -> bool {
    let p = path.as_bytes();
    let mut segments = 0;
    let mut i = 0;
    while i < p.len() {
        if p[i] == b'{' {
            let start = i + 1;
            let mut end = start;
            while end < p.len() && p[end] != b'}' {
                end += 1;
            }
            if !has_path_field(params, p, start, end) {
                return false;
            }
            segments += 1;
            i = end;
        }
        i += 1;
    }
    let mut path_fields = 0;
    let mut f = 0;
    while f < params.fields.len() {
        if matches!(params.fields[f].place, Place::Path) {
            path_fields += 1;
        }
        f += 1;
    }
    segments == path_fields
}

const fn has_path_field(params: &ObjectShape, p: &[u8], start: usize, end: usize) -> bool {
    let mut f = 0;
    while f < params.fields.len() {
        let field = &params.fields[f];
        let name = field.name.as_bytes();
        if matches!(field.place, Place::Path) && name.len() == end - start {
            let mut k = 0;
            while k < name.len() && name[k] == p[start + k] {
                k += 1;
            }
            if k == name.len() {
                return true;
            }
        }
        f += 1;
    }
    false
}
