//! `$filter` conditions: the typed builder (Rust), the JSON form (JS), and the one renderer.

use crate::schema::{Schema, Shape};
use serde::Serialize;
use serde_json::{Value, json};

/// A `$filter` condition. Serializes to the JSON form the JS packages take.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter(Value);

impl Filter {
    fn compare(op: &str, field: &str, value: impl Into<Literal>) -> Self {
        Filter(json!({ op: [field, value.into().0] }))
    }

    /// `field eq value`.
    pub fn eq(field: &str, value: impl Into<Literal>) -> Self {
        Self::compare("eq", field, value)
    }

    /// `field ne value`.
    pub fn ne(field: &str, value: impl Into<Literal>) -> Self {
        Self::compare("ne", field, value)
    }

    /// `field gt value`.
    pub fn gt(field: &str, value: impl Into<Literal>) -> Self {
        Self::compare("gt", field, value)
    }

    /// `field ge value`.
    pub fn ge(field: &str, value: impl Into<Literal>) -> Self {
        Self::compare("ge", field, value)
    }

    /// `field lt value`.
    pub fn lt(field: &str, value: impl Into<Literal>) -> Self {
        Self::compare("lt", field, value)
    }

    /// `field le value`.
    pub fn le(field: &str, value: impl Into<Literal>) -> Self {
        Self::compare("le", field, value)
    }

    /// `contains(field, text)`.
    pub fn contains(field: &str, text: &str) -> Self {
        Self::compare("contains", field, text)
    }

    /// `startswith(field, text)`.
    pub fn starts_with(field: &str, text: &str) -> Self {
        Self::compare("startswith", field, text)
    }

    /// `endswith(field, text)`.
    pub fn ends_with(field: &str, text: &str) -> Self {
        Self::compare("endswith", field, text)
    }

    /// `field in (values...)`.
    pub fn is_in(field: &str, values: impl IntoIterator<Item = impl Into<Literal>>) -> Self {
        let values: Vec<Value> = values.into_iter().map(|v| v.into().0).collect();
        Filter(json!({ "in": [field, values] }))
    }

    /// Both conditions.
    #[must_use]
    pub fn and(self, other: Filter) -> Self {
        Filter(json!({ "and": [self.0, other.0] }))
    }

    /// Either condition.
    #[must_use]
    pub fn or(self, other: Filter) -> Self {
        Filter(json!({ "or": [self.0, other.0] }))
    }

    /// The opposite condition.
    #[allow(clippy::should_implement_trait)]
    #[must_use]
    pub fn not(self) -> Self {
        Filter(json!({ "not": self.0 }))
    }
}

impl Serialize for Filter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Schema for Filter {
    const SHAPE: &'static Shape = &Shape::Json;
}

impl crate::schema::IsAbsent for Filter {}

/// A value in a condition: a number, a string, a boolean, `null`, or a point in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal(Value);

impl Literal {
    /// `null`: `Filter::eq("assignee_id", Literal::NULL)` finds the unassigned.
    pub const NULL: Literal = Literal(Value::Null);

    /// A point in time, written as OData's `DateTimeOffset` (unquoted, `2024-05-01T00:00:00Z`).
    /// A plain string is quoted instead, as Live Agent's own examples write dates
    /// (`created_at le '2021-11-23T00:00:00'`).
    pub fn datetime(iso: &str) -> Self {
        Literal(json!({ "datetime": iso }))
    }
}

macro_rules! literal_from {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Literal {
            fn from(v: $ty) -> Self {
                Literal(Value::from(v))
            }
        }
    )*};
}
literal_from!(i64, u64, i32, u32, f64, bool, &str, String);

impl From<crate::types::Id> for Literal {
    fn from(v: crate::types::Id) -> Self {
        Literal(Value::from(v.get()))
    }
}

/// Renders a filter (its JSON form) as `$filter` text.
///
/// # Errors
/// The JSON path of the part that is no condition, and why.
pub fn render_filter(filter: &Value) -> Result<String, (String, String)> {
    let mut out = String::new();
    render(filter, "$.filter", &mut out)?;
    Ok(out)
}

