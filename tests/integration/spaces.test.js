'use strict';
// Spaces and their members.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique, listAll } = require('../support/client');
const { assertSpace, assertMember, assertPage } = require('../support/shapes');

let api;
let admin;
let im;
let member;

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  member = await api.createUser('member');
});

test('create: 201 Space; the creator is its owner; defaults', async () => {
  const name = unique('Community ');
  const res = await im.post('/api/v1/spaces', { name, kind: 'community' });
  assert.equal(res.status, 201, res.describe());
  const s = res.json;
  assertSpace(s);
  assert.equal(s.name, name);
  assert.equal(s.description, '');
  assert.equal(s.external_allowed, false);
  assert.equal(s.experimental, false);
  assert.equal(s.archived, false);
  assert.equal(s.my_role, 'owner');
  assert.equal(s.member_count, 1);
  const members = await im.get(`/api/v1/spaces/${s.id}/members`);
  assert.equal(members.status, 200, members.describe());
  assertPage(members.json);
  assert.equal(members.json.items.length, 1);
  assertMember(members.json.items[0], { internal: true });
  assert.equal(members.json.items[0].user.id, im.user.id);
  assert.equal(members.json.items[0].space_role, 'owner');
});

test('get: members see my_role; internal non-members see the space with my_role null', async () => {
  const s = await api.createSpace(im, { kind: 'project_room', description: 'desc' });
  const byMember = await member.get(`/api/v1/spaces/${s.id}`);
  assert.equal(byMember.status, 200, byMember.describe());
  assert.equal(byMember.json.my_role, null);
  assert.equal(byMember.json.description, 'desc');
  assert.equal((await admin.get('/api/v1/spaces/999999')).status, 404);
});

test('patch: owner and admin can; fields change; kind cannot', async () => {
  const s = await api.createSpace(im);
  const p = await im.patch(`/api/v1/spaces/${s.id}`, { name: 'Renamed space', description: 'New', experimental: true, external_allowed: true });
  assert.equal(p.status, 200, p.describe());
  assertSpace(p.json);
  assert.equal(p.json.name, 'Renamed space');
  assert.equal(p.json.description, 'New');
  assert.equal(p.json.experimental, true);
  assert.equal(p.json.external_allowed, true);
  assert.equal(p.json.kind, s.kind);
  const a = await admin.patch(`/api/v1/spaces/${s.id}`, { archived: true });
  assert.equal(a.status, 200, a.describe());
  assert.equal(a.json.archived, true);
  assert.equal(a.json.my_role, null, 'admin is not a member but my_role is set');
  const k = await im.patch(`/api/v1/spaces/${s.id}`, { kind: 'challenge_area' });
  assert.equal(k.status, 400, k.describe());
});

test('list: filters kind, archived, q; paging', async () => {
  const tag = unique('Filter');
  const c = await api.createSpace(im, { name: `${tag} community`, kind: 'community' });
  const pr = await api.createSpace(im, { name: `${tag} project`, kind: 'project_room' });
  const arch = await api.createSpace(im, { name: `${tag} archived`, kind: 'challenge_area' });
  assert.equal((await im.patch(`/api/v1/spaces/${arch.id}`, { archived: true })).status, 200);
  const q = await listAll(im, `/api/v1/spaces?q=${encodeURIComponent(tag.toLowerCase())}`);
  assert.deepEqual(q.map((x) => x.id).sort(), [c.id, pr.id, arch.id].sort(), 'without archived both archived and non-archived are listed');
  const kind = await listAll(im, `/api/v1/spaces?q=${encodeURIComponent(tag)}&kind=project_room`);
  assert.deepEqual(kind.map((x) => x.id), [pr.id]);
  const onlyArchived = await listAll(im, `/api/v1/spaces?q=${encodeURIComponent(tag)}&archived=true`);
  assert.deepEqual(onlyArchived.map((x) => x.id), [arch.id]);
  const notArchived = await listAll(im, `/api/v1/spaces?q=${encodeURIComponent(tag)}&archived=false`);
  assert.deepEqual(notArchived.map((x) => x.id).sort(), [c.id, pr.id].sort());
});

test('members: PUT adds or changes the role, DELETE removes; counts follow', async () => {
  const s = await api.createSpace(im);
  const put = await im.put(`/api/v1/spaces/${s.id}/members/${member.user.id}`, { space_role: 'moderator' });
  assert.equal(put.status, 200, put.describe());
  assertMember(put.json, { internal: true });
  assert.equal(put.json.user.id, member.user.id);
  assert.equal(put.json.space_role, 'moderator');
  assert.equal((await member.get(`/api/v1/spaces/${s.id}`)).json.my_role, 'moderator');
  assert.equal((await im.get(`/api/v1/spaces/${s.id}`)).json.member_count, 2);
  const again = await im.put(`/api/v1/spaces/${s.id}/members/${member.user.id}`, { space_role: 'member' });
  assert.equal(again.status, 200, again.describe());
  assert.equal(again.json.space_role, 'member');
  assert.equal((await im.get(`/api/v1/spaces/${s.id}`)).json.member_count, 2, 'PUT twice added the member twice');
  const me = await member.get('/api/v1/me');
  assert.ok(me.json.spaces.some((x) => x.id === s.id), '/me does not list the new space');
  const del = await im.del(`/api/v1/spaces/${s.id}/members/${member.user.id}`);
  assert.equal(del.status, 204, del.describe());
  assert.equal((await im.get(`/api/v1/spaces/${s.id}`)).json.member_count, 1);
  assert.equal((await im.del(`/api/v1/spaces/${s.id}/members/${member.user.id}`)).status, 404, 'removing a non-member');
  assert.equal((await im.put(`/api/v1/spaces/${s.id}/members/999999`, { space_role: 'member' })).status, 404);
});

test('members: a moderator is not an owner (cannot manage members)', async () => {
  const s = await api.createSpace(im);
  await api.addMember(im, s.id, member.user.id, 'moderator');
  const other = await api.createUser('member');
  const res = await member.put(`/api/v1/spaces/${s.id}/members/${other.user.id}`, { space_role: 'member' });
  assert.equal(res.status, 403, res.describe());
});

test('members: an added owner can manage the space', async () => {
  const s = await api.createSpace(im);
  await api.addMember(im, s.id, member.user.id, 'owner');
  const p = await member.patch(`/api/v1/spaces/${s.id}`, { description: 'by co-owner' });
  assert.equal(p.status, 200, p.describe());
});

test('members: externals join only by invitation (PUT → 422 failed_precondition)', async () => {
  const s = await api.createSpace(im, { external_allowed: true });
  const inv = await api.inviteExternal(im, s.id);
  const ext = await api.accept(inv.token);
  const other = await api.createSpace(im, { external_allowed: true });
  const res = await im.put(`/api/v1/spaces/${other.id}/members/${ext.user.id}`, { space_role: 'member' });
  assert.equal(res.status, 422, res.describe());
  assert.equal(res.code, 'failed_precondition');
  assert.equal((await ext.get(`/api/v1/spaces/${other.id}`)).status, 404);
});

test('an internal user added to no space still sees spaces (internal visibility), an external only theirs', async () => {
  const s1 = await api.createSpace(im, { external_allowed: true });
  const s2 = await api.createSpace(im, { external_allowed: true });
  const inv = await api.inviteExternal(im, s1.id);
  const ext = await api.accept(inv.token);
  const extList = await listAll(ext, '/api/v1/spaces');
  assert.deepEqual(extList.map((x) => x.id), [s1.id]);
  const memberList = await listAll(member, '/api/v1/spaces');
  assert.ok(memberList.some((x) => x.id === s2.id));
});
