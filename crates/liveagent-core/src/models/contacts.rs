//! Account API, contacts: `/api/v1/accounts/{account_id}/contacts...`.

use super::{Availability, ChannelType, Conversation, SenderNameType};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

model! {
    /// A contact (`models/_contact.json.jbuilder`).
    pub struct Contact {
        /// Free-form attributes (`city`, `country`, `company_name`, `social_profiles`...).
        additional_attributes: JsonObject,
        /// Presence (`online`/`offline`).
        availability_status: Availability,
        /// Email (lowercase).
        email: Option<String>,
        /// Contact id.
        id: Id,
        /// Name (may be empty).
        name: Option<String>,
        /// Phone number (E.164).
        phone_number: Option<String>,
        /// Whether the contact is blocked.
        blocked: bool,
        /// Your external id for the contact.
        identifier: Option<String>,
        /// Company (with the `companies` feature).
        company_id: Option<Id>,
        /// Avatar URL (`""` if none).
        thumbnail: String,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// Last activity (absent before the first message).
        last_activity_at: Option<Timestamp>,
        /// Creation time.
        created_at: Option<Timestamp>,
        /// The contact's channel identities, when the endpoint includes them.
        contact_inboxes: Option<Vec<ContactInbox>>,
    }
}

model! {
    /// A contact as a message sender (`Contact#push_event_data`).
    pub struct ContactPush {
        /// Free-form attributes.
        additional_attributes: JsonObject,
        /// Custom attributes.
        custom_attributes: JsonObject,
        /// Email.
        email: Option<String>,
        /// Contact id.
        id: Id,
        /// Your external id.
        identifier: Option<String>,
        /// Name.
        name: Option<String>,
        /// Phone number.
        phone_number: Option<String>,
        /// Avatar URL (`""` if none).
        thumbnail: String,
        /// Whether the contact is blocked.
        blocked: bool,
        /// Always `contact`.
        r#type: String,
        /// Company (with the `companies` feature).
        company_id: Option<Id>,
        /// Account id (live updates only).
        account_id: Option<Id>,
        /// Who did it (live updates of a user's action).
        performer: Option<JsonObject>,
    }
}

model! {
    /// An inbox in short (`models/_inbox_slim.json.jbuilder`).
    pub struct InboxSlim {
        /// Inbox id.
        id: Id,
        /// Avatar URL (`""` if none).
        avatar_url: String,
        /// Id of the channel record.
        channel_id: Id,
        /// Name.
        name: String,
        /// Channel type.
        channel_type: ChannelType,
        /// Provider of email, SMS and WhatsApp channels.
        provider: Option<String>,
    }
}

model! {
    /// A contact's identity in one inbox (`models/_contact_inbox.json.jbuilder`).
    pub struct ContactInbox {
        /// The contact's id in the channel (the public API's `contact_identifier`).
        source_id: String,
        /// The inbox.
        inbox: InboxSlim,
    }
}

model! {
    /// An inbox a contact can be reached in, with the source id to use.
    pub struct ContactableInbox {
        /// The inbox.
        inbox: InboxSlim,
        /// Source id (for API inboxes without one yet: a fresh UUID each call).
        source_id: String,
    }
}

model! {
    /// Body of `GET contacts/{id}/contactable_inboxes`.
    pub struct ContactableInboxes {
        /// Inboxes.
        payload: Vec<ContactableInbox> as items,
    }
}

model! {
    /// Paging of contact lists.
    pub struct ContactListMeta {
        /// Matches in all pages.
        count: i64,
        /// This page (the server echoes the query string, so it may come as a string).
        current_page: i64 as flex,
    }
}

model! {
    /// Body of `GET contacts` and `POST contacts/filter`: 15 contacts per page.
    pub struct ContactList {
        /// Paging.
        meta: ContactListMeta,
        /// Contacts.
        payload: Vec<Contact> as items,
    }
}

model! {
    /// Paging of contact search.
    pub struct ContactSearchMeta {
        /// Contacts on this page (not a total).
        count: Option<i64>,
        /// This page.
        current_page: i64 as flex,
        /// Whether another page follows.
        has_more: Option<bool>,
    }
}

model! {
    /// Body of `GET contacts/search`.
    pub struct ContactSearchResult {
        /// Paging.
        meta: ContactSearchMeta,
        /// Contacts.
        payload: Vec<Contact> as items,
    }
}

model! {
    /// One contact in a `payload` envelope.
    pub struct ContactPayload {
        /// The contact.
        payload: Contact,
    }
}

model! {
    /// An inbox record as stored (the raw `Inbox#as_json` of `POST contacts`).
    pub struct InboxRecord {
        /// Inbox id.
        id: Id,
        /// Id of the channel record.
        channel_id: Id,
        /// Account.
        account_id: Id,
        /// Name.
        name: String,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
        /// Channel type.
        channel_type: Option<ChannelType>,
        /// Auto-assignment on.
        enable_auto_assignment: Option<bool>,
        /// Greeting on.
        greeting_enabled: Option<bool>,
        /// Greeting.
        greeting_message: Option<String>,
        /// Legacy email address.
        email_address: Option<String>,
        /// Working hours on.
        working_hours_enabled: Option<bool>,
        /// Out-of-office message.
        out_of_office_message: Option<String>,
        /// Time zone.
        timezone: Option<String>,
        /// Email collection on.
        enable_email_collect: Option<bool>,
        /// CSAT survey on.
        csat_survey_enabled: Option<bool>,
        /// Messages accepted after resolution.
        allow_messages_after_resolved: Option<bool>,
        /// Auto-assignment settings.
        auto_assignment_config: Option<JsonObject>,
        /// One conversation per contact.
        lock_to_single_conversation: bool,
        /// Help-center portal.
        portal_id: Option<Id>,
        /// Sender name style.
        sender_name_type: SenderNameType,
        /// Business name.
        business_name: Option<String>,
        /// CSAT settings.
        csat_config: JsonObject,
    }
}

model! {
    /// The contact inbox made by `POST contacts` (both `null` without `inbox_id`).
    pub struct NewContactInbox {
        /// The inbox record.
        inbox: Option<InboxRecord>,
        /// The contact's id in that inbox.
        source_id: Option<String>,
    }
}

model! {
    /// The `payload` of `POST contacts`.
    pub struct ContactCreatedPayload {
        /// The new contact, with its contact inboxes.
        contact: Contact,
        /// The contact inbox made for `inbox_id`.
        contact_inbox: NewContactInbox,
    }
}

model! {
    /// Body of `POST contacts`.
    pub struct ContactCreated {
        /// The contact and its contact inbox.
        payload: ContactCreatedPayload,
    }
}

model! {
    /// Body of `GET contacts/{id}/conversations`: the 20 most recent.
    pub struct ContactConversations {
        /// Conversations.
        payload: Vec<Conversation> as items,
    }
}
