//! The transport and the timer: one attempt over `fetch`, and the loop that lets the core's
//! [`Call`] decide what follows.
//!
//! web-sys gives the typed DOM bindings (`AbortController`, `AbortSignal`, `RequestInit`,
//! `Response`); `fetch`, `setTimeout` and `clearTimeout` are bound here as the globals they are
//! in every runtime (web-sys reaches them only through `Window` or `WorkerGlobalScope`, which
//! Node, Deno and Bun lack). The response is read through its methods, not `instanceof`, so a
//! caller's own `fetch` may answer with any Response-like object.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use liveagent_core::{Call, EncodedBody, Error, Failure, RawResponse, Step, Success};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStream, ReadableStreamDefaultReader, RequestInit, RequestRedirect,
    Response,
};

pub use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(input: &str, init: &RequestInit) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// What one attempt came to.
enum Attempt {
    Response(RawResponse),
    Failure(Failure),
    Aborted,
}

/// Runs `call` to completion.
pub(crate) async fn drive(
    mut call: Call,
    fetch: Option<&Function>,
    signal: Option<&AbortSignal>,
) -> Result<Success, Error> {
    let (content_type, body) = body_of(&call)?;
    loop {
        // The last look at the signal before anything goes out: an aborted call sends nothing.
        if signal.is_some_and(AbortSignal::aborted) {
            return Err(call.aborted());
        }
        call.sending(js_sys::Date::now() as i64);
        let step = match attempt(&call, fetch, signal, content_type.as_deref(), body.as_ref()).await
        {
            Attempt::Response(r) => {
                call.on_response(r, Some(js_sys::Date::now() as i64), js_sys::Math::random())
            }
            Attempt::Failure(f) => {
                call.on_failure(f, Some(js_sys::Date::now() as i64), js_sys::Math::random())
            }
            Attempt::Aborted => return Err(call.aborted()),
        };
        match step {
            Step::Retry { delay_ms } => {
                if !sleep(delay_ms, signal).await {
                    return Err(call.aborted());
                }
            }
            Step::Done(result) => return result,
        }
    }
}

/// The body once per call: JSON text as a string, multipart bytes as a `Uint8Array`, with a
/// random boundary (the core has no randomness).
fn body_of(call: &Call) -> Result<(Option<String>, Option<JsValue>), Error> {
    let boundary = format!(
        "liveagent-{:016x}",
        (js_sys::Math::random() * 9.0e15) as u64
    );
    let EncodedBody {
        content_type,
        bytes,
    } = call.encode_body(&boundary)?;
    let body = bytes.map(|bytes| match content_type {
        Some(_) => Uint8Array::from(bytes.as_slice()).into(),
        // JSON text: fetch sends a string as UTF-8, the bytes the core wrote.
        None => JsValue::from_str(&String::from_utf8_lossy(&bytes)),
    });
    Ok((content_type, body))
}

