#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): moves trunk's inline boot script into a hashed file so the
# Content-Security-Policy needs no 'unsafe-inline', and registers the service worker from it.
# The page may be minified (unquoted attributes) in release builds.
# perl is part of every Debian system (perl-base), so no extra tool is needed.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
html="$dir/index.html"
boot="$(perl -0ne 'print $1 if m{<script type="?module"?>\s*(.*?)</script>}s' "$html")"
[ -n "$boot" ] || { echo "post-build: no inline boot script in index.html" >&2; exit 1; }
boot="$boot
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
"
hash="$(printf '%s' "$boot" | sha256sum | cut -c1-16)"
printf '%s' "$boot" > "$dir/boot-$hash.js"
BOOT="boot-$hash.js" perl -0pi -e 's{<script type="?module"?>\s*.*?</script>}{<script type="module" src="./$ENV{BOOT}"></script>}s' "$html"
