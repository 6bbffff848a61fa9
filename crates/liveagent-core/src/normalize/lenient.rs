//! The lenient response walk: every value the server sent is kept, repaired or reported, and a
//! response fails only where the caller would otherwise lose it without knowing.
//!
//! What fails a call ([`Fault::Fatal`]): a record without its `id`, an envelope without the key
//! that carries its items (or with something other than an array there), and a body of the
//! wrong kind at the top (an object endpoint that answered a string). Everything below that is
//! drift: an absent or `null` required field reads as `null` (lists and maps as empty ones),
//! a value of the wrong type that cannot be converted becomes `null`, and a list item, map value
//! or union member that fits nothing is kept as it came.

use super::{
    DriftKind, DriftReport, Fit, Mismatch, PathNode, convert, is_documented_timestamp, json_type,
    mismatch,
};
use crate::schema::{Field, ObjectShape, Shape, UnionShape, describe};
use serde_json::{Map, Value};

/// Why a value did not fit.
pub(super) enum Fault {
    /// This value does not fit its shape; the caller of the walk decides what becomes of it.
    Soft(Mismatch),
    /// The response cannot be used: the whole call fails with this.
    Fatal(Mismatch),
}

/// The result of walking one value.
pub(super) type Walked = Result<(), Fault>;

pub(super) struct Lenient {
    pub(super) drift: DriftReport,
    /// Inside a [`Shape::Flex`]: conversions are expected, not drift.
    flex: bool,
}

impl Lenient {
    pub(super) fn new() -> Lenient {
        Lenient {
            drift: DriftReport::default(),
            flex: false,
        }
    }

    fn report(&mut self, path: &PathNode<'_>, kind: DriftKind) {
        self.drift.push(super::Drift {
            path: path.render(),
            kind,
        });
    }

    /// Walks `value` against `shape`; `tag` is the union tag its parent object holds for it.
    pub(super) fn walk(
        &mut self,
        value: &mut Value,
        shape: &Shape,
        path: &PathNode<'_>,
        tag: Option<&str>,
    ) -> Walked {
        match shape {
            Shape::Nullable(inner) => {
                if value.is_null() {
                    return Ok(());
                }
                match self.walk(value, inner, path, tag) {
                    Err(Fault::Soft(_)) => {
                        self.drop_value(value, inner, path, Value::Null);
                        Ok(())
                    }
                    other => other,
                }
            }
            Shape::Flex(inner) => {
                let outer = std::mem::replace(&mut self.flex, true);
                let result = self.walk(value, inner, path, tag);
                self.flex = outer;
                result
            }
            Shape::List(inner) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter_mut().enumerate() {
                        self.keep_if_unfit(item, inner, &path.index(i))?;
                    }
                    Ok(())
                }
                other => Err(Fault::Soft(mismatch(path, shape, other))),
            },
            Shape::Map(inner) => match value {
                Value::Object(map) => {
                    for (key, item) in map.iter_mut() {
                        self.keep_if_unfit(item, inner, &path.key(key))?;
                    }
                    Ok(())
                }
                other => Err(Fault::Soft(mismatch(path, shape, other))),
            },
            Shape::Object(object) => match value {
                Value::Object(map) => self.walk_object(map, object, path),
                other => Err(Fault::Soft(mismatch(path, shape, other))),
            },
            Shape::Enum(e) => match value {
                Value::String(s) => {
                    if e.by_wire(s).is_none() {
                        let unknown = s.clone();
                        self.report(path, DriftKind::UnknownValue(unknown));
                    }
                    Ok(())
                }
                Value::Number(n) => {
                    match n.as_i64().and_then(|code| e.by_code(code)) {
                        Some(known) => *value = Value::from(known.wire),
                        None => {
                            let text = n.to_string();
                            self.report(path, DriftKind::UnknownValue(text.clone()));
                            *value = Value::String(text);
                        }
                    }
                    Ok(())
                }
                other => Err(Fault::Soft(mismatch(path, shape, other))),
            },
            Shape::Union(union) => self.walk_union(value, union, path, tag),
            scalar => match convert(value, scalar, false) {
                Fit::Fits => Ok(()),
                Fit::Coerce(new) => {
                    let found = json_type(value);
                    if !self.flex && !is_documented_timestamp(scalar, value) {
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
                Fit::Invalid => Err(Fault::Soft(mismatch(path, scalar, value))),
            },
        }
    }

    /// A list item or map value: one that fits nothing is kept as it came, with drift.
    fn keep_if_unfit(&mut self, item: &mut Value, shape: &Shape, path: &PathNode<'_>) -> Walked {
        match self.walk(item, shape, path, None) {
            Err(Fault::Soft(_)) => {
                let found = json_type(item);
                self.report(
                    path,
                    DriftKind::Kept {
                        expected: describe(shape),
                        found,
                    },
                );
                Ok(())
            }
            other => other,
        }
    }

