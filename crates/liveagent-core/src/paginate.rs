//! Auto-pagination as a state machine: which params to send next, and the items of each page.
//!
//! Page numbers (`page=1,2,...`) end when the envelope's count is reached (`meta.count`, or the
//! conversation count of the requested `assignee_type`), on `has_more: false`, on an empty
//! page, or on a page whose items were all seen already (a server that ignores `page`); never
//! on a short page, since a server may use a smaller page size. Message cursors (`before` the
//! smallest id seen, newest first; or `after` the largest id seen when the first call passed
//! `after`, oldest first) end on an empty page: a short page may not be the last. OData offsets
//! (`skip` by the rows received, `top` a page) end on a page shorter than `top`. Items are
//! de-duplicated by id (a conversation that moves up a page between two requests comes back),
//! and `max_items` stops the listing after that many. Shells loop: [`Paginator::next_params`],
//! call, [`Paginator::advance`] with the normalized body, yield the items.

use crate::endpoint::{EndpointMeta, Pagination};
use crate::error::{BuildError, BuildErrorKind};
use serde_json::{Map, Value};

/// A set of item ids. It is kept in serde_json's map (the ids as keys), which the params
/// already use: the wasm build then links one B-tree instead of two (1.6 KB gzip less).
#[derive(Debug, Clone, Default)]
struct IdSet(Map<String, Value>);

impl IdSet {
    fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// Adds `id`; whether it was new.
    fn insert(&mut self, id: String) -> bool {
        self.0.insert(id, Value::Null).is_none()
    }
}

/// Pagination state of one listing.
#[derive(Debug, Clone)]
pub struct Paginator {
    meta: &'static EndpointMeta,
    params: Map<String, Value>,
    state: State,
    /// Ids of the items yielded so far.
    seen: IdSet,
    /// Items the server sent so far (duplicates included), against its count.
    received: u64,
    /// Items yielded so far.
    yielded: u64,
    max_items: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    /// Next page number.
    Page {
        next: u64,
    },
    /// Cursor param (`before` or `after`) and its next value (`None`: the first call).
    Cursor {
        key: &'static str,
        next: Option<u64>,
    },
    /// OData's `skip` of the next page, and the page size `top`.
    Offset {
        skip: u64,
        top: u64,
    },
    Done,
}

impl Paginator {
    /// Starts paginating `meta` with the caller's params. A `page` param sets the first page.
    ///
    /// # Errors
    /// [`BuildErrorKind::UnknownEndpoint`] if the endpoint does not paginate, and
    /// [`BuildErrorKind::InvalidParam`] if params are not an object or `page` is not a number.
    pub fn new(meta: &'static EndpointMeta, params: Value) -> Result<Self, BuildError> {
        let params = match params {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            _ => {
                return Err(BuildError::at(
                    BuildErrorKind::InvalidParam,
                    "$".into(),
                    "params must be an object",
                ));
            }
        };
        let state = match meta.pagination {
            Pagination::None => {
                return Err(BuildError::new(
                    BuildErrorKind::UnknownEndpoint,
                    format!("{} does not paginate", meta.js_name()),
                ));
            }
            Pagination::Pages { .. } => {
                let next = match params.get("page") {
                    None | Some(Value::Null) => 1,
                    Some(v) => as_u64(v).ok_or_else(|| {
                        BuildError::at(
                            BuildErrorKind::InvalidParam,
                            "$.page".into(),
                            "page must be a positive integer",
                        )
                    })?,
                };
                State::Page { next: next.max(1) }
            }
            Pagination::Offset { .. } => {
                let number = |key: &str, default: u64| match params.get(key) {
                    None | Some(Value::Null) => Ok(default),
                    Some(v) => as_u64(v).ok_or_else(|| {
                        BuildError::at(
                            BuildErrorKind::InvalidParam,
                            format!("$.{key}"),
                            format!("{key} must be a non-negative integer"),
                        )
                    }),
                };
                State::Offset {
                    skip: number("skip", 0)?,
                    top: number("top", crate::odata::DEFAULT_TOP)?.max(1),
                }
            }
            Pagination::Cursor { .. } => {
                let forward = params.get("after").is_some_and(|v| !v.is_null());
                State::Cursor {
                    key: if forward { "after" } else { "before" },
                    next: None,
                }
            }
        };
        Ok(Paginator {
            meta,
            params,
            state,
            seen: IdSet::default(),
            received: 0,
            yielded: 0,
            max_items: None,
        })
    }

    /// Ends the listing after `max_items` items (`None`: every item).
    #[must_use]
    pub fn max_items(mut self, max_items: Option<u64>) -> Self {
        self.max_items = max_items;
        if max_items == Some(0) {
            self.state = State::Done;
        }
        self
    }

