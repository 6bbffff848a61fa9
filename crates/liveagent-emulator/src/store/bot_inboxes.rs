//! Agent bots connected to inboxes (`agent_bot_inboxes`): at most one bot per inbox.

use super::Id;

/// An inbox's connected bot (`AgentBotInbox`, created `active`).
#[derive(Debug, Clone)]
pub(crate) struct AgentBotInbox {
    pub inbox_id: Id,
    pub agent_bot_id: Id,
    /// `active`: the bot hears the inbox's events and new conversations start `pending`.
    pub active: bool,
}

/// Every inbox-bot connection.
#[derive(Debug, Clone, Default)]
pub(crate) struct AgentBotInboxes {
    rows: Vec<AgentBotInbox>,
}

impl AgentBotInboxes {
    /// Connects `agent_bot_id` to the inbox, replacing its bot if it had one.
    pub(crate) fn set(&mut self, inbox_id: Id, agent_bot_id: Id) {
        match self.rows.iter_mut().find(|r| r.inbox_id == inbox_id) {
            Some(row) => row.agent_bot_id = agent_bot_id,
            None => self.rows.push(AgentBotInbox {
                inbox_id,
                agent_bot_id,
                active: true,
            }),
        }
    }

    /// Disconnects the inbox's bot, if any.
    pub(crate) fn remove_inbox(&mut self, inbox_id: Id) {
        self.rows.retain(|r| r.inbox_id != inbox_id);
    }

    /// The inbox's connection, if any.
    pub(crate) fn of_inbox(&self, inbox_id: Id) -> Option<&AgentBotInbox> {
        self.rows.iter().find(|r| r.inbox_id == inbox_id)
    }
}
