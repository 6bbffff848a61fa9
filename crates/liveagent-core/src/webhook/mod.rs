//! Webhooks: what Live Agent posts to account webhooks, API-inbox webhook URLs and agent-bot
//! outgoing URLs, verified and parsed, with no IO (the caller reads the body and the clock).
//!
//! A signed delivery carries `X-Chatwoot-Timestamp: <epoch seconds>` and
//! `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`
//! (`lib/webhooks/trigger.rb`). [`verify`] checks both (the MAC in constant time, the
//! timestamp within a tolerance) and parses the body into a [`LiveAgentEvent`] through the
//! same lenient normalizer as responses. [`parse`] parses without a signature: deliveries from
//! servers or webhooks without a secret, and Cognigy's CloudEvents typing feed, which is not
//! signed. Neither ever puts the secret or the body in an error.

mod reserialized;
mod signature;

pub use crate::error::{WebhookError, WebhookErrorKind};
pub use crate::models::LiveAgentEvent;

use crate::normalize::{Normalized, ParseMode, normalize_response};
use crate::schema::Schema;
use crate::types::Secret;
use signature::Signer;

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "X-Chatwoot-Signature";
/// The header that carries the signing time, in epoch seconds.
pub const TIMESTAMP_HEADER: &str = "X-Chatwoot-Timestamp";
/// How far, in seconds, a delivery's timestamp may be from now by default.
pub const DEFAULT_TOLERANCE: u64 = 300;

/// What [`verify`] needs besides the delivery: the time, and how lenient to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Now, in epoch seconds (the core reads no clock).
    pub now: i64,
    /// The largest difference between `now` and the delivery's timestamp, either way, in
    /// seconds.
    pub tolerance: u64,
    /// Whether any difference from the documented payload fails the delivery.
    pub mode: ParseMode,
}

impl VerifyOptions {
    /// Options at `now` (epoch seconds): the default tolerance, lenient parsing.
    pub fn at(now: i64) -> VerifyOptions {
        VerifyOptions {
            now,
            tolerance: DEFAULT_TOLERANCE,
            mode: ParseMode::Lenient,
        }
    }

    /// Sets the tolerance, in seconds.
    pub fn tolerance(mut self, seconds: u64) -> VerifyOptions {
        self.tolerance = seconds;
        self
    }

    /// Sets the parse mode.
    pub fn mode(mut self, mode: ParseMode) -> VerifyOptions {
        self.mode = mode;
        self
    }
}

/// Verifies a delivery and parses it into its typed event.
///
/// `headers` are the request's, in any case (`&http::HeaderMap`, `&[(&str, &str)]`, ...).
///
/// # Errors
/// A [`WebhookError`]: [`WebhookErrorKind::Signature`] for a missing, malformed or wrong
/// signature (its message says so when the body was re-serialized rather than changed),
/// [`WebhookErrorKind::Timestamp`] for a missing timestamp or one outside the tolerance,
/// [`WebhookErrorKind::Malformed`] for a body that is no webhook payload.
pub fn verify<K: AsRef<str>, V: AsRef<[u8]>>(
    body: &[u8],
    headers: impl IntoIterator<Item = (K, V)>,
    secret: &Secret,
    options: &VerifyOptions,
) -> Result<LiveAgentEvent, WebhookError> {
    check_signature(body, headers, secret, options)?;
    parse(body, options.mode)
}

/// Verifies a delivery and normalizes its body: the JSON text of the event (what the JS
/// packages hand to `JSON.parse`) and what lenient parsing repaired.
///
/// # Errors
/// As [`verify`].
pub fn verify_normalized<K: AsRef<str>, V: AsRef<[u8]>>(
    body: &[u8],
    headers: impl IntoIterator<Item = (K, V)>,
    secret: &Secret,
    options: &VerifyOptions,
) -> Result<Normalized, WebhookError> {
    check_signature(body, headers, secret, options)?;
    normalize(body, options.mode)
}

/// Parses a delivery without a signature into its typed event.
///
/// # Errors
/// [`WebhookErrorKind::Malformed`] for a body that is not JSON, not an object, holds a record
/// without its `id`, or (strict mode) differs from the documented payload.
pub fn parse(body: &[u8], mode: ParseMode) -> Result<LiveAgentEvent, WebhookError> {
    let normalized = normalize(body, mode)?;
    serde_json::from_str(&normalized.json).map_err(|e| {
        malformed(
            "$".into(),
            format!("the normalized event did not fit the Rust model: {e}"),
        )
    })
}

/// Normalizes a delivery's body without a signature: the event's JSON text and its drift.
///
/// # Errors
/// As [`parse`].
pub fn normalize(body: &[u8], mode: ParseMode) -> Result<Normalized, WebhookError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(malformed("$".into(), "the body is empty".into()));
    }
    let normalized = normalize_response(body, LiveAgentEvent::SHAPE)
        .map_err(|m| malformed(m.path, m.message))?;
    if mode == ParseMode::Strict && !normalized.drift.is_empty() {
        let drift = normalized.drift;
        let count = drift.entries.len() + drift.omitted;
        let first = drift.entries.first();
        let mut error = malformed(
            first.map(|d| d.path.clone()).unwrap_or_else(|| "$".into()),
            format!(
                "strict mode: {count} drift(s); first: {}",
                first.map(ToString::to_string).unwrap_or_default()
            ),
        );
        error.drift = drift.entries;
        return Err(error);
    }
    Ok(normalized)
}

