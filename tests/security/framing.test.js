'use strict';
// HTTP/1.1 framing: ambiguous or malformed requests sent byte for byte on raw sockets.
//
// Every "reject" case must be answered with an error status (mostly 400) or by closing the
// connection, and nothing after the bad request may be processed: each case carries either a
// hidden request inside its body (what a smuggler would do) or a trailing canary request, so a
// server that picks the wrong message boundary answers more than once. The carrier request is
// `GET /healthz` wherever possible, so a server that *accepts* the ambiguous message answers 200
// and is caught. The hidden request is `POST /api/v1/setup`, so if one were ever processed the
// database would have a user: the last test checks that setup is still needed.
//
// Decisions (RFC 9112):
// - obs-fold (§5.2) and bare LF (§2.2) MAY be accepted by the RFC; cocreate rejects both (400),
//   because a front-end that disagrees is how requests get smuggled.
// - absolute-form (§3.2.2) MUST be accepted by an origin server; the host in the target wins
//   over Host. cocreate serves one origin, so 200 (served as the path) and 400/421 are all
//   acceptable; what is checked is that the connection stays in sync (exactly one answer).
// - an unknown transfer coding (§6.1) SHOULD get 501; 400 is accepted too.
// - Transfer-Encoding in an HTTP/1.0 request (§6.1) is treated as faulty framing: 400 + close.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { exchange } = require('../support/raw');

const READ_TIMEOUT_MS = 2000;
const HOST = 'Host: 127.0.0.1';
const CRLF = '\r\n';

const SETUP_JSON = JSON.stringify({ email: 'smuggled@example.com', display_name: 'Smuggled', password: 'Smuggled-Password-123' });
const HIDDEN = [
  'POST /api/v1/setup HTTP/1.1', HOST, 'Content-Type: application/json', 'X-Cocreate-Csrf: 1',
  `Content-Length: ${Buffer.byteLength(SETUP_JSON)}`, '', SETUP_JSON,
].join(CRLF);
const CANARY = ['GET /healthz?canary=1 HTTP/1.1', HOST, '', ''].join(CRLF);

// GET /healthz with the given header lines and raw body.
function carrier(headers, body = '', { requestLine = 'GET /healthz HTTP/1.1', host = true } = {}) {
  return [requestLine, ...(host ? [HOST] : []), ...headers].join(CRLF) + CRLF + CRLF + body;
}
const SMUGGLE_CHUNKED = `0${CRLF}${CRLF}${HIDDEN}`; // chunked: ends at 0-chunk, HIDDEN follows
const len = (s) => Buffer.byteLength(s, 'latin1');

// kind: 'reject' → first answer must be in `allow` (default [400]) or a close without answer,
//                  and no second answer (the hidden request / canary must not be processed)
//       'sync'   → allowed statuses may include 2xx; the server must answer each request it
//                  reads exactly once (exactly `expectResponses`, or fewer if it closes)
const cases = [];
function reject(name, bytes, allow = [400], extra = {}) {
  cases.push({ name, kind: 'reject', bytes, allow, ...extra });
}

// --- Content-Length together with Transfer-Encoding ----------------------------------------
reject('CL+TE: Content-Length covers a hidden request after the 0-chunk',
  carrier([`Content-Length: ${len(SMUGGLE_CHUNKED)}`, 'Transfer-Encoding: chunked'], SMUGGLE_CHUNKED));
