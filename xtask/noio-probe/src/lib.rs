//! Exports one function that builds, sends nowhere, and parses a call of every endpoint,
//! through the call, retry and pagination state machines. Compiled for
//! `wasm32-unknown-unknown`, the module must import nothing: `cargo xtask no-io` checks it.

use liveagent_core::{
    Call, CallOptions, Config, Credentials, ENDPOINTS, Failure, Paginator, RawResponse, Secret,
    Step,
};

/// Runs endpoint `index` against a canned response with `status`; returns a small code.
#[unsafe(no_mangle)]
pub extern "C" fn liveagent_probe(index: u32, status: u32) -> u32 {
    let Some(meta) = ENDPOINTS.get(index as usize % ENDPOINTS.len()) else {
        return 0;
    };
    let Ok(config) = Config::new("https://liveagent.example.com")
        .and_then(|c| c.with_credentials(Credentials::User(Secret::new("token"))))
        .map(|c| c.with_account_id(1u64))
    else {
        return 1;
    };
    let params = serde_json::json!({});
    let Ok(mut call) = Call::new(&config, meta, params.clone(), CallOptions::default()) else {
        return 2;
    };
    let response = RawResponse {
        status: status as u16,
        headers: vec![("retry-after".into(), "Sun, 06 Nov 1994 08:49:37 GMT".into())],
        body: br#"{"payload":[],"meta":{}}"#.to_vec(),
    };
    let code = match call.on_response(response, Some(0), 0.5) {
        Step::Retry { delay_ms } => 3 + (delay_ms as u32 & 1),
        Step::Done(Ok(success)) => {
            let mut pager = Paginator::new(meta, params).ok();
            let items = pager
                .as_mut()
                .map_or(0, |p| p.advance(success.value()).len());
            10 + items as u32
        }
        Step::Done(Err(e)) => 20 + e.code().len() as u32,
    };
    match call.on_failure(Failure::Timeout, None, 0.5) {
        Step::Retry { .. } => code,
        Step::Done(_) => code + 100,
    }
}

/// Verifies and parses a webhook delivery of `len` bytes of a canned body, typed (serde) and
/// normalized, so that the webhook path is checked for imports too; returns a small code.
#[unsafe(no_mangle)]
pub extern "C" fn liveagent_probe_webhook(len: u32, now: i64) -> u32 {
    use liveagent_core::webhook::{self, VerifyOptions};
    let body = br#"{"event":"contact_created","id":7,"account":{"id":1,"name":"A"}}"#;
    let body = &body[..(len as usize).min(body.len())];
    let secret = Secret::new("secret");
    let at = now.to_string();
    let signature = webhook::sign(&secret, now, body);
    let headers = [
        ("x-chatwoot-timestamp", at.as_str()),
        ("x-chatwoot-signature", signature.as_str()),
    ];
    let typed = webhook::verify(body, headers, &secret, &VerifyOptions::at(now)).is_ok();
    let normalized = webhook::normalize(body, liveagent_core::ParseMode::Strict).is_ok();
    u32::from(typed) + 2 * u32::from(normalized)
}
