#!/usr/bin/env bash
# Stakeholder and engagement benchmark: wrk against list, deep-cursor, timeline and
# needs-attention reads of a generated enterprise company (100,000 stakeholders, 1,000,000
# interactions), /healthz as the reference, and the time to import 100,000 CSV rows.
# See bench/README.md ("bench/stakeholders/run.sh").
#
#   bench/stakeholders/run.sh [--scale enterprise|small] [--seed N] [--duration SECS]
#                             [--connections N] [--threads N] [--import-rows N] [--cache DIR]
#                             [--out FILE] [--binary PATH] [--keep] [--strict]
#
# Writes bench/results/stakeholders.json and prints a table plus PASS/FAIL per goal.
# Exit status: 0 when the run completed (goals may still FAIL; --strict exits 1 then),
# 2 when the run itself could not complete.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

# ---- options ---------------------------------------------------------------------------
BIN="$repo/build/cocreate"
OUT="$repo/bench/results/stakeholders.json"
SCALE=enterprise
SEED=1
DURATION=10
WARMUP=2
CONNECTIONS=32
THREADS=2
IMPORT_ROWS=100000
CACHE="${TMPDIR:-/tmp}/cocreate-gen-cache"
KEEP=0
STRICT=0
TOTAL_LIMIT_S=1500    # the whole run, generation included, is stopped (cleanly) after this
GEN_LIMIT_S=900       # generating the enterprise company
PAGES=200             # pages walked to reach the deep cursor
PAGE_WALK_LIMIT_S=120

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    --import-rows) IMPORT_ROWS=$2; shift ;;
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
for n in "$SEED" "$DURATION" "$CONNECTIONS" "$THREADS" "$IMPORT_ROWS"; do
  case "$n" in '' | *[!0-9]*) echo "run.sh: numbers only for --seed/--duration/--connections/--threads/--import-rows" >&2; exit 2 ;; esac
done
[ "$SCALE" = small ] && [ "$IMPORT_ROWS" = 100000 ] && IMPORT_ROWS=1000

# Goals (see bench/README.md).
GOAL_LIST_P99_MS=20
GOAL_TIMELINE_P99_MS=20
GOAL_RATIO=0.3         # list and timeline throughput against /healthz (issue goal)
GOAL_ATTENTION_MS=50
GOAL_IMPORT_S=10
BODY_LIMIT=$((16 * 1024 * 1024))

ADMIN=bench-admin@gen.cocreate.test
PASSWORD=${COCREATE_GEN_PASSWORD:-gen-cocreate-bench-2026}

# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"

[ -x "$BIN" ] || die "no binary at $BIN (build it first; this script never builds)"
for tool in wrk curl jq awk timeout; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
"$BIN" gen --help >/dev/null 2>&1 || die "$BIN has no 'gen' command (an older build?)"

bench_start stakeholders

# ---- the generated company (cached by scale, seed and day) -------------------------------
bench_company
busiest=$(sed -n 's/^busiest_stakeholder_id=//p' "$CACHE/$key.out")
busiest_n=$(sed -n 's/^busiest_stakeholder_interactions=//p' "$CACHE/$key.out")
[ -n "$busiest" ] || die "no busiest_stakeholder_id in $CACHE/$key.out"

# ---- server (on a copy: sign-in, the token and the import write to it) --------------------
bench_server
bench_token bench/stakeholders

# ---- the deep cursor: walk PAGES pages of customers (bounded in count and time) --------
list="/api/v1/stakeholders?kind=customer&limit=50"
cursor=""
pages=0
walk_end=$((SECONDS + PAGE_WALK_LIMIT_S))
while [ "$pages" -lt "$PAGES" ] && [ "$SECONDS" -lt "$walk_end" ]; do
  url="$base$list"
  [ -n "$cursor" ] && url="$url&after=$(jq -rn --arg c "$cursor" '$c | @uri')"
  next=$(curl -sS --max-time 10 -H "$auth" "$url" | jq -r '.next_cursor // empty' 2>/dev/null) || next=""
  [ -n "$next" ] || break
  cursor=$next
  pages=$((pages + 1))
