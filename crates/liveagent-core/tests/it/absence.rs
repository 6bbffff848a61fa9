//! Lenient about absence: removing any one key of any fixture, or setting it to `null`, never
//! fails a lenient call, except for a record's `id` and the key that carries a listing's items,
//! which fail with a `DECODE` naming that key. The result still decodes into its Rust model.
//! Older servers' fixtures (`tests/fixtures-older`) parse the same way.

use crate::fixtures::{fixtures, fixtures_dir, fixtures_in, typed};
use crate::support::{response, row};
use liveagent_core::response::parse_response;
use liveagent_core::{Error, ParseMode};
use serde_json::Value;
use std::collections::BTreeMap;

/// One step of a path into a JSON value.
#[derive(Clone, Debug)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// The path as the SDK renders it (`$.data.payload[0].id`).
pub(crate) fn render(path: &[Step]) -> String {
    let mut out = String::from("$");
    for step in path {
        match step {
            Step::Key(k)
                if !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
            {
                out.push('.');
                out.push_str(k);
            }
            Step::Key(k) => out.push_str(&format!("[{}]", Value::from(k.as_str()))),
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Every key of `value`, once per distinct path with list indexes left out (the first place
/// each occurs), as concrete paths.
pub(crate) fn key_paths(value: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, path: &mut Vec<Step>, seen: &mut BTreeMap<String, Vec<Step>>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    path.push(Step::Key(key.clone()));
                    let general: String = path
                        .iter()
                        .map(|s| match s {
                            Step::Key(k) => format!(".{k}"),
                            Step::Index(_) => "[]".to_owned(),
                        })
                        .collect();
                    seen.entry(general).or_insert_with(|| path.clone());
                    walk(child, path, seen);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    walk(child, path, seen);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut seen = BTreeMap::new();
    walk(value, &mut Vec::new(), &mut seen);
    seen.into_values().collect()
}

/// The object holding the last key of `path`, and that key.
pub(crate) fn parent<'a>(
    root: &'a mut Value,
    path: &[Step],
) -> (&'a mut serde_json::Map<String, Value>, String) {
    let (last, init) = path.split_last().expect("a key path");
    let mut node = root;
    for step in init {
        node = match step {
            Step::Key(k) => node.get_mut(k).expect("path exists"),
            Step::Index(i) => node.get_mut(*i).expect("path exists"),
        };
    }
    let Step::Key(key) = last else {
        panic!("key paths end in a key")
    };
    (node.as_object_mut().expect("an object"), key.clone())
}

/// Keys whose absence may fail a call: a record's id, and the keys that carry a listing's
/// items (or the envelope on the way to them). One list for this test and the JS one.
fn may_fail() -> Vec<String> {
    let text = include_str!("../../../../tests/absence-keys.json");
    let list: Value = serde_json::from_str(text).expect("absence-keys.json");
    serde_json::from_value(list["keys"].clone()).expect("a list of keys")
}

#[derive(Default)]
struct Tally {
    mutations: usize,
    refused: usize,
    failures: Vec<String>,
}

fn check(tally: &mut Tally, file: &str, name: &str, body: &Value, path: &[Step], remove: bool) {
    let mut mutated = body.clone();
    let (object, key) = parent(&mut mutated, path);
    if remove {
        object.remove(&key);
    } else {
        object.insert(key.clone(), Value::Null);
    }
    tally.mutations += 1;
    let what = format!(
        "{file}: {} {}",
        if remove { "without" } else { "null at" },
        render(path)
    );
    match parse_response(
        row(name),
        ParseMode::Lenient,
        &response(200, &mutated.to_string()),
        None,
    ) {
        Ok(parsed) => {
            if let Err(e) = typed(name, parsed.value()) {
                tally
                    .failures
                    .push(format!("{what}: the Rust model refused it: {e}"));
            }
        }
        Err(Error::Decode(e)) if may_fail().contains(&key) && e.path == render(path) => {
            tally.refused += 1;
        }
        Err(e) => tally.failures.push(format!("{what}: {e}")),
    }
}

#[test]
fn no_single_absent_or_null_key_fails_a_lenient_call() {
    let mut tally = Tally::default();
    for (file, name) in fixtures() {
        let text = std::fs::read_to_string(fixtures_dir().join(&file)).expect("fixture");
        let body: Value = serde_json::from_str(&text).expect("fixture JSON");
        for path in key_paths(&body) {
            check(&mut tally, &file, &name, &body, &path, true);
            check(&mut tally, &file, &name, &body, &path, false);
        }
    }
    println!(
        "{} mutations, {} refused (ids and listing keys), {} failures",
        tally.mutations,
        tally.refused,
        tally.failures.len()
    );
    assert!(
        tally.mutations > 1_000,
        "only {} mutations",
        tally.mutations
    );
    assert!(tally.refused > 0, "a record without its id must be refused");
    assert!(tally.failures.is_empty(), "{:#?}", tally.failures);
}

#[test]
fn a_record_without_its_id_and_a_listing_without_its_items_fail_naming_the_key() {
    let no_id = r#"[{"title": "billing", "description": null}]"#;
    let Err(Error::Decode(e)) = parse_response(
        row("list_labels"),
        ParseMode::Lenient,
        &response(200, &format!(r#"{{"payload": {no_id}}}"#)),
        None,
    ) else {
        panic!("a label without id must fail")
    };
    assert_eq!(e.path, "$.payload[0].id");
    for body in [r#"{"meta": {}}"#, r#"{"payload": {"a": 1}}"#] {
        let Err(Error::Decode(e)) = parse_response(
            row("list_labels"),
            ParseMode::Lenient,
            &response(200, body),
            None,
        ) else {
            panic!("{body} must fail")
        };
        assert_eq!(e.path, "$.payload", "{body}");
    }
    let Err(Error::Decode(e)) = parse_response(
        row("get_conversation"),
        ParseMode::Lenient,
        &response(200, "\"ok\""),
        None,
    ) else {
        panic!("an object endpoint that answered a string must fail")
    };
    assert_eq!(e.path, "$");
}

#[test]
fn older_servers_fixtures_parse_leniently_and_into_their_rust_models() {
    let root = fixtures_dir().join("../fixtures-older");
    let all = fixtures_in(&root);
    assert!(all.len() >= 20, "found only {} older fixtures", all.len());
    let sources = std::fs::read_to_string(root.join("SOURCES.md")).expect("SOURCES.md");
    for (file, name) in &all {
        assert!(
            sources.contains(&format!("`{file}`")),
            "{file} has no line in SOURCES.md"
        );
        let text = std::fs::read_to_string(root.join(file)).expect("fixture");
        let parsed = parse_response(row(name), ParseMode::Lenient, &response(200, &text), None)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        typed(name, parsed.value()).unwrap_or_else(|e| panic!("{file}: typed: {e}"));
        // The same body in strict mode names every drift, and there is some: these servers
        // lack fields the documented shape has.
        match parse_response(row(name), ParseMode::Strict, &response(200, &text), None) {
            Err(Error::Decode(e)) => assert!(!e.drift.is_empty(), "{file}"),
            Ok(_) => {}
            Err(e) => panic!("{file}: strict: {e}"),
        }
    }
}
