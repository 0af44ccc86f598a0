'use strict';
// The audit trail (an event for each write, filters, cursor paging, no secrets) and the
// pagination rules shared by every list.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, sleep } = require('../support/server');
const { Api, email, password, unique, listAll } = require('../support/client');
const { assertEvent, assertPage } = require('../support/shapes');

let api;
let admin;
const secrets = [];

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  secrets.push(admin.password, admin.sessionCookie);
});

async function maxEventId() {
  const res = await admin.get('/api/v1/events?limit=200');
  assert.equal(res.status, 200, res.describe());
  const ids = [];
  let page = res.json;
  ids.push(...page.items.map((e) => e.id));
  let after = page.next_cursor;
  for (let i = 0; after && i < 100; i += 1) {
    page = (await admin.get(`/api/v1/events?limit=200&after=${encodeURIComponent(after)}`)).json;
    ids.push(...page.items.map((e) => e.id));
    after = page.next_cursor;
  }
  return ids.length ? Math.max(...ids) : 0;
}
async function eventsSince(id) {
  return (await listAll(admin, '/api/v1/events')).filter((e) => e.id > id);
}

test('every write appends an event by its actor', async () => {
  const im = await api.createUser('innovation_manager');
  secrets.push(im.password, im.sessionCookie);
  const member = await api.createUser('member', [], { signIn: false });
  secrets.push(member.password);
  const ctx = {};
  const writes = [
    ['create organisation', admin, async () => { ctx.org = await api.createOrganisation(admin); return { type: /organi[sz]ation/, id: ctx.org.id }; }],
    ['patch organisation', im, async () => { await im.patch(`/api/v1/organisations/${ctx.org.id}`, { domain: 'x.example' }); return { type: /organi[sz]ation/, id: ctx.org.id }; }],
    ['create user', admin, async () => { const pw = password(); secrets.push(pw); const r = await admin.post('/api/v1/users', { email: email('ev'), display_name: 'Ev', password: pw, role: 'member' }); ctx.user = r.json; return { type: /user/, id: r.json.id }; }],
    ['patch user', admin, async () => { await admin.patch(`/api/v1/users/${ctx.user.id}`, { capabilities: ['sales'] }); return { type: /user/, id: ctx.user.id }; }],
    ['disable user', admin, async () => { await admin.patch(`/api/v1/users/${ctx.user.id}`, { disabled: true }); return { type: /user/, id: ctx.user.id }; }],
    ['create space', im, async () => { ctx.space = await api.createSpace(im); return { type: /space/, id: ctx.space.id, space: ctx.space.id }; }],
    ['patch space', im, async () => { await im.patch(`/api/v1/spaces/${ctx.space.id}`, { description: 'changed' }); return { type: /space/, id: ctx.space.id, space: ctx.space.id }; }],
    ['add member', im, async () => { await api.addMember(im, ctx.space.id, member.user.id); return { space: ctx.space.id }; }],
    ['remove member', im, async () => { await im.del(`/api/v1/spaces/${ctx.space.id}/members/${member.user.id}`); return { space: ctx.space.id }; }],
    ['invite', im, async () => { ctx.inv = await api.inviteExternal(im, ctx.space.id); secrets.push(ctx.inv.token); return { type: /invitation/, id: ctx.inv.id, space: ctx.space.id }; }],
    ['resend invitation', im, async () => { const r = await im.post(`/api/v1/invitations/${ctx.inv.id}/resend`); ctx.inv.token = r.json.token; secrets.push(r.json.token); return { type: /invitation/, id: ctx.inv.id }; }],
    ['accept invitation', null, async () => { const pw = password(); secrets.push(pw); ctx.ext = await api.accept(ctx.inv.token, { pass: pw }); secrets.push(ctx.ext.sessionCookie); return { space: ctx.space.id, actorId: ctx.ext.user.id }; }],
    ['revoke invitation', im, async () => { const i = await api.inviteExternal(im, ctx.space.id); secrets.push(i.token); await im.post(`/api/v1/invitations/${i.id}/revoke`); return { type: /invitation/, id: i.id }; }],
    ['create token', im, async () => { ctx.tok = await api.createToken(im, ['read']); secrets.push(ctx.tok.token); return { type: /token/, id: ctx.tok.id }; }],
    ['revoke token', im, async () => { await im.del(`/api/v1/me/tokens/${ctx.tok.id}`); return { type: /token/, id: ctx.tok.id }; }],
    ['change password', im, async () => { const pw = password(); secrets.push(pw); await im.post('/api/v1/me/password', { current_password: im.password, new_password: pw }); im.password = pw; return { actorId: im.user.id }; }],
    ['patch me', im, async () => { await im.patch('/api/v1/me', { display_name: unique('Me ') }); return { type: /user/, id: im.user.id }; }],
  ];
  const missing = [];
  for (const [name, actor, write] of writes) {
    const before = await maxEventId();
    const expect = await write();
    const fresh = await eventsSince(before);
    fresh.forEach((e) => assertEvent(e, `${name} event`));
    const actorId = expect.actorId || (actor && actor.user.id);
    const match = fresh.filter((e) => (!actorId || (e.actor && e.actor.id === actorId))
      && (!expect.type || expect.type.test(e.object_type))
      && (!expect.id || e.object_id === expect.id)
      && (!expect.space || e.space_id === expect.space || e.object_id === expect.space));
    if (match.length === 0) missing.push(`${name}: no matching event among ${JSON.stringify(fresh.map((e) => [e.verb, e.object_type, e.object_id, e.actor && e.actor.id, e.space_id]))}`);
  }
  assert.deepEqual(missing, [], missing.join('\n'));
});

