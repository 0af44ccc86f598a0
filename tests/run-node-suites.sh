#!/usr/bin/env bash
# Runs the HTTP-level suites (tests/security, tests/integration) against the built binary.
#
#   tests/run-node-suites.sh [sqlite|postgresql] [node --test file filters...]
#
# sqlite (default): every server gets a fresh SQLite file.
# postgresql: starts a throwaway PostgreSQL 15 (tests/support/pg.sh), every server gets a
# fresh database in it; the durability suite still uses SQLite. Stops PostgreSQL at the end.
# Exits non-zero when a test fails; node's "# pass N" / "# fail N" lines stay visible.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mode=${1:-sqlite}
shift || true

export COCREATE_BIN=${COCREATE_BIN:-$root/build/cocreate}
if [ ! -x "$COCREATE_BIN" ]; then
  echo "run-node-suites: $COCREATE_BIN is missing; build first" >&2
  exit 2
fi

cd "$here"
stamp=node_modules/.cocreate-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  cp package-lock.json "$stamp"
fi

pg_root=""
tap=$(mktemp /tmp/cocreate-tests.XXXXXX.tap)
cleanup() {
  rm -f "$tap"
  if [ -n "$pg_root" ]; then
    "$here/support/pg.sh" stop "$pg_root/pg" >/dev/null 2>&1 || true
    rm -rf "$pg_root"
  fi
}
trap cleanup EXIT

case "$mode" in
  sqlite)
    unset COCREATE_TEST_DATABASE
    ;;
  postgresql)
    pg_root=$(mktemp -d /tmp/cocreate-pg.XXXXXX)
    chmod 755 "$pg_root"
    # A port from the dynamic range, not in use.
    port=""
    for _ in $(seq 1 50); do
      candidate=$((20000 + RANDOM % 30000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [ -n "$port" ] || { echo "run-node-suites: no free port for PostgreSQL" >&2; exit 2; }
    conninfo=$("$here/support/pg.sh" start "$pg_root/pg" "$port")
    export COCREATE_TEST_DATABASE="postgresql:$conninfo"
    echo "run-node-suites: PostgreSQL at $conninfo"
    ;;
  *)
    echo "usage: $0 [sqlite|postgresql] [test files...]" >&2
    exit 2
    ;;
esac

if [ $# -gt 0 ]; then
  files=("$@")
else
  files=(security/*.test.js integration/*.test.js)
fi

echo "run-node-suites: $mode, ${#files[@]} files, binary $COCREATE_BIN"
status=0
node --test --test-concurrency=2 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" "${files[@]}" || status=$?
# The closing summary lines ("# pass N", "# fail N") from the TAP record.
grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$tap" || true
exit $status
