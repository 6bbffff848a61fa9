//! WebAssembly shell of the Live Agent SDK, for browsers and Cloudflare Workers (and Node).
//!
//! It converts values; the request, the retry decision, the backoff, the response parsing and
//! the errors are the core's. The transport (the global `fetch` or the one the caller passes,
//! never `window`'s; `setTimeout`; `AbortController`) is `bindings/transport.js`, which drives
//! each call's [`Exchange`]. The JavaScript class in `bindings/client.js` sits on top of [`Backend`],
//! and its webhook functions on [`verify_webhook`] and [`parse_webhook`].

mod exchange;

use js_sys::{Array, Uint8Array};
#[cfg(feature = "events")]
use liveagent_core::cable::{Cable, cable_url};
use liveagent_core::{Config, Error, Paginator, Upload, js};
use wasm_bindgen::prelude::*;

/// The allocator: talc, smaller than std's dlmalloc (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use exchange::Exchange;

/// Thrown value: the JSON fields of `LiveAgentError`.
fn reject(error: impl Into<Error>) -> JsValue {
    JsValue::from_str(&js::error_json(&error.into()))
}

/// A configured client: what `new LiveAgentClient(options)` holds.
#[wasm_bindgen]
pub struct Backend {
    config: Config,
}

#[wasm_bindgen]
impl Backend {
    /// Reads the client options (JSON; the `fetch` to call is `transport.js`'s business).
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str) -> Result<Backend, JsValue> {
        let value = js::parse_json(options, "client options").map_err(reject)?;
        let config = js::config_from_options(&value).map_err(reject)?;
        Ok(Backend { config })
    }

    /// Starts a call of endpoint `index` with params and request options (both JSON) and the
    /// files to upload; `random` makes the multipart boundary. `bindings/transport.js` drives the
    /// [`Exchange`] over `fetch`. Throws the error's fields as JSON text if the request cannot
    /// be built.
    pub fn start(
        &self,
        index: u32,
        params: &str,
        options: &str,
        files: Option<Array>,
        random: f64,
    ) -> Result<Exchange, JsValue> {
        let files = files.map(|f| uploads(&f)).unwrap_or_default();
        Exchange::start(&self.config, index, params, options, files, random)
    }

    /// Whether a call of endpoint `index` must wait for the visitor's widget session (`now`:
    /// `Date.now()`, against the session token's expiry).
    #[wasm_bindgen(js_name = needsSession)]
    pub fn needs_session(&self, index: u32, now: f64) -> bool {
        js::needs_widget_session(&self.config, index, now)
    }

    /// The visitor's widget session token, if any.
    #[wasm_bindgen(js_name = widgetToken)]
    pub fn widget_token(&self) -> Option<String> {
        js::widget_token(&self.config)
    }

    /// Replaces the visitor's widget session token (`undefined` forgets the visitor).
    #[wasm_bindgen(js_name = setWidgetToken)]
    pub fn set_widget_token(&self, token: Option<String>) -> Result<(), JsValue> {
        js::set_widget_token(&self.config, token).map_err(reject)
    }

    /// A pager over a listing endpoint, ending after `max_items` items if given.
    pub fn pager(
        &self,
        index: u32,
        params: &str,
        max_items: Option<f64>,
    ) -> Result<Pager, JsValue> {
        let meta = js::endpoint(index).map_err(reject)?;
        let params = js::parse_json(params, "params").map_err(reject)?;
        let inner = Paginator::new(meta, params).map_err(reject)?;
        Ok(Pager {
            inner: inner.max_items(max_items.map(|n| n as u64)),
        })
    }
}

/// The files the JS layer hands over: `[name, type, Uint8Array]` triples.
fn uploads(files: &Array) -> Vec<Upload> {
    files
        .iter()
        .map(|file| {
            let file = Array::from(&file);
            Upload::new(
                file.get(0).as_string().unwrap_or_default(),
                file.get(1).as_string().unwrap_or_default(),
                Uint8Array::new(&file.get(2)).to_vec(),
            )
        })
        .collect()
}

/// The pagination state of one listing: the JS side calls, the core decides what comes next.
#[wasm_bindgen]
pub struct Pager {
    inner: Paginator,
}

#[wasm_bindgen]
impl Pager {
    /// Params of the next page (JSON), or `undefined` when the listing is over.
    pub fn next(&self) -> Option<String> {
        self.inner.next_params().map(|p| js::value_json(&p))
    }

