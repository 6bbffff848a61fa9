//! File storage, as ActiveStorage serves it beside the API: stored blobs at
//! `/rails/active_storage/blobs/redirect/{signed_id}/{filename}` and direct uploads' `PUT`s.
//! Neither takes a token (the server's redirect and the upload URL carry their own keys).

use crate::server::{App, lock, respond};
use bytes::Bytes;
use http_body_util::Full;
use hyper::Response;
use hyper::header::{HeaderMap, HeaderValue};
use serde_json::json;

/// The answer to a storage request, or `None` for any other path.
pub(crate) fn answer(
    app: &App,
    method: &str,
    path: &str,
    headers: &HeaderMap,
    body: &Bytes,
    origin: &Option<HeaderValue>,
) -> Option<Response<Full<Bytes>>> {
    if let Some(rest) = path.strip_prefix("/rails/active_storage/blobs/redirect/") {
        return Some(serve_blob(app, rest, origin.clone()));
    }
    let token = path.strip_prefix(crate::routes::direct_uploads::DISK_PATH)?;
    let content_type = headers.get("content-type").and_then(|v| v.to_str().ok());
    let status = crate::routes::direct_uploads::disk_put(
        &mut lock(app.world()).store,
        method,
        token,
        content_type,
        body,
    );
    Some(respond(status, None, origin.clone(), false))
}

/// A stored file, by the signed id in its URL.
fn serve_blob(app: &App, rest: &str, origin: Option<HeaderValue>) -> Response<Full<Bytes>> {
    let signed_id = rest.split('/').next().unwrap_or_default();
    let world = lock(app.world());
    let Some(blob) = world.store.blobs.iter().find(|b| b.signed_id == signed_id) else {
        return respond(404, Some(json!({"error": "Not Found"})), origin, false);
    };
    let mut response = Response::new(Full::new(blob.bytes.clone()));
    if let Ok(value) = HeaderValue::from_str(&blob.content_type) {
        response.headers_mut().insert("content-type", value);
    }
    if let Some(origin) = origin {
        response
            .headers_mut()
            .insert("access-control-allow-origin", origin);
    }
    response
}
