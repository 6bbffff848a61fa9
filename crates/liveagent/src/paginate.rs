//! Auto-pagination as a `Stream`, driven by the core's [`Paginator`].

use crate::client::{Client, params_value};
use futures_core::Stream;
use liveagent_core::{CallOptions, EndpointMeta, Error, Paginated, Paginator};
use serde_json::Value;
use std::collections::VecDeque;

struct State {
    client: Client,
    options: CallOptions,
    pager: Option<Paginator>,
    buffer: VecDeque<Value>,
    failed: Option<Error>,
}

impl Client {
    /// Streams every item of a paginated endpoint, fetching pages as they are consumed.
    ///
    /// Page-numbered listings go page by page; message listings go from newest to oldest
    /// (or oldest to newest when `after` is set). The stream ends after the first error.
    pub fn paginate<E: Paginated>(
        &self,
        params: E,
    ) -> impl Stream<Item = Result<E::Item, Error>> + Send + 'static
    where
        E::Item: Send + 'static,
    {
        let start = params_value(&params);
        let items = match start {
            Ok(value) => self.paginate_json(E::META, value, CallOptions::default()),
            Err(e) => self.failed_stream(e),
        };
        futures_util::StreamExt::map(items, |item| {
            item.and_then(|value| {
                serde_json::from_value(value).map_err(|e| {
                    Error::from(liveagent_core::DecodeError {
                        status: 200,
                        path: "$".into(),
                        message: format!("item did not fit the Rust model: {e}"),
                        drift: Vec::new(),
                        body: String::new(),
                        request_id: None,
                        endpoint: E::META.label(),
                    })
                })
            })
        })
    }

    /// Streams the normalized JSON items of a paginated endpoint (the untyped path).
    pub fn paginate_json(
        &self,
        meta: &'static EndpointMeta,
        params: Value,
        options: CallOptions,
    ) -> std::pin::Pin<Box<dyn Stream<Item = Result<Value, Error>> + Send>> {
        let (pager, failed) = match Paginator::new(meta, params) {
            Ok(p) => (Some(p), None),
            Err(e) => (None, Some(Error::Build(e))),
        };
        Box::pin(futures_util::stream::unfold(
            State {
                client: self.clone(),
                options,
                pager,
                buffer: VecDeque::new(),
                failed,
            },
            next_item,
        ))
    }

    fn failed_stream(
        &self,
        error: Error,
    ) -> std::pin::Pin<Box<dyn Stream<Item = Result<Value, Error>> + Send>> {
        Box::pin(futures_util::stream::iter([Err(error)]))
    }
}

async fn next_item(mut state: State) -> Option<(Result<Value, Error>, State)> {
    loop {
        if let Some(error) = state.failed.take() {
            state.pager = None;
            return Some((Err(error), state));
        }
        if let Some(item) = state.buffer.pop_front() {
            return Some((Ok(item), state));
        }
        let pager = state.pager.as_mut()?;
        let params = pager.next_params()?;
        match state.client.call(pager.meta(), params, state.options).await {
            Ok(success) => state.buffer.extend(pager.advance(success.value())),
            Err(error) => state.failed = Some(error),
        }
    }
}
