use super::*;
use crate::models::LiveAgentEvent;

const SECRET: &str = "w3bh00k-s3cr3t-Zq81";
const AT: i64 = 1_767_225_600;
const BODY: &str = r#"{"account":{"id":1,"name":"Acme"},"additional_attributes":{},"id":9,"content":"a <b> & c","event":"contact_created","avatar":"","custom_attributes":{},"email":null,"identifier":null,"name":"Ann","phone_number":null,"thumbnail":"","blocked":false}"#;

fn secret() -> Secret {
    Secret::new(SECRET)
}

fn signed(body: &str, at: i64) -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), "application/json".into()),
        ("x-chatwoot-timestamp".into(), at.to_string()),
        (
            "X-CHATWOOT-SIGNATURE".into(),
            sign(&secret(), at, body.as_bytes()),
        ),
    ]
}

fn kind_of(result: Result<LiveAgentEvent, WebhookError>) -> (WebhookErrorKind, String) {
    let e = result.expect_err("must be refused");
    (e.kind, e.message)
}

#[test]
fn a_signed_delivery_is_accepted_in_any_header_case_within_the_tolerance() {
    for now in [AT - 300, AT, AT + 300] {
        let event = verify(
            BODY.as_bytes(),
            signed(BODY, AT),
            &secret(),
            &VerifyOptions::at(now),
        )
        .unwrap();
        assert!(matches!(event, LiveAgentEvent::ContactCreated(ref c) if c.id.0 == 9));
    }
}

#[test]
fn wrong_secret_tampered_body_and_bad_headers_are_signature_errors() {
    let options = VerifyOptions::at(AT);
    let other = Secret::new("another");
    let (kind, message) = kind_of(verify(BODY.as_bytes(), signed(BODY, AT), &other, &options));
    assert_eq!(kind, WebhookErrorKind::Signature);
    assert!(message.contains("does not match"), "{message}");
    let tampered = BODY.replace("Ann", "Bob");
    let (kind, message) = kind_of(verify(
        tampered.as_bytes(),
        signed(BODY, AT),
        &secret(),
        &options,
    ));
    assert_eq!(kind, WebhookErrorKind::Signature);
    assert!(!message.contains("was re-serialized"), "{message}");
    let unsigned = [("x-chatwoot-timestamp", AT.to_string())];
    assert_eq!(
        kind_of(verify(BODY.as_bytes(), unsigned, &secret(), &options)).0,
        WebhookErrorKind::Signature
    );
    let odd = [
        ("x-chatwoot-timestamp", AT.to_string()),
        ("x-chatwoot-signature", "sha1=abc".to_owned()),
    ];
    assert_eq!(
        kind_of(verify(BODY.as_bytes(), odd, &secret(), &options)).0,
        WebhookErrorKind::Signature
    );
    let mut twice = signed(BODY, AT);
    twice.push((
        "x-chatwoot-signature".into(),
        format!("sha256={}", "0".repeat(64)),
    ));
    assert_eq!(
        kind_of(verify(BODY.as_bytes(), twice, &secret(), &options)).0,
        WebhookErrorKind::Signature
    );
    let empty = Secret::new("");
    assert_eq!(
        kind_of(verify(BODY.as_bytes(), signed(BODY, AT), &empty, &options)).0,
        WebhookErrorKind::Signature
    );
}

#[test]
fn stale_future_missing_and_odd_timestamps_are_timestamp_errors() {
    for now in [AT + 301, AT - 301] {
        let (kind, message) = kind_of(verify(
            BODY.as_bytes(),
            signed(BODY, AT),
            &secret(),
            &VerifyOptions::at(now),
        ));
        assert_eq!(kind, WebhookErrorKind::Timestamp);
        assert!(message.contains("301 s"), "{message}");
    }
    let wider = VerifyOptions::at(AT + 301).tolerance(600);
    assert!(verify(BODY.as_bytes(), signed(BODY, AT), &secret(), &wider).is_ok());
    let signature = sign(&secret(), AT, BODY.as_bytes());
    for headers in [
        vec![("x-chatwoot-signature", signature.clone())],
        vec![
            ("x-chatwoot-signature", signature.clone()),
            ("x-chatwoot-timestamp", "soon".to_owned()),
        ],
    ] {
        assert_eq!(
            kind_of(verify(
                BODY.as_bytes(),
                headers,
                &secret(),
                &VerifyOptions::at(AT)
            ))
            .0,
            WebhookErrorKind::Timestamp
        );
    }
}