/// One request, with the per-attempt timeout and the caller's signal wired to one controller.
async fn attempt(
    call: &Call,
    fetch: Option<&Function>,
    signal: Option<&AbortSignal>,
    content_type: Option<&str>,
    body: Option<&JsValue>,
) -> Attempt {
    let request = call.request();
    let headers = Array::new();
    for (name, value) in &request.headers {
        headers.push(&Array::of2(
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        ));
    }
    if let Some(ct) = content_type {
        headers.push(&Array::of2(
            &JsValue::from_str("content-type"),
            &JsValue::from_str(ct),
        ));
    }
    let Ok(controller) = AbortController::new() else {
        return Attempt::Failure(Failure::Connect("AbortController is not available".into()));
    };
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_headers(&headers);
    // Never follow a redirect: the token must not reach another host.
    init.set_redirect(RequestRedirect::Manual);
    init.set_signal(Some(&controller.signal()));
    if let Some(body) = body {
        init.set_body(body);
    }

    let timed_out = Rc::new(Cell::new(false));
    let on_abort: Closure<dyn Fn()> = {
        let controller = controller.clone();
        Closure::new(move || controller.abort())
    };
    let on_timeout: Closure<dyn Fn()> = {
        let (controller, flag) = (controller.clone(), timed_out.clone());
        Closure::new(move || {
            flag.set(true);
            controller.abort();
        })
    };
    let guard = StallGuard::new(call.stall_timeout_ms(), &controller);
    let timer = call
        .timeout_ms()
        .map(|ms| set_timeout(on_timeout.as_ref().unchecked_ref(), ms as f64));
    if let Some(s) = signal {
        let _ = s.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    let outcome = exchange(&request.url, &init, fetch, &guard).await;
    if let Some(id) = timer {
        clear_timeout(&id);
    }
    if let Some(s) = signal {
        let _ = s.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    match outcome {
        Ok(response) => Attempt::Response(response),
        Err(_) if signal.is_some_and(AbortSignal::aborted) => Attempt::Aborted,
        Err(_) if timed_out.get() => Attempt::Failure(Failure::Timeout),
        Err(_) if guard.stalled.get() => Attempt::Failure(Failure::Stalled),
        // fetch cannot tell a refused connection from one broken after sending: assume the
        // request may have arrived, so only calls safe to repeat are retried.
        Err(message) => Attempt::Failure(Failure::AfterSend(message)),
    }
}

/// The fetch and the body read; a rejection's message on failure.
async fn exchange(
    url: &str,
    init: &RequestInit,
    fetch: Option<&Function>,
    guard: &StallGuard,
) -> Result<RawResponse, String> {
    let promise = match fetch {
        Some(f) => f
            .call2(&JsValue::NULL, &JsValue::from_str(url), init)
            .map(|p| Promise::resolve(&p))
            .map_err(|e| message(&e))?,
        None => global_fetch(url, init),
    };
    let response: Response = JsFuture::from(promise)
        .await
        .map_err(|e| message(&e))?
        .unchecked_into();
    let mut headers = Vec::new();
    if let Ok(Some(entries)) = js_sys::try_iter(&response.headers()) {
        for entry in entries.flatten() {
            let pair = Array::from(&entry);
            headers.push((
                pair.get(0).as_string().unwrap_or_default(),
                pair.get(1).as_string().unwrap_or_default(),
            ));
        }
    }
    let body = match (guard.ms, response.body()) {
        (Some(ms), Some(stream)) => guard.read(&stream, ms).await?,
        // No guard, or a caller's Response-like object without a stream: read it whole, within
        // the attempt's timeout only.
        _ => {
            let buffer = response.array_buffer().map_err(|e| message(&e))?;
            let buffer = JsFuture::from(buffer).await.map_err(|e| message(&e))?;
            Uint8Array::new(&buffer).to_vec()
        }
    };
    Ok(RawResponse {
        status: response.status(),
        headers,
        body,
    })
}

/// The stall guard of one attempt: the body is read piece by piece, and a read that brings
/// nothing for `ms` aborts the attempt's controller, marked `stalled`.
struct StallGuard {
    ms: Option<u64>,
    stalled: Rc<Cell<bool>>,
    on_stall: Closure<dyn Fn()>,
}

impl StallGuard {
    fn new(ms: Option<u64>, controller: &AbortController) -> StallGuard {
        let stalled = Rc::new(Cell::new(false));
        let on_stall = {
            let (controller, flag) = (controller.clone(), stalled.clone());
            Closure::new(move || {
                flag.set(true);
                controller.abort();
            })
        };
        StallGuard {
            ms,
            stalled,
            on_stall,
        }
    }

    async fn read(&self, stream: &ReadableStream, ms: u64) -> Result<Vec<u8>, String> {
        let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        let mut body = Vec::new();
        loop {
            let timer = set_timeout(self.on_stall.as_ref().unchecked_ref(), ms as f64);
            let read = JsFuture::from(reader.read()).await;
            clear_timeout(&timer);
            let result = read.map_err(|e| message(&e))?;
            if Reflect::get(&result, &"done".into()).is_ok_and(|d| d.is_truthy()) {
                return Ok(body);
            }
            let chunk: Uint8Array = Reflect::get(&result, &"value".into())
                .map_err(|e| message(&e))?
                .unchecked_into();
            let start = body.len();
            body.resize(start + chunk.length() as usize, 0);
            chunk.copy_to(&mut body[start..]);
        }
    }
}

/// A JS error's message, with its cause's when it has one (Node's `fetch failed` says why only
/// there: `connect ECONNREFUSED ...`).
fn message(e: &JsValue) -> String {
    let text = |v: &JsValue| {
        Reflect::get(v, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| v.as_string())
    };
    let own = text(e).unwrap_or_else(|| "fetch failed".into());
    match Reflect::get(e, &"cause".into())
        .ok()
        .as_ref()
        .and_then(text)
    {
        Some(cause) if !cause.is_empty() => format!("{own} ({cause})"),
        _ => own,
    }
}

/// Waits `ms`; `false` if the caller aborted meanwhile (the timer is then cleared, so a
/// cancelled call keeps nothing pending).
async fn sleep(ms: u64, signal: Option<&AbortSignal>) -> bool {
    if signal.is_some_and(AbortSignal::aborted) {
        return false;
    }
    let mut on_abort: Option<Closure<dyn Fn()>> = None;
    let waiting = Promise::new(&mut |resolve, reject| {
        let timer = set_timeout(&resolve, ms as f64);
        if let Some(s) = signal {
            let listener = Closure::<dyn Fn()>::new(move || {
                clear_timeout(&timer);
                let _ = reject.call0(&JsValue::NULL);
            });
            let _ = s.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
            on_abort = Some(listener);
        }
    });
    let finished = JsFuture::from(waiting).await.is_ok();
    if let (Some(s), Some(listener)) = (signal, &on_abort) {
        let _ = s.remove_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
    }
    finished
}
