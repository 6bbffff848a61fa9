//! Live updates, account and public API: the ActionCable client protocol of `/cable`
//! (Chatwoot's `RoomChannel`) as a state machine with no IO.
//!
//! A shell opens the socket ([`cable_url`]) and feeds the machine what happens: the socket
//! opened, a text frame arrived, the socket closed, or time passed ([`Cable::next_tick_ms`]
//! says when to look again). The machine answers with [`CableAction`]s: send a frame, yield an
//! event, close the socket (it went stale), reconnect after a delay (backoff with jitter), or
//! end. Time and randomness come in as arguments.
//!
//! The protocol: the server says `welcome`; the client subscribes with
//! `{"channel":"RoomChannel","pubsub_token",...,"account_id","user_id"}` as the identifier; the
//! server confirms (or rejects) and pings every 3 s; broadcasts arrive as
//! `{"identifier", "message": {"event", "data"}}`; the dashboard sends `update_presence` every
//! 20 s, which keeps the user online.

use crate::error::DecodeError;
use crate::error::{ApiError, Error};
use crate::models::CableEvent;
use crate::normalize::{ParseMode, normalize_response, parse_value, value_text};
use crate::retry::RetryPolicy;
use crate::schema::Schema;
use crate::types::Secret;
use serde_json::Value;

/// Who subscribes, and how the machine behaves.
#[derive(Debug, Clone)]
pub struct CableOptions {
    /// The user's `pubsub_token` (`getProfile`), or a contact's (the public API's contact).
    pub pubsub_token: Secret,
    /// The account to hear (users only).
    pub account_id: Option<u64>,
    /// The user's id (users only; a contact's subscription has none).
    pub user_id: Option<u64>,
    /// Lenient (drift repaired) or strict (drift is an error item).
    pub mode: ParseMode,
    /// How often to send `update_presence` (the dashboard's 20 s); `None` never.
    pub presence_interval_ms: Option<u64>,
    /// A connection with no frame for this long is stale and reopened (ActionCable's own client
    /// allows two missed 3 s pings: 6 s).
    pub stale_after_ms: u64,
    /// Reconnections in a row (without a confirmed subscription between) before giving up;
    /// `None` for ever.
    pub max_reconnects: Option<u32>,
}

impl CableOptions {
    /// A user's subscription to an account's updates.
    pub fn user(pubsub_token: Secret, account_id: u64, user_id: u64) -> CableOptions {
        CableOptions {
            pubsub_token,
            account_id: Some(account_id),
            user_id: Some(user_id),
            mode: ParseMode::Lenient,
            presence_interval_ms: Some(20_000),
            stale_after_ms: 6_000,
            max_reconnects: None,
        }
    }

    /// A contact's subscription (the public API's `pubsub_token`): its conversations' updates.
    pub fn contact(pubsub_token: Secret) -> CableOptions {
        CableOptions {
            account_id: None,
            user_id: None,
            presence_interval_ms: None,
            ..CableOptions::user(pubsub_token, 0, 0)
        }
    }
}

/// What the shell does next.
#[derive(Debug, Clone, PartialEq)]
pub enum CableAction {
    /// Send this text frame.
    Send(String),
    /// Yield this event (normalized JSON text of a [`CableEvent`]).
    Event(String),
    /// Yield this error and go on (strict mode: an event with drift).
    Error(Error),
    /// Close the socket; a [`CableAction::Reconnect`] follows once it reports closed.
    Close,
    /// Open a new socket after this many milliseconds.
    Reconnect {
        /// The wait.
        delay_ms: u64,
    },
    /// The subscription is over: close the socket and end with this error.
    End(Error),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// A socket is being opened (or will be, after a delay).
    Connecting,
    /// Open; waiting for `welcome`.
    Welcoming,
    /// Subscribe sent; waiting for the confirmation.
    Subscribing,
    /// Confirmed: events flow.
    Subscribed,
    /// Closed by the machine (stale); waiting for the shell to report the socket closed.
    Closing,
    /// Over.
    Ended,
}

/// The protocol state of one live-updates subscription, across reconnections.
#[derive(Debug)]
pub struct Cable {
    options: CableOptions,
    identifier: String,
    state: State,
    last_frame_ms: i64,
    last_presence_ms: i64,
    reconnects: u32,
    backoff: RetryPolicy,
}

