//! One call as a state machine that JavaScript drives over `fetch` (`bindings/transport.js`): the
//! core's [`Call`] builds the request, and decides after each attempt whether to retry, when,
//! and what the result is. The JS side only sends, waits and reads, as it does for the live
//! updates' [`crate::CableMachine`] over a WebSocket.
//!
//! The transport is JavaScript rather than Rust over wasm-bindgen futures: `fetch`, timers,
//! `AbortController` and a body's stream are JS objects, and driving them from Rust took 8.7 KB
//! gzip of module and glue (futures, closures, one import per method) for what `transport.js`
//! does in about 1 KB.

use crate::reject;
use js_sys::{Array, Uint8Array};
use liveagent_core::{Call, EncodedBody, Failure, RawResponse, Step, js};
use wasm_bindgen::prelude::*;

/// A call in flight.
#[wasm_bindgen]
pub struct Exchange {
    call: Call,
    /// `raw: true` among the request options: the result carries the response as received.
    raw: bool,
    /// The body, encoded once for every attempt.
    body: EncodedBody,
}

impl Exchange {
    /// Builds the call of endpoint `index` (params and request options as JSON), with `random`
    /// for the multipart boundary (the core has no randomness).
    pub(crate) fn start(
        config: &liveagent_core::Config,
        index: u32,
        params: &str,
        options: &str,
        files: Vec<liveagent_core::Upload>,
        random: f64,
    ) -> Result<Exchange, JsValue> {
        let meta = js::endpoint(index).map_err(reject)?;
        let params = js::parse_json(params, "params").map_err(reject)?;
        let options = js::parse_json(options, "request options").map_err(reject)?;
        let (options, raw) = js::call_options(&options).map_err(reject)?;
        let mut call = Call::new(config, meta, params, options).map_err(reject)?;
        call.attach(files).map_err(reject)?;
        let boundary = format!("liveagent-{:016x}", (random * 9.0e15) as u64);
        let body = call.encode_body(&boundary).map_err(reject)?;
        Ok(Exchange { call, raw, body })
    }

    /// What the core decided after an attempt: the delay before the next one (a number), or
    /// the result as JSON text (a string); the error's fields as JSON text are thrown.
    fn step(&self, step: Step) -> Result<JsValue, JsValue> {
        match step {
            Step::Retry { delay_ms } => Ok(JsValue::from_f64(delay_ms as f64)),
            Step::Done(result) => {
                let success = result.map_err(reject)?;
                Ok(JsValue::from_str(&js::success_json(success, self.raw)))
            }
        }
    }
}

#[wasm_bindgen]
impl Exchange {
    /// An attempt is about to go out at `now` (ms): its method, URL and headers, as
    /// `[method, url, name, value, name, value, ...]` (the multipart content type included).
    pub fn send(&mut self, now: f64) -> Array {
        self.call.sending(now as i64);
        let request = self.call.request();
        let out = Array::new();
        out.push(&request.method.as_str().into());
        out.push(&request.url.as_str().into());
        for (name, value) in &request.headers {
            out.push(&(*name).into());
            out.push(&value.as_str().into());
        }
        if let Some(content_type) = &self.body.content_type {
            out.push(&"content-type".into());
            out.push(&content_type.as_str().into());
        }
        out
    }

    /// The body of every attempt: JSON text as a string, multipart bytes, or `undefined`.
    pub fn body(&self) -> JsValue {
        match (&self.body.bytes, &self.body.content_type) {
            (None, _) => JsValue::UNDEFINED,
            (Some(bytes), Some(_)) => Uint8Array::from(bytes.as_slice()).into(),
            // JSON text: fetch sends a string as UTF-8, the bytes the core wrote.
            (Some(bytes), None) => JsValue::from_str(&String::from_utf8_lossy(bytes)),
        }
    }

    /// The per-attempt timeout in ms, if any.
    pub fn timeout(&self) -> Option<f64> {
        self.call.timeout_ms().map(|ms| ms as f64)
    }

    /// The stall guard in ms, if any: a body read that brings nothing for this long ends the
    /// attempt as stalled.
    pub fn stall(&self) -> Option<f64> {
        self.call.stall_timeout_ms().map(|ms| ms as f64)
    }

    /// A response came: its status, headers as `[name, value, ...]` and whole body. Returns
    /// the delay before the next attempt (ms) or the result (JSON text); throws the error.
    pub fn response(
        &mut self,
        status: u16,
        headers: Vec<String>,
        body: Vec<u8>,
        now: f64,
        random: f64,
    ) -> Result<JsValue, JsValue> {
        let mut pairs = headers.into_iter();
        let headers = std::iter::from_fn(|| Some((pairs.next()?, pairs.next()?))).collect();
        let response = RawResponse {
            status,
            headers,
            body,
        };
        let step = self.call.on_response(response, Some(now as i64), random);
        self.step(step)
    }

    /// The attempt failed: `kind` is `timeout`, `stalled`, `connect` (nothing was sent) or
    /// `after-send` (it may have arrived), with the failure's message. Returns as `response`.
    pub fn failure(
        &mut self,
        kind: &str,
        message: String,
        now: f64,
        random: f64,
    ) -> Result<JsValue, JsValue> {
        let failure = match kind {
            "timeout" => Failure::Timeout,
            "stalled" => Failure::Stalled,
            "connect" => Failure::Connect(message),
            _ => Failure::AfterSend(message),
        };
        let step = self.call.on_failure(failure, Some(now as i64), random);
        self.step(step)
    }

    /// The caller aborted: the error's fields, as JSON text.
    pub fn aborted(&self) -> String {
        js::error_json(&self.call.aborted())
    }
}
