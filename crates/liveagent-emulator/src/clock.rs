//! Time as the server writes it: epoch seconds (`.to_i`, `.to_f`) and ISO-8601 strings with
//! milliseconds (Rails' `as_json` of a timestamp).

use serde_json::Value;
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

/// A fixed clock, set by `POST /__emulator/reset {"clock": epoch_seconds}`: each reading
/// advances it by one millisecond, so order is kept and two identical runs read the same times.
static FIXED: Mutex<Option<f64>> = Mutex::new(None);

/// Fixes the clock at `at` (`None`: back to the system clock).
pub(crate) fn fix(at: Option<f64>) {
    *FIXED.lock().unwrap_or_else(PoisonError::into_inner) = at;
}

/// Now, in epoch seconds with microseconds.
pub(crate) fn now() -> f64 {
    if let Some(t) = FIXED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_mut()
    {
        *t += 0.001;
        return *t;
    }
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| (d.as_micros() as f64) / 1e6)
        .unwrap_or_default()
}

/// `.to_i`: whole seconds; `nil.to_i` is 0.
pub(crate) fn epoch(t: Option<f64>) -> Value {
    Value::from(t.map_or(0, |t| t.floor() as i64))
}

/// A raw timestamp: `"2024-05-01T10:00:00.000Z"`, or `null`.
pub(crate) fn iso(t: Option<f64>) -> Value {
    match t {
        Some(t) => Value::String(iso_text(t)),
        None => Value::Null,
    }
}

/// Formats epoch seconds as Rails does (UTC, milliseconds, `Z`).
pub(crate) fn iso_text(t: f64) -> String {
    let millis = (t * 1000.0).floor() as i64;
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Reads a time param: epoch seconds (number or numeric string) or an ISO-8601 string.
pub(crate) fn parse(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s
            .trim()
            .parse::<f64>()
            .ok()
            .or_else(|| liveagent_core::time::parse_iso8601(s).map(|ms| ms as f64 / 1000.0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_like_rails() {
        assert_eq!(
            super::iso_text(1_714_557_600.25),
            "2024-05-01T10:00:00.250Z"
        );
        assert_eq!(super::iso_text(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(super::iso_text(951_782_400.0), "2000-02-29T00:00:00.000Z");
    }
}
