//! A JSON reader over the body bytes and the writer of the normalized text: tokens are read in
//! place (strings and numbers as spans of the input), and values are copied to the output with
//! every non-ASCII character written as a `\u` escape, so that JavaScript decodes the result as
//! a one-byte string. Written here rather than taken from a crate because the normalizer needs
//! spans it can rewind to and copy from, which serde_json's streaming API does not give.

use std::borrow::Cow;

/// Nesting deeper than this is refused, as serde_json does, so a hostile body cannot exhaust
/// the stack.
pub(super) const MAX_DEPTH: usize = 128;

/// What a value starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Object => "object",
            Kind::Array => "array",
            Kind::String => "string",
            Kind::Number => "number",
            Kind::Bool => "boolean",
            Kind::Null => "null",
        }
    }
}

/// The normalized text being written: bytes, ASCII only (every other character is written as
/// a `\u` escape), so that no step needs to re-validate UTF-8 until the end.
#[derive(Default)]
pub(super) struct Out(pub(super) Vec<u8>);

impl Out {
    pub(super) fn with_capacity(n: usize) -> Out {
        Out(Vec::with_capacity(n))
    }

    /// One ASCII punctuation character.
    pub(super) fn push(&mut self, c: char) {
        debug_assert!(c.is_ascii());
        self.0.push(c as u8);
    }

    pub(super) fn push_str(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    /// The text; it is ASCII by construction, so the check cannot fail.
    pub(super) fn into_string(self) -> String {
        String::from_utf8(self.0)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// The body is not JSON; where it stopped making sense.
#[derive(Debug)]
pub(super) struct Malformed(pub(super) String);

pub(super) type Read<T> = Result<T, Malformed>;

/// A cursor over the body.
#[derive(Clone)]
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    pub(super) fn malformed<T>(&self, what: &str) -> Read<T> {
        Err(self.error(what))
    }

    pub(super) fn error(&self, what: &str) -> Malformed {
        Malformed(format!("not valid JSON: {what} at byte {}", self.pos))
    }

    #[inline]
    pub(super) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The kind of the next value, after whitespace.
    #[inline]
    pub(super) fn peek(&mut self) -> Read<Kind> {
        self.skip_ws();
        Ok(match self.bytes.get(self.pos) {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::String,
            Some(b'-' | b'0'..=b'9') => Kind::Number,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'n') => Kind::Null,
            Some(_) => return self.malformed("unexpected character"),
            None => return self.malformed("unexpected end"),
        })
    }

    #[inline]
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, text: &[u8]) -> Read<()> {
        if self.bytes[self.pos..].starts_with(text) {
            self.pos += text.len();
            Ok(())
        } else {
            self.malformed("bad literal")
        }
    }

    /// `true`, `false` or `null`; `None` for `null`.
    pub(super) fn bool_or_null(&mut self) -> Read<Option<bool>> {
        self.skip_ws();
        match self.bytes.get(self.pos) {
            Some(b't') => self.literal(b"true").map(|()| Some(true)),
            Some(b'f') => self.literal(b"false").map(|()| Some(false)),
            _ => self.literal(b"null").map(|()| None),
        }
    }

