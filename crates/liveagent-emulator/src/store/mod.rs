//! The emulator's in-memory database: plain records, as the server's tables hold them, with the
//! indexes that keep a request's cost independent of how many records earlier requests made.
//!
//! Deliberately independent of the SDK's models: the emulator renders its own JSON from these
//! records, view by view, so that the SDK and the emulator cannot share a misunderstanding.

mod automation;
mod blobs;
mod bot_inboxes;
mod campaigns;
mod contacts;
mod conversations;
mod direct_uploads;
mod help_center;
mod hooks;
mod lifecycle;
mod messages;
mod notes;
mod notifications;
mod records;
mod table;

pub(crate) use automation::{Automation, AutomationRule, CustomFilter};
pub(crate) use blobs::Blob;
pub(crate) use bot_inboxes::AgentBotInboxes;
pub(crate) use campaigns::Campaign;
pub(crate) use contacts::{ContactInboxes, Contacts, Detail};
pub(crate) use conversations::Conversations;
pub(crate) use direct_uploads::DirectUpload;
pub(crate) use help_center::{Article, Category, HelpCenter, Portal, normalize_config};
pub(crate) use hooks::Hook;
pub(crate) use lifecycle::{Lifecycle, Transcript};
pub(crate) use messages::Messages;
pub(crate) use notes::Note;
pub(crate) use notifications::{
    NOTIFICATION_TYPES, Notification, NotificationActor, NotificationSetting, Notifications,
};
pub(crate) use records::*;
pub(crate) use table::Table;

/// Record id.
pub(crate) type Id = u64;

/// The whole database.
#[derive(Debug, Clone, Default)]
pub(crate) struct Store {
    pub next_id: Id,
    pub accounts: Table<Account>,
    pub users: Table<User>,
    pub account_users: Vec<AccountUser>,
    /// Each change of a membership's availability, oldest first.
    pub availability_records: Vec<AvailabilityRecord>,
    pub agent_bots: Table<AgentBot>,
    pub platform_apps: Vec<PlatformApp>,
    pub inboxes: Table<Inbox>,
    pub inbox_members: Vec<(Id, Id)>,
    pub agent_bot_inboxes: AgentBotInboxes,
    pub teams: Table<Team>,
    pub team_members: Vec<(Id, Id)>,
    pub contacts: Contacts,
    pub contact_inboxes: ContactInboxes,
    pub conversations: Conversations,
    pub messages: Messages,
    pub labels: Vec<Label>,
    pub canned_responses: Vec<CannedResponse>,
    pub attribute_definitions: Vec<AttributeDefinition>,
    pub webhooks: Vec<Webhook>,
    pub reporting_events: Vec<ReportingEvent>,
    pub csat_responses: Vec<CsatResponse>,
    pub blobs: Vec<Blob>,
    /// Direct uploads announced (their blobs exist once the bytes arrive).
    pub direct_uploads: Vec<DirectUpload>,
    /// Where the emulator listens (`http://127.0.0.1:port`): the start of its file URLs.
    pub base_url: String,
    pub lifecycle: Lifecycle,
    pub notes: Vec<Note>,
    pub notifications: Notifications,
    pub automation: Automation,
    /// Help-center portals, categories and articles.
    pub help_center: HelpCenter,
    /// Integration hooks.
    pub hooks: Vec<Hook>,
    /// Web-widget campaigns.
    pub campaigns: Vec<Campaign>,
    /// The key that signs web-widget session tokens (`secret_key_base`).
    pub widget_secret: String,
}

impl Store {
    /// A new id, unique across tables (ids of different tables never collide, which makes
    /// mixing them up visible in tests).
    pub(crate) fn id(&mut self) -> Id {
        self.next_id += 1;
        self.next_id
    }

    /// Stores an uploaded file as a blob; returns its id.
    pub(crate) fn add_blob(&mut self, file: &crate::form::UploadedFile) -> Id {
        let id = self.id();
        let signed_id = format!("blob{id}-{}", token(12));
        self.blobs.push(Blob {
            id,
            signed_id,
            filename: file.filename.clone(),
            content_type: file.content_type.clone(),
            bytes: file.bytes.clone(),
        });
        id
    }

    /// A stored file by id.
    pub(crate) fn blob(&self, id: Id) -> Option<&Blob> {
        self.blobs.iter().find(|b| b.id == id)
    }

    /// A stored file's absolute URL.
    pub(crate) fn blob_url(&self, blob: &Blob) -> String {
        format!("{}{}", self.base_url, blob.path())
    }

    pub(crate) fn account(&self, id: Id) -> Option<&Account> {
        self.accounts.get(id)
    }

    pub(crate) fn user(&self, id: Id) -> Option<&User> {
        self.users.get(id)
    }

    pub(crate) fn membership(&self, account_id: Id, user_id: Id) -> Option<&AccountUser> {
        self.account_users
            .iter()
            .find(|m| m.account_id == account_id && m.user_id == user_id)
    }

    /// Records a membership's availability when it differs from the last one recorded (a new
    /// member, or a change).
    pub(crate) fn record_availability(&mut self, account_id: Id, user_id: Id) {
        let Some(m) = self.membership(account_id, user_id) else {
            return;
        };
        let (availability, at) = (m.availability.clone(), m.updated_at);
        let last = self
            .availability_records
            .iter()
            .rev()
            .find(|r| r.account_id == account_id && r.user_id == user_id);
        if last.is_some_and(|r| r.availability == availability) {
            return;
        }
        let id = self.availability_records.len() as Id + 1;
        self.availability_records.push(AvailabilityRecord {
            id,
            account_id,
            user_id,
            availability,
            created_at: at,
        });
    }

    pub(crate) fn bot(&self, id: Id) -> Option<&AgentBot> {
        self.agent_bots.get(id)
    }

    pub(crate) fn inbox(&self, id: Id) -> Option<&Inbox> {
        self.inboxes.get(id)
    }

    pub(crate) fn team(&self, id: Id) -> Option<&Team> {
        self.teams.get(id)
    }

    pub(crate) fn contact(&self, id: Id) -> Option<&Contact> {
        self.contacts.get(id)
    }

    pub(crate) fn contact_inbox(&self, id: Id) -> Option<&ContactInbox> {
        self.contact_inboxes.get(id)
    }

    pub(crate) fn conversation(&self, id: Id) -> Option<&Conversation> {
        self.conversations.get(id)
    }

    /// Messages of a conversation, oldest first.
    pub(crate) fn messages_of(
        &self,
        conversation_id: Id,
    ) -> impl DoubleEndedIterator<Item = &Message> {
        self.messages.thread(conversation_id).iter()
    }

    /// The agent bot that hears an inbox's events (`Inbox#active_bot?`), if it still exists.
    pub(crate) fn inbox_bot(&self, inbox_id: Id) -> Option<&AgentBot> {
        self.agent_bot_inboxes
            .of_inbox(inbox_id)
            .filter(|r| r.active)
            .and_then(|r| self.bot(r.agent_bot_id))
    }

    /// Whether a user is a member of an inbox.
    pub(crate) fn is_inbox_member(&self, inbox_id: Id, user_id: Id) -> bool {
        self.inbox_members.contains(&(inbox_id, user_id))
    }
}

/// A random token of `len` letters and digits, like Rails' `has_secure_token`.
pub(crate) fn token(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    (0..len)
        .map(|_| char::from(ALPHABET[crate::random::below(ALPHABET.len())]))
        .collect()
}

/// A random version-4 UUID.
pub(crate) fn uuid() -> String {
    let a = crate::random::u64();
    let b = crate::random::u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        ((b >> 48) & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}