/// The `/cable` WebSocket URL of a server: `ws` for `http`, `wss` for `https`, any path prefix
/// kept.
pub fn cable_url(base_url: &str) -> String {
    let rest = base_url
        .strip_prefix("https://")
        .map(|r| format!("wss://{r}"))
        .or_else(|| {
            base_url
                .strip_prefix("http://")
                .map(|r| format!("ws://{r}"))
        })
        .unwrap_or_else(|| base_url.to_owned());
    format!("{}/cable", rest.trim_end_matches('/'))
}

impl Cable {
    /// A machine for `options`; the shell opens the first socket at once.
    pub fn new(options: CableOptions) -> Cable {
        let mut identifier = serde_json::Map::new();
        identifier.insert("channel".into(), "RoomChannel".into());
        identifier.insert("pubsub_token".into(), options.pubsub_token.expose().into());
        if let Some(account) = options.account_id {
            identifier.insert("account_id".into(), account.into());
        }
        if let Some(user) = options.user_id {
            identifier.insert("user_id".into(), user.into());
        }
        // From 1 s, doubling up to 30 s, with equal jitter.
        let backoff = RetryPolicy {
            initial_delay_ms: 1_000,
            max_delay_ms: 30_000,
            ..RetryPolicy::default()
        };
        Cable {
            identifier: value_text(&Value::Object(identifier)),
            options,
            state: State::Connecting,
            last_frame_ms: 0,
            last_presence_ms: 0,
            reconnects: 0,
            backoff,
        }
    }

    /// Whether the subscription is over.
    pub fn is_ended(&self) -> bool {
        self.state == State::Ended
    }

    /// Whether events flow (the server confirmed the subscription on the open socket).
    pub fn is_subscribed(&self) -> bool {
        self.state == State::Subscribed
    }

    /// The socket opened.
    pub fn opened(&mut self, now_ms: i64) -> Vec<CableAction> {
        if self.state == State::Connecting {
            self.state = State::Welcoming;
            self.last_frame_ms = now_ms;
        }
        Vec::new()
    }

