//! The wasm shell's call machine in Node (see `common`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, missing_docs)]

mod common;

suite!(
    success_with_raw_response,
    api_error_is_typed,
    decode_error_keeps_the_body,
    timeout_ends_the_attempt,
    abort_cancels_the_call,
    retries_after_429,
    multipart_body_and_content_type,
);
