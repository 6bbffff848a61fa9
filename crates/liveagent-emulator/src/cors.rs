//! CORS as the server answers it: `/public/api/*` to any origin, `/api/*` only with API CORS
//! on (upstream's `ENABLE_API_CORS`), and preflights.

use crate::server::Body;
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderMap, HeaderValue};
use hyper::{Response, StatusCode};

/// Removes what [`cors`] and [`preflight`] add.
pub(crate) fn strip_cors(headers: &mut HeaderMap) {
    for name in [
        "access-control-allow-origin",
        "access-control-expose-headers",
        "access-control-allow-methods",
        "access-control-allow-headers",
        "access-control-max-age",
        "vary",
    ] {
        headers.remove(name);
    }
}

/// Adds the headers of a CORS answer.
pub(crate) fn cors(headers: &mut HeaderMap, origin: Option<HeaderValue>) {
    headers.insert(
        "access-control-allow-origin",
        origin.unwrap_or(HeaderValue::from_static("*")),
    );
    headers.insert(
        "access-control-expose-headers",
        HeaderValue::from_static("retry-after, x-request-id, content-type"),
    );
    headers.insert("vary", HeaderValue::from_static("Origin"));
}

pub(crate) fn preflight(request: &HeaderMap, origin: Option<HeaderValue>) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = StatusCode::NO_CONTENT;
    let headers = response.headers_mut();
    cors(headers, origin);
    headers.insert(
        "access-control-allow-methods",
        HeaderValue::from_static("GET, POST, PUT, PATCH, DELETE, OPTIONS"),
    );
    let asked = request
        .get("access-control-request-headers")
        .cloned()
        .unwrap_or(HeaderValue::from_static(
            "api_access_token, api-access-token, x-auth-token, content-type, accept",
        ));
    headers.insert("access-control-allow-headers", asked);
    headers.insert("access-control-max-age", HeaderValue::from_static("600"));
    response
}
