//! The OData service's `$filter` language, as far as the SDK writes it: `and`, `or`, `not`,
//! `eq ne gt ge lt le`, `in (...)`, `contains`/`startswith`/`endswith`, and literals (numbers,
//! `'strings'` with `''` escapes, `true`/`false`/`null`, unquoted `DateTimeOffset`s and dates).
//! Parsed into a tree, then evaluated over a row's JSON values.

use serde_json::{Map, Value};
use std::cmp::Ordering;

/// A literal of a condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Lit {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// An unquoted `DateTimeOffset` or date, in epoch milliseconds.
    Instant(i64),
}

/// A parsed `$filter`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Compare(String, Op, Lit),
    In(String, Vec<Lit>),
    /// `contains`, `startswith` or `endswith`, on a field and a text.
    Text(String, TextFn, String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextFn {
    Contains,
    StartsWith,
    EndsWith,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open,
    Close,
    Comma,
    Word(String),
    Str(String),
    Lit(Lit),
}

fn tokens(text: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' => i += 1,
            '(' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' => {
                out.push(Tok::Close);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '\'' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err("a string literal is not closed".into()),
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                            s.push('\'');
                            i += 2;
                        }
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(&ch) => {
                            s.push(ch);
                            i += 1;
                        }
                    }
                }
                out.push(Tok::Str(s));
            }
            c if c.is_ascii_digit()
                || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let start = i;
                i += 1;
                while chars
                    .get(i)
                    .is_some_and(|ch| ch.is_ascii_alphanumeric() || ".:+-".contains(*ch))
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                out.push(Tok::Lit(number_or_time(&word)?));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|ch| ch.is_ascii_alphanumeric() || *ch == '_' || *ch == '/')
                {
                    i += 1;
                }
                out.push(Tok::Word(chars[start..i].iter().collect()));
            }
            other => return Err(format!("unexpected character '{other}' at {i}")),
        }
    }
    Ok(out)
}

