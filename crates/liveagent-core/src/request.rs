//! Request building for every API family: params in, a plain [`HttpRequest`] value out.
//!
//! The params arrive as JSON (serialized from a Rust params struct, or passed by a JS caller),
//! are validated against the row's params shape, and are placed into the path (percent-encoded),
//! the query (Rails style) and the body. Nothing is sent from here.

use crate::config::{Config, USER_AGENT};
use crate::endpoint::{EndpointMeta, Family, Method};
use crate::error::{BuildError, BuildErrorKind};
use crate::normalize::{FILE_KEY, PathNode, normalize_input};
use crate::schema::{Place, Shape};
use crate::signing::{base_url, credentials_for};
use serde_json::{Map, Value};
use std::fmt;

/// The longest URL the SDK sends.
pub const MAX_URL_BYTES: usize = 8_192;

/// A request ready for any transport.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Absolute URL.
    pub url: String,
    /// Headers, in sending order. Names are lowercase except the token header's chosen spelling.
    pub headers: Vec<(&'static str, String)>,
    /// Body.
    pub body: Body,
    /// Name of the token header among `headers`, if one is sent (for redaction).
    pub(crate) token_header: Option<&'static str>,
}

/// A request body. Its `Debug` redacts secret values (`password`, `secret`, ...).
#[derive(Clone, PartialEq, Eq)]
pub enum Body {
    /// No body.
    None,
    /// A JSON document (`content-type: application/json` is among the headers).
    Json(String),
    /// `multipart/form-data` parts; the transport encodes them (see [`crate::multipart`]).
    Multipart(Vec<Part>),
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Form field name, Rails style (`attachments[]`, `profile[name]`).
    pub name: String,
    /// Its value.
    pub value: PartValue,
}

/// The value of a multipart [`Part`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartValue {
    /// A text field.
    Text(String),
    /// The file at this index of the call's file list.
    File(usize),
}

impl HttpRequest {
    /// The request as text with the token replaced by `[redacted]`: for logs and snapshots.
    pub fn redacted(&self) -> String {
        let mut out = format!("{} {}\n", self.method.as_str(), self.url);
        for (name, value) in &self.headers {
            let shown = if Some(*name) == self.token_header {
                "[redacted]"
            } else {
                value
            };
            out.push_str(&format!("{name}: {shown}\n"));
        }
        match &self.body {
            Body::None => {}
            Body::Json(json) => {
                out.push('\n');
                out.push_str(&crate::redact::redact_body(json.as_bytes()));
                out.push('\n');
            }
            Body::Multipart(parts) => {
                out.push('\n');
                for part in parts {
                    match &part.value {
                        PartValue::Text(_) if is_secret_part(&part.name) => {
                            out.push_str(&format!("{}={}\n", part.name, crate::redact::REDACTED));
                        }
                        PartValue::Text(t) => out.push_str(&format!("{}={t}\n", part.name)),
                        PartValue::File(i) => out.push_str(&format!("{}=<file #{i}>\n", part.name)),
                    }
                }
            }
        }
        out
    }

