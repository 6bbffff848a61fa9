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
