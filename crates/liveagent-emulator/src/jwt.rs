//! Web-widget session tokens as `Widget::TokenService` makes them: an HS256 JWT
//! `{"source_id", "inbox_id", "exp", "iat"}` signed with the server's secret, valid for 180 days
//! (`WIDGET_TOKEN_EXPIRY`). A token that does not verify (another key, a changed byte, expired,
//! not a JWT) reads as no token at all, as `JWT::DecodeError` does there.

use crate::store::Id;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

/// How long a token works (`WIDGET_TOKEN_EXPIRY`, days).
const LIFETIME_DAYS: i64 = 180;

/// The jwt gem's header for HS256.
const HEADER: &str = r#"{"alg":"HS256"}"#;

/// What a session token names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claims {
    /// The contact inbox's source id.
    pub source_id: String,
    /// The inbox the session was opened in.
    pub inbox_id: Id,
}

fn sign(secret: &str, signing_input: &str) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(signing_input.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// A new token for a contact inbox, issued now.
pub(crate) fn issue(secret: &str, claims: &Claims) -> String {
    let iat = crate::clock::now().floor() as i64;
    let exp = iat + LIFETIME_DAYS * 86_400;
    // Key order as the server's payload hash has it.
    let payload = format!(
        r#"{{"source_id":{},"inbox_id":{},"exp":{exp},"iat":{iat}}}"#,
        Value::String(claims.source_id.clone()),
        claims.inbox_id
    );
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(HEADER),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let signature = URL_SAFE_NO_PAD.encode(sign(secret, &input));
    format!("{input}.{signature}")
}

/// The claims of a token signed with `secret`, unexpired and for HS256; `None` otherwise.
/// A token without `exp` (issued before v4.6.0) never expires.
pub(crate) fn verify(secret: &str, token: &str) -> Option<Claims> {
    let mut parts = token.trim().split('.');
    let (header, payload, signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let given = URL_SAFE_NO_PAD.decode(signature).ok()?;
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(format!("{header}.{payload}").as_bytes());
    mac.verify_slice(&given).ok()?;
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
    if header.get("alg").and_then(Value::as_str) != Some("HS256") {
        return None;
    }
    let payload: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    if let Some(exp) = payload.get("exp")
        && exp.as_f64()? <= crate::clock::now()
    {
        return None;
    }
    Some(Claims {
        source_id: payload.get("source_id")?.as_str()?.to_owned(),
        inbox_id: payload.get("inbox_id")?.as_u64()?,
    })
}

#[cfg(test)]
mod tests {
    use super::{Claims, issue, verify};

    #[test]
    fn round_trips_and_refuses_other_keys_and_changes() {
        let claims = Claims {
            source_id: "7f2c8c67-1b4f-4f6a-9e53-1d5ab2ff44c1".into(),
            inbox_id: 5,
        };
        let token = issue("key", &claims);
        assert!(token.starts_with("eyJhbGciOiJIUzI1NiJ9."));
        assert_eq!(verify("key", &token), Some(claims));
        assert_eq!(verify("other", &token), None);
        let mut changed = token.clone();
        changed.insert(30, 'x');
        assert_eq!(verify("key", &changed), None);
        assert_eq!(verify("key", "not.a.jwt"), None);
        assert_eq!(verify("key", ""), None);
    }
}
