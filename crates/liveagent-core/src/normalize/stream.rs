//! The lenient response walk, in one pass over the body bytes: it reads the body against the
//! schema and writes the normalized JSON text as it goes (wire key order kept, declared fields
//! the server left out appended), with the drift list beside it. No tree is built.
//!
//! What fails a call: a body that is not JSON, a record without its `id`, an envelope without
//! the key that carries its items (or with something other than an array there), and a body
//! of the wrong kind at the top. Everything else is drift: an absent or `null` required field
//! reads as `null` (lists and maps as empty ones), a value of the wrong type that cannot be
//! converted becomes `null`, and a list item, map value or union member that fits nothing is
//! kept as it came.

use super::reader::{Kind, MAX_DEPTH, Malformed, Out, Reader, decode, write_raw_string, write_str};
use super::{Drift, DriftKind, DriftReport, Mismatch, PathNode};
use crate::schema::{Field, ObjectShape, Shape, UnionShape, describe};

/// What became of one value.
pub(super) enum Outcome {
    /// Read and written.
    Done,
    /// It does not fit its shape: nothing was read or written, and this is the JSON type that
    /// came. The caller decides what becomes of it.
    Unfit(&'static str),
}

pub(super) type Walked = Result<Outcome, Mismatch>;

/// Which variant of a union an object is.
pub(super) enum Choice<'a> {
    /// Named by its tag.
    Tagged(usize),
    /// The best fit, already walked.
    Fitted(usize, Stream<'a>),
    /// Its tag names no known variant.
    UnknownTag(String),
    /// No variant fits.
    NoFit,
}

impl From<Malformed> for Mismatch {
    fn from(m: Malformed) -> Mismatch {
        Mismatch {
            path: "$".into(),
            message: m.0,
        }
    }
}

pub(super) struct Stream<'a> {
    pub(super) r: Reader<'a>,
    pub(super) out: Out,
    pub(super) drift: DriftReport,
    /// Inside a [`Shape::Flex`]: conversions are expected, not drift.
    pub(super) flex: bool,
    pub(super) depth: usize,
}

