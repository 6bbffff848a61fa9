//! Live updates for the JS packages: [`Cable`](crate::cable::Cable)'s options and actions as
//! JSON, so that both packages drive the same machine from the same JS (`bindings/client.js`).

use super::{error_json, parse_json};
use crate::cable::{CableAction, CableOptions};
use crate::error::{BuildError, BuildErrorKind};
use crate::normalize::{ParseMode, string_text};
use crate::types::Secret;
use serde_json::Value;

/// `client.events(options)`'s options (JSON): `pubsubToken` (required), `accountId` and
/// `userId` (a user's subscription; leave both out for a contact's), `strict`,
/// `presenceInterval` (ms, `0` for none), `staleAfter` (ms), `maxReconnects`.
///
/// # Errors
/// [`BuildErrorKind::Config`] for a missing token or a value of the wrong type.
pub fn cable_options(options: &str) -> Result<CableOptions, BuildError> {
    let value = parse_json(options, "events options")?;
    let bad = |what: &str| BuildError::new(BuildErrorKind::Config, format!("events option {what}"));
    let token = value
        .get("pubsubToken")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            bad("pubsubToken is required: the profile's (getProfile) or the contact's pubsub_token")
        })?;
    let number = |key: &str| match value.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .map(Some)
            .ok_or_else(|| bad(&format!("{key} must be a non-negative integer"))),
    };
    let mut options = match (number("accountId")?, number("userId")?) {
        (Some(account), Some(user)) => CableOptions::user(Secret::new(token), account, user),
        (None, None) => CableOptions::contact(Secret::new(token)),
        _ => {
            return Err(bad(
                "accountId and userId go together (a user's subscription)",
            ));
        }
    };
    if value.get("strict").and_then(Value::as_bool) == Some(true) {
        options.mode = ParseMode::Strict;
    }
    if let Some(ms) = number("presenceInterval")? {
        options.presence_interval_ms = (ms > 0).then_some(ms);
    }
    if let Some(ms) = number("staleAfter")? {
        options.stale_after_ms = ms;
    }
    if let Some(n) = number("maxReconnects")? {
        options.max_reconnects = Some(u32::try_from(n).unwrap_or(u32::MAX));
    }
    Ok(options)
}

/// Actions as a JSON array: `{"send": text}`, `{"event": event}`, `{"error": fields}`,
/// `{"close": true}`, `{"reconnect": ms}`, `{"end": fields}` (error fields as `LiveAgentError`
/// takes them).
pub fn actions_json(actions: Vec<CableAction>) -> String {
    let items: Vec<String> = actions
        .into_iter()
        .map(|a| match a {
            CableAction::Send(text) => format!("{{\"send\":{}}}", string_text(&text)),
            CableAction::Event(json) => format!("{{\"event\":{json}}}"),
            CableAction::Error(e) => format!("{{\"error\":{}}}", error_json(&e)),
            CableAction::Close => "{\"close\":true}".to_owned(),
            CableAction::Reconnect { delay_ms } => format!("{{\"reconnect\":{delay_ms}}}"),
            CableAction::End(e) => format!("{{\"end\":{}}}", error_json(&e)),
        })
        .collect();
    format!("[{}]", items.join(","))
}
