//! The test-control API under `/__emulator/`: info, faults, the request log, reset, the
//! event gateway and the live-updates sockets.

use crate::deliver::Gateway;
use crate::faults::Fault;
use crate::http::parse_query;
use crate::request_log::Selection;
use crate::server::{App, Body, lock, respond};
use hyper::Response;
use hyper::header::HeaderValue;
use serde_json::{Value, json};

/// The test-control API under `/__emulator/`.
pub(crate) fn control(
    app: &App,
    method: &str,
    rest: &str,
    query: &str,
    body: &[u8],
    origin: Option<HeaderValue>,
) -> Response<Body> {
    let parsed: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let reply = match (method, rest) {
        ("GET", "info") => Ok(app.info.clone()),
        ("GET", "cable") => Ok(json!({ "sockets": app.cable.count() })),
        ("POST", "cable/drop") => Ok(json!({ "dropped": app.cable.drop_all() })),
        ("POST", "faults") => {
            let list = match parsed {
                Value::Array(items) => items,
                other => vec![other],
            };
            let faults: Result<Vec<Fault>, String> = list.iter().map(Fault::from_json).collect();
            faults.map(|faults| {
                let mut all = lock(&app.faults);
                faults.into_iter().for_each(|f| all.add(f));
                json!({ "faults": all.len() })
            })
        }
        ("POST", "event_gateway") => {
            let url = parsed.get("url").and_then(Value::as_str).map(str::to_owned);
            let source = app
                .info
                .get("base_url")
                .and_then(Value::as_str)
                .unwrap_or_default();
            *lock(&app.gateway) = url.clone().map(|url| Gateway {
                url,
                source: source.to_owned(),
            });
            Ok(json!({ "event_gateway": url }))
        }
        ("DELETE", "faults") => {
            lock(&app.faults).clear();
            Ok(json!({ "faults": 0 }))
        }
        ("GET", "requests") => Ok(lock(&app.log).view(&Selection::from_query(parse_query(query)))),
        ("DELETE", "requests") => {
            lock(&app.log).clear();
            Ok(json!({ "requests": 0 }))
        }
        ("POST", "reset") => {
            // `{"seed": n, "clock": epoch}` makes what follows reproducible.
            crate::random::reseed(parsed.get("seed").and_then(Value::as_u64));
            crate::clock::fix(parsed.get("clock").and_then(Value::as_f64));
            lock(&app.world).store = app.initial.clone();
            lock(&app.faults).clear();
            lock(&app.log).clear();
            Ok(json!({ "reset": true }))
        }
        _ => Err("unknown control route".to_owned()),
    };
    match reply {
        Ok(v) => respond(200, Some(v), origin, false),
        Err(e) => respond(400, Some(json!({ "error": e })), origin, false),
    }
}
