//! What the server does when things happen: new contacts, conversations and messages, status
//! changes and assignments, with the activity messages, reporting events and webhooks they cause.

use crate::clock::now;
use crate::events::{
    changes, contact_payload, conversation_columns, conversation_payload, message_payload,
};
use crate::routes::World;
use crate::store::{
    Assignee, Contact, ContactInbox, Conversation, Id, Json, Message, ReportingEvent, Sender,
    token, uuid,
};
use serde_json::Value;

/// Creates a contact and announces it.
pub(crate) fn new_contact(w: &mut World, mut contact: Contact) -> Id {
    contact.id = w.store.id();
    contact.created_at = now();
    contact.updated_at = contact.created_at;
    let id = contact.id;
    let account_id = contact.account_id;
    let payload = contact_payload(&w.store, &contact);
    w.store.contacts.push(contact);
    w.emit(account_id, None, "contact_created", payload);
    id
}

/// Merges the mergee contact into the base one (`ContactMergeAction`): the base keeps its
/// values and takes the mergee's where it has none; conversations, identities in inboxes,
/// messages and notes move to it; the mergee is gone. Returns the base as it now is.
pub(crate) fn merge_contacts(w: &mut World, base_id: Id, mergee_id: Id) -> Option<Contact> {
    let mut base = w.store.contact(base_id)?.clone();
    let mergee = w.store.contact(mergee_id)?.clone();
    if base.id == mergee.id {
        return Some(base);
    }
    for (field, other) in [
        (&mut base.email, &mergee.email),
        (&mut base.phone_number, &mergee.phone_number),
        (&mut base.identifier, &mergee.identifier),
    ] {
        if field.is_none() {
            field.clone_from(other);
        }
    }
    if base.name.is_empty() {
        base.name.clone_from(&mergee.name);
    }
    for (k, v) in &mergee.custom_attributes {
        base.custom_attributes
            .entry(k.clone())
            .or_insert_with(|| v.clone());
    }
    for (k, v) in &mergee.additional_attributes {
        base.additional_attributes
            .entry(k.clone())
            .or_insert_with(|| v.clone());
    }
    let store = &mut w.store;
    store
        .conversations
        .iter_mut()
        .filter(|c| c.contact_id == mergee.id)
        .for_each(|c| c.contact_id = base.id);
    store.contact_inboxes.move_to_contact(mergee.id, base.id);
    store
        .messages
        .iter_mut()
        .filter(|m| m.sender == Some(Sender::Contact(mergee.id)))
        .for_each(|m| m.sender = Some(Sender::Contact(base.id)));
    store
        .notes
        .iter_mut()
        .filter(|n| n.contact_id == mergee.id)
        .for_each(|n| n.contact_id = base.id);
    // The mergee's details go first: the base may take them over.
    store.contacts.remove(mergee.id);
    store.contacts.update(base.id, |c| *c = base.clone());
    Some(base)
}

/// A blank contact of an account.
pub(crate) fn blank_contact(account_id: Id) -> Contact {
    Contact {
        id: 0,
        account_id,
        name: String::new(),
        email: None,
        phone_number: None,
        identifier: None,
        additional_attributes: Json::new(),
        custom_attributes: Json::new(),
        blocked: false,
        labels: Vec::new(),
        created_at: 0.0,
        updated_at: 0.0,
        last_activity_at: None,
        avatar_url: None,
    }
}

/// The contact's identity in an inbox: found by source id, or made (a UUID when none is given).
pub(crate) fn contact_inbox(
    w: &mut World,
    contact_id: Id,
    inbox_id: Id,
    source_id: Option<String>,
    hmac_verified: bool,
) -> Id {
    let existing = match &source_id {
        Some(s) => w.store.contact_inboxes.find_by_source_id(inbox_id, s),
        None => w
            .store
            .contact_inboxes
            .of_contact(contact_id)
            .find(|ci| ci.inbox_id == inbox_id),
    };
    if let Some(existing) = existing {
        return existing.id;
    }
    let id = w.store.id();
    w.store.contact_inboxes.push(ContactInbox {
        id,
        contact_id,
        inbox_id,
        source_id: source_id.unwrap_or_else(uuid),
        pubsub_token: token(24),
        hmac_verified,
        created_at: now(),
    });
    id
}

