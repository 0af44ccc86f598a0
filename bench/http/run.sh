#!/usr/bin/env bash
# HTTP benchmark for cocreate: start-to-ready, idle memory, and wrk throughput/latency of
# /healthz against authenticated reads (GET /api/v1/spaces, GET /api/v1/me).
# See bench/README.md for what each figure means and the goals.
#
#   bench/http/run.sh [--postgresql] [--duration SECS] [--connections N] [--threads N]
#                     [--spaces N] [--starts N] [--quiet-wait SECS] [--server-arg ARG]...
#                     [--out FILE] [--binary PATH] [--keep] [--strict]
#
# Writes bench/results/http.json and prints a table plus PASS/FAIL per goal.
# Exit status: 0 when the run completed (goals may still FAIL; add --strict to exit 1
# then), 2 when the run itself could not complete.
set -euo pipefail
export LC_ALL=C  # EPOCHREALTIME and printf use '.' as the decimal point

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

# ---- options ---------------------------------------------------------------------------
BIN="$repo/build/cocreate"
OUT="$repo/bench/results/http.json"
DURATION=10          # seconds per measured wrk run
WARMUP=2             # seconds of unrecorded wrk warm-up per scenario
CONNECTIONS=32
THREADS=2
SEED_SPACES=200
STARTS=5             # fresh empty-database starts for start-to-ready and idle RSS
WITH_PG=0
KEEP=0
STRICT=0
SERVER_ARGS=()
TOTAL_LIMIT_S=900    # the whole run is killed (cleanly) after this
QUIET_WAIT_S=120     # wait this long at most for other processes to calm down
QUIET_PCT=15         # "quiet": other processes use less than this % of all cores

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --postgresql) WITH_PG=1 ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --spaces) SEED_SPACES=$2; shift ;;
    --starts) STARTS=$2; shift ;;
    --quiet-wait) QUIET_WAIT_S=$2; shift ;;
    --server-arg) SERVER_ARGS+=("$2"); shift ;;
    --out) OUT=$2; shift ;;
    --binary) BIN=$2; shift ;;
    --keep) KEEP=1 ;;
    --strict) STRICT=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
for n in "$DURATION" "$CONNECTIONS" "$THREADS" "$SEED_SPACES" "$STARTS" "$QUIET_WAIT_S"; do
  case "$n" in '' | *[!0-9]*) echo "run.sh: numbers only for --duration/--connections/--threads/--spaces/--starts/--quiet-wait" >&2; exit 2 ;; esac
done
[ "$STARTS" -ge 1 ] || STARTS=1

# Goals (see bench/README.md).
GOAL_READY_MS=200
GOAL_RSS_KB=$((30 * 1024))   # 30 MiB
GOAL_RATIO=0.5
GOAL_P99_MS=10

DEMO_ADMIN=admin@demo.cocreate.test
DEMO_PASSWORD=demo-cocreate-2026