done
log "deep cursor after $pages pages: ${cursor:-none}"

# ---- load ----------------------------------------------------------------------------
# label | path | goal kind (none, list, timeline, attention)
scenarios=("healthz|/healthz|none" "list_first_page|$list|list")
[ -n "$cursor" ] && scenarios+=("list_deep_cursor|$list&after=$(jq -rn --arg c "$cursor" '$c | @uri')|list")
scenarios+=("timeline_busiest|/api/v1/stakeholders/$busiest/timeline|timeline"
            "attention_all|/api/v1/engagement/attention?scope=all|attention")

: >"$tmp/scenarios.jsonl"
for sc in "${scenarios[@]}"; do
  IFS='|' read -r label path goal <<<"$sc"
  code=$(curl -sS --max-time 30 -o "$tmp/check.json" -w '%{http_code}' -H "$auth" "$base$path" || echo 000)
  if [ "$code" != 200 ]; then
    log "$label: GET $path answered $code; not measured"
    jq -nc --arg l "$label" --arg p "$path" --arg g "$goal" --arg c "$code" \
      '{label: $l, path: $p, goal: $g, status: ("HTTP " + $c)}' >>"$tmp/scenarios.jsonl"
    continue
  fi
  bytes=$(wc -c <"$tmp/check.json")
  log "$label: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s GET $path ($bytes bytes)"
  timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "$auth" "$base$path" >/dev/null 2>&1 || true
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
    -s "$repo/bench/http/report.lua" -H "$auth" "$base$path" >"$tmp/wrk-$label.txt" 2>&1 ||
    { cat "$tmp/wrk-$label.txt" >&2; die "wrk failed for $label"; }
  line=$(sed -n 's/^WRK_JSON //p' "$tmp/wrk-$label.txt" | tail -n 1)
  [ -n "$line" ] || die "no figures from wrk for $label"
  jq -c --arg l "$label" --arg p "$path" --arg g "$goal" --argjson b "$bytes" \
    '{label: $l, path: $p, goal: $g, status: "measured", bytes_per_response: $b, w: .}' <<<"$line" >>"$tmp/scenarios.jsonl"
done

# ---- CSV import ----------------------------------------------------------------------
# Unique names and e-mails under a domain the generator never uses, so no row is a duplicate.
log "building a CSV of $IMPORT_ROWS rows"
run_id=$(date +%s)
awk -v n="$IMPORT_ROWS" -v run="$run_id" 'BEGIN {
  split("customer customer customer prospect prospect partner supplier academia", kinds, " ")
  split("Automotive|Logistics|Energy|Healthcare|Retail|Banking|Software|Manufacturing", ind, "|")
  split("DACH|Nordics|France|Benelux|Iberia|North America|APAC", reg, "|")
  split("ai;pilot|sustainability|iot;edge|key-account;strategic|early-adopter||event-contact;newsletter", tags, "|")
  print "name,email,kind,industry,region,tags"
  for (i = 1; i <= n; i++)
    printf "Imported Contact %d-%d,contact%d.%d@import-bench.example,%s,%s,\"%s\",%s\n", run, i, i, run,
      kinds[i % 8 + 1], ind[i % 8 + 1], reg[i % 7 + 1], tags[i % 7 + 1]
}' >"$tmp/import.csv"
jq -Rsc '{csv: .}' <"$tmp/import.csv" >"$tmp/import.json"
body_bytes=$(stat -c %s "$tmp/import.json")
[ "$body_bytes" -lt "$BODY_LIMIT" ] || die "import body is $body_bytes bytes, over the 16 MiB limit: lower --import-rows"
log "POST /api/v1/stakeholders/import ($body_bytes bytes)"
import_line=$(curl -sS --max-time 300 -o "$tmp/import-answer.json" -w '%{http_code} %{time_total}' -H "$auth" \
  -H 'Content-Type: application/json' --data-binary "@$tmp/import.json" "$base/api/v1/stakeholders/import" || echo "000 0")
