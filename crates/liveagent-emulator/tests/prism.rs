//! Conformance: every spec operation the SDK covers, sent through Prism 5.14.2 as a validating
//! proxy (`prism proxy --errors`) in front of the emulator. Prism checks our requests and the
//! emulator's responses against the upstream spec; every violation must be a known spec defect,
//! allow-listed below with its reason.
//!
//! Needs Prism: `PRISM=tests/prism/node_modules/.bin/prism cargo test -p liveagent-emulator
//! --test prism -- --ignored` (`scripts/test` does this).

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use liveagent::core::endpoint::Source;
use liveagent::core::{CallOptions, ENDPOINTS, EndpointMeta};
use liveagent::{Client, Error};
use liveagent_emulator::{Options, start};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

#[path = "prism/defects.rs"]
mod defects;
#[path = "prism/steps.rs"]
mod steps;

use defects::SPEC_DEFECTS;
use steps::steps;

/// Replaces `"$name.a.b"` strings with values kept from earlier steps.
fn resolve(value: &Value, kept: &BTreeMap<String, Value>) -> Value {
    match value {
        Value::String(s) if s.starts_with('$') => {
            let mut parts = s[1..].split('.');
            let root = kept
                .get(parts.next().unwrap())
                .unwrap_or_else(|| panic!("nothing kept as {s}"));
            let pointer: String = parts.map(|p| format!("/{p}")).collect();
            root.pointer(&pointer)
                .cloned()
                .unwrap_or_else(|| panic!("{s} not found in {root}"))
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, kept)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), resolve(v, kept)))
                .collect::<Map<_, _>>(),
        ),
        other => other.clone(),
    }
}

/// A violation location with indexes as `*`: `response.body.data.payload.*.status`.
fn location(v: &Value) -> String {
    v["location"]
        .as_array()
        .map(|parts| {
            parts
                .iter()
                .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                .map(|p| {
                    if p.chars().all(|c| c.is_ascii_digit()) {
                        "*".to_owned()
                    } else {
                        p
                    }
                })
                .collect::<Vec<_>>()
                .join(".")
        })
        .unwrap_or_default()
}

fn allowed(op: &str, loc: &str) -> Option<usize> {
    SPEC_DEFECTS.iter().position(|(o, pattern, _)| {
        *o == op
            && (pattern == &loc
                || pattern
                    .strip_suffix('*')
                    .is_some_and(|p| loc.starts_with(p)))
    })
}

struct Prism(Child);

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

