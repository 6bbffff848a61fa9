//! Messages, with each conversation's messages (its thread) and its incoming messages indexed,
//! so that a conversation's latest messages, a cursor page and an unread count cost the same
//! however many messages the store holds. Messages leave only with their conversation.

use super::table::Table;
use super::{Id, Message};
use std::collections::HashMap;
use std::ops::{Bound, RangeBounds};

/// Every message; `conversation_id` and `message_type` are indexed: they never change.
#[derive(Debug, Clone, Default)]
pub(crate) struct Messages {
    table: Table<Message>,
    /// Each conversation's message positions, oldest first (and so by id: ids only grow).
    threads: HashMap<Id, Vec<usize>>,
    /// Each conversation's incoming message positions, oldest first.
    incoming: HashMap<Id, Vec<usize>>,
}

impl Messages {
    pub(crate) fn push(&mut self, message: Message) {
        let conversation_id = message.conversation_id;
        let incoming = message.message_type == 0;
        let position = self.table.push(message);
        self.threads
            .entry(conversation_id)
            .or_default()
            .push(position);
        if incoming {
            self.incoming
                .entry(conversation_id)
                .or_default()
                .push(position);
        }
    }

    /// Removes a conversation's messages (with the conversation); rebuilds the indexes.
    pub(crate) fn remove_conversation(&mut self, conversation_id: Id) {
        let rows: Vec<Message> = self
            .table
            .iter()
            .filter(|m| m.conversation_id != conversation_id)
            .cloned()
            .collect();
        *self = Messages::default();
        for row in rows {
            self.push(row);
        }
    }

    pub(crate) fn get(&self, id: Id) -> Option<&Message> {
        self.table.get(id)
    }

    /// A message to change; its conversation and type must stay as they are.
    pub(crate) fn get_mut(&mut self, id: Id) -> Option<&mut Message> {
        self.table.get_mut(id)
    }

    /// Every message, to change; conversations and types must stay as they are.
    pub(crate) fn iter_mut(&mut self) -> std::slice::IterMut<'_, Message> {
        self.table.iter_mut()
    }

    pub(crate) fn last(&self) -> Option<&Message> {
        self.table.last()
    }

    /// A conversation's messages, oldest first.
    pub(crate) fn thread(&self, conversation_id: Id) -> Thread<'_> {
        Thread {
            table: &self.table,
            positions: self
                .threads
                .get(&conversation_id)
                .map_or(&[], Vec::as_slice),
        }
    }

    /// A conversation's incoming messages, oldest first.
    pub(crate) fn incoming(&self, conversation_id: Id) -> Thread<'_> {
        Thread {
            table: &self.table,
            positions: self
                .incoming
                .get(&conversation_id)
                .map_or(&[], Vec::as_slice),
        }
    }
}

/// Some messages of one conversation, oldest first.
#[derive(Clone, Copy)]
pub(crate) struct Thread<'a> {
    table: &'a Table<Message>,
    /// Positions in `table`, in id order.
    positions: &'a [usize],
}

impl<'a> Thread<'a> {
    pub(crate) fn iter(self) -> impl DoubleEndedIterator<Item = &'a Message> + 'a {
        let table = self.table;
        self.positions.iter().map(move |&p| &table[p])
    }

    /// The newest `count` messages that `keep` accepts, oldest first.
    pub(crate) fn latest(
        self,
        count: usize,
        keep: impl Fn(&&'a Message) -> bool,
    ) -> Vec<&'a Message> {
        let mut newest_first: Vec<&Message> = self.iter().rev().filter(keep).take(count).collect();
        newest_first.reverse();
        newest_first
    }

    /// The messages whose ids are in `ids`, found by binary search.
    pub(crate) fn ids(self, ids: impl RangeBounds<Id>) -> Thread<'a> {
        let first_not_below = |id: Id| self.positions.partition_point(|&p| self.table[p].id < id);
        let first_above = |id: Id| self.positions.partition_point(|&p| self.table[p].id <= id);
        let start = match ids.start_bound() {
            Bound::Included(&id) => first_not_below(id),
            Bound::Excluded(&id) => first_above(id),
            Bound::Unbounded => 0,
        };
        let end = match ids.end_bound() {
            Bound::Included(&id) => first_above(id),
            Bound::Excluded(&id) => first_not_below(id),
            Bound::Unbounded => self.positions.len(),
        };
        Thread {
            table: self.table,
            positions: &self.positions[start..end.max(start)],
        }
    }
}
