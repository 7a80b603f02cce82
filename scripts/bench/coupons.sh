#!/usr/bin/env bash
# Attribution over the l demo shop (1M orders, 100k customers): every
# ready-made flow run a month before the bench's "now" (coupons issued,
# emails queued), the emails marked sent, and a third of the coupons used on
# their customer's next order (plus 40 codes used by someone else), written
# as discount codes so the orders' triggers record the redemptions. Then
# `shopclerk coupons attribution` (12 weeks: per flow, per email step, per
# week) beside the same three joins run by the sqlite3 shell on the same
# file: the floor any tool pays for reading these facts.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench-lib.sh
bin=/tmp/shopclerk-bench-coupons
go build -o "$bin" .
src=$(bench_l_db)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/shop.db"
db="$work/shop.db"
"$bin" run --db "$db" --now 2026-02-01T09:00:00Z --json --install-templates --confirm >/dev/null 2>&1
/usr/bin/sqlite3 "$db" >/dev/null <<'SQL'
UPDATE messages SET status = 'sent', sent_at = created_at + 3600 WHERE status = 'queued';
UPDATE orders SET discount_code = (SELECT k.code FROM coupons k WHERE k.customer_id = orders.customer_id
        AND k.issued_at < orders.created_at ORDER BY k.id LIMIT 1)
WHERE id IN (SELECT (SELECT o.id FROM orders o WHERE o.customer_id = k.customer_id AND o.created_at > k.issued_at
        ORDER BY o.created_at LIMIT 1) FROM coupons k WHERE k.id % 3 = 0);
UPDATE orders SET discount_code = (SELECT code FROM coupons WHERE id = orders.id % 1000 + 1)
WHERE id IN (SELECT id FROM orders WHERE created_at > strftime('%s', '2026-02-10') ORDER BY id LIMIT 40 OFFSET 1000);
SQL
coupons=$(/usr/bin/sqlite3 "$db" "SELECT COUNT(*) FROM coupons")
redeemed=$(/usr/bin/sqlite3 "$db" "SELECT COUNT(*) FROM coupons WHERE redeemed_order_id IS NOT NULL")
now=2026-03-01T09:00:00Z
"$bin" coupons attribution --db "$db" --now "$now" --json >/dev/null # warm the page cache

best() { sort -n | head -1; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f\n", (b-a)/1e9}'; }
app_s=$(for _ in 1 2 3; do
  t0=$(date +%s%N); "$bin" coupons attribution --db "$db" --now "$now" --json >"$work/a.json"; t1=$(date +%s%N); secs "$t0" "$t1"
done | best)
sources=$(grep -c '"flowId"' "$work/a.json" || true)

# The reference: attribution.sql's three joins with the same arguments
# (12 weeks back from the Monday of "now", 7 days of recovery).
since=$(date -u -d "2026-02-23 -77 days" +%s)
sql=$(sed -e "s/?1/$since/g; s/?2/0/g; s/?3/0/g; s/?4/604800/g" backend/store/couponsdb/queries/attribution.sql | grep -v '^--')
ref_s=$(for _ in 1 2 3; do
  t0=$(date +%s%N); /usr/bin/sqlite3 "$db" "$sql" >/dev/null; t1=$(date +%s%N); secs "$t0" "$t1"
done | best)
echo "| coupons: attribution over the l shop, 12 weeks ($coupons coupons, $redeemed redeemed, $sources flows) | ${app_s} s | ${ref_s} s (sqlite3 shell, the same joins) | < 2 s |"
