//! Conversation lifecycle state beyond the conversation row: drafts, participants and sent
//! transcripts, each keyed by the conversation's database id.

use super::Id;
use std::collections::HashMap;

/// A transcript the server would have emailed (counted against the account's daily
/// `limits.emails`).
#[derive(Debug, Clone)]
pub(crate) struct Transcript {
    pub account_id: Id,
    pub conversation_id: Id,
    pub sent_at: f64,
}

/// Drafts, participants and transcripts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lifecycle {
    /// The draft reply of a conversation (the server keeps one per conversation, in Redis).
    pub drafts: HashMap<Id, String>,
    /// `(conversation_id, user_id)`, in the order they were added.
    pub participants: Vec<(Id, Id)>,
    pub transcripts: Vec<Transcript>,
}

impl Lifecycle {
    /// The user ids taking part in a conversation, in the order they were added.
    pub(crate) fn participants_of(&self, conversation_id: Id) -> Vec<Id> {
        self.participants
            .iter()
            .filter(|(c, _)| *c == conversation_id)
            .map(|(_, u)| *u)
            .collect()
    }

    /// Forgets everything about a deleted conversation.
    pub(crate) fn forget(&mut self, conversation_id: Id) {
        self.drafts.remove(&conversation_id);
        self.participants.retain(|(c, _)| *c != conversation_id);
        self.transcripts
            .retain(|t| t.conversation_id != conversation_id);
    }
}
