//! Proof that the core performs no IO: its dependency tree holds no IO crates, and a wasm
//! module that drives every part of it imports nothing from its host.

use std::process::Command;

/// Crates that would mean IO, an async runtime or a binding in the core.
const FORBIDDEN: &[&str] = &[
    "tokio",
    "reqwest",
    "hyper",
    "mio",
    "wasm-bindgen",
    "js-sys",
    "web-sys",
    "napi",
    "getrandom",
];

pub(crate) fn check() -> Result<(), String> {
    let tree = run(Command::new("cargo").args([
        "tree",
        "-p",
        "liveagent-core",
        "-e",
        "normal",
        "--prefix",
        "none",
        "--locked",
    ]))?;
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let found: Vec<&str> = crates
        .iter()
        .copied()
        .filter(|c| FORBIDDEN.contains(c))
        .collect();
    if !found.is_empty() {
        return Err(format!("liveagent-core depends on {found:?}"));
    }
    let mut unique = crates.clone();
    unique.sort_unstable();
    unique.dedup();
    println!(
        "no-io: liveagent-core's dependencies: {}",
        unique.join(", ")
    );

    run(Command::new("cargo").args([
        "build",
        "-p",
        "liveagent-noio-probe",
        "--target",
        "wasm32-unknown-unknown",
        "--release",
        "--locked",
    ]))?;
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(Into::into)
        .unwrap_or_else(|_| crate::root().join("target"));
    let wasm = target.join("wasm32-unknown-unknown/release/liveagent_noio_probe.wasm");
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let imports = imports(&bytes)?;
    if !imports.is_empty() {
        return Err(format!("the core's wasm module imports {imports:?}"));
    }
    println!(
        "no-io: the wasm module driving the core ({} bytes) imports nothing",
        bytes.len()
    );
    Ok(())
}

fn run(command: &mut Command) -> Result<String, String> {
    let out = command.output().map_err(|e| format!("{command:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{command:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The `module.name` pairs of a wasm module's import section.
fn imports(wasm: &[u8]) -> Result<Vec<String>, String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a wasm module".into());
    }
    let mut pos = 8;
    let mut found = Vec::new();
    while pos < wasm.len() {
        let id = wasm[pos];
        pos += 1;
        let size = leb(wasm, &mut pos)? as usize;
        let end = pos + size;
        if id == 2 {
            let count = leb(wasm, &mut pos)?;
            for _ in 0..count {
                let module = name(wasm, &mut pos)?;
                let field = name(wasm, &mut pos)?;
                found.push(format!("{module}.{field}"));
                // The import's description: kind byte, then a kind-specific payload.
                let kind = *wasm.get(pos).ok_or("truncated import")?;
                pos += 1;
                match kind {
                    0 => {
                        leb(wasm, &mut pos)?;
                    }
                    1 => {
                        pos += 1;
                        limits(wasm, &mut pos)?;
                    }
                    2 => limits(wasm, &mut pos)?,
                    3 => pos += 2,
                    4 => {
                        pos += 1;
                        leb(wasm, &mut pos)?;
                    }
                    other => return Err(format!("unknown import kind {other}")),
                }
            }
        }
        pos = end;
    }
    Ok(found)
}

fn limits(wasm: &[u8], pos: &mut usize) -> Result<(), String> {
    let flags = *wasm.get(*pos).ok_or("truncated limits")?;
    *pos += 1;
    leb(wasm, pos)?;
    if flags & 1 == 1 {
        leb(wasm, pos)?;
    }
    Ok(())
}

fn name(wasm: &[u8], pos: &mut usize) -> Result<String, String> {
    let len = leb(wasm, pos)? as usize;
    let bytes = wasm.get(*pos..*pos + len).ok_or("truncated name")?;
    *pos += len;
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

fn leb(wasm: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *wasm.get(*pos).ok_or("truncated LEB128")?;
        *pos += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
        shift += 7;
        if shift > 63 {
            return Err("LEB128 too long".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::imports;

    #[test]
    fn finds_imports_and_accepts_modules_without_them() {
        // (module (import "env" "now" (func)) (memory 1))
        let with = b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0\x02\x0b\x01\x03env\x03now\x00\x00\x05\x03\x01\x00\x01";
        assert_eq!(imports(with).unwrap(), ["env.now"]);
        let without = b"\0asm\x01\0\0\0\x05\x03\x01\x00\x01";
        assert!(imports(without).unwrap().is_empty());
        assert!(imports(b"not wasm").is_err());
    }
}
