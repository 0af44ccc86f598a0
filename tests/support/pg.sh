#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the test suites.
#
#   tests/support/pg.sh start DIR PORT   initdb + start in DIR, create database "cocreate",
#                                        print the conninfo on stdout (only that line)
#   tests/support/pg.sh stop DIR         stop the server started in DIR (fast shutdown)
#   tests/support/pg.sh createdb DIR PORT NAME   create another database, print its conninfo
#
# The server runs as the unprivileged "postgres" user (initdb refuses root), listens only on a
# Unix socket inside DIR (no TCP), trusts local connections and runs with fsync=off: it is for
# functional tests only; the durability test uses SQLite.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

die() { echo "pg.sh: $*" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    # runuser keeps no tty requirement and works without PAM sessions in containers.
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=$1 port=$2
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql)"
  case "$port" in '' | *[!0-9]*) die "PORT must be a number" ;; esac
  dir=$(realpath -m "$dir")
  # Unix socket paths are limited to 107 bytes: "DIR/.s.PGSQL.PORT".
  [ ${#dir} -le 80 ] || die "DIR path too long for a Unix socket: $dir"

  # Every ancestor must be traversable by postgres.
  local parent
  parent=$(dirname "$dir")
  if [ ! -d "$parent" ]; then
    install -d -m 755 "$parent"
  fi
  if [ "$(id -u)" = 0 ]; then
    install -d -o postgres -g postgres -m 700 "$dir"
  else
    install -d -m 700 "$dir"
  fi
  as_postgres test -x "$parent" || die "$parent is not traversable by postgres (use a dir under /tmp with mode 755)"

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
      -U postgres >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
    -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
    -w -t 60 start >/dev/null || { tail -n 30 "$dir/server.log" >&2 || true; die "pg_ctl start failed"; }
  # The database may exist already when DIR is reused.
  as_postgres "$PG_BIN/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -tAc "select 1 from pg_database where datname = 'cocreate'" | grep -q 1 ||
    as_postgres "$PG_BIN/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c 'create database cocreate' >/dev/null
  echo "host=$dir port=$port dbname=cocreate user=postgres"
}

stop() {
  local dir
  dir=$(realpath -m "$1")
  [ -f "$dir/data/PG_VERSION" ] || die "no cluster in $dir"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
  fi
}

createdb() {
  local dir=$1 port=$2 name=$3
  dir=$(realpath -m "$dir")
  case "$name" in '' | *[!a-z0-9_]*) die "database name must match [a-z0-9_]+" ;; esac
  as_postgres "$PG_BIN/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "create database $name" >/dev/null
  echo "host=$dir port=$port dbname=$name user=postgres"
}

case "${1:-}" in
  start) [ $# -eq 3 ] || die "usage: pg.sh start DIR PORT"; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || die "usage: pg.sh stop DIR"; stop "$2" ;;
  createdb) [ $# -eq 4 ] || die "usage: pg.sh createdb DIR PORT NAME"; createdb "$2" "$3" "$4" ;;
  *) die "usage: pg.sh start DIR PORT | stop DIR | createdb DIR PORT NAME" ;;
esac
