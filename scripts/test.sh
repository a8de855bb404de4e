#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test: formatting, clippy (native and wasm32),
# native unit + integration tests, wasm-bindgen tests in headless Chromium, the release build with
# its size budget, and end-to-end tests driving Chromium over WebDriver against dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR=never

step() { printf '\n\033[1m=== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests (unit, integration, property)"
cargo test

step "wasm-bindgen tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test web

step "release build (dist/)"
trunk build --release --offline

step "size budget"
bash scripts/size.sh

step "end-to-end tests in headless Chromium"
UEW_DIST="$PWD/dist" cargo test --test e2e -- --ignored --test-threads=1
