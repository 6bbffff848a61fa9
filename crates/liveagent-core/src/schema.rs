//! Schema layer shared by every API family: the wire shape of each model and params type.
//!
//! Every model, enum and params struct describes itself as a static [`Shape`]. One generic engine
//! walks those shapes to validate requests ([`crate::request`]) and to normalize responses
//! ([`crate::normalize`]); codegen walks them to write the TypeScript declarations. The wasm
//! build uses only these tables, never the serde derives, which keeps it small.

use std::collections::BTreeMap;

/// Documentation text attached to shapes and rows, with the `docs` feature (codegen).
#[cfg(feature = "docs")]
pub type Doc = &'static str;

/// Documentation text attached to shapes and rows: nothing without the `docs` feature, so
/// that the wasm build carries no doc pointers in its tables (8 bytes a field).
#[cfg(not(feature = "docs"))]
pub type Doc = NoDoc;

/// The documentation of a build without the `docs` feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoDoc;

/// A [`Doc`] from the joined `///` lines (see `doc_text!`).
#[cfg(feature = "docs")]
pub const fn doc(text: &'static str) -> Doc {
    text
}

/// A [`Doc`] from the joined `///` lines (see `doc_text!`): nothing without `docs`.
#[cfg(not(feature = "docs"))]
pub const fn doc(_text: &'static str) -> Doc {
    NoDoc
}

/// How a value looks on the wire, and what the SDK turns it into.
#[derive(Debug)]
pub enum Shape {
    /// `true` / `false`. Accepts `"true"`/`"false"` and `0`/`1` as drift.
    Bool,
    /// An integer. Accepts integral floats and numeric strings as drift.
    Int,
    /// Any number. Accepts numeric strings as drift.
    Float,
    /// A string. Accepts numbers and booleans (turned into strings) as drift.
    String,
    /// A record id: a non-negative integer. Accepts numeric strings as drift.
    Id,
    /// A point in time the view sends as epoch seconds, normalized to epoch seconds (a number,
    /// fractional when the wire had sub-second precision). An ISO-8601 string, a numeric string
    /// or milliseconds are converted too, and reported as drift: the server changed format.
    Timestamp,
    /// A point in time the view sends as an ISO-8601 string (Rails' `created_at`), normalized
    /// to epoch seconds like [`Shape::Timestamp`]; an epoch number is converted and reported.
    IsoTimestamp,
    /// Any JSON value, kept as it is.
    Json,
    /// A file to upload (multipart). Only in params.
    File,
    /// The inner shape, or `null`: the field is conditional on the wire, and its absence is no
    /// drift. (Every other field may be absent too, on an older server; that is drift.)
    Nullable(&'static Shape),
    /// An array of the inner shape.
    List(&'static Shape),
    /// An object with free-form keys whose values have the inner shape.
    Map(&'static Shape),
    /// A named object with declared fields.
    Object(&'static ObjectShape),
    /// A named open enum: known values plus any other string.
    Enum(&'static EnumShape),
    /// One of several object shapes: picked by a tag field, or by which one fits.
    Union(&'static UnionShape),
    /// The inner shape, where the server is known to send either form (a page number as a
    /// string or a number): conversions here are documented behaviour, not drift.
    Flex(&'static Shape),
}

/// A named object: a model, an envelope or a params struct.
#[derive(Debug)]
pub struct ObjectShape {
    /// The type name, as in Rust and TypeScript.
    pub name: &'static str,
    /// Type documentation (`docs` feature).
    pub doc: Doc,
    /// Declared fields, in wire order.
    pub fields: &'static [Field],
    /// A params object (caller input): optional fields may be left out. Else a response model,
    /// whose optional fields are always present after normalization (`null` when unset).
    pub input: bool,
}

/// One field of an [`ObjectShape`].
pub struct Field {
    /// The wire name (snake_case, as the server spells it).
    pub name: &'static str,
    /// The field's shape.
    pub shape: &'static Shape,
    /// Where a params field goes in the request. Always [`Place::Body`] for models.
    pub place: Place,
    /// Field documentation (`docs` feature).
    pub doc: Doc,
    /// The key that carries a listing's items, or the envelope object on the way to them: a
    /// response without it (or with something else there) fails, since its items would be lost.
    pub items: bool,
}

impl Field {
    /// The field's shape.
    pub fn shape(&self) -> &'static Shape {
        self.shape
    }

    /// Whether the field may be absent or `null`.
    pub fn is_optional(&self) -> bool {
        let mut shape = self.shape();
        while let Shape::Flex(inner) = shape {
            shape = inner;
        }
        matches!(shape, Shape::Nullable(_))
    }
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Field")
            .field("name", &self.name)
            .field("place", &self.place)
            .finish_non_exhaustive()
    }
}

/// Where a params field is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A `{name}` segment of the path template, percent-encoded.
    Path,
    /// The query string, Rails style (`labels[]=a&labels[]=b`).
    Query,
    /// The request body (JSON, or multipart when a file is attached).
    Body,
}

/// A named union of object shapes.
#[derive(Debug)]
pub struct UnionShape {
    /// The type name.
    pub name: &'static str,
    /// Type documentation (`docs` feature).
    pub doc: Doc,
    /// The field whose string value names the variant; `None`: the first variant that fits.
    pub tag: Option<&'static str>,
    /// The field of the parent object whose string value names the variant (a conversation's
    /// `meta.assignee_type` for `meta.assignee`).
    pub parent_tag: Option<&'static str>,
    /// The variants, in the order they are tried.
    pub variants: &'static [UnionVariant],
}

/// One variant of a [`UnionShape`].
pub struct UnionVariant {
    /// Value of the tag field that selects it (empty for untagged unions).
    pub tag: &'static str,
    /// Its shape.
    pub shape: &'static Shape,
}

impl std::fmt::Debug for UnionVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnionVariant")
            .field("tag", &self.tag)
            .finish_non_exhaustive()
    }
}

/// A named open enum.
#[derive(Debug)]
pub struct EnumShape {
    /// The type name.
    pub name: &'static str,
    /// Type documentation (`docs` feature).
    pub doc: Doc,
    /// Known values.
    pub values: &'static [EnumValue],
}

/// One known value of an [`EnumShape`].
#[derive(Debug)]
pub struct EnumValue {
    /// The string form, which the SDK always emits.
    pub wire: &'static str,
    /// The integer form some representations use instead (Rails enum index), if any. 32 bits:
    /// Rails indices are small, and the wasm tables are 8 bytes a value smaller for it.
    pub code: Option<i32>,
    /// Value documentation (`docs` feature).
    pub doc: Doc,
}

impl EnumShape {
    /// The known value spelled `wire`, if any.
    pub fn by_wire(&self, wire: &str) -> Option<&'static EnumValue> {
        self.values.iter().find(|v| v.wire == wire)
    }

    /// The known value with integer form `code`, if any.
    pub fn by_code(&self, code: i64) -> Option<&'static EnumValue> {
        self.values
            .iter()
            .find(|v| v.code.is_some_and(|c| i64::from(c) == code))
    }
}

