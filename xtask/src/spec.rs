//! The endpoint table against the upstream OpenAPI spec: `check-spec` and `coverage`.

use liveagent_core::ENDPOINTS;
use liveagent_core::endpoint::{EndpointMeta, Family, Source};
use serde_json::Value;
use std::collections::BTreeMap;

/// One operation of the spec.
struct Operation {
    method: String,
    path: String,
    tag: String,
}

/// Operation of the spec that names no real route (api-surface §1.3): no `/api/v1` prefix.
const BROKEN: &[&str] = &["getConversationMessages"];

fn load() -> Result<BTreeMap<String, Operation>, String> {
    let path = std::env::var("LIVEAGENT_SPEC")
        .map(Into::into)
        .unwrap_or_else(|_| crate::root().join("tests/spec/chatwoot-swagger.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let spec: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut ops = BTreeMap::new();
    for (path, item) in spec["paths"].as_object().ok_or("spec has no paths")? {
        for (method, op) in item.as_object().ok_or("bad path item")? {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            let id = op["operationId"]
                .as_str()
                .ok_or_else(|| format!("{method} {path}: no operationId"))?;
            let tag = op["tags"][0].as_str().unwrap_or("(none)").to_owned();
            ops.insert(
                id.to_owned(),
                Operation {
                    method: method.to_uppercase(),
                    path: path.clone(),
                    tag,
                },
            );
        }
    }
    Ok(ops)
}

/// `{anything}` → `{}`: rows may name path params better than the spec; positions must match.
fn shape(path: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                out.push_str("{}");
            }
            '}' => inside = false,
            _ if inside => {}
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn check() -> Result<(), String> {
    let ops = load()?;
    let mut problems = Vec::new();
    let mut used = BTreeMap::new();
    for meta in ENDPOINTS {
        let Source::Spec(id) = meta.source else {
            continue;
        };
        if let Some(other) = used.insert(id, meta.name) {
            problems.push(format!("{} and {other} both claim {id}", meta.name));
        }
        match ops.get(id) {
            None => problems.push(format!("{}: the spec has no operation {id}", meta.name)),
            Some(op) => {
                if op.method != meta.method.as_str() {
                    problems.push(format!(
                        "{}: method {} but {id} is {}",
                        meta.name,
                        meta.method.as_str(),
                        op.method
                    ));
                }
                if shape(&op.path) != shape(meta.path) {
                    problems.push(format!(
                        "{}: path {} but {id} is {}",
                        meta.name, meta.path, op.path
                    ));
                }
            }
        }
    }
    for meta in ENDPOINTS {
        if let Source::Route(route) = meta.source
            && let Some((id, _)) = ops.iter().find(|(_, op)| {
                op.method == meta.method.as_str() && shape(&op.path) == shape(meta.path)
            })
        {
            problems.push(format!(
                "{} (route {route}) is spec operation {id}: name it",
                meta.name
            ));
        }
    }
    if problems.is_empty() {
        println!(
            "check-spec: {} rows agree with the spec ({} name a spec operation)",
            ENDPOINTS.len(),
            used.len()
        );
        Ok(())
    } else {
        Err(format!(
            "{} disagreement(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        ))
    }
}

pub(crate) fn coverage() -> Result<(), String> {
    let ops = load()?;
    let covered: Vec<&str> = ENDPOINTS
        .iter()
        .filter_map(|m| {
            if let Source::Spec(id) = m.source {
                Some(id)
            } else {
                None
            }
        })
        .collect();
    println!("rows per API family:");
    for family in [Family::Account, Family::Platform, Family::Public] {
        let rows: Vec<&&EndpointMeta> = ENDPOINTS.iter().filter(|m| m.family() == family).collect();
        let spec = rows
            .iter()
            .filter(|m| matches!(m.source, Source::Spec(_)))
            .count();
        println!(
            "  {:<9} {:>4} rows ({spec} spec operations, {} routes beyond the spec)",
            family.as_str(),
            rows.len(),
            rows.len() - spec
        );
    }
    println!("  {:<9} {:>4} rows", "total", ENDPOINTS.len());
    let usable = ops.len() - BROKEN.len();
    println!(
        "spec operations covered: {} of {} ({:.0}%; {} of {usable} real ones, {} broken entry left out)",
        covered.len(),
        ops.len(),
        100.0 * covered.len() as f64 / ops.len() as f64,
        covered.len(),
        BROKEN.len()
    );
    let mut by_tag: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (id, op) in &ops {
        let entry = by_tag.entry(op.tag.as_str()).or_default();
        entry.1 += 1;
        if covered.contains(&id.as_str()) {
            entry.0 += 1;
        }
    }
    println!("by spec tag:");
    for (tag, (done, all)) in by_tag {
        println!("  {tag:<26} {done:>3} / {all}");
    }
    println!("rows beyond the spec, with their server routes:");
    for meta in ENDPOINTS {
        if let Source::Route(route) = meta.source {
            println!(
                "  {:<40} {} {}  ({route})",
                meta.name,
                meta.method.as_str(),
                meta.path
            );
        }
    }
    let gaps = crate::completeness::gaps()?;
    println!(
        "rows without a fixture: {}, without a request snapshot: {}, without an emulator route: {}",
        gaps.fixture.len(),
        gaps.snapshot.len(),
        gaps.route.len()
    );
    for (what, rows) in [
        ("fixture", &gaps.fixture),
        ("snapshot", &gaps.snapshot),
        ("emulator route", &gaps.route),
    ] {
        if !rows.is_empty() {
            return Err(format!("rows without a {what}: {rows:?}"));
        }
    }
    Ok(())
}