/// Starts a conversation; returns its index.
pub(crate) fn new_conversation(
    w: &mut World,
    account_id: Id,
    contact_inbox_id: Id,
    custom_attributes: Json,
    additional: Json,
) -> usize {
    let Some(ci) = w.store.contact_inbox(contact_inbox_id).cloned() else {
        return 0;
    };
    let display_id = match w.store.accounts.get_mut(account_id) {
        Some(account) => {
            account.next_display_id += 1;
            account.next_display_id
        }
        None => 1,
    };
    let t = now();
    let id = w.store.id();
    // `determine_conversation_status`: an inbox with an active agent bot starts it pending.
    let status = if w.store.inbox_bot(ci.inbox_id).is_some() {
        "pending"
    } else {
        "open"
    };
    let index = w.store.conversations.push(Conversation {
        id,
        display_id,
        account_id,
        inbox_id: ci.inbox_id,
        contact_id: ci.contact_id,
        contact_inbox_id,
        uuid: uuid(),
        status: status.into(),
        priority: None,
        assignee: None,
        team_id: None,
        labels: Vec::new(),
        custom_attributes,
        additional_attributes: additional,
        snoozed_until: None,
        created_at: t,
        updated_at: t,
        last_activity_at: t,
        agent_last_seen_at: None,
        assignee_last_seen_at: None,
        contact_last_seen_at: None,
        first_reply_created_at: None,
        waiting_since: Some(t),
        campaign_id: None,
    });
    announce(w, index, "conversation_created");
    index
}

/// A message to add.
#[derive(Debug, Clone, Default)]
pub(crate) struct NewMessage {
    pub content: Option<String>,
    pub message_type: i64,
    pub content_type: String,
    pub content_attributes: Json,
    pub private: bool,
    pub sender: Option<Sender>,
    pub source_id: Option<String>,
    pub additional_attributes: Json,
    /// Blob ids of its files.
    pub attachments: Vec<Id>,
}

/// Adds a message to the conversation at `index` and updates the conversation as the server
/// does: an incoming message reopens it and starts the wait; the first human reply ends it.
/// Whether a message's text is over the server's limit (`Message` validates 150,000 characters).
pub(crate) fn content_too_long(content: Option<&String>) -> bool {
    content.is_some_and(|c| c.chars().count() > 150_000)
}

pub(crate) fn add_message(w: &mut World, index: usize, new: NewMessage) -> Id {
    let t = now();
    let id = w.store.id();
    let (conversation_id, account_id, inbox_id, contact_id) = {
        let c = &w.store.conversations[index];
        (c.id, c.account_id, c.inbox_id, c.contact_id)
    };
    let incoming = new.message_type == 0;
    let before = snapshot(w, index);
    let human_reply =
        new.message_type == 1 && !new.private && matches!(new.sender, Some(Sender::User(_)));
    w.store.messages.push(Message {
        id,
        account_id,
        inbox_id,
        conversation_id,
        content: new.content,
        message_type: new.message_type,
        content_type: if new.content_type.is_empty() {
            "text".into()
        } else {
            new.content_type
        },
        content_attributes: new.content_attributes,
        private: new.private,
        status: "sent".into(),
        source_id: new.source_id,
        sender: new.sender,
        additional_attributes: new.additional_attributes,
        attachments: new.attachments,
        created_at: t,
        updated_at: t,
    });
    let mut reopened = false;
    {
        let c = &mut w.store.conversations[index];
        if new.message_type != 2 {
            c.last_activity_at = t;
        }
        c.updated_at = t;
        if incoming {
            c.waiting_since.get_or_insert(t);
            if c.status == "resolved" || c.status == "snoozed" {
                c.status = "open".into();
                c.snoozed_until = None;
                reopened = true;
            }
        }
        if human_reply {
            c.waiting_since = None;
            if c.first_reply_created_at.is_none() {
                c.first_reply_created_at = Some(t);
                let value = t - c.created_at;
                let user_id = match new.sender {
                    Some(Sender::User(u)) => Some(u),
                    _ => None,
                };
                let (created, inbox) = (c.created_at, c.inbox_id);
                let event_id = w.store.id();
                w.store.reporting_events.push(ReportingEvent {
                    id: event_id,
                    account_id,
                    name: "first_response".into(),
                    value,
                    inbox_id: inbox,
                    user_id,
                    conversation_id,
                    event_start_time: created,
                    event_end_time: t,
                    created_at: t,
                });
            }
        }
    }
    if incoming {
        w.store
            .contacts
            .update(contact_id, |contact| contact.last_activity_at = Some(t));
    }
    // Activity messages are not `webhook_sendable?`.
    if let Some(m) = w.store.messages.last().filter(|m| m.message_type != 2) {
        let payload = message_payload(&w.store, m);
        w.emit_for(index, "message_created", payload);
    }
    if reopened {
        status_events(w, index, before);
    }
    crate::routes::notifications::message_created(w, index, id);
    id
}