test('events never contain passwords, session tokens, API tokens or invitation tokens', async () => {
  const all = JSON.stringify(await listAll(admin, '/api/v1/events'));
  for (const s of secrets.filter(Boolean)) assert.ok(!all.includes(s), `a secret appears in the audit trail: ${s.slice(0, 6)}…`);
  assert.ok(!/argon2|\$argon|password_hash/i.test(all), 'a password hash appears in the audit trail');
});

test('filters: actor_id, verb, object_type, space_id, since/until', async () => {
  const all = await listAll(admin, '/api/v1/events');
  assert.ok(all.length >= 10, `only ${all.length} events`);
  const sample = all.find((e) => e.actor && e.space_id) || all[0];
  const byActor = await listAll(admin, `/api/v1/events?actor_id=${sample.actor.id}`);
  assert.ok(byActor.length > 0 && byActor.every((e) => e.actor && e.actor.id === sample.actor.id));
  assert.equal(byActor.length, all.filter((e) => e.actor && e.actor.id === sample.actor.id).length);
  const byVerb = await listAll(admin, `/api/v1/events?verb=${encodeURIComponent(sample.verb)}`);
  assert.ok(byVerb.length > 0 && byVerb.every((e) => e.verb === sample.verb));
  const byType = await listAll(admin, `/api/v1/events?object_type=${encodeURIComponent(sample.object_type)}`);
  assert.ok(byType.length > 0 && byType.every((e) => e.object_type === sample.object_type));
  if (sample.space_id) {
    const bySpace = await listAll(admin, `/api/v1/events?space_id=${sample.space_id}`);
    assert.ok(bySpace.length > 0 && bySpace.every((e) => e.space_id === sample.space_id));
  }
  const combined = await listAll(admin, `/api/v1/events?actor_id=${sample.actor.id}&verb=${encodeURIComponent(sample.verb)}`);
  assert.ok(combined.every((e) => e.verb === sample.verb && e.actor.id === sample.actor.id));

  const before = new Date(Date.now() - 1000).toISOString();
  await sleep(1100);
  const mark = new Date().toISOString();
  await sleep(50);
  const o = await api.createOrganisation(admin);
  const since = await listAll(admin, `/api/v1/events?since=${encodeURIComponent(mark)}`);
  assert.ok(since.some((e) => e.object_id === o.id), 'since does not include a later event');
  assert.ok(since.every((e) => Date.parse(e.at) >= Date.parse(mark)), 'since includes an earlier event');
  const until = await listAll(admin, `/api/v1/events?until=${encodeURIComponent(mark)}`);
  assert.ok(!until.some((e) => e.object_id === o.id && /organi/.test(e.object_type)), 'until includes a later event');
  assert.ok(until.every((e) => Date.parse(e.at) < Date.parse(mark)));
  const window = await listAll(admin, `/api/v1/events?since=${encodeURIComponent(before)}&until=${encodeURIComponent(mark)}`);
  assert.ok(window.every((e) => Date.parse(e.at) >= Date.parse(before) && Date.parse(e.at) < Date.parse(mark)));
});

