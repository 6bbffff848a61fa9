//! Time formats on the wire: ISO-8601 timestamps in bodies and HTTP dates in `Retry-After`.
//!
//! Pure parsing; the core never reads a clock. Everything returns milliseconds since the epoch.

/// Parses an ISO-8601 / RFC 3339 timestamp into epoch milliseconds.
///
/// Accepts what Rails and Ruby emit: `2024-05-01T10:00:00.000Z`, `2024-05-01T10:00:00+05:30`,
/// `2024-05-01 10:00:00 UTC`, and a bare date `2024-05-01` (midnight UTC).
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let s = text.trim().as_bytes();
    let mut p = Cursor { s, i: 0 };
    let year = p.digits(4)?;
    p.expect(b'-')?;
    let month = p.digits(2)?;
    p.expect(b'-')?;
    let day = p.digits(2)?;
    if !valid_date(year, month, day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if p.done() {
        return Some(days * 86_400_000);
    }
    match p.next()? {
        b'T' | b't' | b' ' => {}
        _ => return None,
    }
    let hour = p.digits(2)?;
    p.expect(b':')?;
    let minute = p.digits(2)?;
    let second = if p.peek() == Some(b':') {
        p.i += 1;
        p.digits(2)?
    } else {
        0
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut millis = 0;
    if matches!(p.peek(), Some(b'.' | b',')) {
        p.i += 1;
        let start = p.i;
        let mut scale = 100;
        while let Some(d) = p.peek().filter(u8::is_ascii_digit) {
            millis += i64::from(d - b'0') * scale;
            scale /= 10;
            p.i += 1;
        }
        if p.i == start {
            return None;
        }
    }
    while p.peek() == Some(b' ') {
        p.i += 1;
    }
    let offset_minutes = match p.next() {
        None => 0,
        Some(b'Z' | b'z') => 0,
        Some(b'U') if p.rest() == b"TC" => {
            p.i = s.len();
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            let h = p.digits(2)?;
            if p.peek() == Some(b':') {
                p.i += 1;
            }
            let m = if p.done() { 0 } else { p.digits(2)? };
            let total = h * 60 + m;
            if sign == b'+' { total } else { -total }
        }
        Some(_) => return None,
    };
    if !p.done() {
        return None;
    }
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(secs * 1000 + millis)
}

/// Parses an HTTP date (RFC 9110 §5.6.7: IMF-fixdate, RFC 850 and asctime forms) into epoch
/// milliseconds. The `httpdate` crate (hyper's) does the parsing: it is proven, small, IO-free,
/// and refuses years past 9999, so a hostile `Retry-After` cannot overflow the arithmetic.
pub fn parse_http_date(text: &str) -> Option<i64> {
    let time = httpdate::parse_http_date(text.trim()).ok()?;
    let since_epoch = time.duration_since(std::time::UNIX_EPOCH).ok()?;
    i64::try_from(since_epoch.as_millis()).ok()
}

fn valid_date(year: i64, month: i64, day: i64) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
    fn rest(&self) -> &[u8] {
        self.s.get(self.i..).unwrap_or_default()
    }
    fn expect(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }
    fn digits(&mut self, n: usize) -> Option<i64> {
        let mut v = 0;
        for _ in 0..n {
            let d = self.next().filter(u8::is_ascii_digit)?;
            v = v * 10 + i64::from(d - b'0');
        }
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso8601("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_iso8601("2024-05-01T10:00:00.250Z"),
            Some(1_714_557_600_250)
        );
        assert_eq!(
            parse_iso8601("2024-05-01T15:30:00+05:30"),
            Some(1_714_557_600_000)
        );
        assert_eq!(
            parse_iso8601("2024-05-01 10:00:00 UTC"),
            Some(1_714_557_600_000)
        );
        assert_eq!(parse_iso8601("2024-05-01"), Some(1_714_521_600_000));
        assert_eq!(parse_iso8601("2024-02-30T00:00:00Z"), None);
        assert_eq!(parse_iso8601("2024-05-01T10:00:00Zjunk"), None);
        assert_eq!(parse_iso8601("yesterday"), None);
        assert_eq!(parse_iso8601(""), None);
    }

    #[test]
    fn http_date_forms() {
        let want = Some(784_111_777_000);
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), want);
        assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), want);
        assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), want);
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 CET"), None);
        assert_eq!(parse_http_date("120"), None);
    }
}
