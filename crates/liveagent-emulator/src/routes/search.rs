//! Account API, global search: `/api/v1/accounts/{account_id}/search...` (`SearchService`).
//!
//! Case-insensitive substring matching like the server's `ILIKE '%q%'` (without its `%`/`_`
//! wildcards), 15 results a page, over the store's conversations, contacts and messages, with
//! the server's permission filter: agents find only their inboxes' conversations and messages.
//! There is no help center here, so `articles` is always empty.

use super::{World, can_see, page};
use crate::auth::{Bots, Scope};
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Contact, Conversation, Id, Message, Store};
use crate::views::messages::message;
use crate::views::search::{search_contact, search_conversation};
use serde_json::{Value, json};

const PER_PAGE: usize = 15;

/// How far back message search looks (`3.months.ago`).
const MESSAGE_WINDOW_SECS: f64 = 90.0 * 86_400.0;

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    let kind = match (method, rest) {
        ("GET", ["search"]) => None,
        (
            "GET",
            [
                "search",
                kind @ ("conversations" | "contacts" | "messages" | "articles"),
            ],
        ) => Some(*kind),
        _ => return Err(Fail::rails_not_found()),
    };
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let q = req.str("q").unwrap_or_default().trim().to_lowercase();
    let page_no = req.int("page");
    let store = &w.store;
    let conversations = || -> Vec<Value> {
        let with_attributes = kind.is_some();
        page(
            conversations(store, &scope, account_id, &q),
            page_no,
            PER_PAGE,
        )
        .into_iter()
        .map(|c| search_conversation(store, c, with_attributes))
        .collect()
    };
    let contacts = || -> Vec<Value> {
        page(contacts(store, account_id, &q), page_no, PER_PAGE)
            .into_iter()
            .map(search_contact)
            .collect()
    };
    let messages = || -> Vec<Value> {
        page(messages(store, &scope, account_id, &q), page_no, PER_PAGE)
            .into_iter()
            .map(|m| message(store, m, None))
            .collect()
    };
    let payload = match kind {
        Some("conversations") => json!({ "conversations": conversations() }),
        Some("contacts") => json!({ "contacts": contacts() }),
        Some("messages") => json!({ "messages": messages() }),
        Some(_) => json!({ "articles": [] }),
        None => json!({
            "conversations": conversations(),
            "contacts": contacts(),
            "messages": messages(),
            "articles": [],
        }),
    };
    Ok(Reply::json(json!({ "payload": payload })))
}

/// Whether `text` contains the (lowercased) needle, as `ILIKE '%needle%'`.
fn like(text: Option<&str>, needle: &str) -> bool {
    text.is_some_and(|t| t.to_lowercase().contains(needle))
}

fn contact_matches(c: &Contact, q: &str) -> bool {
    like(Some(&c.name), q)
        || like(c.email.as_deref(), q)
        || like(c.phone_number.as_deref(), q)
        || like(c.identifier.as_deref(), q)
}

/// `filter_conversations`: the caller's inboxes' conversations whose display id or contact
/// matches; newest first. A conversation whose contact or inbox is gone is gone on the server
/// too (inner join; inbox deletion takes its conversations).
fn conversations<'a>(
    store: &'a Store,
    scope: &Scope,
    account_id: Id,
    q: &str,
) -> Vec<&'a Conversation> {
    let mut found: Vec<&Conversation> = store
        .conversations
        .of_account(account_id)
        .filter(|c| store.inbox(c.inbox_id).is_some() && can_see(store, scope, c))
        .filter(|c| {
            store.contact(c.contact_id).is_some_and(|contact| {
                c.display_id.to_string().contains(q) || contact_matches(contact, q)
            })
        })
        .collect();
    found.sort_by(|a, b| b.created_at.total_cmp(&a.created_at).then(b.id.cmp(&a.id)));
    found
}

/// `filter_contacts`: contacts with an email, phone number or identifier (`resolved_contacts`)
/// that match; latest activity first, never-active last.
fn contacts<'a>(store: &'a Store, account_id: Id, q: &str) -> Vec<&'a Contact> {
    let present = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
    let mut found: Vec<&Contact> = store
        .contacts
        .iter()
        .filter(|c| c.account_id == account_id)
        .filter(|c| present(&c.email) || present(&c.phone_number) || present(&c.identifier))
        .filter(|c| contact_matches(c, q))
        .collect();
    found.sort_by(|a, b| match (a.last_activity_at, b.last_activity_at) {
        (Some(x), Some(y)) => y.total_cmp(&x).then(b.id.cmp(&a.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b.id.cmp(&a.id),
    });
    found
}

/// `filter_messages_with_like`: messages of the last three months (notes and activity too)
/// whose content matches, in the caller's inboxes unless they see every inbox; newest first.
fn messages<'a>(store: &'a Store, scope: &Scope, account_id: Id, q: &str) -> Vec<&'a Message> {
    let since = now() - MESSAGE_WINDOW_SECS;
    let sees_inbox = |inbox_id: Id| {
        scope.sees_all()
            || scope
                .user_id()
                .is_some_and(|u| store.is_inbox_member(inbox_id, u))
    };
    let mut found: Vec<&Message> = store
        .conversations
        .of_account(account_id)
        .filter(|c| store.inbox(c.inbox_id).is_some())
        .flat_map(|c| store.messages_of(c.id))
        .filter(|m| m.created_at >= since && sees_inbox(m.inbox_id))
        .filter(|m| like(m.content.as_deref(), q))
        .collect();
    found.sort_by(|a, b| b.created_at.total_cmp(&a.created_at).then(b.id.cmp(&a.id)));
    found
}
