//! The client: configuration, typed calls and raw calls.

use crate::transport::{self, Reqwest, Transport};
use liveagent_core::{
    CallOptions, Config, Credentials, DriftReport, Endpoint, EndpointMeta, Error, Id, ParseMode,
    RetryPolicy, Secret, Success, TokenHeader, Upload, error::BuildErrorKind,
};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// A Live Agent API client. Cheap to clone; clones share one connection pool.
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) config: Config,
    pub(crate) transport: Arc<dyn Transport>,
    /// Held while a widget session opens, so that calls starting together open one.
    pub(crate) opening_session: tokio::sync::Mutex<()>,
}

/// A typed result with the response it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Response<T> {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: Vec<u8>,
    /// The parsed result.
    pub value: T,
    /// What lenient parsing repaired or kept.
    pub drift: DriftReport,
}

/// Builds a [`Client`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    credentials: Credentials,
    token_header: TokenHeader,
    account_id: Option<Id>,
    timeout: Option<Option<Duration>>,
    deadline: Option<Option<Duration>>,
    stall_timeout: Option<Option<Duration>>,
    retry: RetryPolicy,
    parse_mode: ParseMode,
    http: Option<reqwest::Client>,
    transport: Option<Arc<dyn Transport>>,
    /// OData service URL and version.
    odata: (Option<String>, Option<String>),
    /// A whole configuration, set by [`Client::from_config`]; the settings above are unused then.
    preset: Option<Config>,
}

