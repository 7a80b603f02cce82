#!/usr/bin/env bash
# Decision quality of the reorder logic: a year of 500 simulated SKUs (smooth,
# weekly-seasonal, trending, intermittent, lumpy demand; random lead times)
# under Shopclerk's forecast + reorder point beside a hand-set min/max policy
# (min 2 weeks, max 6 weeks of average sales), same demand, same lead times.
# Deterministic: the seed is fixed. See backend/inventory/sim.
set -euo pipefail
cd "$(dirname "$0")/../.."
go run ./backend/inventory/sim -skus 500 -detail
