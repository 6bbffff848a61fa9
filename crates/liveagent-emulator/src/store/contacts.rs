//! Contacts, indexed by the details that must be unique in an account (email, identifier,
//! phone number), and their identities in inboxes, indexed by source id and by contact.

use super::table::Table;
use super::{Contact, ContactInbox, Id};
use std::collections::{BTreeSet, HashMap};

/// A detail that identifies a contact within its account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Detail {
    Email(Id, String),
    Identifier(Id, String),
    PhoneNumber(Id, String),
}

impl Detail {
    /// A contact's details, in the order validations report them.
    pub(crate) fn of(contact: &Contact) -> [Option<Detail>; 3] {
        let account = contact.account_id;
        [
            contact.email.clone().map(|v| Detail::Email(account, v)),
            contact
                .identifier
                .clone()
                .map(|v| Detail::Identifier(account, v)),
            contact
                .phone_number
                .clone()
                .map(|v| Detail::PhoneNumber(account, v)),
        ]
    }
}

/// Every contact. Changes go through [`Contacts::update`], which keeps the details indexed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Contacts {
    table: Table<Contact>,
    /// The contacts with each detail, by id (the order they were made in).
    by_detail: HashMap<Detail, BTreeSet<Id>>,
}

impl Contacts {
    pub(crate) fn push(&mut self, contact: Contact) {
        self.index(contact.id, Detail::of(&contact));
        self.table.push(contact);
    }

    pub(crate) fn get(&self, id: Id) -> Option<&Contact> {
        self.table.get(id)
    }

    /// Changes a contact (not its id) and re-indexes its details; `None` if there is none.
    pub(crate) fn update<R>(
        &mut self,
        id: Id,
        change: impl FnOnce(&mut Contact) -> R,
    ) -> Option<R> {
        let before = Detail::of(self.table.get(id)?);
        let contact = self.table.get_mut(id)?;
        let result = change(contact);
        let after = Detail::of(contact);
        self.unindex(id, before);
        self.index(id, after);
        Some(result)
    }

    pub(crate) fn remove(&mut self, id: Id) {
        if let Some(contact) = self.table.get(id) {
            self.unindex(id, Detail::of(contact));
            self.table.retain(|c| c.id != id);
        }
    }

    /// The contacts with this detail, in the order they were made (by id).
    pub(crate) fn with_detail(&self, detail: &Detail) -> impl Iterator<Item = Id> + '_ {
        self.by_detail.get(detail).into_iter().flatten().copied()
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, Contact> {
        self.table.iter()
    }

    fn index(&mut self, id: Id, details: [Option<Detail>; 3]) {
        for detail in details.into_iter().flatten() {
            self.by_detail.entry(detail).or_default().insert(id);
        }
    }

    fn unindex(&mut self, id: Id, details: [Option<Detail>; 3]) {
        for detail in details.into_iter().flatten() {
            if let Some(ids) = self.by_detail.get_mut(&detail) {
                ids.remove(&id);
                if ids.is_empty() {
                    self.by_detail.remove(&detail);
                }
            }
        }
    }
}

/// Every contact inbox; `inbox_id` and `source_id` never change, and the contact changes only
/// through [`ContactInboxes::move_to_contact`]. Contact inboxes are never removed.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContactInboxes {
    table: Table<ContactInbox>,
    /// Positions with each source id, oldest first.
    by_source_id: HashMap<String, Vec<usize>>,
    /// Each contact's positions, oldest first.
    of_contact: HashMap<Id, Vec<usize>>,
}

impl ContactInboxes {
    pub(crate) fn push(&mut self, contact_inbox: ContactInbox) {
        let (source_id, contact_id) = (contact_inbox.source_id.clone(), contact_inbox.contact_id);
        let position = self.table.push(contact_inbox);
        self.by_source_id
            .entry(source_id)
            .or_default()
            .push(position);
        self.of_contact
            .entry(contact_id)
            .or_default()
            .push(position);
    }

    pub(crate) fn get(&self, id: Id) -> Option<&ContactInbox> {
        self.table.get(id)
    }

    /// Every contact inbox, oldest first.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, ContactInbox> {
        self.table.iter()
    }

    /// The contact inboxes with this source id, oldest first.
    pub(crate) fn with_source_id<'a>(
        &'a self,
        source_id: &str,
    ) -> impl Iterator<Item = &'a ContactInbox> + 'a {
        let table = &self.table;
        self.by_source_id
            .get(source_id)
            .into_iter()
            .flatten()
            .map(move |&p| &table[p])
    }

    /// The first contact inbox of an inbox with this source id.
    pub(crate) fn find_by_source_id(&self, inbox_id: Id, source_id: &str) -> Option<&ContactInbox> {
        self.with_source_id(source_id)
            .find(|ci| ci.inbox_id == inbox_id)
    }

    /// A contact's identities, oldest first.
    pub(crate) fn of_contact(
        &self,
        contact_id: Id,
    ) -> impl DoubleEndedIterator<Item = &ContactInbox> {
        let table = &self.table;
        self.of_contact
            .get(&contact_id)
            .into_iter()
            .flatten()
            .map(move |&p| &table[p])
    }

    /// Records that the contact proved its identity (HMAC).
    pub(crate) fn mark_hmac_verified(&mut self, id: Id) {
        if let Some(ci) = self.table.get_mut(id) {
            ci.hmac_verified = true;
        }
    }

    /// Gives every identity of contact `from` to contact `to` (a merge).
    pub(crate) fn move_to_contact(&mut self, from: Id, to: Id) {
        let Some(moved) = self.of_contact.remove(&from) else {
            return;
        };
        for &p in &moved {
            self.table[p].contact_id = to;
        }
        let positions = self.of_contact.entry(to).or_default();
        positions.extend(moved);
        positions.sort_unstable();
    }
}
