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
/// milliseconds; `None` for anything else, for an impossible date (a wrong weekday included)
/// and for years outside 1970–9999, so a hostile `Retry-After` cannot overflow the arithmetic.
///
/// Written here rather than taken from the `httpdate` crate, which the tests hold it to
/// (`http_dates_agree_with_httpdate`, and the fuzz target): that crate checks a date by a round
/// trip through `SystemTime`, which costs the wasm package 3.7 KB gzip. Unlike it, an RFC 850
/// date must have its space between the year and the time, as the grammar says.
pub fn parse_http_date(text: &str) -> Option<i64> {
    let s = text.trim();
    if !s.is_ascii() {
        return None;
    }
    let date = imf_fixdate(s.as_bytes())
        .or_else(|| rfc850(s.as_bytes()))
        .or_else(|| asctime(s.as_bytes()))?;
    date.epoch_millis()
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// The fields of an HTTP date as written, before they are checked.
struct HttpDate {
    /// 0 for Monday.
    weekday: i64,
    year: i64,
    month: i64,
    day: i64,
    /// `hh:mm:ss`.
    clock: [u8; 8],
}

impl HttpDate {
    fn epoch_millis(&self) -> Option<i64> {
        let c = &self.clock;
        if c[2] != b':' || c[5] != b':' {
            return None;
        }
        let (hour, minute, second) = (number(&c[..2])?, number(&c[3..5])?, number(&c[6..])?);
        if !(1970..=9999).contains(&self.year)
            || !valid_date(self.year, self.month, self.day)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let days = days_from_civil(self.year, self.month, self.day);
        // 1970-01-01 was a Thursday.
        if (days + 3).rem_euclid(7) != self.weekday {
            return None;
        }
        Some((days * 86_400 + hour * 3600 + minute * 60 + second) * 1000)
    }
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`
fn imf_fixdate(s: &[u8]) -> Option<HttpDate> {
    if s.len() != 29 || &s[3..5] != b", " || s[7] != b' ' || s[11] != b' ' || s[16] != b' ' {
        return None;
    }
    if &s[25..] != b" GMT" {
        return None;
    }
    Some(HttpDate {
        weekday: short_weekday(&s[..3])?,
        day: number(&s[5..7])?,
        month: month(&s[8..11])?,
        year: number(&s[12..16])?,
        clock: s[17..25].try_into().ok()?,
    })
}

/// `Sunday, 06-Nov-94 08:49:37 GMT` (a two-digit year below 70 is 20xx).
fn rfc850(s: &[u8]) -> Option<HttpDate> {
    let comma = s.iter().position(|&b| b == b',')?;
    let weekday = WEEKDAYS.iter().position(|d| d.as_bytes() == &s[..comma])?;
    let s = &s[comma..];
    if s.len() != 24 || &s[..2] != b", " || s[4] != b'-' || s[8] != b'-' || s[11] != b' ' {
        return None;
    }
    if &s[20..] != b" GMT" {
        return None;
    }
    let yy = number(&s[9..11])?;
    Some(HttpDate {
        weekday: weekday as i64,
        day: number(&s[2..4])?,
        month: month(&s[5..8])?,
        year: if yy < 70 { 2000 + yy } else { 1900 + yy },
        clock: s[12..20].try_into().ok()?,
    })
}

/// `Sun Nov  6 08:49:37 1994` (the day padded with a space or a zero).
fn asctime(s: &[u8]) -> Option<HttpDate> {
    if s.len() != 24 || s[3] != b' ' || s[7] != b' ' || s[10] != b' ' || s[19] != b' ' {
        return None;
    }
    let day = match s[8] {
        b' ' => number(&s[9..10])?,
        _ => number(&s[8..10])?,
    };
    Some(HttpDate {
        weekday: short_weekday(&s[..3])?,
        day,
        month: month(&s[4..7])?,
        year: number(&s[20..24])?,
        clock: s[11..19].try_into().ok()?,
    })
}

fn short_weekday(name: &[u8]) -> Option<i64> {
    WEEKDAYS
        .iter()
        .position(|d| &d.as_bytes()[..3] == name)
        .map(|i| i as i64)
}

fn month(name: &[u8]) -> Option<i64> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as i64 + 1)
}

/// All ASCII digits, as a number.
fn number(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0'))
    })
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
        // A wrong weekday, an impossible day, a year before the epoch or past 9999.
        assert_eq!(parse_http_date("Mon, 06 Nov 1994 08:49:37 GMT"), None);
        assert_eq!(parse_http_date("Thu, 29 Feb 2001 08:49:37 GMT"), None);
        assert_eq!(parse_http_date("Wed, 31 Dec 1969 23:59:59 GMT"), None);
        assert_eq!(
            parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT"),
            Some(253_402_300_799_000)
        );
        assert_eq!(
            parse_http_date("Fri, 31 Dec 99999999999 23:59:59 GMT"),
            None
        );
        assert_eq!(
            parse_http_date("Thu, 29 Feb 2024 00:00:00 GMT"),
            Some(1_709_164_800_000)
        );
        assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37\u{0}GMT"), None);
    }

    /// The date `httpdate` reads from `text`, in epoch milliseconds.
    fn reference(text: &str) -> Option<i64> {
        let time = httpdate::parse_http_date(text.trim()).ok()?;
        let since = time.duration_since(std::time::UNIX_EPOCH).ok()?;
        i64::try_from(since.as_millis()).ok()
    }

    /// Where the two parsers may differ: httpdate takes any byte between an RFC 850 date's
    /// year and its time; the grammar (and we) take only a space.
    fn lax_rfc850(text: &str) -> bool {
        let s = text.trim().as_bytes();
        s.iter()
            .position(|&b| b == b',')
            .and_then(|c| s.get(c + 11))
            .is_some_and(|&b| b != b' ')
    }

    #[test]
    fn http_dates_agree_with_httpdate() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut compared, mut valid) = (0, 0);
        for _ in 0..20_000 {
            let secs = next() % 253_402_300_800;
            let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
            let imf = httpdate::fmt_http_date(time);
            // The same instant in the other two forms, built from the IMF-fixdate's fields.
            let (wd, day, mon, year, clock) = (
                &imf[..3],
                &imf[5..7],
                &imf[8..11],
                &imf[12..16],
                &imf[17..25],
            );
            let long = WEEKDAYS.iter().find(|d| d.starts_with(wd)).unwrap_or(&"");
            let rfc850 = format!("{long}, {day}-{mon}-{} {clock} GMT", &year[2..]);
            let padded = day
                .strip_prefix('0')
                .map_or(day.to_owned(), |d| format!(" {d}"));
            let asctime = format!("{wd} {mon} {padded} {clock} {year}");
            for form in [imf, rfc850, asctime] {
                // Each form, and copies with one byte changed: to a digit, a space or a letter.
                let mut variants = vec![form.clone()];
                for _ in 0..6 {
                    let mut bytes = form.clone().into_bytes();
                    let at = (next() % bytes.len() as u64) as usize;
                    bytes[at] = b"0123456789 :-,GMTZ"[(next() % 18) as usize];
                    variants.push(String::from_utf8(bytes).unwrap_or_default());
                }
                for text in variants {
                    let (ours, theirs) = (parse_http_date(&text), reference(&text));
                    if ours.is_some() {
                        valid += 1;
                    }
                    if ours != theirs {
                        assert!(
                            ours.is_none() && lax_rfc850(&text),
                            "{text:?}: {ours:?} vs {theirs:?}"
                        );
                    }
                    compared += 1;
                }
            }
        }
        assert_eq!(compared, 20_000 * 3 * 7);
        assert!(valid > 60_000, "{valid} valid dates of {compared}");
    }
}
