//! A stateful emulator of the Live Agent (Chatwoot) server, on loopback, for demos and tests.
//!
//! It answers the endpoints the SDK covers with real state: conversations with per-account
//! display ids, filters, pages and counts; messages with cursors; contacts, agents, teams,
//! inboxes and their members; labels, canned responses, custom attributes, webhooks (delivered
//! and signed, to account webhooks, API inboxes and the agent bots conversations are assigned
//! to), agent bots; the public client API, the web-widget API (session tokens, identity
//! hashes, campaigns) and the platform API; and Live Agent's OData analytics service at
//! `/{version}/odata/{Collection}` (versions 1.0, 1.1, 2.0; admin bearer token or `apikey`;
//! `$filter`, `$select`, `$orderby`, `$expand=members`, required `$top`/`$skip`). With an event gateway it also
//! posts Live Agent's CloudEvents typing feed. Auth behaves as the
//! server's does (user roles, the agent-bot allow-list, platform-app permissions), and errors
//! have the server's bodies. Faults can be injected per route: statuses with `Retry-After`,
//! latency, dropped connections, truncated bodies.
//!
//! It renders its own JSON, view by view, and shares no model code with the SDK, so the two
//! cannot share a misunderstanding of the wire format.
//!
//! Test control, under `/__emulator/`: `GET info`, `POST|DELETE faults`, `GET|DELETE requests`
//! (the request log, secrets redacted), `POST reset` (back to the starting state; with
//! `{"seed": n, "clock": epoch_seconds}` the tokens, request ids and timestamps that follow are
//! reproducible, process-wide), `POST event_gateway` (`{"url": "..."}` or `{"url": null}`: where
//! the CloudEvents typing feed goes).
//!
//! `GET requests` answers `{"capacity", "body_limit", "evicted", "requests": [...]}`: the newest
//! entries, oldest first, at most `capacity` of them (`Options::log_capacity`,
//! `--log-capacity`); `evicted` counts the older ones dropped to make room since the log was
//! last cleared. Each entry has `method`, `path`, `query`, `headers`, `body`, `status` (a number,
//! or `pending`, `dropped`, `abandoned`), and once answered `response` and `request_id` (the
//! `x-request-id` sent). Bodies longer than `body_limit` bytes (`--log-body-limit`) are cut and
//! marked `body_truncated` / `response_truncated`, with their full length in `body_length` /
//! `response_length`. `?path=`, `?method=` and `?request_id=` select entries.

mod auth;
mod cable;
mod clock;
mod control;
mod cors;
mod deliver;
mod events;
mod faults;
mod form;
mod http;
mod jwt;
mod odata_query;
mod ops;
mod random;
mod request_log;
mod routes;
mod seed;
mod server;
pub use server::NO_ROUTE_HEADER;
mod storage;
mod store;
mod views;

use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::sync::Arc;

/// How to start.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to bind (default `127.0.0.1`).
    pub host: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Load the demo data.
    pub seed: bool,
    /// Faults from the start, in flag syntax: `"GET /api/v1/accounts/*/agents kind=status status=429 retry_after=1 times=1"`.
    pub faults: Vec<String>,
    /// Entries the request log keeps (default 10,000); beyond it the oldest go, and
    /// `GET /__emulator/requests` counts them as `evicted`.
    pub log_capacity: usize,
    /// Bytes of each request and response body the log keeps (default 64 KiB); a longer body is
    /// cut and marked `body_truncated` / `response_truncated`.
    pub log_body_limit: usize,
    /// Where to post Live Agent's CloudEvents typing feed (`EVENT_GATEWAY_HTTP_ENDPOINT`), if
    /// anywhere; `POST /__emulator/event_gateway {"url"}` sets it later.
    pub event_gateway: Option<String>,
    /// Whether the account and widget APIs (`/api/*`) answer cross-origin requests with CORS
    /// headers, as the server does with `ENABLE_API_CORS=true`. Default `true` here, unlike
    /// the server (whose default is off): browser demos and tests call the account API from
    /// another origin. `false` reproduces a default deployment, where only `/public/api/*`
    /// (and this emulator's `/__emulator/*`) answers cross-origin.
    pub api_cors: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            host: "127.0.0.1".into(),
            port: 0,
            seed: true,
            faults: Vec::new(),
            log_capacity: request_log::DEFAULT_CAPACITY,
            log_body_limit: request_log::DEFAULT_BODY_LIMIT,
            event_gateway: None,
            api_cors: true,
        }
    }
}

/// A running emulator.
#[derive(Debug)]
pub struct Running {
    /// `http://host:port`.
    pub base_url: String,
    /// The startup line: `base_url`, `account_id`, `inbox_identifier`, `tokens`, ...
    pub info: Value,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    /// Stops accepting connections.
    pub fn shutdown(self) {
        self.task.abort();
    }
}

/// Starts the emulator on the current tokio runtime.
///
/// # Errors
/// A message if the address cannot be bound or a fault flag does not parse.
pub async fn start(options: Options) -> Result<Running, String> {
    let faults = options
        .faults
        .iter()
        .map(|f| faults::Fault::from_flag(f))
        .collect::<Result<Vec<_>, _>>()?;
    let listener = tokio::net::TcpListener::bind((options.host.as_str(), options.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", options.host, options.port))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let base_url = format!("http://{address}");
    let (mut store, seeded) = if options.seed {
        seed::demo()
    } else {
        seed::empty()
    };
    store.base_url = base_url.clone();
    let mut info = seeded.info();
    if let Value::Object(map) = &mut info {
        map.insert("base_url".into(), Value::String(base_url.clone()));
    }
    let log_limits = request_log::LogLimits {
        capacity: options.log_capacity,
        body_limit: options.log_body_limit,
    };
    let gateway = options.event_gateway.map(|url| deliver::Gateway {
        url,
        source: base_url.clone(),
    });
    let app = Arc::new(server::App::new(
        store,
        faults,
        log_limits,
        info.clone(),
        gateway,
        options.api_cors,
    ));
    let task = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let app = app.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request| server::handle(app.clone(), request));
                // A dropped connection (fault injection) or a client hanging up ends here.
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .with_upgrades()
                    .await;
            });
        }
    });
    Ok(Running {
        base_url,
        info,
        task,
    })
}