    /// A text frame arrived.
    pub fn frame(&mut self, text: &str, now_ms: i64) -> Vec<CableAction> {
        if matches!(self.state, State::Ended | State::Connecting) {
            return Vec::new();
        }
        self.last_frame_ms = now_ms;
        let Ok(Value::Object(frame)) = parse_value(text) else {
            // Not JSON: nothing ActionCable sends. Ignored, as its own client does.
            return Vec::new();
        };
        let kind = frame.get("type").and_then(Value::as_str);
        match kind {
            Some("welcome") => {
                self.state = State::Subscribing;
                vec![CableAction::Send(self.command("subscribe", None))]
            }
            Some("ping") => self.presence_due(now_ms),
            Some("confirm_subscription") if self.is_ours(&frame) => {
                self.state = State::Subscribed;
                self.reconnects = 0;
                self.last_presence_ms = now_ms;
                Vec::new()
            }
            Some("reject_subscription") if self.is_ours(&frame) => self.end(
                401,
                "the server rejected the subscription: check the pubsub_token, account_id and user_id",
            ),
            Some("disconnect") => {
                let reason = frame
                    .get("reason")
                    .and_then(Value::as_str)
                    .unwrap_or("no reason given");
                if frame.get("reconnect").and_then(Value::as_bool) == Some(false) {
                    let message = format!("the server ended the connection: {reason}");
                    self.end(401, &message)
                } else {
                    self.state = State::Closing;
                    vec![CableAction::Close]
                }
            }
            None if self.is_ours(&frame) => match frame.get("message") {
                Some(message) => vec![self.event(message)],
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// The socket closed (or could not be opened).
    pub fn closed(&mut self, random: f64) -> Vec<CableAction> {
        if self.state == State::Ended {
            return Vec::new();
        }
        if self
            .options
            .max_reconnects
            .is_some_and(|max| self.reconnects >= max)
        {
            return self.end(
                503,
                "the connection to /cable was lost, and reconnecting failed",
            );
        }
        let delay_ms = self.backoff.backoff_ms(self.reconnects, random);
        self.reconnects += 1;
        self.state = State::Connecting;
        vec![CableAction::Reconnect { delay_ms }]
    }

    /// Time passed: closes a stale socket, sends presence when due.
    pub fn tick(&mut self, now_ms: i64) -> Vec<CableAction> {
        match self.state {
            State::Welcoming | State::Subscribing | State::Subscribed
                if now_ms.saturating_sub(self.last_frame_ms) > self.stale_ms() =>
            {
                self.state = State::Closing;
                vec![CableAction::Close]
            }
            State::Subscribed => self.presence_due(now_ms),
            _ => Vec::new(),
        }
    }

    /// When to call [`Cable::tick`] next (milliseconds from `now_ms`), while a socket is open.
    pub fn next_tick_ms(&self, now_ms: i64) -> Option<u64> {
        if !matches!(
            self.state,
            State::Welcoming | State::Subscribing | State::Subscribed
        ) {
            return None;
        }
        let stale_at = self.last_frame_ms.saturating_add(self.stale_ms() + 1);
        let presence_at = match (self.state, self.options.presence_interval_ms) {
            (State::Subscribed, Some(every)) => self
                .last_presence_ms
                .saturating_add(i64::try_from(every).unwrap_or(i64::MAX)),
            _ => i64::MAX,
        };
        let at = stale_at.min(presence_at);
        Some(u64::try_from(at.saturating_sub(now_ms)).unwrap_or(0))
    }

    /// The subscriber gave up (an aborted signal, a dropped stream): nothing more is done.
    pub fn stop(&mut self) {
        self.state = State::Ended;
    }

    fn stale_ms(&self) -> i64 {
        i64::try_from(self.options.stale_after_ms).unwrap_or(i64::MAX)
    }

    fn presence_due(&mut self, now_ms: i64) -> Vec<CableAction> {
        match self.options.presence_interval_ms {
            Some(every)
                if self.state == State::Subscribed
                    && now_ms.saturating_sub(self.last_presence_ms)
                        >= i64::try_from(every).unwrap_or(i64::MAX) =>
            {
                self.last_presence_ms = now_ms;
                let data = r#"{"action":"update_presence"}"#;
                vec![CableAction::Send(self.command("message", Some(data)))]
            }
            _ => Vec::new(),
        }
    }

    fn is_ours(&self, frame: &serde_json::Map<String, Value>) -> bool {
        // The identifier comes back as the text we sent; compare it parsed, in case a server
        // re-serializes it.
        let ours = parse_value(&self.identifier).ok();
        match frame.get("identifier").and_then(Value::as_str) {
            Some(id) => id == self.identifier || parse_value(id).ok() == ours,
            None => false,
        }
    }

    fn command(&self, command: &str, data: Option<&str>) -> String {
        let mut frame = serde_json::Map::new();
        frame.insert("command".into(), command.into());
        frame.insert("identifier".into(), self.identifier.clone().into());
        if let Some(data) = data {
            frame.insert("data".into(), data.into());
        }
        value_text(&Value::Object(frame))
    }

    fn event(&self, message: &Value) -> CableAction {
        let text = value_text(message);
        let decode = |path: String, message: String, drift| {
            CableAction::Error(Error::Decode(Box::new(DecodeError {
                status: 200,
                path,
                message,
                drift,
                body: text.clone(),
                request_id: None,
                endpoint: "GET /cable".to_owned(),
            })))
        };
        match normalize_response(text.as_bytes(), CableEvent::SHAPE) {
            Ok(n) if self.options.mode == ParseMode::Strict && !n.drift.is_empty() => {
                let first = n.drift.entries.first();
                let path = first.map_or_else(|| "$".to_owned(), |d| d.path.clone());
                let message = format!(
                    "strict mode: {} drift(s); first: {}",
                    n.drift.entries.len() + n.drift.omitted,
                    first.map(ToString::to_string).unwrap_or_default()
                );
                decode(path, message, n.drift.entries)
            }
            Ok(n) => CableAction::Event(n.json),
            Err(m) => decode(m.path, m.message, Vec::new()),
        }
    }

    fn end(&mut self, status: u16, message: &str) -> Vec<CableAction> {
        self.state = State::Ended;
        vec![CableAction::End(Error::Api(Box::new(ApiError {
            status,
            message: Some(message.to_owned()),
            attributes: Vec::new(),
            body: String::new(),
            request_id: None,
            retry_after: None,
            endpoint: "GET /cable".to_owned(),
        })))]
    }
}
