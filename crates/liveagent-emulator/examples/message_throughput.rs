//! How fast the emulator takes messages as its store and request log fill up: creates 50,000
//! messages (or the count given as the first argument) in one conversation over loopback HTTP,
//! one request at a time, and prints the time and the rate at every tenth of the way.
//!
//! ```sh
//! cargo run --release -p liveagent-emulator --example message_throughput [-- 50000]
//! ```
//!
//! A flat rate column means the cost of a request does not grow with the requests served.

#![allow(clippy::unwrap_used, clippy::print_stdout)] // a benchmark: a failed unwrap ends it

use liveagent_emulator::{Options, start};
use serde_json::{Value, json};
use std::time::Instant;

#[tokio::main]
async fn main() {
    let total: usize = std::env::args()
        .nth(1)
        .map_or(50_000, |n| n.parse().expect("the message count"));
    let step = (total / 5).max(1);
    let emulator = start(Options::default()).await.unwrap();
    let token = emulator.info["tokens"]["admin"]
        .as_str()
        .unwrap()
        .to_owned();
    let account = &emulator.info["account_id"];
    let url = format!(
        "{}/api/v1/accounts/{account}/conversations/1/messages",
        emulator.base_url
    );
    let http = reqwest::Client::new();
    println!("messages  seconds  requests/s (last {step})  requests/s (overall)  RSS MiB");
    let started = Instant::now();
    let mut block = Instant::now();
    for n in 1..=total {
        let response = http
            .post(&url)
            .header("api_access_token", &token)
            .header("content-type", "application/json")
            .body(json!({ "content": format!("message {n}") }).to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "message {n}");
        response.bytes().await.unwrap();
        if n % step == 0 || n == total {
            let seconds = started.elapsed().as_secs_f64();
            let in_block = (n - 1) % step + 1;
            println!(
                "{n:>8}  {seconds:>7.2}  {:>22.0}  {:>20.0}  {:>7}",
                in_block as f64 / block.elapsed().as_secs_f64(),
                n as f64 / seconds,
                resident_mib().map_or_else(|| "?".to_owned(), |m| m.to_string()),
            );
            block = Instant::now();
        }
    }
    let log = http
        .get(format!("{}/__emulator/requests", emulator.base_url))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let log: Value = serde_json::from_slice(&log).unwrap();
    println!("{}", log_summary(&log));
    emulator.shutdown();
}

/// What the request log holds at the end.
fn log_summary(log: &Value) -> String {
    format!(
        "request log: {} entries kept (capacity {}), {} evicted",
        log["requests"].as_array().map_or(0, Vec::len),
        log["capacity"],
        log["evicted"],
    )
}

/// This process's resident memory (Linux), in MiB.
fn resident_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
