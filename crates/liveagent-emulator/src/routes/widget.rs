//! Web-widget API, `/api/v1/widget/...`: what a chat widget in a web page calls for its visitor.
//! The inbox's `website_token` (a query or body param) names the widget; the visitor's session
//! token (`X-Auth-Token`, a JWT naming the contact inbox) names the visitor. The session, the
//! visitor's conversations and the actions on the newest one are here; messages and new
//! conversations in `widget_messages`; the contact, labels, events, campaigns, agents and
//! uploads in `widget_contact`.

use super::World;
use super::{widget_contact, widget_messages};
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::jwt::{self, Claims};
use crate::ops;
use crate::store::{Channel, ContactInbox, Id, Inbox, Sender, WidgetSettings};
use crate::views::widget;
use serde_json::Value;

pub(super) fn route(w: &mut World, req: &Req, method: &str, rest: &[&str]) -> Res {
    match (method, rest) {
        ("POST", ["config"]) => config(w, req),
        ("GET", ["messages"]) => widget_messages::list(w, req),
        ("POST", ["messages"]) => widget_messages::create(w, req),
        ("PATCH" | "PUT", ["messages", id]) => widget_messages::update(w, req, id),
        ("GET", ["conversations"]) => {
            let v = visitor(w, req)?;
            let current = current(w, &v).map(|i| &w.store.conversations[i]);
            Ok(Reply::json(widget::conversation(current)))
        }
        ("POST", ["conversations"]) => widget_messages::create_conversation(w, req),
        ("POST", ["conversations", action]) => conversation_action(w, req, action),
        ("GET", ["conversations", "toggle_status"]) => {
            let v = visitor(w, req)?;
            let Some(index) = current(w, &v) else {
                return Ok(Reply::head(404));
            };
            if !settings(&v.inbox).has("end_conversation") {
                return Ok(Reply::head(403));
            }
            if w.store.conversations[index].status != "resolved" {
                ops::set_status(w, index, "resolved", None, None);
                super::public::survey(w, index);
            }
            Ok(Reply::ok())
        }
        _ => widget_contact::route(w, req, method, rest),
    }
}

/// The widget a request names by its `website_token`: unknown or missing is the API's 404, a
/// suspended account 401 (`WebsiteTokenHelper#set_web_widget`).
pub(super) fn widget_inbox(w: &World, req: &Req) -> Result<Inbox, Fail> {
    let token = req.str("website_token").unwrap_or_default();
    let inbox = w
        .store
        .inboxes
        .iter()
        .find(|i| matches!(&i.channel, Channel::WebWidget { website_token, .. } if *website_token == token && !token.is_empty()))
        .cloned()
        .ok_or_else(Fail::not_found)?;
    if w.store
        .account(inbox.account_id)
        .is_some_and(|a| a.status == "suspended")
    {
        return Err(Fail::error(401, "Account is suspended"));
    }
    Ok(inbox)
}

/// A web widget's own settings.
pub(super) fn settings(inbox: &Inbox) -> WidgetSettings {
    match &inbox.channel {
        Channel::WebWidget { settings, .. } => settings.clone(),
        Channel::Api { .. } => WidgetSettings::default(),
    }
}

/// The visitor of a request: the widget's inbox, the contact inbox the session token names,
/// and the inbox the token was issued for (which scopes conversations).
pub(super) struct Visitor {
    pub inbox: Inbox,
    pub ci: ContactInbox,
    pub token_inbox: Id,
}

/// The contact inbox of a valid session token, within the widget's inbox.
fn session(w: &World, req: &Req, inbox: &Inbox) -> Option<(ContactInbox, Id)> {
    let claims = jwt::verify(&w.store.widget_secret, req.widget_token.as_deref()?)?;
    let ci = w
        .store
        .contact_inboxes
        .find_by_source_id(inbox.id, &claims.source_id)?;
    w.store.contact(ci.contact_id)?;
    Some((ci.clone(), claims.inbox_id))
}

/// The visitor, or the API's 404 for a missing, invalid, expired or foreign token.
pub(super) fn visitor(w: &World, req: &Req) -> Result<Visitor, Fail> {
    let inbox = widget_inbox(w, req)?;
    let (ci, token_inbox) = session(w, req, &inbox).ok_or_else(Fail::not_found)?;
    Ok(Visitor {
        inbox,
        ci,
        token_inbox,
    })
}

/// A session token for a contact inbox, issued now.
pub(super) fn issue(w: &World, ci: &ContactInbox) -> String {
    let claims = Claims {
        source_id: ci.source_id.clone(),
        inbox_id: ci.inbox_id,
    };
    jwt::issue(&w.store.widget_secret, &claims)
}

