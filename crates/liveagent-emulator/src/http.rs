//! Requests and replies as the route handlers see them, and the server's error bodies.

use serde_json::{Value, json};

/// A parsed request.
#[derive(Debug, Clone)]
pub(crate) struct Req {
    pub method: String,
    pub path: String,
    /// Decoded query pairs, in order; `labels[]=a` stays as key `labels[]`.
    pub query: Vec<(String, String)>,
    /// The JSON body (`Null` when empty).
    pub body: Value,
    /// The token from `api_access_token` or `Api-Access-Token`.
    pub token: Option<String>,
    /// The token of `Authorization: Bearer <token>` (the OData service's credential).
    pub bearer: Option<String>,
    /// A web-widget visitor's session token (`X-Auth-Token`).
    pub widget_token: Option<String>,
    /// The first language of `Accept-Language` (`en-US`), if any.
    pub language: Option<String>,
    /// The files of a multipart body; the params hold `{"$upload": n}` where each goes.
    pub uploads: Vec<crate::form::UploadedFile>,
}

impl Req {
    /// Path segments after the leading slash.
    pub(crate) fn segments(&self) -> Vec<&str> {
        self.path.trim_matches('/').split('/').collect()
    }

    /// A query value.
    pub(crate) fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A Rails array param: `key[]=a&key[]=b`, or `key=a,b`.
    pub(crate) fn query_list(&self, key: &str) -> Vec<String> {
        let array_key = format!("{key}[]");
        let mut out: Vec<String> = self
            .query
            .iter()
            .filter(|(k, _)| *k == array_key)
            .map(|(_, v)| v.clone())
            .collect();
        if out.is_empty()
            && let Some(v) = self.query(key)
        {
            out = v
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
        }
        out
    }

    /// A body field, else a query field (Rails merges both into `params`).
    pub(crate) fn param(&self, key: &str) -> Option<Value> {
        match self.body.get(key) {
            Some(v) => Some(v.clone()),
            None => self.query(key).map(|v| Value::String(v.to_owned())),
        }
    }

    /// A string param.
    pub(crate) fn str(&self, key: &str) -> Option<String> {
        match self.param(key)? {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// An integer param (numbers or numeric strings, as Rails casts them).
    pub(crate) fn int(&self, key: &str) -> Option<i64> {
        match self.param(key)? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// An id param.
    pub(crate) fn id(&self, key: &str) -> Option<u64> {
        self.int(key).and_then(|i| u64::try_from(i).ok())
    }

    /// A boolean param (`true`, `"true"`, `1`).
    pub(crate) fn bool(&self, key: &str) -> Option<bool> {
        match self.param(key)? {
            Value::Bool(b) => Some(b),
            Value::String(s) => Some(matches!(s.as_str(), "true" | "1")),
            Value::Number(n) => Some(n.as_i64() == Some(1)),
            _ => None,
        }
    }

    /// The files at param `key`: one file, or an array of them (`attachments[]`).
    pub(crate) fn files(&self, key: &str) -> Vec<&crate::form::UploadedFile> {
        self.files_in(self.body.get(key))
    }

    /// The files of a param value: one file, or an array of them.
    pub(crate) fn files_in(&self, value: Option<&Value>) -> Vec<&crate::form::UploadedFile> {
        let one = |v: &Value| {
            v.get(crate::form::UPLOAD_KEY)
                .and_then(Value::as_u64)
                .and_then(|i| self.uploads.get(usize::try_from(i).ok()?))
        };
        match value {
            Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
            Some(value) => one(value).into_iter().collect(),
            None => Vec::new(),
        }
    }

    /// An object param.
    pub(crate) fn object(&self, key: &str) -> Option<serde_json::Map<String, Value>> {
        match self.body.get(key)? {
            Value::Object(o) => Some(o.clone()),
            _ => None,
        }
    }

    /// An array of ids (`user_ids`).
    pub(crate) fn ids(&self, key: &str) -> Option<Vec<u64>> {
        let items = self.body.get(key)?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
                .collect(),
        )
    }

    /// An array of strings (`labels`).
    pub(crate) fn strings(&self, key: &str) -> Option<Vec<String>> {
        let items = self.body.get(key)?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        )
    }
}

/// A reply: JSON, an empty `head :ok`, or a CSV download.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Option<Value>,
    /// A `text/csv` body (instead of JSON).
    pub csv: Option<String>,
}

impl Reply {
    pub(crate) fn json(body: Value) -> Self {
        Reply {
            status: 200,
            body: Some(body),
            csv: None,
        }
    }

    /// `head :ok`: 200 with an empty body.
    pub(crate) fn ok() -> Self {
        Reply::head(200)
    }

    /// `head :no_content`.
    pub(crate) fn no_content() -> Self {
        Reply::head(204)
    }

    /// `head status`: no body.
    pub(crate) fn head(status: u16) -> Self {
        Reply {
            status,
            body: None,
            csv: None,
        }
    }

    /// A CSV file (`text/csv`).
    pub(crate) fn csv(text: String) -> Self {
        Reply {
            status: 200,
            body: None,
            csv: Some(text),
        }
    }
}

/// An error as the server renders it.
#[derive(Debug, Clone)]
pub(crate) struct Fail {
    pub status: u16,
    pub body: Value,
    /// No route matched: the answer says so in `x-emulator-no-route` (the coverage check reads
    /// it), besides Rails' own 404.
    pub unrouted: bool,
}

/// Handler result.
pub(crate) type Res = Result<Reply, Fail>;

impl Fail {
    pub(crate) fn new(status: u16, body: Value) -> Self {
        Fail {
            status,
            body,
            unrouted: false,
        }
    }

    /// No route matches: Rails' 404 for an unknown route.
    pub(crate) fn no_route() -> Self {
        Fail {
            unrouted: true,
            ..Fail::rails_not_found()
        }
    }

    /// `{"error": ...}` with a status.
    pub(crate) fn error(status: u16, message: &str) -> Self {
        Fail::new(status, json!({ "error": message }))
    }

    /// The account API's `RecordNotFound`.
    pub(crate) fn not_found() -> Self {
        Fail::error(404, "Resource could not be found")
    }

    /// Rails' own 404 (public and platform APIs do not rescue `RecordNotFound`).
    pub(crate) fn rails_not_found() -> Self {
        Fail::new(404, json!({ "status": 404, "error": "Not Found" }))
    }

    /// Rails' own 500 (an unhandled exception on the public and platform APIs).
    pub(crate) fn rails_error() -> Self {
        Fail::new(
            500,
            json!({ "status": 500, "error": "Internal Server Error" }),
        )
    }

    /// A Pundit denial (401, not 403).
    pub(crate) fn forbidden() -> Self {
        Fail::error(401, "You are not authorized to do this action")
    }

    /// `ActiveRecord::RecordInvalid`.
    pub(crate) fn invalid(message: &str, attributes: &[&str]) -> Self {
        Fail::new(422, json!({ "message": message, "attributes": attributes }))
    }

    /// `ActionController::ParameterMissing`.
    pub(crate) fn missing(param: &str) -> Self {
        Fail::error(
            422,
            &format!("param is missing or the value is empty: {param}"),
        )
    }
}

/// Parses a query string into decoded pairs.
pub(crate) fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decodes (and `+` to space, as Rack does).
pub(crate) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a URL component.
pub(crate) fn encode_component(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
