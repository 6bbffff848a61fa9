//! Auto-pagination as a state machine: which params to send next, and the items of each page.
//!
//! Page numbers (`page=1,2,...`, ends on a short or empty page) and message cursors (`before` the
//! smallest id seen, newest first; or `after` the largest id seen when the first call passed
//! `after`, oldest first; ends on an empty page). Shells loop: [`Paginator::next_params`], call,
//! [`Paginator::advance`] with the normalized body, yield the items.

use crate::endpoint::{EndpointMeta, Pagination};
use crate::error::{BuildError, BuildErrorKind};
use serde_json::{Map, Value};

/// Pagination state of one listing.
#[derive(Debug, Clone)]
pub struct Paginator {
    meta: &'static EndpointMeta,
    params: Map<String, Value>,
    state: State,
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    /// Next page number, and the first item of the previous page (to stop if the server
    /// ignores `page` and repeats itself).
    Page {
        next: u64,
        last_first: Option<Value>,
    },
    /// Cursor param (`before` or `after`) and its next value (`None`: the first call).
    Cursor {
        key: &'static str,
        next: Option<u64>,
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
                    format!("{} does not paginate", meta.js_name),
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
                State::Page {
                    next: next.max(1),
                    last_first: None,
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
        })
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
            State::Page { next, .. } => {
                params.insert("page".into(), Value::from(*next));
            }
            State::Cursor { key, next } => {
                if let Some(id) = next {
                    params.insert((*key).into(), Value::from(*id));
                }
            }
        }
        Some(Value::Object(params))
    }

    /// Takes the items out of a normalized page body and moves to the next page. Items come in
    /// iteration order: for a backward cursor, newest first.
    pub fn advance(&mut self, mut body: Value) -> Vec<Value> {
        let path = match self.meta.pagination {
            Pagination::Pages { items, .. } | Pagination::Cursor { items } => items,
            Pagination::None => &[],
        };
        let mut items = match take_at(&mut body, path) {
            Value::Array(items) => items,
            _ => Vec::new(),
        };
        self.state = match std::mem::replace(&mut self.state, State::Done) {
            State::Done => State::Done,
            _ if items.is_empty() => State::Done,
            State::Page { next, last_first } => {
                let first = items.first().cloned();
                let per_page = match self.meta.pagination {
                    Pagination::Pages { per_page, .. } => per_page as usize,
                    _ => 0,
                };
                if last_first.is_some() && first == last_first {
                    // The server ignored `page`: these items were already yielded.
                    items.clear();
                    State::Done
                } else if items.len() < per_page {
                    State::Done
                } else {
                    // A page number past u64::MAX: there is no next page to ask for.
                    next.checked_add(1).map_or(State::Done, |next| State::Page {
                        next,
                        last_first: first,
                    })
                }
            }
            State::Cursor { key, next } => {
                let ids = items
                    .iter()
                    .filter_map(|item| item.get("id").and_then(as_u64));
                let edge = if key == "after" { ids.max() } else { ids.min() };
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
        items
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

fn as_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}
