'use strict';
// System routes, first-run setup, sign-in/out, /me.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { startServer, ROOT, engine } = require('../support/server');
const { Api, email, password, unique, problemOf } = require('../support/client');
const { assertUser, assertTime } = require('../support/shapes');

let srv;
let api;

before(async () => {
  srv = await startServer();
  api = new Api(srv);
});

test(`system routes answer (${engine()})`, async () => {
  const b = api.browser('anon');
  const h = await b.get('/healthz');
  assert.equal(h.status, 200, h.describe());
  assert.deepEqual(h.json, { status: 'ok' });
  const r = await b.get('/readyz');
  assert.equal(r.status, 200, r.describe());
  assert.deepEqual(r.json, { status: 'ready' });
  const m = await b.get('/metrics');
  assert.equal(m.status, 200, m.describe());
  assert.match(m.contentType, /^text\/plain/);
  assert.match(m.text, /^# (HELP|TYPE) /m, 'not Prometheus text');
});

test('GET /api/v1/openapi.yaml serves the contract file', async () => {
  const res = await api.browser('anon').get('/api/v1/openapi.yaml');
  assert.equal(res.status, 200, res.describe());
  const served = YAML.parse(res.text);
  const file = path.join(ROOT, 'api', 'openapi.yaml');
  if (fs.existsSync(file)) assert.deepEqual(served, YAML.parse(fs.readFileSync(file, 'utf8')));
  assert.ok(served.paths && served.paths['/api/v1/setup'], 'served contract lacks /api/v1/setup');
});

test('setup: needed until the first admin exists, then 409', async () => {
  const anon = api.browser('anon');
  assert.deepEqual((await anon.get('/api/v1/setup')).json, { needed: true });
  // Signed-in routes are 401 before setup.
  assert.equal((await anon.get('/api/v1/me')).status, 401);
  // Invalid setup bodies change nothing.
  const bad = await anon.post('/api/v1/setup', { email: 'not-an-email', display_name: 'A', password: password() });
  assert.equal(bad.status, 422, bad.describe());
  assert.equal(bad.json.field, 'email');
  const weak = await anon.post('/api/v1/setup', { email: email('a'), display_name: 'A', password: 'short' });
  assert.equal(weak.status, 422, weak.describe());
  assert.equal(weak.json.field, 'password');
  assert.deepEqual((await anon.get('/api/v1/setup')).json, { needed: true });

  const admin = await api.setupAdmin({ displayName: 'First Admin' });
  assertUser(admin.user);
  assert.equal(admin.user.role, 'admin');
  assert.equal(admin.user.display_name, 'First Admin');
  assert.deepEqual((await anon.get('/api/v1/setup')).json, { needed: false });
  const again = await api.browser('late').post('/api/v1/setup', { email: email('b'), display_name: 'B', password: password() });
  assert.equal(again.status, 409, again.describe());
  assert.equal(again.code, 'already_exists');
  assert.equal(again.header('set-cookie'), null, 'a refused setup set a cookie');
  const me = await admin.get('/api/v1/me');
  assert.equal(me.status, 200, me.describe());
  assert.equal(me.json.user.id, admin.user.id);
});

test('sign-in: 200 {user} + cookie; wrong password and unknown account 401 invalid_credentials', async () => {
  const admin = api.admin;
  const u = await api.createUser('member', ['sales'], { signIn: false });
  const b = api.browser('b');
  const res = await b.post('/api/v1/auth/sign-in', { email: u.email, password: u.password });
  assert.equal(res.status, 200, res.describe());
  assertUser(res.json.user);
  assert.equal(res.json.user.email, u.email);
  assert.deepEqual(res.json.user.capabilities, ['sales']);
  assert.ok(b.sessionCookie, 'no cookie');
  for (const [em, pw] of [[u.email, 'Wrong-Password-1'], [email('nobody'), u.password]]) {
    const r = await api.browser('x').post('/api/v1/auth/sign-in', { email: em, password: pw });
    assert.equal(r.status, 401, r.describe());
    assert.equal(r.code, 'invalid_credentials', r.describe());
    assert.ok(problemOf(r).ok);
  }
  const listed = await admin.get(`/api/v1/users/${u.user.id}`);
  assert.ok(listed.json.last_sign_in_at, 'last_sign_in_at not recorded');
  // The user in the sign-in answer should already show this sign-in.
  assert.ok(res.json.user.last_sign_in_at, 'the sign-in answer has last_sign_in_at null');
});

test('sign-out: 204; afterwards 401', async () => {
  const m = await api.createUser('member');
  const res = await m.post('/api/v1/auth/sign-out');
  assert.equal(res.status, 204, res.describe());
  assert.equal(res.text, '');
  const me = await m.get('/api/v1/me');
  assert.equal(me.status, 401, me.describe());
  assert.equal(me.code, 'unauthenticated');
});

test('me: GET {user, spaces}; PATCH display_name', async () => {
  const m = await api.createUser('innovation_manager');
  const s = await api.createSpace(m, { name: unique('Mine ') });
  const me = await m.get('/api/v1/me');
  assert.equal(me.status, 200, me.describe());
  assertUser(me.json.user);
  assert.ok(Array.isArray(me.json.spaces));
  const mine = me.json.spaces.find((x) => x.id === s.id);
  assert.ok(mine, 'GET /me does not list a space the user owns');
  assert.equal(mine.my_role, 'owner');
  const name = unique('Renamed ');
  const p = await m.patch('/api/v1/me', { display_name: name });
  assert.equal(p.status, 200, p.describe());
  assert.equal(p.json.user.display_name, name);
  assert.equal((await m.get('/api/v1/me')).json.user.display_name, name);
  // The role cannot be changed through /me.
  const r = await m.patch('/api/v1/me', { role: 'admin' });
  assert.equal(r.status, 400, r.describe());
  assert.equal((await m.get('/api/v1/me')).json.user.role, 'innovation_manager');
});

test('times are RFC 3339 UTC', async () => {
  const me = await api.admin.get('/api/v1/me');
  assertTime(me.json.user.created_at, 'user.created_at');
  const sessions = await api.admin.get('/api/v1/me/sessions');
  for (const s of sessions.json.items) {
    assertTime(s.created_at, 'session.created_at');
    assertTime(s.last_seen_at, 'session.last_seen_at');
    assertTime(s.expires_at, 'session.expires_at');
    assert.ok(Date.parse(s.expires_at) > Date.now(), 'session already expired');
  }
});

test('every error carries a request_id', async () => {
  const res = await api.browser('anon').get('/api/v1/me');
  assert.equal(res.status, 401);
  assert.ok(typeof res.json.request_id === 'string' && res.json.request_id.length > 0, res.describe());
});