reject('TE+CL: Transfer-Encoding first, then Content-Length',
  carrier(['Transfer-Encoding: chunked', `Content-Length: ${len(SMUGGLE_CHUNKED)}`], SMUGGLE_CHUNKED));
{
  const body = `${HIDDEN.length.toString(16)}${CRLF}${HIDDEN}${CRLF}0${CRLF}${CRLF}`;
  reject('TE.CL: short Content-Length would expose the chunk data as a request',
    carrier(['Content-Length: 4', 'Transfer-Encoding: chunked'], body));
}
{
  const body = `5${CRLF}hello${CRLF}0${CRLF}${CRLF}`;
  reject('CL+TE with consistent lengths is still rejected',
    carrier([`Content-Length: ${len(body)}`, 'Transfer-Encoding: chunked'], body + CANARY));
}
// --- Transfer-Encoding whose final coding is not chunked -------------------------------------
reject('TE: gzip (final coding not chunked)', carrier(['Transfer-Encoding: gzip'], `abc${CANARY}`), [400, 501]);
reject('TE: chunked, gzip', carrier(['Transfer-Encoding: chunked, gzip'], SMUGGLE_CHUNKED), [400, 501]);
reject('TE: identity', carrier(['Transfer-Encoding: identity'], SMUGGLE_CHUNKED), [400, 501]);
reject('TE: gzip, chunked with Content-Length', carrier(['Transfer-Encoding: gzip, chunked', `Content-Length: ${len(SMUGGLE_CHUNKED)}`], SMUGGLE_CHUNKED), [400, 501]);
reject('TE: empty value', carrier(['Transfer-Encoding: ', `Content-Length: ${len(SMUGGLE_CHUNKED)}`], SMUGGLE_CHUNKED), [400, 501]);
// --- obfuscated Transfer-Encoding (with a Content-Length that disagrees) ---------------------
const obfuscated = [
  ['"Transfer-Encoding : chunked" (space before colon)', 'Transfer-Encoding : chunked'],
  ['"Transfer-Encoding:\\tchunked" (tab) with CL', 'Transfer-Encoding:\tchunked'],
  ['"Transfer-Encoding: xchunked"', 'Transfer-Encoding: xchunked'],
  ['"Transfer-Encoding: chunked\\x0b" (vertical tab)', 'Transfer-Encoding: chunked\x0b'],
  ['"Transfer-Encoding:\\x0cchunked" (form feed)', 'Transfer-Encoding:\x0cchunked'],
  ['"Transfer-Encoding: chunked " trailing space with CL', 'Transfer-Encoding: chunked '],
  ['"Transfer-Encoding: \\"chunked\\"" (quoted)', 'Transfer-Encoding: "chunked"'],
  ['"Transfer-Encoding: CHUNKED" with CL', 'Transfer-Encoding: CHUNKED'],
  ['"Transfer-Encoding: , chunked" with CL', 'Transfer-Encoding: , chunked'],
  ['"Transfer-Encoding: chunked;q=1" (parameter)', 'Transfer-Encoding: chunked;q=1'],
  ['"Transfer_Encoding: chunked" plus real TE: chunked and CL', 'Transfer_Encoding: chunked\r\nTransfer-Encoding: chunked'],
];
for (const [name, line] of obfuscated) {
  reject(`obfuscated TE: ${name}`, carrier([`Content-Length: ${len(SMUGGLE_CHUNKED)}`, line], SMUGGLE_CHUNKED), [400, 501]);
}
reject('duplicated TE headers: chunked + identity', carrier(['Transfer-Encoding: chunked', 'Transfer-Encoding: identity'], SMUGGLE_CHUNKED), [400, 501]);
reject('duplicated TE headers: chunked + chunked', carrier(['Transfer-Encoding: chunked', 'Transfer-Encoding: chunked'], SMUGGLE_CHUNKED), [400, 501]);
reject('TE header name split by CRLF', carrier(['Transfer-Encoding', ': chunked', `Content-Length: ${len(SMUGGLE_CHUNKED)}`], SMUGGLE_CHUNKED));
reject('chunked on HTTP/1.0', carrier(['Transfer-Encoding: chunked'], SMUGGLE_CHUNKED, { requestLine: 'GET /healthz HTTP/1.0' }), [400, 501]);
// --- Content-Length oddities ---------------------------------------------------------------
reject('two Content-Length with different values', carrier(['Content-Length: 5', 'Content-Length: 6'], `helloX${CANARY}`));
reject('Content-Length: 1,2', carrier(['Content-Length: 1,2'], `ab${CANARY}`));
reject('Content-Length: -1', carrier(['Content-Length: -1'], CANARY));
reject('Content-Length: abc', carrier(['Content-Length: abc'], CANARY));
reject('Content-Length: 0x5', carrier(['Content-Length: 0x5'], `hello${CANARY}`));
reject('Content-Length: +5', carrier(['Content-Length: +5'], `hello${CANARY}`));
reject('Content-Length: 5 5', carrier(['Content-Length: 5 5'], `hello${CANARY}`));
reject('Content-Length: (empty)', carrier(['Content-Length: '], CANARY));
reject('Content-Length: 2^64+ (overflow)', carrier(['Content-Length: 99999999999999999999999999'], CANARY), [400, 413]);
reject('Content-Length with space before colon', carrier(['Content-Length : 5'], `hello${CANARY}`));
// --- Host ----------------------------------------------------------------------------------
reject('HTTP/1.1 without Host', carrier([], '', { host: false }) + CANARY, [400], { canaryMayAnswer: true });
reject('two Host headers', carrier(['Host: evil.example'], '') + CANARY, [400], { canaryMayAnswer: true });
reject('Host with invalid characters', carrier(['X-Pad: 1'], '', { host: false }).replace('X-Pad: 1', 'Host: a b/c') + CANARY, [400], { canaryMayAnswer: true });
// --- chunk syntax ----------------------------------------------------------------------------
const chunked = (body) => carrier(['Transfer-Encoding: chunked'], body);
reject('chunk size 0x10', chunked(`0x10${CRLF}0123456789abcdef${CRLF}0${CRLF}${CRLF}${CANARY}`));
reject('chunk size -1', chunked(`-1${CRLF}a${CRLF}0${CRLF}${CRLF}${CANARY}`));
reject('chunk size overflows 64 bits', chunked(`fffffffffffffffffffffff1${CRLF}a${CRLF}0${CRLF}${CRLF}${CANARY}`), [400, 413]);
reject('chunk data without CRLF', chunked(`5${CRLF}helloXX0${CRLF}${CRLF}${CANARY}`));
reject('chunk data longer than its size', chunked(`3${CRLF}hello${CRLF}0${CRLF}${CRLF}${CANARY}`));
reject('chunk-extension of 20 KiB', chunked(`5;${'a=b;'.repeat(5000)}x${CRLF}hello${CRLF}0${CRLF}${CRLF}${CANARY}`), [400, 413, 431]);
reject('chunk-extension with bare LF', chunked(`5;foo\nhello${CRLF}0${CRLF}${CRLF}${CANARY}`));
reject('chunk size with leading space', chunked(` 5${CRLF}hello${CRLF}0${CRLF}${CRLF}${CANARY}`));
reject('chunk lines with bare LF', chunked(`5\nhello\n0\n\n${CANARY}`));
reject('empty chunk size line', chunked(`${CRLF}hello${CRLF}0${CRLF}${CRLF}${CANARY}`));
// --- line endings and header syntax --------------------------------------------------------
reject('bare LF line endings', `GET /healthz HTTP/1.1\nHost: 127.0.0.1\n\n${CANARY}`);
reject('bare LF hides a Content-Length inside the Host line', `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\nContent-Length: ${len(HIDDEN)}\r\n\r\n${HIDDEN}`);
reject('bare CR inside a header value', carrier(['X-A: a\rb'], CANARY));
reject('header line without colon', carrier(['Foo bar'], CANARY));
reject('space before colon (benign header)', carrier(['X-Foo : bar'], CANARY));
reject('obs-fold line continuation', carrier(['X-Foo: a', ' b'], CANARY));
reject('obs-fold continuing Transfer-Encoding', carrier([`Content-Length: ${len(SMUGGLE_CHUNKED)}`, 'Transfer-Encoding: identity', ' chunked'], SMUGGLE_CHUNKED), [400, 501]);
reject('NUL byte in a header value', carrier(['X-A: a\0b'], CANARY));
reject('NUL byte in a header name', carrier(['X\0A: b'], CANARY));
reject('whitespace before the first header line', `GET /healthz HTTP/1.1\r\n ${HOST}\r\n\r\n${CANARY}`);
reject('empty header name', carrier([': foo'], CANARY));
reject('invalid character in header name', carrier(['X(A): b'], CANARY));
reject('UTF-8 bytes in header name', carrier([Buffer.from('Ẋ-A: b', 'utf8').toString('latin1')], CANARY));
// --- request line ----------------------------------------------------------------------------
reject('double space in request line', `GET  /healthz HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`);
reject('extra token after version', `GET /healthz HTTP/1.1 extra\r\n${HOST}\r\n\r\n${CANARY}`);
reject('version HTTPS/1.1', `GET /healthz HTTPS/1.1\r\n${HOST}\r\n\r\n${CANARY}`);
reject('version http/1.1 (lowercase)', `GET /healthz http/1.1\r\n${HOST}\r\n\r\n${CANARY}`);
reject('version HTTP/2.0 in text form', `GET /healthz HTTP/2.0\r\n${HOST}\r\n\r\n${CANARY}`, [400, 505]);
reject('method with invalid characters', `G(T /healthz HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`, [400, 501]);
reject('empty method', ` /healthz HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`);
reject('request-target without leading slash', `GET healthz HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`);
reject('control character in request-target', `GET /healthz\x01 HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`);
reject('HTTP/0.9 simple request', `GET /healthz\r\n\r\n${CANARY}`, [400, 505]);
reject('HTTP/2 connection preface', `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n${CANARY}`, [400, 405, 501, 505]);
reject('lowercase method "get" (methods are case-sensitive)', `get /healthz HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`, [400, 405, 501], { canaryMayAnswer: true });
reject('CONNECT is not a tunnel', `CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n${CANARY}`, [400, 405, 501], { canaryMayAnswer: true });
// --- size limits -----------------------------------------------------------------------------
reject('header larger than 16 KiB', carrier([`X-Big: ${'a'.repeat(20 * 1024)}`], CANARY), [400, 431]);
reject('request line larger than 16 KiB', `GET /healthz?${'a'.repeat(20 * 1024)} HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`, [400, 414, 431]);
reject('2000 header lines', carrier(Array.from({ length: 2000 }, (_, i) => `X-H${i}: v`), CANARY), [400, 431]);
{
  const head = ['POST /api/v1/invitations/lookup HTTP/1.1', HOST, 'Content-Type: application/json', 'X-Cocreate-Csrf: 1',
    `Content-Length: ${2 * 1024 * 1024}`, '', ''].join(CRLF);
  reject('body of 2 MiB by Content-Length', [head, Buffer.alloc(256 * 1024, 0x61)], [413]);
  const chunkHead = ['POST /api/v1/invitations/lookup HTTP/1.1', HOST, 'Content-Type: application/json', 'X-Cocreate-Csrf: 1',
    'Transfer-Encoding: chunked', '', ''].join(CRLF);
  const chunk = `10000${CRLF}${'a'.repeat(0x10000)}${CRLF}`;
  const parts = [chunkHead];
  for (let i = 0; i < 24; i += 1) parts.push(chunk); // 1.5 MiB
  parts.push(`0${CRLF}${CRLF}`);
  reject('body of 1.5 MiB by chunks', parts, [413]);
}

