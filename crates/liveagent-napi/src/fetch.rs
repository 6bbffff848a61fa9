//! The `fetch` client option: requests go to JS (the package's bridge over the caller's
//! `fetch`) through threadsafe functions, and come back as status, headers and bytes. Rust still
//! times, retries and parses. When the client drops an attempt (timeout, abort), the bridge is
//! told to abort that fetch.

use liveagent::{Failure, Outgoing, RawResponse, Sending, Transport};
use napi::bindgen_prelude::{Buffer, FnArgs, Promise};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::{Status, Unknown};
use napi_derive::napi;
use std::sync::atomic::{AtomicU32, Ordering};

/// What the bridge resolves with.
#[napi(object)]
pub struct FetchReply {
    /// HTTP status.
    pub status: u32,
    /// `[name, value]` pairs.
    pub headers: Vec<Vec<String>>,
    /// The body bytes.
    pub body: Buffer,
}

type SendArgs = FnArgs<(u32, String, String, String, Option<Buffer>)>;

/// `send(id, method, url, headersJson, body) → Promise<FetchReply>`; weak, so an idle client
/// never keeps Node running.
pub(crate) type SendFn =
    ThreadsafeFunction<SendArgs, Promise<FetchReply>, SendArgs, Status, false, true>;

/// `cancel(id)`: abort that fetch.
pub(crate) type CancelFn = ThreadsafeFunction<u32, Unknown<'static>, u32, Status, false, true>;

/// A [`Transport`] over the JS bridge.
pub(crate) struct JsFetch {
    send: SendFn,
    cancel: std::sync::Arc<CancelFn>,
    next_id: AtomicU32,
}

impl std::fmt::Debug for JsFetch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JsFetch")
    }
}

impl JsFetch {
    pub(crate) fn new(send: SendFn, cancel: CancelFn) -> JsFetch {
        JsFetch {
            send,
            cancel: std::sync::Arc::new(cancel),
            next_id: AtomicU32::new(1),
        }
    }
}

/// Aborts the fetch if the attempt is dropped before it finished.
struct CancelOnDrop {
    id: u32,
    cancel: std::sync::Arc<CancelFn>,
    done: bool,
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if !self.done {
            self.cancel
                .call(self.id, ThreadsafeFunctionCallMode::NonBlocking);
        }
    }
}

impl Transport for JsFetch {
    fn send<'a>(&'a self, request: Outgoing<'a>) -> Sending<'a> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let headers = serde_json::Value::from(
            request
                .headers
                .iter()
                .map(|(name, value)| vec![(*name).to_owned(), value.clone()])
                .collect::<Vec<_>>(),
        )
        .to_string();
        let args: SendArgs = (
            id,
            request.method.to_owned(),
            request.url.to_owned(),
            headers,
            request.body.map(|b| Buffer::from(b.to_vec())),
        )
            .into();
        Box::pin(async move {
            let mut guard = CancelOnDrop {
                id,
                cancel: self.cancel.clone(),
                done: false,
            };
            let reply = async {
                let promise = self.send.call_async_catch(args).await?;
                promise.await
            }
            .await;
            guard.done = true;
            // fetch cannot tell a refused connection from one broken after sending: assume the
            // request may have arrived, so only calls safe to repeat are retried.
            let reply = reply.map_err(|e| Failure::AfterSend(e.reason.clone()))?;
            Ok(RawResponse {
                status: u16::try_from(reply.status).unwrap_or(0),
                headers: reply
                    .headers
                    .into_iter()
                    .filter_map(|pair| {
                        let mut pair = pair.into_iter();
                        Some((pair.next()?, pair.next()?))
                    })
                    .collect(),
                body: reply.body.to_vec(),
            })
        })
    }
}
