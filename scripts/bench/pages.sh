#!/usr/bin/env bash
# Table pages on the l demo shop (1M orders): p95 of 100 random sorted,
# filtered, searched pages beside the sqlite3 shell running the same SQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=.cache/bench/shop-l.db
if [ ! -f "$db" ]; then
  mkdir -p .cache/bench
  go run . demo --size l --db "$db" --now 2026-03-01T09:00:00Z >/dev/null
fi
SHOPCLERK_BENCH_DB="$PWD/$db" go test -tags bench -count=1 -run TestPageLatency ./backend/store/ -v 2>/dev/null | grep '^|'
