//! The core families' steps: account, people, conversations, contacts, settings, public and
//! platform APIs.

use super::{Step, keep, step};
use serde_json::json;

pub(crate) fn base_steps() -> Vec<Step> {
    vec![
        step("get_account", json!({})),
        step("update_account", json!({"name": "Acme Support"})),
        step("get_profile", json!({})),
        step(
            "update_profile",
            json!({"profile": {"display_name": "Ada"}}),
        ),
        step("list_agents", json!({})),
        keep(
            "create_agent",
            "agent",
            json!({"email": "prism@acme.example", "name": "Prism Agent", "role": "agent"}),
        ),
        step(
            "update_agent",
            json!({"agent_id": "$agent.id", "role": "agent", "availability": "busy"}),
        ),
        step("list_teams", json!({})),
        keep(
            "create_team",
            "team",
            json!({"name": "prism", "description": "Conformance"}),
        ),
        step("get_team", json!({"team_id": "$team.id"})),
        step(
            "update_team",
            json!({"team_id": "$team.id", "allow_auto_assign": false}),
        ),
        step(
            "add_team_members",
            json!({"team_id": "$team.id", "user_ids": ["$agent.id"]}),
        ),
        step(
            "update_team_members",
            json!({"team_id": "$team.id", "user_ids": ["$agent.id"]}),
        ),
        step("list_team_members", json!({"team_id": "$team.id"})),
        step(
            "remove_team_members",
            json!({"team_id": "$team.id", "user_ids": ["$agent.id"]}),
        ),
        step("delete_team", json!({"team_id": "$team.id"})),
        step("list_inboxes", json!({})),
        keep(
            "create_inbox",
            "inbox",
            json!({"name": "Prism Inbox", "channel": {"type": "api"}}),
        ),
        step("get_inbox", json!({"inbox_id": "$inbox.id"})),
        step(
            "update_inbox",
            json!({"inbox_id": "$inbox.id", "greeting_enabled": true, "greeting_message": "Hi"}),
        ),
        step(
            "add_inbox_members",
            json!({"inbox_id": "$inbox.id", "user_ids": ["$agent.id"]}),
        ),
        step(
            "update_inbox_members",
            json!({"inbox_id": "$inbox.id", "user_ids": ["$agent.id"]}),
        ),
        step("list_inbox_members", json!({"inbox_id": "$inbox.id"})),
        step(
            "remove_inbox_members",
            json!({"inbox_id": "$inbox.id", "user_ids": ["$agent.id"]}),
        ),
        step("list_contacts", json!({})),
        keep(
            "create_contact",
            "contact",
            json!({"name": "Prism Person", "email": "prism@example.com", "inbox_id": "$info.inbox_id"}),
        ),
        keep(
            "create_contact",
            "other",
            json!({"name": "Prism Twin", "email": "twin@example.com", "inbox_id": "$info.inbox_id"}),
        ),
        step(
            "get_contact",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step(
            "update_contact",
            json!({"contact_id": "$contact.payload.contact.id", "custom_attributes": {"plan": "pro"}}),
        ),
        step("search_contacts", json!({"q": "prism"})),
        step(
            "filter_contacts",
            json!({"payload": [{"attribute_key": "email", "filter_operator": "contains", "values": ["prism"]}]}),
        ),
        step(
            "list_contactable_inboxes",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step(
            "create_contact_inbox",
            json!({"contact_id": "$contact.payload.contact.id", "inbox_id": "$inbox.id"}),
        ),
        step(
            "add_contact_labels",
            json!({"contact_id": "$contact.payload.contact.id", "labels": ["vip"]}),
        ),
        step(
            "list_contact_labels",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        keep(
            "create_conversation",
            "conversation",
            json!({"inbox_id": "$info.inbox_id", "contact_id": "$contact.payload.contact.id", "source_id": "$contact.payload.contact_inbox.source_id", "message": {"content": "Hi", "message_type": "incoming"}}),
        ),
        step(
            "list_contact_conversations",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step(
            "get_conversation",
            json!({"conversation_id": "$conversation.id"}),
        ),
        step("list_conversations", json!({"status": "all"})),
        step("get_conversation_counts", json!({})),
        step(
            "filter_conversations",
            json!({"payload": [{"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"]}]}),
        ),
        step(
            "update_conversation",
            json!({"conversation_id": "$conversation.id", "priority": "high"}),
        ),
        step(
            "toggle_conversation_priority",
            json!({"conversation_id": "$conversation.id", "priority": "low"}),
        ),
        step(
            "toggle_typing_status",
            json!({"conversation_id": "$conversation.id", "typing_status": "on"}),
        ),
        step(
            "update_conversation_custom_attributes",
            json!({"conversation_id": "$conversation.id", "custom_attributes": {"order_id": "A-1"}}),
        ),
        step(
            "assign_conversation",
            json!({"conversation_id": "$conversation.id", "assignee_id": "$agent.id"}),
        ),
        step(
            "add_conversation_labels",
            json!({"conversation_id": "$conversation.id", "labels": ["billing"]}),
        ),
        step(
            "list_conversation_labels",
            json!({"conversation_id": "$conversation.id"}),
        ),
        keep(
            "create_message",
            "message",
            json!({"conversation_id": "$conversation.id", "content": "Hello from Prism"}),
        ),
        step(
            "list_messages",
            json!({"conversation_id": "$conversation.id"}),
        ),
        step(
            "delete_message",
            json!({"conversation_id": "$conversation.id", "message_id": "$message.id"}),
        ),
        step(
            "toggle_conversation_status",
            json!({"conversation_id": "$conversation.id", "status": "resolved"}),
        ),
        step(
            "list_conversation_reporting_events",
            json!({"conversation_id": "$conversation.id"}),
        ),
        step(
            "merge_contacts",
            json!({"base_contact_id": "$contact.payload.contact.id", "mergee_contact_id": "$other.payload.contact.id"}),
        ),
        step(
            "delete_contact",
            json!({"contact_id": "$contact.payload.contact.id"}),
        ),
        step("list_labels", json!({})),
        keep(
            "create_label",
            "label",
            json!({"title": "prism", "color": "#ff0000"}),
        ),
        step("get_label", json!({"label_id": "$label.id"})),
        step(
            "update_label",
            json!({"label_id": "$label.id", "description": "Conformance"}),
        ),
        step("delete_label", json!({"label_id": "$label.id"})),
        step("list_canned_responses", json!({})),
        keep(
            "create_canned_response",
            "canned",
            json!({"short_code": "prism", "content": "Hello!"}),
        ),
        step(
            "update_canned_response",
            json!({"canned_response_id": "$canned.id", "content": "Hi!"}),
        ),
        step(
            "delete_canned_response",
            json!({"canned_response_id": "$canned.id"}),
        ),
        step(
            "list_custom_attribute_definitions",
            json!({"attribute_model": "conversation_attribute"}),
        ),
        keep(
            "create_custom_attribute_definition",
            "attribute",
            json!({"attribute_display_name": "Tier", "attribute_key": "tier", "attribute_model": "contact_attribute"}),
        ),
        step(
            "get_custom_attribute_definition",
            json!({"attribute_id": "$attribute.id"}),
        ),
        step(
            "update_custom_attribute_definition",
            json!({"attribute_id": "$attribute.id", "attribute_description": "Tier"}),
        ),
        step(
            "delete_custom_attribute_definition",
            json!({"attribute_id": "$attribute.id"}),
        ),
        step("list_webhooks", json!({})),
        keep(
            "create_webhook",
            "webhook",
            json!({"url": "http://127.0.0.1:9/prism", "subscriptions": ["message_created"]}),
        ),
        step(
            "update_webhook",
            json!({"webhook_id": "$webhook.payload.webhook.id", "name": "Prism"}),
        ),
        step(
            "delete_webhook",
            json!({"webhook_id": "$webhook.payload.webhook.id"}),
        ),
        step("list_agent_bots", json!({})),
        keep(
            "create_agent_bot",
            "bot",
            json!({"name": "Prism Bot", "outgoing_url": "http://127.0.0.1:9/bot"}),
        ),
        step("get_agent_bot", json!({"agent_bot_id": "$bot.id"})),
        step(
            "update_agent_bot",
            json!({"agent_bot_id": "$bot.id", "description": "Conformance"}),
        ),
        step("delete_agent_bot", json!({"agent_bot_id": "$bot.id"})),
        step("delete_agent", json!({"agent_id": "$agent.id"})),
        step(
            "get_public_inbox",
            json!({"inbox_identifier": "$info.inbox_identifier"}),
        ),
        keep(
            "create_public_contact",
            "visitor",
            json!({"inbox_identifier": "$info.inbox_identifier", "name": "Visitor", "email": "visitor@example.com"}),
        ),
        step(
            "get_public_contact",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id"}),
        ),
        step(
            "update_public_contact",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "name": "Visitor Two"}),
        ),
        keep(
            "create_public_conversation",
            "chat",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id"}),
        ),
        step(
            "list_public_conversations",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id"}),
        ),
        step(
            "get_public_conversation",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        keep(
            "create_public_message",
            "said",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id", "content": "Hello"}),
        ),
        step(
            "list_public_messages",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        step(
            "update_public_message",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id", "message_id": "$said.id", "submitted_values": {"name": "choice", "title": "Yes", "value": "yes"}}),
        ),
        step(
            "toggle_public_typing",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id", "typing_status": "on"}),
        ),
        step(
            "update_public_last_seen",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        step(
            "resolve_public_conversation",
            json!({"inbox_identifier": "$info.inbox_identifier", "contact_identifier": "$visitor.source_id", "conversation_id": "$chat.id"}),
        ),
        keep(
            "create_platform_account",
            "tenant",
            json!({"name": "Prism Corp"}),
        ),
        step("get_platform_account", json!({"account_id": "$tenant.id"})),
        step(
            "update_platform_account",
            json!({"account_id": "$tenant.id", "name": "Prism Corp 2"}),
        ),
        keep(
            "create_platform_user",
            "person",
            json!({"email": "owner@prism.example", "name": "Owner", "password": "Password1!"}),
        ),
        step("get_platform_user", json!({"user_id": "$person.id"})),
        step(
            "update_platform_user",
            json!({"user_id": "$person.id", "display_name": "Boss"}),
        ),
        step("get_platform_user_login", json!({"user_id": "$person.id"})),
        step(
            "create_platform_account_user",
            json!({"account_id": "$tenant.id", "user_id": "$person.id", "role": "administrator"}),
        ),
        step(
            "list_platform_account_users",
            json!({"account_id": "$tenant.id"}),
        ),
        step(
            "delete_platform_account_user",
            json!({"account_id": "$tenant.id", "user_id": "$person.id"}),
        ),
        step("list_platform_agent_bots", json!({})),
        keep(
            "create_platform_agent_bot",
            "robot",
            json!({"name": "Everywhere", "account_id": "$tenant.id"}),
        ),
        step(
            "get_platform_agent_bot",
            json!({"agent_bot_id": "$robot.id"}),
        ),
        step(
            "update_platform_agent_bot",
            json!({"agent_bot_id": "$robot.id", "description": "Conformance"}),
        ),
        step(
            "delete_platform_agent_bot",
            json!({"agent_bot_id": "$robot.id"}),
        ),
        step("delete_platform_user", json!({"user_id": "$person.id"})),
        step(
            "delete_platform_account",
            json!({"account_id": "$tenant.id"}),
        ),
    ]
}