    /// A string's raw content (escapes undecoded), validated; the cursor ends past the quote.
    pub(super) fn string(&mut self) -> Read<&'a [u8]> {
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b'"') {
            return self.malformed("expected a string");
        }
        self.pos += 1;
        let start = self.pos;
        loop {
            // Plain ASCII runs are the common case: skip them in one tight loop.
            let run = self.bytes[self.pos..]
                .iter()
                .position(|&b| SPECIAL_IN_STRING[usize::from(b)]);
            self.pos = run.map_or(self.bytes.len(), |n| self.pos + n);
            match self.bytes.get(self.pos) {
                Some(b'"') => break,
                Some(b'\\') => {
                    self.pos += 1;
                    match self.bytes.get(self.pos) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1
                        }
                        Some(b'u') => {
                            let hex = self.bytes.get(self.pos + 1..self.pos + 5);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                return self.malformed("bad \\u escape");
                            }
                            self.pos += 5;
                        }
                        _ => return self.malformed("bad escape"),
                    }
                }
                Some(0..=0x1f) => return self.malformed("control character in a string"),
                Some(_) => match utf8_len(&self.bytes[self.pos..]) {
                    Some(len) => self.pos += len,
                    None => return self.malformed("invalid UTF-8"),
                },
                None => return self.malformed("unterminated string"),
            }
        }
        let raw = &self.bytes[start..self.pos];
        self.pos += 1;
        Ok(raw)
    }

    /// A number's text, validated against the JSON grammar.
    pub(super) fn number(&mut self) -> Read<&'a str> {
        self.skip_ws();
        let start = self.pos;
        let digits = |r: &mut Self| {
            let from = r.pos;
            while r.bytes.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos > from
        };
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        if self.bytes.get(self.pos) == Some(&b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return self.malformed("bad number");
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return self.malformed("bad number");
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !digits(self) {
                return self.malformed("bad number");
            }
        }
        // The span is ASCII by construction.
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("0");
        // As serde_json does, a number no f64 holds (`1e999`) is not JSON: every reader of
        // the output (serde, a strict JSON.parse) would choke on it.
        let plain_integer = text.len() <= 18 && is_integral(text);
        if !plain_integer && crate::types::parse_f64(text).is_none() {
            self.pos = start;
            return self.malformed("number out of range");
        }
        Ok(text)
    }

    /// Enters an object or array: `true` if it has a first member.
    pub(super) fn open(&mut self, open: u8, close: u8) -> Read<bool> {
        if !self.eat(open) {
            return self.malformed("expected an object or array");
        }
        Ok(!self.eat(close))
    }

    /// After a member: `true` if another follows, `false` at the end of the container.
    pub(super) fn next_member(&mut self, close: u8) -> Read<bool> {
        if self.eat(b',') {
            Ok(true)
        } else if self.eat(close) {
            Ok(false)
        } else {
            self.malformed("expected ',' or the end of the container")
        }
    }

    /// An object key and its colon.
    pub(super) fn key(&mut self) -> Read<&'a [u8]> {
        let key = self.string()?;
        if !self.eat(b':') {
            return self.malformed("expected ':'");
        }
        Ok(key)
    }

    /// Skips one value, validating it.
    pub(super) fn skip(&mut self, depth: usize) -> Read<()> {
        self.copy(None, depth)
    }

    /// Copies one value to `out` (or only validates it), escaping non-ASCII characters.
    pub(super) fn copy(&mut self, mut out: Option<&mut Out>, depth: usize) -> Read<()> {
        if depth > MAX_DEPTH {
            return self.malformed("nesting too deep");
        }
        let put = |out: &mut Option<&mut Out>, s: &str| {
            if let Some(o) = out.as_deref_mut() {
                o.push_str(s);
            }
        };
        match self.peek()? {
            Kind::Object | Kind::Array => {
                let object = self.bytes[self.pos] == b'{';
                let (open, close) = if object { (b'{', b'}') } else { (b'[', b']') };
                put(&mut out, if object { "{" } else { "[" });
                if self.open(open, close)? {
                    let mut first = true;
                    loop {
                        if !first {
                            put(&mut out, ",");
                        }
                        first = false;
                        if object {
                            let key = self.key()?;
                            if let Some(o) = out.as_deref_mut() {
                                write_raw_string(o, key);
                                o.push(':');
                            }
                        }
                        self.copy(out.as_deref_mut(), depth + 1)?;
                        if !self.next_member(close)? {
                            break;
                        }
                    }
                }
                put(&mut out, if object { "}" } else { "]" });
            }
            Kind::String => {
                let raw = self.string()?;
                if let Some(o) = out {
                    write_raw_string(o, raw);
                }
            }
            Kind::Number => {
                let text = self.number()?;
                put(&mut out, text);
            }
            Kind::Bool | Kind::Null => {
                let text = match self.bool_or_null()? {
                    Some(true) => "true",
                    Some(false) => "false",
                    None => "null",
                };
                put(&mut out, text);
            }
        }
        Ok(())
    }

    /// The string value of `key` in the object that starts here, without moving the cursor.
    pub(super) fn peek_key(&self, key: &str) -> Option<Cow<'a, str>> {
        let mut r = self.clone();
        if !r.open(b'{', b'}').ok()? {
            return None;
        }
        loop {
            let k = r.key().ok()?;
            if k == key.as_bytes() {
                return match r.peek().ok()? {
                    Kind::String => decode(r.string().ok()?),
                    _ => None,
                };
            }
            r.skip(1).ok()?;
            if !r.next_member(b'}').ok()? {
                return None;
            }
        }
    }

    /// The keys of the object that starts here whose values are not `null`, without moving.
    pub(super) fn present_keys(&self) -> Vec<&'a [u8]> {
        let mut r = self.clone();
        let mut keys = Vec::new();
        if !r.open(b'{', b'}').unwrap_or(false) {
            return keys;
        }
        while let Ok(k) = r.key() {
            if r.peek().ok() != Some(Kind::Null) {
                keys.push(k);
            }
            if r.skip(1).is_err() || !r.next_member(b'}').unwrap_or(false) {
                break;
            }
        }
        keys
    }
}