/// Adds an activity message ("Conversation was marked resolved by ...").
pub(crate) fn activity(w: &mut World, index: usize, text: String) {
    add_message(
        w,
        index,
        NewMessage {
            content: Some(text),
            message_type: 2,
            ..NewMessage::default()
        },
    );
}

/// Who did it, for activity messages.
pub(crate) fn actor_name(w: &World, user_id: Option<Id>) -> String {
    user_id
        .and_then(|u| w.store.user(u))
        .map_or_else(|| "Automation System".to_owned(), |u| u.name.clone())
}

/// Sets a conversation's status, with its activity message, reporting event and webhooks.
pub(crate) fn set_status(
    w: &mut World,
    index: usize,
    status: &str,
    snoozed_until: Option<f64>,
    by: Option<Id>,
) {
    let before = snapshot(w, index);
    let t = now();
    let changed = {
        let c = &mut w.store.conversations[index];
        let changed = c.status != status;
        c.status = status.to_owned();
        c.snoozed_until = if status == "snoozed" {
            snoozed_until
        } else {
            None
        };
        c.updated_at = t;
        if status == "resolved" {
            c.waiting_since = None;
        }
        changed
    };
    if !changed {
        return;
    }
    let name = actor_name(w, by);
    let text = match status {
        "resolved" => format!("Conversation was marked resolved by {name}"),
        "open" => format!("Conversation was reopened by {name}"),
        "snoozed" => format!("Conversation was snoozed by {name}"),
        other => format!("Conversation was marked {other} by {name}"),
    };
    activity(w, index, text);
    if status == "resolved" {
        let c = w.store.conversations[index].clone();
        let id = w.store.id();
        w.store.reporting_events.push(ReportingEvent {
            id,
            account_id: c.account_id,
            name: "conversation_resolved".into(),
            value: t - c.created_at,
            inbox_id: c.inbox_id,
            user_id: match c.assignee {
                Some(Assignee::User(u)) => Some(u),
                _ => None,
            },
            conversation_id: c.id,
            event_start_time: c.created_at,
            event_end_time: t,
            created_at: t,
        });
    }
    status_events(w, index, before);
}

/// The events of a status change (`Conversation#notify_status_change`, then
/// `notify_conversation_updation`): `conversation_opened` or `conversation_resolved` (agent bots
/// only), `conversation_status_changed` (whose `changed_attributes` the server sends as `null`),
/// `conversation_updated`.
fn status_events(w: &mut World, index: usize, before: Snapshot) {
    match w.store.conversations[index].status.as_str() {
        "open" => announce(w, index, "conversation_opened"),
        "resolved" => announce(w, index, "conversation_resolved"),
        _ => {}
    }
    let mut payload = conversation_payload(&w.store, &w.store.conversations[index]);
    payload["changed_attributes"] = Value::Null;
    w.emit_for(index, "conversation_status_changed", payload);
    updated(w, index, before);
}

/// Sends a conversation event with the conversation's current payload.
pub(crate) fn announce(w: &mut World, index: usize, name: &'static str) {
    let payload = conversation_payload(&w.store, &w.store.conversations[index]);
    w.emit_for(index, name, payload);
}

/// The columns of a conversation that make an update event, and its `updated_at`.
pub(crate) type Snapshot = (Json, f64);

/// What the conversation at `index` looks like now, for [`updated`].
pub(crate) fn snapshot(w: &World, index: usize) -> Snapshot {
    let c = &w.store.conversations[index];
    (conversation_columns(c), c.updated_at)
}

/// Sends `conversation_updated` with what changed since `before`, if anything did
/// (`Conversation#notify_conversation_updation`).
pub(crate) fn updated(w: &mut World, index: usize, before: Snapshot) {
    let t = now();
    let after = conversation_columns(&w.store.conversations[index]);
    let Some(changed) = changes(&before.0, &after, (before.1, t)) else {
        return;
    };
    w.store.conversations[index].updated_at = t;
    let mut payload = conversation_payload(&w.store, &w.store.conversations[index]);
    payload["changed_attributes"] = changed;
    w.emit_for(index, "conversation_updated", payload);
}

/// `Conversations::TypingStatusManager`: `typing_status` `on` or `off` sends the typing event
/// (anything else sends nothing).
pub(crate) fn typing(
    w: &mut World,
    index: usize,
    status: Option<&str>,
    who: Sender,
    private: bool,
) {
    let name = match status {
        Some("on") => "conversation_typing_on",
        Some("off") => "conversation_typing_off",
        _ => return,
    };
    let payload =
        crate::events::typing_payload(&w.store, &w.store.conversations[index], who, private);
    w.emit_for(index, name, payload);
}