#[test]
fn a_re_serialized_body_is_told_apart_and_pointed_to_the_raw_bytes() {
    // What Rails writes for the body above, and what a JSON round trip makes of it.
    let rails = BODY.replace("a <b> & c", r"a \u003cb\u003e \u0026 c");
    let round_trip = BODY;
    let (kind, message) = kind_of(verify(
        round_trip.as_bytes(),
        signed(&rails, AT),
        &secret(),
        &VerifyOptions::at(AT),
    ));
    assert_eq!(kind, WebhookErrorKind::Signature);
    assert!(
        message.contains("was re-serialized") && message.contains("raw"),
        "{message}"
    );
    // Rails' bytes themselves verify.
    assert!(
        verify(
            rails.as_bytes(),
            signed(&rails, AT),
            &secret(),
            &VerifyOptions::at(AT)
        )
        .is_ok()
    );
}

#[test]
fn bodies_that_are_no_event_are_malformed_even_when_signed() {
    for body in [
        "",
        "not json",
        "[1,2]",
        r#"{"event":"contact_created","name":"no id"}"#,
    ] {
        let e = verify(
            body.as_bytes(),
            signed(body, AT),
            &secret(),
            &VerifyOptions::at(AT),
        )
        .expect_err(body);
        assert_eq!(e.kind, WebhookErrorKind::Malformed, "{body}: {e}");
        assert!(e.path.is_some(), "{body}");
    }
    // An event this version does not know is kept, and is drift.
    let unknown = br#"{"event":"conversation_mentioned","id":1}"#;
    assert!(matches!(
        parse(unknown, ParseMode::Lenient),
        Ok(LiveAgentEvent::Other(_))
    ));
    let strict = parse(unknown, ParseMode::Strict).unwrap_err();
    assert_eq!(
        (strict.kind, strict.drift.len()),
        (WebhookErrorKind::Malformed, 1)
    );
}

#[test]
fn the_secret_never_shows_in_errors() {
    let cases = [
        verify(
            BODY.as_bytes(),
            signed(BODY, AT),
            &Secret::new("x"),
            &VerifyOptions::at(AT),
        ),
        verify(b"{}", signed(BODY, AT), &secret(), &VerifyOptions::at(AT)),
        verify(
            BODY.as_bytes(),
            signed(BODY, AT),
            &secret(),
            &VerifyOptions::at(0),
        ),
    ];
    for case in cases {
        let e = case.unwrap_err();
        let shown = format!("{e} {e:?} {}", crate::js::error_json(&e.clone().into()));
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(shown.contains("WEBHOOK"), "{shown}");
    }
    assert!(!format!("{:?}", secret()).contains(SECRET));
}

#[test]
fn credentials_inside_events_stay_out_of_debug_output() {
    // An inbox event carries the channel's signing secret and identity token; a channel of
    // another kind carries its credentials among the fields this version does not model.
    let body = br#"{"event":"inbox_created","channel":{"id":1,"secret":"chan-Secret-1","hmac_token":"chan-Hmac-2","imap_password":"chan-Imap-3"},"account":{"id":1,"name":"A"}}"#;
    let event = parse(body, ParseMode::Lenient).unwrap();
    let shown = format!("{event:?}");
    for leaked in ["chan-Secret-1", "chan-Hmac-2", "chan-Imap-3"] {
        assert!(!shown.contains(leaked), "{shown}");
    }
    assert!(shown.contains("[redacted]"), "{shown}");
}
