//! Part of `coverage`: whether every row has what "Adding an endpoint" asks for: a fixture (a
//! row that answers JSON), a request snapshot, and a route in the emulator.
//!
//! The route check starts the seeded emulator in-process and sends each row's method and path
//! (every `{param}` as `1`) with the credential its auth names. A row has a route unless the
//! answer is the emulator's own "no route" 404 (`{"status":404,"error":"Not Found"}`), which
//! no handler answers for a record it cannot find. The tests then call every row for real
//! (`every_row_is_served` in the emulator's tests).

use crate::root;
use liveagent_core::endpoint::{Auth, ResponseKind};
use liveagent_core::{ENDPOINTS, EndpointMeta};
use std::collections::BTreeSet;
use std::path::Path;

/// Rows without a fixture, without a snapshot, and without an emulator route.
pub(crate) struct Gaps {
    pub fixture: Vec<&'static str>,
    pub snapshot: Vec<&'static str>,
    pub route: Vec<&'static str>,
}

pub(crate) fn gaps() -> Result<Gaps, String> {
    let fixtures = fixture_names(&root().join("tests/fixtures"))?;
    let snapshots = root().join("crates/liveagent-core/tests/it/snapshots");
    let fixture = ENDPOINTS
        .iter()
        .filter(|m| matches!(m.response, ResponseKind::Json(_)))
        .filter(|m| !fixtures.contains(m.name))
        .map(|m| m.name)
        .collect();
    let snapshot = ENDPOINTS
        .iter()
        .filter(|m| {
            !snapshots
                .join(format!("it__requests__{}.snap", m.name))
                .is_file()
        })
        .map(|m| m.name)
        .collect();
    Ok(Gaps {
        fixture,
        snapshot,
        route: unrouted()?,
    })
}

/// The row names that fixture files stand for (the file name up to its first `.`).
fn fixture_names(dir: &Path) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            names.extend(fixture_names(&path)?);
        } else if path.extension().is_some_and(|e| e == "json") {
            let file = entry.file_name().to_string_lossy().into_owned();
            names.insert(file.split('.').next().unwrap_or_default().to_owned());
        }
    }
    Ok(names)
}

fn unrouted() -> Result<Vec<&'static str>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let emulator = liveagent_emulator::start(liveagent_emulator::Options::default()).await?;
        let http = reqwest::Client::new();
        let mut missing = Vec::new();
        for meta in ENDPOINTS {
            if !has_route(&http, &emulator, meta).await? {
                missing.push(meta.name);
            }
        }
        Ok(missing)
    })
}

async fn has_route(
    http: &reqwest::Client,
    emulator: &liveagent_emulator::Running,
    meta: &EndpointMeta,
) -> Result<bool, String> {
    let mut path = String::new();
    let mut rest = meta.path;
    while let Some(open) = rest.find('{') {
        path.push_str(&rest[..open]);
        path.push('1');
        rest = rest[open..].split_once('}').map_or("", |(_, after)| after);
    }
    path.push_str(rest);
    let method =
        reqwest::Method::from_bytes(meta.method.as_str().as_bytes()).map_err(|e| e.to_string())?;
    let mut request = http.request(method, format!("{}{path}", emulator.base_url));
    let who = match meta.auth {
        Auth::User | Auth::UserOrBot => Some("admin"),
        Auth::Platform => Some("platform"),
        // The widget API's routes answer a missing website token with Rails' own 404.
        // So do the OData routes (and they answer no bearer with their own 401).
        Auth::Public | Auth::Widget | Auth::WidgetInbox | Auth::Odata => None,
    };
    if let Some(token) = who.and_then(|w| emulator.info.pointer(&format!("/tokens/{w}"))) {
        request = request.header("api_access_token", token.as_str().unwrap_or_default());
    }
    let response = request
        .send()
        .await
        .map_err(|e| format!("{}: {e}", meta.name))?;
    // The emulator marks the answers no route gave (Rails' 404 looks the same either way).
    Ok(!response
        .headers()
        .contains_key(liveagent_emulator::NO_ROUTE_HEADER))
}
