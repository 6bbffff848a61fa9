//! `liveagent-emulator [--host H] [--port N] [--seed] [--fault SPEC]... [--log-capacity N] [--log-body-limit BYTES] [--event-gateway URL] [--api-cors on|off]`
//!
//! `--api-cors off` (or `LIVEAGENT_EMULATOR_API_CORS=0`) answers `/api/*` without CORS headers,
//! as a server without `ENABLE_API_CORS` does; the default is on.
//!
//! Prints one JSON line (`base_url`, `account_id`, `inbox_identifier`, `tokens`) and serves until
//! interrupted.

use liveagent_emulator::{Options, start};
use std::io::Write;

const USAGE: &str = "usage: liveagent-emulator [--host 127.0.0.1] [--port 0] [--seed] [--fault 'METHOD /path kind=status status=429 retry_after=1 times=1']... [--log-capacity 10000] [--log-body-limit 65536] [--event-gateway http://...] [--api-cors on|off]";

fn options() -> Result<Options, String> {
    let mut options = Options {
        seed: false,
        ..Options::default()
    };
    if let Ok(value) = std::env::var("LIVEAGENT_EMULATOR_API_CORS") {
        options.api_cors = switch(&value, "LIVEAGENT_EMULATOR_API_CORS")?;
    }
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => options.seed = true,
            "--host" => options.host = args.next().ok_or("--host needs a value")?,
            "--port" => options.port = number(args.next(), "--port")?,
            "--fault" => options
                .faults
                .push(args.next().ok_or("--fault needs a value")?),
            "--log-capacity" => options.log_capacity = number(args.next(), "--log-capacity")?,
            "--log-body-limit" => options.log_body_limit = number(args.next(), "--log-body-limit")?,
            "--event-gateway" => {
                options.event_gateway = Some(args.next().ok_or("--event-gateway needs a URL")?);
            }
            "--api-cors" => {
                let value = args.next().ok_or("--api-cors needs on or off")?;
                options.api_cors = switch(&value, "--api-cors")?;
            }
            "--help" | "-h" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(options)
}

fn switch(value: &str, flag: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "on" | "true" | "yes" => Ok(true),
        "0" | "off" | "false" | "no" => Ok(false),
        _ => Err(format!("{flag} needs on or off")),
    }
}

fn number<T: std::str::FromStr>(value: Option<String>, flag: &str) -> Result<T, String> {
    value
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("{flag} needs a number"))
}

#[tokio::main]
async fn main() {
    let running = match options() {
        Ok(options) => start(options).await,
        Err(e) => Err(e),
    };
    let running = match running {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", running.info);
    let _ = out.flush();
    drop(out);
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = async { match &mut term { Some(t) => { t.recv().await; } None => std::future::pending().await } } => {}
    }
    running.shutdown();
}
