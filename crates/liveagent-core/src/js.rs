//! The JS-facing shapes both JS packages share: client options in, results and errors out, all
//! as JSON. Living here, once, they cannot differ between the wasm and the Node package.

use crate::call::{CallOptions, Success};
use crate::config::{Config, Credentials, TokenHeader};
use crate::error::{BuildError, BuildErrorKind, Error};
use crate::normalize::ParseMode;
use crate::types::{Id, Secret};
use serde_json::{Map, Value, json};

fn bad(message: impl Into<String>) -> BuildError {
    BuildError::new(BuildErrorKind::Config, message)
}

/// Reads `ClientOptions` (`baseUrl`, `token`, `tokenKind`, `accountId`, `headerSpelling`,
/// `timeout`, `deadline`, `maxRetries`, `maxRetryDelay`, `retryNonIdempotent`, `strict`).
/// `fetch` is the shell's business.
///
/// # Errors
/// A [`BuildErrorKind::Config`] error naming the bad option.
pub fn config_from_options(options: &Value) -> Result<Config, BuildError> {
    let o = options
        .as_object()
        .ok_or_else(|| bad("client options must be an object"))?;
    let known = [
        "baseUrl",
        "token",
        "tokenKind",
        "accountId",
        "headerSpelling",
        "timeout",
        "deadline",
        "maxRetries",
        "maxRetryDelay",
        "retryNonIdempotent",
        "strict",
        "fetch",
    ];
    if let Some(unknown) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(bad(format!(
            "unknown client option {unknown:?} (options: {})",
            known.join(", ")
        )));
    }
    let base = o
        .get("baseUrl")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("baseUrl is required"))?;
    let mut config = Config::new(base)?;
    let token = match o.get("token") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) => Some(Secret::new(t.clone())),
        Some(_) => return Err(bad("token must be a string")),
    };
    let credentials = match (token, o.get("tokenKind").and_then(Value::as_str)) {
        (None, None) => Credentials::None,
        (None, Some(_)) => return Err(bad("tokenKind needs a token")),
        (Some(t), None | Some("user")) => Credentials::User(t),
        (Some(t), Some("bot")) => Credentials::AgentBot(t),
        (Some(t), Some("platform")) => Credentials::Platform(t),
        (Some(_), Some(other)) => {
            return Err(bad(format!(
                "tokenKind must be user, bot or platform, not {other:?}"
            )));
        }
    };
    config = config.with_credentials(credentials)?;
    if let Some(id) = o.get("accountId").filter(|v| !v.is_null()) {
        config.account_id = Some(Id(id
            .as_u64()
            .ok_or_else(|| bad("accountId must be a positive integer"))?));
    }
    config.token_header = match o.get("headerSpelling").and_then(Value::as_str) {
        None | Some("underscore") => TokenHeader::Underscore,
        Some("dashed") => TokenHeader::Dashed,
        Some(other) => {
            return Err(bad(format!(
                "headerSpelling must be underscore or dashed, not {other:?}"
            )));
        }
    };
    if let Some(t) = o.get("timeout").filter(|v| !v.is_null()) {
        let ms = t
            .as_u64()
            .ok_or_else(|| bad("timeout must be milliseconds (0: none)"))?;
        config.timeout_ms = (ms > 0).then_some(ms);
    }
    if let Some(t) = o.get("deadline").filter(|v| !v.is_null()) {
        let ms = t
            .as_u64()
            .ok_or_else(|| bad("deadline must be milliseconds (0: none)"))?;
        config.deadline_ms = (ms > 0).then_some(ms);
    }
    if let Some(t) = o.get("maxRetryDelay").filter(|v| !v.is_null()) {
        config.retry.max_retry_after_ms = t
            .as_u64()
            .ok_or_else(|| bad("maxRetryDelay must be milliseconds"))?;
    }
    if let Some(n) = o.get("maxRetries").filter(|v| !v.is_null()) {
        config.retry.max_retries = n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| bad("maxRetries must be a count"))?;
    }
    if let Some(b) = o.get("retryNonIdempotent").filter(|v| !v.is_null()) {
        config.retry.retry_non_idempotent = b
            .as_bool()
            .ok_or_else(|| bad("retryNonIdempotent must be a boolean"))?;
    }
    if let Some(b) = o.get("strict").filter(|v| !v.is_null()) {
        config.parse_mode = if b.as_bool().ok_or_else(|| bad("strict must be a boolean"))? {
            ParseMode::Strict
        } else {
            ParseMode::Lenient
        };
    }
    Ok(config)
}

/// Reads `RequestOptions` (`timeout`, `deadline`, `maxRetries`, `retryNonIdempotent`, `raw`). `signal` is
/// the shell's business. Returns the options and whether the raw response is wanted.
///
/// # Errors
/// A [`BuildErrorKind::Config`] error naming the bad option.
pub fn call_options(options: &Value) -> Result<(CallOptions, bool), BuildError> {
    let empty = Map::new();
    let o = match options {
        Value::Null => &empty,
        Value::Object(o) => o,
        _ => return Err(bad("request options must be an object")),
    };
    let known = [
        "timeout",
        "deadline",
        "maxRetries",
        "retryNonIdempotent",
        "raw",
        "signal",
    ];
    if let Some(unknown) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(bad(format!(
            "unknown request option {unknown:?} (options: {})",
            known.join(", ")
        )));
    }
    let number = |k: &str| -> Result<Option<u64>, BuildError> {
        match o.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| bad(format!("{k} must be a non-negative integer"))),
        }
    };
    let options = CallOptions {
        timeout_ms: number("timeout")?,
        deadline_ms: number("deadline")?,
        max_retries: number("maxRetries")?.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        retry_non_idempotent: o.get("retryNonIdempotent").and_then(Value::as_bool),
    };
    Ok((
        options,
        o.get("raw").and_then(Value::as_bool).unwrap_or(false),
    ))
}

