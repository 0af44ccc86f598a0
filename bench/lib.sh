# shellcheck shell=bash
# What bench/{stakeholders,projects,ideas}/run.sh share: process bookkeeping (every process a
# run starts is stopped on any exit, the whole run is bounded), the generated company cached by
# scale, seed and day, the server on a copy of it, an API token, and the CPU accounting that
# says how noisy a figure is. Sourced by each script after it has read its options.
#
# The script sets before sourcing: BIN, CACHE, SCALE, SEED, KEEP, TOTAL_LIMIT_S, GEN_LIMIT_S,
# ADMIN, PASSWORD; for settle and wait_quiet also SETTLE_LIMIT_S, QUIET_WAIT_S, QUIET_PCT.

die() { echo "run.sh: $*" >&2; exit 2; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

# ---- process bookkeeping ----------------------------------------------------------------
SERVER_PID=""
WATCHDOG=""

stop_server() {
  local pid=$SERVER_PID i
  SERVER_PID=""
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { log "server $pid ignored SIGTERM for 10 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  stop_server
  if [ -n "$WATCHDOG" ]; then kill "$WATCHDOG" 2>/dev/null; wait "$WATCHDOG" 2>/dev/null; fi
  if [ "$KEEP" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
  exit "$rc"
}

# bench_start NAME: the run's temporary folder ($tmp), the traps, and the watchdog that bounds
# the whole run to TOTAL_LIMIT_S (its TERM goes through the trap: server stopped, folder gone).
# The watchdog's sleep is stopped with it and holds none of our output open (a pipe reading
# this script's output would otherwise wait for the sleep to end).
bench_start() {
  tmp=$(mktemp -d "/tmp/cocreate-bench-$1.XXXXXX")
  trap cleanup EXIT
  trap 'log "interrupted"; exit 130' INT
  trap 'log "terminated (time limit or signal)"; exit 143' TERM
  ( trap - EXIT INT; sleep "$TOTAL_LIMIT_S" & s=$!; trap 'kill "$s" 2>/dev/null; exit 0' TERM; wait "$s"; kill -TERM $$ 2>/dev/null ) \
    >/dev/null 2>&1 </dev/null &
  WATCHDOG=$!
}

# ---- the generated company --------------------------------------------------------------
# bench_company [SUMMARY_KEY]: the company of SCALE and SEED generated today (00:00 UTC is its
# reference time, so "overdue" and "quiet" mean what they would on a live system), from the
# cache or generated into it. A cached file whose summary lacks SUMMARY_KEY=<id> (written by a
# generator without that phase) is generated again; the phases run in the same order, so the
# data the other scripts read does not change. Sets today, key, cached, gen_seconds.
bench_company() {
  local need=${1:-} t0
  today=$(date -u +%F)
  mkdir -p "$CACHE"
  key="gen-$SCALE-seed$SEED-$today"
  cached="$CACHE/$key.db"
  gen_seconds=null
  if [ -s "$cached" ] && [ -s "$CACHE/$key.out" ] && { [ -z "$need" ] || grep -q "^$need=[1-9]" "$CACHE/$key.out"; }; then
    log "reusing $cached"
    return 0
  fi
  rm -f "$cached" "$cached-wal" "$cached-shm" "$CACHE/$key.out"
  log "generating the $SCALE company (seed $SEED) into $cached"
  t0=$(date +%s.%N)
  timeout "$GEN_LIMIT_S" "$BIN" gen --scale "$SCALE" --seed "$SEED" --now "${today}T00:00:00Z" \
    --database "sqlite:$cached" >"$tmp/gen.out" 2>"$tmp/gen.err" ||
    { tail -n 20 "$tmp/gen.err" >&2; rm -f "$cached"*; die "generation failed"; }
  gen_seconds=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  mv "$tmp/gen.out" "$CACHE/$key.out"
  # Caches of other days for this scale and seed are large and never reused.
  find "$CACHE" -maxdepth 1 -name "gen-$SCALE-seed$SEED-*" ! -name "$key.*" -delete 2>/dev/null || true
}

# summary_value NAME: NAME=<value> from the generator's summary.
summary_value() { sed -n "s/^$1=//p" "$CACHE/$key.out" | tail -n 1; }

# bench_server: the server on a copy of the company (sign-in and the token write to it), bound
# to 127.0.0.1 on an ephemeral port, ready. Sets SERVER_PID, base, db_bytes.
bench_server() {
  local i
  cp "$cached" "$tmp/bench.db"
  # A reader that was killed may leave a write-ahead log behind: copy it too, or the copy is torn.
  if [ -s "$cached-wal" ]; then cp "$cached-wal" "$tmp/bench.db-wal"; fi
  db_bytes=$(stat -c %s "$cached")
  "$BIN" --database "sqlite:$tmp/bench.db" serve --host 127.0.0.1 --port 0 --port-file "$tmp/port" \
    --access-log false >"$tmp/server.log" 2>&1 &
  SERVER_PID=$!
  for ((i = 0; i < 300; i++)); do
    [ -s "$tmp/port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$tmp/server.log" >&2; die "server exited before listening"; }
    sleep 0.1
  done
  [ -s "$tmp/port" ] || die "no port file after 30 s"
  base="http://127.0.0.1:$(<"$tmp/port")"
  for ((i = 0; i < 100; i++)); do
    curl -fsS --max-time 2 -o /dev/null "$base/readyz" 2>/dev/null && break
    sleep 0.1
  done
}

# bench_wait_health_sweep SECONDS: the server recomputes every project's health when it starts
# (and when the day changes), in one write transaction; sign-in writes a session and would wait
# for it. Waits for the sweep's log line (bounded); sets sweep_s (its time, or null).
bench_wait_health_sweep() {
  local i line
  sweep_s=null
  for ((i = 0; i < $1 * 10; i++)); do
    line=$(grep -m1 '"project health sweep"' "$tmp/server.log" 2>/dev/null || true)
    if [ -n "$line" ]; then sweep_s=$(jq -r '.seconds // "null"' <<<"$line" 2>/dev/null || echo null); break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$tmp/server.log" >&2; die "server exited"; }
    sleep 0.1
  done
  if [ "$sweep_s" = null ]; then log "no health sweep logged within $1 s; going on"; else log "start-up health sweep took $sweep_s s"; fi
}

# bench_token NAME: signs in as ADMIN and creates an API token called NAME; sets auth (the
# header to send).
bench_token() {
  local token
  log "signing in as $ADMIN and creating an API token"
  curl -sS --max-time 60 -c "$tmp/cookies" -o "$tmp/signin.json" -X POST -H 'X-Cocreate-Csrf: 1' \
    -H 'Content-Type: application/json' --data "$(jq -nc --arg e "$ADMIN" --arg p "$PASSWORD" '{email: $e, password: $p}')" \
    "$base/api/v1/auth/sign-in"
  token=$(curl -sS --max-time 60 -b "$tmp/cookies" -X POST -H 'X-Cocreate-Csrf: 1' -H 'Content-Type: application/json' \
    --data "$(jq -nc --arg n "$1" '{name: $n, scopes: ["read", "write"]}')" "$base/api/v1/me/tokens" | jq -r '.token // empty')
  [ -n "$token" ] || { cat "$tmp/signin.json" >&2; die "could not create an API token"; }
  auth="Authorization: Bearer $token"
}

# ---- how busy the machine is ---------------------------------------------------------------
# CPU accounting in clock ticks (as in bench/http/run.sh): the server's CPU per request stays
# comparable on a busy machine, and the share used by other processes says how noisy req/s
# and latencies are (treat them as noise above ~10%).
HZ=$(getconf CLK_TCK)
cpu_busy_total() { awk '$1 == "cpu" { b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6; exit }' /proc/stat; }
# proc_ticks PID [1]: user+system ticks of PID (all threads); with 1, plus its reaped children.
proc_ticks() { awk -v kids="${2:-0}" '{ sub(/^.*\) /, ""); print $12 + $13 + (kids ? $14 + $15 : 0) }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Percentage of all cores busy with work that is not the server's, over 2 s.
foreign_busy_pct() {
  local b0 t0 b1 t1 s0 s1
  read -r b0 t0 < <(cpu_busy_total); s0=$(proc_ticks "$SERVER_PID")
  sleep 2
  read -r b1 t1 < <(cpu_busy_total); s1=$(proc_ticks "$SERVER_PID")
  awk -v b=$((b1 - b0 - (s1 - s0))) -v t=$((t1 - t0)) 'BEGIN { printf "%.1f", (t > 0 ? 100 * b / t : 0) }'
}
# Waits (at most QUIET_WAIT_S) until other processes use under QUIET_PCT of the CPU, then goes
# on with a warning.
wait_quiet() {
  local end=$((SECONDS + QUIET_WAIT_S)) busy
  while :; do
    busy=$(foreign_busy_pct)
    awk -v b="$busy" -v q="$QUIET_PCT" 'BEGIN { exit !(b < q) }' && return 0
    if [ "$SECONDS" -ge "$end" ]; then
      log "other processes still use ${busy}% of the CPU after ${QUIET_WAIT_S} s of waiting: figures will be noisy"
      return 0
    fi
    sleep 1
  done
}

# Waits (at most SETTLE_LIMIT_S) until the server has worked off what the last load left
# queued: wrk closes its connections when it stops, but requests already handed to the
# database threads still run and would be charged to whatever is measured next. /readyz pings
# the database through the same threads, so it answers fast only when they are free.
settle() {
  local end=$((SECONDS + SETTLE_LIMIT_S)) t
  while [ "$SECONDS" -lt "$end" ]; do
    t=$(curl -sS --max-time 10 -o /dev/null -w '%{time_total}' "$base/readyz" 2>/dev/null || echo 10)
    awk -v t="$t" 'BEGIN { exit !(t < 0.05) }' && return 0
    sleep 0.5
  done
  log "the server was still busy ${SETTLE_LIMIT_S} s after the last load; going on"
}