// --- requests that are fine, but must be answered exactly once each -------------------------
const syncCases = [
  {
    name: 'control: two pipelined GETs get exactly two answers',
    bytes: CANARY + CANARY,
    allow: [200],
    expectResponses: 2,
  },
  {
    name: 'control: valid chunked body on GET is read to its end, then the next request',
    bytes: carrier(['Transfer-Encoding: chunked'], `5${CRLF}hello${CRLF}0${CRLF}${CRLF}`) + CANARY,
    allow: [200, 400],
    expectResponses: 2,
  },
  {
    name: 'pipelined: a request hidden in a JSON string is not a request',
    bytes: (() => {
      const body = `{"token":"x\r\n\r\n${HIDDEN}"}`;
      return ['POST /api/v1/invitations/lookup HTTP/1.1', HOST, 'Content-Type: application/json', 'X-Cocreate-Csrf: 1',
        `Content-Length: ${len(body)}`, '', body].join(CRLF) + CANARY;
    })(),
    allow: [400, 404, 422, 200],
    expectResponses: 2,
  },
  {
    name: 'pipelined: Content-Length: 0 body followed by a request is exactly two answers',
    bytes: carrier(['Content-Length: 0'], '') + CANARY,
    allow: [200],
    expectResponses: 2,
  },
  {
    name: 'absolute-form with another host is answered once (200, 400 or 421)',
    bytes: `GET http://evil.example/healthz HTTP/1.1\r\n${HOST}\r\n\r\n${CANARY}`,
    allow: [200, 400, 421],
    expectResponses: 2,
  },
];

