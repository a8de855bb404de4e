#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs. Idempotent: each tool is skipped when
# it is already present at the pinned version. Everything comes from crates.io, npm or Debian;
# nothing downloads a prebuilt binary at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
BINARYEN_VERSION=132         # must equal `wasm_opt` in Trunk.toml
AXE_CORE_VERSION=4.10.3      # the accessibility check of the e2e (tests/e2e/a11y.rs)

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_updated=false
apt_install() {
  if ! $apt_updated; then apt-get update -qq; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if $want_test; then
  for c in clippy rustfmt; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  log "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Without --locked: the published lock file of 0.2.130 names a yanked crate.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt from npm's binaryen (Debian's binaryen 108 emits modules that fail at run time).
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  command -v npm >/dev/null || { log "npm missing: installing Debian's nodejs and npm"; apt_install nodejs npm; }
  log "installing binaryen $BINARYEN_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-save --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi

if $want_test; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  # The OASIS CAP 1.2 schema check of the bulletin export (needs python3 for pip; skipped, and
  # said so by the test, where it is missing).
  if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
    bash scripts/cap-xsd.sh || log "CAP schema check unavailable; the test says so and goes on"
  fi
  # axe-core, injected by the e2e accessibility check into every page. Its own prefix, so that
  # npm never prunes binaryen (installed without a package.json) to make room for it.
  if ! grep -qs "\"version\": \"$AXE_CORE_VERSION\"" .tools/axe/node_modules/axe-core/package.json; then
    command -v npm >/dev/null || { log "npm missing: installing Debian's nodejs and npm"; apt_install nodejs npm; }
    log "installing axe-core $AXE_CORE_VERSION from npm into .tools/axe/"
    mkdir -p .tools/axe
    npm install --prefix .tools/axe --no-save --no-audit --no-fund "axe-core@$AXE_CORE_VERSION" >/dev/null
  fi
  # pdftotext/pdftoppm read the printed PDFs of the print tests (bulletin, exercise mark).
  if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    log "installing Debian's poppler-utils"
    apt_install poppler-utils
  fi
  # Chinese glyphs for screenshots and print tests (office PCs have their own CJK fonts).
  if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    log "installing Debian's fonts-noto-cjk"
    apt_install fonts-noto-cjk
  fi
fi
log "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