    /// Takes a page (the JSON a call resolved with) and returns its items (JSON array).
    pub fn advance(&mut self, page: &str) -> Result<String, JsValue> {
        let value = js::parse_json(page, "page").map_err(reject)?;
        Ok(js::value_json(&serde_json::Value::from(
            self.inner.advance(value),
        )))
    }
}

/// The camelCase names of every endpoint, in table order (JSON array).
#[wasm_bindgen(js_name = endpointNames)]
pub fn endpoint_names() -> String {
    js::endpoint_names()
}

#[cfg(feature = "webhooks")]
/// Verifies a webhook delivery: the raw body, the request's headers as a JSON array of
/// `[name, value]` pairs, the secret, and the options as JSON (`now` filled in by the JS
/// layer). Returns the event's normalized JSON text; throws the error's fields as JSON text.
#[wasm_bindgen(js_name = verifyWebhook)]
pub fn verify_webhook(
    body: &[u8],
    headers: &str,
    secret: &str,
    options: &str,
) -> Result<String, JsValue> {
    js::verify_webhook(body, headers, secret, options).map_err(reject)
}

#[cfg(feature = "webhooks")]
/// Parses a webhook delivery without a signature (options as JSON: `strict`). Returns the
/// event's normalized JSON text; throws the error's fields as JSON text.
#[wasm_bindgen(js_name = parseWebhook)]
pub fn parse_webhook(body: &[u8], options: &str) -> Result<String, JsValue> {
    js::parse_webhook(body, options).map_err(reject)
}

/// The two ways to hand a parsed body to JS, for `scripts/bench`: JSON text for `JSON.parse`
/// (what the package does), or objects built through serde-wasm-bindgen.
#[cfg(feature = "bench")]
pub mod bench {
    use serde::Serialize as _;
    use serde_json::Value;
    use wasm_bindgen::prelude::*;

    /// Parses `body` and returns it as JSON text.
    #[wasm_bindgen(js_name = benchToText)]
    pub fn to_text(body: &str) -> String {
        serde_json::from_str::<Value>(body)
            .unwrap_or_default()
            .to_string()
    }

    /// Parses `body` and returns it as JS objects.
    #[wasm_bindgen(js_name = benchToObjects)]
    pub fn to_objects(body: &str) -> JsValue {
        serde_json::from_str::<Value>(body)
            .unwrap_or_default()
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or(JsValue::NULL)
    }
}

/// The live-updates state machine (`client.events()`), driven by `bindings/client.js` over the
/// caller's `WebSocket`: it says what to send, yield, close and when to reconnect.
#[cfg(feature = "events")]
#[wasm_bindgen]
pub struct CableMachine {
    inner: Cable,
    url: String,
}

#[cfg(feature = "events")]
#[wasm_bindgen]
impl CableMachine {
    /// A machine for `options` (JSON, see `liveagent_core::js::cable_options`) on the server at
    /// `base_url`.
    #[wasm_bindgen(constructor)]
    pub fn new(base_url: &str, options: &str) -> Result<CableMachine, JsValue> {
        Ok(CableMachine {
            inner: Cable::new(js::cable_options(options).map_err(reject)?),
            url: cable_url(base_url),
        })
    }

    /// The `/cable` WebSocket URL.
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// The socket opened; returns the actions (JSON).
    pub fn opened(&mut self, now: f64) -> String {
        js::actions_json(self.inner.opened(now as i64))
    }

    /// A text frame arrived.
    pub fn frame(&mut self, text: &str, now: f64) -> String {
        js::actions_json(self.inner.frame(text, now as i64))
    }

    /// The socket closed (or did not open).
    pub fn closed(&mut self, random: f64) -> String {
        js::actions_json(self.inner.closed(random))
    }

    /// Time passed.
    pub fn tick(&mut self, now: f64) -> String {
        js::actions_json(self.inner.tick(now as i64))
    }

    /// Milliseconds until the next `tick`, if a socket is open.
    #[wasm_bindgen(js_name = nextTick)]
    pub fn next_tick(&self, now: f64) -> Option<f64> {
        self.inner.next_tick_ms(now as i64).map(|ms| ms as f64)
    }

    /// The subscriber is gone.
    pub fn stop(&mut self) {
        self.inner.stop();
    }
}
