'use strict';
// CSRF: cookie requests that change state need `X-Cocreate-Csrf: 1`, a same-origin Origin (when
// present) and Sec-Fetch-Site same-origin/none (when present); bearer-token requests and safe
// methods are not affected.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique, email } = require('../support/client');

let srv;
let api;
let admin;
let member;
let space;

before(async () => {
  srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  member = await api.createUser('member');
  space = await api.createSpace(admin);
});

function assertCsrfFailed(res, what) {
  assert.equal(res.status, 403, `${what}: expected 403 csrf_failed, got ${res.describe()}`);
  assert.ok(res.isProblem, `${what}: not problem+json: ${res.describe()}`);
  assert.equal(res.code, 'csrf_failed', `${what}: ${res.describe()}`);
}

async function displayName(b) {
  const me = await b.get('/api/v1/me');
  assert.equal(me.status, 200, me.describe());
  return me.json.user.display_name;
}

test('a cookie PATCH without X-Cocreate-Csrf is refused and changes nothing', async () => {
  const before = await displayName(member);
  const res = await member.patch('/api/v1/me', { display_name: unique('Hijacked ') }, { csrf: false });
  assertCsrfFailed(res, 'PATCH /api/v1/me without header');
  assert.equal(await displayName(member), before);
});

for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
  test(`${method} with the cookie and without the header → 403 csrf_failed`, async () => {
    const routes = {
      POST: ['/api/v1/organisations', { name: unique('Org '), kind: 'partner' }],
      PUT: [`/api/v1/spaces/${space.id}/members/${member.user.id}`, { space_role: 'member' }],
      PATCH: [`/api/v1/spaces/${space.id}`, { description: 'csrf' }],
      DELETE: [`/api/v1/spaces/${space.id}/members/${admin.user.id}`, undefined],
    };
    const [p, body] = routes[method];
    const res = await admin.request(method, p, { json: body, csrf: false });
    assertCsrfFailed(res, `${method} ${p}`);
  });
}

test('the organisation POSTed without the header was not created', async () => {
  const name = unique('CsrfOrg ');
  assertCsrfFailed(await admin.post('/api/v1/organisations', { name, kind: 'partner' }, { csrf: false }), 'POST org');
  const list = await admin.get(`/api/v1/organisations?q=${encodeURIComponent(name)}`);
  assert.equal(list.status, 200, list.describe());
  assert.equal(list.json.items.filter((o) => o.name === name).length, 0);
});

for (const value of ['0', 'true', '', '1, 1']) {
  test(`X-Cocreate-Csrf: ${JSON.stringify(value)} is not "1" → 403`, async () => {
    const res = await member.patch('/api/v1/me', { display_name: 'x' }, { csrf: false, headers: { 'X-Cocreate-Csrf': value } });
    assertCsrfFailed(res, `header ${JSON.stringify(value)}`);
  });
}

const foreignOrigins = () => [
  'http://evil.example',
  'null',
  `http://127.0.0.1:${srv.port + 1 > 65535 ? srv.port - 1 : srv.port + 1}`,
  `http://127.0.0.1:${srv.port}.evil.example`,
  `http://evil.example/http://127.0.0.1:${srv.port}`,
];
test('a foreign Origin is refused even with the header', async () => {
  for (const origin of foreignOrigins()) {
    const res = await member.patch('/api/v1/me', { display_name: 'x' }, { headers: { Origin: origin } });
    assertCsrfFailed(res, `Origin ${origin}`);
  }
});

test('the server\'s own Origin is accepted', async () => {
  const name = unique('Same Origin ');
  const res = await member.patch('/api/v1/me', { display_name: name }, { headers: { Origin: srv.origin } });
  assert.equal(res.status, 200, res.describe());
  assert.equal(await displayName(member), name);
});

for (const site of ['cross-site', 'same-site']) {
  test(`Sec-Fetch-Site: ${site} is refused even with the header`, async () => {
    const res = await member.patch('/api/v1/me', { display_name: 'x' }, { headers: { 'Sec-Fetch-Site': site } });
    assertCsrfFailed(res, `Sec-Fetch-Site ${site}`);
  });
}
for (const site of ['same-origin', 'none']) {
  test(`Sec-Fetch-Site: ${site} is accepted`, async () => {
    const res = await member.patch('/api/v1/me', { display_name: unique('Ok ') }, { headers: { 'Sec-Fetch-Site': site } });
    assert.equal(res.status, 200, res.describe());
  });
}

