//! Node.js shell of the Live Agent SDK: the native [`liveagent`] client (reqwest on napi's tokio
//! runtime), so IO and parsing stay off the event loop, exposed to `bindings/client.js` through
//! the same backend interface as the wasm package. Values cross as JSON text.
//!
//! A `fetch` client option routes requests through a JS `fetch` instead ([`fetch`]).
#![allow(unsafe_code)] // the #[napi] macros expand to FFI glue

mod fetch;

use liveagent::Client;
use liveagent_core::cable::{Cable, cable_url};
use liveagent_core::{Error, Paginator, Upload, js};
use napi::bindgen_prelude::*;
use napi_derive::napi;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::oneshot;

/// Rejection value: a JS `Error` whose message is the JSON fields of `LiveAgentError`.
fn reject(error: impl Into<Error>) -> napi::Error {
    napi::Error::from_reason(js::error_json(&error.into()))
}

/// Calls in flight that JS may still abort, by the id JS gave them.
type InFlight = Arc<Mutex<HashMap<u32, oneshot::Sender<()>>>>;

/// A file of a call's multipart body, as the JS layer hands it over.
#[napi(object)]
pub struct FileArg {
    /// File name.
    pub name: String,
    /// MIME type (empty when unknown).
    pub r#type: String,
    /// Contents.
    pub bytes: Buffer,
}

/// A configured client: what `new LiveAgentClient(options)` holds.
#[napi]
pub struct NativeBackend {
    client: Client,
    in_flight: InFlight,
}