let srv;
const results = [];

before(async () => {
  srv = await startServer({ args: ['--read-timeout-ms', String(READ_TIMEOUT_MS)] });
});

function describeResponses(r) {
  const list = r.responses.map((x) => (x.complete ? `${x.status}` : 'partial')).join(',');
  return `responses=[${list}] closed=${r.closed}${r.error ? ` error=${r.error}` : ''}${r.garbage ? ` garbage=${JSON.stringify(r.trailing.toString('latin1').slice(0, 80))}` : ''}`;
}

function judgeReject(c, r) {
  if (!r.connected) return { ok: false, accepted: false, why: `could not connect (${r.error})` };
  const answers = r.responses.filter((x) => !(x.status >= 100 && x.status < 200));
  if (r.garbage) return { ok: false, accepted: false, why: 'answer is not HTTP' };
  if (answers.length === 0) {
    if (r.closed) return { ok: true, accepted: false, why: 'closed without an answer' };
    return { ok: false, accepted: false, why: 'no answer and the connection stayed open past the read deadline' };
  }
  const first = answers[0];
  if (!first.complete && !r.closed) return { ok: false, accepted: false, why: 'incomplete answer' };
  if (!c.allow.includes(first.status)) {
    const accepted = first.status < 400 || first.status === 404;
    return { ok: false, accepted, why: `first answer ${first.status}, expected one of ${c.allow}` };
  }
  const more = answers.slice(1);
  if (more.length > 0) {
    if (c.canaryMayAnswer && more.length === 1 && more[0].status === 200) return { ok: true, accepted: false, why: 'rejected; canary answered on the kept-alive connection' };
    return { ok: false, accepted: true, why: `a second request was processed: ${more.map((x) => x.status)}` };
  }
  return { ok: true, accepted: false, why: `answered ${first.status}` };
}