/// Checks a delivery's signature and timestamp, not its body.
///
/// # Errors
/// [`WebhookErrorKind::Signature`] or [`WebhookErrorKind::Timestamp`], as [`verify`].
pub fn check_signature<K: AsRef<str>, V: AsRef<[u8]>>(
    body: &[u8],
    headers: impl IntoIterator<Item = (K, V)>,
    secret: &Secret,
    options: &VerifyOptions,
) -> Result<(), WebhookError> {
    use WebhookErrorKind::{Signature, Timestamp};
    let (signature, timestamp) = signed_headers(headers)?;
    let signature = signature.ok_or_else(|| {
        WebhookError::new(
            Signature,
            "no X-Chatwoot-Signature header: the delivery is not signed (a webhook, inbox or \
             bot without a secret, or a server that does not sign). Verify only deliveries you \
             expect to be signed; parse others with parseWebhook",
        )
    })?;
    let timestamp = timestamp.ok_or_else(|| {
        WebhookError::new(
            Timestamp,
            "no X-Chatwoot-Timestamp header, which the signature covers",
        )
    })?;
    let sent: i64 = timestamp
        .parse()
        .ok()
        .filter(|_| timestamp.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| WebhookError::new(Timestamp, "X-Chatwoot-Timestamp is not epoch seconds"))?;
    let mac = signature::parse_header(&signature).ok_or_else(|| {
        WebhookError::new(
            Signature,
            "X-Chatwoot-Signature is not of the form sha256=<64 hex digits>",
        )
    })?;
    if secret.expose().is_empty() {
        return Err(WebhookError::new(
            Signature,
            "the secret is empty: pass the webhook's, inbox's or agent bot's secret",
        ));
    }
    let signer = Signer::new(secret.expose().as_bytes());
    if !signer.matches(&timestamp, body, &mac) {
        let reserialized = reserialized::candidates(body)
            .iter()
            .any(|candidate| signer.matches(&timestamp, candidate, &mac));
        return Err(WebhookError::new(
            Signature,
            if reserialized {
                "the body was re-serialized: it holds the signed JSON, but not the signed bytes \
                 (JSON.parse and JSON.stringify, or a body-parsing middleware, rewrote them). \
                 Pass the raw request body: await request.arrayBuffer(), or \
                 express.raw({ type: 'application/json' })"
            } else {
                "X-Chatwoot-Signature does not match: the secret is not the one that signed \
                 this delivery, or the body is not the bytes that were signed (pass the raw \
                 request body, never a re-serialized one)"
            },
        ));
    }
    let age = options.now.saturating_sub(sent);
    if age.unsigned_abs() > options.tolerance {
        let when = if age >= 0 {
            format!("{age} s old")
        } else {
            format!("{} s in the future", age.unsigned_abs())
        };
        return Err(WebhookError::new(
            Timestamp,
            format!(
                "X-Chatwoot-Timestamp is {when}, past the {} s tolerance: a replayed or delayed \
                 delivery, or a clock that is off",
                options.tolerance
            ),
        ));
    }
    Ok(())
}

/// The value of `X-Chatwoot-Signature` for `body` sent at `timestamp` under `secret`: for
/// testing a handler with deliveries of one's own.
pub fn sign(secret: &Secret, timestamp: i64, body: &[u8]) -> String {
    Signer::new(secret.expose().as_bytes()).header(&timestamp.to_string(), body)
}

/// The signature and timestamp headers, by case-insensitive name; a header given twice with
/// different values is refused.
fn signed_headers<K: AsRef<str>, V: AsRef<[u8]>>(
    headers: impl IntoIterator<Item = (K, V)>,
) -> Result<(Option<String>, Option<String>), WebhookError> {
    let mut found: [Option<String>; 2] = [None, None];
    for (name, value) in headers {
        let name = name.as_ref();
        let (slot, kind, label) = if name.eq_ignore_ascii_case(SIGNATURE_HEADER) {
            (0, WebhookErrorKind::Signature, SIGNATURE_HEADER)
        } else if name.eq_ignore_ascii_case(TIMESTAMP_HEADER) {
            (1, WebhookErrorKind::Timestamp, TIMESTAMP_HEADER)
        } else {
            continue;
        };
        let value = std::str::from_utf8(value.as_ref())
            .map(|v| v.trim().to_owned())
            .map_err(|_| WebhookError::new(kind, format!("{label} is not text")))?;
        match &found[slot] {
            Some(first) if *first != value => {
                return Err(WebhookError::new(
                    kind,
                    format!("{label} was sent twice, with different values"),
                ));
            }
            _ => found[slot] = Some(value),
        }
    }
    let [signature, timestamp] = found;
    Ok((signature, timestamp))
}

fn malformed(path: String, message: String) -> WebhookError {
    WebhookError {
        kind: WebhookErrorKind::Malformed,
        message,
        path: Some(path),
        drift: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
