# Sourced by the benchmarks: a throwaway PostgreSQL cluster of this run's own (started the
# way scripts/test.sh does), its admin URL in BANSHI_BENCH_PG_URL, stopped on exit. With
# "$1" set to 1 (the bench's SKIP_PG variable) no cluster is started and the URL is empty.
BANSHI_PG_DIR="$(mktemp -d /tmp/banshi-pg.XXXXXX)"
export BANSHI_PG_DIR
trap 'bash scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true' EXIT
BANSHI_BENCH_PG_URL=""
if [ "${1:-0}" != 1 ]; then
  BANSHI_BENCH_PG_URL="$(bash scripts/pg-test-cluster.sh start)"
fi
export BANSHI_BENCH_PG_URL