/// A literal that starts with a digit: a number, a `DateTimeOffset` (with its zone), or a date.
fn number_or_time(word: &str) -> Result<Lit, String> {
    if word.len() >= 10 && word.as_bytes().get(4) == Some(&b'-') {
        let zoned =
            word.len() == 10 || word.ends_with(['Z', 'z']) || word[10..].contains(['+', '-']);
        return match liveagent_core::time::parse_iso8601(word) {
            Some(ms) if zoned => Ok(Lit::Instant(ms)),
            _ => Err(format!(
                "'{word}' is no DateTimeOffset literal (such as 2024-05-01T00:00:00Z)"
            )),
        };
    }
    word.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(Lit::Number)
        .ok_or_else(|| format!("'{word}' is no number"))
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(w)) if w == word)
    }

    fn expect(&mut self, want: &Tok, what: &str) -> Result<(), String> {
        match self.next() {
            Some(t) if &t == want => Ok(()),
            _ => Err(format!("expected {what}")),
        }
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while self.keyword("or") {
            self.at += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        while self.keyword("and") {
            self.at += 1;
            left = Expr::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.keyword("not") {
            self.at += 1;
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        if self.peek() == Some(&Tok::Open) {
            self.at += 1;
            let inner = self.or()?;
            self.expect(&Tok::Close, "')'")?;
            return Ok(inner);
        }
        let Some(Tok::Word(word)) = self.next() else {
            return Err("expected a field name, a function, 'not' or '('".into());
        };
        let function = match word.as_str() {
            "contains" => Some(TextFn::Contains),
            "startswith" => Some(TextFn::StartsWith),
            "endswith" => Some(TextFn::EndsWith),
            _ => None,
        };
        if let Some(function) = function {
            self.expect(&Tok::Open, &format!("'(' after {word}"))?;
            let Some(Tok::Word(field)) = self.next() else {
                return Err(format!("{word} takes a field name first"));
            };
            self.expect(&Tok::Comma, "','")?;
            let Some(Tok::Str(text)) = self.next() else {
                return Err(format!("{word} takes a string literal second"));
            };
            self.expect(&Tok::Close, "')'")?;
            return Ok(Expr::Text(field, function, text));
        }
        if self.peek() == Some(&Tok::Open) {
            return Err(format!("unknown function '{word}'"));
        }
        let op = match self.next() {
            Some(Tok::Word(op)) => op,
            _ => return Err(format!("expected an operator after '{word}'")),
        };
        let op = match op.as_str() {
            "eq" => Op::Eq,
            "ne" => Op::Ne,
            "gt" => Op::Gt,
            "ge" => Op::Ge,
            "lt" => Op::Lt,
            "le" => Op::Le,
            "in" => {
                self.expect(&Tok::Open, "'(' after in")?;
                let mut values = vec![self.literal()?];
                while self.peek() == Some(&Tok::Comma) {
                    self.at += 1;
                    values.push(self.literal()?);
                }
                self.expect(&Tok::Close, "')'")?;
                return Ok(Expr::In(word, values));
            }
            other => return Err(format!("unsupported operator '{other}'")),
        };
        Ok(Expr::Compare(word, op, self.literal()?))
    }

    fn literal(&mut self) -> Result<Lit, String> {
        match self.next() {
            Some(Tok::Str(s)) => Ok(Lit::Text(s)),
            Some(Tok::Lit(l)) => Ok(l),
            Some(Tok::Word(w)) if w == "null" => Ok(Lit::Null),
            Some(Tok::Word(w)) if w == "true" => Ok(Lit::Bool(true)),
            Some(Tok::Word(w)) if w == "false" => Ok(Lit::Bool(false)),
            Some(Tok::Word(w)) => Err(format!(
                "'{w}' is no literal (field-to-field comparisons are unsupported)"
            )),
            _ => Err("expected a literal".into()),
        }
    }
}

/// Parses a `$filter`.
pub(crate) fn parse(text: &str) -> Result<Expr, String> {
    let mut p = Parser {
        toks: tokens(text)?,
        at: 0,
    };
    let expr = p.or()?;
    if p.at < p.toks.len() {
        return Err(format!(
            "unexpected text after the condition (token {})",
            p.at + 1
        ));
    }
    Ok(expr)
}

impl Expr {
    /// Every field the condition reads.
    pub(crate) fn fields(&self) -> Vec<&str> {
        match self {
            Expr::And(a, b) | Expr::Or(a, b) => {
                let mut f = a.fields();
                f.extend(b.fields());
                f
            }
            Expr::Not(a) => a.fields(),
            Expr::Compare(f, ..) | Expr::In(f, _) | Expr::Text(f, ..) => vec![f.as_str()],
        }
    }

    /// Whether a row matches.
    pub(crate) fn matches(&self, row: &Map<String, Value>) -> bool {
        let get = |f: &str| row.get(f).unwrap_or(&Value::Null);
        match self {
            Expr::And(a, b) => a.matches(row) && b.matches(row),
            Expr::Or(a, b) => a.matches(row) || b.matches(row),
            Expr::Not(a) => !a.matches(row),
            Expr::Compare(f, op, lit) => compare(get(f), *op, lit),
            Expr::In(f, lits) => lits.iter().any(|l| compare(get(f), Op::Eq, l)),
            Expr::Text(f, function, text) => match get(f) {
                Value::String(s) => match function {
                    TextFn::Contains => s.contains(text.as_str()),
                    TextFn::StartsWith => s.starts_with(text.as_str()),
                    TextFn::EndsWith => s.ends_with(text.as_str()),
                },
                _ => false,
            },
        }
    }
}

fn compare(value: &Value, op: Op, lit: &Lit) -> bool {
    let ordering = match (value, lit) {
        (Value::Null, Lit::Null) => Some(Ordering::Equal),
        (Value::Null, _) | (_, Lit::Null) => {
            // `null` equals only `null`; it is neither greater nor smaller than a value.
            return op == Op::Ne;
        }
        (Value::Bool(a), Lit::Bool(b)) => Some(a.cmp(b)),
        (v, Lit::Number(n)) => number(v).and_then(|a| a.partial_cmp(n)),
        (Value::String(s), Lit::Instant(ms)) => instant(s).map(|a| a.cmp(ms)),
        (Value::String(s), Lit::Text(t)) => match (instant(s), instant(t)) {
            // A quoted time compared with a timestamp: as instants (the docs' own form).
            (Some(a), Some(b)) if looks_like_time(t) => Some(a.cmp(&b)),
            _ => Some(s.as_str().cmp(t.as_str())),
        },
        (Value::Number(n), Lit::Text(t)) => t
            .parse::<f64>()
            .ok()
            .and_then(|b| n.as_f64()?.partial_cmp(&b)),
        _ => None,
    };
    match (ordering, op) {
        (Some(o), Op::Eq) => o == Ordering::Equal,
        (Some(o), Op::Ne) => o != Ordering::Equal,
        (Some(o), Op::Gt) => o == Ordering::Greater,
        (Some(o), Op::Ge) => o != Ordering::Less,
        (Some(o), Op::Lt) => o == Ordering::Less,
        (Some(o), Op::Le) => o != Ordering::Greater,
        // Values of different kinds: unequal, and unordered.
        (None, op) => op == Op::Ne,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        // Version 2.0 sends some ids as numeric strings.
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn looks_like_time(text: &str) -> bool {
    text.len() >= 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-'
}

/// A timestamp's instant (zone-less text is UTC).
fn instant(text: &str) -> Option<i64> {
    if !looks_like_time(text) {
        return None;
    }
    liveagent_core::time::parse_iso8601(text)
}

/// Orders two values of a field for `$orderby`: `null` first, numbers (and numeric strings)
/// numerically, timestamps as instants, other strings by their text.
pub(crate) fn order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::String(x), Value::String(y)) => match (number(a), number(b)) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(Ordering::Equal),
            _ => match (instant(x), instant(y)) {
                (Some(p), Some(q)) => p.cmp(&q),
                _ => x.cmp(y),
            },
        },
        _ => match (number(a), number(b)) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(Ordering::Equal),
            _ => a.to_string().cmp(&b.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row() -> Map<String, Value> {
        json!({"id": 7, "content": "O'Neil & co", "status": 1, "inbox_id": 3,
               "created_at": "2024-05-02T10:00:00.000Z", "assignee_id": null, "sid": "12",
               "private": false})
        .as_object()
        .cloned()
        .unwrap()
    }

    fn test(filter: &str) -> bool {
        parse(filter).unwrap().matches(&row())
    }

    #[test]
    fn what_the_sdk_writes_parses_and_evaluates() {
        assert!(!test(
            "(created_at ge 2024-05-01T00:00:00Z and (status eq 1 or inbox_id in (3,4)) and not (contains(content,'O''Neil & co')))"
        ));
        assert!(test(
            "((status eq 1 and created_at ge 2024-05-01T00:00:00Z) and contains(content,'O''Neil'))"
        ));
        assert!(test("created_at le '2126-11-23T00:00:00'"));
        assert!(!test("created_at lt 2024-05-02T10:00:00Z"));
        assert!(test("created_at lt 2024-05-02T12:00:00+01:00"));
        assert!(test(
            "assignee_id eq null and assignee_id ne 3 and not (assignee_id gt 1)"
        ));
        assert!(test(
            "status ne null and private eq false and sid eq 12 and id in (1,7)"
        ));
        assert!(test(
            "startswith(content,'O''N') and endswith(content,'co') and id ge -1.5"
        ));
    }

    #[test]
    fn bad_filters_are_refused() {
        for bad in [
            "id eq",
            "id like 1",
            "(id eq 1",
            "contains(content,5)",
            "length(content) eq 3",
            "created_at gt 2024-05-01T00:00:00",
            "id eq 1 id",
            "id eq other",
            "content eq 'open",
            "id eq 1;",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse("members/name eq 'x'").unwrap().fields(),
            ["members/name"]
        );
    }
}
