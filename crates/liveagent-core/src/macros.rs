//! The declaration macros of the model layer: `model!`, `open_enum!` and `params!`.
//!
//! Each declaration yields the Rust type (serde derives, for native Rust users) and its static
//! [`Shape`](crate::schema::Shape) (for the generic engine, the wasm build and codegen), so the
//! two can never disagree.

/// Joins `///` lines into one [`Doc`](crate::schema::Doc): the text when the `docs` feature is
/// on, else nothing at all (the text is not even linked).
macro_rules! doc_text {
    ($($doc:literal)*) => {
        $crate::schema::doc(concat!($($doc, "\n"),*))
    };
}

/// Declares a response model: a struct whose unknown wire fields are kept in `extra`.
///
/// Field types are written as the server's view documents them; the Rust field is an `Option`
/// of that type unless it is a record's `id`, already an `Option`, or a list or map (which
/// read as empty when absent). A server may leave out any field (Live Agent is an older fork),
/// so the Rust type says so; each such field also gets an accessor of the same name that
/// reads it with a documented default ([`OrDefault`](crate::types::OrDefault)). The shape keeps
/// the documented type, so TypeScript and strict mode still know what is required.
/// `as items` marks the key that carries a listing's items; `as flex` a field whose either
/// form (number or numeric string) is documented; `as iso` a timestamp the view sends as an
/// ISO-8601 string (others are epoch seconds).
macro_rules! model {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident { $($fields:tt)* }
    ) => {
        model!(@munch [$($doc)*] $name [] $($fields)*);
    };
    (@munch $docs:tt $name:ident [$($acc:tt)*]
        $(#[doc = $fdoc:literal])* id : Id $(as $flag:ident)? $(, $($rest:tt)*)?
    ) => {
        model!(@munch $docs $name [$($acc)* ([$($fdoc)*] id, Id, Id, [$($flag)?], keep)] $($($rest)*)?);
    };
    (@munch $docs:tt $name:ident [$($acc:tt)*]
        $(#[doc = $fdoc:literal])* $field:ident : Option<$inner:ty> $(as $flag:ident)? $(, $($rest:tt)*)?
    ) => {
        model!(@munch $docs $name [$($acc)* ([$($fdoc)*] $field, Option<$inner>, Option<$inner>, [$($flag)?], keep)] $($($rest)*)?);
    };
    (@munch $docs:tt $name:ident [$($acc:tt)*]
        $(#[doc = $fdoc:literal])* $field:ident : Vec<$inner:ty> $(as $flag:ident)? $(, $($rest:tt)*)?
    ) => {
        model!(@munch $docs $name [$($acc)* ([$($fdoc)*] $field, Vec<$inner>, Vec<$inner>, [$($flag)?], keep)] $($($rest)*)?);
    };
    (@munch $docs:tt $name:ident [$($acc:tt)*]
        $(#[doc = $fdoc:literal])* $field:ident : JsonObject $(as $flag:ident)? $(, $($rest:tt)*)?
    ) => {
        model!(@munch $docs $name [$($acc)* ([$($fdoc)*] $field, JsonObject, JsonObject, [$($flag)?], keep)] $($($rest)*)?);
    };
    (@munch $docs:tt $name:ident [$($acc:tt)*]
        $(#[doc = $fdoc:literal])* $field:ident : BTreeMap<$key:ty, $inner:ty> $(as $flag:ident)? $(, $($rest:tt)*)?
    ) => {
        model!(@munch $docs $name [$($acc)* ([$($fdoc)*] $field, BTreeMap<$key, $inner>, BTreeMap<$key, $inner>, [$($flag)?], keep)] $($($rest)*)?);
    };
    // The key of a listing's items is never absent from a parsed response: its absence fails.
    (@munch $docs:tt $name:ident [$($acc:tt)*]
        $(#[doc = $fdoc:literal])* $field:ident : $ty:ty as items $(, $($rest:tt)*)?
    ) => {
        model!(@munch $docs $name [$($acc)* ([$($fdoc)*] $field, $ty, $ty, [items], keep)] $($($rest)*)?);
    };
    (@munch $docs:tt $name:ident [$($acc:tt)*]
        $(#[doc = $fdoc:literal])* $field:ident : $ty:ty $(as $flag:ident)? $(, $($rest:tt)*)?
    ) => {
        model!(@munch $docs $name [$($acc)* ([$($fdoc)*] $field, Option<$ty>, $ty, [$($flag)?], read)] $($($rest)*)?);
    };
    (@munch [$($doc:literal)*] $name:ident
        [$(([$($fdoc:literal)*] $field:ident, $rust:ty, $wire:ty, [$($flag:ident)?], $access:ident))*]
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                pub $field: $rust,
            )*
            /// Fields this SDK version does not model, kept as they came.
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        /// Credentials among the fields this version does not model are redacted.
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    $(.field(stringify!($field), &self.$field))*
                    .field("extra", &$crate::redact::Redacted(&self.extra))
                    .finish()
            }
        }

        impl $name {
            $(model!(@access $access $field $wire);)*
        }

        impl $crate::schema::Schema for $name {
            // A static, so that models may refer to each other in cycles.
            const SHAPE: &'static $crate::schema::Shape = {
                static SHAPE: $crate::schema::Shape =
                    $crate::schema::Shape::Object(&$crate::schema::ObjectShape {
                        name: stringify!($name),
                        doc: doc_text!($($doc)*),
                        fields: &[$(
                            $crate::schema::Field {
                                name: $crate::schema::wire_name(stringify!($field)),
                                shape: model!(@shape $wire $(, $flag)?),
                                place: $crate::schema::Place::Body,
                                doc: doc_text!($($fdoc)*),
                                items: model!(@items $($flag)?),
                            },
                        )*],
                        input: false,
                    });
                &SHAPE
            };
        }

        impl $crate::schema::IsAbsent for $name {}

        impl $crate::types::OrDefault for $name {
            type Read<'a> = Option<&'a $name>;
            fn or_default(value: &Option<Self>) -> Option<&$name> {
                value.as_ref()
            }
        }

        impl $crate::endpoint::ResponseBody for $name {
            const KIND: $crate::endpoint::ResponseKind = $crate::endpoint::ResponseKind::Json(
                <Self as $crate::schema::Schema>::SHAPE,
            );
        }
    };
    (@access keep $field:ident $wire:ty) => {};
    (@access read $field:ident $wire:ty) => {
        #[doc = concat!("`", stringify!($field), "`, or its default when the server left it out (see [`OrDefault`](crate::types::OrDefault)).")]
        pub fn $field(&self) -> <$wire as $crate::types::OrDefault>::Read<'_> {
            <$wire as $crate::types::OrDefault>::or_default(&self.$field)
        }
    };
    (@items) => { false };
    (@items items) => { true };
    (@items flex) => { false };
    (@items iso) => { false };
    (@shape $ty:ty) => { <$ty as $crate::schema::Schema>::SHAPE };
    (@shape $ty:ty, items) => { <$ty as $crate::schema::Schema>::SHAPE };
    (@shape $ty:ty, iso) => { <$ty as $crate::schema::IsoForm>::SHAPE };
    (@shape $ty:ty, flex) => { &$crate::schema::Shape::Flex(<$ty as $crate::schema::Schema>::SHAPE) };
}

/// Declares an open enum: known values (string form, and the integer form some views use),
/// plus `Other` for values this SDK version does not know.
macro_rules! open_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $(
                $(#[doc = $vdoc:literal])*
                $variant:ident = $wire:literal $(($code:literal))?
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                $variant,
            )*
            /// A value this SDK version does not know, as the server sent it.
            Other(String),
        }

        impl $name {
            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::Other(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $($wire => Self::$variant,)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl $crate::types::IntoParam<$name> for &str {
            fn into_param(self) -> $name {
                $name::from(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        /// Reads the normalized form only, the string: the normalizer is the one place that
        /// turns integer codes into names (and reports unknown ones).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Ok(Self::from(text.as_ref()))
            }
        }

        impl $crate::schema::Schema for $name {
            const SHAPE: &'static $crate::schema::Shape =
                &$crate::schema::Shape::Enum(&$crate::schema::EnumShape {
                    name: stringify!($name),
                    doc: doc_text!($($doc)*),
                    values: &[$(
                        $crate::schema::EnumValue {
                            wire: $wire,
                            code: open_enum!(@code $($code)?),
                            doc: doc_text!($($vdoc)*),
                        },
                    )*],
                });
        }

        impl $crate::schema::IsAbsent for $name {}

        impl $crate::types::OrDefault for $name {
            type Read<'a> = Option<&'a $name>;
            fn or_default(value: &Option<Self>) -> Option<&$name> {
                value.as_ref()
            }
        }
    };
    (@code) => { None };
    (@code $code:literal) => { Some($code) };
}

/// Declares a params struct. Each field names where it goes (`path`, `query` or `body`);
/// `Option` fields may be left unset and are then not sent. Generates `new(required...)`
/// and a chainable setter per optional field.
macro_rules! params {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident { $($fields:tt)* }
    ) => {
        params!(@munch [$($doc)*] $name [] [] [] $($fields)*);
    };
    (@munch $docs:tt $name:ident [$($all:tt)*] [$($req:tt)*] [$($opt:tt)*]
        $(#[doc = $fdoc:literal])* $place:ident $field:ident : Option<$inner:ty> $(, $($rest:tt)*)?
    ) => {
        params!(@munch $docs $name
            [$($all)* ([$($fdoc)*] $place $field Option<$inner>)]
            [$($req)*]
            [$($opt)* ($field $inner)]
            $($($rest)*)?);
    };
    (@munch $docs:tt $name:ident [$($all:tt)*] [$($req:tt)*] [$($opt:tt)*]
        $(#[doc = $fdoc:literal])* $place:ident $field:ident : $ty:ty $(, $($rest:tt)*)?
    ) => {
        params!(@munch $docs $name
            [$($all)* ([$($fdoc)*] $place $field $ty)]
            [$($req)* ($field $ty)]
            [$($opt)*]
            $($($rest)*)?);
    };
    (@munch $docs:tt $name:ident $all:tt [] $opt:tt) => {
        params!(@emit $docs $name $all [] $opt);
        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }
    };
    (@munch $docs:tt $name:ident $all:tt $req:tt $opt:tt) => {
        params!(@emit $docs $name $all $req $opt);
    };
    (@emit [$($doc:literal)*] $name:ident
        [$(([$($fdoc:literal)*] $place:ident $field:ident $ty:ty))*]
        [$(($rfield:ident $rty:ty))*]
        [$(($ofield:ident $oty:ty))*]
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                #[serde(skip_serializing_if = "crate::schema::IsAbsent::is_absent")]
                pub $field: $ty,
            )*
        }

        impl $name {
            /// Params with the required fields set and every optional field unset.
            #[allow(clippy::new_without_default)]
            pub fn new($($rfield: impl $crate::types::IntoParam<$rty>),*) -> Self {
                Self {
                    $($rfield: $crate::types::IntoParam::into_param($rfield),)*
                    $($ofield: None,)*
                }
            }

            $(
                #[doc = concat!("Sets `", stringify!($ofield), "`.")]
                pub fn $ofield(mut self, value: impl $crate::types::IntoParam<$oty>) -> Self {
                    self.$ofield = Some($crate::types::IntoParam::into_param(value));
                    self
                }
            )*
        }

        impl $crate::schema::Schema for $name {
            const SHAPE: &'static $crate::schema::Shape =
                &$crate::schema::Shape::Object(&$crate::schema::ObjectShape {
                    name: stringify!($name),
                    doc: doc_text!($($doc)*),
                    fields: &[$(
                        $crate::schema::Field {
                            name: $crate::schema::wire_name(stringify!($field)),
                            shape: <$ty as $crate::schema::Schema>::SHAPE,
                            place: params!(@place $place),
                            doc: doc_text!($($fdoc)*),
                            items: false,
                        },
                    )*],
                    input: true,
                });
        }

        impl $crate::schema::IsAbsent for $name {}
    };
    (@place path) => { $crate::schema::Place::Path };
    (@place query) => { $crate::schema::Place::Query };
    (@place body) => { $crate::schema::Place::Body };
}

