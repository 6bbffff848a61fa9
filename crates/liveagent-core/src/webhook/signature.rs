//! `X-Chatwoot-Signature`: `sha256=` and the hex HMAC-SHA256, under the webhook's secret, of
//! `"<X-Chatwoot-Timestamp>.<raw body>"` (`lib/webhooks/trigger.rb`, `request_headers`).

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The MAC of one delivery, ready to be compared or fed more candidates.
pub(super) struct Signer {
    keyed: Hmac<Sha256>,
}

impl Signer {
    pub(super) fn new(secret: &[u8]) -> Signer {
        Signer {
            keyed: <Hmac<Sha256> as Mac>::new_from_slice(secret)
                .expect("HMAC takes keys of any length"),
        }
    }

    /// Whether `expected` is the MAC of `"<timestamp>.<body>"`, compared in constant time.
    pub(super) fn matches(&self, timestamp: &str, body: &[u8], expected: &[u8; 32]) -> bool {
        let mut mac = self.keyed.clone();
        mac.update(timestamp.as_bytes());
        mac.update(b".");
        mac.update(body);
        mac.verify_slice(expected).is_ok()
    }

    /// The header value for `"<timestamp>.<body>"`: for tests and for signing on our side.
    pub(super) fn header(&self, timestamp: &str, body: &[u8]) -> String {
        let mut mac = self.keyed.clone();
        mac.update(timestamp.as_bytes());
        mac.update(b".");
        mac.update(body);
        let mut out = String::with_capacity(71);
        out.push_str("sha256=");
        for b in mac.finalize().into_bytes() {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        out
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The 32 bytes of a `sha256=<64 hex digits>` header value (either case of hex), or `None`.
pub(super) fn parse_header(value: &str) -> Option<[u8; 32]> {
    let hex = value.trim().strip_prefix("sha256=")?.as_bytes();
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
        *byte = (digit(pair[0])? << 4) | digit(pair[1])?;
    }
    Some(out)
}

fn digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answer() {
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"key",b"1.{}",hashlib.sha256).hexdigest())'
        let signer = Signer::new(b"key");
        let header = signer.header("1", b"{}");
        assert_eq!(
            header,
            "sha256=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224"
        );
        let mac = parse_header(&header.to_uppercase().replace("SHA256=", "sha256=")).unwrap();
        assert!(signer.matches("1", b"{}", &mac));
        assert!(!signer.matches("2", b"{}", &mac));
        assert!(!Signer::new(b"other").matches("1", b"{}", &mac));
    }

    #[test]
    fn only_sha256_and_64_hex_digits_parse() {
        for bad in [
            "",
            "sha256=",
            "sha1=00",
            "1ba6b8",
            &format!("sha256={}", "g".repeat(64)),
        ] {
            assert!(parse_header(bad).is_none(), "{bad}");
        }
        assert!(parse_header(&format!(" sha256={} ", "0".repeat(64))).is_some());
    }
}