test('sign-out without the header does not end the session', async () => {
  const b = await api.signIn(member.user.email, member.password, 'second');
  assertCsrfFailed(await b.post('/api/v1/auth/sign-out', undefined, { csrf: false }), 'sign-out');
  assert.equal((await b.get('/api/v1/me')).status, 200, 'session ended by a CSRF-less sign-out');
});

test('password change without the header is refused (the old password still works)', async () => {
  const b = await api.signIn(member.user.email, member.password, 'third');
  const res = await b.post('/api/v1/me/password', { current_password: member.password, new_password: 'Another-Long-Passw0rd' }, { csrf: false });
  assertCsrfFailed(res, 'POST /api/v1/me/password');
  await api.signIn(member.user.email, member.password, 'fourth');
});

test('bearer-token requests need no CSRF header, even with a foreign Origin', async () => {
  const tok = await api.createToken(admin, ['read', 'write']);
  const client = api.tokenClient(tok.token);
  const res = await client.post('/api/v1/organisations', { name: unique('TokenOrg '), kind: 'partner' }, { csrf: false });
  assert.equal(res.status, 201, res.describe());
  const res2 = await client.post('/api/v1/organisations', { name: unique('TokenOrg '), kind: 'partner' },
    { csrf: false, headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  assert.equal(res2.status, 201, res2.describe());
});

test('GET requests with the cookie are not affected by CSRF rules', async () => {
  for (const headers of [{}, { Origin: 'http://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }]) {
    for (const p of ['/api/v1/me', '/api/v1/spaces', `/api/v1/spaces/${space.id}`]) {
      const res = await member.get(p, { headers });
      assert.equal(res.status, 200, `GET ${p} ${JSON.stringify(headers)}: ${res.describe()}`);
    }
  }
});

test('CSRF is checked before the body is parsed and before permissions', async () => {
  // A member without the header gets csrf_failed, not permission_denied / invalid_argument.
  const res = await member.request('POST', '/api/v1/users', { body: '{not json', csrf: false });
  assertCsrfFailed(res, 'POST /api/v1/users with bad body, no header');
});

test('a forged cookie request cannot create a user', async () => {
  const e = email('forged');
  const res = await admin.post('/api/v1/users', { email: e, display_name: 'Forged', password: 'Forged-Password-123', role: 'admin' },
    { csrf: false, headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  assertCsrfFailed(res, 'forged POST /api/v1/users');
  const list = await admin.get(`/api/v1/users?q=${encodeURIComponent(e)}`);
  assert.equal(list.status, 200, list.describe());
  assert.equal(list.json.items.length, 0, 'the forged user exists');
});

test('login CSRF: a cross-site or header-less sign-in is refused and sets no cookie', async () => {
  for (const opts of [{ csrf: false }, { headers: { Origin: 'http://evil.example' } }, { headers: { 'Sec-Fetch-Site': 'cross-site' } }]) {
    const b = api.browser('anon');
    const res = await b.post('/api/v1/auth/sign-in', { email: member.user.email, password: member.password }, opts);
    assertCsrfFailed(res, `sign-in ${JSON.stringify(opts)}`);
    assert.equal(b.sessionCookie, undefined, 'a refused sign-in set a cookie');
  }
});

test('a text/plain "simple request" cannot reach a JSON route (415, before any effect)', async () => {
  const res = await member.request('PATCH', '/api/v1/me', { body: JSON.stringify({ display_name: 'x' }), contentType: 'text/plain' });
  assert.equal(res.status, 415, res.describe());
});

test('no CORS: cross-origin reads are not allowed by any Access-Control-Allow-Origin', async () => {
  const res = await member.get('/api/v1/me', { headers: { Origin: 'http://evil.example' } });
  assert.equal(res.header('access-control-allow-origin'), null);
  assert.equal(res.header('access-control-allow-credentials'), null);
});
