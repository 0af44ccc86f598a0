'use strict';
// Invitations end to end, and what an external participant can see.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const { startServer, engine } = require('../support/server');
const { Api, email, password, unique, listAll } = require('../support/client');
const { assertInvitation, assertUser, assertMember, onlyKeys, assertTime } = require('../support/shapes');

let srv;
let api;
let admin;
let im;
let member;
let spaceA;
let spaceB;
let org;

before(async () => {
  srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  member = await api.createUser('member');
  org = await api.createOrganisation(admin, { kind: 'customer' });
  spaceA = await api.createSpace(im, { name: unique('Invite A '), external_allowed: true });
  spaceB = await api.createSpace(im, { name: unique('Invite B '), external_allowed: true });
  await api.addMember(im, spaceA.id, member.user.id, 'member');
});

test('create: 201 Invitation + accept_url + token; defaults', async () => {
  const em = email('guest');
  const res = await im.post(`/api/v1/spaces/${spaceA.id}/invitations`, { email: em, display_name: 'Gina Guest', organisation_id: org.id });
  assert.equal(res.status, 201, res.describe());
  const inv = res.json;
  assertInvitation(inv);
  assert.equal(inv.space_id, spaceA.id);
  assert.equal(inv.space_name, spaceA.name);
  assert.equal(inv.email, em);
  assert.equal(inv.display_name, 'Gina Guest');
  assert.equal(inv.space_role, 'member', 'default space_role');
  assert.equal(inv.organisation_id, org.id);
  assert.deepEqual(inv.invited_by, { id: im.user.id, display_name: im.user.display_name });
  assert.equal(inv.status, 'pending');
  const days = (Date.parse(inv.expires_at) - Date.parse(inv.created_at)) / 86400000;
  assert.ok(Math.abs(days - 14) < 0.01, `default expiry is ${days} days`);
  assert.equal(typeof inv.token, 'string');
  assert.ok(inv.token.length >= 22, 'invitation token too short to be unguessable');
  assert.equal(inv.accept_url, `/invite/${inv.token}`);
  const listed = await im.get(`/api/v1/spaces/${spaceA.id}/invitations`);
  assert.equal(listed.status, 200, listed.describe());
  const item = listed.json.items.find((x) => x.id === inv.id);
  assert.ok(item, 'not listed');
  assert.ok(!('token' in item) && !listed.text.includes(inv.token), 'the token is readable again from the list');
  const global = await listAll(admin, '/api/v1/invitations?status=pending');
  assert.ok(global.some((x) => x.id === inv.id));
});

test('create: expires_in_days is honoured; duplicate pending invitation or member → 409', async () => {
  const em = email('dup');
  const inv = await api.inviteExternal(im, spaceA.id, em, { expires_in_days: 1 });
  const days = (Date.parse(inv.expires_at) - Date.parse(inv.created_at)) / 86400000;
  assert.ok(Math.abs(days - 1) < 0.01, `expiry is ${days} days`);
  const dup = await im.post(`/api/v1/spaces/${spaceA.id}/invitations`, { email: em });
  assert.equal(dup.status, 409, dup.describe());
  assert.equal(dup.code, 'already_exists');
  const mem = await im.post(`/api/v1/spaces/${spaceA.id}/invitations`, { email: member.user.email });
  assert.equal(mem.status, 409, `inviting an existing member: ${mem.describe()}`);
});

test('create: a space that does not allow externals refuses invitations (422)', async () => {
  const closed = await api.createSpace(im, { external_allowed: false });
  const res = await im.post(`/api/v1/spaces/${closed.id}/invitations`, { email: email('closed') });
  assert.equal(res.status, 422, res.describe());
  assert.ok(['failed_precondition', 'invalid_argument'].includes(res.code), res.describe());
});

test('lookup: preview of a pending token; 404 for unknown', async () => {
  const inv = await api.inviteExternal(im, spaceA.id, email('look'), { display_name: 'Lou Look' });
  const anon = api.browser('anon');
  const res = await anon.post('/api/v1/invitations/lookup', { token: inv.token });
  assert.equal(res.status, 200, res.describe());
  onlyKeys(res.json, ['email', 'space_name', 'display_name', 'expires_at'], 'lookup answer');
  assert.equal(res.json.email, inv.email);
  assert.equal(res.json.space_name, spaceA.name);
  assert.equal(res.json.display_name, 'Lou Look');
  assertTime(res.json.expires_at, 'expires_at');
  const unknown = await anon.post('/api/v1/invitations/lookup', { token: `${inv.token}x` });
  assert.equal(unknown.status, 404, unknown.describe());
  assert.equal(unknown.code, 'not_found');
});

