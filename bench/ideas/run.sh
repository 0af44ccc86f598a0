#!/usr/bin/env bash
# Ideas benchmark: wrk against a challenge's idea list (by votes and by interest), idea pages
# and their comments (spread over every idea) and similar-idea suggestions while typing, on a
# generated enterprise company (400 challenges, 200,000 ideas, 1,000,000 comments), with
# /healthz as the reference. See bench/README.md ("bench/ideas/run.sh").
#
#   bench/ideas/run.sh [--scale enterprise|small] [--seed N] [--duration SECS]
#                      [--connections N] [--threads N] [--quiet-wait SECS] [--cache DIR]
#                      [--out FILE] [--binary PATH] [--keep] [--strict]
#
# Writes bench/results/ideas-<UTC date>.json and prints a table plus PASS/FAIL per goal.
# Exit status: 0 when the run completed (goals may still FAIL; --strict exits 1 then),
# 2 when the run itself could not complete.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

# ---- options ---------------------------------------------------------------------------
BIN="$repo/build/cocreate"
OUT="$repo/bench/results/ideas-$(date -u +%F).json"
SCALE=enterprise
SEED=1
DURATION=10
WARMUP=2
CONNECTIONS=32
THREADS=2
CACHE="${TMPDIR:-/tmp}/cocreate-gen-cache"
KEEP=0
STRICT=0
TOTAL_LIMIT_S=2100    # the whole run, generation included, is stopped (cleanly) after this
GEN_LIMIT_S=1500      # generating the enterprise company, projects and ideas included
SWEEP_WAIT_S=180      # the server's project health sweep at start-up
SETTLE_LIMIT_S=120    # waiting for the server to finish the last scenario's queued requests
QUIET_WAIT_S=60       # before each scenario, waiting for other processes to use < QUIET_PCT % CPU
QUIET_PCT=15
IDEA_PATHS=20000      # idea pages (and their comments) visited, spread over every idea
TITLES=200            # idea titles of the measured challenge the typed texts are cut from

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --quiet-wait) QUIET_WAIT_S=$2; shift ;;
    --cache) CACHE=$2; shift ;;
    --out) OUT=$2; shift ;;
    --binary) BIN=$2; shift ;;
    --keep) KEEP=1 ;;
    --strict) STRICT=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$SCALE" in enterprise | small) ;; *) echo "run.sh: --scale enterprise or small" >&2; exit 2 ;; esac
for n in "$SEED" "$DURATION" "$CONNECTIONS" "$THREADS" "$QUIET_WAIT_S"; do
  case "$n" in '' | *[!0-9]*) echo "run.sh: numbers only for --seed/--duration/--connections/--threads/--quiet-wait" >&2; exit 2 ;; esac
done

# Goals (issue 7, docs/api-ideas.md "Benchmark").
GOAL_P99_MS=20          # lists, idea page, comments
GOAL_RATIO=0.3          # the same, throughput against /healthz
GOAL_SIMILAR_P99_MS=15  # similar-idea suggestions while typing

ADMIN=bench-admin@gen.cocreate.test
PASSWORD=${COCREATE_GEN_PASSWORD:-gen-cocreate-bench-2026}

