//! The params walk: validates and canonicalizes what a caller passed, before anything is sent.
//! Unlike responses, caller input is exact: a missing required field, an unknown field or a
//! value that cannot be converted is an error (`"42"` for an id is a fine conversion).

use super::{Fit, Mismatch, PathNode, Pick, convert, json_type, mismatch, pick};
use crate::schema::{EnumShape, ObjectShape, Shape, UnionShape, describe};
use serde_json::{Map, Value};

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
        scalar => match convert(value, scalar, true) {
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
    match pick(union, value, None) {
        Pick::Variant(i) => match union.variants.get(i) {
            Some(variant) => normalize_input(value, (variant.shape)(), path),
            None => Ok(()),
        },
        Pick::UnknownTag(_) => Ok(()),
        Pick::NoFit => Err(Mismatch {
            path: path.render(),
            message: format!("the object fits no variant of {}", union.name),
        }),
    }
}
