//! A table of records: rows in insertion order (which is also id order: ids only grow), and
//! an index from id to row, so that finding a record costs the same however many there are.

use super::Id;
use std::collections::HashMap;
use std::ops::{Index, IndexMut};

/// A record with an id that is set when it is made and never changes.
pub(crate) trait Row {
    fn id(&self) -> Id;
}

/// Rows in insertion order, found by id or by position.
#[derive(Debug, Clone)]
pub(crate) struct Table<T> {
    rows: Vec<T>,
    positions: HashMap<Id, usize>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            rows: Vec::new(),
            positions: HashMap::new(),
        }
    }
}

impl<T: Row> Table<T> {
    /// Adds a row; returns its position.
    pub(crate) fn push(&mut self, row: T) -> usize {
        let position = self.rows.len();
        self.positions.entry(row.id()).or_insert(position);
        self.rows.push(row);
        position
    }

    pub(crate) fn get(&self, id: Id) -> Option<&T> {
        self.rows.get(self.position(id)?)
    }

    /// A row to change; its id must stay as it is.
    pub(crate) fn get_mut(&mut self, id: Id) -> Option<&mut T> {
        let position = self.position(id)?;
        self.rows.get_mut(position)
    }

    pub(crate) fn position(&self, id: Id) -> Option<usize> {
        self.positions.get(&id).copied()
    }

    /// Keeps the rows `keep` accepts, in order. Positions of later rows change.
    pub(crate) fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.rows.retain(keep);
        self.positions.clear();
        for (position, row) in self.rows.iter().enumerate() {
            self.positions.entry(row.id()).or_insert(position);
        }
    }
}

impl<T> Table<T> {
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        self.rows.iter()
    }

    /// Every row, to change; ids must stay as they are.
    pub(crate) fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.rows.iter_mut()
    }

    pub(crate) fn last(&self) -> Option<&T> {
        self.rows.last()
    }
}

impl<T> Index<usize> for Table<T> {
    type Output = T;

    fn index(&self, position: usize) -> &T {
        &self.rows[position]
    }
}

impl<T> IndexMut<usize> for Table<T> {
    fn index_mut(&mut self, position: usize) -> &mut T {
        &mut self.rows[position]
    }
}

impl<'a, T> IntoIterator for &'a Table<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.rows.iter()
    }
}

macro_rules! rows_with_ids {
    ($($record:ty),* $(,)?) => {
        $(impl Row for $record {
            fn id(&self) -> Id {
                self.id
            }
        })*
    };
}

rows_with_ids!(
    super::Account,
    super::User,
    super::AgentBot,
    super::Inbox,
    super::Team,
    super::Contact,
    super::ContactInbox,
    super::Conversation,
    super::Message,
);
