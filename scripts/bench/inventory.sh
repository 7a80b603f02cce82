#!/usr/bin/env bash
# Decision quality of the reorder logic: a year of 500 simulated SKUs (smooth,
# weekly-seasonal, trending, intermittent, lumpy demand; random lead times)
# under Shopclerk's forecast + reorder point beside a hand-set min/max policy
# (min 2 weeks, max 6 weeks of average sales), same demand, same lead times.
# Deterministic: the seed is fixed. See backend/inventory/sim.
# Two runs: the default policy (an order covers 14 days beyond the lead
# time) and a weekly one (7 days), which holds less stock but places about
# three times as many purchase order lines as min/max (ordering cost is not
# in the simulation: read the "purchase order lines" row beside it).
set -euo pipefail
cd "$(dirname "$0")/../.."
go build -o "${TMPDIR:-/tmp}/shopclerk-inventory-sim" ./backend/inventory/sim
"${TMPDIR:-/tmp}/shopclerk-inventory-sim" -skus 500 -detail
"${TMPDIR:-/tmp}/shopclerk-inventory-sim" -skus 500 -detail -review 7
