#!/usr/bin/env bash
# Lighthouse scores of the web app, served by the real server with the demo company loaded.
#
# Loads the demo data into a throwaway SQLite database (`cocreate demo`), starts `cocreate serve`
# on 127.0.0.1 and an ephemeral port, and runs npm's `lighthouse` (pinned in web/package.json) in
# Debian's Chromium on the sign-in page and on the signed-in home page (the session cookie is
# passed with --extra-headers). Prints performance / accessibility / best-practices scores and the
# initial JavaScript size (gzipped), and writes everything to bench/results/lighthouse.json.
#
# Goals: performance >= 90, accessibility >= 95, best practices >= 95, initial JS < 250 KB gzipped.
# Exit status: 0 when the run completed (1 with --strict when a goal is missed), 2 when it could not run.
#
# Usage: bench/lighthouse/run.sh [--strict] [--desktop] [--binary PATH] [--out FILE] [--keep]
# Needs: build/cocreate (scripts/test or a cmake build), web/node_modules (npm ci), web/dist (npm run build,
# run here when missing), curl, Chromium at $CHROME_PATH (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

BIN=${COCREATE_BIN:-$ROOT/build/cocreate}
OUT=$ROOT/bench/results/lighthouse.json
STRICT=0
PRESET=mobile
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --strict) STRICT=1 ;;
    --desktop) PRESET=desktop ;;
    --binary) BIN=$2; shift ;;
    --out) OUT=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "lighthouse: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

die() { echo "lighthouse: $*" >&2; exit 2; }
[ -x "$BIN" ] || die "no server binary at $BIN (build it first, or pass --binary)"
[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH"
[ -x web/node_modules/.bin/lighthouse ] || die "web/node_modules is missing: run 'npm ci' in web/"
if [ ! -f web/dist/index.html ]; then
  echo "lighthouse: building the web app (web/dist is missing)"
  (cd web && npm run build --silent) >/dev/null
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cocreate-lighthouse.XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$KEEP" = 1 ]; then echo "lighthouse: kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB="sqlite:$TMP/lighthouse.db"
"$BIN" --database "$DB" --log-level warn demo >"$TMP/demo.txt" 2>&1 || { cat "$TMP/demo.txt" >&2; die "'cocreate demo' failed"; }
"$BIN" --database "$DB" --log-level warn serve --host 127.0.0.1 --port 0 --port-file "$TMP/port" \
  --web-root "$ROOT/web/dist" --access-log false >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  [ -s "$TMP/port" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; die "the server stopped"; }
  sleep 0.1
done
[ -s "$TMP/port" ] || die "the server did not write its port file"
URL="http://127.0.0.1:$(cat "$TMP/port")"

# Sign in as the demo administrator and keep the session cookie for the signed-in page.
curl -fsS -o /dev/null -D "$TMP/headers" -H 'Content-Type: application/json' -H 'X-Cocreate-Csrf: 1' \
  -d '{"email":"admin@demo.cocreate.test","password":"demo-cocreate-2026"}' "$URL/api/v1/auth/sign-in" \
  || die "could not sign in as the demo administrator"
COOKIE=$(tr -d '\r' <"$TMP/headers" | sed -n 's/^[Ss]et-[Cc]ookie: *\(__Host-cocreate=[^;]*\).*/\1/p' | head -n1)
[ -n "$COOKIE" ] || die "sign-in answered without a session cookie"

lighthouse() { # name url [extra args]
  local name=$1 url=$2; shift 2
  local preset=()
  [ "$PRESET" = desktop ] && preset=(--preset=desktop)
  web/node_modules/.bin/lighthouse "$url" --quiet --output=json --output-path="$TMP/$name.json" \
    --only-categories=performance,accessibility,best-practices "${preset[@]}" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" "$@" >"$TMP/$name.log" 2>&1 \
    || { tail -n 20 "$TMP/$name.log" >&2; die "lighthouse failed on $url"; }
}
echo "lighthouse: $PRESET preset, server $URL"
lighthouse sign-in "$URL/sign-in"
lighthouse home "$URL/" --extra-headers="{\"Cookie\":\"$COOKIE\"}"

node web/scripts/initial-js-size.mjs --json >"$TMP/js.json" || true

mkdir -p "$(dirname "$OUT")"
node - "$TMP" "$OUT" "$PRESET" "$STRICT" <<'NODE'
const fs = require('fs');
const [tmp, out, preset, strict] = process.argv.slice(2);
const goals = { performance: 90, accessibility: 95, 'best-practices': 95, initial_js_gzip_kb: 250 };
const pages = {};
for (const name of ['sign-in', 'home']) {
  const report = JSON.parse(fs.readFileSync(`${tmp}/${name}.json`, 'utf8'));
  const score = (c) => Math.round((report.categories[c]?.score ?? 0) * 100);
  const failing = Object.values(report.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  pages[name] = {
    url: report.finalDisplayedUrl ?? report.finalUrl,
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    lcp_ms: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbt_ms: Math.round(report.audits['total-blocking-time']?.numericValue ?? 0),
    cls: Number((report.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    failing_audits: failing,
  };
}
const js = JSON.parse(fs.readFileSync(`${tmp}/js.json`, 'utf8'));
const jsKb = Math.round((js.total_gzip_bytes / 1024) * 10) / 10;
const misses = [];
for (const [name, p] of Object.entries(pages))
  for (const c of ['performance', 'accessibility', 'best-practices'])
    if (p[c] < goals[c]) misses.push(`${name} ${c} ${p[c]} < ${goals[c]}`);
if (jsKb >= goals.initial_js_gzip_kb) misses.push(`initial JS ${jsKb} KB >= ${goals.initial_js_gzip_kb} KB`);
const result = {
  date: new Date().toISOString(),
  lighthouse_preset: preset,
  goals,
  pages,
  initial_js: { gzip_bytes: js.total_gzip_bytes, gzip_kb: jsKb, files: js.files.length },
  goals_met: misses.length === 0,
  misses,
};
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('page', 10)}${pad('performance', 13)}${pad('accessibility', 15)}${pad('best-practices', 16)}LCP ms  TBT ms  CLS`);
for (const [name, p] of Object.entries(pages))
  console.log(`${pad(name, 10)}${pad(p.performance, 13)}${pad(p.accessibility, 15)}${pad(p['best-practices'], 16)}${pad(p.lcp_ms, 8)}${pad(p.tbt_ms, 8)}${p.cls}`);
console.log(`initial JS: ${jsKb} KB gzipped (${js.files.length} files)`);
console.log(misses.length ? `goals missed: ${misses.join('; ')}` : 'all goals met');
console.log(`written to ${out}`);
if (strict === '1' && misses.length) process.exit(1);
NODE