/// A type that knows its wire shape.
pub trait Schema {
    /// The shape.
    const SHAPE: &'static Shape;

    /// The shape, as a function pointer for [`Field::shape`].
    fn shape() -> &'static Shape {
        Self::SHAPE
    }
}

macro_rules! leaf_schema {
    ($($ty:ty => $shape:ident),* $(,)?) => {
        $(impl Schema for $ty {
            const SHAPE: &'static Shape = &Shape::$shape;
        })*
    };
}

leaf_schema! {
    bool => Bool,
    i32 => Int,
    i64 => Int,
    u16 => Int,
    u32 => Int,
    u64 => Int,
    f64 => Float,
    String => String,
    serde_json::Value => Json,
}

impl<T: Schema> Schema for Option<T> {
    const SHAPE: &'static Shape = &Shape::Nullable(T::SHAPE);
}

impl<T: Schema> Schema for Vec<T> {
    const SHAPE: &'static Shape = &Shape::List(T::SHAPE);
}

impl<T: Schema> Schema for BTreeMap<String, T> {
    const SHAPE: &'static Shape = &Shape::Map(T::SHAPE);
}

impl Schema for serde_json::Map<String, serde_json::Value> {
    const SHAPE: &'static Shape = &Shape::Map(&Shape::Json);
}

/// The shape of a timestamp field whose view sends ISO-8601 strings (`as iso` in `model!`).
pub trait IsoForm {
    /// `IsoTimestamp`, or `null` or `IsoTimestamp`.
    const SHAPE: &'static Shape;
}

impl IsoForm for crate::types::Timestamp {
    const SHAPE: &'static Shape = &Shape::IsoTimestamp;
}

impl IsoForm for Option<crate::types::Timestamp> {
    const SHAPE: &'static Shape = &Shape::Nullable(&Shape::IsoTimestamp);
}

/// A free-form JSON object (`custom_attributes`, `additional_attributes`, ...).
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// The wire name of a Rust field name: `r#type` is sent as `type`.
pub const fn wire_name(rust: &'static str) -> &'static str {
    match (rust.as_bytes(), rust.split_at_checked(2)) {
        ([b'r', b'#', ..], Some((_, rest))) => rest,
        _ => rust,
    }
}

/// Whether a value would be left out of a serialized params struct (an unset `Option`).
///
/// The params macro puts `skip_serializing_if = "IsAbsent::is_absent"` on every field, so
/// unset options are not sent at all, while required fields always are.
pub trait IsAbsent {
    /// `true` for `None`.
    fn is_absent(&self) -> bool {
        false
    }
}

impl<T> IsAbsent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

macro_rules! never_absent {
    ($($ty:ty),*) => { $(impl IsAbsent for $ty {})* };
}

never_absent!(
    bool,
    i32,
    i64,
    u16,
    u32,
    u64,
    f64,
    String,
    serde_json::Value,
    serde_json::Map<String, serde_json::Value>
);

impl<T> IsAbsent for Vec<T> {}
impl<T> IsAbsent for BTreeMap<String, T> {}

/// Describes a shape the way the SDK's messages and TypeScript name it (`number`, `Contact[]`).
pub fn describe(shape: &Shape) -> String {
    match shape {
        Shape::Bool => "boolean".into(),
        Shape::Int | Shape::Float => "number".into(),
        Shape::String => "string".into(),
        Shape::Id => "id (integer)".into(),
        Shape::Timestamp => "timestamp (epoch seconds)".into(),
        Shape::IsoTimestamp => "timestamp (ISO-8601)".into(),
        Shape::Json => "any JSON value".into(),
        Shape::File => "file (or a stored file's signed id)".into(),
        Shape::Nullable(inner) => format!("{} or null", describe(inner)),
        Shape::List(inner) => format!("array of {}", describe(inner)),
        Shape::Map(inner) => format!("object of {}", describe(inner)),
        Shape::Object(o) => format!("object {}", o.name),
        Shape::Enum(e) => format!("{} (string)", e.name),
        Shape::Union(u) => format!("object {}", u.name),
        Shape::Flex(inner) => describe(inner),
    }
}
