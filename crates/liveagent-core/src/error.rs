//! Errors by phase, one shape for every runtime: build, transport, timeout, aborted, API, decode,
//! and the rejection of a webhook delivery.
//!
//! No variant ever holds a token or a request header. Messages name the endpoint by its path
//! template, not by its filled-in URL, because public-API URLs carry inbox and contact
//! identifiers that act as credentials.

use crate::normalize::Drift;
use std::fmt;

/// Any failure of an SDK call.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// Bad input caught before anything was sent.
    Build(BuildError),
    /// The request could not be sent or the response could not be read.
    Transport(TransportError),
    /// No response within the timeout (after any retries).
    Timeout(TimeoutError),
    /// The caller cancelled the call.
    Aborted(AbortedError),
    /// The server answered with a non-2xx status.
    Api(Box<ApiError>),
    /// The server answered 2xx with a body that does not fit the documented shape.
    Decode(Box<DecodeError>),
    /// A webhook delivery was refused: its signature, its timestamp or its body.
    Webhook(WebhookError),
}

impl Error {
    /// The stable code JS callers see as `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Build(_) => "BUILD",
            Error::Transport(_) => "TRANSPORT",
            Error::Timeout(_) => "TIMEOUT",
            Error::Aborted(_) => "ABORTED",
            Error::Api(_) => "API",
            Error::Decode(_) => "DECODE",
            Error::Webhook(_) => "WEBHOOK",
        }
    }

    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Build(e) => e.fmt(f),
            Error::Transport(e) => e.fmt(f),
            Error::Timeout(e) => e.fmt(f),
            Error::Aborted(e) => e.fmt(f),
            Error::Api(e) => e.fmt(f),
            Error::Decode(e) => e.fmt(f),
            Error::Webhook(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

macro_rules! from_variant {
    ($($ty:ident => $variant:ident),*) => {
        $(impl From<$ty> for Error {
            fn from(e: $ty) -> Self {
                Error::$variant(e)
            }
        })*
    };
}

from_variant!(
    BuildError => Build,
    TransportError => Transport,
    TimeoutError => Timeout,
    AbortedError => Aborted,
    WebhookError => Webhook
);

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(Box::new(e))
    }
}

/// Which input was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildErrorKind {
    /// Client configuration: base URL, token, user agent.
    Config,
    /// The endpoint needs credentials the client does not have.
    Credentials,
    /// A required param is missing.
    MissingParam,
    /// A param has the wrong type or an impossible value.
    InvalidParam,
    /// A param the endpoint does not take (often a typo).
    UnknownParam,
    /// No endpoint of that name.
    UnknownEndpoint,
}

impl BuildErrorKind {
    /// Stable name, as JS callers see it in `error.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            BuildErrorKind::Config => "config",
            BuildErrorKind::Credentials => "credentials",
            BuildErrorKind::MissingParam => "missing_param",
            BuildErrorKind::InvalidParam => "invalid_param",
            BuildErrorKind::UnknownParam => "unknown_param",
            BuildErrorKind::UnknownEndpoint => "unknown_endpoint",
        }
    }
}

/// Bad input caught before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    /// What kind of input.
    pub kind: BuildErrorKind,
    /// The JSON path of the offending param (`$.labels[1]`), when it is a param.
    pub path: Option<String>,
    /// A message for humans.
    pub message: String,
}

impl BuildError {
    pub(crate) fn new(kind: BuildErrorKind, message: impl Into<String>) -> Self {
        BuildError {
            kind,
            path: None,
            message: message.into(),
        }
    }

    pub(crate) fn at(kind: BuildErrorKind, path: String, message: impl Into<String>) -> Self {
        BuildError {
            kind,
            path: Some(path),
            message: message.into(),
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "invalid request: {path}: {}", self.message),
            None => write!(f, "invalid request: {}", self.message),
        }
    }
}

/// Whether the request may have reached the server before the transport failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportPhase {
    /// Failed before the request was sent (DNS, refused connection, TLS handshake).
    Connect,
    /// Failed after the request may have been sent (connection reset, truncated body).
    AfterSend,
}

/// The request could not be completed at the transport level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    /// Before or after sending.
    pub phase: TransportPhase,
    /// The transport's message, with any URL removed.
    pub message: String,
    /// `METHOD path-template` of the endpoint.
    pub endpoint: String,
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "transport error on {}: {}", self.endpoint, self.message)
    }
}

