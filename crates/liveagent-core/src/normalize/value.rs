//! JSON text to `serde_json::Value` and back, through the normalizer's own reader and writer.
//!
//! Params, options, pages and error bodies are small, but they pass through every call. Reading
//! and writing them here rather than with serde_json's text parser and serializer keeps one
//! JSON grammar in the SDK (the reader the responses go through) and keeps serde_json's
//! parser, serializer and error formatting out of the wasm build. Output is ASCII: every other
//! character is a `\u` escape, as in the normalized responses.

use super::reader::{Kind, MAX_DEPTH, Out, Read, Reader, decode, is_integral, write_str};
use serde_json::{Map, Number, Value};

/// Parses JSON text. The error says what was wrong and at which byte.
pub(crate) fn parse_value(text: &str) -> Result<Value, String> {
    let mut r = Reader::new(text.as_bytes());
    let value = read(&mut r, 0).map_err(|e| e.0)?;
    r.skip_ws();
    if r.pos < r.bytes.len() {
        return Err(r.error("trailing characters").0);
    }
    Ok(value)
}

fn read(r: &mut Reader<'_>, depth: usize) -> Read<Value> {
    if depth > MAX_DEPTH {
        return r.malformed("nesting too deep");
    }
    Ok(match r.peek()? {
        Kind::Null | Kind::Bool => r.bool_or_null()?.map_or(Value::Null, Value::Bool),
        Kind::String => Value::String(string(r)?),
        Kind::Number => {
            let text = r.number()?;
            number(text).map_or(Value::Null, Value::Number)
        }
        Kind::Array => {
            let mut items = Vec::new();
            if r.open(b'[', b']')? {
                loop {
                    items.push(read(r, depth + 1)?);
                    if !r.next_member(b']')? {
                        break;
                    }
                }
            }
            Value::Array(items)
        }
        Kind::Object => {
            let mut map = Map::new();
            if r.open(b'{', b'}')? {
                loop {
                    let key = r.key()?;
                    let key = decode(key).ok_or_else(|| r.error("bad \\u escape"))?;
                    // The last of a repeated key wins, as in serde_json and JSON.parse.
                    map.insert(key.into_owned(), read(r, depth + 1)?);
                    if !r.next_member(b'}')? {
                        break;
                    }
                }
            }
            Value::Object(map)
        }
    })
}

fn string(r: &mut Reader<'_>) -> Read<String> {
    let raw = r.string()?;
    decode(raw)
        .map(|s| s.into_owned())
        .ok_or_else(|| r.error("bad \\u escape"))
}

/// A number's text (validated by the reader) as a `Number`: integers exactly when they fit 64
/// bits, anything else as the nearest `f64`.
fn number(text: &str) -> Option<Number> {
    if is_integral(text) {
        if let Ok(n) = text.parse::<u64>() {
            return Some(n.into());
        }
        if let Ok(n) = text.parse::<i64>() {
            return Some(n.into());
        }
    }
    crate::types::parse_f64(text).and_then(Number::from_f64)
}

/// Writes a value as JSON text, ASCII only.
pub(crate) fn write_value(out: &mut Out, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write_value(out, v);
            }
            out.push('}');
        }
    }
}

/// A value as JSON text, ASCII only.
pub(crate) fn value_text(value: &Value) -> String {
    let mut out = Out::default();
    write_value(&mut out, value);
    out.into_string()
}

/// A string as a JSON string literal, ASCII only.
pub(crate) fn string_text(text: &str) -> String {
    let mut out = Out::with_capacity(text.len() + 2);
    write_str(&mut out, text);
    out.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,1e3,18446744073709551615,-9223372036854775808,null,true,false],"b":{"c":"d\"\\\/\b\f\n\r\t\u00fc\ud83d\ude00"}}"#,
            "  [ ]  ",
            "{}",
            r#""x""#,
            "0",
            "-0.0",
            "123456789012345678901234567890",
        ] {
            let ours = parse_value(text).unwrap();
            let theirs: Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
            // And what it writes reads back the same.
            assert_eq!(parse_value(&value_text(&ours)).unwrap(), ours, "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            "{",
            "[1,]",
            "{\"a\"}",
            "01",
            "1.",
            "nul",
            "\"\\x\"",
            "[1] 2",
            "1e999",
            "\"\\ud800\"",
            "\"\\udc00x\"",
        ] {
            let e = parse_value(text).unwrap_err();
            assert!(e.starts_with("not valid JSON"), "{text}: {e}");
            assert!(serde_json::from_str::<Value>(text).is_err(), "{text}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse_value(&deep).unwrap_err().contains("too deep"));
    }

    #[test]
    /// ASCII only, keys in the order they were inserted (serde_json's `preserve_order`).
    fn writes_ascii() {
        let v = json!({"b": "ü😀\u{7f}\n", "a": [1, 2.5, null]});
        let text = value_text(&v);
        assert!(text.is_ascii());
        assert_eq!(
            text,
            r#"{"b":"\u00fc\ud83d\ude00\u007f\u000a","a":[1,2.5,null]}"#
        );
        assert_eq!(string_text("\"x\""), r#""\"x\"""#);
    }
}