test('framing: ambiguous and malformed requests', { timeout: 600000 }, async (t) => {
  assert.ok(cases.length >= 40, `only ${cases.length} framing cases`);
  // One case at a time, so that a crash is pinned on the case that caused it; after a crash
  // the case fails and a new server (same database) takes over for the rest.
  const crashes = [];
  const died = () => ({ ok: false, accepted: false, why: `the server died (${JSON.stringify(srv.exited)}) on this request; log: ${srv.log().split('\n').filter((l) => !l.includes('"request"')).slice(-2).join(' | ')}` });
  for (const c of cases) {
    if (srv.exited) {
      // It died late, after the previous case was judged: that case did it.
      const prev = results[results.length - 1];
      if (prev && !crashes.includes(prev.c.name)) { prev.verdict = died(); crashes.push(prev.c.name); }
      srv = await startServer({ databaseUrl: srv.databaseUrl, args: ['--read-timeout-ms', String(READ_TIMEOUT_MS)] });
    }
    const parts = Array.isArray(c.bytes) ? c.bytes : [c.bytes];
    const r = await exchange(srv.port, parts, { timeoutMs: READ_TIMEOUT_MS + 4000 });
    let verdict = judgeReject(c, r);
    await new Promise((res) => setTimeout(res, 100));
    if (srv.exited) {
      verdict = died();
      crashes.push(c.name);
    }
    results.push({ c, r, verdict });
  }
  for (const { c, r, verdict } of results) {
    await t.test(c.name, () => {
      assert.ok(verdict.ok, `${verdict.why}; ${describeResponses(r)}`);
    });
  }
  const accepted = results.filter((x) => x.verdict.accepted).length;
  const failed = results.filter((x) => !x.verdict.ok).length;
  console.log(`framing: ${cases.length} cases, ${accepted} accepted ambiguous, ${failed} not as expected${crashes.length ? `, server crashed on ${crashes.length}` : ''}`);
  assert.equal(accepted, 0, 'ambiguous requests were accepted');
});