impl<'a> Stream<'a> {
    pub(super) fn new(body: &'a [u8]) -> Stream<'a> {
        Stream {
            r: Reader::new(body),
            out: Out::with_capacity(body.len() + body.len() / 4),
            drift: DriftReport::default(),
            flex: false,
            depth: 0,
        }
    }

    /// Walks the whole body; only whitespace may follow the value.
    pub(super) fn body(&mut self, shape: &Shape) -> Result<(), Mismatch> {
        if let Outcome::Unfit(found) = self.walk(shape, &PathNode::ROOT, None)? {
            return Err(Mismatch {
                path: "$".into(),
                message: format!("expected {}, found {found}", describe(shape)),
            });
        }
        self.r.skip_ws();
        if self.r.pos != self.r.bytes.len() {
            return Err(self.r.error("trailing characters").into());
        }
        Ok(())
    }

    pub(super) fn report(&mut self, path: &PathNode<'_>, kind: DriftKind) {
        self.drift.push(Drift {
            path: path.render(),
            kind,
        });
    }

    /// Walks one value against `shape`; `parent` reads the object that holds it, where a
    /// union may find its tag (`meta.assignee_type`).
    fn walk(&mut self, shape: &Shape, path: &PathNode<'_>, parent: Option<&Reader<'a>>) -> Walked {
        let kind = self.r.peek()?;
        match shape {
            Shape::Nullable(inner) => {
                if kind == Kind::Null {
                    self.r.bool_or_null()?;
                    self.out.push_str("null");
                    return Ok(Outcome::Done);
                }
                if let Outcome::Unfit(found) = self.walk(inner, path, parent)? {
                    let expected = describe(inner);
                    self.report(path, DriftKind::Dropped { expected, found });
                    self.r.skip(self.depth)?;
                    self.out.push_str("null");
                }
                Ok(Outcome::Done)
            }
            Shape::Flex(inner) => {
                let outer = std::mem::replace(&mut self.flex, true);
                let result = self.walk(inner, path, parent);
                self.flex = outer;
                result
            }
            Shape::List(inner) if kind == Kind::Array => self.nested(|s| s.list(inner, path)),
            Shape::Map(inner) if kind == Kind::Object => self.nested(|s| s.map(inner, path)),
            Shape::Object(o) if kind == Kind::Object => self.nested(|s| s.object(o, path)),
            Shape::Union(u) if kind == Kind::Object => self.nested(|s| s.union(u, path, parent)),
            Shape::List(_) | Shape::Map(_) | Shape::Object(_) | Shape::Union(_) => {
                Ok(Outcome::Unfit(kind.name()))
            }
            Shape::Enum(e) => match kind {
                Kind::String => {
                    let raw = self.r.string()?;
                    if decode(raw).is_none_or(|s| e.by_wire(&s).is_none()) {
                        let unknown = decode(raw).unwrap_or_default().into_owned();
                        self.report(path, DriftKind::UnknownValue(unknown));
                    }
                    write_raw_string(&mut self.out, raw);
                    Ok(Outcome::Done)
                }
                Kind::Number => {
                    let text = self.r.number()?;
                    match text.parse::<i64>().ok().and_then(|code| e.by_code(code)) {
                        Some(known) => write_str(&mut self.out, known.wire),
                        None => {
                            self.report(path, DriftKind::UnknownValue(text.to_owned()));
                            write_str(&mut self.out, text);
                        }
                    }
                    Ok(Outcome::Done)
                }
                other => Ok(Outcome::Unfit(other.name())),
            },
            Shape::Json => {
                self.r.copy(Some(&mut self.out), self.depth)?;
                Ok(Outcome::Done)
            }
            scalar => self.scalar(scalar, kind, path),
        }
    }

    /// Runs `inner` one level deeper, refusing bodies nested past [`MAX_DEPTH`].
    fn nested(&mut self, inner: impl FnOnce(&mut Self) -> Walked) -> Walked {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.r.error("nesting too deep").into());
        }
        let result = inner(self);
        self.depth -= 1;
        result
    }

    fn list(&mut self, inner: &Shape, path: &PathNode<'_>) -> Walked {
        self.out.push('[');
        if self.r.open(b'[', b']')? {
            let mut i = 0;
            loop {
                if i > 0 {
                    self.out.push(',');
                }
                self.item(inner, &path.index(i))?;
                i += 1;
                if !self.r.next_member(b']')? {
                    break;
                }
            }
        }
        self.out.push(']');
        Ok(Outcome::Done)
    }

    fn map(&mut self, inner: &Shape, path: &PathNode<'_>) -> Walked {
        self.out.push('{');
        if self.r.open(b'{', b'}')? {
            let mut first = true;
            loop {
                if !first {
                    self.out.push(',');
                }
                first = false;
                let raw = self.r.key()?;
                write_raw_string(&mut self.out, raw);
                self.out.push(':');
                let key = decode(raw).unwrap_or_default();
                self.item(inner, &path.key(&key))?;
                if !self.r.next_member(b'}')? {
                    break;
                }
            }
        }
        self.out.push('}');
        Ok(Outcome::Done)
    }

    /// A list item or map value: one that fits nothing is kept as it came, with drift.
    fn item(&mut self, shape: &Shape, path: &PathNode<'_>) -> Result<(), Mismatch> {
        if let Outcome::Unfit(found) = self.walk(shape, path, None)? {
            let expected = describe(shape);
            self.report(path, DriftKind::Kept { expected, found });
            self.r.copy(Some(&mut self.out), self.depth)?;
        }
        Ok(())
    }

    fn object(&mut self, object: &ObjectShape, path: &PathNode<'_>) -> Walked {
        debug_assert!(
            object.fields.len() <= 128,
            "{} has too many fields",
            object.name
        );
        // Where this object starts: a union field may read its tag from a sibling.
        let start = self.r.clone();
        let mut seen = Seen::default();
        let mut first = true;
        self.out.push('{');
        if self.r.open(b'{', b'}')? {
            // Views render fields in the declared order: look at the next one first.
            let mut next = 0;
            loop {
                let raw = self.r.key()?;
                let found = if object
                    .fields
                    .get(next)
                    .is_some_and(|f| f.name.as_bytes() == raw)
                {
                    Some(next)
                } else if raw.contains(&b'\\') {
                    let key = decode(raw).unwrap_or_default();
                    object.fields.iter().position(|f| f.name == key)
                } else {
                    object.fields.iter().position(|f| f.name.as_bytes() == raw)
                };
                match found {
                    Some(i) if seen.has(i) => {
                        // JSON.parse keeps the last, serde the first: keep one, say so.
                        self.report(&path.key(object.fields[i].name), DriftKind::Duplicate);
                        self.r.skip(self.depth)?;
                    }
                    Some(i) => {
                        seen.set(i);
                        next = i + 1;
                        self.comma(&mut first);
                        let field = &object.fields[i];
                        self.out.push('"');
                        self.out.push_str(field.name);
                        self.out.push_str("\":");
                        self.field(field, &path.key(field.name), Some(&start))?;
                    }
                    None => {
                        self.comma(&mut first);
                        write_raw_string(&mut self.out, raw);
                        self.out.push(':');
                        let key = decode(raw)
                            .ok_or_else(|| Mismatch::from(Malformed("bad key".into())))?;
                        // `@odata.context` and the like annotate the data; they are none of it.
                        if !key.starts_with('@') {
                            self.report(&path.key(&key), DriftKind::UnknownField);
                        }
                        self.r.copy(Some(&mut self.out), self.depth)?;
                    }
                }
                if !self.r.next_member(b'}')? {
                    break;
                }
            }
        }
        for (i, field) in object.fields.iter().enumerate() {
            if !seen.has(i) {
                self.comma(&mut first);
                self.out.push('"');
                self.out.push_str(field.name);
                self.out.push_str("\":");
                self.absent(field, &path.key(field.name), true)?;
            }
        }
        self.out.push('}');
        Ok(Outcome::Done)
    }

    fn comma(&mut self, first: &mut bool) {
        if !*first {
            self.out.push(',');
        }
        *first = false;
    }

    /// A declared field that is present; its name is written.
    fn field(
        &mut self,
        field: &Field,
        path: &PathNode<'_>,
        parent: Option<&Reader<'a>>,
    ) -> Result<(), Mismatch> {
        let shape = field.shape();
        if self.r.peek()? == Kind::Null {
            self.r.bool_or_null()?;
            return self.absent(field, path, false);
        }
        if let Outcome::Unfit(found) = self.walk(shape, path, parent)? {
            if must_have(field) {
                return Err(Mismatch {
                    path: path.render(),
                    message: format!("expected {}, found {found}", describe(shape)),
                });
            }
            let expected = describe(shape);
            self.report(path, DriftKind::Dropped { expected, found });
            self.r.skip(self.depth)?;
            self.out.push_str(empty_of(shape));
        }
        Ok(())
    }

    /// A declared field that is absent or `null`: writes what it reads as.
    fn absent(
        &mut self,
        field: &Field,
        path: &PathNode<'_>,
        missing: bool,
    ) -> Result<(), Mismatch> {
        let shape = field.shape();
        if must_have(field) {
            return Err(Mismatch {
                path: path.render(),
                message: format!(
                    "{} (expected {})",
                    if missing { "missing" } else { "null" },
                    describe(shape)
                ),
            });
        }
        if field.is_optional() {
            self.out.push_str("null");
            return Ok(());
        }
        // Views leave out an empty list (`attachments`): an empty one is what the server meant.
        let documented = missing && matches!(strip(shape), Shape::List(_));
        if !documented {
            let expected = describe(shape);
            let kind = if missing {
                DriftKind::Missing { expected }
            } else {
                DriftKind::Null { expected }
            };
            self.report(path, kind);
        }
        self.out.push_str(empty_of(shape));
        Ok(())
    }

    fn union(
        &mut self,
        union: &UnionShape,
        path: &PathNode<'_>,
        parent: Option<&Reader<'a>>,
    ) -> Walked {
        match self.choose(union, path, parent)? {
            Choice::Tagged(i) => self.walk(union.variants[i].shape, path, None),
            Choice::Fitted(_, best) => {
                self.out.0.extend_from_slice(&best.out.0);
                self.r = best.r;
                for drift in best.drift.entries {
                    self.drift.push(drift);
                }
                self.drift.omitted += best.drift.omitted;
                Ok(Outcome::Done)
            }
            Choice::UnknownTag(tag) => {
                // Kept as it came: a sender or assignee kind this SDK version does not know.
                self.report(path, DriftKind::UnknownValue(tag));
                self.r.copy(Some(&mut self.out), self.depth)?;
                Ok(Outcome::Done)
            }
            Choice::NoFit => {
                let expected = format!("object {}", union.name);
                self.report(
                    path,
                    DriftKind::Kept {
                        expected,
                        found: "object",
                    },
                );
                self.r.copy(Some(&mut self.out), self.depth)?;
                Ok(Outcome::Done)
            }
        }
    }

    /// Which variant of `union` the object that starts here is: by its tag (inside it, or held
    /// by its parent), else the one that fits with the least drift.
    pub(super) fn choose(
        &mut self,
        union: &UnionShape,
        path: &PathNode<'_>,
        parent: Option<&Reader<'a>>,
    ) -> Result<Choice<'a>, Mismatch> {
        let tag = match (union.tag, union.parent_tag) {
            (Some(key), _) => self.r.peek_key(key),
            (None, Some(key)) => parent.and_then(|p| p.peek_key(key)),
            (None, None) => None,
        };
        if let Some(tag) = tag {
            return Ok(
                match union.variants.iter().position(|v| v.tag == tag.as_ref()) {
                    Some(i) => Choice::Tagged(i),
                    None => Choice::UnknownTag(tag.into_owned()),
                },
            );
        }
        Ok(self.best_fit(union, path))
    }

    /// The variant that fits with the least drift, walked: one that keeps at least half of its
    /// declared fields (so that leniency about absence cannot make an object of another kind
    /// fit) without a fatal error.
    fn best_fit(&self, union: &UnionShape, path: &PathNode<'_>) -> Choice<'a> {
        let present = self.r.present_keys();
        let mut best: Option<(usize, Stream<'a>)> = None;
        for (i, variant) in union.variants.iter().enumerate() {
            let shape = variant.shape;
            if let Shape::Object(o) = shape {
                let kept = o
                    .fields
                    .iter()
                    .filter(|f| present.contains(&f.name.as_bytes()))
                    .count();
                if kept * 2 < o.fields.len() {
                    continue;
                }
            }
            let mut trial = Stream {
                r: self.r.clone(),
                out: Out::default(),
                drift: DriftReport::default(),
                flex: self.flex,
                depth: self.depth,
            };
            if matches!(trial.walk(shape, path, None), Ok(Outcome::Done)) {
                let drift = trial.drift.entries.len() + trial.drift.omitted;
                let least = best
                    .as_ref()
                    .map(|(_, b)| b.drift.entries.len() + b.drift.omitted);
                if least.is_none_or(|least| drift < least) {
                    best = Some((i, trial));
                }
                if drift == 0 {
                    break;
                }
            }
        }
        best.map_or(Choice::NoFit, |(i, trial)| Choice::Fitted(i, trial))
    }
}

/// Which declared fields of an object were seen: two words, not a u128 (whose shifts wasm
/// does in software).
#[derive(Default)]
struct Seen([u64; 2]);

impl Seen {
    fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn set(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
}

/// A field whose absence makes the response unusable: a record's own `id`, or the key that
/// carries a listing's items.
fn must_have(field: &Field) -> bool {
    field.items || (field.name == "id" && matches!(field.shape(), Shape::Id))
}

/// What an absent or unusable value of `shape` reads as: an empty list or map, else `null`.
fn empty_of(shape: &Shape) -> &'static str {
    match strip(shape) {
        Shape::List(_) => "[]",
        Shape::Map(_) => "{}",
        _ => "null",
    }
}

fn strip(mut shape: &Shape) -> &Shape {
    while let Shape::Flex(inner) = shape {
        shape = inner;
    }
    shape
}
