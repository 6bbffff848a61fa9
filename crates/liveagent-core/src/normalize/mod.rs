//! Lenient-in, exact-out: walks a JSON value against a [`Shape`] and rewrites it in place.
//!
//! Responses ([`lenient`]): ids given as strings become numbers, timestamps become epoch
//! seconds, enum codes become their names, absent fields become `null`, unknown fields are kept.
//! Each repair is recorded as [`Drift`]; strict mode turns any drift into an error. Only a
//! record without its `id`, an envelope without its items, or a body of the wrong kind fails
//! a lenient call. Params ([`input`]): the same shapes validate what a caller passed, exactly.

mod input;
mod lenient;

pub(crate) use input::normalize_input;

use crate::schema::{Shape, UnionShape, describe};
use crate::types::Timestamp;
use serde_json::{Number, Value};
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
            DriftKind::UnknownValue(v) => write!(f, "{}: unknown enum value {v:?}", self.path),
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

/// Normalizes a response body in place. Returns the drift found, or what makes the response
/// unusable: a record without its `id`, an envelope without its items, or a body of another
/// kind than the endpoint's (a string where an object was due).
pub fn normalize_response(value: &mut Value, shape: &Shape) -> Result<DriftReport, Mismatch> {
    let mut walker = lenient::Lenient::new();
    match walker.walk(value, shape, &PathNode::ROOT, None) {
        Ok(()) => Ok(walker.drift),
        Err(lenient::Fault::Soft(m) | lenient::Fault::Fatal(m)) => Err(m),
    }
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
                    out.push_str(&Value::from(*k).to_string());
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

/// Whether `value` is a documented wire form of a timestamp that needs no drift report: an ISO
/// string, or an epoch number turned into the SDK's form.
fn is_documented_timestamp(shape: &Shape, value: &Value) -> bool {
    matches!(shape, Shape::Timestamp)
        && match value {
            Value::String(s) => crate::time::parse_iso8601(s).is_some(),
            Value::Number(_) => true,
            _ => false,
        }
}

/// What [`convert`] decided about one scalar.
enum Fit {
    /// Fits as it is.
    Fits,
    /// Fits after replacing it with this value.
    Coerce(Value),
    /// Does not fit.
    Invalid,
}

fn mismatch(path: &PathNode<'_>, shape: &Shape, found: &Value) -> Mismatch {
    Mismatch {
        path: path.render(),
        message: format!("expected {}, found {}", describe(shape), json_type(found)),
    }
}

/// Decides whether a JSON value fits a scalar shape, and how to repair it if not. Timestamps in
/// caller input become whole epoch seconds, the form every endpoint that takes one accepts.
fn convert(value: &Value, shape: &Shape, input: bool) -> Fit {
    match (shape, value) {
        (Shape::Json, _) => Fit::Fits,
        (Shape::Bool, Value::Bool(_)) => Fit::Fits,
        (Shape::Bool, Value::String(s)) => match s.as_str() {
            "true" => Fit::Coerce(Value::Bool(true)),
            "false" => Fit::Coerce(Value::Bool(false)),
            _ => Fit::Invalid,
        },
        (Shape::Bool, Value::Number(n)) => match n.as_u64() {
            Some(0) => Fit::Coerce(Value::Bool(false)),
            Some(1) => Fit::Coerce(Value::Bool(true)),
            _ => Fit::Invalid,
        },
        (Shape::Int, Value::Number(n)) if n.is_i64() || n.is_u64() => Fit::Fits,
        (Shape::Int, Value::Number(n)) => integral(n.as_f64()).map_or(Fit::Invalid, Fit::Coerce),
        (Shape::Int, Value::String(s)) => match s.trim().parse::<i64>() {
            Ok(i) => Fit::Coerce(Value::from(i)),
            Err(_) => Fit::Invalid,
        },
        (Shape::Float, Value::Number(_)) => Fit::Fits,
        (Shape::Float, Value::String(s)) => {
            match s.trim().parse::<f64>().ok().and_then(Number::from_f64) {
                Some(n) => Fit::Coerce(Value::Number(n)),
                None => Fit::Invalid,
            }
        }
        (Shape::String, Value::String(_)) => Fit::Fits,
        (Shape::String, Value::Number(n)) => Fit::Coerce(Value::String(n.to_string())),
        (Shape::String, Value::Bool(b)) => Fit::Coerce(Value::String(b.to_string())),
        (Shape::Id, Value::Number(n)) if n.is_u64() => Fit::Fits,
        (Shape::Id, Value::Number(n)) => match integral(n.as_f64()) {
            Some(v) if v.as_i64().is_some_and(|i| i >= 0) => Fit::Coerce(v),
            _ => Fit::Invalid,
        },
        (Shape::Id, Value::String(s)) => match s.trim().parse::<u64>() {
            Ok(i) => Fit::Coerce(Value::from(i)),
            Err(_) => Fit::Invalid,
        },
        (Shape::Timestamp, Value::Number(_) | Value::String(_)) => {
            match Timestamp::from_wire(value) {
                Some(t) => {
                    let canonical = if input {
                        Value::from(t.as_secs())
                    } else {
                        t.to_json()
                    };
                    if &canonical == value {
                        Fit::Fits
                    } else {
                        Fit::Coerce(canonical)
                    }
                }
                None => Fit::Invalid,
            }
        }
        (Shape::File, Value::Object(o))
            if o.len() == 1 && o.get(FILE_KEY).is_some_and(Value::is_u64) =>
        {
            Fit::Fits
        }
        _ => Fit::Invalid,
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

/// Picks the variant of `union` that `value` is: by its tag (inside the object, or, for
/// [`UnionShape::parent_tag`], the value the parent object holds), else by fit. Both the
/// normalizer and the Rust models decide with this one function; the Rust models cannot see a
/// parent's tag, so for those unions they decide by fit.
pub fn pick_variant(union: &UnionShape, value: &Value) -> Pick {
    pick(union, value, None)
}

pub(crate) fn pick(union: &UnionShape, value: &Value, parent_tag: Option<&str>) -> Pick {
    let tag = match (union.tag, union.parent_tag) {
        (Some(key), _) => value.get(key).and_then(Value::as_str),
        (None, Some(_)) => parent_tag,
        (None, None) => None,
    };
    if let Some(tag) = tag {
        return match union.variants.iter().position(|v| v.tag == tag) {
            Some(i) => Pick::Variant(i),
            None => Pick::UnknownTag(tag.to_owned()),
        };
    }
    best_fit(union, value)
}

/// The variant that fits with the least drift. A variant fits when the object keeps at least
/// half of the variant's declared fields (so that leniency about absence cannot make an object
/// of another kind fit) and nothing fatal (a missing `id`) comes up.
fn best_fit(union: &UnionShape, value: &Value) -> Pick {
    let Some(object) = value.as_object() else {
        return Pick::NoFit;
    };
    let mut best: Option<(usize, usize)> = None;
    for (i, variant) in union.variants.iter().enumerate() {
        let shape = (variant.shape)();
        if let Shape::Object(o) = shape {
            let present = o
                .fields
                .iter()
                .filter(|f| object.get(f.name).is_some_and(|v| !v.is_null()))
                .count();
            if present * 2 < o.fields.len() {
                continue;
            }
        }
        let mut trial = value.clone();
        let mut walker = lenient::Lenient::new();
        if walker
            .walk(&mut trial, shape, &PathNode::ROOT, None)
            .is_ok()
        {
            let drift = walker.drift.entries.len() + walker.drift.omitted;
            if drift == 0 {
                return Pick::Variant(i);
            }
            if best.is_none_or(|(_, least)| drift < least) {
                best = Some((i, drift));
            }
        }
    }
    best.map_or(Pick::NoFit, |(i, _)| Pick::Variant(i))
}

/// Key of the placeholder object that stands for an attached file in params:
/// `{"$file": <index into the call's file list>}`.
pub const FILE_KEY: &str = "$file";

fn integral(f: Option<f64>) -> Option<Value> {
    let f = f?;
    (f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15).then(|| Value::from(f as i64))
}
