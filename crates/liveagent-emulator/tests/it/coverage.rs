//! Every row of the SDK's endpoint table is served by the emulator: all flows run against one
//! emulator, and its request log must hold a request to every row.

use crate::support::Emu;
use liveagent::core::{ENDPOINTS, EndpointMeta};
use serde_json::json;

/// The row a logged request belongs to: the matching template with the most literal segments.
fn row_of(method: &str, path: &str) -> Option<&'static EndpointMeta> {
    let have: Vec<&str> = path.trim_matches('/').split('/').collect();
    ENDPOINTS
        .iter()
        .filter(|m| m.method.as_str() == method)
        .filter_map(|m| {
            let want: Vec<&str> = m.path.trim_matches('/').split('/').collect();
            let fits = want.len() == have.len()
                && want
                    .iter()
                    .zip(&have)
                    .all(|(w, h)| w.starts_with('{') || w == h);
            fits.then(|| (want.iter().filter(|w| !w.starts_with('{')).count(), *m))
        })
        .max_by_key(|(literal, _)| *literal)
        .map(|(_, m)| m)
}

#[tokio::test]
async fn every_row_is_served() {
    let emu = Emu::start().await;
    let mut log = Vec::new();
    for flow in 0..8 {
        match flow {
            0 => crate::account_flows::conversations(&emu).await,
            1 => crate::account_flows::contacts(&emu).await,
            2 => crate::account_flows::people(&emu).await,
            3 => crate::account_flows::settings(&emu).await,
            4 => crate::public_platform::public(&emu).await,
            5 => crate::automation::custom_filters(&emu).await,
            6 => crate::automation::automation_rules(&emu).await,
            _ => crate::public_platform::platform(&emu).await,
        }
        // Each flow expects the seeded state; the reset also empties the log, so keep it first.
        log.extend(emu.requests().await);
        emu.control("POST", "reset", json!(null)).await;
    }
    let served: Vec<&str> = log
        .iter()
        .filter_map(|r| row_of(r["method"].as_str()?, r["path"].as_str()?))
        .map(|m| m.name)
        .collect();
    let missing: Vec<&str> = ENDPOINTS
        .iter()
        .map(|m| m.name)
        .filter(|n| !served.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "rows never called against the emulator: {missing:?}"
    );
    assert!(served.len() > ENDPOINTS.len(), "{} requests", served.len());
}