/// Declares a union of models: `tag "field"` picks the variant by that field's value,
/// `parent_tag "field"` by the value of that field of the object holding the union; without a
/// tag, the variant that fits best is taken. Unknown kinds land in `Other`.
macro_rules! one_of {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident $(tag $tag:literal)? $(parent_tag $ptag:literal)? {
            $(
                $(#[doc = $vdoc:literal])*
                $variant:ident ( $($vtag:literal ,)? $ty:ty )
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        // Variants are the wire's records, unboxed, so that matching on them stays plain
        // (a user and a message can differ a lot in size).
        #[allow(clippy::large_enum_variant)]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                $variant($ty),
            )*
            /// A kind this SDK version does not know, as the server sent it.
            Other(serde_json::Value),
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(v) => v.serialize(s),)*
                    Self::Other(v) => v.serialize(s),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            #[allow(unused_assignments)]
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
                let $crate::schema::Shape::Union(shape) = <Self as $crate::schema::Schema>::SHAPE else {
                    return Ok(Self::Other(value));
                };
                match $crate::normalize::pick_variant(shape, &value) {
                    $crate::normalize::Pick::Variant(index) => {
                        let mut k = 0usize;
                        $(
                            if index == k {
                                return serde_json::from_value(value).map(Self::$variant).map_err(serde::de::Error::custom);
                            }
                            k += 1;
                        )*
                        Ok(Self::Other(value))
                    }
                    _ => Ok(Self::Other(value)),
                }
            }
        }

        impl $crate::schema::Schema for $name {
            const SHAPE: &'static $crate::schema::Shape =
                &$crate::schema::Shape::Union(&$crate::schema::UnionShape {
                    name: stringify!($name),
                    doc: doc_text!($($doc)*),
                    tag: one_of!(@opt $($tag)?),
                    parent_tag: one_of!(@opt $($ptag)?),
                    variants: &[$(
                        $crate::schema::UnionVariant {
                            tag: one_of!(@vtag $($vtag)?),
                            shape: <$ty as $crate::schema::Schema>::SHAPE,
                        },
                    )*],
                });
        }

        impl $crate::schema::IsAbsent for $name {}

        impl $crate::types::OrDefault for $name {
            type Read<'a> = Option<&'a $name>;
            fn or_default(value: &Option<Self>) -> Option<&$name> {
                value.as_ref()
            }
        }

        impl $crate::endpoint::ResponseBody for $name {
            const KIND: $crate::endpoint::ResponseKind = $crate::endpoint::ResponseKind::Json(
                <Self as $crate::schema::Schema>::SHAPE,
            );
        }
    };
    (@opt) => { None };
    (@opt $v:literal) => { Some($v) };
    (@vtag) => { "" };
    (@vtag $v:literal) => { $v };
}
