#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind: a figure that does not move when
# other processes share the 2 cores (wrk throughput does). Runs the same scenarios as run.sh
# against one server started under callgrind, and lists where the instructions go.
#
#   bench/http/instructions.sh [--requests N] [--spaces N] [--top N] [--out FILE] [--keep]
#
# Writes bench/results/http-instructions.json. Takes ~1-2 minutes (callgrind is ~50x slower).
# User-space instructions only: kernel time (sockets, futex waits) and lock contention are not
# in these counts; see run.sh (CPU µs per request) and `perf` (README) for those.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
BIN="$repo/build/cocreate"
OUT="$repo/bench/results/http-instructions.json"
REQUESTS=200
SEED_SPACES=200
TOP=25
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS=$2; shift ;;
    --spaces) SEED_SPACES=$2; shift ;;
    --top) TOP=$2; shift ;;
    --out) OUT=$2; shift ;;
    --keep) KEEP=1 ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "instructions.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "instructions.sh: $*" >&2; exit 2; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
[ -x "$BIN" ] || die "no binary at $BIN"
for tool in valgrind callgrind_control callgrind_annotate curl jq timeout; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

tmp=$(mktemp -d /tmp/cocreate-instr.XXXXXX)
PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  [ -n "$PID" ] && { wait "$PID" 2>/dev/null || true; }
  if [ "$KEEP" = 1 ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
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
stable_copy "$BIN" "$tmp/cocreate"
BIN="$tmp/cocreate"
db="sqlite:$tmp/bench.db"

# start [runner...]: starts the server (optionally under a runner), sets PID and PORT.
start() {
  rm -f "$tmp/port"
  "$@" "$BIN" --database "$db" serve --host 127.0.0.1 --port 0 --port-file "$tmp/port" --access-log false \
    >>"$tmp/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1200); do
    [ -s "$tmp/port" ] && break
    kill -0 "$PID" 2>/dev/null || { tail -n 20 "$tmp/server.log" >&2; die "server exited"; }
    sleep 0.05
  done
  [ -s "$tmp/port" ] || die "no port file after 60 s"
  PORT=$(<"$tmp/port")
  base="http://127.0.0.1:$PORT"
}
stop() { kill -TERM "$PID"; for _ in $(seq 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done; wait "$PID" 2>/dev/null || true; PID=""; }

# Data and session are made by a normal server (Argon2id and 200 synchronous writes would take
# minutes under valgrind); the session lives in the database, so the cookie stays valid.
log "demo data, sign-in, $SEED_SPACES spaces"
timeout 120 "$BIN" --database "$db" demo >"$tmp/demo.log" 2>&1 || die "demo load failed"
start
cookie=$(curl -sS --max-time 10 -o /dev/null -D - -X POST -H 'X-Cocreate-Csrf: 1' -H 'Content-Type: application/json' \
  --data '{"email":"admin@demo.cocreate.test","password":"demo-cocreate-2026"}' "$base/api/v1/auth/sign-in" |
  tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: __Host-cocreate=\([^;]*\).*/\1/p' | head -n 1)
[ -n "$cookie" ] || die "sign-in gave no cookie"
if [ "$SEED_SPACES" -gt 0 ]; then
  for ((i = 1; i <= SEED_SPACES; i++)); do
    printf 'url = "%s/api/v1/spaces"\nrequest = "POST"\nheader = "X-Cocreate-Csrf: 1"\nheader = "Content-Type: application/json"\nheader = "Cookie: __Host-cocreate=%s"\ndata = "{\\"name\\":\\"Bench space %03d\\",\\"description\\":\\"Seeded by bench/http/run.sh: a realistic two-sentence description of what this space is for. Customers and partners meet here.\\",\\"kind\\":\\"community\\"}"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
      "$base" "$cookie" "$i"
    if [ "$i" -lt "$SEED_SPACES" ]; then echo next; fi
  done >"$tmp/seed.curl"
  n=$(timeout 300 curl -sS -K "$tmp/seed.curl" | grep -c '^201$' || true)
  [ "$n" = "$SEED_SPACES" ] || die "only $n spaces created"
fi
stop

log "server under callgrind"
start valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$tmp/cg.out"
curl -sS --max-time 60 -o /dev/null "$base/readyz"

scenarios=("/healthz|0" "/api/v1/spaces|1" "/api/v1/me|1" "/api/v1/spaces?limit=1|1")
: >"$tmp/results.jsonl"
k=0
for sc in "${scenarios[@]}"; do
  IFS='|' read -r path authed <<<"$sc"
  k=$((k + 1))
  {
    if [ "$authed" = 1 ]; then echo "header = \"Cookie: __Host-cocreate=$cookie\""; fi
    for ((i = 0; i < REQUESTS; i++)); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$base" "$path"; done
  } >"$tmp/req.curl"
  # Two warm-up requests on one keep-alive connection, then exactly REQUESTS counted ones.
  hdr=()
  if [ "$authed" = 1 ]; then hdr=(-H "Cookie: __Host-cocreate=$cookie"); fi
  curl -sS --max-time 120 -o /dev/null -o /dev/null "${hdr[@]}" "$base$path" "$base$path"
  callgrind_control -i on "$PID" >/dev/null 2>&1
  callgrind_control -z "$PID" >/dev/null 2>&1
  codes=$(timeout 600 curl -sS -K "$tmp/req.curl" -w '%{http_code}\n' | sort | uniq -c | tr -s ' ')
  callgrind_control -i off "$PID" >/dev/null 2>&1
  callgrind_control -d "scenario$k" "$PID" >/dev/null 2>&1
  [ "$codes" = " $REQUESTS 200" ] || die "GET $path answered:$codes"
  f=$(ls -t "$tmp"/cg.out.* | head -n 1)
  total=$(awk '/^totals:/ { print $2 }' "$f")
  # Inclusive instructions per request of the top functions (callgrind_annotate's own percentages
  # overflow on these dumps, so they are recomputed from the totals line).
  callgrind_annotate --inclusive=yes --threshold=100 "$f" 2>/dev/null |
    awk -v t="$total" -v n="$REQUESTS" -v top="$TOP" '
      /^ *[0-9,]+ \(/ && !/PROGRAM TOTALS/ {
        x = $1; gsub(",", "", x); line = $0; sub(/^ *[0-9,]+ \([^)]*\) +/, "", line)
        sub(/^\?\?\?:/, "", line); sub(/ \[[^]]*\]$/, "", line)
        if (line ~ /^0x[0-9a-f]+/ || line ~ /boost::asio::detail::|^std::_Function_handler/) next
        if (length(line) > 140) line = substr(line, 1, 137) "..."
        if (shown < top) { printf "%d\t%.1f\t%s\n", x / n, 100 * x / t, line; shown++ }
      }' >"$tmp/top.tsv"
  jq -n -c --arg path "GET $path" --argjson n "$REQUESTS" --argjson total "$total" --rawfile top "$tmp/top.tsv" '
    { scenario: $path, requests: $n, instructions_per_request: ($total / $n | round),
      top_inclusive: ($top | split("\n") | map(select(length > 0) | split("\t") |
        { instructions_per_request: (.[0] | tonumber), percent: (.[1] | tonumber), function: .[2] })) }' \
    >>"$tmp/results.jsonl"
  log "GET $path: $((total / REQUESTS)) instructions per request"
done
stop

mkdir -p "$(dirname "$OUT")"
jq -s --arg date "$(date -u +%FT%TZ)" --arg commit "$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)" \
  --arg sha "$(sha256sum "$BIN" | cut -c1-16)" --argjson spaces "$SEED_SPACES" '
  { benchmark: "http-instructions", tool: "valgrind --tool=callgrind (user-space instructions, all threads)",
    date: $date, git_commit: $commit, binary_sha256_16: $sha, spaces_seeded: $spaces,
    scenarios: (map({ (.scenario): . }) | add) }
  | .scenarios |= (("GET /healthz" as $h | .[$h].instructions_per_request) as $base
                   | map_values(. + { x_healthz: (.instructions_per_request / $base * 10 | round / 10) }))' \
  "$tmp/results.jsonl" >"$OUT"

jq -r '.scenarios[] | "\n\(.scenario): \(.instructions_per_request) instructions/request (\(.x_healthz) x /healthz)",
  (.top_inclusive[] | "  \(.percent)%\t\(.instructions_per_request)\t\(.function)")' "$OUT" |
  awk -F'\t' 'NF == 3 { printf "  %7s %10s  %s\n", $1, $2, $3; next } { print }'
log "wrote $OUT"
