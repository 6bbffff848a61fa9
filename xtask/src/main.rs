//! Project tasks: `cargo xtask <task>`.
//!
//! - `check-spec`: every row that names a spec operation matches its method and path.
//! - `coverage`: rows per API family, spec operations covered out of the total, and rows
//!   without a fixture, a request snapshot or an emulator route (any fails it).
//! - `no-io`: the core's dependency tree holds no IO crates, and a wasm module driving the
//!   core imports nothing.
//! - `codegen [--check]`: writes (or checks) `bindings/liveagent.d.ts` from the table.
//! - `size`: the gzip size of the browser package in `pkg/`, against its budget.

mod codegen;
mod completeness;
mod no_io;
mod size;
mod spec;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "check-spec" => spec::check(),
        "coverage" => spec::coverage(),
        "no-io" => no_io::check(),
        "codegen" => codegen::run(std::env::args().any(|a| a == "--check")),
        "size" => size::report(),
        _ => Err(
            "usage: cargo xtask <check-spec | coverage | no-io | codegen [--check] | size>"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}
