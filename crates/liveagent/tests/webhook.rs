//! `liveagent::webhook`: a delivery as an HTTP server hands it over (`http::HeaderMap`, raw
//! bytes) verifies into its typed event; the system-clock form refuses a delivery signed long
//! ago.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use liveagent::Secret;
use liveagent::models::LiveAgentEvent;
use liveagent::webhook::{self, VerifyOptions, WebhookErrorKind};
use reqwest::header::{HeaderMap, HeaderValue};

const BODY: &[u8] = br#"{"event":"contact_created","id":7,"name":"Ann","email":null,"avatar":"","thumbnail":"","blocked":false,"identifier":null,"phone_number":null,"additional_attributes":{},"custom_attributes":{},"account":{"id":1,"name":"Acme"}}"#;

fn headers(secret: &Secret, at: i64) -> HeaderMap {
    let mut map = HeaderMap::new();
    map.insert("content-type", HeaderValue::from_static("application/json"));
    map.insert(
        "x-chatwoot-timestamp",
        HeaderValue::from_str(&at.to_string()).unwrap(),
    );
    let signature = webhook::sign(secret, at, BODY);
    map.insert(
        "x-chatwoot-signature",
        HeaderValue::from_str(&signature).unwrap(),
    );
    map
}

#[test]
fn a_header_map_and_raw_bytes_verify_into_the_typed_event() {
    let secret = Secret::new("hook-secret");
    let at = 1_767_225_600;
    let options = VerifyOptions::at(at + 5).mode(liveagent::ParseMode::Strict);
    let event = webhook::verify_with(BODY, &headers(&secret, at), &secret, &options).unwrap();
    let LiveAgentEvent::ContactCreated(contact) = event else {
        panic!("{event:?}")
    };
    assert_eq!((contact.id.0, contact.name.as_deref()), (7, Some("Ann")));
}

#[test]
fn the_clock_form_refuses_a_delivery_signed_in_1970() {
    let secret = Secret::new("hook-secret");
    let e = webhook::verify(BODY, &headers(&secret, 60), &secret).unwrap_err();
    assert_eq!(e.kind, WebhookErrorKind::Timestamp);
    assert!(e.to_string().contains("s old"), "{e}");
}