die() { echo "run.sh: $*" >&2; exit 2; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

[ -x "$BIN" ] || die "no binary at $BIN (build it first; this script never builds)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
for tool in wrk curl jq awk timeout; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
"$BIN" gen --help >/dev/null 2>&1 || die "$BIN has no 'gen' command (an older build?)"

# ---- process bookkeeping: every process we start is stopped on any exit ---------------
tmp=$(mktemp -d /tmp/cocreate-bench-ideas.XXXXXX)
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
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated (time limit or signal)"; exit 143' TERM

# Watchdog: bounds the whole run (see bench/projects/run.sh).
( trap - EXIT INT; sleep "$TOTAL_LIMIT_S" & s=$!; trap 'kill "$s" 2>/dev/null; exit 0' TERM; wait "$s"; kill -TERM $$ 2>/dev/null ) \
  >/dev/null 2>&1 </dev/null &
WATCHDOG=$!

# ---- the generated company (cached by scale, seed and day, shared with the other benches) --
# A cached company from a generator without ideas (its summary has no first_idea_id) is
# generated again: the ideas phase runs last, so the stakeholder and project data in the new
# file are the same as before.
today=$(date -u +%F)
mkdir -p "$CACHE"
key="gen-$SCALE-seed$SEED-$today"
cached="$CACHE/$key.db"
gen_seconds=null
if [ -s "$cached" ] && [ -s "$CACHE/$key.out" ] && grep -q '^first_idea_id=[1-9]' "$CACHE/$key.out"; then
  log "reusing $cached"
else
  rm -f "$cached" "$cached-wal" "$cached-shm" "$CACHE/$key.out"
  log "generating the $SCALE company (seed $SEED) into $cached"
  t0=$(date +%s.%N)
  timeout "$GEN_LIMIT_S" "$BIN" gen --scale "$SCALE" --seed "$SEED" --now "${today}T00:00:00Z" \
    --database "sqlite:$cached" >"$tmp/gen.out" 2>"$tmp/gen.err" ||
    { tail -n 20 "$tmp/gen.err" >&2; rm -f "$cached"*; die "generation failed"; }
  gen_seconds=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  mv "$tmp/gen.out" "$CACHE/$key.out"
  find "$CACHE" -maxdepth 1 -name "gen-$SCALE-seed$SEED-*" ! -name "$key.*" -delete 2>/dev/null || true
fi
summary_value() { sed -n "s/^$1=//p" "$CACHE/$key.out" | tail -n 1; }
first_id=$(summary_value first_idea_id)
last_id=$(summary_value last_idea_id)
challenge=$(summary_value busiest_challenge_id)
space=$(summary_value busiest_challenge_space_id)
challenge_ideas=$(summary_value busiest_challenge_ideas)
for v in "$first_id" "$last_id" "$challenge" "$space" "$challenge_ideas"; do
  case "$v" in '' | *[!0-9]*) die "no first_idea_id/last_idea_id/busiest_challenge_* in $CACHE/$key.out" ;; esac
done
cp "$cached" "$tmp/bench.db"
# A reader that was killed may leave a write-ahead log behind: copy it too, or the copy is torn.
if [ -s "$cached-wal" ]; then cp "$cached-wal" "$tmp/bench.db-wal"; fi
db_bytes=$(stat -c %s "$cached")

# ---- server --------------------------------------------------------------------------
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

# The server recomputes every project's health when it starts, in one write transaction;
# sign-in writes a session and would wait for it (see bench/projects/run.sh).
sweep_s=null
for ((i = 0; i < SWEEP_WAIT_S * 10; i++)); do
  line=$(grep -m1 '"project health sweep"' "$tmp/server.log" 2>/dev/null || true)
  if [ -n "$line" ]; then sweep_s=$(jq -r '.seconds // "null"' <<<"$line" 2>/dev/null || echo null); break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$tmp/server.log" >&2; die "server exited"; }
  sleep 0.1
done
[ "$sweep_s" = null ] && log "no health sweep logged within $SWEEP_WAIT_S s; going on" || log "start-up health sweep took $sweep_s s"

# The administrator is an internal user: sort=-interest is for internal users only.
log "signing in as $ADMIN and creating an API token"
curl -sS --max-time 60 -c "$tmp/cookies" -o "$tmp/signin.json" -X POST -H 'X-Cocreate-Csrf: 1' \
  -H 'Content-Type: application/json' --data "$(jq -nc --arg e "$ADMIN" --arg p "$PASSWORD" '{email: $e, password: $p}')" \
  "$base/api/v1/auth/sign-in"
