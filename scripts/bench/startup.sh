#!/usr/bin/env bash
# Cold start on the l demo shop: the production binary under Xvfb, from exec
# to the first dashboard served to the web view, and peak memory of the Go
# process and of the web view's processes. Reference: the same binary on the small
# (1k orders) demo shop, measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench-lib.sh
db=$(bench_l_db)
bin=build/bin/shopclerk
[ -x "$bin" ] || { echo "| cold start | $bin missing: run make build | | |"; exit 0; }
work=$(mktemp -d)
display=:96
Xvfb $display -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1

# peak_kb PID: VmHWM of a process and of all its descendants, summed.
peak_kb() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null) $(for c in $(pgrep -P "$1" 2>/dev/null); do pgrep -P "$c"; done); do
    total=$((total + $(awk '/VmHWM/{print $2}' /proc/$p/status 2>/dev/null || echo 0)))
  done
  echo $total
}

# start DB: prints "ms go_kb webview_kb" once the first dashboard was served.
start() {
  cp "$1" "$work/shop.db"
  local log=$work/app.log
  SHOPCLERK_NOW=2026-03-01T09:00:00Z DISPLAY=$display "$bin" --db "$work/shop.db" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 300); do grep -q "first dashboard served" "$log" && break; sleep 0.05; done
  sleep 2 # let the charts paint before reading peak memory
  local ms go_kb all_kb
  ms=$(sed -n 's/.*first dashboard served" ms=\([0-9]*\).*/\1/p' "$log" | head -1)
  go_kb=$(awk '/VmHWM/{print $2}' /proc/$pid/status)
  all_kb=$(peak_kb $pid)
  DISPLAY=$display import -window root "$work/shot.png" 2>/dev/null && cp "$work/shot.png" "${2:-/dev/null}" 2>/dev/null || true
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$work"/shop.db*
  echo "$ms $go_kb $((all_kb - go_kb))"
}


"$bin" demo --size s --db "$work/s.db" >/dev/null 2>&1 || true
read -r l_ms l_go l_web < <(start "$db" "test-artifacts/bench-startup-l.png")
read -r s_ms s_go s_web < <(start "$work/s.db")
echo "| cold start to dashboard served, l shop (1M orders) | ${l_ms} ms | s shop: ${s_ms} ms | < 2000 ms |"
echo "| peak memory at start, l shop: Go process / web view | $((l_go / 1024)) MB / $((l_web / 1024)) MB | s shop: $((s_go / 1024)) MB / $((s_web / 1024)) MB | |"
