'use strict';
// Personal API tokens: create, list, bearer auth, scopes, revoke.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique } = require('../support/client');
const { assertToken, assertPage } = require('../support/shapes');

let api;
let admin;
let member;

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  member = await api.createUser('member');
});

test('create: 201 ApiToken + the secret once; the list never shows the secret', async () => {
  const name = unique('ci ');
  const res = await member.post('/api/v1/me/tokens', { name, scopes: ['read'], expires_in_days: 30 });
  assert.equal(res.status, 201, res.describe());
  assertToken(res.json);
  assert.equal(res.json.name, name);
  assert.deepEqual(res.json.scopes, ['read']);
  assert.match(res.json.token, /^cct_[A-Za-z0-9_-]{32,}$/, `token format: ${res.json.token}`);
  assert.ok(res.json.token.startsWith(res.json.prefix), `prefix ${res.json.prefix} is not the token's start`);
  assert.ok(res.json.prefix.length < res.json.token.length - 16, 'prefix reveals most of the token');
  const days = (Date.parse(res.json.expires_at) - Date.parse(res.json.created_at)) / 86400000;
  assert.ok(Math.abs(days - 30) < 0.01, `expires_at is ${days} days after created_at`);
  const list = await member.get('/api/v1/me/tokens');
  assert.equal(list.status, 200, list.describe());
  assertPage(list.json);
  const item = list.json.items.find((t) => t.id === res.json.id);
  assert.ok(item, 'new token not listed');
  assertToken(item);
  assert.ok(!('token' in item), 'the list shows the secret');
  assert.ok(!list.text.includes(res.json.token), 'the secret appears in the list');
  // Without expires_in_days the token does not expire.
  const forever = await api.createToken(member, ['read']);
  assert.equal(forever.expires_at, null);
});

test('bearer auth works and updates last_used_at; no cookie is set', async () => {
  const tok = await api.createToken(member, ['read']);
  assert.equal(tok.last_used_at, null);
  const client = api.tokenClient(tok.token);
  const me = await client.get('/api/v1/me');
  assert.equal(me.status, 200, me.describe());
  assert.equal(me.json.user.id, member.user.id);
  assert.equal(me.header('set-cookie'), null, 'bearer request got a cookie');
  const list = await member.get('/api/v1/me/tokens');
  const item = list.json.items.find((t) => t.id === tok.id);
  assert.ok(item.last_used_at, 'last_used_at not updated');
});

test('read scope can GET but cannot write (403 permission_denied)', async () => {
  const tok = await api.createToken(admin, ['read']);
  const client = api.tokenClient(tok.token);
  assert.equal((await client.get('/api/v1/organisations')).status, 200);
  const res = await client.post('/api/v1/organisations', { name: unique('Nope '), kind: 'partner' });
  assert.equal(res.status, 403, res.describe());
  assert.equal(res.code, 'permission_denied');
  const list = await admin.get('/api/v1/organisations?limit=200');
  assert.ok(!list.json.items.some((o) => o.name.startsWith('Nope ')), 'a read token wrote');
  const pw = await client.post('/api/v1/me/password', { current_password: admin.password, new_password: 'Some-New-Password-9' });
  assert.equal(pw.status, 403, `read token changing the password: ${pw.describe()}`);
});

test('write scope can write', async () => {
  const tok = await api.createToken(admin, ['read', 'write']);
  const res = await api.tokenClient(tok.token).post('/api/v1/organisations', { name: unique('Tok '), kind: 'partner' });
  assert.equal(res.status, 201, res.describe());
});

test('a token cannot mint tokens beyond its own scope', async () => {
  const tok = await api.createToken(member, ['read']);
  const res = await api.tokenClient(tok.token).post('/api/v1/me/tokens', { name: 'escalate', scopes: ['read', 'write'] });
  assert.ok([401, 403].includes(res.status), `read token created a write token: ${res.describe()}`);
});

test('revoked token fails with 401; revoking twice is 404', async () => {
  const tok = await api.createToken(member, ['read']);
  const client = api.tokenClient(tok.token);
  assert.equal((await client.get('/api/v1/me')).status, 200);
  const del = await member.del(`/api/v1/me/tokens/${tok.id}`);
  assert.equal(del.status, 204, del.describe());
  const after = await client.get('/api/v1/me');
  assert.equal(after.status, 401, after.describe());
  assert.equal(after.code, 'unauthenticated');
  assert.equal((await member.del(`/api/v1/me/tokens/${tok.id}`)).status, 404);
  const list = await member.get('/api/v1/me/tokens');
  assert.ok(!list.json.items.some((t) => t.id === tok.id), 'revoked token still listed');
});

test('malformed, unknown and tampered bearer tokens are 401', async () => {
  const tok = await api.createToken(member, ['read']);
  const last = tok.token.slice(-1);
  for (const bad of [`${tok.token.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`, 'cct_', 'cct_x', tok.token.replace('cct_', 'xyz_'), `${tok.token} extra`]) {
    const res = await api.tokenClient(bad).get('/api/v1/me');
    assert.equal(res.status, 401, `${bad.slice(0, 10)}…: ${res.describe()}`);
  }
  for (const header of [`Basic ${Buffer.from('a:b').toString('base64')}`, `bearer${tok.token}`, `Bearer`, 'Token abc']) {
    const res = await api.browser('x').get('/api/v1/me', { headers: { Authorization: header } });
    assert.equal(res.status, 401, `Authorization: ${header.slice(0, 12)}…: ${res.describe()}`);
  }
});

test('another user\'s token id cannot be revoked (404), and it keeps working', async () => {
  const tok = await api.createToken(member, ['read']);
  const res = await admin.del(`/api/v1/me/tokens/${tok.id}`);
  assert.equal(res.status, 404, res.describe());
  assert.equal((await api.tokenClient(tok.token).get('/api/v1/me')).status, 200);
});

test('external participants cannot have tokens', async () => {
  const space = await api.createSpace(admin);
  const inv = await api.inviteExternal(admin, space.id);
  const ext = await api.accept(inv.token);
  const res = await ext.post('/api/v1/me/tokens', { name: 'x', scopes: ['read'] });
  assert.ok([403, 404].includes(res.status), res.describe());
});

test('a disabled user\'s token stops working', async () => {
  const u = await api.createUser('member');
  const tok = await api.createToken(u, ['read']);
  assert.equal((await admin.patch(`/api/v1/users/${u.user.id}`, { disabled: true })).status, 200);
  assert.equal((await api.tokenClient(tok.token).get('/api/v1/me')).status, 401);
});
