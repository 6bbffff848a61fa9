//! Scalar types every API family shares: record ids, timestamps and secrets.

use crate::schema::{IsAbsent, Schema, Shape};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A record id. Serialized as a JSON number; accepts a numeric string on input.
///
/// Conversation ids in account-API paths are per-account display ids.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(pub u64);

impl Id {
    /// The numeric value.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({})", self.0)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl From<u64> for Id {
    fn from(v: u64) -> Self {
        Id(v)
    }
}

impl Schema for Id {
    const SHAPE: &'static Shape = &Shape::Id;
}

impl IsAbsent for Id {}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative integer id")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                u64::try_from(v)
                    .map(Id)
                    .map_err(|_| E::custom("negative id"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                v.trim()
                    .parse()
                    .map(Id)
                    .map_err(|_| E::custom("id is not a number"))
            }
        }
        d.deserialize_any(IdVisitor)
    }
}

/// A point in time, held as epoch milliseconds.
///
/// On the wire Chatwoot uses epoch seconds in some views and ISO-8601 strings in others; the SDK
/// accepts both and always gives epoch seconds (a JSON number, fractional only when the server
/// sent sub-second precision). Note that the server renders an unset time as `0` in many views.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    millis: i64,
}

impl Timestamp {
    /// From epoch milliseconds.
    pub const fn from_millis(millis: i64) -> Self {
        Timestamp { millis }
    }

    /// From epoch seconds.
    pub const fn from_secs(secs: i64) -> Self {
        Timestamp {
            millis: secs * 1000,
        }
    }

    /// Epoch milliseconds.
    pub const fn as_millis(self) -> i64 {
        self.millis
    }

    /// Whole epoch seconds (rounded down).
    pub const fn as_secs(self) -> i64 {
        self.millis.div_euclid(1000)
    }

    /// Epoch seconds as the JSON number the SDK emits.
    pub fn to_json(self) -> serde_json::Value {
        if self.millis % 1000 == 0 {
            serde_json::Value::from(self.millis / 1000)
        } else {
            serde_json::Value::from(self.millis as f64 / 1000.0)
        }
    }

    /// [`Timestamp::to_json`] as JSON text, written from the integer milliseconds: the same
    /// text as the `f64`'s shortest form, without formatting a float.
    pub fn json_text(self) -> String {
        let sign = if self.millis < 0 { "-" } else { "" };
        let abs = self.millis.unsigned_abs();
        let (secs, frac) = (abs / 1000, abs % 1000);
        if frac == 0 {
            return format!("{sign}{secs}");
        }
        let digits = format!("{frac:03}");
        format!("{sign}{secs}.{}", digits.trim_end_matches('0'))
    }

    /// Reads a wire value: epoch seconds (number or numeric string) or an ISO-8601 string.
    pub fn from_wire(value: &serde_json::Value) -> Option<Self> {
        match value {
            serde_json::Value::Number(n) => Self::from_secs_f64(n.as_f64()?),
            serde_json::Value::String(s) => Self::parse(s),
            _ => None,
        }
    }

    /// Parses an ISO-8601 string or a numeric string of epoch seconds.
    pub fn parse(text: &str) -> Option<Self> {
        match parse_f64(text.trim()) {
            Some(secs) => Self::from_secs_f64(secs),
            None => crate::time::parse_iso8601(text).map(Self::from_millis),
        }
    }

    pub(crate) fn from_secs_f64(secs: f64) -> Option<Self> {
        // Keep to what an f64 and an i64 of milliseconds both hold exactly enough.
        (secs.is_finite() && secs.abs() < 9.0e12)
            .then(|| Self::from_millis((secs * 1000.0).round() as i64))
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({}ms)", self.millis)
    }
}

impl Schema for Timestamp {
    const SHAPE: &'static Shape = &Shape::Timestamp;
}

impl IsAbsent for Timestamp {}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.millis % 1000 == 0 {
            s.serialize_i64(self.millis / 1000)
        } else {
            s.serialize_f64(self.millis as f64 / 1000.0)
        }
    }
}

/// Reads the normalized form only, epoch seconds: the normalizer is the one place that accepts
/// the other wire forms (ISO strings, numeric strings, milliseconds) and reports them.
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let secs = f64::deserialize(d)?;
        Timestamp::from_secs_f64(secs).ok_or_else(|| de::Error::custom("expected epoch seconds"))
    }
}

