//! A web-widget visitor's credentials: the inbox's `website_token`, which every widget call
//! carries as a query param, and the visitor's session token, which the server issues and reads
//! back from the `X-Auth-Token` header.
//!
//! The session token is a JWT (`{source_id, inbox_id, exp, iat}`, 180 days upstream) that names
//! the visitor's contact. `POST /api/v1/widget/config` issues one (a new contact when the call
//! carries none), and `PATCH /api/v1/widget/contact/set_user` issues another when the
//! identifier belongs to a different contact. Every call that answers with one replaces the
//! held token ([`WidgetSession::absorb`], run by [`crate::Call`] on success), so all shells
//! keep the same token the same way. The shells obtain the first one before the first call that
//! needs it ([`WidgetSession::needs_token`]), once even when several calls start together.
//!
//! A returning visitor keeps their contact and conversations by handing the token back:
//! [`WidgetSession::token`] reads it (to store it, as the official widget keeps it in a cookie)
//! and [`WidgetSession::with_token`] restores it.

use crate::endpoint::{Auth, EndpointMeta};
use crate::types::Secret;
use std::sync::{Arc, Mutex, PoisonError};

/// The header that carries the visitor's session token.
pub const SESSION_HEADER: &str = "x-auth-token";

/// The row that opens a session when the client holds no token.
pub const OPEN_SESSION_ROW: &str = "create_widget_config";

/// Where the rows that issue a session token put it in their answer, in the order tried.
const ISSUED_AT: [(&str, &[&str]); 3] = [
    (OPEN_SESSION_ROW, &["website_channel_config", "auth_token"]),
    // Servers before Chatwoot 3.3 (2023).
    (OPEN_SESSION_ROW, &["auth_token"]),
    ("set_widget_user", &["widget_auth_token"]),
];

/// The inbox's website token and the visitor's session token, shared by every clone: a client
/// and the calls it starts see one session.
#[derive(Clone)]
pub struct WidgetSession {
    website_token: String,
    token: Arc<Mutex<Option<Secret>>>,
}

impl WidgetSession {
    /// A session for the web-widget inbox whose website token is `website_token`, with no
    /// visitor yet: the first call that needs one opens it.
    pub fn new(website_token: impl Into<String>) -> Self {
        WidgetSession {
            website_token: website_token.into(),
            token: Arc::default(),
        }
    }

    /// Restores a returning visitor's session token (as [`WidgetSession::token`] gave it).
    #[must_use]
    pub fn with_token(self, token: Secret) -> Self {
        self.set_token(Some(token));
        self
    }

    /// The inbox's website token (not a secret: the page that embeds the widget shows it).
    pub fn website_token(&self) -> &str {
        &self.website_token
    }

    /// The visitor's session token, if one was issued or restored.
    pub fn token(&self) -> Option<Secret> {
        self.lock().clone()
    }

    /// Replaces the session token; `None` forgets the visitor (the next call opens a session
    /// for a new contact).
    pub fn set_token(&self, token: Option<Secret>) {
        *self.lock() = token;
    }

    /// Whether a call of `meta` must wait for a session to be opened first.
    pub fn needs_token(&self, meta: &EndpointMeta) -> bool {
        meta.auth == Auth::Widget && self.lock().is_none()
    }

    /// Keeps the session token a successful answer of `meta` carries (normalized JSON text),
    /// if its row issues one.
    pub fn absorb(&self, meta: &EndpointMeta, json: &str) {
        if !ISSUED_AT.iter().any(|(name, _)| *name == meta.name) {
            return;
        }
        let Ok(value) = crate::normalize::parse_value(json) else {
            return;
        };
        let issued = ISSUED_AT
            .iter()
            .filter(|(name, _)| *name == meta.name)
            .filter_map(|(_, path)| path.iter().try_fold(&value, |v, key| v.get(key)))
            .filter_map(serde_json::Value::as_str)
            .find(|t| crate::config::check_header_value("session token", t).is_ok());
        if let Some(token) = issued {
            self.set_token(Some(Secret::new(token)));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Secret>> {
        self.token.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl PartialEq for WidgetSession {
    fn eq(&self, other: &Self) -> bool {
        self.website_token == other.website_token && Arc::ptr_eq(&self.token, &other.token)
    }
}

impl Eq for WidgetSession {}

impl std::fmt::Debug for WidgetSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let held = if self.lock().is_some() {
            "[redacted]"
        } else {
            "none"
        };
        write!(
            f,
            "WidgetSession {{ website_token: {:?}, token: {held} }}",
            self.website_token
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> &'static EndpointMeta {
        crate::endpoint::find(name).expect("row").1
    }

    #[test]
    fn answers_that_issue_a_token_replace_the_held_one() {
        let session = WidgetSession::new("wt");
        assert!(session.needs_token(row("get_widget_contact")));
        assert!(!session.needs_token(row("list_widget_campaigns")));
        session.absorb(
            row(OPEN_SESSION_ROW),
            r#"{"website_channel_config":{"auth_token":"new"}}"#,
        );
        assert_eq!(
            session.token().map(|t| t.expose().to_owned()).as_deref(),
            Some("new")
        );
        // A server before Chatwoot 3.3 puts it at the top.
        session.absorb(
            row(OPEN_SESSION_ROW),
            r#"{"chatwoot_website_channel":{},"auth_token":"older"}"#,
        );
        assert_eq!(
            session.token().map(|t| t.expose().to_owned()).as_deref(),
            Some("older")
        );
        // `set_user` issues one only when the visitor switched identity.
        session.absorb(row("set_widget_user"), r#"{"id":1,"has_email":true}"#);
        assert_eq!(
            session.token().map(|t| t.expose().to_owned()).as_deref(),
            Some("older")
        );
        session.absorb(
            row("set_widget_user"),
            r#"{"id":2,"widget_auth_token":"switched"}"#,
        );
        assert_eq!(
            session.token().map(|t| t.expose().to_owned()).as_deref(),
            Some("switched")
        );
        // Other rows never replace it, and a token that could not travel in a header is ignored.
        session.absorb(row("get_widget_contact"), r#"{"auth_token":"nope"}"#);
        session.absorb(row(OPEN_SESSION_ROW), "{\"auth_token\":\"a\\r\\nb\"}");
        assert_eq!(
            session.token().map(|t| t.expose().to_owned()).as_deref(),
            Some("switched")
        );
        assert!(!format!("{session:?}").contains("switched"));
        // Clones share the session.
        let clone = session.clone();
        clone.set_token(None);
        assert!(session.token().is_none());
    }
}
