//! Scalars in the one-pass walk: each read in place and written as the documented type,
//! converting what can be converted (`"42"` for an id, an ISO string for a timestamp) and
//! reporting it; what cannot be converted is left for the caller, unread.

use super::DriftKind;
use super::PathNode;
use super::reader::{Kind, decode, is_integral};
use super::stream::{Outcome, Stream, Walked};
use crate::schema::{Shape, describe};
use crate::types::{Timestamp, parse_f64};

/// The largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

impl Stream<'_> {
    pub(super) fn scalar(&mut self, shape: &Shape, kind: Kind, path: &PathNode<'_>) -> Walked {
        let start = self.r.pos;
        let coerced = match (shape, kind) {
            (Shape::Bool, Kind::Bool)
            | (Shape::Float, Kind::Number)
            | (Shape::String, Kind::String) => {
                self.r.copy(Some(&mut self.out), self.depth)?;
                return Ok(Outcome::Done);
            }
            (Shape::Timestamp | Shape::IsoTimestamp, Kind::Number) => {
                let text = self.r.number()?;
                let Some(mut secs) = parse_f64(text) else {
                    return self.unfit(start, kind);
                };
                // Past the year 5138 in seconds: a server that sent milliseconds.
                let millis = secs.abs() >= 100_000_000_000.0;
                if millis {
                    secs /= 1000.0;
                }
                let Some(t) = Timestamp::from_secs_f64(secs) else {
                    return self.unfit(start, kind);
                };
                let integral = is_integral(text);
                if matches!(shape, Shape::Timestamp) && !millis {
                    // The documented form: integers as they came, fractions kept to the ms.
                    if integral {
                        self.out.push_str(text);
                    } else {
                        self.out.push_str(&t.json_text());
                    }
                    return Ok(Outcome::Done);
                }
                t.json_text()
            }
            (Shape::Int | Shape::Id, Kind::Number) => {
                let text = self.r.number()?;
                // The common case, a small non-negative integer, fits every reading as it is.
                if text.len() <= 15 && !text.starts_with('-') && is_integral(text) {
                    self.out.push_str(text);
                    return Ok(Outcome::Done);
                }
                let integral = is_integral(text);
                let fits = integral
                    && match shape {
                        Shape::Id => text.parse::<u64>().is_ok(),
                        _ => text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok(),
                    };
                match shape {
                    // An id past 2^53 would be rounded by JSON.parse: it goes out as a string
                    // (the Rust `Id` reads either), reported.
                    Shape::Id
                        if fits && text.parse::<u64>().is_ok_and(|id| id > MAX_SAFE_INTEGER) =>
                    {
                        self.out.push('"');
                        self.out.push_str(text);
                        self.out.push('"');
                        let expected = "id (as a string: beyond 2^53)".to_owned();
                        self.report(
                            path,
                            DriftKind::Coerced {
                                expected,
                                found: "number",
                            },
                        );
                        return Ok(Outcome::Done);
                    }
                    _ if fits => {
                        self.out.push_str(text);
                        return Ok(Outcome::Done);
                    }
                    _ => match parse_f64(text).and_then(integral_i64) {
                        Some(n) if n >= 0 || matches!(shape, Shape::Int) => n.to_string(),
                        _ => return self.unfit(start, kind),
                    },
                }
            }
            (Shape::Bool, Kind::Number) => match self.r.number()? {
                "0" => "false".to_owned(),
                "1" => "true".to_owned(),
                _ => return self.unfit(start, kind),
            },
            (Shape::String, Kind::Number) => {
                let text = self.r.number()?;
                format!("\"{text}\"")
            }
            (Shape::String, Kind::Bool) => match self.r.bool_or_null()? {
                Some(b) => format!("\"{b}\""),
                None => return self.unfit(start, kind),
            },
            (_, Kind::String) => {
                let raw = self.r.string()?;
                let text = decode(raw).unwrap_or_default();
                let trimmed = text.trim();
                let converted = match shape {
                    Shape::Bool if trimmed == "true" || trimmed == "false" => {
                        Some(trimmed.to_owned())
                    }
                    Shape::Int => trimmed.parse::<i64>().ok().map(|n| n.to_string()),
                    Shape::Id => trimmed.parse::<u64>().ok().map(|n| n.to_string()),
                    Shape::Float => parse_f64(trimmed)
                        .and_then(serde_json::Number::from_f64)
                        .map(|n| n.to_string()),
                    Shape::IsoTimestamp | Shape::Timestamp => {
                        match crate::time::parse_iso8601(&text) {
                            // The documented form of an ISO field: no drift.
                            Some(ms) if matches!(shape, Shape::IsoTimestamp) => {
                                self.out.push_str(&Timestamp::from_millis(ms).json_text());
                                return Ok(Outcome::Done);
                            }
                            Some(ms) => Some(Timestamp::from_millis(ms).json_text()),
                            None => Timestamp::parse(&text).map(|t| t.json_text()),
                        }
                    }
                    _ => None,
                };
                match converted {
                    Some(v) => v,
                    None => return self.unfit(start, kind),
                }
            }
            _ => return self.unfit(start, kind),
        };
        if !self.flex {
            let expected = describe(shape);
            self.report(
                path,
                DriftKind::Coerced {
                    expected,
                    found: kind.name(),
                },
            );
        }
        self.out.push_str(&coerced);
        Ok(Outcome::Done)
    }

    /// Rewinds to the value's start: it does not fit, and the caller decides.
    fn unfit(&mut self, start: usize, kind: Kind) -> Walked {
        self.r.pos = start;
        Ok(Outcome::Unfit(kind.name()))
    }
}

fn integral_i64(f: f64) -> Option<i64> {
    (f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15).then_some(f as i64)
}
