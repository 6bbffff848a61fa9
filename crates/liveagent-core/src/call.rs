//! One call from start to finish, as a state machine any transport can drive.
//!
//! A shell builds a [`Call`], sends [`Call::request`], and feeds back what happened
//! ([`Call::on_response`] or [`Call::on_failure`]). The call answers with a [`Step`]: done, or
//! retry after a delay. The shell's only jobs are sending, waiting and cancelling, so retries,
//! timeouts and error mapping behave the same in every runtime.

use crate::config::{Config, Credentials};
use crate::endpoint::EndpointMeta;
use crate::error::{
    AbortedError, BuildError, BuildErrorKind, Error, TimeoutError, TransportError, TransportPhase,
};
use crate::multipart;
use crate::normalize::{DriftReport, ParseMode};
use crate::request::{Body, HttpRequest, PartValue, build_request};
use crate::response::{RawResponse, api_error, parse_response};
use crate::retry::{Outcome, RetryPolicy};
use crate::upload::Upload;
use crate::widget::WidgetSession;
use serde_json::Value;

/// Per-call overrides of the client's settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// Per-attempt timeout in ms; `Some(0)` disables it.
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Retry this call after 408/502/503/504 or a timeout even if it is not idempotent.
    pub retry_non_idempotent: Option<bool>,
    /// Time the call may take in all, in ms; `Some(0)` removes the client's deadline.
    pub deadline_ms: Option<u64>,
    /// The stall guard for this call, in ms; `Some(0)` disables it.
    pub stall_timeout_ms: Option<u64>,
}

/// A transport failure, as the shell saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Could not connect; nothing was sent.
    Connect(String),
    /// Broke after the request may have been sent.
    AfterSend(String),
    /// The per-attempt timeout ran out.
    Timeout,
    /// The response began, then no bytes of its body came for [`Call::stall_timeout_ms`].
    Stalled,
}

/// A successful call.
#[derive(Debug, Clone, PartialEq)]
pub struct Success {
    /// The response as received, for raw access.
    pub response: RawResponse,
    /// The normalized body, as JSON text.
    pub json: String,
    /// What lenient parsing repaired or kept.
    pub drift: DriftReport,
}

impl Success {
    /// The normalized body as a JSON value (parses [`Success::json`]).
    pub fn value(&self) -> Value {
        crate::normalize::parse_value(&self.json).unwrap_or_default()
    }
}

/// What the shell does next.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Step {
    /// Wait this long, then send [`Call::request`] again.
    Retry {
        /// Delay in milliseconds.
        delay_ms: u64,
    },
    /// The call is over.
    Done(Result<Success, Error>),
}

/// One call in progress.
#[derive(Debug, Clone)]
pub struct Call {
    meta: &'static EndpointMeta,
    request: HttpRequest,
    policy: RetryPolicy,
    parse_mode: ParseMode,
    /// The per-attempt timeout.
    per_attempt_ms: Option<u64>,
    deadline_ms: Option<u64>,
    stall_timeout_ms: Option<u64>,
    /// When the first attempt was handed to the transport (the shell's clock, in ms).
    started_ms: Option<i64>,
    /// The current attempt's timeout: the per-attempt one, or what is left of the deadline.
    attempt_timeout_ms: Option<u64>,
    retries: u32,
    /// An attempt has been handed to the transport: the server may have seen the request.
    sent: bool,
    /// The files of a multipart body, by the index its parts name.
    files: Vec<Upload>,
    /// The widget session whose token a successful answer may replace.
    widget: Option<WidgetSession>,
}

/// A request body as bytes, with the content type it needs beyond the request's headers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EncodedBody {
    /// `multipart/form-data; boundary=...` for a multipart body (a JSON body's content type
    /// is among the request's headers already).
    pub content_type: Option<String>,
    /// The bytes, if the request has a body.
    pub bytes: Option<Vec<u8>>,
}

