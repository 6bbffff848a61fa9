//! The HTTP server: accepts connections, answers CORS preflights, applies faults, logs requests,
//! routes them under one lock, and delivers the webhooks they cause.

use crate::cors::{cors, preflight, strip_cors};
use crate::deliver::{Delivery, Gateway, deliver, deliveries};
use crate::faults::{Action, Fault, Faults};
use crate::http::{Fail, Reply, Req, parse_query};
use crate::request_log::{Arrival, LogLimits, LoggedBody, RequestLog, redacted, redacted_query};
use crate::routes::{World, route};
use crate::store::{Store, uuid};
use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Body as _, Frame, Incoming};
use hyper::header::{HeaderMap, HeaderValue};
use hyper::{Request, Response, StatusCode};
use serde_json::{Value, json};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

/// Requests bigger than this are refused (the server's own limit is larger; tests need no more).
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Shared server state.
pub(crate) struct App {
    pub(crate) world: Mutex<World>,
    pub(crate) faults: Mutex<Faults>,
    pub(crate) log: Mutex<RequestLog>,
    log_limits: LogLimits,
    /// The state to return to on `POST /__emulator/reset`.
    pub(crate) initial: Store,
    pub(crate) info: Value,
    http: reqwest::Client,
    /// Where the CloudEvents typing feed goes, if anywhere.
    pub(crate) gateway: Mutex<Option<Gateway>>,
    /// The open `/cable` sockets.
    pub(crate) cable: crate::cable::Hub,
    /// Whether `/api/*` answers cross-origin requests (`ENABLE_API_CORS`).
    api_cors: bool,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl App {
    pub(crate) fn new(
        store: Store,
        faults: Vec<Fault>,
        log_limits: LogLimits,
        info: Value,
        gateway: Option<Gateway>,
        api_cors: bool,
    ) -> App {
        let mut all = Faults::default();
        faults.into_iter().for_each(|f| all.add(f));
        App {
            world: Mutex::new(World {
                store: store.clone(),
                events: Vec::new(),
            }),
            faults: Mutex::new(all),
            log: Mutex::new(RequestLog::new(log_limits)),
            log_limits,
            initial: store,
            info,
            http: reqwest::Client::new(),
            gateway: Mutex::new(gateway),
            cable: crate::cable::Hub::default(),
            api_cors,
        }
    }

    /// The database, locked by callers with [`lock`].
    pub(crate) fn world(&self) -> &Mutex<World> {
        &self.world
    }

    /// Reads the store.
    pub(crate) fn with_store<R>(&self, read: impl FnOnce(&crate::store::Store) -> R) -> R {
        read(&lock(&self.world).store)
    }
}

pub(crate) type Body = Full<Bytes>;

/// What goes on the wire: the body, or for the truncate fault half of it and then a broken
/// connection.
pub(crate) type WireBody = BoxBody<Bytes, std::io::Error>;

/// Marks a log entry abandoned if its request's future is dropped before it is answered.
struct Pending<'a> {
    app: &'a App,
    seq: u64,
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        lock(&self.app.log).abandoned(self.seq);
    }
}

/// A request as read off the connection.
struct Received {
    method: String,
    path: String,
    query: String,
    headers: HeaderMap,
    body: Bytes,
    origin: Option<HeaderValue>,
}

/// Answers one request. An `Err` closes the connection without an answer (the drop fault).
pub(crate) async fn handle(
    app: Arc<App>,
    request: Request<Incoming>,
) -> Result<Response<WireBody>, std::io::Error> {
    answer_request(app, request).await.map(to_wire)
}

/// The stall fault on a response: after the half body, no byte for this long, then the
/// connection breaks.
#[derive(Clone, Copy)]
struct StallFor(std::time::Duration);

/// The response as sent: a body shorter than its declared `content-length` (the truncate
/// fault) is sent as it is, and then the connection breaks, as a server dying mid-answer does;
/// with the stall fault, only after the stall.
fn to_wire(response: Response<Body>) -> Response<WireBody> {
    let stall = response.extensions().get::<StallFor>().copied();
    let declared = response
        .headers()
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let actual = response.body().size_hint().exact();
    let cut = matches!((declared, actual), (Some(d), Some(a)) if d > a);
    response.map(|body| {
        if cut {
            let pause = stall.map(|s| Box::pin(tokio::time::sleep(s.0)));
            CutOff(Some(body_bytes(body)), pause).boxed()
        } else {
            body.map_err(|never| match never {}).boxed()
        }
    })
}