impl Client {
    /// Starts configuring a client for the server at `base_url` (its root, or its path
    /// prefix: the SDK adds `/api/v1/...`).
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            credentials: Credentials::None,
            token_header: TokenHeader::default(),
            account_id: None,
            timeout: None,
            deadline: None,
            stall_timeout: None,
            retry: RetryPolicy::default(),
            parse_mode: ParseMode::default(),
            http: None,
            transport: None,
            odata: (None, None),
            preset: None,
        }
    }

    /// Starts from a complete configuration (what the JS packages read from their options);
    /// only the transport settings of the builder apply on top of it.
    pub fn from_config(config: Config) -> ClientBuilder {
        ClientBuilder {
            preset: Some(config),
            ..Client::builder("")
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Calls the endpoint whose params are `params`.
    ///
    /// # Errors
    /// Any [`Error`]: build, transport, timeout, API or decode.
    pub async fn send<E: Endpoint>(&self, params: E) -> Result<E::Response, Error> {
        Ok(self.send_raw(params, CallOptions::default()).await?.value)
    }

    /// Like [`Client::send`], with per-call options (timeout, retries).
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn send_with<E: Endpoint>(
        &self,
        params: E,
        options: CallOptions,
    ) -> Result<E::Response, Error> {
        Ok(self.send_raw(params, options).await?.value)
    }

    /// Like [`Client::send_with`], and keeps the status, headers, raw body and drift.
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn send_raw<E: Endpoint>(
        &self,
        params: E,
        options: CallOptions,
    ) -> Result<Response<E::Response>, Error> {
        let (params, files) = liveagent_core::upload::collect(|| params_value(&params));
        let success = self
            .call_with_files(E::META, params?, files, options, std::future::pending())
            .await?;
        let value = liveagent_core::typed(E::META, &success.response, &success.json)?;
        Ok(Response {
            status: success.response.status,
            headers: success.response.headers,
            body: success.response.body,
            value,
            drift: success.drift,
        })
    }

    /// Calls an endpoint with JSON params and returns the normalized JSON body: the untyped
    /// path the JS packages use.
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn call(
        &self,
        meta: &'static EndpointMeta,
        params: Value,
        options: CallOptions,
    ) -> Result<Success, Error> {
        self.call_until(meta, params, options, std::future::pending())
            .await
    }

    /// Like [`Client::call`], ending with [`Error::Aborted`] as soon as `cancelled` resolves
    /// (the attempt in flight is dropped, a pending retry is not made).
    ///
    /// # Errors
    /// Any [`Error`].
    pub async fn call_until(
        &self,
        meta: &'static EndpointMeta,
        params: Value,
        options: CallOptions,
        cancelled: impl std::future::Future<Output = ()>,
    ) -> Result<Success, Error> {
        self.call_with_files(meta, params, Vec::new(), options, cancelled)
            .await
    }

    /// Like [`Client::call_until`], with the files that the params' `{"$file": n}` markers
    /// point at (by index): the body goes as `multipart/form-data`.
    ///
    /// # Errors
    /// Any [`Error`]; a marker past `files` is a build error, and nothing is sent.
    pub async fn call_with_files(
        &self,
        meta: &'static EndpointMeta,
        params: Value,
        files: Vec<Upload>,
        options: CallOptions,
        cancelled: impl std::future::Future<Output = ()>,
    ) -> Result<Success, Error> {
        let mut cancelled = std::pin::pin!(cancelled);
        self.ensure_widget_session(meta, options, cancelled.as_mut())
            .await?;
        let mut call = liveagent_core::Call::new(&self.inner.config, meta, params, options)?;
        call.attach(files)?;
        transport::drive(self.inner.transport.as_ref(), call, cancelled).await
    }
}

pub(crate) fn params_value<E: Endpoint>(params: &E) -> Result<Value, Error> {
    serde_json::to_value(params).map_err(|e| {
        Error::Build(liveagent_core::BuildError {
            kind: BuildErrorKind::InvalidParam,
            path: None,
            message: format!("params did not serialize: {e}"),
        })
    })
}

impl ClientBuilder {
    /// Authenticates with a user's access token (agent, supervisor or administrator).
    pub fn user_token(mut self, token: impl Into<String>) -> Self {
        self.credentials = Credentials::User(Secret::new(token));
        self
    }

    /// Authenticates with an agent bot's access token.
    pub fn bot_token(mut self, token: impl Into<String>) -> Self {
        self.credentials = Credentials::AgentBot(Secret::new(token));
        self
    }

    /// Authenticates with a platform app's token (platform API).
    pub fn platform_token(mut self, token: impl Into<String>) -> Self {
        self.credentials = Credentials::Platform(Secret::new(token));
        self
    }

    /// A web-widget visitor of the inbox whose website token is `website_token` (the widget
    /// API): the client opens the visitor's session on first use, or resumes the one
    /// `session_token` names (what [`Client::widget_token`] gave on an earlier visit).
    pub fn website_token(
        mut self,
        website_token: impl Into<String>,
        session_token: Option<String>,
    ) -> Self {
        let session = liveagent_core::WidgetSession::new(website_token);
        self.credentials = Credentials::Widget(match session_token {
            Some(token) => session.with_token(Secret::new(token)),
            None => session,
        });
        self
    }

    /// Where Live Agent's OData analytics service is (its root; default: the `odata-` host of
    /// the base URL) and which version to query (`v1.0`, the default, `v1.1` or `v2.0`).
    pub fn odata(mut self, url: Option<&str>, version: Option<&str>) -> Self {
        self.odata = (url.map(str::to_owned), version.map(str::to_owned));
        self
    }

    /// The account used when a call leaves `account_id` unset.
    pub fn account_id(mut self, account_id: u64) -> Self {
        self.account_id = Some(Id(account_id));
        self
    }

    /// Spells the token header `Api-Access-Token` (for proxies that drop `api_access_token`).
    pub fn token_header(mut self, header: TokenHeader) -> Self {
        self.token_header = header;
        self
    }

    /// Per-attempt timeout (`None`: wait forever). Default 60 s.
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Time a call may take in all, retries and their waits included (`None`, the default:
    /// only the per-attempt timeout and the retry count bound it).
    pub fn deadline(mut self, deadline: Option<Duration>) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The stall guard: once a response has begun, the longest wait for the next bytes of its
    /// body (`None`: only the per-attempt timeout bounds it). Default 20 s. A stalled attempt
    /// fails as a timeout with `stalled` set, and is retried as a timeout is.
    pub fn stall_timeout(mut self, stall_timeout: Option<Duration>) -> Self {
        self.stall_timeout = Some(stall_timeout);
        self
    }

    /// The longest `Retry-After` to wait for (default 10 s); a longer one fails the call at
    /// once, with the error's `retry_after` set.
    pub fn max_retry_delay(mut self, delay: Duration) -> Self {
        self.retry.max_retry_after_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self
    }

    /// Retries after the first attempt. Default 2.
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.retry.max_retries = max_retries;
        self
    }

    /// The whole retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Strict parsing: any drift from the documented shapes is an error.
    pub fn strict(mut self, strict: bool) -> Self {
        self.parse_mode = if strict {
            ParseMode::Strict
        } else {
            ParseMode::Lenient
        };
        self
    }

    /// Uses this reqwest client (proxies, custom TLS roots). Set its redirect policy to
    /// `none`: following a redirect to another host would send it the token.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Sends every request through `transport` instead of reqwest (a test double, another
    /// HTTP stack, a binding's own `fetch`).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`Error::Build`] for an invalid base URL or token, or if the HTTP client cannot start.
    pub fn build(self) -> Result<Client, Error> {
        let config = match self.preset {
            Some(config) => config,
            None => {
                let mut config = Config::new(&self.base_url)?
                    .with_credentials(self.credentials)?
                    .with_odata(self.odata.0.as_deref(), self.odata.1.as_deref())?;
                config.token_header = self.token_header;
                config.account_id = self.account_id;
                config.retry = self.retry;
                config.parse_mode = self.parse_mode;
                let millis = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
                if let Some(timeout) = self.timeout {
                    config.timeout_ms = timeout.map(millis);
                }
                if let Some(deadline) = self.deadline {
                    config.deadline_ms = deadline.map(millis);
                }
                if let Some(stall) = self.stall_timeout {
                    config.stall_timeout_ms = stall.map(millis);
                }
                config
            }
        };
        let transport: Arc<dyn Transport> = match (self.transport, self.http) {
            (Some(transport), _) => transport,
            (None, Some(http)) => Arc::new(Reqwest(http)),
            (None, None) => Arc::new(Reqwest(
                reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .map_err(|e| {
                        Error::Build(liveagent_core::BuildError {
                            kind: BuildErrorKind::Config,
                            path: None,
                            message: format!("the HTTP client could not start: {e}"),
                        })
                    })?,
            )),
        };
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                transport,
                opening_session: tokio::sync::Mutex::new(()),
            }),
        })
    }
}
