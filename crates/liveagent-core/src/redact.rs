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
    "confirmation_token",
    "current_password",
    "encrypted_password",
    "hmac_token",
    "imap_password",
    "password",
    "password_confirmation",
    "pubsub_token",
    "reset_password_token",
    "secret",
    "smtp_password",
    "token",
    "tokens",
    "widget_auth_token",
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

/// Query parameters whose values are credentials wherever a URL carries them: the platform
/// API's single-use sign-in link (`/app/login?email=...&sso_auth_token=...`).
pub const SECRET_QUERY_PARAMS: &[&str] = &["sso_auth_token"];

/// Replaces the values of [`SECRET_QUERY_PARAMS`] in a URL-like string; whether any was.
fn redact_query_params(text: &mut String) -> bool {
    let mut changed = false;
    for name in SECRET_QUERY_PARAMS {
        let mut from = 0;
        while let Some(at) = text[from..].find(name).map(|i| from + i) {
            let start = at + name.len();
            let after_separator = at == 0 || matches!(text.as_bytes()[at - 1], b'?' | b'&');
            if !after_separator || text.as_bytes().get(start) != Some(&b'=') {
                from = start;
                continue;
            }
            let value_start = start + 1;
            let value_end = text[value_start..]
                .find(['&', '#'])
                .map_or(text.len(), |i| value_start + i);
            text.replace_range(value_start..value_end, REDACTED);
            from = value_start + REDACTED.len();
            changed = true;
        }
    }
    changed
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
        Value::String(text) => redact_query_params(text),
        _ => false,
    }
}

/// A free-form map as `Debug` shows it: with every secret value redacted (the models' `extra`).
pub struct Redacted<'a>(pub &'a serde_json::Map<String, Value>);

impl std::fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut value = Value::Object(self.0.clone());
        redact_value(&mut value);
        match value {
            Value::Object(map) => map.fmt(f),
            other => other.fmt(f),
        }
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

        // The platform API's sign-in link carries its token in the query.
        let link = br#"{"url":"http://x/app/login?email=a%40b.c&sso_auth_token=T0K3N&x=1"}"#;
        let shown = redact_body(link);
        assert!(!shown.contains("T0K3N"), "{shown}");
        assert!(
            shown.contains("email=a%40b.c&sso_auth_token=[redacted]&x=1"),
            "{shown}"
        );
        let plain = br#"{"note":"my_sso_auth_token=kept, sso_auth_token without a value"}"#;
        assert!(redact_body(plain).contains("my_sso_auth_token=kept"));
    }
}
