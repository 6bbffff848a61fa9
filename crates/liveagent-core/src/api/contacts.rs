//! Account API, contacts: `/api/v1/accounts/{account_id}/contacts...`.

use super::FilterCondition;
use crate::schema::JsonObject;
use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `GET contacts`: contacts with an email, phone or identifier, 15 per page.
    pub struct ListContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Page, from 1.
        query page: Option<u32>,
        /// Order: `name`, `email`, `phone_number`, `last_activity_at`, `created_at`,
        /// `company_name`, `city`, `country`; prefix `-` for descending.
        query sort: Option<String>,
        /// With any of these labels.
        query labels: Option<Vec<String>>,
        /// Include each contact's `contact_inboxes` (default true).
        query include_contact_inboxes: Option<bool>,
    }
}

params! {
    /// `POST contacts`: create a contact, optionally with its identity in an inbox.
    pub struct CreateContactParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Inbox to create a contact inbox in.
        body inbox_id: Option<Id>,
        /// The contact's id in that inbox (made if left out).
        body source_id: Option<String>,
        /// Name.
        body name: Option<String>,
        /// Your external id (unique per account).
        body identifier: Option<String>,
        /// Email (unique per account).
        body email: Option<String>,
        /// Phone number, E.164 (unique per account).
        body phone_number: Option<String>,
        /// Blocked.
        body blocked: Option<bool>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Avatar image to upload; the body then goes as `multipart/form-data`.
        body avatar: Option<Upload>,
        /// Free-form attributes.
        body additional_attributes: Option<JsonObject>,
        /// Custom attributes.
        body custom_attributes: Option<JsonObject>,
        /// Company (enterprise, `companies` feature).
        body company_id: Option<Id>,
    }
}

params! {
    /// `GET contacts/{contact_id}`.
    pub struct GetContactParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Include `contact_inboxes` (default true).
        query include_contact_inboxes: Option<bool>,
    }
}

params! {
    /// `PUT contacts/{contact_id}`: attributes given are merged into the stored ones.
    pub struct UpdateContactParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Include `contact_inboxes` in the answer (default true).
        query include_contact_inboxes: Option<bool>,
        /// Name.
        body name: Option<String>,
        /// Your external id.
        body identifier: Option<String>,
        /// Email.
        body email: Option<String>,
        /// Phone number, E.164.
        body phone_number: Option<String>,
        /// Blocked.
        body blocked: Option<bool>,
        /// Avatar to fetch from this URL.
        body avatar_url: Option<String>,
        /// Avatar image to upload; the body then goes as `multipart/form-data`.
        body avatar: Option<Upload>,
        /// Free-form attributes (merged).
        body additional_attributes: Option<JsonObject>,
        /// Custom attributes (merged).
        body custom_attributes: Option<JsonObject>,
        /// Company (enterprise, `companies` feature).
        body company_id: Option<Id>,
    }
}

params! {
    /// `DELETE contacts/{contact_id}` (administrators).
    pub struct DeleteContactParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
    }
}

params! {
    /// `GET contacts/search`: by name, email, phone or identifier, 15 per page.
    pub struct SearchContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Text to find.
        query q: String,
        /// Page, from 1.
        query page: Option<u32>,
        /// Order (as `listContacts`).
        query sort: Option<String>,
        /// Include `contact_inboxes` (default true).
        query include_contact_inboxes: Option<bool>,
    }
}

params! {
    /// `POST contacts/filter`: contacts matching the conditions, 15 per page.
    pub struct FilterContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Page, from 1.
        query page: Option<u32>,
        /// Order (as `listContacts`).
        query sort: Option<String>,
        /// Include `contact_inboxes` (default true).
        query include_contact_inboxes: Option<bool>,
        /// Conditions.
        body payload: Vec<FilterCondition>,
    }
}

params! {
    /// `GET contacts/{contact_id}/conversations`: the 20 most recent.
    pub struct ListContactConversationsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
    }
}

params! {
    /// `GET contacts/{contact_id}/contactable_inboxes`.
    pub struct ListContactableInboxesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
    }
}

params! {
    /// `POST contacts/{contact_id}/contact_inboxes`: the contact's identity in an inbox.
    pub struct CreateContactInboxParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// Inbox.
        body inbox_id: Id,
        /// The contact's id in the inbox (made if left out).
        body source_id: Option<String>,
        /// Mark the identity as verified.
        body hmac_verified: Option<bool>,
    }
}

params! {
    /// `POST actions/contact_merge`: merge `mergee_contact_id` into `base_contact_id`.
    pub struct MergeContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The contact that stays.
        body base_contact_id: Id,
        /// The contact merged in and deleted.
        body mergee_contact_id: Id,
    }
}

params! {
    /// `GET contacts/{contact_id}/labels`.
    pub struct ListContactLabelsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
    }
}

params! {
    /// `POST contacts/{contact_id}/labels`: replaces the contact's labels.
    pub struct AddContactLabelsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Contact id.
        path contact_id: Id,
        /// The labels the contact will have.
        body labels: Vec<String>,
    }
}