/// The bytes of a full body, without waiting (a `Full` holds one frame).
fn body_bytes(mut body: Body) -> Bytes {
    let mut cx = Context::from_waker(Waker::noop());
    match Pin::new(&mut body).poll_frame(&mut cx) {
        Poll::Ready(Some(Ok(frame))) => frame.into_data().unwrap_or_default(),
        _ => Bytes::new(),
    }
}

/// A body that sends its bytes, then (after the pause, if any) fails: hyper then closes the
/// connection short of the declared length.
struct CutOff(Option<Bytes>, Option<Pin<Box<tokio::time::Sleep>>>);

impl hyper::body::Body for CutOff {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        if self.0.is_none()
            && let Some(pause) = self.1.as_mut()
        {
            std::task::ready!(pause.as_mut().poll(cx));
            self.1 = None;
        }
        Poll::Ready(Some(match self.0.take() {
            Some(data) => Ok(Frame::data(data)),
            None => Err(std::io::Error::other(
                "the truncate fault breaks the connection here",
            )),
        }))
    }
}

/// Answers a request, with CORS headers where the server sends them: `/public/api/*` always
/// (and this emulator's control, storage and platform paths), `/api/*` (the account and widget
/// APIs) only with API CORS on. Without it a preflight to `/api/*` finds no route, as rack-cors
/// then lets it through to Rails.
async fn answer_request(
    app: Arc<App>,
    request: Request<Incoming>,
) -> Result<Response<Body>, std::io::Error> {
    let closed = !app.api_cors && request.uri().path().starts_with("/api/");
    if closed && request.method() == hyper::Method::OPTIONS {
        let mut response = respond(
            404,
            Some(json!({"status": 404, "error": "Not Found"})),
            None,
            false,
        );
        strip_cors(response.headers_mut());
        return Ok(response);
    }
    let mut response = answer_with_cors(app, request).await?;
    if closed {
        strip_cors(response.headers_mut());
    }
    Ok(response)
}

async fn answer_with_cors(
    app: Arc<App>,
    request: Request<Incoming>,
) -> Result<Response<Body>, std::io::Error> {
    if request.uri().path() == "/cable" {
        return Ok(crate::cable::upgrade(app, request));
    }
    let origin = request.headers().get("origin").cloned();
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or_default().to_owned();
    let headers = request.headers().clone();
    if method == "OPTIONS" {
        return Ok(preflight(&headers, origin));
    }
    let body = match Limited::new(request.into_body(), MAX_BODY).collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return Ok(respond(
                413,
                Some(json!({"status": 413, "error": "Payload Too Large"})),
                origin,
                false,
            ));
        }
    };
    if let Some(rest) = path.strip_prefix("/__emulator/") {
        return Ok(crate::control::control(
            &app, &method, rest, &query, &body, origin,
        ));
    }
    if let Some(response) = crate::storage::answer(&app, &method, &path, &headers, &body, &origin) {
        return Ok(response);
    }
    let received = Received {
        method,
        path,
        query,
        headers,
        body,
        origin,
    };
    let arrival = Arrival {
        method: &received.method,
        path: &received.path,
        query: &redacted_query(&received.query),
        headers: redacted(&received.headers),
        body: LoggedBody::new(&received.body, app.log_limits),
    };
    let seq = lock(&app.log).arrived(arrival);
    let pending = Pending { app: &app, seq };
    let response = answer(&app, received).await;
    match &response {
        Ok(r) => {
            let sent = r
                .body()
                .clone()
                .collect()
                .await
                .map(|b| b.to_bytes())
                .unwrap_or_default();
            let request_id = r
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok());
            let response = LoggedBody::new(&sent, app.log_limits);
            lock(&app.log).answered(seq, r.status().as_u16(), request_id, response);
        }
        Err(_) => lock(&app.log).connection_dropped(seq),
    }
    drop(pending);
    response
}

