//! Benchmark (prints figures; run by `scripts/bench`): the one-pass normalizer against
//! `serde_json::from_slice::<Value>` on the same body, and the typed decode that follows it in
//! the native client. Takes the body file and the endpoint's name:
//!
//! ```sh
//! cargo run --release -p liveagent-core --example normalize_bench -- page.json listConversations
//! ```

use liveagent_core::endpoint::{ResponseKind, find};
use liveagent_core::models::ConversationList;
use liveagent_core::normalize::normalize_response;
use std::hint::black_box;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .ok_or("usage: normalize_bench BODY.json ENDPOINT")?;
    let name = args.next().unwrap_or_else(|| "listConversations".into());
    let body = std::fs::read(&file)?;
    let (_, meta) = find(&name).ok_or("no such endpoint")?;
    let ResponseKind::Json(shape) = meta.response else {
        return Err("not a JSON endpoint".into());
    };
    let iterations = 400;
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..iterations {
            f();
        }
        start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations)
    };
    let (mut tree, mut one_pass, mut typed) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        tree.push(time(&|| {
            black_box(serde_json::from_slice::<serde_json::Value>(&body).ok());
        }));
        one_pass.push(time(&|| {
            black_box(normalize_response(&body, shape).ok());
        }));
        typed.push(time(&|| {
            let normalized = normalize_response(&body, shape).ok();
            let json = normalized.map(|n| n.json).unwrap_or_default();
            black_box(serde_json::from_str::<ConversationList>(&json).ok());
        }));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (tree, one_pass, typed) = (median(&mut tree), median(&mut one_pass), median(&mut typed));
    println!(
        "{name}, {:.1} KiB body, medians of 5 rounds of {iterations}:",
        body.len() as f64 / 1024.0
    );
    println!("  serde_json::from_slice::<Value>      {tree:8.1} µs");
    println!(
        "  normalize_response (one pass)        {one_pass:8.1} µs  ({:.2}× from_slice::<Value>)",
        one_pass / tree
    );
    if name == "listConversations" {
        println!(
            "  normalize + typed ConversationList   {typed:8.1} µs  ({:.2}× from_slice::<Value>)",
            typed / tree
        );
    }
    Ok(())
}
