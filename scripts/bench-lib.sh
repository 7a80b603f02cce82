# Shared by scripts/bench/*.sh: the l demo shop (1M orders), made once and
# reused by every bench in the run.
bench_l_db() {
  local db=.cache/bench/shop-l.db
  if [ ! -f "$db" ]; then
    mkdir -p .cache/bench
    go run . demo --size l --db "$db" --now 2026-03-01T09:00:00Z >/dev/null
  fi
  # Upgrade it once here, so no bench times a schema migration.
  go run . migrate --db "$db" >/dev/null
  echo "$PWD/$db"
}
