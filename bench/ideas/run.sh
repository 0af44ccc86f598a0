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

# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"

[ -x "$BIN" ] || die "no binary at $BIN (build it first; this script never builds)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
for tool in wrk curl jq awk timeout; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
"$BIN" gen --help >/dev/null 2>&1 || die "$BIN has no 'gen' command (an older build?)"

bench_start ideas

# ---- the generated company (cached by scale, seed and day, shared with the other benches) --
# A cached company from a generator without ideas (its summary has no first_idea_id) is
# generated again: the ideas phase runs last, so the stakeholder and project data in the new
# file are the same as before.
bench_company first_idea_id
first_id=$(summary_value first_idea_id)
last_id=$(summary_value last_idea_id)
challenge=$(summary_value busiest_challenge_id)
space=$(summary_value busiest_challenge_space_id)
challenge_ideas=$(summary_value busiest_challenge_ideas)
for v in "$first_id" "$last_id" "$challenge" "$space" "$challenge_ideas"; do
  case "$v" in '' | *[!0-9]*) die "no first_idea_id/last_idea_id/busiest_challenge_* in $CACHE/$key.out" ;; esac
done

# ---- server --------------------------------------------------------------------------
bench_server
bench_wait_health_sweep "$SWEEP_WAIT_S"
# The administrator is an internal user: sort=-interest is for internal users only.
bench_token bench/ideas

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