impl Call {
    /// Builds the request and applies per-call options.
    ///
    /// # Errors
    /// A build error, as [`build_request`] reports it.
    pub fn new(
        config: &Config,
        meta: &'static EndpointMeta,
        params: Value,
        options: CallOptions,
    ) -> Result<Call, Error> {
        let request = build_request(config, meta, params)?;
        let mut policy = config.retry;
        if let Some(n) = options.max_retries {
            policy.max_retries = n;
        }
        if let Some(b) = options.retry_non_idempotent {
            policy.retry_non_idempotent = b;
        }
        let timeout_ms = match options.timeout_ms {
            Some(0) => None,
            Some(ms) => Some(ms),
            None => config.timeout_ms,
        };
        let deadline_ms = match options.deadline_ms {
            Some(0) => None,
            Some(ms) => Some(ms),
            None => config.deadline_ms,
        };
        let stall_timeout_ms = match options.stall_timeout_ms {
            Some(0) => None,
            Some(ms) => Some(ms),
            None => config.stall_timeout_ms,
        };
        Ok(Call {
            meta,
            stall_timeout_ms,
            request,
            policy,
            parse_mode: config.parse_mode,
            per_attempt_ms: timeout_ms,
            deadline_ms,
            started_ms: None,
            attempt_timeout_ms: timeout_ms,
            retries: 0,
            sent: false,
            files: Vec::new(),
            widget: match &config.credentials {
                Credentials::Widget(session) => Some(session.clone()),
                _ => None,
            },
        })
    }

    /// Hands over the files the params' `{"$file": n}` markers point at, by index.
    ///
    /// # Errors
    /// [`BuildErrorKind::InvalidParam`] if a marker points past `files`.
    pub fn attach(&mut self, files: Vec<Upload>) -> Result<(), Error> {
        if let Body::Multipart(parts) = &self.request.body {
            for part in parts {
                if let PartValue::File(index) = part.value
                    && index >= files.len()
                {
                    return Err(Error::Build(BuildError::new(
                        BuildErrorKind::InvalidParam,
                        format!("{}: file #{index} was not supplied", part.name),
                    )));
                }
            }
        }
        self.files = files;
        Ok(())
    }

    /// The body's bytes and, for multipart, its content type, once per call: every attempt
    /// sends them. `boundary` is the shell's random multipart boundary (the core has no
    /// randomness); it is not used for other bodies.
    ///
    /// # Errors
    /// [`BuildErrorKind::InvalidParam`] if the boundary occurs in a part.
    pub fn encode_body(&self, boundary: &str) -> Result<EncodedBody, Error> {
        Ok(match &self.request.body {
            Body::None => EncodedBody::default(),
            Body::Json(json) => EncodedBody {
                content_type: None,
                bytes: Some(json.as_bytes().to_vec()),
            },
            Body::Multipart(parts) => EncodedBody {
                content_type: Some(multipart::content_type(boundary)),
                bytes: Some(multipart::encode(parts, &self.files, boundary)?),
            },
        })
    }

    /// The files the request's multipart body refers to.
    pub fn files(&self) -> &[Upload] {
        &self.files
    }

    /// The request to send (the same on every attempt).
    pub fn request(&self) -> &HttpRequest {
        &self.request
    }

