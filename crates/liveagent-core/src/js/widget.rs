//! The widget visitor's session as the JS packages see it: `websiteToken` and `widgetToken` in
//! the client options, and the backend's `needsSession`, `widgetToken` and `setWidgetToken`.

use super::{bad, endpoint};
use crate::config::{Config, Credentials};
use crate::error::BuildError;
use crate::types::Secret;
use crate::widget::WidgetSession;
use serde_json::{Map, Value};

/// Whether a call of endpoint `index` must wait for the visitor's widget session to open (none,
/// or an expired one, at `now_ms`).
pub fn needs_widget_session(config: &Config, index: u32, now_ms: f64) -> bool {
    match (&config.credentials, endpoint(index)) {
        (Credentials::Widget(session), Ok(meta)) => session.needs_token(meta, now_ms as i64),
        _ => false,
    }
}

/// The visitor's widget session token, if the client has a website token and a session.
pub fn widget_token(config: &Config) -> Option<String> {
    match &config.credentials {
        Credentials::Widget(session) => session.token().map(|t| t.expose().to_owned()),
        _ => None,
    }
}

/// Replaces the visitor's widget session token (`None` forgets the visitor).
///
/// # Errors
/// [`BuildErrorKind::Config`] for a client without a website token, or a token that cannot
/// travel in a header.
pub fn set_widget_token(config: &Config, token: Option<String>) -> Result<(), BuildError> {
    let Credentials::Widget(session) = &config.credentials else {
        return Err(bad("setWidgetToken needs a client made with websiteToken"));
    };
    if let Some(t) = &token {
        crate::config::check_header_value("widget token", t)?;
    }
    session.set_token(token.map(Secret::new));
    Ok(())
}

/// The widget session of `websiteToken` and, for a returning visitor, `widgetToken`.
pub(super) fn widget_session(o: &Map<String, Value>) -> Result<Option<WidgetSession>, BuildError> {
    let text = |key: &str| match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(t)) => Ok(Some(t.clone())),
        Some(_) => Err(bad(format!("{key} must be a string"))),
    };
    match (text("websiteToken")?, text("widgetToken")?) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(bad("widgetToken needs the inbox's websiteToken")),
        (Some(website), None) => Ok(Some(WidgetSession::new(website))),
        (Some(website), Some(token)) => Ok(Some(
            WidgetSession::new(website).with_token(Secret::new(token)),
        )),
    }
}
