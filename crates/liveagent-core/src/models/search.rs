//! Account API, global search: `/api/v1/accounts/{account_id}/search...` (`search/*.json.jbuilder`).

use super::{Message, Role};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};

model! {
    /// A contact in search results (`search/_contact.json.jbuilder`).
    pub struct SearchResultContact {
        /// Email.
        email: Option<String>,
        /// Contact id.
        id: Id,
        /// Name (may be empty).
        name: Option<String>,
        /// Phone number (E.164).
        phone_number: Option<String>,
        /// Your external id for the contact.
        identifier: Option<String>,
        /// Free-form attributes (`city`, `company_name`, ...).
        additional_attributes: JsonObject,
        /// Last activity (`null` if none).
        last_activity_at: Option<Timestamp>,
    }
}

model! {
    /// The inbox of a conversation in search results (`search/_inbox.json.jbuilder`).
    pub struct SearchResultInbox {
        /// Inbox id.
        id: Id,
        /// The channel record's id.
        channel_id: Id,
        /// Name.
        name: String,
        /// Channel type (`Channel::Api`, `Channel::WebWidget`, ...).
        channel_type: super::ChannelType,
    }
}

model! {
    /// The assigned agent of a conversation in search results (`search/_agent.json.jbuilder`).
    pub struct SearchResultAgent {
        /// User id.
        id: Id,
        /// Display name, else name.
        available_name: String,
        /// Email.
        email: String,
        /// Name.
        name: String,
        /// Role in the account.
        role: Option<Role>,
    }
}

model! {
    /// A conversation in search results (`search/_conversation_search_result.json.jbuilder`,
    /// and `search/conversations.json.jbuilder`, which adds `additional_attributes`).
    pub struct SearchResultConversation {
        /// Display id.
        id: Id,
        /// Account.
        account_id: Id,
        /// Creation time.
        created_at: Timestamp,
        /// The conversation's first message.
        message: Option<Message>,
        /// The contact (absent if it is gone).
        contact: Option<SearchResultContact>,
        /// The inbox (absent if it is gone).
        inbox: Option<SearchResultInbox>,
        /// The assigned agent (absent when unassigned or assigned to a bot).
        agent: Option<SearchResultAgent>,
        /// Conversation attributes (`search/conversations` only, not `search`).
        additional_attributes: Option<JsonObject>,
    }
}

model! {
    /// A help-center article in search results (`search/_article.json.jbuilder`).
    pub struct SearchResultArticle {
        /// Article id.
        id: Id,
        /// Title.
        title: Option<String>,
        /// Locale (`en`, ...).
        locale: Option<String>,
        /// Body (Markdown).
        content: Option<String>,
        /// URL slug.
        slug: Option<String>,
        /// The portal's slug.
        portal_slug: Option<String>,
        /// Account.
        account_id: Id,
        /// Category name (`null` if uncategorized).
        category_name: Option<String>,
        /// `draft`, `published` or `archived`.
        status: Option<String>,
        /// Last update.
        updated_at: Timestamp,
    }
}

model! {
    /// The `payload` of `GET search`: up to 15 of each kind.
    pub struct GlobalSearchPayload {
        /// Matching conversations, newest first.
        conversations: Vec<SearchResultConversation>,
        /// Matching contacts, latest activity first.
        contacts: Vec<SearchResultContact>,
        /// Matching messages, newest first.
        messages: Vec<Message>,
        /// Matching help-center articles.
        articles: Vec<SearchResultArticle>,
    }
}

model! {
    /// Body of `GET search`.
    pub struct GlobalSearchResult {
        /// One page of each kind.
        payload: GlobalSearchPayload,
    }
}

model! {
    /// The `payload` of `GET search/conversations`.
    pub struct SearchConversationsPayload {
        /// One page (15), newest first.
        conversations: Vec<SearchResultConversation> as items,
    }
}

model! {
    /// Body of `GET search/conversations`.
    pub struct GlobalSearchConversations {
        /// The page.
        payload: SearchConversationsPayload as items,
    }
}

model! {
    /// The `payload` of `GET search/contacts`.
    pub struct SearchContactsPayload {
        /// One page (15), latest activity first.
        contacts: Vec<SearchResultContact> as items,
    }
}

model! {
    /// Body of `GET search/contacts`.
    pub struct GlobalSearchContacts {
        /// The page.
        payload: SearchContactsPayload as items,
    }
}

model! {
    /// The `payload` of `GET search/messages`.
    pub struct SearchMessagesPayload {
        /// One page (15), newest first.
        messages: Vec<Message> as items,
    }
}

model! {
    /// Body of `GET search/messages`.
    pub struct GlobalSearchMessages {
        /// The page.
        payload: SearchMessagesPayload as items,
    }
}

model! {
    /// The `payload` of `GET search/articles`.
    pub struct SearchArticlesPayload {
        /// One page (15).
        articles: Vec<SearchResultArticle> as items,
    }
}

model! {
    /// Body of `GET search/articles`.
    pub struct GlobalSearchArticles {
        /// The page.
        payload: SearchArticlesPayload as items,
    }
}
