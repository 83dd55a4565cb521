#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the test suite and prints its URL.
# Installs Debian's postgresql package when it is missing (needs root).
#   eval "$(scripts/test-postgres.sh start)"   -> exports TEST_DATABASE_URL
#   scripts/test-postgres.sh stop
set -euo pipefail
PORT="${PGTEST_PORT:-55432}"
DIR="${PGTEST_DIR:-/tmp/authgate-pgtest}"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

case "${1:-start}" in
  start)
    BIN="$(find_bin)"
    if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
      echo "installing postgresql from Debian's packages" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql >&2
      BIN="$(find_bin)"
    fi
    RUN_AS=()
    if [ "$(id -u)" = "0" ]; then RUN_AS=(su postgres -s /bin/sh -c); fi
    run() { if [ ${#RUN_AS[@]} -gt 0 ]; then "${RUN_AS[@]}" "$*"; else sh -c "$*"; fi; }
    if [ -f "$DIR/postmaster.pid" ]; then run "$BIN/pg_ctl -D $DIR stop -m fast" >&2 || true; fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    if [ "$(id -u)" = "0" ]; then chown postgres "$DIR"; fi
    run "$BIN/initdb -D $DIR -U postgres --auth=trust -E UTF8" >/dev/null
    run "$BIN/pg_ctl -D $DIR -l $DIR/server.log -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off' -w start" >&2
    echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    BIN="$(find_bin)"
    if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$BIN/pg_ctl -D $DIR stop -m fast" >&2 || true
    else "$BIN/pg_ctl" -D "$DIR" stop -m fast >&2 || true; fi
    ;;
esac