fn render(filter: &Value, at: &str, out: &mut String) -> Result<(), (String, String)> {
    let bad = |why: &str| Err((at.to_owned(), why.to_owned()));
    let Some((op, args)) = filter
        .as_object()
        .filter(|o| o.len() == 1)
        .and_then(|o| o.iter().next())
    else {
        return bad(
            "a condition is an object with one operator: {\"eq\": [field, value]}, {\"and\": [...]}, ...",
        );
    };
    match op.as_str() {
        "and" | "or" => {
            let Some(parts) = args.as_array().filter(|p| !p.is_empty()) else {
                return bad("and/or take a non-empty array of conditions");
            };
            out.push('(');
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    out.push_str(if op == "and" { " and " } else { " or " });
                }
                render(part, &format!("{at}.{op}[{i}]"), out)?;
            }
            out.push(')');
        }
        "not" => {
            out.push_str("not ");
            out.push('(');
            render(args, &format!("{at}.not"), out)?;
            out.push(')');
        }
        "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "contains" | "startswith" | "endswith" | "in" => {
            let [field, value] = args.as_array().map(Vec::as_slice).unwrap_or_default() else {
                return bad("a comparison takes [field, value]");
            };
            let field = field_name(field).ok_or_else(|| {
                (
                    format!("{at}.{op}[0]"),
                    "a field name is letters, digits and _".to_owned(),
                )
            })?;
            let at = format!("{at}.{op}[1]");
            match op.as_str() {
                "contains" | "startswith" | "endswith" => {
                    let Value::String(text) = value else {
                        return Err((at, format!("{op} takes a string")));
                    };
                    out.push_str(op);
                    out.push('(');
                    out.push_str(field);
                    out.push(',');
                    quote(text, out);
                    out.push(')');
                }
                "in" => {
                    let Some(values) = value.as_array().filter(|v| !v.is_empty()) else {
                        return Err((at, "in takes a non-empty array of values".to_owned()));
                    };
                    out.push_str(field);
                    out.push_str(" in (");
                    for (i, v) in values.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        literal(v, &format!("{at}[{i}]"), out)?;
                    }
                    out.push(')');
                }
                _ => {
                    out.push_str(field);
                    out.push(' ');
                    out.push_str(op);
                    out.push(' ');
                    literal(value, &at, out)?;
                }
            }
        }
        other => {
            return Err((
                at.to_owned(),
                format!(
                    "no operator {}: use eq, ne, gt, ge, lt, le, contains, startswith, endswith, in, and, or, not",
                    crate::normalize::string_text(other)
                ),
            ));
        }
    }
    Ok(())
}

/// Writes a literal: numbers and booleans as they are, strings quoted (`'` doubled), and
/// `{"datetime": "..."}` as an unquoted `DateTimeOffset`.
fn literal(value: &Value, at: &str, out: &mut String) -> Result<(), (String, String)> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => quote(s, out),
        Value::Object(o) if o.len() == 1 && o.contains_key("datetime") => {
            let text = o
                .get("datetime")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if crate::time::parse_iso8601(text).is_none() || !text.bytes().all(is_datetime_byte) {
                return Err((
                    at.to_owned(),
                    "datetime takes an ISO-8601 time with its zone, such as 2024-05-01T00:00:00Z"
                        .into(),
                ));
            }
            out.push_str(text);
        }
        _ => {
            return Err((
                at.to_owned(),
                "a value is a number, a string, a boolean, null or {\"datetime\": \"...\"}".into(),
            ));
        }
    }
    Ok(())
}

fn is_datetime_byte(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'-' | b':' | b'.' | b'T' | b'Z' | b'+')
}

fn quote(text: &str, out: &mut String) {
    out.push('\'');
    out.push_str(&text.replace('\'', "''"));
    out.push('\'');
}

/// A field name (`created_at`, `members/id`), or `None`.
pub(super) fn field_name(value: &Value) -> Option<&str> {
    let name = value.as_str()?;
    let ok = !name.is_empty()
        && name.split('/').all(|part| {
            part.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
                && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(filter: &Filter) -> String {
        render_filter(&filter.0).unwrap()
    }

    #[test]
    fn typed_conditions_render_as_odata() {
        let f = Filter::eq("status", 1)
            .and(Filter::ge(
                "created_at",
                Literal::datetime("2024-01-01T00:00:00Z"),
            ))
            .and(
                Filter::contains("content", "O'Neil")
                    .or(Filter::is_in("inbox_id", [3u64, 4]))
                    .not(),
            );
        assert_eq!(
            text(&f),
            "((status eq 1 and created_at ge 2024-01-01T00:00:00Z) and not ((contains(content,'O''Neil') or inbox_id in (3,4))))"
        );
        assert_eq!(
            text(&Filter::le("created_at", "2021-11-23T00:00:00")),
            "created_at le '2021-11-23T00:00:00'"
        );
        assert_eq!(
            text(&Filter::ne("assignee_id", Literal::NULL)),
            "assignee_id ne null"
        );
        assert_eq!(
            text(&Filter::ends_with("email", "@x.com")),
            "endswith(email,'@x.com')"
        );
        assert_eq!(
            text(&Filter::starts_with("members/name", "A")),
            "startswith(members/name,'A')"
        );
    }

    #[test]
    fn what_is_no_condition_is_refused_with_its_path() {
        let refused = |v: Value| render_filter(&v).unwrap_err();
        // A field name cannot carry an expression.
        assert_eq!(
            refused(json!({"eq": ["status eq 1 or id", 1]})).0,
            "$.filter.eq[0]"
        );
        assert_eq!(
            refused(json!({"and": [{"eq": ["id", 1]}, {"gt": ["id", [1]]}]})).0,
            "$.filter.and[1].gt[1]"
        );
        assert_eq!(
            refused(json!({"eq": ["id", {"datetime": "2024-01-01T00:00:00Z) or (1 eq 1"}]})).0,
            "$.filter.eq[1]"
        );
        assert_eq!(refused(json!({"like": ["id", 1]})).0, "$.filter");
        assert_eq!(
            refused(json!({"eq": ["id", 1], "ne": ["id", 2]})).0,
            "$.filter"
        );
        assert_eq!(refused(json!({"and": []})).0, "$.filter");
        assert_eq!(
            refused(json!({"contains": ["name", 5]})).0,
            "$.filter.contains[1]"
        );
    }
}