die() { echo "run.sh: $*" >&2; exit 2; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

[ -x "$BIN" ] || die "no binary at $BIN (build it first; this script never builds)"
for tool in wrk curl jq awk timeout; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

# ---- process bookkeeping: every process we start is stopped on any exit ---------------
tmp=$(mktemp -d /tmp/cocreate-bench.XXXXXX)
chmod 755 "$tmp"  # pg.sh needs the parent of its cluster dir traversable by postgres
PIDS=()
PG_DIR=""
WATCHDOG=""

stop_pid() {  # stop_pid PID: SIGTERM, up to 10 s of graceful drain, then SIGKILL
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    nap 0.05
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored SIGTERM for 10 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    timeout 60 "$repo/tests/support/pg.sh" stop "$PG_DIR" >/dev/null 2>&1 || log "could not stop PostgreSQL in $PG_DIR"
  fi
  if [ -n "$WATCHDOG" ]; then kill "$WATCHDOG" 2>/dev/null; wait "$WATCHDOG" 2>/dev/null; fi
  [ -n "${NAP_FD:-}" ] && exec {NAP_FD}>&-
  if [ "$KEEP" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated (time limit or signal)"; exit 143' TERM

# stable_copy SRC DST: copies the binary once it has not changed for 5 s (a build may be
# relinking it: a copy taken mid-link runs but answers nothing) and checks that it starts.
stable_copy() {
  local src=$1 dst=$2 i m0 m1
  for ((i = 0; i < 120; i++)); do
    m0=$(stat -c %Y "$src")
    if [ $(($(date +%s) - m0)) -ge 5 ]; then
      cp "$src" "$dst"
      m1=$(stat -c %Y "$src")
      if [ "$m0" = "$m1" ] && cmp -s "$src" "$dst" && timeout 10 "$dst" version >/dev/null 2>&1; then return 0; fi
    fi
    [ "$i" = 0 ] && log "waiting for $src to stop changing (a build is running?)"
    sleep 1
  done
  die "$src kept changing for 2 minutes"
}

# Run a private copy: a build may relink build/cocreate while this runs.
stable_copy "$BIN" "$tmp/cocreate"
bin_mtime=$(date -u -r "$BIN" +%FT%TZ)
BIN="$tmp/cocreate"

# A fork-free sleep: read with a timeout on a FIFO nobody writes to. Polling with
# /usr/bin/sleep would add a process start (~1 ms) to every step of the timing loops.
mkfifo "$tmp/nap"
exec {NAP_FD}<>"$tmp/nap"
nap() { read -r -t "$1" -u "$NAP_FD" _ || true; }

# Watchdog: bounds the whole run; the TERM trap above then stops everything. It waits with
# the builtin read (no child process), so killing it at the end leaves nothing behind.
( trap - EXIT INT TERM; read -r -t "$TOTAL_LIMIT_S" -u "$NAP_FD" _ || kill -TERM $$ 2>/dev/null ) &
WATCHDOG=$!

now_us() { local t=${EPOCHREALTIME/./}; echo $((10#$t)); }

# GET /readyz over bash's /dev/tcp: no curl process start inside the measured interval.
ready_probe() {
  local port=$1 line="" fd
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$fd" 2>/dev/null || true
  IFS= read -r -t 2 -u "$fd" line || line=""
  exec {fd}>&-
  [[ $line == "HTTP/1."?" 200"* ]]
}

rss_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# start_server NAME DB_URL: sets SERVER_PID, SERVER_PORT, LISTEN_US, READY_US (from exec).
start_server() {
  local name=$1 url=$2 portfile="$tmp/$1.port" t0 deadline
  rm -f "$portfile"
  t0=$(now_us)
  "$BIN" --database "$url" serve --host 127.0.0.1 --port 0 --port-file "$portfile" --access-log false \
    "${SERVER_ARGS[@]}" >"$tmp/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  deadline=$((t0 + 30000000))
  while [ ! -s "$portfile" ]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$tmp/$name.log" >&2; die "$name: server exited before listening"; }
    [ "$(now_us)" -lt "$deadline" ] || die "$name: no port file after 30 s"
    nap 0.001
  done
  LISTEN_US=$(($(now_us) - t0))
  SERVER_PORT=$(<"$portfile")
  until ready_probe "$SERVER_PORT"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$tmp/$name.log" >&2; die "$name: server exited before ready"; }
    [ "$(now_us)" -lt "$deadline" ] || die "$name: /readyz not 200 after 30 s"
    nap 0.001
  done
  READY_US=$(($(now_us) - t0))
}

stop_server() {  # stop_server PID: also forgets it
  local pid=$1 keep=() p
  stop_pid "$pid"
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  PIDS=("${keep[@]+"${keep[@]}"}")
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print 0; exit } print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# CPU accounting, in clock ticks, so every figure says how much of the machine the server
# used and whether something else (builds, other tests) was competing for the 2 cores.
HZ=$(getconf CLK_TCK)
cpu_busy_total() { awk '$1 == "cpu" { b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6; exit }' /proc/stat; }
# proc_ticks PID [1]: user+system ticks of PID (all threads); with 1, plus its reaped children.
proc_ticks() { awk -v kids="${2:-0}" '{ sub(/^.*\) /, ""); print $12 + $13 + (kids ? $14 + $15 : 0) }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# CPU ticks of the PostgreSQL cluster we started (postmaster + backends): the database work of
# a request runs there, so it is counted as ours, not as "other processes". 0 for SQLite.
db_ticks() {
  local pm pids
  [ -n "$PG_DIR" ] && [ -r "$PG_DIR/data/postmaster.pid" ] || { echo 0; return; }
  pm=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  pids=$(ps -o pid= --ppid "$pm" 2>/dev/null | tr -d ' ' | tr '\n' ' ')
  (cd /proc && cat "$pm/stat" $(printf '%s/stat ' $pids) 2>/dev/null) |
    awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}

# Percentage of all cores busy with work that is not ours, over SECS seconds.
foreign_busy_pct() {
  local secs=$1 b0 t0 b1 t1 s0 s1 d0 d1 me=$BASHPID
  read -r b0 t0 < <(cpu_busy_total); s0=$(proc_ticks "$me" 1); d0=$(db_ticks)
  nap "$secs"
  read -r b1 t1 < <(cpu_busy_total); s1=$(proc_ticks "$me" 1); d1=$(db_ticks)
  awk -v b=$((b1 - b0 - (s1 - s0) - (d1 - d0))) -v t=$((t1 - t0)) 'BEGIN { printf "%.1f", (t > 0 ? 100 * b / t : 0) }'
}

# Waits (up to QUIET_WAIT_S) until other processes use < QUIET_PCT % of the machine.
wait_quiet() {
  local waited=0 busy
  while :; do
    busy=$(foreign_busy_pct 2)
    if awk -v b="$busy" -v q="$QUIET_PCT" 'BEGIN { exit !(b < q) }'; then break; fi
    if [ "$waited" -ge "$QUIET_WAIT_S" ]; then
      log "WARNING: other processes still use ${busy}% of the CPU after ${waited} s of waiting: figures will be noisy"
      break
    fi
    [ "$waited" = 0 ] && log "other processes use ${busy}% of the CPU: waiting up to ${QUIET_WAIT_S} s for a quieter machine"
    waited=$((waited + 2))
  done
  echo "$busy"
}

# run_wrk LABEL ROUTE URL [wrk args...]: prints the WRK_JSON object plus CPU figures and the
# server's own mean time for ROUTE (from /metrics, before/after) as one JSON line.
# Runs in a command substitution: $BASHPID's children times then hold exactly wrk's CPU.
run_wrk() {
  local label=$1 route=$2 url=$3 out b0 t0 b1 t1 s0 s1 w0 w1 d0 d1 line me=$BASHPID mean
  shift 3
  out="$tmp/wrk-$ENGINE-$label.txt"
  if [ "$WARMUP" -gt 0 ]; then
    timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$@" "$url" >/dev/null 2>&1 ||
      die "wrk warm-up failed for $label"
  fi
  metrics_to "$tmp/m0"
  read -r b0 t0 < <(cpu_busy_total); s0=$(proc_ticks "$SERVER_PID"); w0=$(proc_ticks "$me" 1); d0=$(db_ticks)
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$here/report.lua" "$@" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed for $label"; }
  read -r b1 t1 < <(cpu_busy_total); s1=$(proc_ticks "$SERVER_PID"); w1=$(proc_ticks "$me" 1); d1=$(db_ticks)
  metrics_to "$tmp/m1"
  mean=$(route_mean_us "$tmp/m0" "$tmp/m1" "$route")
  line=$(sed -n 's/^WRK_JSON //p' "$out" | tail -n 1)
  [ -n "$line" ] || { cat "$out" >&2; die "no figures from wrk for $label"; }
  jq -c --argjson mean "$mean" --argjson hz "$HZ" --argjson server $((s1 - s0)) --argjson load $((w1 - w0)) --argjson db $((d1 - d0)) \
    --argjson busy $((b1 - b0)) --argjson total $((t1 - t0)) '
    . + { server_mean_us: $mean, server_cpu_cores: ($server / $hz / .duration_s * 100 | round / 100),
          server_cpu_us_per_req: (if .requests > 0 then ($server / $hz * 1e6 / .requests * 10 | round / 10) else null end),
          wrk_cpu_cores: ($load / $hz / .duration_s * 100 | round / 100),
          db_cpu_cores: (if $db > 0 then ($db / $hz / .duration_s * 100 | round / 100) else null end),
          db_cpu_us_per_req: (if $db > 0 and .requests > 0 then ($db / $hz * 1e6 / .requests * 10 | round / 10) else null end),
          foreign_cpu_pct: (if $total > 0 then ([($busy - $server - $load - $db) / $total * 1000 | round / 10, 0] | max) else null end) }' <<<"$line"
}

metrics_to() { curl -sS --max-time 10 -o "$1" "http://127.0.0.1:$SERVER_PORT/metrics" 2>/dev/null || : >"$1"; }

# Server-side mean time (request read -> response ready) of one route between two /metrics
# snapshots: route_mean_us BEFORE AFTER "GET /api/v1/me". Prints a number or null.
route_mean_us() {
  awk -v r="route=\"$3\"" '
    function val(line) { n = split(line, f, " "); return f[n] }
    index($0, "cocreate_http_request_duration_seconds_sum{" r "}") == 1 { s[FILENAME] = val($0) }
    index($0, "cocreate_http_request_duration_seconds_count{" r "}") == 1 { c[FILENAME] = val($0) }
    END { dc = c[ARGV[2]] - c[ARGV[1]]; ds = s[ARGV[2]] - s[ARGV[1]]
          if (dc > 0) printf "%.1f", ds / dc * 1e6; else print "null" }' "$1" "$2"
}

# ---- one engine ------------------------------------------------------------------------
# run_engine ENGINE LOAD_DB_URL EMPTY_URL_FUNCTION -> writes $tmp/result-ENGINE.json
run_engine() {
  ENGINE=$1
  local load_url=$2 empty_url_fn=$3 i url
  local ready_list=() listen_list=() rss_list=() quiet_start quiet_load

  quiet_start=$(wait_quiet)
  log "$ENGINE: $STARTS start(s) on an empty fresh database"
  for ((i = 1; i <= STARTS; i++)); do
    url=$("$empty_url_fn" "$i")
    start_server "empty-$ENGINE-$i" "$url"
    ready_list+=("$READY_US")
    listen_list+=("$LISTEN_US")
    nap 1  # idle: let start-up allocations settle before reading RSS
    rss_list+=("$(rss_kb "$SERVER_PID" VmRSS)")
    stop_server "$SERVER_PID"
  done
  local ready_med listen_med rss_max
  ready_med=$(printf '%s\n' "${ready_list[@]}" | median)
  listen_med=$(printf '%s\n' "${listen_list[@]}" | median)
  rss_max=$(printf '%s\n' "${rss_list[@]}" | sort -n | tail -n 1)

  log "$ENGINE: loading the demo company"
  timeout 120 "$BIN" --database "$load_url" demo >"$tmp/demo-$ENGINE.log" 2>&1 ||
    { tail -n 20 "$tmp/demo-$ENGINE.log" >&2; die "$ENGINE: demo load failed"; }
  start_server "load-$ENGINE" "$load_url"
  local pid=$SERVER_PID base="http://127.0.0.1:$SERVER_PORT" demo_ready_us=$READY_US
  local rss_before
  rss_before=$(rss_kb "$pid" VmRSS)

  log "$ENGINE: signing in as $DEMO_ADMIN"
  local cookie
  cookie=$(curl -sS --max-time 10 -o "$tmp/signin.json" -D - -X POST \
    -H 'X-Cocreate-Csrf: 1' -H 'Content-Type: application/json' \
    --data "{\"email\":\"$DEMO_ADMIN\",\"password\":\"$DEMO_PASSWORD\"}" "$base/api/v1/auth/sign-in" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: __Host-cocreate=\([^;]*\).*/\1/p' | head -n 1)
  [ -n "$cookie" ] || { cat "$tmp/signin.json" >&2; die "$ENGINE: sign-in gave no session cookie"; }
  local auth="Cookie: __Host-cocreate=$cookie"

  local seeded=0
  if [ "$SEED_SPACES" -gt 0 ]; then
    log "$ENGINE: seeding $SEED_SPACES spaces through POST /api/v1/spaces"
    local kinds=(community project_room challenge_area) cfg="$tmp/seed-$ENGINE.curl"
    : >"$cfg"
    for ((i = 1; i <= SEED_SPACES; i++)); do
      printf 'url = "%s/api/v1/spaces"\nrequest = "POST"\nheader = "X-Cocreate-Csrf: 1"\nheader = "Content-Type: application/json"\nheader = "%s"\ndata = "{\\"name\\":\\"Bench space %03d\\",\\"description\\":\\"Seeded by bench/http/run.sh: a realistic two-sentence description of what this space is for. Customers and partners meet here.\\",\\"kind\\":\\"%s\\",\\"external_allowed\\":%s}"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
        "$base" "$auth" "$i" "${kinds[$((i % 3))]}" "$([ $((i % 2)) = 0 ] && echo true || echo false)" >>"$cfg"
      if [ "$i" -lt "$SEED_SPACES" ]; then printf 'next\n' >>"$cfg"; fi
    done
    seeded=$(timeout 300 curl -sS --max-time 120 -K "$cfg" | grep -c '^201$' || true)
    [ "$seeded" = "$SEED_SPACES" ] || die "$ENGINE: only $seeded of $SEED_SPACES spaces were created"
  fi

  # Check every scenario answers 200 before measuring it (a 401 is fast and meaningless).
  local path code spaces_items spaces_bytes me_bytes
  for path in /healthz /api/v1/spaces /api/v1/me; do
    code=$(curl -sS --max-time 10 -o "$tmp/check.json" -w '%{http_code}' -H "$auth" "$base$path")
    [ "$code" = 200 ] || { cat "$tmp/check.json" >&2; die "$ENGINE: GET $path answered $code"; }
    case "$path" in
      /api/v1/spaces) spaces_items=$(jq '.items | length' "$tmp/check.json"); spaces_bytes=$(wc -c <"$tmp/check.json") ;;
      /api/v1/me) me_bytes=$(wc -c <"$tmp/check.json") ;;
    esac
  done

  quiet_load=$(wait_quiet)
  log "$ENGINE: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (+${WARMUP}s warm-up) per scenario"
  # label | route template (for /metrics) | path | authenticated
  local scenarios=(
    "healthz|GET /healthz|/healthz|0"
    "spaces|GET /api/v1/spaces|/api/v1/spaces|1"
    "me|GET /api/v1/me|/api/v1/me|1"
    "spaces_limit1|GET /api/v1/spaces|/api/v1/spaces?limit=1|1"
  )
  local sc label route spath authed w
  : >"$tmp/scen-$ENGINE.jsonl"
  for sc in "${scenarios[@]}"; do
    IFS='|' read -r label route spath authed <<<"$sc"
    if [ "$authed" = 1 ]; then w=$(run_wrk "$label" "$route" "$base$spath" -H "$auth")
    else w=$(run_wrk "$label" "$route" "$base$spath"); fi
    jq -c --arg name "GET $spath" --argjson authed "$authed" '{ name: $name, authenticated: ($authed == 1), w: . }' \
      <<<"$w" >>"$tmp/scen-$ENGINE.jsonl"
  done
  metrics_to "$tmp/metrics-$ENGINE.txt"
  local pool_waits
  pool_waits=$(awk '$1 == "cocreate_db_pool_waits_total" { print $2 }' "$tmp/metrics-$ENGINE.txt")
  local rss_after hwm
  rss_after=$(rss_kb "$pid" VmRSS)
  hwm=$(rss_kb "$pid" VmHWM)
  stop_server "$pid"

  jq -n \
    --arg engine "$ENGINE" \
    --argjson ready "$(printf '%s\n' "${ready_list[@]}" | jq -s 'map(. / 1000)')" \
    --argjson listen "$(printf '%s\n' "${listen_list[@]}" | jq -s 'map(. / 1000)')" \
    --argjson rss "$(printf '%s\n' "${rss_list[@]}" | jq -s .)" \
    --argjson ready_med "$ready_med" --argjson listen_med "$listen_med" --argjson rss_max "$rss_max" \
    --argjson demo_ready_us "$demo_ready_us" --argjson rss_before "$rss_before" \
    --argjson rss_after "$rss_after" --argjson hwm "$hwm" \
    --argjson seeded "$seeded" --argjson items "$spaces_items" \
    --argjson spaces_bytes "$spaces_bytes" --argjson me_bytes "$me_bytes" \
    --slurpfile scen "$tmp/scen-$ENGINE.jsonl" \
    --argjson pool_waits "${pool_waits:-null}" \
    --argjson quiet_start "$quiet_start" --argjson quiet_load "$quiet_load" '
    def scen($w; $authed; $base):
      { rps: $w.rps, requests: $w.requests, duration_s: $w.duration_s,
        latency_ms: { p50: ($w.p50_us / 1000), p90: ($w.p90_us / 1000), p99: ($w.p99_us / 1000),
                      p999: ($w.p999_us / 1000), max: ($w.max_us / 1000), mean: ($w.mean_us / 1000) },
        ratio_to_healthz: (if $base > 0 then ($w.rps / $base * 1000 | round / 1000) else null end),
        authenticated: $authed, server_mean_us: $w.server_mean_us, server_cpu_cores: $w.server_cpu_cores,
        server_cpu_us_per_req: $w.server_cpu_us_per_req, wrk_cpu_cores: $w.wrk_cpu_cores,
        db_cpu_cores: $w.db_cpu_cores, db_cpu_us_per_req: $w.db_cpu_us_per_req,
        foreign_cpu_pct: $w.foreign_cpu_pct, non_2xx_3xx: $w.non_2xx_3xx, socket_errors: $w.errors,
        bytes_per_response: (if $w.requests > 0 then ($w.bytes / $w.requests | round) else null end) };
    {
      engine: $engine,
      start_to_ready_ms: { median: ($ready_med / 1000), runs: $ready, listening_median: ($listen_med / 1000),
                           listening_runs: $listen, with_demo_data: ($demo_ready_us / 1000) },
      idle_rss_kb: { max: $rss_max, runs: $rss },
      rss_kb: { loaded_idle: $rss_before, after_load: $rss_after, peak: $hwm },
      data: { spaces_seeded: $seeded, spaces_page_items: $items, spaces_page_bytes: $spaces_bytes, me_bytes: $me_bytes },
      db_pool_waits: $pool_waits,
      foreign_cpu_pct_before: { starts: $quiet_start, load: $quiet_load },
      scenarios: ($scen | (map(select(.name == "GET /healthz"))[0].w.rps) as $base |
                  map({ (.name): scen(.w; .authenticated; $base) }) | add)
    }' >"$tmp/result-$ENGINE.json"
}

sqlite_empty_url() { echo "sqlite:$tmp/empty-$1.db"; }
PG_PORT=""
pg_empty_url() {
  local conninfo
  conninfo=$(timeout 60 "$repo/tests/support/pg.sh" createdb "$PG_DIR" "$PG_PORT" "empty_$1") || die "createdb failed"
  echo "postgresql:$conninfo"
}

# ---- run -------------------------------------------------------------------------------
log "cocreate HTTP benchmark: $BIN (results: $OUT)"
run_engine sqlite "sqlite:$tmp/bench.db" sqlite_empty_url
engines=("$tmp/result-sqlite.json")

if [ "$WITH_PG" = 1 ]; then
  [ -x "$repo/tests/support/pg.sh" ] || die "--postgresql needs tests/support/pg.sh"
  PG_DIR="$tmp/pg"
  PG_PORT=$((20000 + RANDOM % 20000))  # Unix socket only (listen_addresses=''): no TCP port is bound
  log "postgresql: starting a throwaway cluster in $PG_DIR"
  pg_conninfo=$(timeout 120 "$repo/tests/support/pg.sh" start "$PG_DIR" "$PG_PORT") || die "pg.sh start failed"
  run_engine postgresql "postgresql:$pg_conninfo" pg_empty_url
  timeout 60 "$repo/tests/support/pg.sh" stop "$PG_DIR" >/dev/null || log "pg.sh stop failed"
  engines+=("$tmp/result-postgresql.json")
fi

# ---- results file ----------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo true || echo false)
bin_sha=$(sha256sum "$BIN" | cut -c1-16)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$repo/build/CMakeCache.txt" 2>/dev/null || true)
mkdir -p "$(dirname "$OUT")"
jq -s \
  --arg date "$(date -u +%FT%TZ)" --arg commit "$commit" --argjson dirty "$dirty" \
  --argjson nproc "$(nproc)" --arg cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
  --arg kernel "$(uname -r)" --arg wrk "$(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }')" \
  --arg build_type "${build_type:-unknown}" --arg bin_sha "$bin_sha" --arg bin_mtime "$bin_mtime" \
  --arg loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" --arg server_args "${SERVER_ARGS[*]+"${SERVER_ARGS[*]}"}" \
  --argjson duration "$DURATION" --argjson warmup "$WARMUP" --argjson c "$CONNECTIONS" --argjson t "$THREADS" \
  --argjson g_ready "$GOAL_READY_MS" --argjson g_rss "$GOAL_RSS_KB" --argjson g_ratio "$GOAL_RATIO" \
  --argjson g_p99 "$GOAL_P99_MS" '
  def checks:
    [ { goal: "start to ready (median, empty database) < \($g_ready) ms",
        value: .start_to_ready_ms.median, pass: (.start_to_ready_ms.median < $g_ready) },
      { goal: "idle RSS (max of starts) < \($g_rss / 1024) MiB",
        value: (.idle_rss_kb.max / 1024 * 10 | round / 10), pass: (.idle_rss_kb.max < $g_rss) } ]
    + [ .scenarios | to_entries[] | select(.value.authenticated) |
        ({ goal: "\(.key) throughput >= \($g_ratio) x /healthz", value: .value.ratio_to_healthz,
           pass: (.value.ratio_to_healthz >= $g_ratio) },
         { goal: "\(.key) p99 < \($g_p99) ms", value: .value.latency_ms.p99, pass: (.value.latency_ms.p99 < $g_p99) }) ]
    + [ .scenarios | to_entries[] |
        { goal: "\(.key) all answers 2xx, no socket errors",
          value: (.value.non_2xx_3xx + ([.value.socket_errors[]] | add)),
          pass: (.value.non_2xx_3xx == 0 and ([.value.socket_errors[]] | add) == 0) } ];
  {
    benchmark: "http",
    machine: { nproc: $nproc, cpu: $cpu, kernel: $kernel, date: $date, git_commit: $commit, git_dirty: $dirty,
               build_type: $build_type, binary_sha256_16: $bin_sha, binary_mtime: $bin_mtime,
               loadavg_at_end: $loadavg, wrk: $wrk },
    load: { tool: "wrk", threads: $t, connections: $c, duration_s: $duration, warmup_s: $warmup,
            server_args: $server_args },
    goals: { start_to_ready_ms: $g_ready, idle_rss_kb: $g_rss, auth_read_ratio_min: $g_ratio, p99_ms: $g_p99 },
    engines: (map({ (.engine): (. + { checks: checks }) }) | add)
  }' "${engines[@]}" >"$OUT"

# ---- summary ---------------------------------------------------------------------------
jq -r '
  .machine as $m | .load as $l |
  "\ncocreate HTTP benchmark — \($m.date), commit \($m.git_commit[0:12])\(if $m.git_dirty then "+dirty" else "" end), \($m.build_type), \($m.nproc) cores, wrk -t\($l.threads) -c\($l.connections) -d\($l.duration_s)s",
  (.engines[] |
    "\n[\(.engine)]  start to ready: \(.start_to_ready_ms.median) ms median (runs \(.start_to_ready_ms.runs | map(tostring) | join(", ")); listening at \(.start_to_ready_ms.listening_median) ms)   idle RSS: \(.idle_rss_kb.max / 1024 * 10 | round / 10) MiB   RSS after load: \(.rss_kb.after_load / 1024 * 10 | round / 10) MiB",
    "  spaces page: \(.data.spaces_page_items) items, \(.data.spaces_page_bytes) bytes; /me: \(.data.me_bytes) bytes; db pool waits: \(.db_pool_waits); other processes before load: \(.foreign_cpu_pct_before.load)% CPU",
    (["scenario", "req/s", "p50 ms", "p90 ms", "p99 ms", "ratio", "srv cores", "cpu us/req", "db us/req", "in-srv us", "other %", "non-2xx"] | @tsv),
    (.scenarios | to_entries[] | [ .key, (.value.rps | round), .value.latency_ms.p50, .value.latency_ms.p90,
       .value.latency_ms.p99, .value.ratio_to_healthz, .value.server_cpu_cores, .value.server_cpu_us_per_req,
       (.value.db_cpu_us_per_req // "-"), .value.server_mean_us, .value.foreign_cpu_pct, .value.non_2xx_3xx ] | @tsv),
    "",
    (.checks[] | "  \(if .pass then "PASS" else "FAIL" end)  \(.goal)  (\(.value))"))
' "$OUT" | awk -F'\t' 'NF > 1 { printf "  %-28s %7s %7s %7s %7s %6s %9s %10s %9s %9s %7s %7s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12; next } { print }'
echo
log "wrote $OUT"

failed=$(jq '[.engines[].checks[] | select(.pass | not)] | length' "$OUT")
if [ "$failed" -gt 0 ]; then
  log "$failed goal(s) FAIL"
  [ "$STRICT" = 1 ] && exit 1
fi
exit 0
