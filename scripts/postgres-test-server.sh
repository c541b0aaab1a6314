#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on a free loopback port and prints its URL. Sourced by
# scripts/test.sh, which stops it on exit (`stop_test_postgres`). Tests create a database each.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

start_test_postgres() {
  PG_DIR=$(mktemp -d /tmp/dominoml-pg.XXXXXX)
  PG_PORT=$(free_port)
  chown postgres:postgres "$PG_DIR" 2>/dev/null || true
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust -U postgres --no-sync -E UTF8 >"$PG_DIR/initdb.log" 2>&1
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL 15 for tests at $TEST_DATABASE_URL"
}

stop_test_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  else "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$PG_DIR"
}
