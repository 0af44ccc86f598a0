'use strict';
// Session lifecycle: cookie attributes, sign-out, revoking, password change, disabling a user,
// idle and absolute expiry.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, sleep } = require('../support/server');
const { Api, Browser, password, email } = require('../support/client');

let srv;
let api;
let admin;

before(async () => {
  srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
});

function assertUnauthenticated(res, what) {
  assert.equal(res.status, 401, `${what}: expected 401, got ${res.describe()}`);
  assert.ok(res.isProblem && res.code === 'unauthenticated', `${what}: expected problem+json unauthenticated, got ${res.describe()}`);
}

function checkSessionCookie(b, what) {
  const c = b.lastSetCookies.find((x) => x.name === '__Host-cocreate');
  assert.ok(c, `${what}: no __Host-cocreate cookie in ${JSON.stringify(b.lastSetCookies.map((x) => x.raw))}`);
  assert.ok(c.attrs.secure === true, `${what}: cookie lacks Secure: ${c.raw}`);
  assert.ok(c.attrs.httponly === true, `${what}: cookie lacks HttpOnly: ${c.raw}`);
  assert.equal(String(c.attrs.samesite || '').toLowerCase(), 'lax', `${what}: cookie SameSite is not Lax: ${c.raw}`);
  assert.equal(c.attrs.path, '/', `${what}: cookie Path is not /: ${c.raw}`);
  assert.equal(c.attrs.domain, undefined, `${what}: cookie has a Domain: ${c.raw}`);
  assert.match(c.value, /^[A-Za-z0-9_-]{43,}$/, `${what}: token is not >= 43 chars of base64url: ${c.value}`);
  return c;
}

test('setup, sign-in and invitation accept set a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain', async () => {
  // setup happened in before(); check it through a second server to see the setup answer itself
  const s2 = await startServer();
  const a2 = new Api(s2);
  const b = await a2.setupAdmin();
  checkSessionCookie(b, 'setup');
  const member = await a2.createUser('member');
  checkSessionCookie(member, 'sign-in');
  const space = await a2.createSpace(b);
  const inv = await a2.inviteExternal(b, space.id);
  const ext = await a2.accept(inv.token);
  checkSessionCookie(ext, 'invitation accept');
  await s2.stop();
});

test('each sign-in gets a new token; a cookie sent with sign-in is not adopted (no fixation)', async () => {
  const m = await api.createUser('member');
  const first = m.sessionCookie;
  const b = new Browser(srv.url, { name: 'fixation' });
  const planted = 'A'.repeat(43);
  b.jar.set('__Host-cocreate', planted);
  const res = await b.post('/api/v1/auth/sign-in', { email: m.user.email, password: m.password });
  assert.equal(res.status, 200, res.describe());
  const c = checkSessionCookie(b, 'sign-in with planted cookie');
  assert.notEqual(c.value, planted);
  assert.notEqual(c.value, first);
});

test('sign-out answers 204, clears the cookie, and the old cookie no longer works', async () => {
  const m = await api.createUser('member');
  const token = m.sessionCookie;
  const res = await m.post('/api/v1/auth/sign-out');
  assert.equal(res.status, 204, res.describe());
  const cleared = m.lastSetCookies.find((x) => x.name === '__Host-cocreate');
  assert.ok(cleared, 'sign-out did not clear the cookie');
  assert.ok(cleared.value === '' || cleared.attrs['max-age'] === '0' || Date.parse(cleared.attrs.expires) < Date.now(), `not a clearing cookie: ${cleared.raw}`);
  const replay = new Browser(srv.url, { name: 'replay' });
  replay.jar.set('__Host-cocreate', token);
  assertUnauthenticated(await replay.get('/api/v1/me'), 'old cookie after sign-out');
  assertUnauthenticated(await replay.post('/api/v1/auth/sign-out'), 'second sign-out');
});

