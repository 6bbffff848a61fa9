//! The request log behind `GET|DELETE /__emulator/requests`: the newest requests up to a
//! capacity, each with what became of it, secrets redacted and long bodies cut.
//!
//! Bounded so that a long run (a load test, a soak) costs the same per request at the end as at
//! the start: the oldest entries make room for new ones and are counted as `evicted`, bodies
//! beyond the body limit are cut and marked, and every lookup (by sequence number while a
//! request is answered, by path or request id for readers) goes through an index.

use hyper::header::HeaderMap;
use liveagent_core::redact::redact_body;
use serde_json::{Map, Value, json};
use std::collections::{HashMap, VecDeque};

/// Entries kept by default: more than any test reads, few enough to stay small.
pub(crate) const DEFAULT_CAPACITY: usize = 10_000;

/// Bytes of a request or response body kept by default: a page of 25 of the emulator's
/// conversations (about 58 KB) fits.
pub(crate) const DEFAULT_BODY_LIMIT: usize = 64 * 1024;

/// How much the log keeps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LogLimits {
    /// Entries; beyond it the oldest go.
    pub capacity: usize,
    /// Bytes of each body; beyond it the body is cut.
    pub body_limit: usize,
}

/// A request as it arrived, for the log.
pub(crate) struct Arrival<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    /// The headers, already redacted.
    pub headers: Value,
    pub body: LoggedBody,
}

/// A body as the log keeps it: redacted, then cut to the body limit (on a character boundary).
/// Redacting first means a cut never leaves a secret unredacted. Made before taking the log's
/// lock: redacting parses the whole body.
pub(crate) struct LoggedBody {
    text: String,
    /// The length of the whole redacted body, when it was cut.
    cut_from: Option<usize>,
}

impl LoggedBody {
    pub(crate) fn new(bytes: &[u8], limits: LogLimits) -> LoggedBody {
        let mut text = redact_widget_token(redact_body(bytes));
        let length = text.len();
        if length <= limits.body_limit {
            return LoggedBody {
                text,
                cut_from: None,
            };
        }
        let mut end = limits.body_limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        LoggedBody {
            text,
            cut_from: Some(length),
        }
    }

    /// Inserts the text under `name`; a cut body is marked with `{name}_truncated: true` and the
    /// whole body's length in bytes, `{name}_length`.
    fn insert(self, record: &mut Map<String, Value>, name: &str) {
        record.insert(name.into(), Value::String(self.text));
        if let Some(length) = self.cut_from {
            record.insert(format!("{name}_truncated"), json!(true));
            record.insert(format!("{name}_length"), json!(length));
        }
    }
}

/// The key of `set_user`'s new session token, which the SDK's list of secret keys lacks.
const WIDGET_TOKEN_KEY: &str = "widget_auth_token";

/// Hides `widget_auth_token` values too (a JSON body that has the key is rewritten).
fn redact_widget_token(text: String) -> String {
    fn hide(value: &mut Value) {
        match value {
            Value::Object(map) => map.iter_mut().for_each(|(key, item)| {
                if key == WIDGET_TOKEN_KEY && item.is_string() {
                    *item = Value::from(liveagent_core::redact::REDACTED);
                } else {
                    hide(item);
                }
            }),
            Value::Array(items) => items.iter_mut().for_each(hide),
            _ => {}
        }
    }
    if !text.contains(WIDGET_TOKEN_KEY) {
        return text;
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(mut value) => {
            hide(&mut value);
            value.to_string()
        }
        Err(_) => text,
    }
}

/// Which entries a reader asks for: `?path=`, `?method=`, `?request_id=` (all must match).
#[derive(Debug, Default)]
pub(crate) struct Selection {
    pub path: Option<String>,
    pub method: Option<String>,
    pub request_id: Option<String>,
}

impl Selection {
    /// The selection a control request's query asks for.
    pub(crate) fn from_query(pairs: Vec<(String, String)>) -> Selection {
        let mut selection = Selection::default();
        for (key, value) in pairs {
            match key.as_str() {
                "path" => selection.path = Some(value),
                "method" => selection.method = Some(value.to_ascii_uppercase()),
                "request_id" => selection.request_id = Some(value),
                _ => {}
            }
        }
        selection
    }

    fn admits(&self, entry: &Entry) -> bool {
        let field = |name: &str| entry.record.get(name).and_then(Value::as_str);
        [
            ("path", &self.path),
            ("method", &self.method),
            ("request_id", &self.request_id),
        ]
        .iter()
        .all(|(name, wanted)| wanted.as_deref().is_none_or(|w| field(name) == Some(w)))
    }
}

struct Entry {
    seq: u64,
    /// The JSON object readers see.
    record: Value,
}

/// Every request received, newest last, with what became of it: its status, `"pending"` while
/// it is being answered, `"dropped"` (the drop fault), or `"abandoned"` when the client hung up
/// first (a timeout or an abort on its side).
pub(crate) struct RequestLog {
    limits: LogLimits,
    /// Consecutive sequence numbers, oldest first.
    entries: VecDeque<Entry>,
    next_seq: u64,
    /// Entries dropped, oldest first, to stay within the capacity since the log was last cleared.
    evicted: u64,
    /// Sequence numbers of the entries of each path, oldest first.
    by_path: HashMap<String, VecDeque<u64>>,
    by_request_id: HashMap<String, u64>,
}

impl RequestLog {
    pub(crate) fn new(limits: LogLimits) -> RequestLog {
        RequestLog {
            limits,
            entries: VecDeque::with_capacity(limits.capacity.min(DEFAULT_CAPACITY)),
            next_seq: 0,
            evicted: 0,
            by_path: HashMap::new(),
            by_request_id: HashMap::new(),
        }
    }

