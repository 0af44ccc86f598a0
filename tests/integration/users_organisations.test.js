'use strict';
// Users (admin CRUD, disable) and organisations.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, email, password, unique, listAll } = require('../support/client');
const { assertUser, assertOrganisation, assertPage } = require('../support/shapes');

let api;
let admin;

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
});

test('users: create 201 User, get, list, filters', async () => {
  const org = await api.createOrganisation(admin, { kind: 'own', domain: 'corp.example' });
  const em = email('alice');
  const res = await admin.post('/api/v1/users', { email: em, display_name: 'Alice Analyst', password: password(), role: 'member', capabilities: ['listening_analyst', 'sales'], organisation_id: org.id });
  assert.equal(res.status, 201, res.describe());
  const u = res.json;
  assertUser(u);
  assert.equal(u.email, em);
  assert.equal(u.role, 'member');
  assert.deepEqual([...u.capabilities].sort(), ['listening_analyst', 'sales']);
  assert.equal(u.organisation_id, org.id);
  assert.equal(u.disabled, false);
  assert.equal(u.last_sign_in_at, null);
  const got = await admin.get(`/api/v1/users/${u.id}`);
  assert.equal(got.status, 200, got.describe());
  assert.deepEqual(got.json, u);
  const im = await admin.post('/api/v1/users', { email: email('ivan'), display_name: 'Ivan Innovator', password: password(), role: 'innovation_manager' });
  assert.equal(im.status, 201, im.describe());
  assert.deepEqual(im.json.capabilities, []);
  assert.equal(im.json.organisation_id, null);

  const all = await admin.get('/api/v1/users');
  assert.equal(all.status, 200);
  assertPage(all.json);
  all.json.items.forEach((x) => assertUser(x));
  const byQ = await admin.get(`/api/v1/users?q=${encodeURIComponent('alice analyst')}`);
  assert.deepEqual(byQ.json.items.map((x) => x.id), [u.id], 'q is a case-insensitive name match');
  const byEmail = await admin.get(`/api/v1/users?q=${encodeURIComponent(em.toUpperCase())}`);
  assert.deepEqual(byEmail.json.items.map((x) => x.id), [u.id], 'q matches emails');
  const byRole = await admin.get('/api/v1/users?role=innovation_manager');
  assert.ok(byRole.json.items.every((x) => x.role === 'innovation_manager'));
  assert.ok(byRole.json.items.some((x) => x.id === im.json.id));
});

test('users: PATCH role, capabilities, organisation (null detaches), display_name', async () => {
  const org = await api.createOrganisation(admin);
  const u = await api.createUser('member', [], { signIn: false });
  const p = await admin.patch(`/api/v1/users/${u.user.id}`, { role: 'innovation_manager', capabilities: ['facilitator'], organisation_id: org.id, display_name: 'Promoted' });
  assert.equal(p.status, 200, p.describe());
  assertUser(p.json);
  assert.equal(p.json.role, 'innovation_manager');
  assert.deepEqual(p.json.capabilities, ['facilitator']);
  assert.equal(p.json.organisation_id, org.id);
  assert.equal(p.json.display_name, 'Promoted');
  const d = await admin.patch(`/api/v1/users/${u.user.id}`, { organisation_id: null });
  assert.equal(d.status, 200, d.describe());
  assert.equal(d.json.organisation_id, null);
  assert.equal(d.json.role, 'innovation_manager', 'PATCH changed a field it was not given');
  const empty = await admin.patch(`/api/v1/users/${u.user.id}`, {});
  assert.ok([200, 400, 422].includes(empty.status), empty.describe());
  const nf = await admin.patch('/api/v1/users/999999', { display_name: 'x' });
  assert.equal(nf.status, 404, nf.describe());
});

test('users: the role change takes effect for the signed-in user', async () => {
  const m = await api.createUser('member');
  assert.equal((await m.post('/api/v1/spaces', { name: unique('S '), kind: 'community' })).status, 403);
  assert.equal((await admin.patch(`/api/v1/users/${m.user.id}`, { role: 'innovation_manager' })).status, 200);
  const after = await m.post('/api/v1/spaces', { name: unique('S '), kind: 'community' });
  assert.equal(after.status, 201, `role change not effective for the existing session: ${after.describe()}`);
  assert.equal((await admin.patch(`/api/v1/users/${m.user.id}`, { role: 'member' })).status, 200);
  assert.equal((await m.post('/api/v1/spaces', { name: unique('S '), kind: 'community' })).status, 403, 'demotion not effective for the existing session');
});