#[napi]
impl NativeBackend {
    /// Reads the client options (JSON). With `send` and `cancel` (the package's bridge to a JS
    /// `fetch`), requests go through them instead of reqwest.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        options: String,
        send: Option<fetch::SendFn>,
        cancel: Option<fetch::CancelFn>,
    ) -> napi::Result<Self> {
        let value = js::parse_json(&options, "client options").map_err(reject)?;
        let config = js::config_from_options(&value).map_err(reject)?;
        let mut builder = Client::from_config(config);
        if let (Some(send), Some(cancel)) = (send, cancel) {
            builder = builder.transport(Arc::new(fetch::JsFetch::new(send, cancel)));
        }
        Ok(NativeBackend {
            client: builder.build().map_err(reject)?,
            in_flight: InFlight::default(),
        })
    }

    /// Calls endpoint `index` with params and request options (JSON). Resolves with the result
    /// as JSON text; rejects with the error's fields as JSON text. `abort(id)` cancels it;
    /// `aborted` says the caller's signal was aborted already, so the call sends nothing (it
    /// still reports a build error first, as the wasm package does).
    #[napi(catch_unwind, ts_return_type = "Promise<string>")]
    #[allow(clippy::too_many_arguments)] // one per argument of the JS call
    pub fn call<'env>(
        &self,
        env: &'env Env,
        id: u32,
        index: u32,
        params: String,
        options: String,
        aborted: bool,
        files: Option<Vec<FileArg>>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        // The bytes are copied out of the JS buffers here, on the JS thread: JS may reuse them
        // once this returns.
        let files: Vec<Upload> = files
            .unwrap_or_default()
            .into_iter()
            .map(|f| Upload::new(f.name, f.r#type, f.bytes.to_vec()))
            .collect();
        let (cancel, cancelled) = oneshot::channel();
        if aborted {
            let _ = cancel.send(());
        } else {
            lock(&self.in_flight).insert(id, cancel);
        }
        let (client, in_flight) = (self.client.clone(), self.in_flight.clone());
        env.spawn_future(async move {
            let result = async {
                let meta = js::endpoint(index).map_err(reject)?;
                let params = js::parse_json(&params, "params").map_err(reject)?;
                let options = js::parse_json(&options, "request options").map_err(reject)?;
                let (options, raw) = js::call_options(&options).map_err(reject)?;
                let cancelled = async {
                    // A dropped sender (the call finished) is not an abort.
                    if cancelled.await.is_err() {
                        std::future::pending::<()>().await;
                    }
                };
                let success = client
                    .call_with_files(meta, params, files, options, cancelled)
                    .await
                    .map_err(reject)?;
                Ok(js::success_json(success, raw))
            }
            .await;
            lock(&in_flight).remove(&id);
            result
        })
    }

    /// Aborts call `id`, if it is still running.
    #[napi(catch_unwind)]
    pub fn abort(&self, id: u32) {
        if let Some(cancel) = lock(&self.in_flight).remove(&id) {
            let _ = cancel.send(());
        }
    }

    /// Whether a call of endpoint `index` must wait for the visitor's widget session (`now`:
    /// `Date.now()`, against the session token's expiry).
    #[napi(catch_unwind, js_name = "needsSession")]
    pub fn needs_session(&self, index: u32, now: f64) -> bool {
        js::needs_widget_session(self.client.config(), index, now)
    }

    /// The visitor's widget session token, if any.
    #[napi(catch_unwind, js_name = "widgetToken")]
    pub fn widget_token(&self) -> Option<String> {
        js::widget_token(self.client.config())
    }

    /// Replaces the visitor's widget session token (`null` forgets the visitor).
    #[napi(catch_unwind, js_name = "setWidgetToken")]
    pub fn set_widget_token(&self, token: Option<String>) -> napi::Result<()> {
        js::set_widget_token(self.client.config(), token).map_err(reject)
    }

    /// A pager over a listing endpoint, ending after `max_items` items if given.
    #[napi(catch_unwind)]
    pub fn pager(&self, index: u32, params: String, max_items: Option<u32>) -> napi::Result<Pager> {
        let meta = js::endpoint(index).map_err(reject)?;
        let params = js::parse_json(&params, "params").map_err(reject)?;
        let inner = Paginator::new(meta, params).map_err(reject)?;
        Ok(Pager {
            inner: inner.max_items(max_items.map(u64::from)),
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The pagination state of one listing: the JS side calls, the core decides what comes next.
#[napi]
pub struct Pager {
    inner: Paginator,
}

#[napi]
impl Pager {
    /// Params of the next page (JSON), or `null` when the listing is over.
    #[napi(catch_unwind)]
    pub fn next(&self) -> Option<String> {
        self.inner.next_params().map(|p| p.to_string())
    }

    /// Takes a page (the JSON a call resolved with) and returns its items (JSON array).
    #[napi(catch_unwind)]
    pub fn advance(&mut self, page: String) -> napi::Result<String> {
        let value = js::parse_json(&page, "page").map_err(reject)?;
        Ok(serde_json::Value::from(self.inner.advance(value)).to_string())
    }
}

/// The camelCase names of every endpoint, in table order (JSON array).
#[napi(catch_unwind)]
pub fn endpoint_names() -> String {
    js::endpoint_names()
}

/// Verifies a webhook delivery: the raw body, the request's headers as a JSON array of
/// `[name, value]` pairs, the secret, and the options as JSON (`now` filled in by the JS
/// layer). Returns the event's normalized JSON text; throws the error's fields as JSON text.
/// Synchronous: an HMAC and one pass over the body cost less than a trip to another thread.
#[napi(catch_unwind)]
pub fn verify_webhook(
    body: Uint8Array,
    headers: String,
    secret: String,
    options: String,
) -> napi::Result<String> {
    js::verify_webhook(&body, &headers, &secret, &options).map_err(reject)
}

/// Parses a webhook delivery without a signature (options as JSON: `strict`). Returns the
/// event's normalized JSON text; throws the error's fields as JSON text.
#[napi(catch_unwind)]
pub fn parse_webhook(body: Uint8Array, options: String) -> napi::Result<String> {
    js::parse_webhook(&body, &options).map_err(reject)
}

/// The two ways to hand a parsed body to JS, for `scripts/bench`: JSON text for `JSON.parse`
/// (what the package does), or objects built by napi from the Rust value.
#[cfg(feature = "bench")]
pub mod bench {
    use napi::bindgen_prelude::*;
    use napi_derive::napi;
    use serde_json::Value;

    /// Parses `body` and returns it as JSON text.
    #[napi]
    pub fn bench_to_text(body: String) -> String {
        serde_json::from_str::<Value>(&body)
            .unwrap_or_default()
            .to_string()
    }

    /// Parses `body` and returns it as JS objects.
    #[napi]
    pub fn bench_to_objects(env: &Env, body: String) -> Result<Unknown<'_>> {
        env.to_js_value(&serde_json::from_str::<Value>(&body).unwrap_or_default())
    }
}

/// The live-updates state machine (`client.events()`), driven by `bindings/client.js` over the
/// caller's `WebSocket`: it says what to send, yield, close and when to reconnect.
#[napi]
pub struct CableMachine {
    inner: Cable,
    url: String,
}

#[napi]
impl CableMachine {
    /// A machine for `options` (JSON, see `liveagent_core::js::cable_options`) on the server at
    /// `base_url`.
    #[napi(constructor, catch_unwind)]
    pub fn new(base_url: String, options: String) -> napi::Result<Self> {
        Ok(CableMachine {
            inner: Cable::new(js::cable_options(&options).map_err(reject)?),
            url: cable_url(&base_url),
        })
    }

    /// The `/cable` WebSocket URL.
    #[napi(catch_unwind)]
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// The socket opened; returns the actions (JSON).
    #[napi(catch_unwind)]
    pub fn opened(&mut self, now: f64) -> String {
        js::actions_json(self.inner.opened(now as i64))
    }

    /// A text frame arrived.
    #[napi(catch_unwind)]
    pub fn frame(&mut self, text: String, now: f64) -> String {
        js::actions_json(self.inner.frame(&text, now as i64))
    }

    /// The socket closed (or did not open).
    #[napi(catch_unwind)]
    pub fn closed(&mut self, random: f64) -> String {
        js::actions_json(self.inner.closed(random))
    }

    /// Time passed.
    #[napi(catch_unwind)]
    pub fn tick(&mut self, now: f64) -> String {
        js::actions_json(self.inner.tick(now as i64))
    }

    /// Milliseconds until the next `tick`, if a socket is open.
    #[napi(catch_unwind, js_name = "nextTick")]
    pub fn next_tick(&self, now: f64) -> Option<f64> {
        self.inner.next_tick_ms(now as i64).map(|ms| ms as f64)
    }

    /// The subscriber is gone.
    #[napi(catch_unwind)]
    pub fn stop(&mut self) {
        self.inner.stop();
    }
}
