# Shared by the scripts: strict mode, timed steps, tool installs that are no-ops when present.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() {
  local name=$1
  shift
  local start=$SECONDS
  printf '\n== %s\n' "$name"
  "$@"
  printf -- '-- %s: %ss\n' "$name" "$((SECONDS - start))"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  # The shipped module is built by nightly from std's source (build_wasm_module).
  cargo +nightly --version >/dev/null || { echo "the wasm package needs the nightly toolchain" >&2; return 1; }
  rustup +nightly component list --installed | grep -qx rust-src || rustup component add rust-src --toolchain nightly
}

# esbuild and binaryen's wasm-opt for scripts/build-wasm, pinned in scripts/tools/package.json
# (binaryen 132 takes 0.2 KB gzip more off the module than Debian's 108).
ensure_build_tools() {
  [ -x scripts/tools/node_modules/.bin/esbuild ] && [ -x scripts/tools/node_modules/.bin/wasm-opt ] ||
    npm ci --prefix scripts/tools --no-audit --no-fund --loglevel=error
}

wasm_opt() {
  scripts/tools/node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" "$@"
}

# Builds the shipped wasm module (liveagent_wasm.wasm, profile wasm-release) with the given cargo
# arguments (features). Nightly rebuilds std with the rest, with panics that trap at once: no
# panic message, location or formatting machinery is linked. Nothing is lost by it: without a
# panic hook, wasm32-unknown-unknown prints a panic nowhere, and the call fails as a trap either
# way. It takes about 11 KB gzip off the module (cargo xtask size).
build_wasm_module() {
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    cargo +nightly build -Zbuild-std=std,panic_abort -p liveagent-wasm \
    --target wasm32-unknown-unknown --profile wasm-release --locked "$@"
}

WASM_BINDGEN_VERSION=0.2.129
WASM_OPT_FLAGS=(-Os --enable-bulk-memory --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue)

ensure_apt_packages() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    return
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
}

ensure_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked
  fi
}

CARGO_FUZZ_VERSION=0.13.2

# cargo-fuzz for scripts/fuzz; the nightly toolchain it drives comes with our machines.
ensure_cargo_fuzz() {
  cargo +nightly --version >/dev/null || { echo "scripts/fuzz needs the nightly toolchain" >&2; return 1; }
  if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  fi
}

# The Node addon is linked against glibc 2.17 by Zig (through cargo-zigbuild), so that it loads
# on every glibc from 2.17 on, not only on the glibc of the machine that built it: RHEL 8, Debian
# 11, Ubuntu 20.04, and Amazon Linux 2 or RHEL 7 with a Node built for glibc 2.17 (Node's own
# builds need 2.28). tests/js/addon-glibc.test.js checks.
ADDON_TARGET=x86_64-unknown-linux-gnu.2.17
ZIGLANG_VERSION=0.15.2
CARGO_ZIGBUILD_VERSION=0.24.1

# Zig from PyPI's ziglang package: `python3 -m ziglang` is the zig binary, where cargo-zigbuild
# looks for it when no zig is on PATH.
ensure_zig() {
  if [ "$(python3 -m ziglang version 2>/dev/null || true)" != "$ZIGLANG_VERSION" ]; then
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "ziglang==$ZIGLANG_VERSION"
  fi
}

ensure_cargo_zigbuild() {
  if [ "$(cargo-zigbuild --version 2>/dev/null || true)" != "cargo-zigbuild $CARGO_ZIGBUILD_VERSION" ]; then
    cargo install cargo-zigbuild --version "$CARGO_ZIGBUILD_VERSION" --locked
  fi
}

target_dir() {
  echo "${CARGO_TARGET_DIR:-$PWD/target}"
}

# Starts the seeded emulator in the background (stopped when the script exits) and exports its
# startup line as LIVEAGENT_EMULATOR_INFO and its base URL as LIVEAGENT_EMULATOR_URL. Takes the
# profile to run (default: LIVEAGENT_EMULATOR_BIN if set, else the debug build).
start_emulator() {
  local out bin
  out=$(mktemp)
  if [ -n "${1:-}" ]; then bin="$(target_dir)/$1/liveagent-emulator"; else bin="${LIVEAGENT_EMULATOR_BIN:-$(target_dir)/debug/liveagent-emulator}"; fi
  setsid "$bin" --seed --port 0 >"$out" &
  EMULATOR_PID=$!
  trap 'kill -- -"$EMULATOR_PID" 2>/dev/null || true; rm -f "'"$out"'"' EXIT
  for _ in $(seq 1 100); do
    [ -s "$out" ] && break
    sleep 0.1
  done
  LIVEAGENT_EMULATOR_INFO=$(head -1 "$out")
  LIVEAGENT_EMULATOR_URL=$(sed -n 's/.*"base_url":"\([^"]*\)".*/\1/p' <<<"$LIVEAGENT_EMULATOR_INFO")
  [ -n "$LIVEAGENT_EMULATOR_URL" ] || { echo "the emulator did not start" >&2; return 1; }
  export LIVEAGENT_EMULATOR_INFO LIVEAGENT_EMULATOR_URL
}

# wasm-bindgen-test in Node and headless Chromium: the wasm shell's call machine (no server needed).
wasm_tests() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test -p liveagent-wasm --target wasm32-unknown-unknown --locked
}

# The TypeScript usage checks: the shipped declarations in a browser project (DOM lib), a Node
# project (@types/node, no DOM) and a Cloudflare Worker project (@cloudflare/workers-types).
typecheck() {
  local project
  for project in tests/js/types tests/js/types/node tests/js/types/worker; do
    tests/js/node_modules/.bin/tsc -p "$project"
  done
}