/// No response within the timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeoutError {
    /// The per-attempt timeout that ran out, in milliseconds.
    pub timeout_ms: u64,
    /// `METHOD path-template` of the endpoint.
    pub endpoint: String,
    /// Whether the request may have reached the server (always true: the attempt that timed
    /// out was in flight). A timed-out post may have been carried out.
    pub sent: bool,
    /// The response had begun, then its body stopped: no bytes for `timeout_ms` (the stall
    /// guard), rather than the attempt's whole time running out.
    pub stalled: bool,
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.stalled {
            write!(
                f,
                "the response body stalled: no bytes for {} ms on {}",
                self.timeout_ms, self.endpoint
            )
        } else {
            write!(
                f,
                "timed out after {} ms on {}",
                self.timeout_ms, self.endpoint
            )
        }
    }
}

/// The caller aborted the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbortedError {
    /// `METHOD path-template` of the endpoint.
    pub endpoint: String,
    /// Whether the request may have reached the server: `false` means nothing was sent, so
    /// repeating the call cannot do its work twice; `true` means an attempt had started, and a
    /// post may have been carried out although the call was aborted.
    pub sent: bool,
}

impl fmt::Display for AbortedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.sent {
            write!(
                f,
                "aborted after the request was sent (the server may have acted on it): {}",
                self.endpoint
            )
        } else {
            write!(f, "aborted before anything was sent: {}", self.endpoint)
        }
    }
}

/// A non-2xx response.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// The server's message: `error`, `message`, or the `errors` list joined.
    pub message: Option<String>,
    /// Invalid attributes named by a Rails validation failure (`{"message", "attributes"}`).
    pub attributes: Vec<String>,
    /// The raw body, as text (lossy UTF-8).
    pub body: String,
    /// The `X-Request-Id` header, if any.
    pub request_id: Option<String>,
    /// `Retry-After`, in seconds (from seconds or an HTTP date), if the server sent it.
    pub retry_after: Option<f64>,
    /// `METHOD path-template` of the endpoint.
    pub endpoint: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "API error {} on {}", self.status, self.endpoint)?;
        if let Some(m) = &self.message {
            write!(f, ": {m}")?;
        }
        Ok(())
    }
}

/// A 2xx response whose body did not fit.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    /// HTTP status.
    pub status: u16,
    /// JSON path of the first value that did not fit (`$` for the whole body).
    pub path: String,
    /// What was wrong there.
    pub message: String,
    /// In strict mode, every drift found (the first [`crate::normalize::MAX_DRIFT`]).
    pub drift: Vec<Drift>,
    /// The raw body, as text (lossy UTF-8).
    pub body: String,
    /// The `X-Request-Id` header, if any.
    pub request_id: Option<String>,
    /// `METHOD path-template` of the endpoint.
    pub endpoint: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unexpected response body from {}: {}: {}",
            self.endpoint, self.path, self.message
        )
    }
}

/// What was wrong with a webhook delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookErrorKind {
    /// No `X-Chatwoot-Signature`, one of another form, or one that does not match the body
    /// under the secret.
    Signature,
    /// No `X-Chatwoot-Timestamp`, one that is not epoch seconds, or one outside the tolerance
    /// (a replayed or much delayed delivery).
    Timestamp,
    /// The body is not a webhook payload: not JSON, not an object, a record without its `id`,
    /// not raw bytes, or (in strict mode) any drift.
    Malformed,
}

impl WebhookErrorKind {
    /// Stable name, as JS callers see it in `error.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookErrorKind::Signature => "signature",
            WebhookErrorKind::Timestamp => "timestamp",
            WebhookErrorKind::Malformed => "malformed",
        }
    }
}

/// A webhook delivery that was refused. It never holds the secret, and never the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookError {
    /// What was wrong.
    pub kind: WebhookErrorKind,
    /// A message for humans.
    pub message: String,
    /// For a malformed body, the JSON path of the value that did not fit (`$` for the whole).
    pub path: Option<String>,
    /// In strict mode, every drift found (the first [`crate::normalize::MAX_DRIFT`]).
    pub drift: Vec<Drift>,
}

impl WebhookError {
    pub(crate) fn new(kind: WebhookErrorKind, message: impl Into<String>) -> Self {
        WebhookError {
            kind,
            message: message.into(),
            path: None,
            drift: Vec::new(),
        }
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "webhook refused: {path}: {}", self.message),
            None => write!(f, "webhook refused: {}", self.message),
        }
    }
}
