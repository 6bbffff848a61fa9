//! Any status, headers and body for any endpoint, parsed leniently and strictly: parsing never
//! panics, and whatever it accepts is valid, ASCII-only JSON text. A `Retry-After` date is
//! read as the `httpdate` crate reads it (but for the one laxness of its RFC 850 form).
//!
//! Input: `<endpoint name>\n<status>\n<header: value lines>\n\n<body>`; the seeds are the
//! fixtures in that form, plus the inputs in `regressions/` that once failed (`scripts/fuzz`).
//! A name that is no endpoint picks one by its bytes.

#![no_main]

use liveagent_core::endpoint::find;
use liveagent_core::response::{parse_response, retry_after_secs};
use liveagent_core::time::parse_http_date;
use liveagent_core::{ENDPOINTS, ParseMode, RawResponse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.windows(2).position(|w| w == b"\n\n");
    let (head, body) = match split {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let name = lines.next().unwrap_or_default();
    let meta = match find(name) {
        Some((_, meta)) => meta,
        None => {
            let pick = name.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(usize::from(b)));
            ENDPOINTS[pick % ENDPOINTS.len()]
        }
    };
    let status = lines.next().and_then(|s| s.trim().parse::<u16>().ok()).unwrap_or(200);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let response = RawResponse { status, headers, body: body.to_vec() };
    for mode in [ParseMode::Lenient, ParseMode::Strict] {
        if let Ok(parsed) = parse_response(meta, mode, &response, Some(1_767_225_600_000)) {
            assert!(parsed.json.is_ascii(), "non-ASCII output");
            assert!(serde_json::from_str::<serde_json::Value>(&parsed.json).is_ok(), "output is not JSON: {}", parsed.json);
        }
    }
    if let Some(value) = response.header("retry-after") {
        let _ = retry_after_secs(value, Some(i64::MAX));
        let _ = retry_after_secs(value, Some(i64::MIN));
        let ours = parse_http_date(value);
        let theirs = httpdate::parse_http_date(value.trim())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_millis()).ok());
        if ours != theirs {
            // httpdate takes any byte between an RFC 850 date's year and its time.
            let s = value.trim().as_bytes();
            let lax = s.iter().position(|&b| b == b',').and_then(|c| s.get(c + 11)).is_some_and(|&b| b != b' ');
            assert!(ours.is_none() && lax, "HTTP date {value:?}: ours {ours:?}, httpdate {theirs:?}");
        }
    }
});
