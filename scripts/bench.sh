#!/usr/bin/env bash
# Prints one table: each figure Shopclerk measures beside a reference measured
# in the same run. Each scripts/bench/<area>.sh prints its own rows.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "| what | shopclerk | reference | target |"
echo "|---|---|---|---|"
for b in scripts/bench/*.sh; do
  [ -e "$b" ] || continue
  bash "$b" || echo "| $(basename "$b" .sh) | failed (exit $?) | | |"
done
