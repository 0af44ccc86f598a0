'use strict';
// The server process: graceful stop with requests in flight, the connection cap,
// /metrics, and the JSON access log.
const test = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const fs = require('node:fs');
const { startServer, sleep } = require('../support/server');
const { Api, password, email } = require('../support/client');

test('SIGTERM lets in-flight requests finish, then exits cleanly', async () => {
  const srv = await startServer();
  const api = new Api(srv);
  await api.setupAdmin();
  // Sign-ins take ~150 ms each (Argon2id): several are in flight when the signal arrives.
  const browsers = [0, 1, 2, 3].map((i) => api.browser(`b${i}`));
  const inflight = browsers.map((b) => b.post('/api/v1/auth/sign-in', { email: email('nobody'), password: password() }));
  await sleep(30);
  const exit = srv.kill('SIGTERM');
  const answers = await Promise.all(inflight);
  for (const a of answers) assert.equal(a.status, 401, 'every in-flight request got its answer');
  const ended = await exit;
  assert.equal(ended.code, 0, `clean exit, got ${JSON.stringify(ended)}`);
  assert.match(srv.log(), /"msg":"stopped"/);
});

test('connections above the cap are closed, the server keeps serving', async () => {
  const srv = await startServer({ args: ['--max-connections', '4'] });
  const sockets = [];
  for (let i = 0; i < 4; i += 1) {
    const s = net.connect(srv.port, '127.0.0.1');
    await new Promise((r) => s.once('connect', r));
    sockets.push(s);
  }
  await sleep(50);
  const extra = net.connect(srv.port, '127.0.0.1');
  const closed = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 3000);
    extra.on('close', () => { clearTimeout(timer); resolve(true); });
    extra.on('error', () => {});
  });
  assert.ok(closed, 'the fifth connection is closed by the server');
  sockets.forEach((s) => s.destroy());
  await sleep(100);
  const res = await fetch(`${srv.url}/healthz`);
  assert.equal(res.status, 200);
  await srv.stop();
});

test('/metrics exposes per-route counters, latency histograms, connections and the pool', async () => {
  const srv = await startServer();
  await fetch(`${srv.url}/healthz`);
  await fetch(`${srv.url}/api/v1/me`);
  const text = await (await fetch(`${srv.url}/metrics`)).text();
  assert.match(text, /cocreate_http_requests_total\{route="GET \/healthz",status="2xx"\} \d+/);
  assert.match(text, /cocreate_http_requests_total\{route="GET \/api\/v1\/me",status="4xx"\} \d+/);
  assert.match(text, /cocreate_http_request_duration_seconds_bucket\{route="GET \/healthz",le="\+Inf"\} \d+/);
  assert.match(text, /cocreate_http_connections_open \d+/);
  assert.match(text, /cocreate_db_pool_connections \d+/);
  await srv.stop();
});

test('every request is one JSON access-log line with id, method, route template, status and time', async () => {
  const srv = await startServer();
  const res = await fetch(`${srv.url}/api/v1/spaces/42`);
  const id = res.headers.get('x-request-id');
  await srv.stop();
  const line = fs.readFileSync(srv.logPath, 'utf8').split('\n').find((l) => l.includes(id));
  assert.ok(line, 'the request id appears in the log');
  const entry = JSON.parse(line);
  assert.equal(entry.msg, 'request');
  assert.equal(entry.method, 'GET');
  assert.equal(entry.route, '/api/v1/spaces/{id}');
  assert.equal(entry.status, 401);
  assert.ok(Number.isInteger(entry.us));
});
