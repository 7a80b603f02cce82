#!/usr/bin/env bash
# Outbox sending (10k messages to an in-process SMTP server) beside a bare
# go-smtp client loop in the same run; inbox sync of 50k messages.
set -euo pipefail
cd "$(dirname "$0")/../.."
metric() { grep -o "[0-9.]* $1" <<<"$2" | head -1 | cut -d' ' -f1; }
# median of the values over several runs (the machine is shared, so one run's
# figures swing with the load)
median() { grep -o "[0-9.]* $1" <<<"$2" | cut -d' ' -f1 | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# (separate processes, so one run's garbage does not count in the next one's peak heap)
out=$(for _ in 1 2 3; do go test -count 1 -run '^$' -bench BenchmarkSend10k -benchtime 1x ./backend/mail/ 2>/dev/null; done)
# A generic account with no mailbox: claims and outcomes are committed 16 at
# a time, the send journal covering the moments between commits.
echo "| outbox: 10,000 messages over one SMTP connection (median of 3) | $(median outbox_msgs/s "$out") msg/s (peak heap $(median peak_heap_MB "$out") MB) | bare go-smtp loop: $(median bare_msgs/s "$out") msg/s (ratio $(median ratio "$out"); CPU $(median outbox_cpu_us/msg "$out") vs $(median bare_cpu_us/msg "$out") us/msg) | >= 0.8x bare |"
# SKIP_INBOX=1 measures the outbox only
if [ -z "${SKIP_INBOX:-}" ]; then
	out=$(go test -run '^$' -bench BenchmarkInboxSync50k -benchtime 1x ./backend/inbox/ 2>/dev/null)
	echo "| inbox: first sync of 50,000 messages / next 100 | $(metric first_sync_s "$out") s / $(metric incremental_100_ms "$out") ms | - | - |"
fi
