//! Secrets in bodies, for every API family: the keys whose values are credentials, and their
//! redaction wherever a body is shown (error bodies, `Debug` output, logs). A successful
//! result and `raw()` still give the caller what the server sent.

use serde_json::Value;

/// What a redacted value reads as.
pub const REDACTED: &str = "[redacted]";

/// Keys whose string values are credentials: user, bot and platform access tokens, webhook
/// secrets, identity-validation tokens, ActionCable `pubsub_token`s, mailbox passwords.
pub const SECRET_KEYS: &[&str] = &[
    "access_token",
    "auth_token",
    "current_password",
    "hmac_token",
    "imap_password",
    "password",
    "password_confirmation",
    "pubsub_token",
    "secret",
    "smtp_password",
    "token",
];

/// A body as text with every secret value replaced by [`REDACTED`]. A body that is not JSON
/// is returned as it came (lossy UTF-8).
pub fn redact_body(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if let Ok(mut value) = crate::normalize::parse_value(&text)
        && redact_value(&mut value)
    {
        return crate::normalize::value_text(&value);
    }
    text.into_owned()
}

/// Replaces secret values inside `value`; whether anything was replaced.
pub fn redact_value(value: &mut Value) -> bool {
    match value {
        Value::Object(map) => {
            let mut changed = false;
            for (key, item) in map.iter_mut() {
                if SECRET_KEYS.contains(&key.as_str()) && item.is_string() {
                    *item = Value::from(REDACTED);
                    changed = true;
                } else {
                    changed |= redact_value(item);
                }
            }
            changed
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |c, item| redact_value(item) | c),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_at_any_depth_and_other_bodies_are_kept() {
        let body = br#"{"id":1,"access_token":"s3cr3t","payload":{"webhooks":[{"secret":"w"}]},"name":"token"}"#;
        let shown = redact_body(body);
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("\"w\""),
            "{shown}"
        );
        assert!(shown.contains(r#""name":"token""#), "{shown}");
        assert_eq!(redact_body(b"<html>oops</html>"), "<html>oops</html>");
        assert_eq!(redact_body(br#"{"id":1}"#), r#"{"id":1}"#);
    }
}