test('events: cursor paging with limit=2 returns the same events as one page, once each', async () => {
  const one = (await admin.get('/api/v1/events?limit=200')).json;
  assertPage(one);
  const paged = [];
  let after = null;
  for (let i = 0; i < 200; i += 1) {
    const res = await admin.get(`/api/v1/events?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    assert.equal(res.status, 200, res.describe());
    assert.ok(res.json.items.length <= 2);
    paged.push(...res.json.items.map((e) => e.id));
    after = res.json.next_cursor;
    if (!after) break;
  }
  assert.equal(new Set(paged).size, paged.length, 'an event appeared on two pages');
  if (one.next_cursor === null) assert.deepEqual(paged, one.items.map((e) => e.id));
});

test('pagination: default 50, limit 1..200, next_cursor null at the end, no duplicates', async () => {
  const tag = unique('Page');
  for (let i = 0; i < 120; i += 1) await api.createOrganisation(admin, { name: `${tag} ${String(i).padStart(3, '0')}` });
  const q = `q=${encodeURIComponent(tag)}`;
  const first = await admin.get(`/api/v1/organisations?${q}`);
  assert.equal(first.status, 200);
  assertPage(first.json);
  assert.equal(first.json.items.length, 50, 'default limit is not 50');
  assert.ok(first.json.next_cursor);
  const seen = [];
  let after = null;
  for (let i = 0; i < 10; i += 1) {
    const res = await admin.get(`/api/v1/organisations?${q}&limit=37${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    assert.equal(res.status, 200, res.describe());
    seen.push(...res.json.items.map((x) => x.id));
    after = res.json.next_cursor;
    if (!after) break;
  }
  assert.equal(seen.length, 120);
  assert.equal(new Set(seen).size, 120);
  const big = await admin.get(`/api/v1/organisations?${q}&limit=200`);
  assert.equal(big.json.items.length, 120);
  assert.equal(big.json.next_cursor, null);
  const exact = await admin.get(`/api/v1/organisations?${q}&limit=120`);
  assert.equal(exact.json.items.length, 120);
  if (exact.json.next_cursor) {
    const tail = await admin.get(`/api/v1/organisations?${q}&limit=120&after=${encodeURIComponent(exact.json.next_cursor)}`);
    assert.deepEqual(tail.json.items, [], 'a cursor past the end returned items');
    assert.equal(tail.json.next_cursor, null);
  }
});

test('pagination: limit > 200, < 1 or not a number → 400 invalid_argument field limit (every list)', async () => {
  const lists = ['/api/v1/users', '/api/v1/organisations', '/api/v1/spaces', '/api/v1/invitations', '/api/v1/events', '/api/v1/me/sessions', '/api/v1/me/tokens'];
  const space = await api.createSpace(admin);
  lists.push(`/api/v1/spaces/${space.id}/members`, `/api/v1/spaces/${space.id}/invitations`);
  for (const p of lists) {
    for (const limit of ['201', '1000', '0', '-1', 'x']) {
      const res = await admin.get(`${p}?limit=${limit}`);
      assert.equal(res.status, 400, `${p}?limit=${limit}: ${res.describe()}`);
      assert.equal(res.code, 'invalid_argument', `${p}?limit=${limit}`);
      assert.equal(res.json.field, 'limit', `${p}?limit=${limit}: ${res.describe()}`);
    }
    const ok = await admin.get(`${p}?limit=200`);
    assert.equal(ok.status, 200, `${p}?limit=200: ${ok.describe()}`);
  }
});

test('pagination: a forged or foreign cursor → 400 field after', async () => {
  const first = await admin.get('/api/v1/organisations?limit=2');
  const cur = first.json.next_cursor;
  assert.ok(cur);
  for (const bad of ['garbage', `${cur}x`, cur.split('').reverse().join(''), Buffer.from('{"id":-1}').toString('base64url'), "1' OR '1'='1"]) {
    const res = await admin.get(`/api/v1/organisations?limit=2&after=${encodeURIComponent(bad)}`);
    assert.equal(res.status, 400, `after=${bad}: ${res.describe()}`);
    assert.equal(res.json.field, 'after');
  }
});

test('pagination: an insert between pages causes no duplicates', async () => {
  const tag = unique('Insert');
  for (let i = 0; i < 6; i += 1) await api.createOrganisation(admin, { name: `${tag} ${i}` });
  const q = `q=${encodeURIComponent(tag)}`;
  const p1 = await admin.get(`/api/v1/organisations?${q}&limit=3`);
  await api.createOrganisation(admin, { name: `${tag} late` });
  const p2 = await admin.get(`/api/v1/organisations?${q}&limit=3&after=${encodeURIComponent(p1.json.next_cursor)}`);
  const ids = [...p1.json.items, ...p2.json.items].map((x) => x.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate across pages after an insert');
});