test('accept: 201 {user, space_id} + cookie; the new user is an external guest of that space only', async () => {
  const em = email('ext');
  const inv = await api.inviteExternal(im, spaceA.id, em, { space_role: 'guest', organisation_id: org.id });
  const b = api.browser('ext');
  const pw = password();
  const res = await b.post('/api/v1/invitations/accept', { token: inv.token, display_name: 'Eve External', password: pw });
  assert.equal(res.status, 201, res.describe());
  assertUser(res.json.user);
  assert.equal(res.json.user.email, em);
  assert.equal(res.json.user.role, 'external');
  assert.equal(res.json.user.display_name, 'Eve External');
  assert.deepEqual(res.json.user.capabilities, []);
  assert.equal(res.json.user.organisation_id, org.id);
  assert.equal(res.json.space_id, spaceA.id);
  assert.ok(b.sessionCookie, 'accept set no cookie');
  const me = await b.get('/api/v1/me');
  assert.equal(me.status, 200, me.describe());
  assert.deepEqual(me.json.spaces.map((s) => [s.id, s.my_role]), [[spaceA.id, 'guest']]);
  // The invitation is accepted now; the token is single-use.
  const list = await im.get(`/api/v1/spaces/${spaceA.id}/invitations`);
  assert.equal(list.json.items.find((x) => x.id === inv.id).status, 'accepted');
  const again = await api.browser('x').post('/api/v1/invitations/accept', { token: inv.token, display_name: 'Again', password: password() });
  assert.equal(again.status, 404, `second accept: ${again.describe()}`);
  assert.equal((await api.browser('x').post('/api/v1/invitations/lookup', { token: inv.token })).status, 404);
  // The participant can sign in with the chosen password.
  await api.signIn(em, pw);
});

test('accept: validation (short password 422) does not consume the token', async () => {
  const inv = await api.inviteExternal(im, spaceA.id, email('val'));
  const bad = await api.browser('x').post('/api/v1/invitations/accept', { token: inv.token, display_name: 'V', password: 'short' });
  assert.equal(bad.status, 422, bad.describe());
  assert.equal(bad.json.field, 'password');
  await api.accept(inv.token);
});

test('accept: an email that already has an account → 409', async () => {
  const inv = await api.inviteExternal(im, spaceB.id, email('twice'));
  await api.accept(inv.token);
  // invite the same person into another space, then accept → the account exists
  const space = await api.createSpace(im, { external_allowed: true });
  const res = await im.post(`/api/v1/spaces/${space.id}/invitations`, { email: inv.email });
  if (res.status === 201) {
    const acc = await api.browser('x').post('/api/v1/invitations/accept', { token: res.json.token, display_name: 'X', password: password() });
    assert.equal(acc.status, 409, acc.describe());
    assert.equal(acc.code, 'already_exists');
  } else {
    assert.equal(res.status, 409, res.describe());
  }
});

test('revoke: 200 revoked; the token stops working; revoking again → 422 failed_precondition', async () => {
  const inv = await api.inviteExternal(im, spaceA.id, email('rev'));
  const res = await im.post(`/api/v1/invitations/${inv.id}/revoke`);
  assert.equal(res.status, 200, res.describe());
  assertInvitation(res.json);
  assert.equal(res.json.status, 'revoked');
  assert.ok(!('token' in res.json));
  assert.equal((await api.browser('x').post('/api/v1/invitations/lookup', { token: inv.token })).status, 404);
  assert.equal((await api.browser('x').post('/api/v1/invitations/accept', { token: inv.token, display_name: 'R', password: password() })).status, 404);
  const again = await im.post(`/api/v1/invitations/${inv.id}/revoke`);
  assert.equal(again.status, 422, again.describe());
  assert.equal(again.code, 'failed_precondition');
  const resend = await im.post(`/api/v1/invitations/${inv.id}/resend`);
  assert.equal(resend.status, 422, `resending a revoked invitation: ${resend.describe()}`);
  const byStatus = await listAll(admin, '/api/v1/invitations?status=revoked');
  assert.ok(byStatus.some((x) => x.id === inv.id) && byStatus.every((x) => x.status === 'revoked'));
});

test('resend: a new token; the old one stops working; the new one works', async () => {
  const inv = await api.inviteExternal(im, spaceA.id, email('res'));
  const res = await admin.post(`/api/v1/invitations/${inv.id}/resend`);
  assert.equal(res.status, 200, res.describe());
  assertInvitation(res.json);
  assert.equal(res.json.id, inv.id);
  assert.equal(res.json.status, 'pending');
  assert.notEqual(res.json.token, inv.token);
  assert.equal(res.json.accept_url, `/invite/${res.json.token}`);
  assert.equal((await api.browser('x').post('/api/v1/invitations/lookup', { token: inv.token })).status, 404, 'old token still looks up');
  assert.equal((await api.browser('x').post('/api/v1/invitations/accept', { token: inv.token, display_name: 'Old', password: password() })).status, 404, 'old token still accepts');
  const ok = await api.browser('x').post('/api/v1/invitations/lookup', { token: res.json.token });
  assert.equal(ok.status, 200, ok.describe());
  await api.accept(res.json.token);
  assert.equal((await admin.post(`/api/v1/invitations/${inv.id}/resend`)).status, 422, 'resending an accepted invitation');
});