token=$(curl -sS --max-time 60 -b "$tmp/cookies" -X POST -H 'X-Cocreate-Csrf: 1' -H 'Content-Type: application/json' \
  --data '{"name":"bench/ideas","scopes":["read","write"]}' "$base/api/v1/me/tokens" | jq -r '.token // empty')
[ -n "$token" ] || { cat "$tmp/signin.json" >&2; die "could not create an API token"; }
auth="Authorization: Bearer $token"

# ---- what the rotating scenarios visit ---------------------------------------------------
# Idea pages and comments: IDEA_PATHS ids stepping through the whole id range with a stride
# coprime to it, so consecutive requests read unrelated ideas.
awk -v first="$first_id" -v last="$last_id" -v n="$IDEA_PATHS" -v pages="$tmp/idea-paths" \
  -v comments="$tmp/comment-paths" 'BEGIN {
  span = last - first + 1; stride = 7919
  while (span % stride == 0) stride += 2
  for (k = 0; k < n; k++) {
    id = first + (k * stride) % span
    print "/api/v1/ideas/" id > pages
    print "/api/v1/ideas/" id "/comments" > comments
  }
}'
# Typing: the titles of the measured challenge's ideas, cut where someone typing a similar
# idea would be (two, three, four words, the whole title, and mid-word), each a request.
curl -sS --max-time 60 -H "$auth" -o "$tmp/titles.json" \
  "$base/api/v1/ideas?challenge_id=$challenge&limit=$TITLES" || die "could not read the challenge's ideas"
jq -r --arg s "$space" --arg c "$challenge" '
  .items[].title | split(" ") as $w |
  ([ ($w[0:2] | join(" ")), ($w[0:3] | join(" ")), ($w[0:4] | join(" ")), ($w | join(" ")),
     (($w[0:3] | join(" ")) as $t | $t[0:(($t | length) - 2)]) ] | unique[]) |
  select(length >= 3) |
  "/api/v1/ideas/similar?space_id=\($s)&challenge_id=\($c)&text=\(@uri "\(.)")"' "$tmp/titles.json" >"$tmp/similar-paths"
similar_texts=$(wc -l <"$tmp/similar-paths")
[ "$similar_texts" -gt 0 ] || die "no idea titles to type from in challenge $challenge"

