//! The params walk: validates and canonicalizes what a caller passed, before anything is sent.
//! Unlike responses, caller input is exact: a missing required field, an unknown field or a
//! value that cannot be converted is an error (`"42"` for an id is a fine conversion).

use super::{FILE_KEY, Mismatch, PathNode, Pick, json_type, pick_variant};
use crate::schema::{EnumShape, ObjectShape, Shape, UnionShape, describe};
use crate::types::Timestamp;
use serde_json::{Map, Number, Value};

/// Validates and canonicalizes one params value (caller input) in place.
pub(crate) fn normalize_input(
    value: &mut Value,
    shape: &Shape,
    path: &PathNode<'_>,
) -> Result<(), Mismatch> {
    match shape {
        Shape::Nullable(inner) => {
            if value.is_null() {
                return Ok(());
            }
            normalize_input(value, inner, path)
        }
        Shape::Flex(inner) => normalize_input(value, inner, path),
        Shape::List(inner) => match value {
            Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    normalize_input(item, inner, &path.index(i))?;
                }
                Ok(())
            }
            other => Err(mismatch(path, shape, other)),
        },
        Shape::Map(inner) => match value {
            Value::Object(map) => {
                for (key, item) in map.iter_mut() {
                    normalize_input(item, inner, &path.key(key))?;
                }
                Ok(())
            }
            other => Err(mismatch(path, shape, other)),
        },
        Shape::Object(object) => match value {
            Value::Object(map) => object_input(map, object, path),
            other => Err(mismatch(path, shape, other)),
        },
        Shape::Enum(e) => enum_input(value, e, path),
        Shape::Union(u) => union_input(value, u, path),
        scalar => match convert(value, scalar) {
            Fit::Fits => Ok(()),
            Fit::Coerce(new) => {
                *value = new;
                Ok(())
            }
            Fit::Invalid => Err(mismatch(path, scalar, value)),
        },
    }
}

fn object_input(
    map: &mut Map<String, Value>,
    object: &ObjectShape,
    path: &PathNode<'_>,
) -> Result<(), Mismatch> {
    for field in object.fields {
        let shape = field.shape();
        let child = path.key(field.name);
        match map.get_mut(field.name) {
            Some(v) => normalize_input(v, shape, &child)?,
            None if field.is_optional() => {}
            None => {
                return Err(Mismatch {
                    path: child.render(),
                    message: format!("missing required field (expected {})", describe(shape)),
                });
            }
        }
    }
    for key in map.keys() {
        if !object.fields.iter().any(|f| f.name == key) {
            return Err(Mismatch {
                path: path.key(key).render(),
                message: format!("unknown field for {}", object.name),
            });
        }
    }
    Ok(())
}

fn enum_input(value: &mut Value, e: &EnumShape, path: &PathNode<'_>) -> Result<(), Mismatch> {
    match value {
        Value::String(_) => Ok(()),
        Value::Number(n) => {
            *value = match n.as_i64().and_then(|code| e.by_code(code)) {
                Some(known) => Value::from(known.wire),
                None => Value::String(n.to_string()),
            };
            Ok(())
        }
        other => Err(Mismatch {
            path: path.render(),
            message: format!("expected {} (string), found {}", e.name, json_type(other)),
        }),
    }
}

fn union_input(value: &mut Value, union: &UnionShape, path: &PathNode<'_>) -> Result<(), Mismatch> {
    if !value.is_object() {
        return Err(Mismatch {
            path: path.render(),
            message: format!("expected object {}, found {}", union.name, json_type(value)),
        });
    }
    match pick_variant(union, value) {
        Pick::Variant(i) => match union.variants.get(i) {
            Some(variant) => normalize_input(value, variant.shape, path),
            None => Ok(()),
        },
        Pick::UnknownTag(_) => Ok(()),
        Pick::NoFit => Err(Mismatch {
            path: path.render(),
            message: format!("the object fits no variant of {}", union.name),
        }),
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

/// Decides whether a caller's value fits a scalar shape, and how to convert it if not.
/// Timestamps become whole epoch seconds, the form every endpoint that takes one accepts.
fn convert(value: &Value, shape: &Shape) -> Fit {
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
            match crate::types::parse_f64(s.trim()).and_then(Number::from_f64) {
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
        (Shape::Timestamp | Shape::IsoTimestamp, Value::Number(_) | Value::String(_)) => {
            match Timestamp::from_wire(value) {
                Some(t) => {
                    let canonical = Value::from(t.as_secs());
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
        // A stored file's signed id (a direct upload's), which Rails attaches as it is.
        (Shape::File, Value::String(s)) if !s.is_empty() => Fit::Fits,
        _ => Fit::Invalid,
    }
}

fn integral(f: Option<f64>) -> Option<Value> {
    let f = f?;
    (f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15).then(|| Value::from(f as i64))
}
