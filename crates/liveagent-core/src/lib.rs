//! The no-IO core of the Live Agent SDK: it builds the request and parses the response of every
//! endpoint of the Live Agent (Chatwoot) account, platform and public client APIs.
//!
//! This crate performs no IO. It opens no socket, reads no clock, draws no random number and
//! runs no async runtime: requests leave as plain [`HttpRequest`] values, responses come back as
//! a [`RawResponse`] (status, headers, bytes), and anything time-based takes the time or the
//! random value as an argument. The shells (`liveagent` for native Rust, `liveagent-wasm` for
//! browsers and Workers, `liveagent-napi` for Node) only send, wait and cancel.
//!
//! Every endpoint is one row of [`for_each_endpoint!`]; the row's params struct (in [`api`])
//! says where each param goes, and its response model (in [`models`]) says what comes back.
//! Both describe themselves as static [`schema::Shape`]s, which drive request validation,
//! lenient response normalization ([`normalize`]), and codegen. [`webhook`] verifies and parses
//! what the server posts to webhooks, with the same models and normalizer.
//!
//! ```
//! use liveagent_core::{Config, Credentials, Secret, api::GetConversationCountsParams};
//!
//! let config = Config::new("https://liveagent-app.cognigy.ai")?
//!     .with_credentials(Credentials::User(Secret::new("token")))?
//!     .with_account_id(1u64);
//! let request = liveagent_core::build(&config, &GetConversationCountsParams::new())?;
//! assert_eq!(request.url, "https://liveagent-app.cognigy.ai/api/v1/accounts/1/conversations/meta");
//! # Ok::<(), liveagent_core::Error>(())
//! ```

#![forbid(unsafe_code)]

#[macro_use]
mod macros;

pub mod api;
pub mod cable;
pub mod call;
pub mod config;
pub mod endpoint;
mod endpoints;
pub mod error;
pub mod js;
pub mod models;
pub mod multipart;
pub mod normalize;
pub mod odata;
pub mod paginate;
pub mod redact;
pub mod request;
pub mod response;
pub mod retry;
pub mod schema;
mod signing;
pub mod time;
pub mod types;
pub mod upload;
pub mod webhook;
pub mod widget;

pub use call::{Call, CallOptions, EncodedBody, Failure, Step, Success};
pub use config::{BaseUrl, Config, Credentials, TokenHeader};
pub use endpoint::{Endpoint, EndpointMeta, Paginated};
pub use endpoints::ENDPOINTS;
pub use error::{ApiError, BuildError, DecodeError, Error, WebhookError};
pub use normalize::{Drift, DriftReport, ParseMode};
pub use paginate::Paginator;
pub use request::{Body, HttpRequest};
pub use response::{Parsed, RawResponse};
pub use retry::RetryPolicy;
pub use types::{Id, Secret, Timestamp};
pub use upload::Upload;
pub use widget::WidgetSession;

/// Builds the request of a typed params struct.
///
/// # Errors
/// [`Error::Build`] for missing credentials or invalid params.
pub fn build<E: Endpoint>(config: &Config, params: &E) -> Result<HttpRequest, Error> {
    let value = serde_json::to_value(params).map_err(|e| {
        BuildError::new(
            error::BuildErrorKind::InvalidParam,
            format!("params did not serialize: {e}"),
        )
    })?;
    Ok(request::build_request(config, E::META, value)?)
}

/// Parses a response into the endpoint's typed result.
///
/// # Errors
/// [`Error::Api`] for non-2xx responses, [`Error::Decode`] for bodies that do not fit.
pub fn parse<E: Endpoint>(
    config: &Config,
    response: &RawResponse,
    now_ms: Option<i64>,
) -> Result<E::Response, Error> {
    let parsed = response::parse_response(E::META, config.parse_mode, response, now_ms)?;
    typed(E::META, response, &parsed.json)
}

/// Decodes a normalized body (its JSON text) into a typed result.
///
/// # Errors
/// [`Error::Decode`] if the text does not deserialize (which normalization should prevent).
pub fn typed<T: serde::de::DeserializeOwned>(
    meta: &EndpointMeta,
    response: &RawResponse,
    json: &str,
) -> Result<T, Error> {
    serde_json::from_str(json).map_err(|e| {
        Error::from(DecodeError {
            status: response.status,
            path: "$".into(),
            message: format!("normalized body did not fit the Rust model: {e}"),
            drift: Vec::new(),
            body: crate::redact::redact_body(&response.body),
            request_id: response.request_id(),
            endpoint: meta.label(),
        })
    })
}
