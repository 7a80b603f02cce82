#!/usr/bin/env bash
# Automations over the l demo shop (1M orders, 100k customers, 20k SKUs):
# every ready-made flow switched on, then
#   - the first plan (shopclerk run --dry-run): detection of every customer's
#     consent and tags, and each flow's trigger window;
#   - a real run with everything approved (--confirm: the seller ticked the
#     big flows and the late items too);
#   - a run with nothing new since the last one (the schedule's next tick).
# Wall time and peak memory per step. Reference, measured in the same run:
# the sqlite3 shell doing the same trigger-window range queries over the
# same file (the floor any engine pays for reading the facts).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench-lib.sh
[ -x /usr/bin/time ] || { sudo apt-get install -y -qq time >/dev/null 2>&1 || apt-get install -y -qq time >/dev/null; }
bin=/tmp/shopclerk-bench-rules
go build -o "$bin" .
src=$(bench_l_db)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/shop.db"
now=2026-03-01T09:00:00Z

# step NAME ARGS...: runs shopclerk, prints "seconds peak_mb cpu_seconds"
# (cpu = user + sys: on a shared machine the figure to compare).
step() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -v "$bin" run --db "$work/shop.db" --now "$now" --json "$@" >"$work/$name.json" 2>"$work/$name.time"
  t1=$(date +%s%N)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", (b-a)/1e9}') $(awk '/Maximum resident set size/{print int($NF/1024)}' "$work/$name.time") $(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.2f", s}' "$work/$name.time")"
}

# The migration to the rules schema (indexes on 1M orders) happens on the
# first open; do it apart so it does not count as planning.
"$bin" run --db "$work/shop.db" --now "$now" --json --dry-run >/dev/null
read -r plan_s plan_mb plan_cpu < <(step plan --install-templates --dry-run)
items=$(grep -oE '"items": [0-9]+' "$work/plan.json" | tail -1 | grep -oE '[0-9]+$')
flows=$(grep -c '"skipped"' "$work/plan.json")
read -r run_s run_mb run_cpu < <(step run --confirm)
done_n=$(grep -o '"done": [0-9]*' "$work/run.json" | head -1 | grep -o '[0-9]*$')
read -r again_s again_mb again_cpu < <(step again)
again_n=$(grep -o '"done": [0-9]*' "$work/again.json" | head -1 | grep -o '[0-9]*$')

# Reference: the trigger windows as plain range queries in the sqlite3 shell.
n=$(date -d "$now" +%s)
w=$((n - 73 * 3600))
ref_t0=$(date +%s%N)
/usr/bin/sqlite3 "$work/shop.db" >/dev/null <<SQL
SELECT count(*) FROM orders WHERE paid_at BETWEEN $w AND $n;
SELECT count(*) FROM orders WHERE created_at BETWEEN $((w - 7*86400)) AND $((n - 7*86400)) AND financial_status = 'pending';
SELECT count(*) FROM orders WHERE cancelled_at BETWEEN $w AND $n;
SELECT count(*) FROM carts c WHERE updated_at BETWEEN $((w - 72*3600)) AND $n AND recovered_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.email = c.email AND o.created_at >= c.updated_at);
SELECT count(*) FROM customers WHERE last_order_at BETWEEN $((w - 224*86400)) AND $((n - 180*86400));
SELECT count(*) FROM shipments WHERE delivered_at BETWEEN $((w - 30*86400)) AND $((n - 30*86400));
SELECT count(*) FROM stock_changes WHERE at BETWEEN $w AND $n;
SELECT count(*) FROM customers WHERE birthday <> '' AND substr(birthday, -5) = '03-01';
SELECT id, accepts_marketing, tags FROM customers;
SQL
ref_t1=$(date +%s%N)
ref_s=$(awk -v a="$ref_t0" -v b="$ref_t1" 'BEGIN{printf "%.2f", (b-a)/1e9}')

echo "| automations: first plan of all $flows ready-made flows, l shop ($items items, peak ${plan_mb} MB, CPU ${plan_cpu} s) | ${plan_s} s | ${ref_s} s (sqlite3 trigger-window queries) | < 10 s |"
echo "| automations: run ($done_n actions, peak ${run_mb} MB, CPU ${run_cpu} s) | ${run_s} s | ${ref_s} s (same queries) | < 10 s |"
echo "| automations: run with nothing new ($again_n actions, peak ${again_mb} MB, CPU ${again_cpu} s) | ${again_s} s | ${ref_s} s (same queries) | < 1 s |"