// Moves an invitation's expiry into the past directly in the database (there is no clock flag).
function expireInDatabase(databaseUrl, id) {
  const n = Number(id);
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    let schema = '';
    try { schema = execFileSync('sqlite3', [file, '.schema invitations'], { encoding: 'utf8' }); } catch { /* no sqlite3 */ }
    if (!/expires_at/.test(schema)) return false;
    execFileSync('sqlite3', [file, '-cmd', '.timeout 5000',
      `update invitations set expires_at = case when typeof(expires_at) = 'text' then '2000-01-01T00:00:00.000Z' `
      + `when expires_at > 100000000000 then 946684800000 else 946684800 end where id = ${n}`]);
    return true;
  }
  const conninfo = databaseUrl.slice('postgresql:'.length);
  const psql = (sql) => execFileSync('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-d', conninfo, '-c', sql], { encoding: 'utf8' }).trim();
  let type = '';
  try { type = psql("select data_type from information_schema.columns where table_name = 'invitations' and column_name = 'expires_at'"); } catch { return false; }
  if (!type) return false;
  if (/timestamp/.test(type)) psql(`update invitations set expires_at = now() - interval '1 day' where id = ${n}`);
  else if (/char|text/.test(type)) psql(`update invitations set expires_at = '2000-01-01T00:00:00.000Z' where id = ${n}`);
  else psql(`update invitations set expires_at = case when expires_at > 100000000000 then 946684800000 else 946684800 end where id = ${n}`);
  return true;
}

test(`expired invitations: lookup and accept 404, status expired (expiry moved in the ${engine()} database)`, async (t) => {
  const inv = await api.inviteExternal(im, spaceA.id, email('exp'));
  if (!expireInDatabase(srv.databaseUrl, inv.id)) return t.skip('no invitations.expires_at column to move');
  assert.equal((await api.browser('x').post('/api/v1/invitations/lookup', { token: inv.token })).status, 404);
  assert.equal((await api.browser('x').post('/api/v1/invitations/accept', { token: inv.token, display_name: 'E', password: password() })).status, 404);
  const list = await im.get(`/api/v1/spaces/${spaceA.id}/invitations?limit=200`);
  assert.equal(list.json.items.find((x) => x.id === inv.id).status, 'expired');
  const filtered = await listAll(admin, '/api/v1/invitations?status=expired');
  assert.ok(filtered.some((x) => x.id === inv.id), 'status=expired does not list it');
  assert.equal((await im.post(`/api/v1/invitations/${inv.id}/revoke`)).status, 422);
});

test('external participant: sees only the invited space, 404 elsewhere, others only as {id, display_name, role}', async () => {
  const inv = await api.inviteExternal(im, spaceA.id, email('see'), { space_role: 'guest' });
  const ext = await api.accept(inv.token);
  const spaces = await listAll(ext, '/api/v1/spaces');
  assert.deepEqual(spaces.map((s) => s.id), [spaceA.id]);
  assert.equal((await ext.get(`/api/v1/spaces/${spaceA.id}`)).status, 200);
  for (const p of [`/api/v1/spaces/${spaceB.id}`, `/api/v1/spaces/${spaceB.id}/members`, '/api/v1/users', `/api/v1/users/${im.user.id}`,
    '/api/v1/organisations', `/api/v1/organisations/${org.id}`, '/api/v1/events', '/api/v1/invitations', '/api/v1/me/tokens']) {
    const res = await ext.get(p);
    assert.equal(res.status, 404, `external GET ${p}: ${res.describe()}`);
    assert.equal(res.code, 'not_found');
  }
  const members = await ext.get(`/api/v1/spaces/${spaceA.id}/members`);
  assert.equal(members.status, 200, members.describe());
  assert.ok(members.json.items.length >= 3);
  for (const m of members.json.items) assertMember(m, { internal: false }, `member ${m.user.id}`);
  assert.ok(!members.text.includes(im.user.email) && !members.text.includes(member.user.email), 'internal emails visible to an external participant');
  // The internal view of the same list has emails.
  const internal = await im.get(`/api/v1/spaces/${spaceA.id}/members`);
  for (const m of internal.json.items) assertMember(m, { internal: true });
  // An external's own /me has their own email.
  assert.equal((await ext.get('/api/v1/me')).json.user.email, inv.email);
});

test('external participant: the invitation\'s inviter and space list never leak other spaces', async () => {
  const inv = await api.inviteExternal(im, spaceA.id, email('leak'));
  const ext = await api.accept(inv.token);
  const me = await ext.get('/api/v1/me');
  assert.ok(!me.text.includes(spaceB.name), 'another space name appears in /me');
  const list = await ext.get('/api/v1/spaces?q=Invite');
  assert.ok(!list.text.includes(spaceB.name), 'q search reveals another space');
});

test('removing the external from the space hides it from them', async () => {
  const s = await api.createSpace(im, { external_allowed: true });
  const inv = await api.inviteExternal(im, s.id, email('rm'));
  const ext = await api.accept(inv.token);
  assert.equal((await ext.get(`/api/v1/spaces/${s.id}`)).status, 200);
  assert.equal((await im.del(`/api/v1/spaces/${s.id}/members/${ext.user.id}`)).status, 204);
  assert.equal((await ext.get(`/api/v1/spaces/${s.id}`)).status, 404);
  assert.deepEqual((await ext.get('/api/v1/me')).json.spaces, []);
});
