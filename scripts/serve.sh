#!/usr/bin/env bash
# Sets up what is missing, then serves the app (with its embedded sample data) on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# No autoreload: its inline script would be refused by the Content-Security-Policy.
exec trunk serve --release --offline --no-autoreload --public-url / "$@"
