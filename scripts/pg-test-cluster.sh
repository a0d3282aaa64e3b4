#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests, on a free loopback port.
#   pg-test-cluster.sh start   prints the admin URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   pg-test-cluster.sh stop    stops it and deletes its files
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user.
set -euo pipefail
DIR="${BANSHI_PG_DIR:-/tmp/banshi-pg-test}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    port="$(bash "$(dirname "$0")/free-port.sh")"
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    # fsync off: a throwaway cluster; durability is not what these tests measure.
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$DIR/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$DIR/data" ]; then
      if ! as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
        # pg_ctl failed: stop the postmaster by its pid so no server outlives its files.
        pid="$(head -n1 "$DIR/data/postmaster.pid" 2>/dev/null || true)"
        if [ -n "$pid" ]; then
          kill -QUIT "$pid" 2>/dev/null || true
          for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
      fi
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