test('users: disable → list filter, no sign-in; enable again', async () => {
  const u = await api.createUser('member');
  const d = await admin.patch(`/api/v1/users/${u.user.id}`, { disabled: true });
  assert.equal(d.status, 200, d.describe());
  assert.equal(d.json.disabled, true);
  assert.equal((await u.get('/api/v1/me')).status, 401);
  const disabled = await listAll(admin, '/api/v1/users?disabled=true');
  assert.ok(disabled.some((x) => x.id === u.user.id));
  assert.ok(disabled.every((x) => x.disabled));
  const active = await listAll(admin, '/api/v1/users?disabled=false');
  assert.ok(!active.some((x) => x.id === u.user.id));
  assert.equal((await api.browser('x').post('/api/v1/auth/sign-in', { email: u.user.email, password: u.password })).status, 401);
  assert.equal((await admin.patch(`/api/v1/users/${u.user.id}`, { disabled: false })).status, 200);
  await api.signIn(u.user.email, u.password);
});

test('users: the last active admin cannot be disabled or demoted (no lock-out)', { todo: 'not in the contract; a lock-out guard is expected (422 failed_precondition)' }, async () => {
  const res = await admin.patch(`/api/v1/users/${admin.user.id}`, { disabled: true });
  assert.equal(res.status, 422, res.describe());
  const res2 = await admin.patch(`/api/v1/users/${admin.user.id}`, { role: 'member' });
  assert.equal(res2.status, 422, res2.describe());
});

test('users: email is unique (409), also case-insensitively', async () => {
  const u = await api.createUser('member', [], { signIn: false });
  const dup = await admin.post('/api/v1/users', { email: u.email, display_name: 'D', password: password(), role: 'member' });
  assert.equal(dup.status, 409, dup.describe());
  assert.equal(dup.code, 'already_exists');
  assert.equal(dup.json.field, 'email');
  const dupCase = await admin.post('/api/v1/users', { email: u.email.toUpperCase(), display_name: 'D', password: password(), role: 'member' });
  assert.equal(dupCase.status, 409, `same email in other case: ${dupCase.describe()}`);
});

test('organisations: create, get, list with q and kind, patch (domain null removes it)', async () => {
  const name = unique('Acme ');
  const res = await admin.post('/api/v1/organisations', { name, kind: 'customer', domain: 'acme.example' });
  assert.equal(res.status, 201, res.describe());
  const o = res.json;
  assertOrganisation(o);
  assert.equal(o.name, name);
  assert.equal(o.kind, 'customer');
  assert.equal(o.domain, 'acme.example');
  const noDomain = await api.createOrganisation(admin, { kind: 'ngo' });
  assert.equal(noDomain.domain, null);
  const got = await admin.get(`/api/v1/organisations/${o.id}`);
  assert.deepEqual(got.json, o);
  const byQ = await admin.get(`/api/v1/organisations?q=${encodeURIComponent(name.toLowerCase())}`);
  assert.deepEqual(byQ.json.items.map((x) => x.id), [o.id]);
  const byKind = await listAll(admin, '/api/v1/organisations?kind=ngo');
  assert.ok(byKind.every((x) => x.kind === 'ngo') && byKind.some((x) => x.id === noDomain.id));
  const im = await api.createUser('innovation_manager');
  const p = await im.patch(`/api/v1/organisations/${o.id}`, { domain: null, kind: 'partner' });
  assert.equal(p.status, 200, p.describe());
  assert.equal(p.json.domain, null);
  assert.equal(p.json.kind, 'partner');
  assert.equal(p.json.name, name);
  const m = await api.createUser('member');
  const seen = await m.get(`/api/v1/organisations/${o.id}`);
  assert.equal(seen.status, 200, 'members (internal) can read organisations');
  assert.equal((await admin.get('/api/v1/organisations/999999')).status, 404);
});