/// Bytes that end a plain run inside a string: the quote, the backslash, controls, non-ASCII.
const SPECIAL_IN_STRING: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b == b'"' as usize || b == b'\\' as usize || b < 0x20 || b >= 0x80;
        b += 1;
    }
    table
};

/// Whether a JSON number's text is an integer (no fraction, no exponent).
pub(super) fn is_integral(text: &str) -> bool {
    !text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
}

/// Length of the UTF-8 sequence at the start of `bytes`, if it is valid.
fn utf8_len(bytes: &[u8]) -> Option<usize> {
    let len = match bytes.first()? {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let chunk = bytes.get(..len)?;
    std::str::from_utf8(chunk).ok().map(|_| len)
}

/// A string's raw content decoded (escapes resolved); borrowed when it has no escapes. `None`
/// for invalid UTF-8 or a `\u` escape that is half of a surrogate pair alone.
pub(super) fn decode(raw: &[u8]) -> Option<Cow<'_, str>> {
    let text = std::str::from_utf8(raw).ok()?;
    if !raw.contains(&b'\\') {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = rest.as_bytes().get(at + 1)?;
        rest = &rest[at + 2..];
        let c = match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(rest)?;
                rest = &rest[4..];
                match unit {
                    0xd800..=0xdbff => {
                        let low = rest.strip_prefix("\\u").and_then(hex4)?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return None;
                        }
                        rest = &rest[6..];
                        let code = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                        char::from_u32(code)?
                    }
                    _ => char::from_u32(unit)?,
                }
            }
            _ => return None,
        };
        out.push(c);
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// The value of the four hex digits that start `text`.
fn hex4(text: &str) -> Option<u32> {
    let digits = text.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// Writes a validated raw string (escapes kept) as a JSON string, non-ASCII as `\u` escapes.
pub(super) fn write_raw_string(out: &mut Out, raw: &[u8]) {
    out.0.push(b'"');
    if raw.is_ascii() {
        out.0.extend_from_slice(raw);
        out.0.push(b'"');
        return;
    }
    let mut rest = raw;
    while !rest.is_empty() {
        let ascii = rest.iter().position(|b| *b >= 0x80).unwrap_or(rest.len());
        // ASCII, escapes included, is copied as it came.
        out.0.extend_from_slice(&rest[..ascii]);
        rest = &rest[ascii..];
        if rest.is_empty() {
            break;
        }
        let len = utf8_len(rest).unwrap_or(1);
        let c = std::str::from_utf8(&rest[..len])
            .ok()
            .and_then(|s| s.chars().next());
        // Invalid UTF-8 is refused by the reader; keep the output valid regardless.
        push_escaped_char(out, c.unwrap_or('\u{fffd}'));
        rest = &rest[len..];
    }
    out.0.push(b'"');
}

/// Writes text as a JSON string, escaping what JSON requires and every non-ASCII character.
pub(super) fn write_str(out: &mut Out, text: &str) {
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        out.0.push(b'"');
        out.0.extend_from_slice(text.as_bytes());
        out.0.push(b'"');
        return;
    }
    out.0.push(b'"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            other => push_escaped_char(out, other),
        }
    }
    out.0.push(b'"');
}

fn push_escaped_char(out: &mut Out, c: char) {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        push_hex(out, *unit);
    }
}

fn push_hex(out: &mut Out, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.0.push(HEX[usize::from((unit >> shift) & 0xf)]);
    }
}
