#!/usr/bin/env bash
# Table pages on the l demo shop (1M orders): p95 of 100 random sorted,
# filtered, searched pages beside the sqlite3 shell running the same SQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench-lib.sh
db=$(bench_l_db)
SHOPCLERK_BENCH_DB="$db" go test -tags bench -count=1 -run TestPageLatency ./backend/store/ -v 2>/dev/null | grep '^|'