test('a tampered or unknown cookie is 401', async () => {
  const m = await api.createUser('member');
  const t = m.sessionCookie;
  for (const bad of [t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A'), t + 'x', t.slice(1), 'x', '', 'A'.repeat(43)]) {
    const b = new Browser(srv.url);
    b.jar.set('__Host-cocreate', bad);
    assertUnauthenticated(await b.get('/api/v1/me'), `cookie ${JSON.stringify(bad.slice(0, 12))}…`);
  }
  // The cookie under another name is not a session.
  const b = new Browser(srv.url);
  b.jar.set('cocreate', t);
  assertUnauthenticated(await b.get('/api/v1/me'), 'cookie without __Host- prefix');
});

test('sessions list: shape, one current, no secrets', async () => {
  const m = await api.createUser('member');
  const second = await api.signIn(m.user.email, m.password, 'second');
  const res = await m.get('/api/v1/me/sessions');
  assert.equal(res.status, 200, res.describe());
  const items = res.json.items;
  assert.ok(items.length >= 2);
  assert.ok('next_cursor' in res.json);
  assert.equal(items.filter((s) => s.current).length, 1);
  for (const s of items) {
    for (const k of ['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip', 'current']) assert.ok(k in s, `session lacks ${k}: ${JSON.stringify(s)}`);
  }
  assert.ok(!res.text.includes(m.sessionCookie), 'the session token appears in the list');
  assert.ok(!res.text.includes(second.sessionCookie), 'another session token appears in the list');
});

test('revoking another session ends it; the current one goes on', async () => {
  const m = await api.createUser('member');
  const other = await api.signIn(m.user.email, m.password, 'other');
  const list = await m.get('/api/v1/me/sessions');
  const target = list.json.items.find((s) => !s.current);
  assert.ok(target, 'no second session listed');
  const res = await m.del(`/api/v1/me/sessions/${target.id}`);
  assert.equal(res.status, 204, res.describe());
  assertUnauthenticated(await other.get('/api/v1/me'), 'revoked session');
  assert.equal((await m.get('/api/v1/me')).status, 200);
  const again = await m.del(`/api/v1/me/sessions/${target.id}`);
  assert.equal(again.status, 404, `revoking twice: ${again.describe()}`);
});

test('revoking the current session signs it out', async () => {
  const m = await api.createUser('member');
  const list = await m.get('/api/v1/me/sessions');
  const cur = list.json.items.find((s) => s.current);
  const res = await m.del(`/api/v1/me/sessions/${cur.id}`);
  assert.equal(res.status, 204, res.describe());
  assertUnauthenticated(await m.get('/api/v1/me'), 'after revoking the current session');
});

test('another user\'s session cannot be revoked (404) and stays alive', async () => {
  const a = await api.createUser('member');
  const b = await api.createUser('member');
  const bList = await b.get('/api/v1/me/sessions');
  const bId = bList.json.items.find((s) => s.current).id;
  const res = await a.del(`/api/v1/me/sessions/${bId}`);
  assert.equal(res.status, 404, res.describe());
  assert.equal((await b.get('/api/v1/me')).status, 200);
});

test('password change revokes the other sessions, keeps the current one, and the old password stops working', async () => {
  const m = await api.createUser('member');
  const other = await api.signIn(m.user.email, m.password, 'other');
  const next = password();
  const res = await m.post('/api/v1/me/password', { current_password: m.password, new_password: next });
  assert.equal(res.status, 204, res.describe());
  assert.equal((await m.get('/api/v1/me')).status, 200, 'the current session was ended by the password change');
  assertUnauthenticated(await other.get('/api/v1/me'), 'other session after password change');
  const old = await api.browser('old').post('/api/v1/auth/sign-in', { email: m.user.email, password: m.password });
  assert.equal(old.status, 401, `old password: ${old.describe()}`);
  await api.signIn(m.user.email, next, 'new');
});

test('password change with a wrong current password is 422 field current_password and changes nothing', async () => {
  const m = await api.createUser('member');
  const other = await api.signIn(m.user.email, m.password, 'other');
  const res = await m.post('/api/v1/me/password', { current_password: 'Wrong-Password-000', new_password: password() });
  assert.equal(res.status, 422, res.describe());
  assert.equal(res.json && res.json.field, 'current_password', res.describe());
  assert.equal((await other.get('/api/v1/me')).status, 200, 'a failed password change revoked a session');
  await api.signIn(m.user.email, m.password, 'again');
});

test('a too-short or common new password is 422 field new_password', async () => {
  const m = await api.createUser('member');
  for (const bad of ['short', 'password1234', '123456789012']) {
    const res = await m.post('/api/v1/me/password', { current_password: m.password, new_password: bad });
    assert.equal(res.status, 422, `${bad}: ${res.describe()}`);
    assert.equal(res.json && res.json.field, 'new_password', res.describe());
  }
  await api.signIn(m.user.email, m.password, 'unchanged');
});

test('disabling a user ends their sessions and tokens; they cannot sign in', async () => {
  const m = await api.createUser('member');
  const tok = await api.createToken(m, ['read']);
  const tc = api.tokenClient(tok.token);
  assert.equal((await tc.get('/api/v1/me')).status, 200);
  const res = await admin.patch(`/api/v1/users/${m.user.id}`, { disabled: true });
  assert.equal(res.status, 200, res.describe());
  assert.equal(res.json.disabled, true);
  assertUnauthenticated(await m.get('/api/v1/me'), 'disabled user\'s session');
  assertUnauthenticated(await tc.get('/api/v1/me'), 'disabled user\'s token');
  const si = await api.browser('x').post('/api/v1/auth/sign-in', { email: m.user.email, password: m.password });
  assert.equal(si.status, 401, `sign-in of a disabled user: ${si.describe()}`);
  // Enabling again does not bring the old session back.
  assert.equal((await admin.patch(`/api/v1/users/${m.user.id}`, { disabled: false })).status, 200);
  assertUnauthenticated(await m.get('/api/v1/me'), 'old session after re-enabling');
  await api.signIn(m.user.email, m.password, 'after-enable');
});

test('idle expiry: a session unused for longer than --session-idle-timeout-s is gone; activity keeps it', { timeout: 30000 }, async () => {
  const s = await startServer({ args: ['--session-idle-timeout-s', '2'] });
  const a = new Api(s);
  const ad = await a.setupAdmin();
  const busy = await a.signIn(ad.user.email, ad.password, 'busy');
  for (let i = 0; i < 4; i += 1) {
    await sleep(1000);
    assert.equal((await busy.get('/api/v1/me')).status, 200, `active session expired after ${i + 1} s`);
  }
  // ad has been idle for > 4 s now.
  assertUnauthenticated(await ad.get('/api/v1/me'), 'idle session');
  const idle = await a.signIn(ad.user.email, ad.password, 'idle');
  await sleep(3000);
  assertUnauthenticated(await idle.get('/api/v1/me'), 'session idle for 3 s');
  await s.stop();
});

test('absolute expiry: --session-absolute-timeout-s ends even an active session', { timeout: 30000 }, async () => {
  const s = await startServer({ args: ['--session-idle-timeout-s', '60', '--session-absolute-timeout-s', '3'] });
  const a = new Api(s);
  const ad = await a.setupAdmin();
  let ended = false;
  for (let i = 0; i < 8 && !ended; i += 1) {
    await sleep(700);
    ended = (await ad.get('/api/v1/me')).status === 401;
  }
  assert.ok(ended, 'an active session outlived the absolute timeout by more than 2.5 s');
  const list = await (await a.signIn(ad.user.email, ad.password, 'new')).get('/api/v1/me/sessions');
  for (const x of list.json.items) {
    const life = Date.parse(x.expires_at) - Date.parse(x.created_at);
    assert.ok(life <= 3500, `expires_at ${x.expires_at} is more than the absolute timeout after created_at ${x.created_at}`);
  }
  await s.stop();
});

test('a session of one user never shows another user\'s data through /me', async () => {
  const a = await api.createUser('member', [], { email: email('a') });
  const b = await api.createUser('member', [], { email: email('b') });
  const ra = await a.get('/api/v1/me');
  const rb = await b.get('/api/v1/me');
  assert.equal(ra.json.user.id, a.user.id);
  assert.equal(rb.json.user.id, b.user.id);
});
