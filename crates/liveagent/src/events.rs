//! Live updates (`/cable`): the core's [`Cable`] state machine driven over a WebSocket
//! (tokio-tungstenite), as a [`Stream`] of typed events.

use crate::client::Client;
use futures_core::Stream;
use futures_util::{SinkExt, StreamExt};
use liveagent_core::cable::{Cable, CableAction, CableOptions, cable_url};
use liveagent_core::error::{TransportError, TransportPhase};
use liveagent_core::models::CableEvent;
use liveagent_core::{DecodeError, Error};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

/// Live updates: typed events as they happen, reconnecting on its own. Ends (`None`) after an
/// error that ends the subscription (a rejected `pubsub_token`); dropping it closes the socket.
#[derive(Debug)]
pub struct Events {
    rx: mpsc::Receiver<Result<CableEvent, Error>>,
    task: tokio::task::JoinHandle<()>,
}

impl Stream for Events {
    type Item = Result<CableEvent, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.rx.poll_recv(cx)
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Client {
    /// Subscribes to live updates on the server's `/cable`: for a user,
    /// `CableOptions::user(profile.pubsub_token, account_id, profile.id)`; for a contact of the
    /// public API, `CableOptions::contact(pubsub_token)`. Needs a tokio runtime.
    pub fn events(&self, options: CableOptions) -> Events {
        let url = cable_url(self.config().base_url.as_str());
        let (tx, rx) = mpsc::channel(64);
        let task = tokio::spawn(run(url, Cable::new(options), tx));
        Events { rx, task }
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// What the socket loop should do after a batch of actions.
enum Next {
    Continue,
    Reconnect(u64),
    Stop,
}

/// Carries out `actions`; sends events to the subscriber.
async fn apply<S>(
    actions: Vec<CableAction>,
    sink: Option<&mut S>,
    tx: &mpsc::Sender<Result<CableEvent, Error>>,
) -> Next
where
    S: futures_util::Sink<Message> + Unpin,
{
    let mut sink = sink;
    let mut next = Next::Continue;
    for action in actions {
        match action {
            CableAction::Send(text) => {
                if let Some(sink) = sink.as_deref_mut() {
                    let _ = sink.send(Message::text(text)).await;
                }
            }
            CableAction::Event(json) => {
                let event = serde_json::from_str(&json).map_err(|e| {
                    Error::Decode(Box::new(DecodeError {
                        status: 200,
                        path: "$".into(),
                        message: format!("the normalized event did not fit the Rust model: {e}"),
                        drift: Vec::new(),
                        body: json.clone(),
                        request_id: None,
                        endpoint: "GET /cable".into(),
                    }))
                });
                if tx.send(event).await.is_err() {
                    return Next::Stop;
                }
            }
            CableAction::Error(e) => {
                if tx.send(Err(e)).await.is_err() {
                    return Next::Stop;
                }
            }
            CableAction::Close => {
                if let Some(sink) = sink.as_deref_mut() {
                    let _ = sink.close().await;
                }
            }
            CableAction::Reconnect { delay_ms } => next = Next::Reconnect(delay_ms),
            CableAction::End(e) => {
                let _ = tx.send(Err(e)).await;
                return Next::Stop;
            }
        }
    }
    next
}

async fn run(url: String, mut cable: Cable, tx: mpsc::Sender<Result<CableEvent, Error>>) {
    let mut delay_ms = 0;
    loop {
        if delay_ms > 0 {
            tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        }
        let socket = tokio_tungstenite::connect_async(url.as_str()).await;
        let Ok((socket, _)) = socket else {
            let actions = cable.closed(fastrand::f64());
            match apply::<futures_util::sink::Drain<Message>>(actions, None, &tx).await {
                Next::Reconnect(ms) => delay_ms = ms,
                Next::Stop => return,
                Next::Continue => {
                    let _ = tx.send(Err(lost())).await;
                    return;
                }
            }
            continue;
        };
        let (mut sink, mut stream) = socket.split();
        cable.opened(now_ms());
        loop {
            let wait = cable.next_tick_ms(now_ms()).unwrap_or(60_000);
            let actions = tokio::select! {
                frame = stream.next() => match frame {
                    Some(Ok(Message::Text(text))) => cable.frame(text.as_str(), now_ms()),
                    Some(Ok(Message::Close(_)) | Err(_)) | None => cable.closed(fastrand::f64()),
                    Some(Ok(_)) => Vec::new(),
                },
                () = tokio::time::sleep(Duration::from_millis(wait)) => cable.tick(now_ms()),
                () = tx.closed() => {
                    cable.stop();
                    let _ = sink.close().await;
                    return;
                }
            };
            match apply(actions, Some(&mut sink), &tx).await {
                Next::Continue => {}
                Next::Reconnect(ms) => {
                    delay_ms = ms;
                    break;
                }
                Next::Stop => {
                    let _ = sink.close().await;
                    return;
                }
            }
        }
    }
}

/// The socket could not be reopened and the machine gave no way on (never expected).
fn lost() -> Error {
    Error::Transport(TransportError {
        phase: TransportPhase::Connect,
        message: "the connection to /cable was lost".into(),
        endpoint: "GET /cable".into(),
    })
}