    /// A field value of the wrong type: replaced (with `null`, or an empty list or map), with
    /// drift.
    fn drop_value(&mut self, value: &mut Value, shape: &Shape, path: &PathNode<'_>, with: Value) {
        let found = json_type(value);
        self.report(
            path,
            DriftKind::Dropped {
                expected: describe(shape),
                found,
            },
        );
        *value = with;
    }

    fn walk_object(
        &mut self,
        map: &mut Map<String, Value>,
        object: &ObjectShape,
        path: &PathNode<'_>,
    ) -> Walked {
        for field in object.fields {
            let shape = field.shape();
            let child = path.key(field.name);
            let fatal = field.items || is_record_id(field);
            let tag = union_tag(shape).and_then(|key| map.get(key)?.as_str().map(str::to_owned));
            match map.get_mut(field.name) {
                Some(value) if !value.is_null() => {
                    match self.walk(value, shape, &child, tag.as_deref()) {
                        Ok(()) => {}
                        Err(Fault::Soft(m)) if fatal => return Err(Fault::Fatal(m)),
                        Err(Fault::Soft(_)) => {
                            self.drop_value(value, shape, &child, empty_of(shape))
                        }
                        Err(fatal) => return Err(fatal),
                    }
                }
                found => {
                    let absent = found.is_none();
                    if fatal {
                        return Err(Fault::Fatal(Mismatch {
                            path: child.render(),
                            message: format!(
                                "{} (expected {})",
                                if absent { "missing" } else { "null" },
                                describe(shape)
                            ),
                        }));
                    }
                    if field.is_optional() {
                        if absent {
                            map.insert(field.name.to_owned(), Value::Null);
                        }
                        continue;
                    }
                    // Views leave out an empty list (`attachments`): an empty one loses nothing,
                    // and is what the server meant.
                    let documented = absent && matches!(strip(shape), Shape::List(_));
                    if !documented {
                        let expected = describe(shape);
                        let kind = if absent {
                            DriftKind::Missing { expected }
                        } else {
                            DriftKind::Null { expected }
                        };
                        self.report(&child, kind);
                    }
                    map.insert(field.name.to_owned(), empty_of(shape));
                }
            }
        }
        if map.len() > object.fields.len() {
            for key in map.keys() {
                if !object.fields.iter().any(|f| f.name == key) {
                    self.drift.push(super::Drift {
                        path: path.key(key).render(),
                        kind: DriftKind::UnknownField,
                    });
                }
            }
        }
        Ok(())
    }

    fn walk_union(
        &mut self,
        value: &mut Value,
        union: &UnionShape,
        path: &PathNode<'_>,
        parent_tag: Option<&str>,
    ) -> Walked {
        if !value.is_object() {
            return Err(Fault::Soft(Mismatch {
                path: path.render(),
                message: format!("expected object {}, found {}", union.name, json_type(value)),
            }));
        }
        match super::pick(union, value, parent_tag) {
            super::Pick::Variant(i) => match union.variants.get(i) {
                Some(variant) => self.walk(value, (variant.shape)(), path, None),
                None => Ok(()),
            },
            super::Pick::UnknownTag(tag) => {
                // Kept as it came: a sender or assignee kind this SDK version does not know.
                self.report(path, DriftKind::UnknownValue(tag));
                Ok(())
            }
            super::Pick::NoFit => {
                self.report(
                    path,
                    DriftKind::Kept {
                        expected: format!("object {}", union.name),
                        found: "object",
                    },
                );
                Ok(())
            }
        }
    }
}

/// What an absent or unusable value of `shape` reads as: an empty list or map, else `null`.
fn empty_of(shape: &Shape) -> Value {
    match strip(shape) {
        Shape::List(_) => Value::Array(Vec::new()),
        Shape::Map(_) => Value::Object(Map::new()),
        _ => Value::Null,
    }
}

fn strip(mut shape: &Shape) -> &Shape {
    while let Shape::Flex(inner) = shape {
        shape = inner;
    }
    shape
}

/// A record's own id: the one field whose absence makes the record unusable.
fn is_record_id(field: &Field) -> bool {
    field.name == "id" && matches!(field.shape(), Shape::Id)
}

/// The key of the parent object that holds the tag of a union field (`meta.assignee_type`).
fn union_tag(shape: &Shape) -> Option<&'static str> {
    match shape {
        Shape::Nullable(inner) | Shape::Flex(inner) => union_tag(inner),
        Shape::Union(u) => u.parent_tag,
        _ => None,
    }
}
