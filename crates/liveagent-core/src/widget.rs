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
    token: Arc<Mutex<Held>>,
}

/// The session token and where it came from.
#[derive(Default)]
struct Held {
    token: Option<Secret>,
    /// The caller handed it over (a kept token of an earlier visit), rather than the server
    /// issuing it to this client: only such a token is checked against the clock, so that a
    /// client whose clock is off never mistakes a token the server just issued for an old one.
    restored: bool,
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
        self.lock().token.clone()
    }

    /// Restores a kept session token, or with `None` forgets the visitor (the next call opens
    /// a session for a new contact).
    pub fn set_token(&self, token: Option<Secret>) {
        *self.lock() = Held {
            restored: token.is_some(),
            token,
        };
    }

    /// Whether a call of `meta` must wait for a session to be opened first: the client holds
    /// no session token, or the one it holds expired by `now_ms` (a kept token of a visit
    /// 180 days ago; the server would answer every call with 404). Opening a session then
    /// gives the visitor a new contact, as the server's own widget does.
    pub fn needs_token(&self, meta: &EndpointMeta, now_ms: i64) -> bool {
        let held = self.lock();
        meta.auth == Auth::Widget
            && match &held.token {
                None => true,
                Some(t) => held.restored && expired(t.expose(), now_ms),
            }
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
            *self.lock() = Held {
                token: Some(Secret::new(token)),
                restored: false,
            };
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Held> {
        self.token.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Whether a session token's `exp` (epoch seconds, in the JWT's payload) is past `now_ms`. A
/// token without one (servers before Chatwoot 4.6 issued them) or that is no JWT never expires
/// here: the server decides.
fn expired(token: &str, now_ms: i64) -> bool {
    // The payload is the text between the first two dots (byte positions: `str::split` costs
    // the wasm build a searcher of its own).
    let dot = |text: &str| text.bytes().position(|b| b == b'.');
    let payload = dot(token).map(|first| {
        let rest = &token[first + 1..];
        &rest[..dot(rest).unwrap_or(rest.len())]
    });
    let exp = payload
        .and_then(base64url)
        .and_then(|json| String::from_utf8(json).ok())
        .and_then(|json| crate::normalize::parse_value(&json).ok())
        .and_then(|claims| claims.get("exp").and_then(serde_json::Value::as_i64));
    exp.is_some_and(|exp| exp.saturating_mul(1000) <= now_ms)
}

/// Decodes unpadded base64url (a JWT segment). Written here rather than taken from the base64
/// crate: its engine costs 3 KB gzip in every wasm build, for one segment of a hundred bytes.
fn base64url(text: &str) -> Option<Vec<u8>> {
    let sextet = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for c in text.trim_end_matches('=').bytes() {
        bits = (bits << 6) | u32::from(sextet(c)?);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    Some(out)
}

impl PartialEq for WidgetSession {
    fn eq(&self, other: &Self) -> bool {
        self.website_token == other.website_token && Arc::ptr_eq(&self.token, &other.token)
    }
}

impl Eq for WidgetSession {}

impl std::fmt::Debug for WidgetSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let held = if self.lock().token.is_some() {
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
        assert!(session.needs_token(row("get_widget_contact"), 0));
        assert!(!session.needs_token(row("list_widget_campaigns"), 0));
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

    /// A JWT with this payload (the signature is the server's business).
    fn jwt(payload: &str) -> String {
        format!("eyJhbGciOiJIUzI1NiJ9.{}.c2ln", b64(payload))
    }

    /// Unpadded base64url, the other way.
    fn b64(text: &str) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in text.as_bytes().chunks(3) {
            let n =
                chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            }
        }
        out
    }

    #[test]
    fn base64url_round_trips() {
        for text in ["", "a", "ab", "abc", r#"{"exp":1800000000}"#, "\u{fffd}?>"] {
            assert_eq!(
                base64url(&b64(text)).as_deref(),
                Some(text.as_bytes()),
                "{text}"
            );
        }
        assert_eq!(base64url("eyJ9").as_deref(), Some(&b"{\"}"[..]));
        assert_eq!(base64url("a+b/"), None);
    }

    #[test]
    fn an_expired_session_token_is_replaced_before_the_call() {
        let now_ms = 1_800_000_000_000;
        let contact = row("get_widget_contact");
        let held = |token: String| WidgetSession::new("wt").with_token(Secret::new(token));
        assert!(
            held(jwt(
                r#"{"source_id":"s","inbox_id":5,"exp":1799999999,"iat":1}"#
            ))
            .needs_token(contact, now_ms)
        );
        assert!(
            !held(jwt(
                r#"{"source_id":"s","inbox_id":5,"exp":1800000001,"iat":1}"#
            ))
            .needs_token(contact, now_ms)
        );
        // Tokens of servers before 4.6 carry no `exp`; what is no JWT is the server's to judge.
        assert!(!held(jwt(r#"{"source_id":"s","inbox_id":5}"#)).needs_token(contact, now_ms));
        assert!(!held("opaque".into()).needs_token(contact, now_ms));
        assert!(!held("a.!!!.b".into()).needs_token(contact, now_ms));
        // Rows that need no visitor never wait for one.
        assert!(!held(jwt(r#"{"exp":1}"#)).needs_token(row("list_widget_campaigns"), now_ms));
        // A token the server issued to this client is its own judge, however off the clock is.
        let issued = WidgetSession::new("wt");
        let old = jwt(r#"{"exp":1}"#);
        issued.absorb(
            row(OPEN_SESSION_ROW),
            &format!(r#"{{"auth_token":"{old}"}}"#),
        );
        assert!(!issued.needs_token(contact, now_ms));
    }
}
