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
}