/// Applies faults, then routes the request and delivers the webhooks it causes.
async fn answer(app: &App, received: Received) -> Result<Response<Body>, std::io::Error> {
    let Received {
        method,
        path,
        query,
        headers,
        body,
        origin,
    } = received;
    let action = lock(&app.faults).take(&method, &path);
    let mut truncate = false;
    let mut stall = None;
    match action {
        Some(Action::Status {
            status,
            retry_after,
            body,
        }) => {
            let mut response = respond(status, None, origin, false);
            *response.body_mut() = Full::new(Bytes::from(body));
            if let Some(r) = retry_after.and_then(|r| HeaderValue::from_str(&r).ok()) {
                response.headers_mut().insert("retry-after", r);
            }
            return Ok(response);
        }
        Some(Action::Latency { ms }) => {
            tokio::time::sleep(std::time::Duration::from_millis(ms)).await
        }
        Some(Action::Drop) => {
            return Err(std::io::Error::other("fault injection: dropped connection"));
        }
        Some(Action::Truncate) => truncate = true,
        Some(Action::Stall { ms }) => {
            truncate = true;
            stall = Some(StallFor(std::time::Duration::from_millis(ms)));
        }
        None => {}
    }
    let boundary = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .and_then(crate::form::boundary);
    let parsed = match boundary {
        Some(boundary) => crate::form::parse(body.clone(), boundary).await.ok(),
        None if body.iter().all(u8::is_ascii_whitespace) => Some((Value::Null, Vec::new())),
        None => serde_json::from_slice(&body).ok().map(|v| (v, Vec::new())),
    };
    let Some((json_body, uploads)) = parsed else {
        return Ok(respond(
            400,
            Some(json!({"status": 400, "error": "Bad Request"})),
            origin,
            truncate,
        ));
    };
    let token = ["api_access_token", "api-access-token"]
        .iter()
        .find_map(|h| headers.get(*h))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let language = header("accept-language").and_then(|l| {
        let first = l.split([',', ';']).next()?.trim().to_owned();
        (!first.is_empty() && first != "*").then_some(first)
    });
    let req = Req {
        method,
        path,
        query: parse_query(&query),
        body: json_body,
        token,
        bearer: header("authorization").and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("bearer")
                .then(|| token.trim().to_owned())
        }),
        widget_token: header(liveagent_core::widget::SESSION_HEADER),
        language,
        uploads,
    };
    let (result, outbox) = {
        let mut world = lock(&app.world);
        let result = route(&mut world, &req);
        let events = std::mem::take(&mut world.events);
        app.cable.publish(&world.store, &events);
        let gateway = lock(&app.gateway).clone();
        let outbox: Vec<Delivery> = events
            .iter()
            .flat_map(|e| deliveries(&world.store, e, gateway.as_ref()))
            .collect();
        (result, outbox)
    };
    for delivery in outbox {
        let http = app.http.clone();
        tokio::spawn(async move { deliver(&http, delivery).await });
    }
    let mut response = match result {
        Ok(Reply {
            status,
            csv: Some(text),
            ..
        }) => respond_bytes(status, text.into_bytes(), "text/csv", origin, truncate),
        Ok(Reply { status, body, .. }) => respond(status, body, origin, truncate),
        Err(Fail {
            status,
            body,
            unrouted,
        }) => {
            let mut response = respond(status, Some(body), origin, truncate);
            if unrouted {
                response
                    .headers_mut()
                    .insert(NO_ROUTE_HEADER, HeaderValue::from_static("1"));
            }
            response
        }
    };
    if let Some(stall) = stall {
        response.extensions_mut().insert(stall);
    }
    Ok(response)
}

/// Marks the answer to a request no route matched (`cargo xtask coverage` reads it).
pub const NO_ROUTE_HEADER: &str = "x-emulator-no-route";

/// A response with the server's headers. `truncate`: declare the full length, send half.
pub(crate) fn respond(
    status: u16,
    body: Option<Value>,
    origin: Option<HeaderValue>,
    truncate: bool,
) -> Response<Body> {
    let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
    respond_bytes(
        status,
        bytes,
        "application/json; charset=utf-8",
        origin,
        truncate,
    )
}

/// A response of `content_type` with the server's headers.
fn respond_bytes(
    status: u16,
    bytes: Vec<u8>,
    content_type: &'static str,
    origin: Option<HeaderValue>,
    truncate: bool,
) -> Response<Body> {
    let full_length = bytes.len();
    let sent = if truncate {
        bytes[..full_length / 2].to_vec()
    } else {
        bytes
    };
    let mut response = Response::new(Full::new(Bytes::from(sent)));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert("content-type", HeaderValue::from_static(content_type));
    if let Ok(id) = HeaderValue::from_str(&uuid()) {
        headers.insert("x-request-id", id);
    }
    if truncate && let Ok(length) = HeaderValue::from_str(&full_length.to_string()) {
        headers.insert("content-length", length);
    }
    cors(headers, origin);
    response
}
