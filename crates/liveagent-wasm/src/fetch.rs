//! The transport and the timer: one attempt over `fetch`, and the loop that lets the core's
//! [`Call`] decide what follows.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use liveagent_core::{Body, Call, Error, Failure, RawResponse, Step, Success, multipart};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(input: &str, init: &Object) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);

    #[derive(Clone)]
    type AbortController;
    #[wasm_bindgen(constructor)]
    fn new() -> AbortController;
    #[wasm_bindgen(method, getter)]
    fn signal(this: &AbortController) -> AbortSignal;
    #[wasm_bindgen(method)]
    fn abort(this: &AbortController);

    /// A DOM `AbortSignal`, as JS passes it in `options.signal`.
    #[derive(Clone)]
    pub type AbortSignal;
    #[wasm_bindgen(method, getter)]
    fn aborted(this: &AbortSignal) -> bool;
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn add_event_listener(this: &AbortSignal, kind: &str, listener: &Function);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    fn remove_event_listener(this: &AbortSignal, kind: &str, listener: &Function);
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
        call.sending();
        let step = match attempt(&call, fetch, signal, content_type.as_deref(), body.as_ref()).await
        {
            Attempt::Response(r) => {
                call.on_response(r, Some(js_sys::Date::now() as i64), js_sys::Math::random())
            }
            Attempt::Failure(f) => call.on_failure(f, js_sys::Math::random()),
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

/// The body once per call: JSON text, or multipart bytes with a random boundary (the core has
/// no randomness).
fn body_of(call: &Call) -> Result<(Option<String>, Option<JsValue>), Error> {
    Ok(match &call.request().body {
        Body::None => (None, None),
        Body::Json(json) => (None, Some(JsValue::from_str(json))),
        Body::Multipart(parts) => {
            let boundary = format!(
                "liveagent-{:016x}",
                (js_sys::Math::random() * 9.0e15) as u64
            );
            let bytes = multipart::encode(parts, &[], &boundary)?;
            (
                Some(multipart::content_type(&boundary)),
                Some(Uint8Array::from(bytes.as_slice()).into()),
            )
        }
    })
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
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
    let controller = AbortController::new();
    let init = Object::new();
    set(&init, "method", &JsValue::from_str(request.method.as_str()));
    set(&init, "headers", &headers);
    // Never follow a redirect: the token must not reach another host.
    set(&init, "redirect", &JsValue::from_str("manual"));
    set(&init, "signal", &controller.signal());
    if let Some(body) = body {
        set(&init, "body", body);
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
    let timer = call
        .timeout_ms()
        .map(|ms| set_timeout(on_timeout.as_ref().unchecked_ref(), ms as f64));
    if let Some(s) = signal {
        s.add_event_listener("abort", on_abort.as_ref().unchecked_ref());
    }
    let outcome = exchange(&request.url, &init, fetch).await;
    if let Some(id) = timer {
        clear_timeout(&id);
    }
    if let Some(s) = signal {
        s.remove_event_listener("abort", on_abort.as_ref().unchecked_ref());
    }
    match outcome {
        Ok(response) => Attempt::Response(response),
        Err(_) if signal.is_some_and(AbortSignal::aborted) => Attempt::Aborted,
        Err(_) if timed_out.get() => Attempt::Failure(Failure::Timeout),
        // fetch cannot tell a refused connection from one broken after sending: assume the
        // request may have arrived, so only calls safe to repeat are retried.
        Err(message) => Attempt::Failure(Failure::AfterSend(message)),
    }
}

/// The fetch and the body read; a rejection's message on failure.
async fn exchange(
    url: &str,
    init: &Object,
    fetch: Option<&Function>,
) -> Result<RawResponse, String> {
    let promise = match fetch {
        Some(f) => f
            .call2(&JsValue::NULL, &JsValue::from_str(url), init)
            .map(|p| Promise::resolve(&p))
            .map_err(|e| message(&e))?,
        None => global_fetch(url, init),
    };
    let response = JsFuture::from(promise).await.map_err(|e| message(&e))?;
    let status = Reflect::get(&response, &"status".into())
        .ok()
        .and_then(|s| s.as_f64())
        .unwrap_or_default() as u16;
    let mut headers = Vec::new();
    if let Ok(h) = Reflect::get(&response, &"headers".into())
        && let Ok(Some(entries)) = js_sys::try_iter(&h)
    {
        for entry in entries.flatten() {
            let pair = Array::from(&entry);
            headers.push((
                pair.get(0).as_string().unwrap_or_default(),
                pair.get(1).as_string().unwrap_or_default(),
            ));
        }
    }
    let read = Reflect::get(&response, &"arrayBuffer".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| "the response has no body reader".to_owned())?;
    let buffer = read
        .call0(&response)
        .map(|p| Promise::resolve(&p))
        .map_err(|e| message(&e))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| message(&e))?;
    Ok(RawResponse {
        status,
        headers,
        body: Uint8Array::new(&buffer).to_vec(),
    })
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
            s.add_event_listener("abort", listener.as_ref().unchecked_ref());
            on_abort = Some(listener);
        }
    });
    let finished = JsFuture::from(waiting).await.is_ok();
    if let (Some(s), Some(listener)) = (signal, &on_abort) {
        s.remove_event_listener("abort", listener.as_ref().unchecked_ref());
    }
    finished
}