    /// The value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::None => f.write_str("None"),
            Body::Json(json) => write!(f, "Json({})", crate::redact::redact_body(json.as_bytes())),
            Body::Multipart(parts) => write!(f, "Multipart({} parts)", parts.len()),
        }
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// Builds the request of `meta` from JSON params.
///
/// # Errors
/// A [`BuildError`] when the client lacks the credentials the endpoint takes, or when a param is
/// missing, unknown, or of the wrong type. The error names the param by its JSON path.
pub fn build_request(
    config: &Config,
    meta: &EndpointMeta,
    params: Value,
) -> Result<HttpRequest, BuildError> {
    let signed = credentials_for(config, meta)?;
    // Config's fields are public: check the token here too, not only in with_credentials.
    if let Some((_, token)) = &signed.header {
        crate::config::check_header_value("token", token)?;
    }
    let mut given = match params {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        other => {
            return Err(BuildError::at(
                BuildErrorKind::InvalidParam,
                "$".into(),
                format!(
                    "params must be an object, found {}",
                    crate::normalize::json_type(&other)
                ),
            ));
        }
    };
    if let Some(unknown) = given
        .keys()
        .find(|k| !meta.params.fields.iter().any(|f| f.name == k.as_str()))
    {
        let accepted: Vec<&str> = meta.params.fields.iter().map(|f| f.name).collect();
        return Err(BuildError::at(
            BuildErrorKind::UnknownParam,
            PathNode::ROOT.key(unknown).render(),
            format!(
                "{} takes no param {} (it takes: {})",
                meta.js_name(),
                crate::normalize::string_text(unknown),
                accepted.join(", ")
            ),
        ));
    }

    let mut path = String::with_capacity(meta.path.len() + 16);
    let mut query = Vec::new();
    let mut body = Map::new();
    let mut rest = meta.path;
    let mut path_values = Map::new();

    for field in meta.params.fields {
        let node = PathNode::ROOT.key(field.name);
        let value = match given.remove(field.name) {
            Some(Value::Null) if field.place == Place::Body && field.is_optional() => {
                Some(Value::Null)
            }
            Some(Value::Null) | None => None,
            Some(mut v) => {
                let shape = match field.shape() {
                    Shape::Nullable(inner) => inner,
                    other => other,
                };
                normalize_input(&mut v, shape, &node)
                    .map_err(|m| BuildError::at(BuildErrorKind::InvalidParam, m.path, m.message))?;
                Some(v)
            }
        };
        let value = match value {
            Some(v) => v,
            None if field.place == Place::Path
                && field.name == "account_id"
                && meta.family() == Family::Account =>
            {
                match config.account_id {
                    Some(id) => Value::from(id.get()),
                    None => {
                        return Err(BuildError::at(
                            BuildErrorKind::MissingParam,
                            node.render(),
                            "account_id is required: pass it in the params or set the client's accountId".to_string(),
                        ));
                    }
                }
            }
            None if field.place == Place::Path
                && field.name == "version"
                && meta.family() == Family::Odata =>
            {
                Value::from(config.odata_version)
            }
            None if field.is_optional() => continue,
            None => {
                return Err(BuildError::at(
                    BuildErrorKind::MissingParam,
                    node.render(),
                    format!("{} is required by {}", field.name, meta.js_name()),
                ));
            }
        };
        match field.place {
            Place::Path => {
                path_values.insert(field.name.to_owned(), value);
            }
            Place::Query => query.push((field.name, value)),
            Place::Body => {
                body.insert(field.name.to_owned(), value);
            }
        }
    }

    // Fill the template; the table's compile-time check guarantees every `{name}` is a path field.
    while let Some(open) = rest.find('{') {
        path.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let name = &rest[open + 1..close];
        let value = path_values.get(name).unwrap_or(&Value::Null);
        push_segment(&mut path, name, value)?;
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    path.push_str(rest);

    let base = base_url(config, meta)?;
    let mut url = String::with_capacity(base.len() + path.len() + 32);
    url.push_str(&base);
    url.push_str(&path);
    let mut pairs = Vec::new();
    if let Some(website_token) = signed.website_token {
        pairs.push(("website_token".to_owned(), website_token.to_owned()));
    }
    // The `cfg!` lets builds without OData rows (the widget build) leave its code out.
    if cfg!(feature = "family-odata") && meta.family() == Family::Odata {
        pairs = crate::odata::query_pairs(&query)?;
    } else {
        for (name, value) in &query {
            rails_pairs(name, value, &mut pairs);
        }
    }
    for (i, (key, value)) in pairs.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        encode_into(&mut url, key, true);
        url.push('=');
        encode_into(&mut url, value, false);
    }
    // Past this, servers and proxies refuse the request line (nginx and Puma at 8 KiB), and
    // runtimes differ in how (a transport error natively, a 414 through fetch): one answer,
    // before sending.
    if url.len() > MAX_URL_BYTES {
        return Err(BuildError::new(
            BuildErrorKind::InvalidParam,
            format!(
                "the URL would be {} bytes; servers refuse more than {MAX_URL_BYTES} (is a param too long?)",
                url.len()
            ),
        ));
    }

    let mut headers: Vec<(&'static str, String)> = vec![("accept", "application/json".into())];
    // An endpoint whose contract has a body gets one (`{}` when no field is set): the spec marks
    // some of those bodies required, and an empty object means the same to the server.
    let sends_body = matches!(meta.method, Method::POST | Method::PUT | Method::PATCH)
        && meta.params.fields.iter().any(|f| f.place == Place::Body);
    let body = if body.is_empty() && !sends_body {
        Body::None
    } else if body.values().any(has_file) {
        let mut parts = Vec::new();
        for (name, value) in &body {
            multipart_parts(name, value, &mut parts);
        }
        Body::Multipart(parts)
    } else {
        headers.push(("content-type", "application/json".into()));
        Body::Json(crate::normalize::value_text(&Value::Object(body)))
    };
    headers.push(("user-agent", USER_AGENT.into()));
    let token_header = signed.header.map(|(name, token)| {
        headers.push((name, token));
        name
    });
    Ok(HttpRequest {
        method: meta.method,
        url,
        headers,
        body,
        token_header,
    })
}

/// Appends one path segment, percent-encoded so that it can never change the route.
fn push_segment(path: &mut String, name: &str, value: &Value) -> Result<(), BuildError> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    if text.is_empty() || text == "." || text == ".." {
        return Err(BuildError::at(
            BuildErrorKind::InvalidParam,
            PathNode::ROOT.key(name).render(),
            format!("{name} must be a non-empty identifier other than \".\" or \"..\""),
        ));
    }
    encode_into(path, &text, false);
    Ok(())
}

