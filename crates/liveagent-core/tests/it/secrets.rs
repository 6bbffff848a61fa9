//! Secrets never leave in what the SDK shows: a known token, password and webhook secret are
//! looked for in every error, `Debug` output and request rendering.

use crate::support::{config_for, response, row};
use liveagent_core::config::Config;
use liveagent_core::response::parse_response;
use liveagent_core::{Call, CallOptions, Credentials, ParseMode, Secret};
use serde_json::json;

const KNOWN: &str = "k9Vw2Qx7Lp4Zt8Rm";

fn none_shows_it(outputs: &[String]) {
    for output in outputs {
        assert!(!output.contains(KNOWN), "a secret leaked: {output}");
    }
}

#[test]
fn secrets_in_bodies_stay_out_of_errors_and_debug_output() {
    // A 422 that echoes the params, and a strict decode error on a profile: both carry
    // secrets in their bodies.
    let echoed = response(
        422,
        &json!({"message": "invalid", "attributes": ["email"], "password": KNOWN}).to_string(),
    );
    let api = parse_response(
        row("create_platform_user"),
        ParseMode::Lenient,
        &echoed,
        None,
    )
    .unwrap_err();
    let profile = json!({"id": 1, "access_token": KNOWN, "pubsub_token": KNOWN, "surprise": true});
    let strict = parse_response(
        row("get_profile"),
        ParseMode::Strict,
        &response(200, &profile.to_string()),
        None,
    )
    .unwrap_err();
    let webhook = json!({"payload": {"webhooks": [{"id": 1, "url": "https://x", "secret": KNOWN, "oops": 1}]}});
    let strict_hook = parse_response(
        row("list_webhooks"),
        ParseMode::Strict,
        &response(200, &webhook.to_string()),
        None,
    )
    .unwrap_err();
    let link = json!({"url": format!("http://x/app/login?email=a%40b.c&sso_auth_token={KNOWN}"), "oops": 1});
    let strict_link = parse_response(
        row("get_platform_user_login"),
        ParseMode::Strict,
        &response(200, &link.to_string()),
        None,
    )
    .unwrap_err();
    let mut outputs = Vec::new();
    for e in [&api, &strict, &strict_hook, &strict_link] {
        outputs.push(format!("{e} {e:?}"));
        outputs.push(liveagent_core::js::error_json(e));
    }
    none_shows_it(&outputs);
    assert!(outputs[1].contains("[redacted]"), "{}", outputs[1]);
    // A successful result still gives the caller the token it asked for.
    let ok = parse_response(
        row("get_profile"),
        ParseMode::Lenient,
        &response(200, &profile.to_string()),
        None,
    )
    .unwrap();
    assert!(ok.json.contains(KNOWN));
}

#[test]
fn tokens_and_passwords_stay_out_of_requests_as_shown() {
    let meta = row("create_platform_user");
    let mut config = config_for(meta);
    config = config
        .with_credentials(Credentials::Platform(Secret::new(KNOWN)))
        .unwrap();
    let call = Call::new(
        &config,
        meta,
        json!({"email": "a@b.c", "password": KNOWN}),
        CallOptions::default(),
    )
    .unwrap();
    let request = call.request();
    none_shows_it(&[
        format!("{request:?}"),
        request.redacted(),
        format!("{:?}", request.body),
        format!("{config:?}"),
        format!("{call:?}"),
    ]);
    // It is sent, of course.
    assert!(request.headers.iter().any(|(_, v)| v == KNOWN));
}

#[test]
fn a_token_a_header_cannot_carry_is_refused_before_sending_in_every_path() {
    let meta = row("list_agents");
    for bad in ["t0ken\r\nx-evil: 1", "tökén", ""] {
        let err = Config::new("https://chat.example.com")
            .unwrap()
            .with_credentials(Credentials::User(Secret::new(bad)))
            .unwrap_err();
        assert_eq!(err.kind.as_str(), "config", "{bad:?}");
        // Config's fields are public: a token set there is checked when the request is built.
        let mut config = config_for(meta);
        config.credentials = Credentials::User(Secret::new(bad));
        let err = Call::new(&config, meta, json!({}), CallOptions::default()).unwrap_err();
        assert_eq!(err.code(), "BUILD", "{bad:?}");
    }
    let err = Config::new("http://host\\.evil.example").unwrap_err();
    assert!(err.message.contains("backslash"), "{}", err.message);
}

#[test]
fn a_url_servers_would_refuse_is_a_build_error_in_every_runtime() {
    // A 100,000-character path param (natively a transport error, through fetch a 414).
    let meta = row("get_public_contact");
    let params = json!({"inbox_identifier": "x".repeat(100_000), "contact_identifier": "c"});
    let err = Call::new(&config_for(meta), meta, params, CallOptions::default()).unwrap_err();
    assert!(
        err.to_string().contains("servers refuse more than 8192"),
        "{err}"
    );
    let search = row("search_contacts");
    let err = Call::new(
        &config_for(search),
        search,
        json!({"q": "x".repeat(9_000)}),
        CallOptions::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("servers refuse more than 8192"),
        "{err}"
    );
    Call::new(
        &config_for(search),
        search,
        json!({"q": "x".repeat(2_000)}),
        CallOptions::default(),
    )
    .unwrap();
}
