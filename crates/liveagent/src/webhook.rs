//! Webhooks: verifying and parsing what Live Agent posts to account webhooks, API-inbox webhook
//! URLs and agent-bot outgoing URLs. The core's [`liveagent_core::webhook`], with the system
//! clock; the names mirror the JS packages' `verifyWebhook` and `parseWebhook`.
//!
//! ```
//! use liveagent::Secret;
//! use liveagent::webhook::{self, LiveAgentEvent};
//!
//! # let secret = Secret::new("the webhook's secret");
//! # let body = br#"{"event":"contact_created","id":7,"name":"Jane","account":{"id":1,"name":"Acme"}}"#;
//! # let at = webhook::now().to_string();
//! # let signature = webhook::sign(&secret, webhook::now(), body);
//! // The raw body and the request's headers (an `http::HeaderMap` works too), as received.
//! let headers = [("X-Chatwoot-Timestamp", at.as_str()), ("X-Chatwoot-Signature", signature.as_str())];
//! if let LiveAgentEvent::ContactCreated(contact) = webhook::verify(body, headers, &secret)? {
//!     println!("new contact #{}", contact.id);
//! }
//! # Ok::<(), liveagent::webhook::WebhookError>(())
//! ```

use liveagent_core::types::Secret;
use std::time::{SystemTime, UNIX_EPOCH};

pub use liveagent_core::webhook::{
    DEFAULT_TOLERANCE, LiveAgentEvent, SIGNATURE_HEADER, TIMESTAMP_HEADER, VerifyOptions,
    WebhookError, WebhookErrorKind, check_signature, normalize, parse, sign,
};

/// Verifies a delivery against the system clock (a 300 s tolerance, lenient parsing) and
/// parses its event: `verifyWebhook(body, headers, secret)` in JS.
///
/// # Errors
/// A [`WebhookError`] whose kind says what was wrong (see [`liveagent_core::webhook::verify`]).
pub fn verify<K: AsRef<str>, V: AsRef<[u8]>>(
    body: &[u8],
    headers: impl IntoIterator<Item = (K, V)>,
    secret: &Secret,
) -> Result<LiveAgentEvent, WebhookError> {
    verify_with(body, headers, secret, &VerifyOptions::at(now()))
}

/// [`verify`] with options: the time, the tolerance, strict parsing.
///
/// # Errors
/// As [`verify`].
pub fn verify_with<K: AsRef<str>, V: AsRef<[u8]>>(
    body: &[u8],
    headers: impl IntoIterator<Item = (K, V)>,
    secret: &Secret,
    options: &VerifyOptions,
) -> Result<LiveAgentEvent, WebhookError> {
    liveagent_core::webhook::verify(body, headers, secret, options)
}

/// Now, in epoch seconds, for [`VerifyOptions::at`].
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
