//! Telling a re-serialized body from a tampered one. The server signs the bytes Rails wrote
//! (`payload.to_json`: compact, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u` sequences, a
//! float `updated_at` with its `.0`); a handler that parsed the body and serialized it again
//! (`JSON.stringify(JSON.parse(body))`, a body-parser middleware) holds the same JSON in other
//! bytes. When a signature fails, the body is written again in the styles a server may have
//! used; if one of them carries the signature, the value is the signed one and only its bytes
//! changed. Nothing here runs unless a signature has already failed.

/// How a server may have written the JSON that a round trip rewrote.
#[derive(Clone, Copy)]
struct Style {
    /// `<`, `>`, `&`, U+2028, U+2029 as `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`
    /// (ActiveSupport's `escape_html_entities_in_json`, on by default in Rails).
    html: bool,
    /// Every non-ASCII character as a `\u` escape.
    ascii: bool,
    /// An integral `updated_at` with `.0` (Ruby's `Float#to_s`; JS drops it).
    float: bool,
}

/// The distinct renderings of `body` other than itself, compact, in every style.
pub(super) fn candidates(body: &[u8]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    for bits in 0..8u8 {
        let style = Style {
            html: bits & 1 != 0,
            ascii: bits & 2 != 0,
            float: bits & 4 != 0,
        };
        if let Some(text) = render(body, style)
            && text != body
            && !out.contains(&text)
        {
            out.push(text);
        }
    }
    out
}

/// `body` written again in `style`, without whitespace between tokens; `None` if it is not
/// UTF-8 text.
fn render(body: &[u8], style: Style) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(body).ok()?;
    let mut out = String::with_capacity(body.len() + body.len() / 8);
    let mut chars = text.char_indices().peekable();
    // The last string token outside of a string, and whether a `:` followed it.
    let mut after_key = false;
    let mut last_string: (usize, usize) = (0, 0);
    while let Some((start, c)) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' => {}
            '"' => {
                out.push('"');
                let mut escaped = false;
                let mut end = start + 1;
                for (i, c) in chars.by_ref() {
                    end = i + c.len_utf8();
                    if escaped {
                        escaped = false;
                        out.push(c);
                        continue;
                    }
                    match c {
                        '\\' => {
                            escaped = true;
                            out.push(c);
                        }
                        '"' => {
                            out.push(c);
                            break;
                        }
                        c => push_char(&mut out, c, style),
                    }
                }
                last_string = (start, end);
                after_key = false;
            }
            ':' => {
                out.push(':');
                after_key = &text[last_string.0..last_string.1] == "\"updated_at\"";
            }
            '-' | '0'..='9' => {
                out.push(c);
                let mut integral = true;
                while let Some(&(_, d)) = chars.peek() {
                    if !matches!(d, '0'..='9' | '.' | 'e' | 'E' | '+' | '-') {
                        break;
                    }
                    integral &= d.is_ascii_digit();
                    out.push(d);
                    chars.next();
                }
                if style.float && after_key && integral {
                    out.push_str(".0");
                }
                after_key = false;
            }
            c => {
                out.push(c);
                after_key = false;
            }
        }
    }
    Some(out.into_bytes())
}

/// One character inside a string, escaped as `style` says.
fn push_char(out: &mut String, c: char, style: Style) {
    let escape = match c {
        '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => style.html,
        c => style.ascii && !c.is_ascii(),
    };
    if !escape {
        out.push(c);
        return;
    }
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        out.push_str("\\u");
        for shift in [12, 8, 4, 0] {
            let digit = (*unit >> shift) & 15;
            out.push(char::from(b"0123456789abcdef"[usize::from(digit)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(body: &str) -> Vec<String> {
        candidates(body.as_bytes())
            .into_iter()
            .map(|c| String::from_utf8(c).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_round_trip_is_undone_in_the_style_rails_writes() {
        // What JSON.stringify(JSON.parse(rails)) gives for Rails' bytes.
        let rails =
            r#"{"content":"a \u003cb\u003e \u0026 ünï\u2028","updated_at":1767225600.0,"n":"x"}"#;
        let round_trip =
            "{\"content\":\"a <b> & ünï\u{2028}\",\"updated_at\":1767225600,\"n\":\"x\"}";
        assert!(
            all(round_trip).contains(&rails.to_owned()),
            "{:#?}",
            all(round_trip)
        );
    }

    #[test]
    fn pretty_printing_and_ascii_escapes_are_undone_and_strings_are_left_alone() {
        let pretty = "{\n  \"a\": \"x y: 1\",\n  \"updated_at\": 2,\n  \"b\": \"é\\\"\"\n}";
        let found = all(pretty);
        assert!(found.contains(&r#"{"a":"x y: 1","updated_at":2,"b":"é\""}"#.to_owned()));
        assert!(found.contains(&r#"{"a":"x y: 1","updated_at":2.0,"b":"\u00e9\""}"#.to_owned()));
        // A fraction stays as it is.
        assert!(
            all(r#"{"updated_at":1.5,"b":"<"}"#)
                .iter()
                .all(|c| c.contains(":1.5,"))
        );
        // A key named updated_at inside a string value is no key.
        let quoted = r#"{"a":"\"updated_at\":1"}"#;
        assert!(
            all(quoted).iter().all(|c| !c.contains("1.0")),
            "{:?}",
            all(quoted)
        );
        // Astral characters become surrogate pairs; a body already in every style has none.
        assert!(all("[\"😀\"]").contains(&r#"["\ud83d\ude00"]"#.to_owned()));
        assert!(all(r#"{"a":1}"#).is_empty());
    }
}