    /// Logs a request as pending; returns its sequence number, for [`RequestLog::answered`].
    pub(crate) fn arrived(&mut self, arrival: Arrival<'_>) -> u64 {
        self.next_seq += 1;
        let seq = self.next_seq;
        let mut record = Map::new();
        record.insert("method".into(), json!(arrival.method));
        record.insert("path".into(), json!(arrival.path));
        record.insert("query".into(), json!(arrival.query));
        record.insert("headers".into(), arrival.headers);
        arrival.body.insert(&mut record, "body");
        record.insert("status".into(), json!("pending"));
        if self.entries.len() >= self.limits.capacity {
            self.evict_oldest();
        }
        if self.limits.capacity == 0 {
            self.evicted += 1;
            return seq;
        }
        self.by_path
            .entry(arrival.path.to_owned())
            .or_default()
            .push_back(seq);
        self.entries.push_back(Entry {
            seq,
            record: Value::Object(record),
        });
        seq
    }

    /// Records the answer: its status, the request id it carried, and what was sent.
    pub(crate) fn answered(
        &mut self,
        seq: u64,
        status: u16,
        request_id: Option<&str>,
        response: LoggedBody,
    ) {
        let Some(Entry {
            record: Value::Object(record),
            ..
        }) = self.entry_mut(seq)
        else {
            return;
        };
        record.insert("status".into(), json!(status));
        response.insert(record, "response");
        if let Some(id) = request_id {
            record.insert("request_id".into(), json!(id));
            self.by_request_id.insert(id.to_owned(), seq);
        }
    }

    /// Records that the connection was closed without an answer (the drop fault).
    pub(crate) fn connection_dropped(&mut self, seq: u64) {
        if let Some(entry) = self.entry_mut(seq) {
            entry.record["status"] = json!("dropped");
        }
    }

    /// Records that the client hung up before the answer, unless it was answered.
    pub(crate) fn abandoned(&mut self, seq: u64) {
        if let Some(entry) = self.entry_mut(seq)
            && entry.record["status"] == "pending"
        {
            entry.record["status"] = json!("abandoned");
        }
    }

    /// Empties the log and its eviction count.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.by_path.clear();
        self.by_request_id.clear();
        self.evicted = 0;
    }

    /// What `GET /__emulator/requests` answers: the limits, the eviction count, and the selected
    /// entries, oldest first.
    pub(crate) fn view(&self, selection: &Selection) -> Value {
        let seqs: Box<dyn Iterator<Item = u64> + '_> =
            match (&selection.request_id, &selection.path) {
                (Some(id), _) => Box::new(self.by_request_id.get(id).copied().into_iter()),
                (None, Some(path)) => {
                    Box::new(self.by_path.get(path).into_iter().flatten().copied())
                }
                (None, None) => Box::new(self.entries.iter().map(|e| e.seq)),
            };
        let requests: Vec<Value> = seqs
            .filter_map(|seq| self.entry(seq))
            .filter(|entry| selection.admits(entry))
            .map(|entry| entry.record.clone())
            .collect();
        json!({
            "capacity": self.limits.capacity,
            "body_limit": self.limits.body_limit,
            "evicted": self.evicted,
            "requests": requests,
        })
    }

    fn evict_oldest(&mut self) {
        let Some(oldest) = self.entries.pop_front() else {
            return;
        };
        self.evicted += 1;
        if let Some(path) = oldest.record["path"].as_str()
            && let Some(seqs) = self.by_path.get_mut(path)
        {
            // The oldest entry of the log is also the oldest of its path.
            seqs.pop_front();
            if seqs.is_empty() {
                self.by_path.remove(path);
            }
        }
        if let Some(id) = oldest.record["request_id"].as_str()
            && self.by_request_id.get(id) == Some(&oldest.seq)
        {
            self.by_request_id.remove(id);
        }
    }

    fn position(&self, seq: u64) -> Option<usize> {
        let first = self.entries.front()?.seq;
        let position = usize::try_from(seq.checked_sub(first)?).ok()?;
        (position < self.entries.len()).then_some(position)
    }

    fn entry(&self, seq: u64) -> Option<&Entry> {
        self.entries.get(self.position(seq)?)
    }

    fn entry_mut(&mut self, seq: u64) -> Option<&mut Entry> {
        let position = self.position(seq)?;
        self.entries.get_mut(position)
    }
}

/// Headers that carry credentials: access tokens and the widget visitor's session token.
const SECRET_HEADERS: [&str; 4] = [
    "api_access_token",
    "api-access-token",
    "x-auth-token",
    "authorization",
];

/// Request headers for the log, with the tokens' values hidden.
pub(crate) fn redacted(headers: &HeaderMap) -> Value {
    let mut out = serde_json::Map::new();
    for (name, value) in headers {
        let shown = if SECRET_HEADERS.contains(&name.as_str()) {
            "[redacted]".to_owned()
        } else {
            String::from_utf8_lossy(value.as_bytes()).into_owned()
        };
        out.insert(name.as_str().to_owned(), Value::String(shown));
    }
    Value::Object(out)
}

/// A query string for the log, with the OData service's `apikey` (an access token) hidden.
pub(crate) fn redacted_query(query: &str) -> String {
    if !query.split('&').any(|p| p.starts_with("apikey=")) {
        return query.to_owned();
    }
    query
        .split('&')
        .map(|p| {
            if p.starts_with("apikey=") {
                "apikey=[redacted]"
            } else {
                p
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}