    /// The endpoint being paginated.
    pub fn meta(&self) -> &'static EndpointMeta {
        self.meta
    }

    /// Params of the next request, or `None` when the listing is over.
    pub fn next_params(&self) -> Option<Value> {
        let mut params = self.params.clone();
        match &self.state {
            State::Done => return None,
            State::Page { next } => {
                params.insert("page".into(), Value::from(*next));
            }
            State::Cursor { key, next } => {
                if let Some(id) = next {
                    params.insert((*key).into(), Value::from(*id));
                }
            }
            State::Offset { skip, top } => {
                params.insert("skip".into(), Value::from(*skip));
                params.insert("top".into(), Value::from(*top));
            }
        }
        Some(Value::Object(params))
    }

    /// Takes the items out of a normalized page body and moves to the next page. Items come in
    /// iteration order: for a backward cursor, newest first.
    pub fn advance(&mut self, mut body: Value) -> Vec<Value> {
        let path = match self.meta.pagination {
            Pagination::Pages { items, .. }
            | Pagination::Cursor { items }
            | Pagination::Offset { items } => items,
            Pagination::None => &[],
        };
        let (total, has_more) = self.counts(&body, path);
        let mut items = match take_at(&mut body, path) {
            Value::Array(items) => items,
            _ => Vec::new(),
        };
        let ids: Vec<Option<String>> = items.iter().map(id_of).collect();
        let repeated = !ids.is_empty()
            && ids
                .iter()
                .all(|id| id.as_ref().is_some_and(|id| self.seen.contains(id)));
        self.received = self.received.saturating_add(items.len() as u64);
        self.state = match std::mem::replace(&mut self.state, State::Done) {
            State::Done => State::Done,
            _ if items.is_empty() => State::Done,
            // The server ignored `page` (or the cursor): these items were already yielded.
            _ if repeated => State::Done,
            State::Page { next } => {
                let complete = total.is_some_and(|total| self.received >= total);
                if complete || has_more == Some(false) {
                    State::Done
                } else {
                    // A page number past u64::MAX: there is no next page to ask for.
                    next.checked_add(1)
                        .map_or(State::Done, |next| State::Page { next })
                }
            }
            // A short page is the last: the service fills every page up to `top`.
            State::Offset { top, .. } if (items.len() as u64) < top => State::Done,
            State::Offset { skip, top } => skip
                .checked_add(items.len() as u64)
                .map_or(State::Done, |skip| State::Offset { skip, top }),
            State::Cursor { key, next } => {
                let numeric = items
                    .iter()
                    .filter_map(|item| item.get("id").and_then(as_u64));
                let edge = if key == "after" {
                    numeric.max()
                } else {
                    numeric.min()
                };
                if key == "before" {
                    items.reverse();
                }
                match edge {
                    // A cursor that does not move would loop forever.
                    Some(id) if next != Some(id) => State::Cursor {
                        key,
                        next: Some(id),
                    },
                    _ => State::Done,
                }
            }
        };
        if repeated {
            items.clear();
        }
        // An item that moved up a page between two requests comes back: yield it once.
        items.retain(|item| id_of(item).is_none_or(|id| self.seen.insert(id)));
        if let Some(max) = self.max_items {
            let left = usize::try_from(max.saturating_sub(self.yielded)).unwrap_or(usize::MAX);
            if items.len() >= left {
                items.truncate(left);
                self.state = State::Done;
            }
        }
        self.yielded = self.yielded.saturating_add(items.len() as u64);
        items
    }

    /// The envelope's item count and `has_more`, from the `meta` beside the items: `count`
    /// (contacts), `total_count` (attachments), `total_entries`, or the conversation count of the
    /// requested assignee type.
    fn counts(&self, body: &Value, items_path: &[&str]) -> (Option<u64>, Option<bool>) {
        let parent = items_path
            .split_last()
            .map_or(&[][..], |(_, parent)| parent)
            .iter()
            .try_fold(body, |node, key| node.get(*key));
        let Some(meta) = parent.and_then(|p| p.get("meta")) else {
            return (None, None);
        };
        let assignee = self.params.get("assignee_type").and_then(Value::as_str);
        let conversations = match assignee {
            Some("me" | "mine") => "mine_count",
            Some("unassigned") => "unassigned_count",
            Some("assigned") => "assigned_count",
            _ => "all_count",
        };
        let total = ["count", "total_count", "total_entries", conversations]
            .iter()
            .find_map(|key| meta.get(*key).and_then(as_u64));
        (total, meta.get("has_more").and_then(Value::as_bool))
    }

    /// Whether the listing is over.
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }
}

fn take_at(body: &mut Value, path: &[&str]) -> Value {
    let mut node = body;
    for key in path {
        match node.get_mut(*key) {
            Some(next) => node = next,
            None => return Value::Null,
        }
    }
    node.take()
}

/// An item's id as a key, for de-duplication.
fn id_of(item: &Value) -> Option<String> {
    match item.get("id")? {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn as_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}