# CPU accounting in clock ticks (as in bench/http/run.sh): the server's CPU per request stays
# comparable on a busy machine, and the share used by other processes says how noisy req/s
# and latencies are (treat them as noise above ~10%).
HZ=$(getconf CLK_TCK)
cpu_busy_total() { awk '$1 == "cpu" { b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6; exit }' /proc/stat; }
# proc_ticks PID [1]: user+system ticks of PID (all threads); with 1, plus its reaped children.
proc_ticks() { awk -v kids="${2:-0}" '{ sub(/^.*\) /, ""); print $12 + $13 + (kids ? $14 + $15 : 0) }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Percentage of all cores busy with work that is not the server's, over 2 s; waits (at most
# QUIET_WAIT_S) until it is under QUIET_PCT, then goes on with a warning.
foreign_busy_pct() {
  local b0 t0 b1 t1 s0 s1
  read -r b0 t0 < <(cpu_busy_total); s0=$(proc_ticks "$SERVER_PID")
  sleep 2
  read -r b1 t1 < <(cpu_busy_total); s1=$(proc_ticks "$SERVER_PID")
  awk -v b=$((b1 - b0 - (s1 - s0))) -v t=$((t1 - t0)) 'BEGIN { printf "%.1f", (t > 0 ? 100 * b / t : 0) }'
}
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
# queued (see bench/projects/run.sh).
settle() {
  local end=$((SECONDS + SETTLE_LIMIT_S)) t
  while [ "$SECONDS" -lt "$end" ]; do
    t=$(curl -sS --max-time 10 -o /dev/null -w '%{time_total}' "$base/readyz" 2>/dev/null || echo 10)
    awk -v t="$t" 'BEGIN { exit !(t < 0.05) }' && return 0
    sleep 0.5
  done
  log "the server was still busy ${SETTLE_LIMIT_S} s after the last load; going on"
}

# ---- load ----------------------------------------------------------------------------
# label | path (for the record) | goal kind (none, read, similar) | paths file ("-": the path itself)
list="/api/v1/ideas?challenge_id=$challenge"
scenarios=("healthz|/healthz|none|-"
           "ideas_by_votes|$list&sort=-votes|read|-"
           "ideas_by_interest|$list&sort=-interest|read|-"
           "idea_page|/api/v1/ideas/{id}|read|$tmp/idea-paths"
           "idea_comments|/api/v1/ideas/{id}/comments|read|$tmp/comment-paths"
           "similar_typing|/api/v1/ideas/similar?space_id=$space&challenge_id=$challenge&text={typed}|similar|$tmp/similar-paths"
           "healthz_again|/healthz|none|-")

# Every idea page must answer, not only the first: a sample across the id range.
for id in "$first_id" $(((first_id + last_id) / 2)) "$last_id"; do
  code=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "$auth" "$base/api/v1/ideas/$id" || echo 000)
  [ "$code" = 200 ] || log "GET /api/v1/ideas/$id answered $code"
done

: >"$tmp/scenarios.jsonl"
for sc in "${scenarios[@]}"; do
  IFS='|' read -r label path goal paths <<<"$sc"
  settle
  wait_quiet
  check=$path
  script="$repo/bench/http/report.lua"
  if [ "$paths" != - ]; then
    check=$(head -n 1 "$paths")
    script="$here/paths.lua"
  fi
  code=$(curl -sS --max-time 30 -o "$tmp/check.json" -w '%{http_code}' -H "$auth" "$base$check" || echo 000)
  if [ "$code" != 200 ]; then
    log "$label: GET $check answered $code; not measured"
    jq -nc --arg l "$label" --arg p "$path" --arg g "$goal" --arg c "$code" \
      '{label: $l, path: $p, goal: $g, status: ("HTTP " + $c)}' >>"$tmp/scenarios.jsonl"
    continue
  fi
  bytes=$(wc -c <"$tmp/check.json")
  # One request at a time first: what a single user waits, whatever the load does.
  alone=()
  for ((k = 0; k < 3; k++)); do
    alone+=("$(curl -sS --max-time 30 -o /dev/null -w '%{time_total}' -H "$auth" "$base$check" || echo 30)")
  done
  alone_ms=$(printf '%s\n' "${alone[@]}" | sort -g | awk 'NR == 2 { printf "%.1f", $1 * 1000 }')
  target=$base$path
  [ "$paths" != - ] && target=$base/
  log "$label: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s GET $path ($bytes bytes)"
  BENCH_PATHS_FILE=$paths timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$script" \
    -H "$auth" "$target" >/dev/null 2>&1 || true
  read -r b0 t0 < <(cpu_busy_total); s0=$(proc_ticks "$SERVER_PID"); w0=$(proc_ticks $$ 1)
  BENCH_PATHS_FILE=$paths timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s \
    --latency -s "$script" -H "$auth" "$target" >"$tmp/wrk-$label.txt" 2>&1 ||
    { cat "$tmp/wrk-$label.txt" >&2; die "wrk failed for $label"; }
  read -r b1 t1 < <(cpu_busy_total); s1=$(proc_ticks "$SERVER_PID"); w1=$(proc_ticks $$ 1)
  line=$(sed -n 's/^WRK_JSON //p' "$tmp/wrk-$label.txt" | tail -n 1)
  [ -n "$line" ] || die "no figures from wrk for $label"
  jq -c --arg l "$label" --arg p "$path" --arg g "$goal" --argjson b "$bytes" --argjson alone "$alone_ms" \
    --argjson hz "$HZ" --argjson server $((s1 - s0)) --argjson load $((w1 - w0)) --argjson busy $((b1 - b0)) \
    --argjson total $((t1 - t0)) '
    {label: $l, path: $p, goal: $g, status: "measured", bytes_per_response: $b, alone_ms: $alone,
     w: (. + { server_cpu_us_per_req: (if .requests > 0 then ($server / $hz * 1e6 / .requests | round) else null end),
               server_cpu_cores: ($server / $hz / .duration_s * 100 | round / 100),
               wrk_cpu_cores: ($load / $hz / .duration_s * 100 | round / 100),
               foreign_cpu_pct: (if $total > 0 then ([($busy - $server - $load) / $total * 1000 | round / 10, 0] | max)
                                 else null end) })}' <<<"$line" >>"$tmp/scenarios.jsonl"
done

stop_server

# ---- results file --------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo true || echo false)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$BIN")/CMakeCache.txt" 2>/dev/null || true)
counts=$(awk '/^  [a-z_]+ +[0-9]+$/ { printf "%s\"%s\":%s", (n++ ? "," : "{"), $1, $2 } END { print (n ? "}" : "{}") }' "$CACHE/$key.out")
mkdir -p "$(dirname "$OUT")"
jq -s \
  --arg date "$(date -u +%FT%TZ)" --arg commit "$commit" --argjson dirty "$dirty" --argjson nproc "$(nproc)" \
  --arg cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" --arg build_type "${build_type:-unknown}" \
  --arg binary "$BIN" --arg loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --arg scale "$SCALE" --argjson seed "$SEED" --arg now "${today}T00:00:00Z" --argjson db_bytes "$db_bytes" \
  --argjson gen_seconds "$gen_seconds" --argjson counts "$counts" --argjson sweep "$sweep_s" \
  --argjson first "$first_id" --argjson last "$last_id" --argjson challenge "$challenge" --argjson space "$space" \
  --argjson challenge_ideas "$challenge_ideas" --argjson texts "$similar_texts" \
  --argjson duration "$DURATION" --argjson warmup "$WARMUP" --argjson c "$CONNECTIONS" --argjson t "$THREADS" \
  --argjson g_p99 "$GOAL_P99_MS" --argjson g_ratio "$GOAL_RATIO" --argjson g_sim "$GOAL_SIMILAR_P99_MS" '
  # The reference is the better of the two /healthz runs (first and last): right after the
  # company is copied, the kernel writing it back can slow the first one down, which would
  # flatter every ratio.
  (map(select((.label | startswith("healthz")) and .status == "measured") | .w.rps) | max) as $base |
  def scen: if .status != "measured" then { path, status } else
    { path, status, rps: .w.rps, requests: .w.requests, bytes_per_response, alone_ms,
      latency_ms: { p50: (.w.p50_us / 1000), p90: (.w.p90_us / 1000), p99: (.w.p99_us / 1000),
                    p999: (.w.p999_us / 1000), max: (.w.max_us / 1000), mean: (.w.mean_us / 1000) },
      ratio_to_healthz: (if $base then (.w.rps / $base * 1000 | round / 1000) else null end),
      server_cpu_us_per_req: .w.server_cpu_us_per_req, server_cpu_cores: .w.server_cpu_cores,
      wrk_cpu_cores: .w.wrk_cpu_cores, foreign_cpu_pct: .w.foreign_cpu_pct,
      non_2xx_3xx: .w.non_2xx_3xx, socket_errors: .w.errors } end;
  def p99_check($limit): (.w.errors.timeout > 0 or .w.requests == 0) as $stuck |
    { goal: "\(.label) p99 < \($limit) ms",
      value: (if .w.requests == 0 then "no request completed"
              elif $stuck then "\(.w.errors.timeout) of \(.w.requests) requests over 5 s"
              else .w.p99_us / 1000 end),
      pass: (($stuck | not) and .w.p99_us / 1000 < $limit) };
  . as $all |
  {
    benchmark: "ideas",
    machine: { nproc: $nproc, cpu: $cpu, date: $date, git_commit: $commit, git_dirty: $dirty,
               build_type: $build_type, binary: $binary, loadavg_at_end: $loadavg },
    data: { scale: $scale, seed: $seed, now: $now, sqlite_bytes: $db_bytes, generated_in_s: $gen_seconds,
            rows: $counts, idea_ids: { first: $first, last: $last },
            challenge: { id: $challenge, space_id: $space, ideas: $challenge_ideas }, similar_texts: $texts,
            startup_health_sweep_s: $sweep },
    load: { tool: "wrk", threads: $t, connections: $c, duration_s: $duration, warmup_s: $warmup },
    goals: { ratio_to_healthz: $g_ratio, p99_ms: $g_p99, similar_p99_ms: $g_sim },
    scenarios: ($all | map({ (.label): scen }) | add),
    checks: (
      [ $all[] | select(.goal != "none") |
        if .status != "measured" then { goal: "\(.label) answers 200", value: .status, pass: false }
        else (if .goal == "similar" then p99_check($g_sim) else p99_check($g_p99) end),
             (if .goal == "read" and $base then
                { goal: "\(.label) ≥ \($g_ratio)× /healthz throughput", value: (.w.rps / $base * 1000 | round / 1000),
                  pass: (.w.rps / $base >= $g_ratio) } else empty end),
             { goal: "\(.label) all answers 2xx, no socket errors", value: (.w.non_2xx_3xx + ([.w.errors[]] | add)),
               pass: (.w.requests > 0 and .w.non_2xx_3xx == 0 and ([.w.errors[]] | add) == 0) } end ])
  }' "$tmp/scenarios.jsonl" >"$OUT"

# ---- summary -------------------------------------------------------------------------
jq -r '
  .machine as $m | .load as $l | .data as $d |
  "\ncocreate ideas benchmark — \($m.date), commit \($m.git_commit[0:12])\(if $m.git_dirty then "+dirty" else "" end), \($m.build_type), \($m.nproc) cores, wrk -t\($l.threads) -c\($l.connections) -d\($l.duration_s)s",
  "data: \($d.scale) seed \($d.seed), \($d.rows.challenges // "?") challenges, \($d.rows.ideas // "?") ideas, \($d.rows.comments // "?") comments, \($d.rows.idea_votes // "?") votes, SQLite \($d.sqlite_bytes / 1048576 | floor) MiB\(if $d.generated_in_s then ", generated in \($d.generated_in_s) s" else " (cached)" end); challenge \($d.challenge.id) (space \($d.challenge.space_id), \($d.challenge.ideas) ideas), ideas \($d.idea_ids.first)..\($d.idea_ids.last), \($d.similar_texts) typed texts",
  (["scenario", "req/s", "ratio", "p50 ms", "p99 ms", "mean ms", "alone ms", "cpu us/req", "other %", "bytes", "errors"] | @tsv),
  (.scenarios | to_entries[] | if .value.status != "measured" then [.key, .value.status, "-", "-", "-", "-", "-", "-", "-", "-", "-"] else
     [ .key, (.value.rps | round), .value.ratio_to_healthz, .value.latency_ms.p50, .value.latency_ms.p99,
       (.value.latency_ms.mean * 100 | round / 100), .value.alone_ms, .value.server_cpu_us_per_req,
       .value.foreign_cpu_pct, .value.bytes_per_response, (.value.non_2xx_3xx + ([.value.socket_errors[]] | add)) ] end | @tsv),
  "",
  (.checks[] | "  \(if .pass then "PASS" else "FAIL" end)  \(.goal)  (\(.value))")
' "$OUT" | awk -F'\t' 'NF > 1 { printf "  %-18s %7s %6s %8s %8s %8s %8s %10s %7s %7s %6s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11; next } { print }'
echo
log "wrote $OUT"

failed=$(jq '[.checks[] | select(.pass | not)] | length' "$OUT")
if [ "$failed" -gt 0 ]; then
  log "$failed goal(s) FAIL"
  [ "$STRICT" = 1 ] && exit 1
fi
exit 0
