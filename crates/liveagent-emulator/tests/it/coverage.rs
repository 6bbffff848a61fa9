//! Every row of the SDK's endpoint table is served by the emulator: all flows run against one
//! emulator, and its request log must hold a request to every row.

use crate::support::Emu;
use liveagent::core::{ENDPOINTS, EndpointMeta};
use serde_json::json;
use std::future::Future;
use std::pin::Pin;

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
        // `reports/conversations` and `reports/conversations/` differ only by the slash.
        .max_by_key(|(literal, m)| (*literal, m.path.ends_with('/') == path.ends_with('/')))
        .map(|(_, m)| m)
}

/// A flow of calls against the emulator.
type Flow = for<'a> fn(&'a Emu) -> Pin<Box<dyn Future<Output = ()> + 'a>>;

#[tokio::test]
async fn every_row_is_served() {
    let emu = Emu::start().await;
    let mut log = Vec::new();
    // One line a flow; each runs on the seeded state.
    let flows: Vec<Flow> = vec![
        |e| Box::pin(crate::account_flows::conversations(e)),
        |e| Box::pin(crate::account_flows::contacts(e)),
        |e| Box::pin(crate::account_flows::people(e)),
        |e| Box::pin(crate::account_flows::settings(e)),
        |e| Box::pin(crate::public_platform::public(e)),
        |e| Box::pin(crate::public_platform::platform(e)),
        |e| Box::pin(crate::uploads::uploads(e)),
        |e| Box::pin(crate::reports::reports(e)),
        |e| Box::pin(crate::lifecycle::lifecycle(e)),
        |e| Box::pin(crate::contact_extras::contact_extras(e)),
        |e| Box::pin(crate::notifications::notifications(e)),
        |e| Box::pin(crate::notifications::profile(e)),
        |e| Box::pin(crate::search::search(e)),
        |e| Box::pin(crate::inbox_extras::inbox_extras(e)),
        |e| Box::pin(crate::automation::custom_filters(e)),
        |e| Box::pin(crate::automation::automation_rules(e)),
        |e| Box::pin(crate::help_center::help_center(e)),
        |e| Box::pin(crate::integrations::integrations(e)),
        |e| Box::pin(crate::extended::extended(e)),
        |e| Box::pin(crate::widget::widget(e)),
        |e| Box::pin(crate::odata::odata_flow(e)),
    ];
    for flow in flows {
        flow(&emu).await;
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