// After a crash, the next test gets a new server on the same database.
async function ensureServer() {
  if (srv.exited) srv = await startServer({ databaseUrl: srv.databaseUrl, args: ['--read-timeout-ms', String(READ_TIMEOUT_MS)] });
}
async function assertAlive(what) {
  await new Promise((res) => setTimeout(res, 30));
  assert.ok(!srv.exited, `the server died (${JSON.stringify(srv.exited)}) on ${what}`);
}

test('framing: requests that must each be answered exactly once', async (t) => {
  for (const c of syncCases) {
    await t.test(c.name, async () => {
      await ensureServer();
      const r = await exchange(srv.port, [c.bytes], { timeoutMs: READ_TIMEOUT_MS + 3000, stopAfterResponses: c.expectResponses });
      await assertAlive(c.name);
      assert.ok(r.connected, `could not connect: ${r.error}`);
      const answers = r.responses.filter((x) => x.complete && !(x.status >= 100 && x.status < 200));
      assert.ok(!r.garbage, describeResponses(r));
      assert.ok(answers.length >= 1, `no answer; ${describeResponses(r)}`);
      assert.ok(c.allow.includes(answers[0].status), `first answer ${answers[0].status}; ${describeResponses(r)}`);
      assert.ok(answers.length <= c.expectResponses, `more answers than requests; ${describeResponses(r)}`);
      if (!r.closed) assert.equal(answers.length, c.expectResponses, describeResponses(r));
    });
  }
});

test('framing: slowloris headers are cut off by the read deadline', { timeout: 30000 }, async () => {
  // One header byte every 250 ms, forever (bounded by the 25 s collection limit).
  const parts = ['GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n'];
  const trickle = 'X-Slow: ' + 'a'.repeat(200);
  for (const ch of trickle) { parts.push({ delayMs: 250 }); parts.push(ch); }
  await ensureServer();
  const started = Date.now();
  const r = await exchange(srv.port, parts, { timeoutMs: 25000 });
  const elapsed = Date.now() - started;
  assert.ok(r.connected, `could not connect: ${r.error}`);
  assert.ok(r.closed, `the connection was still open after ${elapsed} ms`);
  assert.ok(elapsed < READ_TIMEOUT_MS + 3000, `closed only after ${elapsed} ms (read deadline ${READ_TIMEOUT_MS} ms)`);
  const answers = r.responses.filter((x) => x.complete);
  for (const a of answers) assert.ok([400, 408].includes(a.status), `slow request answered ${a.status}`);
});

test('framing: no hidden request was ever processed (setup is still needed)', async () => {
  await ensureServer();
  const res = await fetch(`${srv.url}/api/v1/setup`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.needed, true, 'a smuggled POST /api/v1/setup created a user');
});
