//! Every fixture parses in strict mode (no drift) and into its Rust model; every endpoint that
//! returns JSON has a fixture; every fixture names its source.

use crate::support::{response, row};
use liveagent_core::endpoint::ResponseKind;
use liveagent_core::response::parse_response;
use liveagent_core::{ENDPOINTS, ParseMode};
#[allow(unused_imports)]
use liveagent_core::{api::*, models::*};
use std::path::{Path, PathBuf};

pub(crate) fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every response fixture under the fixtures folder, as (relative path, endpoint name). The
/// webhook deliveries under `events/` are no responses (`events.rs` reads them).
pub(crate) fn fixtures() -> Vec<(String, String)> {
    fixtures_in(&fixtures_dir())
        .into_iter()
        .filter(|(file, _)| !file.starts_with("events/"))
        .collect()
}

/// Every `.json` under `root`, as (relative path, endpoint name).
pub(crate) fn fixtures_in(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let root = root.to_path_buf();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixtures dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let rel = path
                    .strip_prefix(&root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/");
                let stem = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.split('.').next())
                    .expect("name");
                out.push((rel, stem.to_owned()));
            }
        }
    }
    out.sort();
    out
}

macro_rules! typed_checks {
    ($(
        $name:ident $params:ident ($resp:ty) [$($doc:literal)*] $method:ident $path:literal
            $rest:tt
    )*) => {
        /// Deserializes a normalized body into the row's Rust response type.
        pub(crate) fn typed(name: &str, value: serde_json::Value) -> Result<(), String> {
            match name {
                $(stringify!($name) => serde_json::from_value::<$resp>(value).map(|_| ()).map_err(|e| e.to_string()),)*
                other => Err(format!("no row {other}")),
            }
        }
    };
}
liveagent_core::for_each_endpoint!(typed_checks);

#[test]
fn every_fixture_parses_strictly_and_into_its_rust_model() {
    let all = fixtures();
    assert!(all.len() >= 60, "found only {} fixtures", all.len());
    for (file, name) in &all {
        let meta = row(name);
        let body = std::fs::read_to_string(fixtures_dir().join(file)).expect("read fixture");
        let parsed = parse_response(meta, ParseMode::Strict, &response(200, &body), None)
            .unwrap_or_else(|e| panic!("{file}: {e}\n{e:?}"));
        typed(name, parsed.value().clone()).unwrap_or_else(|e| panic!("{file}: typed: {e}"));
        // Normalizing is idempotent: the output normalizes to itself. Its only drift is that
        // fields the view sends as ISO strings now hold epoch seconds.
        let again = parse_response(meta, ParseMode::Lenient, &response(200, &parsed.json), None)
            .unwrap_or_else(|e| panic!("{file}: re-parse: {e}"));
        assert_eq!(again.value(), parsed.value(), "{file}");
        for drift in &again.drift.entries {
            assert!(
                drift
                    .to_string()
                    .contains("expected timestamp (ISO-8601), found number"),
                "{file}: {drift}"
            );
        }
    }
}

#[test]
fn every_json_endpoint_has_a_fixture() {
    let names: Vec<String> = fixtures().into_iter().map(|(_, n)| n).collect();
    let missing: Vec<&str> = ENDPOINTS
        .iter()
        .filter(|m| matches!(m.response, ResponseKind::Json(_)))
        .filter(|m| !names.iter().any(|n| n == m.name))
        .map(|m| m.name)
        .collect();
    assert!(missing.is_empty(), "rows without a fixture: {missing:?}");
}

#[test]
fn every_fixture_names_its_source() {
    let sources = std::fs::read_to_string(fixtures_dir().join("SOURCES.md")).expect("SOURCES.md");
    for (file, _) in fixtures() {
        let line = sources
            .lines()
            .find(|l| l.starts_with(&format!("| `{file}` |")));
        let line = line.unwrap_or_else(|| panic!("{file} has no line in SOURCES.md"));
        assert!(
            line.contains(".jbuilder") || line.contains("Controller#") || line.contains(" table"),
            "{file}: no view, controller or documented table named"
        );
    }
}

#[test]
fn normalized_values_follow_the_sdk_conventions() {
    let body =
        std::fs::read_to_string(fixtures_dir().join("conversations/list_conversations.json"))
            .unwrap();
    let parsed = parse_response(
        row("list_conversations"),
        ParseMode::Strict,
        &response(200, &body),
        None,
    )
    .unwrap();
    let first = &parsed.value()["data"]["payload"][0];
    // Integer message types become names; ISO timestamps become epoch seconds.
    assert_eq!(first["messages"][0]["message_type"], "outgoing");
    assert!(first["messages"][0]["updated_at"].is_number());
    // Absent conditional keys are filled with null.
    assert!(
        first["meta"]
            .get("team")
            .is_some_and(serde_json::Value::is_null)
    );
    let typed: ConversationList = serde_json::from_value(parsed.value()).unwrap();
    assert_eq!(typed.data.payload.len(), 3);
    let first = &typed.data.payload[0];
    assert!(matches!(
        first.meta().and_then(|m| m.assignee.as_ref()),
        Some(Assignee::Bot(_))
    ));
    assert!(matches!(
        first.messages[0].sender,
        Some(MessageSender::AgentBot(_))
    ));
    assert_eq!(first.status(), Some(&ConversationStatus::Pending));
}