/// A successful result for JS: the value alone, or `{status, headers, body, data, drift}` when
/// the caller asked for the raw response.
pub fn success_json(success: Success, raw: bool) -> String {
    if !raw {
        return success.json;
    }
    let headers: Map<String, Value> = success
        .response
        .headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), Value::String(v.clone())))
        .collect();
    let drift: Vec<String> = success
        .drift
        .entries
        .iter()
        .map(ToString::to_string)
        .collect();
    // The normalized text goes in as it is: it is never parsed again to be written again.
    let mut out = String::with_capacity(success.json.len() * 2 + success.response.body.len());
    out.push_str("{\"status\":");
    out.push_str(&success.response.status.to_string());
    out.push_str(",\"headers\":");
    out.push_str(&Value::Object(headers).to_string());
    out.push_str(",\"body\":");
    out.push_str(
        &Value::String(String::from_utf8_lossy(&success.response.body).into_owned()).to_string(),
    );
    out.push_str(",\"data\":");
    out.push_str(&success.json);
    out.push_str(",\"drift\":");
    out.push_str(&Value::from(drift).to_string());
    out.push('}');
    out
}

/// An error for JS: the fields of `LiveAgentError`.
pub fn error_json(error: &Error) -> String {
    let mut o = Map::new();
    o.insert("code".into(), json!(error.code()));
    o.insert("message".into(), json!(error.to_string()));
    match error {
        Error::Build(e) => {
            o.insert("kind".into(), json!(e.kind.as_str()));
            o.insert("path".into(), json!(e.path));
        }
        Error::Transport(e) => {
            o.insert("endpoint".into(), json!(e.endpoint));
            o.insert(
                "phase".into(),
                json!(match e.phase {
                    crate::error::TransportPhase::Connect => "connect",
                    crate::error::TransportPhase::AfterSend => "after_send",
                }),
            );
        }
        Error::Timeout(e) => {
            o.insert("endpoint".into(), json!(e.endpoint));
            o.insert("timeout".into(), json!(e.timeout_ms));
            o.insert("sent".into(), json!(e.sent));
        }
        Error::Aborted(e) => {
            o.insert("endpoint".into(), json!(e.endpoint));
            o.insert("sent".into(), json!(e.sent));
        }
        Error::Api(e) => {
            o.insert("endpoint".into(), json!(e.endpoint));
            o.insert("status".into(), json!(e.status));
            o.insert("serverMessage".into(), json!(e.message));
            o.insert("attributes".into(), json!(e.attributes));
            o.insert("body".into(), json!(e.body));
            o.insert("requestId".into(), json!(e.request_id));
            o.insert("retryAfter".into(), json!(e.retry_after));
        }
        Error::Decode(e) => {
            o.insert("endpoint".into(), json!(e.endpoint));
            o.insert("status".into(), json!(e.status));
            o.insert("path".into(), json!(e.path));
            o.insert("body".into(), json!(e.body));
            o.insert("requestId".into(), json!(e.request_id));
            o.insert(
                "drift".into(),
                json!(e.drift.iter().map(ToString::to_string).collect::<Vec<_>>()),
            );
        }
    }
    Value::Object(o).to_string()
}

/// Parses JSON text from JS into a value, as a build error if it is not JSON.
///
/// # Errors
/// [`BuildErrorKind::InvalidParam`] for text that is not JSON.
pub fn parse_json(text: &str, what: &str) -> Result<Value, BuildError> {
    if text.is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text).map_err(|e| {
        BuildError::new(
            BuildErrorKind::InvalidParam,
            format!("{what} are not JSON: {e}"),
        )
    })
}

/// The row at `index` of the table (JS methods dispatch by index).
///
/// # Errors
/// [`BuildErrorKind::UnknownEndpoint`] past the end of the table.
pub fn endpoint(index: u32) -> Result<&'static crate::EndpointMeta, BuildError> {
    crate::ENDPOINTS
        .get(index as usize)
        .copied()
        .ok_or_else(|| {
            BuildError::new(
                BuildErrorKind::UnknownEndpoint,
                format!("no endpoint #{index}"),
            )
        })
}

/// The camelCase names of every row, in table order: JS methods dispatch by this index.
pub fn endpoint_names() -> String {
    Value::from(
        crate::ENDPOINTS
            .iter()
            .map(|m| m.js_name)
            .collect::<Vec<_>>(),
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_and_checked() {
        let c = config_from_options(&json!({"baseUrl": "https://x.com", "token": "t", "tokenKind": "bot", "accountId": 3, "timeout": 0, "maxRetries": 5, "strict": true, "headerSpelling": "dashed"})).unwrap();
        assert_eq!(c.credentials, Credentials::AgentBot(Secret::new("t")));
        assert_eq!(
            (c.account_id, c.timeout_ms, c.retry.max_retries),
            (Some(Id(3)), None, 5)
        );
        assert_eq!(
            (c.parse_mode, c.token_header),
            (ParseMode::Strict, TokenHeader::Dashed)
        );
        for bad in [
            json!({}),
            json!({"baseUrl": "x"}),
            json!({"baseUrl": "https://x.com", "tokn": "t"}),
            json!({"baseUrl": "https://x.com", "token": 5}),
        ] {
            assert_eq!(
                config_from_options(&bad).unwrap_err().kind,
                BuildErrorKind::Config,
                "{bad}"
            );
        }
        let (o, raw) = call_options(&json!({"timeout": 50, "raw": true})).unwrap();
        assert_eq!((o.timeout_ms, raw), (Some(50), true));
        assert!(call_options(&json!({"timout": 50})).is_err());
    }
}