#[tokio::test]
#[ignore = "needs Prism: PRISM=tests/prism/node_modules/.bin/prism cargo test -p liveagent-emulator --test prism -- --ignored"]
async fn every_covered_spec_operation_conforms() {
    let prism_bin = std::env::var("PRISM").expect("set PRISM to the prism binary");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let spec = root.join("tests/spec/chatwoot-swagger.json");
    assert!(spec.exists(), "{} is missing", spec.display());
    let emu = start(Options::default()).await.unwrap();
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let _prism = Prism(
        Command::new(prism_bin)
            .args([
                "proxy",
                "--errors",
                "-h",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .arg(&spec)
            .arg(&emu.base_url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("prism starts"),
    );
    let via = format!("http://127.0.0.1:{port}");
    let mut ready = false;
    for _ in 0..120 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(ready, "prism proxy did not listen within 30 s");
    let token = |who: &str| emu.info["tokens"][who].as_str().unwrap().to_owned();
    let build = |b: liveagent::ClientBuilder| {
        b.max_retries(0)
            .timeout(Some(Duration::from_secs(20)))
            .build()
            .unwrap()
    };
    let admin = build(
        Client::builder(&via)
            .user_token(token("admin"))
            .account_id(1),
    );
    let platform = build(Client::builder(&via).platform_token(token("platform")));
    let public = build(Client::builder(&via));
    let direct_admin = build(
        Client::builder(&emu.base_url)
            .user_token(token("admin"))
            .account_id(1),
    );
    let direct_platform = build(Client::builder(&emu.base_url).platform_token(token("platform")));
    let direct_public = build(Client::builder(&emu.base_url));
    let direct = |family| match family {
        liveagent::core::endpoint::Family::Platform => &direct_platform,
        // The spec has neither the widget API nor OData: no step names their rows.
        liveagent::core::endpoint::Family::Public
        | liveagent::core::endpoint::Family::Widget
        | liveagent::core::endpoint::Family::Odata => &direct_public,
        liveagent::core::endpoint::Family::Account => &direct_admin,
    };
    let http = reqwest::Client::new();

    let mut kept = BTreeMap::from([("info".to_owned(), emu.info.clone())]);
    let mut violations = Vec::new();
    let mut used = vec![false; SPEC_DEFECTS.len()];
    let mut empty_bodies = 0;
    let plan = steps();
    for s in &plan {
        let meta: &'static EndpointMeta = liveagent::core::endpoint::find(s.row).unwrap().1;
        let Source::Spec(op) = meta.source else {
            panic!("{} is not a spec operation", s.row)
        };
        let client = match meta.family() {
            liveagent::core::endpoint::Family::Platform => &platform,
            liveagent::core::endpoint::Family::Public
            | liveagent::core::endpoint::Family::Widget
            | liveagent::core::endpoint::Family::Odata => &public,
            liveagent::core::endpoint::Family::Account => &admin,
        };
        let params = resolve(&s.params, &kept);
        match client.call(meta, params, CallOptions::default()).await {
            Ok(success) => {
                if let Some(name) = s.keep {
                    kept.insert(name.to_owned(), success.value());
                }
            }
            Err(Error::Api(e)) if e.body.contains("prism/errors#") => {
                let body: Value = serde_json::from_str(&e.body).unwrap();
                if std::env::var("PRISM_DEBUG").is_ok() {
                    eprintln!("{} {}: {}", s.row, e.status, body["validation"]);
                }
                for v in body["validation"].as_array().into_iter().flatten() {
                    let loc = location(v);
                    match allowed(op, &loc) {
                        Some(i) => used[i] = true,
                        None => violations.push(format!(
                            "{op} ({}): {loc}: {}",
                            s.row,
                            v["message"].as_str().unwrap_or_default()
                        )),
                    }
                }
                if let Some(name) = s.keep {
                    let rejected_request = body["validation"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|v| v["location"][0] != "response");
                    let value = if rejected_request {
                        // Prism did not forward it: send it to the emulator directly.
                        direct(meta.family())
                            .call(meta, resolve(&s.params, &kept), CallOptions::default())
                            .await
                            .unwrap()
                            .value()
                    } else {
                        // Prism replaced the answer; the emulator's log has the real one.
                        let log = http
                            .get(format!("{}/__emulator/requests", emu.base_url))
                            .send()
                            .await
                            .unwrap()
                            .text()
                            .await
                            .unwrap();
                        let log: Value = serde_json::from_str(&log).unwrap();
                        serde_json::from_str(
                            log["requests"].as_array().and_then(|l| l.last()).unwrap()["response"]
                                .as_str()
                                .unwrap(),
                        )
                        .unwrap()
                    };
                    kept.insert(name.to_owned(), value);
                }
            }
            Err(other) => {
                let log = http
                    .get(format!("{}/__emulator/requests", emu.base_url))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                let last: Value = serde_json::from_str::<Value>(&log).unwrap()["requests"]
                    .as_array()
                    .and_then(|l| l.last().cloned())
                    .unwrap_or_default();
                // Prism cannot read an empty body labelled JSON, which is what Rails' `head :ok`
                // sends; the emulator's own answer must then be that empty 2xx.
                let empty_ok = matches!(&other, Error::Api(e) if e.body.contains("Unexpected end of JSON input"))
                    && matches!(
                        meta.response,
                        liveagent::core::endpoint::ResponseKind::Empty
                    )
                    && last["status"]
                        .as_u64()
                        .is_some_and(|st| (200..300).contains(&st))
                    && last["response"] == "";
                if empty_ok {
                    empty_bodies += 1;
                    continue;
                }
                panic!(
                    "{} failed outside Prism's checks: {other:?}\nthe emulator saw: {last}",
                    s.row
                )
            }
        }
    }

    let spec_rows: Vec<&str> = ENDPOINTS
        .iter()
        .filter(|m| matches!(m.source, Source::Spec(_)))
        .map(|m| m.name)
        .collect();
    let driven: Vec<&str> = plan.iter().map(|s| s.row).collect();
    let undriven: Vec<&&str> = spec_rows.iter().filter(|r| !driven.contains(r)).collect();
    assert!(
        undriven.is_empty(),
        "spec rows not driven through Prism: {undriven:?}"
    );
    let stale: Vec<&(&str, &str, &str)> = SPEC_DEFECTS
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(d, _)| d)
        .collect();
    assert!(
        violations.is_empty(),
        "{} violation(s) not explained by a spec defect:\n{}",
        violations.len(),
        violations.join("\n")
    );
    assert!(
        stale.is_empty(),
        "allow-listed defects that no longer occur: {stale:?}"
    );
    println!(
        "prism: {} spec operations driven; {} allow-listed spec defects; {empty_bodies} empty `head :ok` answers Prism cannot parse",
        driven.len(),
        SPEC_DEFECTS.len()
    );
}