    /// The endpoint.
    pub fn meta(&self) -> &'static EndpointMeta {
        self.meta
    }

    /// The timeout of the attempt being sent, in milliseconds, if any: the per-attempt
    /// timeout, or what is left of the call's deadline when that is shorter.
    pub fn timeout_ms(&self) -> Option<u64> {
        self.attempt_timeout_ms
    }

    /// The stall guard, in milliseconds, if any: once the response has begun, the longest
    /// wait for the next bytes of its body. The shell reports [`Failure::Stalled`] past it.
    pub fn stall_timeout_ms(&self) -> Option<u64> {
        self.stall_timeout_ms
    }

    /// Retries done so far.
    pub fn retries(&self) -> u32 {
        self.retries
    }

    /// Tells the call that an attempt is about to be handed to the transport, at `now_ms` on
    /// the shell's clock. Shells call it right before sending, after their last look at the
    /// caller's abort signal, so that an abort error can say whether the server may have seen
    /// the request; then [`Call::timeout_ms`] is this attempt's timeout.
    pub fn sending(&mut self, now_ms: i64) {
        self.sent = true;
        let started = *self.started_ms.get_or_insert(now_ms);
        self.attempt_timeout_ms = match (self.per_attempt_ms, self.deadline_ms) {
            (timeout, None) => timeout,
            (timeout, Some(deadline)) => {
                let spent = u64::try_from(now_ms.saturating_sub(started)).unwrap_or(0);
                let left = deadline.saturating_sub(spent).max(1);
                Some(timeout.map_or(left, |t| t.min(left)))
            }
        };
    }

    /// Whether an attempt has been handed to the transport.
    pub fn sent(&self) -> bool {
        self.sent
    }

    /// Feeds a response. `now_ms` reads HTTP-date `Retry-After`; `random` in `[0, 1)` jitters
    /// the backoff.
    pub fn on_response(&mut self, response: RawResponse, now_ms: Option<i64>, random: f64) -> Step {
        if !(200..300).contains(&response.status) {
            let error = api_error(self.meta, &response, now_ms);
            let outcome = Outcome::Status {
                status: error.status,
                retry_after: error.retry_after,
            };
            return self.retry_or(outcome, now_ms, random, error.into());
        }
        let parsed = parse_response(self.meta, self.parse_mode, &response, now_ms);
        if let (Ok(parsed), Some(session)) = (&parsed, &self.widget) {
            session.absorb(self.meta, &parsed.json);
        }
        Step::Done(parsed.map(|parsed| Success {
            response,
            json: parsed.json,
            drift: parsed.drift,
        }))
    }

    /// Feeds a transport failure, at `now_ms` on the shell's clock.
    pub fn on_failure(&mut self, failure: Failure, now_ms: Option<i64>, random: f64) -> Step {
        let endpoint = self.meta.label();
        let (outcome, error) = match failure {
            Failure::Connect(message) => (
                Outcome::ConnectFailed,
                Error::Transport(TransportError {
                    phase: TransportPhase::Connect,
                    message,
                    endpoint,
                }),
            ),
            Failure::AfterSend(message) => (
                Outcome::BrokenAfterSend,
                Error::Transport(TransportError {
                    phase: TransportPhase::AfterSend,
                    message,
                    endpoint,
                }),
            ),
            Failure::Timeout => (
                Outcome::TimedOut,
                Error::Timeout(TimeoutError {
                    timeout_ms: self.attempt_timeout_ms.unwrap_or_default(),
                    endpoint,
                    sent: true,
                    stalled: false,
                }),
            ),
            // Retried as a timeout is: the server answered, so the request was carried out.
            Failure::Stalled => (
                Outcome::TimedOut,
                Error::Timeout(TimeoutError {
                    timeout_ms: self.stall_timeout_ms.unwrap_or_default(),
                    endpoint,
                    sent: true,
                    stalled: true,
                }),
            ),
        };
        self.retry_or(outcome, now_ms, random, error)
    }

    /// The error to return when the caller aborts.
    pub fn aborted(&self) -> Error {
        Error::Aborted(AbortedError {
            endpoint: self.meta.label(),
            sent: self.sent,
        })
    }

    fn retry_or(
        &mut self,
        outcome: Outcome,
        now_ms: Option<i64>,
        random: f64,
        error: Error,
    ) -> Step {
        let delay = self
            .policy
            .decide(self.retries, outcome, self.meta.idempotent, random);
        // No retry that would start past the deadline: the caller gets this error now.
        let past_deadline = |delay_ms: u64| match (self.deadline_ms, self.started_ms, now_ms) {
            (Some(deadline), Some(started), Some(now)) => {
                let spent = u64::try_from(now.saturating_sub(started)).unwrap_or(0);
                spent.saturating_add(delay_ms) >= deadline
            }
            _ => false,
        };
        match delay.filter(|d| !past_deadline(*d)) {
            Some(delay_ms) => {
                self.retries += 1;
                Step::Retry { delay_ms }
            }
            None => Step::Done(Err(error)),
        }
    }
}
