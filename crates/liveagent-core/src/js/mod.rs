//! The JS-facing shapes both JS packages share: client options in, results and errors out, all
//! as JSON, and the webhook functions. Living here, once, they cannot differ between the wasm
//! and the Node package.

mod cable;
mod widget;
pub use cable::{actions_json, cable_options};
use widget::widget_session;
pub use widget::{needs_widget_session, set_widget_token, widget_token};

use crate::call::{CallOptions, Success};
use crate::config::{Config, Credentials, TokenHeader};
use crate::error::{BuildError, BuildErrorKind, Error};
use crate::normalize::ParseMode;
use crate::normalize::{parse_value, string_text, value_text};
use crate::types::{Id, Secret};
use crate::webhook::{self, VerifyOptions};
use serde_json::{Map, Value};

fn bad(message: impl Into<String>) -> BuildError {
    BuildError::new(BuildErrorKind::Config, message)
}

/// Reads `ClientOptions` (`baseUrl`, `token`, `tokenKind`, `websiteToken`, `widgetToken`,
/// `odataUrl`, `odataVersion`, `accountId`, `headerSpelling`,
/// `timeout`, `deadline`, `maxRetries`, `maxRetryDelay`, `retryNonIdempotent`, `stallTimeout`,
/// `strict`).
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
        "websiteToken",
        "widgetToken",
        "odataUrl",
        "odataVersion",
        "accountId",
        "headerSpelling",
        "timeout",
        "deadline",
        "maxRetries",
        "maxRetryDelay",
        "retryNonIdempotent",
        "stallTimeout",
        "strict",
        "fetch",
    ];
    if let Some(unknown) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(bad(format!(
            "unknown client option {} (options: {})",
            string_text(unknown),
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
                "tokenKind must be user, bot or platform, not {}",
                string_text(other)
            )));
        }
    };
    let credentials = match (credentials, widget_session(o)?) {
        (credentials, None) => credentials,
        (Credentials::None, Some(session)) => Credentials::Widget(session),
        (_, Some(_)) => {
            return Err(bad(
                "give either token (the account and platform APIs) or websiteToken (the widget API), not both",
            ));
        }
    };
    config = config.with_credentials(credentials)?;
    let text = |key: &str| match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(t)) => Ok(Some(t.as_str())),
        Some(_) => Err(bad(format!("{key} must be a string"))),
    };
    let (odata_url, odata_version) = (text("odataUrl")?, text("odataVersion")?);
    if cfg!(feature = "family-odata") {
        config = config.with_odata(odata_url, odata_version)?;
    }
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
                "headerSpelling must be underscore or dashed, not {}",
                string_text(other)
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
    if let Some(t) = o.get("stallTimeout").filter(|v| !v.is_null()) {
        let ms = t
            .as_u64()
            .ok_or_else(|| bad("stallTimeout must be milliseconds (0: none)"))?;
        config.stall_timeout_ms = (ms > 0).then_some(ms);
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

/// Reads `RequestOptions` (`timeout`, `deadline`, `maxRetries`, `retryNonIdempotent`,
/// `stallTimeout`, `raw`). `signal` is
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
        "stallTimeout",
        "raw",
        "signal",
    ];
    if let Some(unknown) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(bad(format!(
            "unknown request option {} (options: {})",
            string_text(unknown),
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
        stall_timeout_ms: number("stallTimeout")?,
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
    // The normalized text goes in as it is: it is never parsed again to be written again.
    let mut o = Fields::with_capacity(success.json.len() * 2 + success.response.body.len());
    o.raw("status", &success.response.status.to_string());
    o.raw("headers", &value_text(&Value::Object(headers)));
    o.str("body", &String::from_utf8_lossy(&success.response.body));
    o.raw("data", &success.json);
    o.strs(
        "drift",
        success.drift.entries.iter().map(ToString::to_string),
    );
    o.end()
}

/// An error for JS: the fields of `LiveAgentError`.
pub fn error_json(error: &Error) -> String {
    let mut o = Fields::with_capacity(256);
    o.str("code", error.code());
    o.str("message", &error.to_string());
    match error {
        Error::Build(e) => {
            o.str("kind", e.kind.as_str());
            o.opt_str("path", e.path.as_deref());
        }
        Error::Transport(e) => {
            o.str("endpoint", &e.endpoint);
            o.str(
                "phase",
                match e.phase {
                    crate::error::TransportPhase::Connect => "connect",
                    crate::error::TransportPhase::AfterSend => "after_send",
                },
            );
        }
        Error::Timeout(e) => {
            o.str("endpoint", &e.endpoint);
            o.raw("timeout", &e.timeout_ms.to_string());
            o.raw("sent", bool_text(e.sent));
            o.raw("stalled", bool_text(e.stalled));
        }
        Error::Aborted(e) => {
            o.str("endpoint", &e.endpoint);
            o.raw("sent", bool_text(e.sent));
        }
        Error::Api(e) => {
            o.str("endpoint", &e.endpoint);
            o.raw("status", &e.status.to_string());
            o.opt_str("serverMessage", e.message.as_deref());
            o.strs("attributes", e.attributes.iter().cloned());
            o.str("body", &e.body);
            o.opt_str("requestId", e.request_id.as_deref());
            let retry_after = e.retry_after.and_then(serde_json::Number::from_f64);
            o.raw(
                "retryAfter",
                &retry_after.map_or_else(|| "null".to_owned(), |n| n.to_string()),
            );
        }
        Error::Decode(e) => {
            o.str("endpoint", &e.endpoint);
            o.raw("status", &e.status.to_string());
            o.str("path", &e.path);
            o.str("body", &e.body);
            o.opt_str("requestId", e.request_id.as_deref());
            o.strs("drift", e.drift.iter().map(ToString::to_string));
        }
        Error::Webhook(e) => {
            o.str("kind", e.kind.as_str());
            o.opt_str("path", e.path.as_deref());
            o.strs("drift", e.drift.iter().map(ToString::to_string));
        }
    }
    o.end()
}

fn bool_text(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// A JSON object written field by field, in order.
struct Fields(String);

impl Fields {
    fn with_capacity(n: usize) -> Fields {
        let mut text = String::with_capacity(n);
        text.push('{');
        Fields(text)
    }

    /// A field whose value is JSON text already.
    fn raw(&mut self, key: &str, json: &str) {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push('"');
        self.0.push_str(key);
        self.0.push_str("\":");
        self.0.push_str(json);
    }

    fn str(&mut self, key: &str, value: &str) {
        self.raw(key, &string_text(value));
    }

    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        self.raw(key, &value.map_or_else(|| "null".to_owned(), string_text));
    }

    fn strs(&mut self, key: &str, values: impl Iterator<Item = String>) {
        let list: Vec<String> = values.map(|v| string_text(&v)).collect();
        self.raw(key, &format!("[{}]", list.join(",")));
    }

    fn end(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// A value as JSON text for JS (ASCII only, so JS decodes a one-byte string).
pub fn value_json(value: &Value) -> String {
    value_text(value)
}

/// Parses JSON text from JS into a value, as a build error if it is not JSON.
///
/// # Errors
/// [`BuildErrorKind::InvalidParam`] for text that is not JSON.
pub fn parse_json(text: &str, what: &str) -> Result<Value, BuildError> {
    if text.is_empty() {
        return Ok(Value::Null);
    }
    parse_value(text).map_err(|e| {
        BuildError::new(
            BuildErrorKind::InvalidParam,
            format!("{what} are not JSON: {e}"),
        )
    })
}

/// `verifyWebhook` for JS: `headers` is the JSON array of the request's `[name, value]` pairs,
/// `options` the JSON of `{now, tolerance, strict}` (`now` in epoch seconds, which the shell
/// fills from its clock when the caller gives none). Returns the event's normalized JSON text.
///
/// # Errors
/// [`Error::Webhook`] for a refused delivery; [`Error::Build`] for options or headers that
/// are not of their form.
pub fn verify_webhook(
    body: &[u8],
    headers: &str,
    secret: &str,
    options: &str,
) -> Result<String, Error> {
    let o = webhook_options(options, &["now", "tolerance", "strict"])?;
    let now = o
        .get("now")
        .and_then(Value::as_f64)
        .filter(|n| n.is_finite())
        .ok_or_else(|| bad("now must be the time in epoch seconds (a number, or a Date)"))?;
    let mut verify = VerifyOptions::at(now.floor() as i64).mode(strict_mode(&o)?);
    if let Some(t) = o.get("tolerance").filter(|v| !v.is_null()) {
        let seconds = t
            .as_f64()
            .filter(|t| t.is_finite() && *t >= 0.0)
            .ok_or_else(|| bad("tolerance must be a number of seconds (0 or more)"))?;
        verify = verify.tolerance(seconds.floor() as u64);
    }
    let pairs = match parse_json(headers, "headers")? {
        Value::Array(items) => items,
        _ => return Err(bad("headers must be a Headers or an object").into()),
    };
    let mut list = Vec::with_capacity(pairs.len());
    for pair in &pairs {
        match pair.as_array().map(Vec::as_slice) {
            Some([Value::String(name), Value::String(value)]) => list.push((name, value)),
            _ => return Err(bad("header values must be strings").into()),
        }
    }
    let normalized = webhook::verify_normalized(body, list, &Secret::new(secret), &verify)?;
    Ok(normalized.json)
}

/// `parseWebhook` for JS: `options` the JSON of `{strict}`. Returns the event's normalized
/// JSON text.
///
/// # Errors
/// [`Error::Webhook`] for a body that is no event; [`Error::Build`] for bad options.
pub fn parse_webhook(body: &[u8], options: &str) -> Result<String, Error> {
    let o = webhook_options(options, &["strict"])?;
    Ok(webhook::normalize(body, strict_mode(&o)?)?.json)
}

fn webhook_options(options: &str, known: &[&str]) -> Result<Map<String, Value>, BuildError> {
    let o = match parse_json(options, "webhook options")? {
        Value::Null => Map::new(),
        Value::Object(o) => o,
        _ => return Err(bad("webhook options must be an object")),
    };
    if let Some(unknown) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(bad(format!(
            "unknown webhook option {} (options: {})",
            string_text(unknown),
            known.join(", ")
        )));
    }
    Ok(o)
}

fn strict_mode(o: &Map<String, Value>) -> Result<ParseMode, BuildError> {
    match o.get("strict") {
        None | Some(Value::Null) | Some(Value::Bool(false)) => Ok(ParseMode::Lenient),
        Some(Value::Bool(true)) => Ok(ParseMode::Strict),
        Some(_) => Err(bad("strict must be a boolean")),
    }
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
    let names: Vec<String> = crate::ENDPOINTS
        .iter()
        .map(|m| string_text(&m.js_name()))
        .collect();
    format!("[{}]", names.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
