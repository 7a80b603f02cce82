#!/usr/bin/env bash
# Campaigns (issue 17): one campaign planned to 50,000 consenting customers
# (each email rendered with the shop's layout, a coupon issued per
# recipient, the recipients, coupons and outbox rows written in one
# transaction), beside the sqlite3 shell inserting the same rows into a copy
# of the same file. The shop is made by the test itself (50,000 customers
# inserted), so this bench does not need the l demo shop.
set -euo pipefail
cd "$(dirname "$0")/../.."
go test -tags bench -count=1 -run 'TestPlanSpeed' ./backend/campaigns/ -v 2>/dev/null | grep '^|'
