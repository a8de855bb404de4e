#!/usr/bin/env bash
# Prints the gzip size of everything the browser downloads from dist/ and fails above the budget
# in scripts/size-budget.txt (bytes, gzip -9). The workbook worker (xlsx_worker*) is fetched only
# when a workbook is read or written, so it is reported on its own line, outside the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(grep -v '^#' scripts/size-budget.txt | tr -d '[:space:]')
total=0
worker=0
printf '%-48s %10s %10s\n' "file (dist/)" "raw" "gzip"
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  case "${f#dist/}" in
    xlsx_worker*) worker=$((worker + gz)) ;;
    *) total=$((total + gz)) ;;
  esac
  printf '%-48s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done < <(find dist -type f | sort)
printf '%-48s %10s %10d  (budget %d)\n' "total (first download)" "" "$total" "$budget"
printf '%-48s %10s %10d  (on first workbook use)\n' "workbook worker" "" "$worker"
if [ "$total" -gt "$budget" ]; then
  echo "size budget exceeded: $total > $budget bytes gzip" >&2
  exit 1
fi