/// Flattens one query param into Rails' `key[]=v` / `key[sub]=v` pairs.
fn rails_pairs(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((prefix.to_owned(), b.to_string())),
        Value::Number(n) => out.push((prefix.to_owned(), n.to_string())),
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        Value::Array(items) => {
            let key = format!("{prefix}[]");
            for item in items {
                rails_pairs(&key, item, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                rails_pairs(&format!("{prefix}[{k}]"), v, out);
            }
        }
    }
}

fn has_file(value: &Value) -> bool {
    match value {
        Value::Object(map) if map.len() == 1 && map.contains_key(FILE_KEY) => true,
        Value::Object(map) => map.values().any(has_file),
        Value::Array(items) => items.iter().any(has_file),
        _ => false,
    }
}

/// Flattens one body field into multipart parts, Rails style. An array of plain values goes as
/// `name[]` parts (Rails reads them as the array: a widget message's `labels`); objects and
/// arrays of objects without files inside go as one JSON text part, which is how Chatwoot's
/// forms take structured values.
fn multipart_parts(name: &str, value: &Value, out: &mut Vec<Part>) {
    match value {
        Value::Null => {}
        Value::Object(map) if map.len() == 1 && map.contains_key(FILE_KEY) => {
            let index = map
                .get(FILE_KEY)
                .and_then(Value::as_u64)
                .unwrap_or_default();
            out.push(Part {
                name: name.to_owned(),
                value: PartValue::File(usize::try_from(index).unwrap_or(usize::MAX)),
            });
        }
        Value::Array(items) if has_file(value) || items.iter().all(is_plain) => {
            let key = format!("{name}[]");
            for item in items {
                multipart_parts(&key, item, out);
            }
        }
        Value::Object(map) if has_file(value) => {
            for (k, v) in map {
                multipart_parts(&format!("{name}[{k}]"), v, out);
            }
        }
        Value::String(s) => out.push(Part {
            name: name.to_owned(),
            value: PartValue::Text(s.clone()),
        }),
        other => out.push(Part {
            name: name.to_owned(),
            value: PartValue::Text(crate::normalize::value_text(other)),
        }),
    }
}

fn is_plain(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// Percent-encodes `text` (RFC 3986 unreserved characters stay; `[`, `]` and `$` too in query
/// keys).
fn encode_into(out: &mut String, text: &str, is_key: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'~' | b'.')
            // `$` too: OData's `$filter` (services have refused `%24top`).
            || (is_key && matches!(b, b'[' | b']' | b'$'));
        if keep {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Whether a multipart field (`user[password]`, `secret`) carries a credential.
fn is_secret_part(name: &str) -> bool {
    let last = name
        .rsplit('[')
        .next()
        .unwrap_or(name)
        .trim_end_matches(']');
    crate::redact::SECRET_KEYS.contains(&last)
}