/// Haikunator's kind of name for an anonymous visitor: `bold-river-512`.
fn visitor_name() -> String {
    const ADJECTIVES: [&str; 16] = [
        "autumn", "bold", "calm", "damp", "dawn", "frosty", "green", "lively", "misty", "old",
        "proud", "quiet", "shy", "silent", "still", "wild",
    ];
    const NOUNS: [&str; 16] = [
        "bird", "brook", "cloud", "dew", "field", "fire", "forest", "frog", "lake", "meadow",
        "moon", "pine", "river", "sea", "snow", "wind",
    ];
    let pick = |words: &[&'static str]| words[crate::random::below(words.len())];
    format!(
        "{}-{}-{}",
        pick(&ADJECTIVES),
        pick(&NOUNS),
        crate::random::below(1000)
    )
}

/// A new anonymous contact and its identity in the inbox (`ContactInboxWithContactBuilder`).
pub(super) fn new_visitor(w: &mut World, inbox: &Inbox) -> ContactInbox {
    let mut contact = ops::blank_contact(inbox.account_id);
    contact.name = visitor_name();
    let contact_id = ops::new_contact(w, contact);
    let source_id = crate::store::uuid();
    let id = ops::contact_inbox(w, contact_id, inbox.id, Some(source_id), false);
    w.store
        .contact_inbox(id)
        .cloned()
        .expect("the contact inbox was just made")
}

/// The positions of the visitor's conversations, oldest first: the contact inbox's, or for a
/// verified identity those of all the contact's verified identities in the inbox.
pub(super) fn conversations(w: &World, v: &Visitor) -> Vec<usize> {
    let identities: Vec<Id> = if v.ci.hmac_verified {
        w.store
            .contact_inboxes
            .of_contact(v.ci.contact_id)
            .filter(|ci| ci.inbox_id == v.token_inbox && ci.hmac_verified)
            .map(|ci| ci.id)
            .collect()
    } else {
        vec![v.ci.id]
    };
    let all = &w.store.conversations;
    let mut out: Vec<usize> = identities
        .iter()
        .flat_map(|id| all.positions_of_contact_inbox(*id).iter().copied())
        .filter(|&p| {
            let c = &all[p];
            c.inbox_id == v.token_inbox && (!v.ci.hmac_verified || c.contact_id == v.ci.contact_id)
        })
        .collect();
    out.sort_by_key(|&p| all[p].id);
    out
}

/// The visitor's newest conversation, whatever its status.
pub(super) fn current(w: &World, v: &Visitor) -> Option<usize> {
    conversations(w, v).last().copied()
}

/// `POST config`: reuses the visitor of a valid token, else makes one; always a new token.
fn config(w: &mut World, req: &Req) -> Res {
    let inbox = widget_inbox(w, req)?;
    let ci = match session(w, req, &inbox) {
        Some((ci, _)) => ci,
        None => new_visitor(w, &inbox),
    };
    let token = issue(w, &ci);
    let Channel::WebWidget {
        website_token,
        widget_color,
        settings,
        ..
    } = &inbox.channel
    else {
        return Err(Fail::rails_error());
    };
    let contact = w.store.contact(ci.contact_id).ok_or_else(Fail::not_found)?;
    Ok(Reply::json(widget::config(
        &w.store,
        &inbox,
        settings,
        (website_token, widget_color),
        (contact, &ci),
        &token,
    )))
}

/// The keys a param names: an array of them, or one.
pub(super) fn keys(req: &Req, key: &str) -> Vec<String> {
    match req.param(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Some(Value::String(s)) => vec![s],
        _ => Vec::new(),
    }
}

/// The `POST conversations/...` actions on the newest conversation.
fn conversation_action(w: &mut World, req: &Req, action: &str) -> Res {
    let v = visitor(w, req)?;
    let index = current(w, &v);
    match (action, index) {
        ("update_last_seen", None) => Ok(Reply::no_content()),
        ("transcript", None) => Ok(Reply::head(429)),
        ("destroy_custom_attributes" | "set_custom_attributes" | "toggle_typing", None) => {
            Ok(Reply::head(404))
        }
        ("destroy_custom_attributes", Some(index)) => {
            let gone = keys(req, "custom_attribute");
            let before = ops::snapshot(w, index);
            w.store.conversations[index]
                .custom_attributes
                .retain(|k, _| !gone.contains(k));
            ops::updated(w, index, before);
            let c = &w.store.conversations[index];
            Ok(Reply::json(widget::conversation_record(c)))
        }
        ("set_custom_attributes", Some(index)) => {
            let before = ops::snapshot(w, index);
            w.store.conversations[index].custom_attributes =
                req.object("custom_attributes").unwrap_or_default();
            ops::updated(w, index, before);
            Ok(Reply::no_content())
        }
        ("update_last_seen", Some(index)) => {
            let t = now();
            let c = &mut w.store.conversations[index];
            c.contact_last_seen_at = Some(t);
            let id = c.id;
            // `UpdateMessageStatusJob`: what the visitor was sent is read now.
            w.store
                .messages
                .iter_mut()
                .filter(|m| m.conversation_id == id && m.message_type != 0)
                .filter(|m| (m.status == "sent" || m.status == "delivered") && m.created_at <= t)
                .for_each(|m| m.status = "read".into());
            Ok(Reply::ok())
        }
        ("toggle_typing", Some(index)) => {
            let status = req.str("typing_status");
            ops::typing(
                w,
                index,
                status.as_deref(),
                Sender::Contact(v.ci.contact_id),
                false,
            );
            Ok(Reply::ok())
        }
        ("transcript", Some(index)) => {
            let c = &w.store.conversations[index];
            let has_email = w
                .store
                .contact(v.ci.contact_id)
                .is_some_and(|c| c.email.is_some());
            if has_email {
                let transcript = crate::store::Transcript {
                    account_id: c.account_id,
                    conversation_id: c.id,
                    sent_at: now(),
                };
                w.store.lifecycle.transcripts.push(transcript);
            }
            Ok(Reply::ok())
        }
        _ => Err(Fail::no_route()),
    }
}
