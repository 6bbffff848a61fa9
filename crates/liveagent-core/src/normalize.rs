//! Lenient-in, exact-out: walks a JSON value against a [`Shape`] and rewrites it in place.
//!
//! Responses: ids given as strings become numbers, timestamps become epoch seconds, enum codes
//! become their names, missing optional keys become `null`, unknown fields are kept. Each such
//! repair is recorded as [`Drift`]; strict mode turns any drift into an error. Params: the same
//! walk validates what a caller passed before anything is sent.

use crate::schema::{EnumShape, ObjectShape, Shape, UnionShape, describe};
use crate::types::Timestamp;
use serde_json::{Map, Number, Value};
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
    /// An optional value that could not be converted; replaced with `null`.
    Dropped {
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

/// Normalizes a response body in place. Returns the drift found, or the first value that
/// could not be repaired.
pub fn normalize_response(value: &mut Value, shape: &Shape) -> Result<DriftReport, Mismatch> {
    let mut walker = Walker {
        input: false,
        drift: DriftReport::default(),
        flex: false,
    };
    walker.walk(value, shape, &PathNode::ROOT)?;
    Ok(walker.drift)
}

/// Validates and canonicalizes one params value (caller input) in place. Unknown fields and
/// values that cannot be converted are errors; conversions such as `"42"` for an id are fine.
pub(crate) fn normalize_input(
    value: &mut Value,
    shape: &Shape,
    path: &PathNode<'_>,
) -> Result<(), Mismatch> {
    let mut walker = Walker {
        input: true,
        drift: DriftReport::default(),
        flex: false,
    };
    walker.walk(value, shape, path)
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

    fn index(&'a self, i: usize) -> PathNode<'a> {
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

struct Walker {
    /// Validating caller input rather than a server response.
    input: bool,
    drift: DriftReport,
    /// Inside a [`Shape::Flex`]: conversions are expected, not drift.
    flex: bool,
}

/// What [`Walker::convert`] decided about one scalar.
enum Fit {
    /// Fits as it is.
    Fits,
    /// Fits after replacing it with this value.
    Coerce(Value),
    /// Does not fit.
    Invalid,
}

impl Walker {
    fn walk(
        &mut self,
        value: &mut Value,
        shape: &Shape,
        path: &PathNode<'_>,
    ) -> Result<(), Mismatch> {
        match shape {
            Shape::Nullable(inner) => {
                if value.is_null() {
                    return Ok(());
                }
                match self.walk(value, inner, path) {
                    Err(_) if !self.input => {
                        let found = json_type(value);
                        self.report(
                            path,
                            DriftKind::Dropped {
                                expected: describe(inner),
                                found,
                            },
                        );
                        *value = Value::Null;
                        Ok(())
                    }
                    other => other,
                }
            }
            Shape::List(_) | Shape::Map(_) if value.is_null() && !self.input => {
                // An absent collection: an empty one loses nothing.
                self.report(
                    path,
                    DriftKind::Coerced {
                        expected: describe(shape),
                        found: "null",
                    },
                );
                *value = if matches!(shape, Shape::List(_)) {
                    Value::Array(Vec::new())
                } else {
                    Value::Object(Map::new())
                };
                Ok(())
            }
            Shape::List(inner) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter_mut().enumerate() {
                        self.walk(item, inner, &path.index(i))?;
                    }
                    Ok(())
                }
                other => Err(mismatch(path, shape, other)),
            },
            Shape::Map(inner) => match value {
                Value::Object(map) => {
                    for (key, item) in map.iter_mut() {
                        self.walk(item, inner, &path.key(key))?;
                    }
                    Ok(())
                }
                other => Err(mismatch(path, shape, other)),
            },
            Shape::Object(object) => match value {
                Value::Object(map) => self.walk_object(map, object, path),
                other => Err(mismatch(path, shape, other)),
            },
            Shape::Enum(e) => self.walk_enum(value, e, path),
            Shape::Union(u) => self.walk_union(value, u, path),
            Shape::Flex(inner) => {
                let outer = std::mem::replace(&mut self.flex, true);
                let result = self.walk(value, inner, path);
                self.flex = outer;
                result
            }
            scalar => match convert(value, scalar, self.input) {
                Fit::Fits => Ok(()),
                Fit::Coerce(new) => {
                    let found = json_type(value);
                    // ISO strings are a documented timestamp form, not drift.
                    let documented = matches!(scalar, Shape::Timestamp)
                        && found == "string"
                        && crate::time::parse_iso8601(value.as_str().unwrap_or_default()).is_some();
                    let repaired_number = matches!(scalar, Shape::Timestamp) && found == "number";
                    if !documented && !repaired_number && !self.flex {
                        self.report(
                            path,
                            DriftKind::Coerced {
                                expected: describe(scalar),
                                found,
                            },
                        );
                    }
                    *value = new;
                    Ok(())
                }
                Fit::Invalid => Err(mismatch(path, scalar, value)),
            },
        }
    }

    fn walk_object(
        &mut self,
        map: &mut Map<String, Value>,
        object: &ObjectShape,
        path: &PathNode<'_>,
    ) -> Result<(), Mismatch> {
        for field in object.fields {
            let shape = field.shape();
            let child = path.key(field.name);
            match map.get_mut(field.name) {
                Some(v) => self.walk(v, shape, &child)?,
                None if field.is_optional() => {
                    if !self.input {
                        map.insert(field.name.to_owned(), Value::Null);
                    }
                }
                // Views leave out an empty list (`attachments`): nothing is lost by an empty one.
                None if !self.input && matches!(shape, Shape::List(_)) => {
                    map.insert(field.name.to_owned(), Value::Array(Vec::new()));
                }
                None => {
                    return Err(Mismatch {
                        path: child.render(),
                        message: format!("missing required field (expected {})", describe(shape)),
                    });
                }
            }
        }
        if map.len() > object.fields.len() || self.input {
            for key in map.keys() {
                if !object.fields.iter().any(|f| f.name == key) {
                    if self.input {
                        return Err(Mismatch {
                            path: path.key(key).render(),
                            message: format!("unknown field for {}", object.name),
                        });
                    }
                    self.report(&path.key(key), DriftKind::UnknownField);
                }
            }
        }
        Ok(())
    }

    fn walk_enum(
        &mut self,
        value: &mut Value,
        e: &EnumShape,
        path: &PathNode<'_>,
    ) -> Result<(), Mismatch> {
        match value {
            Value::String(s) => {
                if e.by_wire(s).is_none() && !self.input {
                    let unknown = s.clone();
                    self.report(path, DriftKind::UnknownValue(unknown));
                }
                Ok(())
            }
            Value::Number(n) => {
                let known = n.as_i64().and_then(|code| e.by_code(code));
                match known {
                    Some(v) => *value = Value::from(v.wire),
                    None => {
                        let text = n.to_string();
                        if !self.input {
                            self.report(path, DriftKind::UnknownValue(text.clone()));
                        }
                        *value = Value::String(text);
                    }
                }
                Ok(())
            }
            other => Err(Mismatch {
                path: path.render(),
                message: format!("expected {} (string), found {}", e.name, json_type(other)),
            }),
        }
    }

    fn walk_union(
        &mut self,
        value: &mut Value,
        union: &UnionShape,
        path: &PathNode<'_>,
    ) -> Result<(), Mismatch> {
        if !value.is_object() {
            return Err(Mismatch {
                path: path.render(),
                message: format!("expected object {}, found {}", union.name, json_type(value)),
            });
        }
        match pick_variant(union, value) {
            Pick::Variant(i) => match union.variants.get(i) {
                Some(variant) => self.walk(value, (variant.shape)(), path),
                None => Ok(()),
            },
            Pick::UnknownTag(tag) => {
                // Kept as it came: a sender or assignee kind this SDK version does not know.
                self.report(path, DriftKind::UnknownValue(tag));
                Ok(())
            }
            Pick::NoFit => Err(Mismatch {
                path: path.render(),
                message: format!("the object fits no variant of {}", union.name),
            }),
        }
    }

    fn report(&mut self, path: &PathNode<'_>, kind: DriftKind) {
        if !self.input {
            self.drift.push(Drift {
                path: path.render(),
                kind,
            });
        }
    }
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

/// Picks the variant of `union` that `value` is: by the tag field, or the first variant that
/// fits without drift (else the first that fits at all). Both the normalizer and the Rust
/// models decide with this one function.
pub fn pick_variant(union: &UnionShape, value: &Value) -> Pick {
    if let Some(tag) = union.tag {
        let found = value.get(tag).and_then(Value::as_str).unwrap_or_default();
        return match union.variants.iter().position(|v| v.tag == found) {
            Some(i) => Pick::Variant(i),
            None => Pick::UnknownTag(found.to_owned()),
        };
    }
    let mut fallback = None;
    for (i, variant) in union.variants.iter().enumerate() {
        let mut trial = value.clone();
        let mut walker = Walker {
            input: false,
            drift: DriftReport::default(),
            flex: false,
        };
        if walker
            .walk(&mut trial, (variant.shape)(), &PathNode::ROOT)
            .is_ok()
        {
            if walker.drift.is_empty() {
                return Pick::Variant(i);
            }
            fallback.get_or_insert(i);
        }
    }
    fallback.map_or(Pick::NoFit, Pick::Variant)
}

/// Key of the placeholder object that stands for an attached file in params:
/// `{"$file": <index into the call's file list>}`.
pub const FILE_KEY: &str = "$file";

fn integral(f: Option<f64>) -> Option<Value> {
    let f = f?;
    (f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15).then(|| Value::from(f as i64))
}
