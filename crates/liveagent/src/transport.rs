//! Drives a core [`Call`] over a [`Transport`] and tokio timers: send, wait, repeat as the core
//! says. The default transport is reqwest; a binding can supply its own (the Node package
//! routes requests through a JS `fetch` this way).

use liveagent_core::{Call, EncodedBody, Error, Failure, RawResponse, Step, Success};
use std::future::Future;
use std::pin::Pin;
use std::task::Poll;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One attempt's request, as a transport sends it. Its `Debug` shows no header value (the
/// token is one) and no body (params may hold passwords): the method, URL and header names.
#[derive(Clone, Copy)]
pub struct Outgoing<'a> {
    /// `GET`, `POST`, ...
    pub method: &'a str,
    /// Absolute URL.
    pub url: &'a str,
    /// Headers, including the token and the body's content type.
    pub headers: &'a [(&'a str, String)],
    /// The body bytes.
    pub body: Option<&'a [u8]>,
    /// The stall guard: once the response has begun, the longest wait for the next bytes of
    /// its body. A transport that reads the body in pieces fails with [`Failure::Stalled`]
    /// past it; one that cannot leaves the call to its per-attempt timeout.
    pub stall_timeout: Option<Duration>,
}

impl std::fmt::Debug for Outgoing<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("Outgoing")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &names)
            .field("body_bytes", &self.body.map(<[u8]>::len))
            .field("stall_timeout", &self.stall_timeout)
            .finish()
    }
}

/// The future a [`Transport`] returns.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<RawResponse, Failure>> + Send + 'a>>;

/// Sends one request and reads the whole response. It must not follow redirects (the token
/// would follow them to another host) and need not time out: the client times each attempt
/// and drops the future when the time is up or the caller aborts.
pub trait Transport: Send + Sync + std::fmt::Debug + 'static {
    /// Sends `request`; `Failure::Connect` only when nothing can have reached the server.
    fn send<'a>(&'a self, request: Outgoing<'a>) -> Sending<'a>;
}

/// Runs `call` to completion, or until `cancelled` resolves.
///
/// `cancelled` is looked at before each attempt, before anything is handed to the transport,
/// so a call cancelled before it started sends nothing and says so (`sent: false`).
pub(crate) async fn drive(
    transport: &dyn Transport,
    mut call: Call,
    cancelled: impl Future<Output = ()>,
) -> Result<Success, Error> {
    let EncodedBody {
        content_type,
        bytes: body,
    } = call.encode_body(&boundary())?;
    let mut headers = call.request().headers.clone();
    if let Some(content_type) = content_type {
        headers.push(("content-type", content_type));
    }
    let mut cancelled = std::pin::pin!(cancelled);
    loop {
        if is_ready(cancelled.as_mut()).await {
            return Err(call.aborted());
        }
        call.sending(now_ms());
        let request = Outgoing {
            method: call.request().method.as_str(),
            url: &call.request().url,
            headers: &headers,
            body: body.as_deref(),
            stall_timeout: call.stall_timeout_ms().map(Duration::from_millis),
        };
        let attempt = async {
            match call.timeout_ms() {
                Some(ms) => {
                    tokio::time::timeout(Duration::from_millis(ms), transport.send(request))
                        .await
                        .unwrap_or(Err(Failure::Timeout))
                }
                None => transport.send(request).await,
            }
        };
        let outcome = tokio::select! {
            biased;
            () = cancelled.as_mut() => None,
            outcome = attempt => Some(outcome),
        };
        let step = match outcome {
            None => return Err(call.aborted()),
            Some(Ok(response)) => call.on_response(response, Some(now_ms()), fastrand::f64()),
            Some(Err(failure)) => call.on_failure(failure, Some(now_ms()), fastrand::f64()),
        };
        match step {
            Step::Retry { delay_ms } => {
                tokio::select! {
                    biased;
                    () = cancelled.as_mut() => return Err(call.aborted()),
                    () = tokio::time::sleep(Duration::from_millis(delay_ms)) => {}
                }
            }
            Step::Done(result) => return result,
        }
    }
}

/// Polls `future` once: whether it has already completed.
async fn is_ready(mut future: Pin<&mut impl Future<Output = ()>>) -> bool {
    std::future::poll_fn(|cx| Poll::Ready(future.as_mut().poll(cx).is_ready())).await
}

/// A random multipart boundary (the core has no randomness).
fn boundary() -> String {
    format!(
        "liveagent-{:016x}{:016x}",
        fastrand::u64(..),
        fastrand::u64(..)
    )
}

/// The default transport: a reqwest client (rustls, no redirects).
#[derive(Debug, Clone)]
pub(crate) struct Reqwest(pub(crate) reqwest::Client);

impl Transport for Reqwest {
    fn send<'a>(&'a self, request: Outgoing<'a>) -> Sending<'a> {
        Box::pin(send_reqwest(&self.0, request))
    }
}

async fn send_reqwest(
    http: &reqwest::Client,
    request: Outgoing<'_>,
) -> Result<RawResponse, Failure> {
    let method =
        reqwest::Method::from_bytes(request.method.as_bytes()).unwrap_or(reqwest::Method::GET);
    let mut builder = http.request(method, request.url);
    for (name, value) in request.headers {
        builder = builder.header(*name, value);
    }
    if let Some(body) = request.body {
        builder = builder.body(body.to_vec());
    }
    let response = builder.send().await.map_err(classify)?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = read_body(response, request.stall_timeout).await?;
    Ok(RawResponse {
        status,
        headers,
        body,
    })
}

/// The body, piece by piece, each awaited at most `stall` (the stall guard).
async fn read_body(
    mut response: reqwest::Response,
    stall: Option<Duration>,
) -> Result<Vec<u8>, Failure> {
    let capacity = response.content_length().unwrap_or(0).min(1 << 24);
    let mut body = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    loop {
        let chunk = match stall {
            Some(limit) => tokio::time::timeout(limit, response.chunk())
                .await
                .map_err(|_| Failure::Stalled)?,
            None => response.chunk().await,
        };
        match chunk.map_err(|e| Failure::AfterSend(message(&e)))? {
            Some(bytes) => body.extend_from_slice(&bytes),
            None => return Ok(body),
        }
    }
}

fn classify(error: reqwest::Error) -> Failure {
    if error.is_timeout() {
        Failure::Timeout
    } else if error.is_connect() {
        Failure::Connect(message(&error))
    } else {
        Failure::AfterSend(message(&error))
    }
}

/// The error and its causes, without the URL (public-API URLs carry identifiers).
fn message(error: &reqwest::Error) -> String {
    let mut text = String::new();
    let mut source: Option<&dyn std::error::Error> = Some(error);
    let mut first = true;
    while let Some(e) = source {
        let part = if first {
            // reqwest's own message names the URL; print its kind only.
            first = false;
            format!("{}", WithoutUrl(error))
        } else {
            e.to_string()
        };
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
        source = e.source();
    }
    text
}

struct WithoutUrl<'a>(&'a reqwest::Error);

impl std::fmt::Display for WithoutUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let e = self.0;
        f.write_str(if e.is_connect() {
            "connection failed"
        } else if e.is_timeout() {
            "timed out"
        } else if e.is_body() {
            "reading the body failed"
        } else if e.is_request() {
            "sending the request failed"
        } else {
            "HTTP error"
        })
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
