//! Response parsing for every API family: status, headers and bytes in; a normalized JSON value
//! or a typed error out.

use crate::endpoint::{EndpointMeta, ResponseKind};
use crate::error::{ApiError, DecodeError, Error};
use crate::normalize::{DriftReport, ParseMode, normalize_response};
use serde_json::Value;

/// A response as any transport received it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers; names compared case-insensitively.
    pub headers: Vec<(String, String)>,
    /// The body, whole.
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `X-Request-Id` header.
    pub fn request_id(&self) -> Option<String> {
        self.header("x-request-id").map(str::to_owned)
    }
}

/// A successful response, normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The body normalized to the documented shape, as JSON text (`null` for empty responses,
    /// a JSON string for text ones): what the JS packages hand to `JSON.parse` and the native
    /// client decodes its models from.
    pub json: String,
    /// What lenient parsing repaired or kept.
    pub drift: DriftReport,
}

impl Parsed {
    /// The normalized body as a JSON value (parses [`Parsed::json`]).
    pub fn value(&self) -> Value {
        crate::normalize::parse_value(&self.json).unwrap_or_default()
    }
}

/// Parses a response of `meta`. `now_ms` (epoch milliseconds) turns an HTTP-date `Retry-After`
/// into seconds; without it only the seconds form is read.
///
/// # Errors
/// [`Error::Api`] for a non-2xx status; [`Error::Decode`] for a 2xx body that does not fit, or
/// for any drift in [`ParseMode::Strict`].
pub fn parse_response(
    meta: &EndpointMeta,
    mode: ParseMode,
    response: &RawResponse,
    now_ms: Option<i64>,
) -> Result<Parsed, Error> {
    if !(200..300).contains(&response.status) {
        return Err(api_error(meta, response, now_ms).into());
    }
    let decode_error = |path: String, message: String| DecodeError {
        status: response.status,
        path,
        message,
        drift: Vec::new(),
        body: crate::redact::redact_body(&response.body),
        request_id: response.request_id(),
        endpoint: meta.label(),
    };
    let json = match meta.response {
        ResponseKind::Empty => "null".to_owned(),
        ResponseKind::Text => {
            crate::normalize::string_text(&String::from_utf8_lossy(&response.body))
        }
        ResponseKind::Integer => {
            let text = String::from_utf8_lossy(&response.body);
            match text.trim().parse::<i64>() {
                Ok(n) => n.to_string(),
                Err(_) => {
                    return Err(decode_error("$".into(), "expected a bare integer".into()).into());
                }
            }
        }
        // A response that may be `null` may also be an empty body (`head :ok` on one branch).
        ResponseKind::Json(crate::schema::Shape::Nullable(_))
            if response.body.iter().all(u8::is_ascii_whitespace) =>
        {
            "null".to_owned()
        }
        ResponseKind::Json(shape) => {
            if response.body.iter().all(u8::is_ascii_whitespace) {
                return Err(decode_error(
                    "$".into(),
                    "expected a JSON body, found an empty body".into(),
                )
                .into());
            }
            let normalized = normalize_response(&response.body, shape)
                .map_err(|m| decode_error(m.path, m.message))?;
            let drift = normalized.drift;
            if mode == ParseMode::Strict && !drift.is_empty() {
                let first = drift
                    .entries
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let path = drift
                    .entries
                    .first()
                    .map(|d| d.path.clone())
                    .unwrap_or_default();
                let count = drift.entries.len() + drift.omitted;
                let paths: Vec<&str> = drift.entries.iter().map(|d| d.path.as_str()).collect();
                let more = if drift.omitted > 0 {
                    format!(" and {} more", drift.omitted)
                } else {
                    String::new()
                };
                let mut err = decode_error(
                    path,
                    format!(
                        "strict mode: {count} drift(s) at {}{more}; first: {first}",
                        paths.join(", ")
                    ),
                );
                err.drift = drift.entries;
                return Err(err.into());
            }
            return Ok(Parsed {
                json: normalized.json,
                drift,
            });
        }
    };
    Ok(Parsed {
        json,
        drift: DriftReport::default(),
    })
}

/// Builds the [`ApiError`] of a non-2xx response, reading every server error shape:
/// `{"error": ...}`, `{"message": ..., "attributes": [...]}`, `{"errors": [...]}`,
/// `{"description": ..., "errors": [{"field", "message"}]}`, or an empty/plain body.
pub fn api_error(meta: &EndpointMeta, response: &RawResponse, now_ms: Option<i64>) -> ApiError {
    let text = String::from_utf8_lossy(&response.body);
    let (message, attributes) = match crate::normalize::parse_value(&text) {
        Ok(Value::Object(map)) => {
            let message = map
                .get("error")
                .and_then(text_of)
                .or_else(|| map.get("message").and_then(text_of))
                .or_else(|| map.get("errors").and_then(text_of))
                .or_else(|| map.get("description").and_then(text_of));
            let attributes = map
                .get("attributes")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            (message, attributes)
        }
        Ok(Value::String(s)) if !s.is_empty() => (Some(s), Vec::new()),
        _ => {
            let plain = text.trim();
            let looks_like_text =
                !plain.is_empty() && plain.len() <= 200 && !plain.starts_with('<');
            (looks_like_text.then(|| plain.to_owned()), Vec::new())
        }
    };
    ApiError {
        status: response.status,
        message,
        attributes,
        body: crate::redact::redact_body(&response.body),
        request_id: response.request_id(),
        retry_after: response
            .header("retry-after")
            .and_then(|v| retry_after_secs(v, now_ms)),
        endpoint: meta.label(),
    }
}

/// A message from an error value: a string, a list of strings or of `{message}` objects, or an
/// object with a `message`.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|item| match item {
                    Value::Object(o) => {
                        let msg = o.get("message").and_then(text_of)?;
                        Some(match o.get("field").and_then(Value::as_str) {
                            Some(field) => format!("{field}: {msg}"),
                            None => msg,
                        })
                    }
                    other => text_of(other),
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Value::Object(o) => o.get("message").and_then(text_of),
        _ => None,
    }
}

/// Reads `Retry-After`: delay seconds, or an HTTP date (needs `now_ms`). Never negative.
pub fn retry_after_secs(value: &str, now_ms: Option<i64>) -> Option<f64> {
    let value = value.trim();
    if let Some(secs) = crate::types::parse_f64(value) {
        return (secs.is_finite() && secs >= 0.0).then_some(secs);
    }
    let date = crate::time::parse_http_date(value)?;
    let now = now_ms?;
    // Saturating: a shell's clock is never near i64's ends, but no input may panic.
    Some((date.saturating_sub(now).max(0) as f64) / 1000.0)
}
