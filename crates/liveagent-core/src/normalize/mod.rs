//! Lenient-in, exact-out: walks a JSON value against a [`Shape`] and rewrites it in place.
//!
//! Responses ([`stream`], one pass over the body bytes): ids given as strings become numbers, timestamps become epoch
//! seconds, enum codes become their names, absent fields become `null`, unknown fields are kept.
//! Each repair is recorded as [`Drift`]; strict mode turns any drift into an error. Only a
//! record without its `id`, an envelope without its items, or a body of the wrong kind fails
//! a lenient call. Params ([`input`]): the same shapes validate what a caller passed, exactly.

mod input;
mod reader;
mod scalar;
mod stream;
mod value;

pub(crate) use input::normalize_input;
pub(crate) use value::{parse_value, string_text, value_text};

use crate::schema::{Shape, UnionShape};
use serde_json::Value;
use std::fmt;

/// How much a response may differ from the documented shape.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ParseMode {
    /// Repair what can be repaired, keep unknown data, and report it as drift.
    #[default]
    Lenient,
    /// Fail on any drift: for users testing their own tenant against the documented API.
    Strict,
}

/// One difference between a response and the documented shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// Where, as a JSON path (`$.data.payload[0].id`).
    pub path: String,
    /// What.
    pub kind: DriftKind,
}

/// The kinds of [`Drift`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DriftKind {
    /// A field the SDK does not model; kept as it came.
    UnknownField,
    /// An enum value the SDK does not know; kept as a string.
    UnknownValue(String),
    /// A value of another JSON type that was converted (e.g. `"42"` for an id).
    Coerced {
        /// What the SDK expected.
        expected: String,
        /// The JSON type that came.
        found: &'static str,
    },
    /// A value of the wrong type that could not be converted; replaced with `null` (a list or
    /// a map with an empty one).
    Dropped {
        /// What the SDK expected.
        expected: String,
        /// The JSON type that came.
        found: &'static str,
    },
    /// A field the documented shape requires was absent: `null` in the result (an empty map
    /// for a map). Older servers lack fields added since.
    Missing {
        /// What the SDK expected.
        expected: String,
    },
    /// A field the documented shape requires was `null`: kept `null` (a list or map becomes
    /// an empty one).
    Null {
        /// What the SDK expected.
        expected: String,
    },
    /// A key that came twice in one object: the first is kept.
    Duplicate,
    /// A list item, map value or union member that fits no declared shape: kept as it came.
    Kept {
        /// What the SDK expected.
        expected: String,
        /// The JSON type that came.
        found: &'static str,
    },
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DriftKind::UnknownField => {
                write!(f, "{}: field not in the documented shape", self.path)
            }
            DriftKind::UnknownValue(v) => {
                write!(f, "{}: unknown enum value {}", self.path, string_text(v))
            }
            DriftKind::Coerced { expected, found } => {
                write!(
                    f,
                    "{}: expected {expected}, found {found} (converted)",
                    self.path
                )
            }
            DriftKind::Dropped { expected, found } => {
                write!(
                    f,
                    "{}: expected {expected}, found {found} (replaced with null)",
                    self.path
                )
            }
            DriftKind::Missing { expected } => {
                write!(f, "{}: missing (expected {expected}; null)", self.path)
            }
            DriftKind::Null { expected } => {
                write!(f, "{}: null (expected {expected})", self.path)
            }
            DriftKind::Duplicate => write!(f, "{}: duplicate key (the first is kept)", self.path),
            DriftKind::Kept { expected, found } => {
                write!(
                    f,
                    "{}: expected {expected}, found {found} (kept as it came)",
                    self.path
                )
            }
        }
    }
}

/// A value that does not fit its shape and cannot be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Where, as a JSON path.
    pub path: String,
    /// What was expected and what came.
    pub message: String,
}

/// At most this many drift entries are kept per response; the rest are counted.
pub const MAX_DRIFT: usize = 64;

/// Collected drift of one walk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DriftReport {
    /// The first [`MAX_DRIFT`] entries.
    pub entries: Vec<Drift>,
    /// How many more there were.
    pub omitted: usize,
}

impl DriftReport {
    /// No drift at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn push(&mut self, drift: Drift) {
        if self.entries.len() < MAX_DRIFT {
            self.entries.push(drift);
        } else {
            self.omitted += 1;
        }
    }
}

/// A response body, normalized: JSON text of the documented shape, and what was repaired.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    /// The normalized JSON text: the wire's key order, declared fields the server left out
    /// added (as `null`, or an empty list or map), every non-ASCII character as a `\u` escape.
    pub json: String,
    /// What lenient parsing repaired or kept.
    pub drift: DriftReport,
}

/// Normalizes a response body in one pass over its bytes, without building a tree. Fails on
/// what makes the response unusable: a body that is not JSON, a record without its `id`, an
/// envelope without its items, or a body of another kind than the endpoint's.
pub fn normalize_response(body: &[u8], shape: &Shape) -> Result<Normalized, Mismatch> {
    let mut walk = stream::Stream::new(body);
    walk.body(shape)?;
    Ok(Normalized {
        json: walk.out.into_string(),
        drift: walk.drift,
    })
}

/// A JSON path built on the stack while walking; rendered only when something is reported.
pub(crate) struct PathNode<'a> {
    parent: Option<&'a PathNode<'a>>,
    seg: Seg<'a>,
}

enum Seg<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> PathNode<'a> {
    pub(crate) const ROOT: PathNode<'static> = PathNode {
        parent: None,
        seg: Seg::Root,
    };

    pub(crate) fn key(&'a self, key: &'a str) -> PathNode<'a> {
        PathNode {
            parent: Some(self),
            seg: Seg::Key(key),
        }
    }

    pub(crate) fn index(&'a self, i: usize) -> PathNode<'a> {
        PathNode {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }

    pub(crate) fn render(&self) -> String {
        let mut segs = Vec::new();
        let mut node = Some(self);
        while let Some(n) = node {
            segs.push(&n.seg);
            node = n.parent;
        }
        let mut out = String::from("$");
        for seg in segs.iter().rev() {
            match seg {
                Seg::Root => {}
                Seg::Key(k) if is_plain_key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Seg::Key(k) => {
                    out.push('[');
                    out.push_str(&string_text(k));
                    out.push(']');
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

fn is_plain_key(k: &str) -> bool {
    !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The JSON type name of a value, for messages.
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Which variant of a union a value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// The variant at this index.
    Variant(usize),
    /// A tagged union whose tag names no known variant.
    UnknownTag(String),
    /// An untagged union that no variant fits.
    NoFit,
}

/// Picks the variant of `union` that `value` is: by its tag, else by the best fit. The Rust
/// models decide with it, through the same walk as the normalizer; they cannot see a parent's
/// tag (`meta.assignee_type`), so for those unions they decide by fit.
pub fn pick_variant(union: &UnionShape, value: &Value) -> Pick {
    let text = value_text(value);
    let mut walk = stream::Stream::new(text.as_bytes());
    match walk.choose(union, &PathNode::ROOT, None) {
        Ok(stream::Choice::Tagged(i) | stream::Choice::Fitted(i, _)) => Pick::Variant(i),
        Ok(stream::Choice::UnknownTag(tag)) => Pick::UnknownTag(tag),
        Ok(stream::Choice::NoFit) | Err(_) => Pick::NoFit,
    }
}

/// Key of the placeholder object that stands for an attached file in params:
/// `{"$file": <index into the call's file list>}`.
pub const FILE_KEY: &str = "$file";
