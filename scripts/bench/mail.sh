#!/usr/bin/env bash
# Outbox sending (10k messages to an in-process SMTP server) beside a bare
# go-smtp client loop in the same run; inbox sync of 50k messages.
set -euo pipefail
cd "$(dirname "$0")/../.."
metric() { grep -o "[0-9.]* $1" <<<"$2" | head -1 | cut -d' ' -f1; }
out=$(go test -run '^$' -bench BenchmarkSend10k -benchtime 1x ./backend/mail/ 2>/dev/null)
echo "| outbox: 10,000 messages over one SMTP connection | $(metric outbox_msgs/s "$out") msg/s (peak heap $(metric peak_heap_MB "$out") MB) | bare go-smtp loop: $(metric bare_msgs/s "$out") msg/s (ratio $(metric ratio "$out")) | >= 0.8x bare |"
out=$(go test -run '^$' -bench BenchmarkInboxSync50k -benchtime 1x ./backend/inbox/ 2>/dev/null)
echo "| inbox: first sync of 50,000 messages / next 100 | $(metric first_sync_s "$out") s / $(metric incremental_100_ms "$out") ms | - | - |"