read -r import_code import_s <<<"$import_line"
import_answer=$(jq -c . "$tmp/import-answer.json" 2>/dev/null || echo null)
[ "$import_code" = 201 ] || log "import answered $import_code: $(head -c 400 "$tmp/import-answer.json" 2>/dev/null)"

stop_server

# ---- results file --------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo true || echo false)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$repo/build/CMakeCache.txt" 2>/dev/null || true)
counts=$(awk '/^  [a-z_]+ +[0-9]+$/ { printf "%s\"%s\":%s", (n++ ? "," : "{"), $1, $2 } END { print (n ? "}" : "{}") }' "$CACHE/$key.out")
mkdir -p "$(dirname "$OUT")"
jq -s \
  --arg date "$(date -u +%FT%TZ)" --arg commit "$commit" --argjson dirty "$dirty" --argjson nproc "$(nproc)" \
  --arg cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" --arg build_type "${build_type:-unknown}" \
  --arg loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --arg scale "$SCALE" --argjson seed "$SEED" --arg now "${today}T00:00:00Z" --argjson db_bytes "$db_bytes" \
  --argjson gen_seconds "$gen_seconds" --argjson counts "$counts" --argjson busiest "$busiest" \
  --argjson busiest_n "${busiest_n:-0}" --argjson pages "$pages" \
  --argjson duration "$DURATION" --argjson warmup "$WARMUP" --argjson c "$CONNECTIONS" --argjson t "$THREADS" \
  --argjson rows "$IMPORT_ROWS" --argjson body "$body_bytes" --arg icode "$import_code" --argjson isecs "$import_s" \
  --argjson ianswer "$import_answer" \
  --argjson g_list "$GOAL_LIST_P99_MS" --argjson g_tl "$GOAL_TIMELINE_P99_MS" --argjson g_att "$GOAL_ATTENTION_MS" \
  --argjson g_imp "$GOAL_IMPORT_S" --argjson g_ratio "$GOAL_RATIO" '
  (map(select(.label == "healthz" and .status == "measured"))[0].w.rps // null) as $base |
  def goal_ms($g): { list: $g_list, timeline: $g_tl, attention: $g_att }[$g];
  def scen: if .status != "measured" then { path, status } else
    { path, status, rps: .w.rps, requests: .w.requests, bytes_per_response,
      latency_ms: { p50: (.w.p50_us / 1000), p90: (.w.p90_us / 1000), p99: (.w.p99_us / 1000),
                    p999: (.w.p999_us / 1000), max: (.w.max_us / 1000), mean: (.w.mean_us / 1000) },
      ratio_to_healthz: (if $base then (.w.rps / $base * 1000 | round / 1000) else null end),
      non_2xx_3xx: .w.non_2xx_3xx, socket_errors: .w.errors } end;
  . as $all |
  {
    benchmark: "stakeholders",
    machine: { nproc: $nproc, cpu: $cpu, date: $date, git_commit: $commit, git_dirty: $dirty,
               build_type: $build_type, loadavg_at_end: $loadavg },
    data: { scale: $scale, seed: $seed, now: $now, sqlite_bytes: $db_bytes, generated_in_s: $gen_seconds,
            rows: $counts, busiest_stakeholder: { id: $busiest, interactions: $busiest_n }, deep_cursor_pages: $pages },
    load: { tool: "wrk", threads: $t, connections: $c, duration_s: $duration, warmup_s: $warmup },
    goals: { ratio_to_healthz: $g_ratio, list_p99_ms: $g_list, timeline_p99_ms: $g_tl, attention_p99_ms: $g_att, attention_mean_ms: $g_att,
             import_s: $g_imp },
    scenarios: ($all | map({ (.label): scen }) | add),
    import: { rows: $rows, body_bytes: $body, http_status: ($icode | tonumber), seconds: $isecs, answer: $ianswer },
    checks: (
      [ $all[] | select(.goal != "none") |
        if .status != "measured" then { goal: "\(.label) answers 200", value: .status, pass: false }
        else ({ goal: "\(.label) p99 < \(goal_ms(.goal)) ms", value: (.w.p99_us / 1000), pass: (.w.p99_us / 1000 < goal_ms(.goal)) },
              (if .goal == "attention" then { goal: "\(.label) mean < \($g_att) ms", value: (.w.mean_us / 1000 * 10 | round / 10),
                                              pass: (.w.mean_us / 1000 < $g_att) } else empty end),
              (if (.goal == "list" or .goal == "timeline") and $base then
                 { goal: "\(.label) ≥ \($g_ratio)× /healthz throughput", value: (.w.rps / $base * 1000 | round / 1000),
                   pass: (.w.rps / $base >= $g_ratio) } else empty end),
              { goal: "\(.label) all answers 2xx, no socket errors", value: (.w.non_2xx_3xx + ([.w.errors[]] | add)),
                pass: (.w.non_2xx_3xx == 0 and ([.w.errors[]] | add) == 0) }) end ]
      + [ { goal: "import of \($rows) rows answers 201 in < \($g_imp) s", value: $isecs,
            pass: ($icode == "201" and $isecs < $g_imp) } ])
  }' "$tmp/scenarios.jsonl" >"$OUT"

# ---- summary -------------------------------------------------------------------------
jq -r '
  .machine as $m | .load as $l | .data as $d |
  "\ncocreate stakeholder benchmark — \($m.date), commit \($m.git_commit[0:12])\(if $m.git_dirty then "+dirty" else "" end), \($m.build_type), \($m.nproc) cores, wrk -t\($l.threads) -c\($l.connections) -d\($l.duration_s)s",
  "data: \($d.scale) seed \($d.seed), \($d.rows.stakeholders // "?") stakeholders, \($d.rows.interactions // "?") interactions, SQLite \($d.sqlite_bytes / 1048576 | floor) MiB\(if $d.generated_in_s then ", generated in \($d.generated_in_s) s" else " (cached)" end); busiest stakeholder \($d.busiest_stakeholder.id) (\($d.busiest_stakeholder.interactions) interactions); deep cursor after \($d.deep_cursor_pages) pages",
  (["scenario", "req/s", "ratio", "p50 ms", "p99 ms", "mean ms", "bytes", "non-2xx"] | @tsv),
  (.scenarios | to_entries[] | if .value.status != "measured" then [.key, .value.status, "-", "-", "-", "-", "-", "-"] else
     [ .key, (.value.rps | round), .value.ratio_to_healthz, .value.latency_ms.p50, .value.latency_ms.p99,
       (.value.latency_ms.mean * 100 | round / 100), .value.bytes_per_response, .value.non_2xx_3xx ] end | @tsv),
  "import: \(.import.rows) rows, \(.import.body_bytes) bytes → HTTP \(.import.http_status) in \(.import.seconds) s \(.import.answer | tostring | .[0:120])",
  "",
  (.checks[] | "  \(if .pass then "PASS" else "FAIL" end)  \(.goal)  (\(.value))")
' "$OUT" | awk -F'\t' 'NF > 1 { printf "  %-20s %9s %7s %8s %8s %8s %8s %8s\n", $1, $2, $3, $4, $5, $6, $7, $8; next } { print }'
echo
log "wrote $OUT"

failed=$(jq '[.checks[] | select(.pass | not)] | length' "$OUT")
if [ "$failed" -gt 0 ]; then
  log "$failed goal(s) FAIL"
  [ "$STRICT" = 1 ] && exit 1
fi
exit 0