/// Parses a JSON number's text (`12`, `-1.5e3`) as an `f64`, with serde_json's parser: the
/// wasm build needs it anyway, so core's own float parser and its tables are not linked in.
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    let first = text.as_bytes().first()?;
    if !(first.is_ascii_digit() || *first == b'-') {
        return None;
    }
    // `Number`'s parser, not `from_str::<f64>`: the latter builds serde's type-mismatch
    // messages, which drag float formatting into the wasm build.
    text.parse::<serde_json::Number>()
        .ok()?
        .as_f64()
        .filter(|f| f.is_finite())
}

/// A credential (a token, a signing secret). Its `Debug` and `Display` never show the value;
/// it serializes as the plain string, because callers need it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Schema for Secret {
    const SHAPE: &'static Shape = &Shape::String;
}

impl IsAbsent for Secret {}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

impl Secret {
    /// Wraps a token.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The token itself. Only the request builder should call this.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Conversions accepted by params constructors and setters: the type itself, `&str` for
/// strings, `u64` for ids, string arrays for string lists. Narrower than `Into`, so that
/// integer literals infer (`.page(2)`, `.conversation_id(7)`).
pub trait IntoParam<T> {
    /// Converts.
    fn into_param(self) -> T;
}

impl<T> IntoParam<T> for T {
    fn into_param(self) -> T {
        self
    }
}

impl IntoParam<String> for &str {
    fn into_param(self) -> String {
        self.to_owned()
    }
}

impl IntoParam<Id> for u64 {
    fn into_param(self) -> Id {
        Id(self)
    }
}

impl<const N: usize> IntoParam<Vec<String>> for [&str; N] {
    fn into_param(self) -> Vec<String> {
        self.iter().map(|s| (*s).to_owned()).collect()
    }
}

impl IntoParam<Vec<String>> for &[&str] {
    fn into_param(self) -> Vec<String> {
        self.iter().map(|s| (*s).to_owned()).collect()
    }
}

impl<const N: usize> IntoParam<Vec<Id>> for [u64; N] {
    fn into_param(self) -> Vec<Id> {
        self.iter().map(|i| Id(*i)).collect()
    }
}

/// How a model's accessor reads a field the server may have left out: numbers as `0`, `bool`
/// as `false` and strings as `""` when absent; every other type as an `Option` of a reference
/// (ids and timestamps by value), since no default would be honest there.
///
/// The fields themselves stay `Option`s, for callers who must tell "absent" from "zero".
pub trait OrDefault: Sized {
    /// What the accessor returns.
    type Read<'a>
    where
        Self: 'a;
    /// Reads `value`, or the default.
    fn or_default(value: &Option<Self>) -> Self::Read<'_>;
}

macro_rules! or_zero {
    ($($ty:ty),*) => {
        $(impl OrDefault for $ty {
            type Read<'a> = $ty;
            fn or_default(value: &Option<Self>) -> $ty {
                value.unwrap_or_default()
            }
        })*
    };
}

or_zero!(bool, i32, i64, u16, u32, u64, f64);

impl OrDefault for String {
    type Read<'a> = &'a str;
    fn or_default(value: &Option<Self>) -> &str {
        value.as_deref().unwrap_or_default()
    }
}

macro_rules! or_none_by_value {
    ($($ty:ty),*) => {
        $(impl OrDefault for $ty {
            type Read<'a> = Option<$ty>;
            fn or_default(value: &Option<Self>) -> Option<$ty> {
                *value
            }
        })*
    };
}

or_none_by_value!(Id, Timestamp);

macro_rules! or_none_by_ref {
    ($($ty:ty),*) => {
        $(impl OrDefault for $ty {
            type Read<'a> = Option<&'a $ty>;
            fn or_default(value: &Option<Self>) -> Option<&$ty> {
                value.as_ref()
            }
        })*
    };
}

or_none_by_ref!(Secret, serde_json::Value);

#[cfg(test)]
mod tests {
    use super::Timestamp;

    #[test]
    fn json_text_is_the_floats_shortest_form() {
        let mut millis: i64 = 1;
        for _ in 0..2_000 {
            for m in [
                millis,
                -millis,
                millis - millis % 1000,
                1_700_000_000_000 + millis % 997,
            ] {
                let t = Timestamp::from_millis(m);
                assert_eq!(t.json_text(), t.to_json().to_string(), "{m}");
            }
            millis = millis.wrapping_mul(31).wrapping_add(7) % 100_000_000_000_000;
        }
    }
}
