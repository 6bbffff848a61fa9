//! Conversations, indexed by database id, by per-account display id, by account and by
//! contact inbox. Removing one (`DELETE conversations/{id}`) rebuilds the indexes.

use super::table::Table;
use super::{Conversation, Id};
use std::collections::HashMap;
use std::ops::{Index, IndexMut};

/// Every conversation; `id`, `account_id`, `display_id` and `contact_inbox_id` are indexed: they
/// never change.
#[derive(Debug, Clone, Default)]
pub(crate) struct Conversations {
    table: Table<Conversation>,
    /// `(account_id, display_id)` to position.
    by_display_id: HashMap<(Id, Id), usize>,
    /// Each account's positions, oldest first.
    of_account: HashMap<Id, Vec<usize>>,
    /// Each contact inbox's positions, oldest first.
    of_contact_inbox: HashMap<Id, Vec<usize>>,
}

impl Conversations {
    /// Adds a conversation; returns its position.
    pub(crate) fn push(&mut self, conversation: Conversation) -> usize {
        let (account_id, display_id, contact_inbox_id) = (
            conversation.account_id,
            conversation.display_id,
            conversation.contact_inbox_id,
        );
        let position = self.table.push(conversation);
        self.by_display_id
            .entry((account_id, display_id))
            .or_insert(position);
        self.of_account
            .entry(account_id)
            .or_default()
            .push(position);
        self.of_contact_inbox
            .entry(contact_inbox_id)
            .or_default()
            .push(position);
        position
    }

    /// Removes the conversation at `position`; the positions of later ones change.
    pub(crate) fn remove(&mut self, position: usize) -> Conversation {
        let removed = self.table[position].clone();
        let rows: Vec<Conversation> = self
            .table
            .iter()
            .filter(|c| c.id != removed.id)
            .cloned()
            .collect();
        *self = Conversations::default();
        for row in rows {
            self.push(row);
        }
        removed
    }

    /// By database id.
    pub(crate) fn get(&self, id: Id) -> Option<&Conversation> {
        self.table.get(id)
    }

    /// The position of an account's conversation by its display id.
    pub(crate) fn position_by_display_id(&self, account_id: Id, display_id: Id) -> Option<usize> {
        self.by_display_id.get(&(account_id, display_id)).copied()
    }

    /// An account's conversations, oldest first.
    pub(crate) fn of_account(&self, account_id: Id) -> impl Iterator<Item = &Conversation> {
        self.positions(self.of_account.get(&account_id))
    }

    /// The positions of a contact inbox's conversations, oldest first.
    pub(crate) fn positions_of_contact_inbox(&self, contact_inbox_id: Id) -> &[usize] {
        self.of_contact_inbox
            .get(&contact_inbox_id)
            .map_or(&[], Vec::as_slice)
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, Conversation> {
        self.table.iter()
    }

    /// Every conversation, to change; indexed fields must stay as they are.
    pub(crate) fn iter_mut(&mut self) -> std::slice::IterMut<'_, Conversation> {
        self.table.iter_mut()
    }

    fn positions<'a>(
        &'a self,
        positions: Option<&'a Vec<usize>>,
    ) -> impl Iterator<Item = &'a Conversation> + 'a {
        positions
            .into_iter()
            .flatten()
            .map(move |&p| &self.table[p])
    }
}

impl Index<usize> for Conversations {
    type Output = Conversation;

    fn index(&self, position: usize) -> &Conversation {
        &self.table[position]
    }
}

/// A conversation by position, to change; indexed fields must stay as they are.
impl IndexMut<usize> for Conversations {
    fn index_mut(&mut self, position: usize) -> &mut Conversation {
        &mut self.table[position]
    }
}
