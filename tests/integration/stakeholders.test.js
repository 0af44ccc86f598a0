'use strict';
// The stakeholder registry (docs/api-stakeholders.md): create with every field, read back,
// PATCH (arrays replace lists, version conflicts), list filters and sorts with cursor paging,
// level and emotion routes, needs, the timeline, the map, export, delete, and validation.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique, listAll, expectStatus, problemOf } = require('../support/client');
const { assertTime, assertPage, onlyKeys, hasKeys } = require('../support/shapes');
const {
  LEVELS, LIST_ITEM_KEYS, day, at, createStakeholder, getStakeholder, createInteraction, createNeed,
  walkPages, problemFields, namesField, csvObjects, assertListItem, assertStakeholder,
} = require('../support/stakeholders');

let srv;
let api;
let admin;
let im;
let member;
let other;
let external;
let space;
let space2;

before(async () => {
  srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  member = await api.createUser('member');
  other = await api.createUser('member');
  space = await api.createSpace(im, { name: unique('Stakeholder space '), external_allowed: true });
  space2 = await api.createSpace(admin, { name: unique('Second space ') });
  external = await api.accept((await api.inviteExternal(im, space.id)).token);
});

const byKey = (k) => (a, b) => (a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0);
const sortedTags = (s) => [...s.tags].sort();

// ---- create and read ---------------------------------------------------------------------

test('create an organisation with every field; read it back as created', async () => {
  const name = unique('Acme Industrial ');
  const domain = `${unique('acme')}.example`.toLowerCase();
  const body = {
    type: 'organisation',
    name,
    kind: 'partner',
    internal: false,
    gatekeeper_area: null,
    industry: 'Manufacturing',
    region: 'Nordics',
    size: 'large',
    domain,
    tags: ['Energy', 'pilot-2026'],
    links: [{ label: 'Web site', url: 'https://acme.example/' }, { label: 'Annual report', url: 'http://acme.example/report.pdf' }],
    value_chain: ['production', 'sales'],
    value_drivers: [{ driver: 'revenue', weight: 80, note: 'growth in the north' }, { driver: 'sustainability', weight: 100, note: 'net zero 2030' }],
    resources: [{ kind: 'test_sites', note: 'two plants' }, { kind: 'data', note: 'sensor data' }],
    notes: 'A **key** account. See [site](https://acme.example/).',
    owner_id: im.user.id,
    team: [{ user_id: member.user.id, role: 'Account lead' }, { user_id: other.user.id, role: 'Engineer' }],
    space_ids: [space.id, space2.id],
    level: 'interested',
  };
  const res = await im.post('/api/v1/stakeholders', body);
  assert.equal(res.status, 201, res.describe());
  const s = res.json;
  assertStakeholder(s);
  assert.equal(s.type, 'organisation');
  assert.equal(s.name, name);
  assert.equal(s.kind, 'partner');
  assert.equal(s.internal, false);
  assert.equal(s.gatekeeper_area, null);
  assert.equal(s.industry, 'Manufacturing');
  assert.equal(s.region, 'Nordics');
  assert.equal(s.size, 'large');
  assert.equal(s.domain, domain);
  assert.deepEqual(sortedTags(s), ['energy', 'pilot-2026'], 'tags are stored lower-case');
  assert.deepEqual(s.links, body.links);
  assert.deepEqual([...s.value_chain].sort(), ['production', 'sales']);
  assert.deepEqual([...s.value_drivers].sort(byKey('driver')), [...body.value_drivers].sort(byKey('driver')));
  assert.deepEqual([...s.resources].sort(byKey('kind')), [...body.resources].sort(byKey('kind')));
  assert.equal(s.notes, body.notes);
  assert.match(s.notes_html, /<strong>key<\/strong>/, 'notes_html is not the rendered markdown');
  assert.match(s.notes_html, /href="https:\/\/acme\.example\/"/);
  assert.deepEqual(s.owner, { id: im.user.id, display_name: im.user.display_name });
  assert.deepEqual([...s.team].sort(byKey('user_id')), [
    { user_id: member.user.id, display_name: member.user.display_name, role: 'Account lead' },
    { user_id: other.user.id, display_name: other.user.display_name, role: 'Engineer' },
  ].sort(byKey('user_id')));
  assert.deepEqual([...s.space_ids].sort(), [space.id, space2.id].sort());
  assert.equal(s.level, 'interested', 'level is set on POST');
  assertTime(s.level_changed_at, 'level_changed_at');
  assert.equal(s.emotion, null);
  assert.equal(s.last_contact_at, null);
  assert.deepEqual(s.affiliations, []);
  assert.deepEqual(s.relations, []);
  const got = await getStakeholder(admin, s.id);
  assert.deepEqual(got, s, 'GET answers differently from POST');
  const listed = await listAll(admin, `/api/v1/stakeholders?q=${encodeURIComponent(name)}`);
  assert.equal(listed.length, 1, `q=${name} finds ${listed.length}`);
  assertListItem(listed[0]);
  onlyKeys(listed[0], LIST_ITEM_KEYS, 'list item');
  for (const k of LIST_ITEM_KEYS) assert.deepEqual(listed[0][k], s[k], `list item ${k} differs from the detail`);
});

test('defaults: level unaware, internal false, empty lists, no owner', async () => {
  const s = await createStakeholder(member, { type: 'organisation', name: unique('Plain '), kind: 'customer' });
  assertStakeholder(s);
  assert.equal(s.level, 'unaware');
  assert.equal(s.internal, false);
  assert.equal(s.owner, null);
  for (const k of ['tags', 'links', 'value_chain', 'value_drivers', 'resources', 'team', 'affiliations', 'relations', 'space_ids']) {
    assert.deepEqual(s[k], [], `${k} is not empty by default`);
  }
});

test('people and organisations of several kinds; affiliations from both sides; relations', async () => {
  const org = await createStakeholder(im, { type: 'organisation', name: unique('Regulator '), kind: 'regulator', size: 'enterprise', domain: `${unique('reg')}.example`.toLowerCase() });
  const gate = await createStakeholder(im, { type: 'organisation', name: unique('Legal desk '), kind: 'internal_gatekeeper', internal: true, gatekeeper_area: 'legal' });
  assert.equal(gate.internal, true);
  assert.equal(gate.gatekeeper_area, 'legal');
  const uni = await createStakeholder(im, { type: 'organisation', name: unique('University '), kind: 'academia' });
  // A person affiliated to an organisation (from the person's side).
  const em = `${unique('p')}@reg.example`.toLowerCase();
  const person = await createStakeholder(im, {
    type: 'person', name: unique('Petra Person '), kind: 'regulator', email: em,
    affiliations: [{ organisation_id: org.id, title: 'Head of Permits', role: 'decision maker' }],
  });
  assert.equal(person.type, 'person');
  assert.equal(person.email, em);
  assert.deepEqual(person.affiliations, [{ person_id: person.id, person_name: person.name, organisation_id: org.id, organisation_name: org.name, title: 'Head of Permits', role: 'decision maker' }]);
  const orgNow = await getStakeholder(im, org.id);
  assert.deepEqual(orgNow.affiliations, person.affiliations, 'the organisation does not show the affiliation made from the person');
  // An organisation affiliating a person (from the organisation's side).
  const researcher = await createStakeholder(im, { type: 'person', name: unique('Rita Researcher '), kind: 'academia', email: `${unique('r')}@uni.example`.toLowerCase() });
  const uni2 = await im.patch(`/api/v1/stakeholders/${uni.id}`, { affiliations: [{ person_id: researcher.id, title: 'Professor', role: 'sponsor' }] });
  assert.equal(uni2.status, 200, uni2.describe());
  assert.deepEqual(uni2.json.affiliations, [{ person_id: researcher.id, person_name: researcher.name, organisation_id: uni.id, organisation_name: uni.name, title: 'Professor', role: 'sponsor' }]);
  assert.deepEqual((await getStakeholder(im, researcher.id)).affiliations, uni2.json.affiliations, 'the person does not show the affiliation made from the organisation');
  // Relations (outgoing).
  const supplier = await createStakeholder(im, { type: 'organisation', name: unique('Supplier '), kind: 'supplier', relations: [{ to_id: org.id, kind: 'supplies' }, { to_id: uni.id, kind: 'partners_with' }] });
  const rels = [...supplier.relations].sort(byKey('to_id'));
  assert.equal(rels.length, 2);
  for (const r of rels) {
    hasKeys(r, ['id', 'from_id', 'from_name', 'to_id', 'to_name', 'kind'], 'relation');
    assert.equal(r.from_id, supplier.id);
    assert.equal(r.from_name, supplier.name);
  }
  assert.deepEqual(rels.map((r) => [r.to_id, r.to_name, r.kind]), [[org.id, org.name, 'supplies'], [uni.id, uni.name, 'partners_with']].sort((a, b) => a[0] - b[0]));
  // Every kind is accepted.
  for (const kind of ['customer', 'prospect', 'partner', 'supplier', 'regulator', 'ngo', 'academia', 'internal_gatekeeper', 'internal_team', 'other']) {
    const s = await createStakeholder(member, { type: kind === 'ngo' ? 'person' : 'organisation', name: unique(`Kind ${kind} `), kind });
    assert.equal(s.kind, kind);
  }
});

// ---- PATCH -------------------------------------------------------------------------------

test('PATCH: a subset changes; arrays replace the whole list; version moves on; the rest stays', async () => {
  const s = await createStakeholder(member, {
    name: unique('Patchable '), kind: 'customer', industry: 'Retail', region: 'Iberia',
    tags: ['a', 'b', 'c'], links: [{ label: 'One', url: 'https://one.example/' }],
    value_drivers: [{ driver: 'cost', weight: 10, note: 'x' }, { driver: 'learning', weight: 20, note: 'y' }],
    resources: [{ kind: 'funding', note: 'grant' }], value_chain: ['rnd'],
    team: [{ user_id: member.user.id, role: 'Lead' }], space_ids: [space.id], owner_id: member.user.id,
  });
  const res = await member.patch(`/api/v1/stakeholders/${s.id}`, {
    tags: ['Z'], links: [], value_drivers: [{ driver: 'compliance', weight: 55, note: 'audit' }],
    resources: [], value_chain: ['service', 'end_use'], team: [{ user_id: other.user.id, role: 'Back-up' }],
    space_ids: [], region: 'DACH', version: s.version,
  });
  assert.equal(res.status, 200, res.describe());
  const p = res.json;
  assertStakeholder(p);
  assert.deepEqual(p.tags, ['z']);
  assert.deepEqual(p.links, []);
  assert.deepEqual(p.value_drivers, [{ driver: 'compliance', weight: 55, note: 'audit' }]);
  assert.deepEqual(p.resources, []);
  assert.deepEqual([...p.value_chain].sort(), ['end_use', 'service']);
  assert.deepEqual(p.team, [{ user_id: other.user.id, display_name: other.user.display_name, role: 'Back-up' }]);
  assert.deepEqual(p.space_ids, []);
  assert.equal(p.region, 'DACH');
  assert.equal(p.name, s.name, 'a field not in the PATCH changed');
  assert.equal(p.industry, 'Retail', 'a field not in the PATCH changed');
  assert.deepEqual(p.owner, s.owner, 'owner changed without owner_id');
  assert.ok(p.version > s.version, `version did not move on (${s.version} → ${p.version})`);
  assert.ok(Date.parse(p.updated_at) >= Date.parse(s.updated_at));
  assert.deepEqual(await getStakeholder(member, s.id), p);
  // Clearing optional scalars with null.
  const cleared = await member.patch(`/api/v1/stakeholders/${s.id}`, { size: null, owner_id: null });
  assert.equal(cleared.status, 200, cleared.describe());
  assert.equal(cleared.json.size, null);
  assert.equal(cleared.json.owner, null);
});

test('PATCH with a stale version → 409 conflict and nothing changes; without version it applies', async () => {
  const s = await createStakeholder(member, { name: unique('Versioned '), region: 'Before' });
  const first = await im.patch(`/api/v1/stakeholders/${s.id}`, { region: 'First', version: s.version });
  assert.equal(first.status, 200, first.describe());
  const stale = await member.patch(`/api/v1/stakeholders/${s.id}`, { region: 'Stale', version: s.version });
  assert.equal(stale.status, 409, stale.describe());
  assert.equal(stale.code, 'conflict', stale.describe());
  assert.ok(problemOf(stale).ok, problemOf(stale).why);
  const now = await getStakeholder(member, s.id);
  assert.equal(now.region, 'First', 'a refused PATCH changed the stakeholder');
  assert.equal(now.version, first.json.version);
  const future = await member.patch(`/api/v1/stakeholders/${s.id}`, { region: 'Future', version: now.version + 5 });
  assert.equal(future.status, 409, `a version from the future: ${future.describe()}`);
  const fresh = await member.patch(`/api/v1/stakeholders/${s.id}`, { region: 'Fresh', version: now.version });
  assert.equal(fresh.status, 200, fresh.describe());
  const noVersion = await member.patch(`/api/v1/stakeholders/${s.id}`, { region: 'Unversioned' });
  assert.equal(noVersion.status, 200, noVersion.describe());
  assert.equal(noVersion.json.region, 'Unversioned');
});

test('PATCH and GET of a stakeholder that does not exist → 404', async () => {
  assert.equal((await member.get('/api/v1/stakeholders/999999')).status, 404);
  assert.equal((await member.patch('/api/v1/stakeholders/999999', { region: 'x' })).status, 404);
  assert.equal((await admin.del('/api/v1/stakeholders/999999')).status, 404);
});

// ---- list: filters, sorts, paging -------------------------------------------------------------

// A family of stakeholders sharing a unique word in their names, with known attributes.
async function family() {
  const tag = unique('fam').toLowerCase();
  const t1 = `${tag}-one`;
  const t2 = `${tag}-two`;
  const region = unique('Region ');
  const mk = (suffix, fields) => createStakeholder(im, { name: `${tag} ${suffix}`, ...fields });
  const f = {};
  f.a = await mk('alpha', { type: 'organisation', kind: 'customer', tags: [t1], level: 'aware', owner_id: im.user.id, region });
  f.b = await mk('bravo', { type: 'person', kind: 'partner', tags: [t1, t2], level: 'engaged', owner_id: member.user.id, region: unique('Region '), email: `${unique('b')}@x.example`.toLowerCase() });
  f.c = await mk('charlie', { type: 'organisation', kind: 'internal_team', internal: true, level: 'advocate', region });
  f.d = await mk('delta', { type: 'person', kind: 'prospect', level: 'interested', owner_id: admin.user.id, tags: [t2] });
  f.e = await mk('echo', { type: 'organisation', kind: 'customer', level: 'aware', owner_id: member.user.id });
  f.f = await mk('foxtrot', { type: 'organisation', kind: 'customer', level: 'aware' });
  f.g = await mk('golf', { type: 'person', kind: 'customer', level: 'unaware', owner_id: member.user.id });
  // Contacts: a on 1 March, b on 1 June, c on 1 September; the rest never.
  await createInteraction(im, [f.a.id], { occurred_at: '2026-03-01T10:00:00.000Z', status: 'held' });
  await createInteraction(im, [f.b.id], { occurred_at: '2026-06-01T10:00:00.000Z', status: 'held' });
  await createInteraction(im, [f.c.id], { occurred_at: '2026-09-01T10:00:00.000Z', status: 'held' });
  return { tag, t1, t2, region, f, all: Object.values(f) };
}
const ids = (xs) => xs.map((x) => x.id).sort((a, b) => a - b);

test('list filters: type, kind, tag, level, owner_id (incl. me), region, internal, last_contact_before/after, q', async () => {
  const { tag, t1, t2, region, f } = await family();
  const q = `q=${encodeURIComponent(tag)}`;
  const get = async (extra) => ids(await listAll(member, `/api/v1/stakeholders?${q}${extra ? `&${extra}` : ''}`));
  assert.deepEqual(await get(''), ids(Object.values(f)), 'q');
  assert.deepEqual(await get('type=person'), ids([f.b, f.d, f.g]), 'type=person');
  assert.deepEqual(await get('type=organisation'), ids([f.a, f.c, f.e, f.f]), 'type=organisation');
  assert.deepEqual(await get('kind=customer'), ids([f.a, f.e, f.f, f.g]), 'kind=customer');
  assert.deepEqual(await get('kind=internal_team'), ids([f.c]), 'kind=internal_team');
  assert.deepEqual(ids(await listAll(member, `/api/v1/stakeholders?tag=${encodeURIComponent(t1)}`)), ids([f.a, f.b]), 'tag (alone)');
  assert.deepEqual(ids(await listAll(member, `/api/v1/stakeholders?tag=${encodeURIComponent(t2)}`)), ids([f.b, f.d]), 'tag (a second one)');
  assert.deepEqual(ids(await listAll(member, `/api/v1/stakeholders?tag=${encodeURIComponent(t2.toUpperCase())}`)), ids([f.b, f.d]), 'tag is case-insensitive');
  assert.deepEqual(ids(await listAll(member, `/api/v1/stakeholders?region=${encodeURIComponent(region.toUpperCase())}`)), ids([f.a, f.c]), 'region is case-insensitive');
  assert.deepEqual(await get('level=aware'), ids([f.a, f.e, f.f]), 'level=aware');
  assert.deepEqual(await get('level=advocate'), ids([f.c]), 'level=advocate');
  assert.deepEqual(await get(`owner_id=${member.user.id}`), ids([f.b, f.e, f.g]), 'owner_id');
  assert.deepEqual(await get('owner_id=me'), ids([f.b, f.e, f.g]), 'owner_id=me as member');
  assert.deepEqual(ids(await listAll(im, `/api/v1/stakeholders?${q}&owner_id=me`)), ids([f.a]), 'owner_id=me as innovation_manager');
  assert.deepEqual(ids(await listAll(member, `/api/v1/stakeholders?region=${encodeURIComponent(region)}`)), ids([f.a, f.c]), 'region (exact)');
  assert.deepEqual(await get('internal=true'), ids([f.c]), 'internal=true');
  assert.deepEqual(await get('internal=false'), ids([f.a, f.b, f.d, f.e, f.f, f.g]), 'internal=false');
  assert.deepEqual(await get(`last_contact_before=${encodeURIComponent('2026-04-01T00:00:00.000Z')}`), ids([f.a]), 'last_contact_before');
  assert.deepEqual(await get(`last_contact_after=${encodeURIComponent('2026-04-01T00:00:00.000Z')}`), ids([f.b, f.c]), 'last_contact_after');
  assert.deepEqual(await get(`last_contact_after=${encodeURIComponent('2026-04-01T00:00:00.000Z')}&last_contact_before=${encodeURIComponent('2026-07-01T00:00:00.000Z')}`), ids([f.b]), 'a contact window');
  assert.deepEqual(await get('type=organisation&kind=customer&level=aware&owner_id=me'), ids([f.e]), 'filters combine with AND');
  assert.deepEqual(ids(await listAll(member, `/api/v1/stakeholders?q=${encodeURIComponent(`${tag} charl`)}`)), ids([f.c]), 'q matches part of a name');
  assert.deepEqual(ids(await listAll(member, `/api/v1/stakeholders?q=${encodeURIComponent(tag.toUpperCase())}`)), ids(Object.values(f)), 'q is case-insensitive');
  assert.deepEqual(await get(`tag=${encodeURIComponent(unique('none').toLowerCase())}`), [], 'an unused tag matches nothing');
});

test('list: bad filter values → 400 naming the parameter', async () => {
  for (const [p, field] of [
    ['type=robot', 'type'], ['kind=alien', 'kind'], ['level=ecstatic', 'level'], ['sort=price', 'sort'],
    ['owner_id=abc', 'owner_id'], ['internal=maybe', 'internal'], ['last_contact_before=yesterday', 'last_contact_before'],
    ['last_contact_after=2026-13-45', 'last_contact_after'], ['limit=201', 'limit'], ['limit=0', 'limit'], ['after=garbage', 'after'],
  ]) {
    const res = await member.get(`/api/v1/stakeholders?${p}`);
    assert.equal(res.status, 400, `?${p}: ${res.describe()}`);
    assert.equal(res.code, 'invalid_argument', `?${p}`);
    assert.equal(res.json.field, field, `?${p}: ${res.describe()}`);
  }
});

test('sorts: name (default), -updated, -last_contact, -level; limit=2 pages walk every item once, in the same order as one page', async () => {
  const { tag, all } = await family();
  // Make -updated differ from creation order.
  expectStatus(await im.patch(`/api/v1/stakeholders/${all[3].id}`, { industry: 'Touched' }), 200, 'touch');
  const base = `/api/v1/stakeholders?q=${encodeURIComponent(tag)}`;
  const expectedIds = ids(all);
  const checks = {
    name: (xs) => {
      for (let i = 1; i < xs.length; i += 1) assert.ok(xs[i - 1].name.toLowerCase() <= xs[i].name.toLowerCase(), `sort=name: ${xs[i - 1].name} before ${xs[i].name}`);
    },
    '-updated': (xs) => {
      for (let i = 1; i < xs.length; i += 1) assert.ok(Date.parse(xs[i - 1].updated_at) >= Date.parse(xs[i].updated_at), `sort=-updated: ${xs[i - 1].updated_at} before ${xs[i].updated_at}`);
      assert.equal(xs[0].id, all[3].id, 'sort=-updated: the last one touched is not first');
    },
    '-last_contact': (xs) => {
      const contacted = xs.filter((x) => x.last_contact_at !== null);
      assert.equal(contacted.length, 3, 'three of the family have a last contact');
      for (let i = 1; i < contacted.length; i += 1) assert.ok(contacted[i - 1].last_contact_at >= contacted[i].last_contact_at, `sort=-last_contact: ${contacted[i - 1].last_contact_at} before ${contacted[i].last_contact_at}`);
      // Never-contacted stakeholders come as one block (at the end, or at the start).
      const nullAt = xs.map((x, i) => (x.last_contact_at === null ? i : -1)).filter((i) => i >= 0);
      assert.equal(nullAt[nullAt.length - 1] - nullAt[0], nullAt.length - 1, 'never-contacted stakeholders are interleaved with contacted ones');
    },
    '-level': (xs) => {
      for (let i = 1; i < xs.length; i += 1) assert.ok(LEVELS.indexOf(xs[i - 1].level) >= LEVELS.indexOf(xs[i].level), `sort=-level: ${xs[i - 1].level} before ${xs[i].level}`);
      assert.equal(xs[0].level, 'advocate');
    },
  };
  const defaultOrder = (await member.get(`${base}&limit=200`)).json.items.map((x) => x.id);
  const nameOrder = (await member.get(`${base}&sort=name&limit=200`)).json.items.map((x) => x.id);
  assert.deepEqual(defaultOrder, nameOrder, 'the default sort is not name');
  for (const [sort, check] of Object.entries(checks)) {
    const one = await member.get(`${base}&sort=${encodeURIComponent(sort)}&limit=200`);
    assert.equal(one.status, 200, one.describe());
    assertPage(one.json);
    assert.equal(one.json.next_cursor, null);
    check(one.json.items);
    for (const limit of [1, 2, 3]) {
      const paged = await walkPages(member, `${base}&sort=${encodeURIComponent(sort)}`, { limit });
      assert.deepEqual(ids(paged), expectedIds, `sort=${sort} limit=${limit}: pages lost or added items`);
      assert.deepEqual(paged.map((x) => x.id), one.json.items.map((x) => x.id), `sort=${sort} limit=${limit}: paged order differs from one page`);
    }
  }
});

test('list: a cursor keeps its sort; a cursor from one sort used with another → 400 or the same walk', async () => {
  const { tag } = await family();
  const base = `/api/v1/stakeholders?q=${encodeURIComponent(tag)}`;
  const p1 = await member.get(`${base}&sort=-level&limit=2`);
  assert.equal(p1.status, 200, p1.describe());
  const cross = await member.get(`${base}&sort=name&limit=2&after=${encodeURIComponent(p1.json.next_cursor)}`);
  assert.ok([200, 400].includes(cross.status), cross.describe());
  if (cross.status === 400) assert.equal(cross.json.field, 'after');
});

// ---- level, emotions, needs, timeline ---------------------------------------------------------

test('level route: records the change with its note; history appears in the timeline', async () => {
  const s = await createStakeholder(member, { name: unique('Ladder '), level: 'aware' });
  const res = await member.post(`/api/v1/stakeholders/${s.id}/level`, { level: 'engaged', note: 'Signed the letter of intent' });
  assert.equal(res.status, 200, res.describe());
  assertStakeholder(res.json);
  assert.equal(res.json.level, 'engaged');
  assert.ok(Date.parse(res.json.level_changed_at) >= Date.parse(s.level_changed_at));
  const res2 = await im.post(`/api/v1/stakeholders/${s.id}/level`, { level: 'co_creating' });
  assert.equal(res2.status, 200, res2.describe());
  assert.equal((await getStakeholder(member, s.id)).level, 'co_creating');
  const timeline = await walkPages(member, `/api/v1/stakeholders/${s.id}/timeline`, { limit: 200, key: (x) => `${x.kind}:${x.id}` });
  const levels = timeline.filter((x) => x.kind === 'level');
  const engaged = levels.find((x) => x.level === 'engaged');
  assert.ok(engaged, `no timeline item for the change to engaged: ${JSON.stringify(timeline)}`);
  assert.equal(engaged.previous, 'aware');
  assert.equal(engaged.note, 'Signed the letter of intent');
  assert.deepEqual(engaged.by, { id: member.user.id, display_name: member.user.display_name });
  assertTime(engaged.at, 'timeline at');
  const coc = levels.find((x) => x.level === 'co_creating');
  assert.ok(coc, 'no timeline item for the change to co_creating');
  assert.equal(coc.previous, 'engaged');
  assert.equal(coc.by.id, im.user.id);
  assert.ok(timeline.indexOf(coc) < timeline.indexOf(engaged), 'the timeline is not newest first');
  const bad = await member.post(`/api/v1/stakeholders/${s.id}/level`, { level: 'ecstatic' });
  assert.equal(bad.status, 422, bad.describe());
  assert.ok(namesField(bad, 'level'), bad.describe());
  assert.equal((await getStakeholder(member, s.id)).level, 'co_creating', 'a refused level change applied');
  assert.equal((await member.post('/api/v1/stakeholders/999999/level', { level: 'aware' })).status, 404);
});

test('emotions route: 201 stakeholder; state indifferent/negative/neutral/positive; timeline; range checks', async () => {
  const s = await createStakeholder(member, { name: unique('Feelings ') });
  const cases = [
    [{ valence: 1, intensity: 0 }, 'indifferent'],
    [{ valence: -2, intensity: 3 }, 'negative'],
    [{ valence: 0, intensity: 2 }, 'neutral'],
    [{ valence: 2, intensity: 1 }, 'positive'],
  ];
  for (const [body, state] of cases) {
    const res = await member.post(`/api/v1/stakeholders/${s.id}/emotions`, { ...body, source: 'observation', note: `felt ${state}` });
    assert.equal(res.status, 201, res.describe());
    assertStakeholder(res.json);
    hasKeys(res.json.emotion, ['valence', 'intensity', 'state', 'observed_at'], 'emotion');
    assert.equal(res.json.emotion.valence, body.valence);
    assert.equal(res.json.emotion.intensity, body.intensity);
    assert.equal(res.json.emotion.state, state, `valence ${body.valence} intensity ${body.intensity}`);
    assertTime(res.json.emotion.observed_at, 'emotion.observed_at');
  }
  const observedAt = '2026-05-05T08:00:00.000Z';
  const res = await member.post(`/api/v1/stakeholders/${s.id}/emotions`, { valence: -1, intensity: 1, source: 'survey', observed_at: observedAt });
  assert.equal(res.status, 201, res.describe());
  const timeline = await walkPages(member, `/api/v1/stakeholders/${s.id}/timeline`, { limit: 200, key: (x) => `${x.kind}:${x.id}` });
  const emotions = timeline.filter((x) => x.kind === 'emotion');
  assert.equal(emotions.length, 5, `timeline emotions: ${JSON.stringify(emotions)}`);
  const neg = emotions.find((x) => x.note === 'felt negative');
  assert.ok(neg, 'the negative emotion is missing from the timeline');
  assert.equal(neg.state, 'negative');
  assert.equal(neg.source, 'observation');
  assert.equal(neg.valence, -2);
  assert.equal(neg.intensity, 3);
  assert.deepEqual(neg.by, { id: member.user.id, display_name: member.user.display_name });
  const survey = emotions.find((x) => x.source === 'survey');
  assert.ok(survey, 'the survey emotion is missing');
  assert.equal(survey.at, observedAt, 'an emotion sits in the timeline at its observed_at');
  for (const [body, field] of [
    [{ valence: 3, intensity: 1 }, 'valence'], [{ valence: -3, intensity: 1 }, 'valence'], [{ valence: 0, intensity: 4 }, 'intensity'],
    [{ valence: 0, intensity: -1 }, 'intensity'], [{ valence: 0, intensity: 1, source: 'gossip' }, 'source'],   ]) {
    const before = await getStakeholder(member, s.id);
    const r = await member.post(`/api/v1/stakeholders/${s.id}/emotions`, body);
    assert.equal(r.status, 422, `${JSON.stringify(body)}: ${r.describe()}`);
    assert.ok(namesField(r, field), `${JSON.stringify(body)} should name ${field}: ${r.describe()}`);
    assert.deepEqual(await getStakeholder(member, s.id), before, `${JSON.stringify(body)}: a refused emotion changed the stakeholder`);
  }
});

test('needs: create, list with status filter, PATCH, DELETE; in the timeline', async () => {
  const s = await createStakeholder(member, { name: unique('Needy ') });
  const res = await member.post(`/api/v1/stakeholders/${s.id}/needs`, { kind: 'pain', title: 'Slow permits', detail: 'Six months per permit' });
  assert.equal(res.status, 201, res.describe());
  const n = res.json;
  hasKeys(n, ['id', 'stakeholder_id', 'kind', 'title', 'detail', 'status', 'created_at', 'updated_at'], 'need');
  assert.equal(n.stakeholder_id, s.id);
  assert.equal(n.kind, 'pain');
  assert.equal(n.title, 'Slow permits');
  assert.equal(n.detail, 'Six months per permit');
  assert.equal(n.status, 'open', 'default need status');
  assertTime(n.created_at, 'need.created_at');
  const n2 = await createNeed(member, s.id, { kind: 'need', title: 'Cheaper storage', status: 'addressed' });
  const list = await member.get(`/api/v1/stakeholders/${s.id}/needs`);
  assert.equal(list.status, 200, list.describe());
  assertPage(list.json);
  assert.deepEqual(ids(list.json.items), ids([n, n2]));
  assert.deepEqual(ids((await member.get(`/api/v1/stakeholders/${s.id}/needs?status=open`)).json.items), [n.id]);
  assert.deepEqual(ids((await member.get(`/api/v1/stakeholders/${s.id}/needs?status=addressed`)).json.items), [n2.id]);
  const other_ = await createStakeholder(member, { name: unique('Other needy ') });
  await createNeed(member, other_.id);
  assert.deepEqual(ids(await walkPages(member, `/api/v1/stakeholders/${s.id}/needs`, { limit: 1 })), ids([n, n2]), 'needs of another stakeholder are listed, or paging fails');
  const p = await im.patch(`/api/v1/needs/${n.id}`, { status: 'addressed', title: 'Slow permits (fixed)' });
  assert.equal(p.status, 200, p.describe());
  assert.equal(p.json.status, 'addressed');
  assert.equal(p.json.title, 'Slow permits (fixed)');
  assert.equal(p.json.detail, 'Six months per permit');
  const timeline = await walkPages(member, `/api/v1/stakeholders/${s.id}/timeline`, { limit: 200, key: (x) => `${x.kind}:${x.id}` });
  const needItem = timeline.find((x) => x.kind === 'need' && x.id === n.id);
  assert.ok(needItem, `the need is not in the timeline: ${JSON.stringify(timeline)}`);
  assert.equal(needItem.need_kind, 'pain');
  assert.equal(needItem.status, 'addressed');
  const badKind = await member.post(`/api/v1/stakeholders/${s.id}/needs`, { kind: 'wish', title: 'x' });
  assert.equal(badKind.status, 422, badKind.describe());
  assert.ok(namesField(badKind, 'kind'), badKind.describe());
  const longTitle = await member.post(`/api/v1/stakeholders/${s.id}/needs`, { kind: 'need', title: 't'.repeat(201) });
  assert.equal(longTitle.status, 422, longTitle.describe());
  assert.ok(namesField(longTitle, 'title'), longTitle.describe());
  const del = await member.del(`/api/v1/needs/${n.id}`);
  assert.equal(del.status, 204, del.describe());
  assert.deepEqual(ids((await member.get(`/api/v1/stakeholders/${s.id}/needs`)).json.items), [n2.id]);
  assert.equal((await member.patch(`/api/v1/needs/${n.id}`, { status: 'open' })).status, 404);
  assert.equal((await member.del(`/api/v1/needs/${n.id}`)).status, 404);
  assert.equal((await member.get('/api/v1/stakeholders/999999/needs')).status, 404);
});

test('timeline: every kind of item, newest first, cursor paging without duplicates or gaps', async () => {
  const s = await createStakeholder(im, { name: unique('Timeline '), level: 'aware' });
  await createInteraction(im, [{ stakeholder_id: s.id, interest: 'curious', interest_topic: 'storage' }], { occurred_at: at(-5, 9), title: 'Intro call' });
  await im.post(`/api/v1/stakeholders/${s.id}/level`, { level: 'interested' });
  await im.post(`/api/v1/stakeholders/${s.id}/emotions`, { valence: 1, intensity: 2 });
  await createNeed(im, s.id, { title: 'Lower cost' });
  const fu = await im.post('/api/v1/follow-ups', { title: 'Send the deck', due_on: day(2), stakeholder_id: s.id });
  assert.equal(fu.status, 201, fu.describe());
  const ex = await im.post('/api/v1/expectations', { stakeholder_id: s.id, direction: 'we_promised', description: 'A pilot offer', due_on: day(10) });
  assert.equal(ex.status, 201, ex.describe());
  for (let i = 0; i < 3; i += 1) expectStatus(await im.post(`/api/v1/stakeholders/${s.id}/emotions`, { valence: 0, intensity: 1, note: `n${i}` }), 201, 'emotion');
  const whole = await im.get(`/api/v1/stakeholders/${s.id}/timeline?limit=200`);
  assert.equal(whole.status, 200, whole.describe());
  assertPage(whole.json);
  const items = whole.json.items;
  const kinds = new Set(items.map((x) => x.kind));
  for (const k of ['interaction', 'level', 'emotion', 'need', 'follow_up', 'expectation']) assert.ok(kinds.has(k), `no ${k} item in the timeline: ${JSON.stringify(items)}`);
  for (const x of items) {
    hasKeys(x, ['kind', 'at', 'id'], 'timeline item');
    assertTime(x.at, `timeline ${x.kind}.at`);
  }
  for (let i = 1; i < items.length; i += 1) assert.ok(items[i - 1].at >= items[i].at, `timeline not newest first: ${items[i - 1].at} before ${items[i].at}`);
  const inter = items.find((x) => x.kind === 'interaction');
  hasKeys(inter, ['title', 'type', 'mode', 'status', 'interest', 'interest_topic'], 'timeline interaction');
  assert.equal(inter.title, 'Intro call');
  assert.equal(inter.interest, 'curious');
  assert.equal(inter.interest_topic, 'storage');
  hasKeys(items.find((x) => x.kind === 'follow_up'), ['title', 'status', 'due_on', 'owner'], 'timeline follow_up');
  hasKeys(items.find((x) => x.kind === 'expectation'), ['direction', 'description', 'status', 'due_on'], 'timeline expectation');
  for (const limit of [1, 2, 3]) {
    const paged = await walkPages(im, `/api/v1/stakeholders/${s.id}/timeline`, { limit, key: (x) => `${x.kind}:${x.id}` });
    assert.deepEqual(paged.map((x) => `${x.kind}:${x.id}`), items.map((x) => `${x.kind}:${x.id}`), `timeline limit=${limit}: paged walk differs from one page`);
  }
  assert.equal((await im.get('/api/v1/stakeholders/999999/timeline')).status, 404);
});

// ---- map -------------------------------------------------------------------------------------

test('map: nodes and edges (affiliations labelled with the title, relations with their kind); limit and truncated', async () => {
  const tag = unique('map').toLowerCase();
  const org = await createStakeholder(im, { name: `${tag} org`, kind: 'customer', level: 'engaged' });
  const org2 = await createStakeholder(im, { name: `${tag} partner`, kind: 'partner', internal: true });
  const person = await createStakeholder(im, { type: 'person', name: `${tag} person`, kind: 'customer', affiliations: [{ organisation_id: org.id, title: 'Buyer', role: 'user' }] });
  expectStatus(await im.patch(`/api/v1/stakeholders/${org2.id}`, { relations: [{ to_id: org.id, kind: 'influences' }] }), 200, 'relation');
  const res = await member.get(`/api/v1/stakeholders/map?q=${encodeURIComponent(tag)}`);
  assert.equal(res.status, 200, res.describe());
  hasKeys(res.json, ['nodes', 'edges', 'truncated'], 'map');
  assert.equal(res.json.truncated, false);
  assert.deepEqual(ids(res.json.nodes), ids([org, org2, person]));
  for (const n of res.json.nodes) onlyKeys(n, ['id', 'type', 'name', 'kind', 'level', 'internal'], 'map node');
  const nOrg = res.json.nodes.find((n) => n.id === org.id);
  assert.deepEqual(nOrg, { id: org.id, type: 'organisation', name: org.name, kind: 'customer', level: 'engaged', internal: false });
  assert.equal(res.json.nodes.find((n) => n.id === org2.id).internal, true);
  const aff = res.json.edges.find((e) => e.kind === 'affiliation');
  assert.ok(aff, `no affiliation edge: ${JSON.stringify(res.json.edges)}`);
  assert.deepEqual([aff.source, aff.target].sort((a, b) => a - b), [person.id, org.id].sort((a, b) => a - b));
  assert.equal(aff.label, 'Buyer');
  const rel = res.json.edges.find((e) => e.kind === 'influences');
  assert.ok(rel, `no relation edge: ${JSON.stringify(res.json.edges)}`);
  assert.equal(rel.source, org2.id);
  assert.equal(rel.target, org.id);
  assert.equal(res.json.edges.length, 2, `unexpected edges: ${JSON.stringify(res.json.edges)}`);
  const persons = await member.get(`/api/v1/stakeholders/map?q=${encodeURIComponent(tag)}&type=person`);
  assert.deepEqual(ids(persons.json.nodes), [person.id]);
  const partners = await member.get(`/api/v1/stakeholders/map?q=${encodeURIComponent(tag)}&kind=partner`);
  assert.deepEqual(ids(partners.json.nodes), [org2.id]);
  for (const e of [...persons.json.edges, ...partners.json.edges]) {
    const nodeIds = new Set([...persons.json.nodes, ...partners.json.nodes].map((n) => n.id));
    assert.ok(nodeIds.has(e.source) && nodeIds.has(e.target), `an edge to a node that is not in the map: ${JSON.stringify(e)}`);
  }
  const one = await member.get(`/api/v1/stakeholders/map?q=${encodeURIComponent(tag)}&limit=1`);
  assert.equal(one.status, 200, one.describe());
  assert.equal(one.json.nodes.length, 1);
  assert.equal(one.json.truncated, true);
  for (const l of ['0', '2001', 'x']) {
    const bad = await member.get(`/api/v1/stakeholders/map?limit=${l}`);
    assert.equal(bad.status, 400, `limit=${l}: ${bad.describe()}`);
    assert.equal(bad.json.field, 'limit');
  }
});

// ---- export ----------------------------------------------------------------------------------

test('export: CSV and JSON downloads of every matching stakeholder (beyond one page), with the list filters', async () => {
  const tag = unique('exp').toLowerCase();
  const made = [];
  for (let i = 0; i < 55; i += 1) {
    made.push(await createStakeholder(im, { name: `${tag} ${String(i).padStart(2, '0')}, "quoted"`, kind: i % 2 ? 'customer' : 'partner', tags: [tag] }));
  }
  const csv = await member.get(`/api/v1/stakeholders/export?format=csv&q=${encodeURIComponent(tag)}`);
  assert.equal(csv.status, 200, csv.describe());
  assert.match(csv.contentType, /^text\/csv/, `CSV content-type ${csv.contentType}`);
  assert.match(csv.header('content-disposition') || '', /^attachment/i, 'CSV is not an attachment');
  assert.match(csv.header('content-disposition') || '', /filename=/i, 'CSV has no file name');
  const parsed = csvObjects(csv.text);
  for (const col of ['id', 'name', 'kind', 'type']) assert.ok(parsed.header.includes(col), `CSV header lacks ${col}: ${parsed.header}`);
  assert.equal(parsed.rows.length, 55, `CSV has ${parsed.rows.length} rows`);
  assert.deepEqual(parsed.rows.map((r) => Number(r.id)).sort((a, b) => a - b), ids(made));
  const byId = new Map(made.map((m) => [m.id, m]));
  for (const r of parsed.rows) assert.equal(r.name, byId.get(Number(r.id)).name, 'a name with a comma and quotes did not survive CSV quoting');
  const json = await member.get(`/api/v1/stakeholders/export?format=json&q=${encodeURIComponent(tag)}`);
  assert.equal(json.status, 200, json.describe());
  assert.match(json.contentType, /^application\/json/, `JSON content-type ${json.contentType}`);
  assert.match(json.header('content-disposition') || '', /^attachment/i, 'JSON is not an attachment');
  const rows = Array.isArray(json.json) ? json.json : json.json && json.json.items;
  assert.ok(Array.isArray(rows), `JSON export is neither an array nor {items}: ${json.text.slice(0, 200)}`);
  assert.deepEqual(ids(rows), ids(made));
  const filtered = await member.get(`/api/v1/stakeholders/export?format=json&q=${encodeURIComponent(tag)}&kind=customer`);
  const frows = Array.isArray(filtered.json) ? filtered.json : filtered.json.items;
  assert.deepEqual(ids(frows), ids(made.filter((m) => m.kind === 'customer')), 'export ignores the list filters');
  const bad = await member.get('/api/v1/stakeholders/export?format=xlsx');
  assert.equal(bad.status, 400, bad.describe());
  assert.equal(bad.json.field, 'format');
});

// ---- delete ----------------------------------------------------------------------------------

test('delete: admin and innovation_manager may; a member who is not the owner → 403; the owner may', async () => {
  const a = await createStakeholder(member, { name: unique('Del admin ') });
  const b = await createStakeholder(member, { name: unique('Del im ') });
  const c = await createStakeholder(im, { name: unique('Del not owner '), owner_id: other.user.id });
  const d = await createStakeholder(im, { name: unique('Del owner '), owner_id: member.user.id });
  const e = await createStakeholder(member, { name: unique('Del creator not owner ') });
  assert.equal((await admin.del(`/api/v1/stakeholders/${a.id}`)).status, 204);
  assert.equal((await admin.get(`/api/v1/stakeholders/${a.id}`)).status, 404, 'deleted but still readable');
  assert.equal((await im.del(`/api/v1/stakeholders/${b.id}`)).status, 204);
  const denied = await member.del(`/api/v1/stakeholders/${c.id}`);
  assert.equal(denied.status, 403, denied.describe());
  assert.equal(denied.code, 'permission_denied');
  assert.equal((await member.get(`/api/v1/stakeholders/${c.id}`)).status, 200, 'a refused delete deleted');
  const creatorOnly = await member.del(`/api/v1/stakeholders/${e.id}`);
  assert.equal(creatorOnly.status, 403, `the creator who is not the owner: ${creatorOnly.describe()}`);
  assert.equal((await member.del(`/api/v1/stakeholders/${d.id}`)).status, 204, 'the owner may delete');
  const left = ids(await listAll(admin, `/api/v1/stakeholders?q=${encodeURIComponent('Del ')}`));
  for (const gone of [a, b, d]) assert.ok(!left.includes(gone.id), `${gone.name} is still listed`);
  assert.ok(left.includes(c.id) && left.includes(e.id));
  assert.equal((await admin.del(`/api/v1/stakeholders/${a.id}`)).status, 404, 'deleting twice');
});

test('owner change: only admin, innovation_manager or the owner; others 403', async () => {
  const s = await createStakeholder(im, { name: unique('Owned '), owner_id: other.user.id });
  const denied = await member.patch(`/api/v1/stakeholders/${s.id}`, { owner_id: member.user.id });
  assert.equal(denied.status, 403, denied.describe());
  assert.equal((await getStakeholder(admin, s.id)).owner.id, other.user.id);
  const byOwner = await other.patch(`/api/v1/stakeholders/${s.id}`, { owner_id: member.user.id });
  assert.equal(byOwner.status, 200, byOwner.describe());
  assert.equal(byOwner.json.owner.id, member.user.id);
  const byIm = await im.patch(`/api/v1/stakeholders/${s.id}`, { owner_id: other.user.id });
  assert.equal(byIm.status, 200, byIm.describe());
  // A member may still edit other fields of a stakeholder they do not own.
  const edit = await member.patch(`/api/v1/stakeholders/${s.id}`, { region: 'Edited by a member' });
  assert.equal(edit.status, 200, edit.describe());
});

// ---- validation -----------------------------------------------------------------------------

async function snapshot() {
  const [list, events] = await Promise.all([
    listAll(admin, '/api/v1/stakeholders?sort=name'),
    listAll(admin, '/api/v1/events?object_type=stakeholder'),
  ]);
  return { list, events: events.length };
}

// Sends a write that must be refused; returns what is wrong with the answer (empty when all is
// as the contract says). `refused` asserts; `refusalProblems` lets a table of cases report all.
async function refusalProblems(what, send, { status, field }) {
  const before = await snapshot();
  const res = await send();
  const problems = [];
  const statuses = Array.isArray(status) ? status : [status];
  if (!statuses.includes(res.status)) problems.push(`expected ${statuses.join('/')}, got ${res.status}`);
  if (!problemOf(res).ok) problems.push(`not problem+json (${problemOf(res).why})`);
  const wantCode = { 400: 'invalid_argument', 422: 'invalid_argument', 403: 'permission_denied', 404: 'not_found' }[res.status];
  if (statuses.includes(res.status) && res.code !== wantCode) problems.push(`code ${res.code}, expected ${wantCode}`);
  if (field && !namesField(res, field)) problems.push(`does not name ${field} (names ${JSON.stringify(problemFields(res))})`);
  const after = await snapshot();
  try { assert.deepEqual(after, before); } catch { problems.push('the stakeholder list or the event log changed'); }
  return { res, problems: problems.map((p) => `${what}: ${p}: ${res.describe()}`) };
}
async function refused(what, send, expectation) {
  const { res, problems } = await refusalProblems(what, send, expectation);
  assert.deepEqual(problems, [], problems.join('\n'));
  return res;
}
async function allRefused(cases) {
  const problems = [];
  for (const [what, send, expectation] of cases) problems.push(...(await refusalProblems(what, send, expectation)).problems);
  assert.deepEqual(problems, [], `${problems.length} of ${cases.length} refusals differ:\n${problems.join('\n')}`);
}

test('validation on POST: each refusal names the field and changes nothing', async () => {
  const person = await createStakeholder(im, { type: 'person', name: unique('Valid person '), kind: 'customer' });
  const otherPerson = await createStakeholder(im, { type: 'person', name: unique('Valid person 2 '), kind: 'customer' });
  const org = await createStakeholder(im, { type: 'organisation', name: unique('Valid org '), kind: 'customer' });
  const ok = { type: 'organisation', name: unique('Refused '), kind: 'customer' };
  const post = (extra) => () => im.post('/api/v1/stakeholders', { ...ok, ...extra });
  const V = 422;
  const cases = [
    ['unknown field', post({ nickname: 'x' }), { status: 400, field: 'nickname' }],
    ['bad type', post({ type: 'robot' }), { status: V, field: 'type' }],
    ['bad kind', post({ kind: 'alien' }), { status: V, field: 'kind' }],
    ['bad size', post({ size: 'huge' }), { status: V, field: 'size' }],
    ['bad gatekeeper_area', post({ gatekeeper_area: 'marketing' }), { status: V, field: 'gatekeeper_area' }],
    ['bad level', post({ level: 'ecstatic' }), { status: V, field: 'level' }],
    ['bad value_chain step', post({ value_chain: ['marketing'] }), { status: V, field: 'value_chain' }],
    ['name missing', () => im.post('/api/v1/stakeholders', { type: 'organisation', kind: 'customer' }), { status: [400, V], field: 'name' }],
    ['name empty', post({ name: '' }), { status: V, field: 'name' }],
    ['name 201 characters', post({ name: 'n'.repeat(201) }), { status: V, field: 'name' }],
    ['industry 101 characters', post({ industry: 'i'.repeat(101) }), { status: V, field: 'industry' }],
    ['region 101 characters', post({ region: 'r'.repeat(101) }), { status: V, field: 'region' }],
    ['notes 20 001 characters', post({ notes: 'x'.repeat(20001) }), { status: V, field: 'notes' }],
    ['tag 41 characters', post({ tags: ['t'.repeat(41)] }), { status: V, field: 'tags' }],
    ['empty tag', post({ tags: [''] }), { status: V, field: 'tags' }],
    ['21 tags', post({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), { status: V, field: 'tags' }],
    ['link javascript:', post({ links: [{ label: 'x', url: 'javascript:alert(1)' }] }), { status: V, field: 'links' }],
    ['link ftp:', post({ links: [{ label: 'x', url: 'ftp://files.example/' }] }), { status: V, field: 'links' }],
    ['link data:', post({ links: [{ label: 'x', url: 'data:text/html,<script>alert(1)</script>' }] }), { status: V, field: 'links' }],
    ['link url 2001 characters', post({ links: [{ label: 'x', url: `https://e.example/${'a'.repeat(1990)}` }] }), { status: V, field: 'links' }],
    ['link label empty', post({ links: [{ label: '', url: 'https://e.example/' }] }), { status: V, field: 'links' }],
    ['11 links', post({ links: Array.from({ length: 11 }, (_, i) => ({ label: `l${i}`, url: `https://e.example/${i}` })) }), { status: V, field: 'links' }],
    ['weight 101', post({ value_drivers: [{ driver: 'revenue', weight: 101, note: '' }] }), { status: V, field: 'value_drivers' }],
    ['weight -1', post({ value_drivers: [{ driver: 'revenue', weight: -1, note: '' }] }), { status: V, field: 'value_drivers' }],
    ['duplicate driver', post({ value_drivers: [{ driver: 'cost', weight: 1, note: '' }, { driver: 'cost', weight: 2, note: '' }] }), { status: V, field: 'value_drivers' }],
    ['bad driver', post({ value_drivers: [{ driver: 'fame', weight: 1, note: '' }] }), { status: V, field: 'value_drivers' }],
    ['bad resource kind', post({ resources: [{ kind: 'gold', note: '' }] }), { status: V, field: 'resources' }],
    ['domain not a host name', post({ domain: 'not a domain/x' }), { status: V, field: 'domain' }],
    ['email not an email', () => im.post('/api/v1/stakeholders', { type: 'person', name: unique('P '), kind: 'customer', email: 'nope' }), { status: V, field: 'email' }],
    ['nonexistent owner_id', post({ owner_id: 999999 }), { status: V, field: 'owner_id' }],
    ['external owner_id', post({ owner_id: external.user.id }), { status: V, field: 'owner_id' }],
    ['nonexistent space_ids', post({ space_ids: [999999] }), { status: V, field: 'space_ids' }],
    ['nonexistent team user', post({ team: [{ user_id: 999999, role: 'x' }] }), { status: V, field: 'team' }],
    ['external in team', post({ team: [{ user_id: external.user.id, role: 'x' }] }), { status: V, field: 'team' }],
    ['team role 61 characters', post({ team: [{ user_id: member.user.id, role: 'r'.repeat(61) }] }), { status: V, field: 'team' }],
    ['nonexistent relation target', post({ relations: [{ to_id: 999999, kind: 'supplies' }] }), { status: V, field: 'relations' }],
    ['bad relation kind', post({ relations: [{ to_id: org.id, kind: 'loves' }] }), { status: V, field: 'relations' }],
    ['affiliation person → person', () => im.post('/api/v1/stakeholders', { type: 'person', name: unique('P '), kind: 'customer', affiliations: [{ organisation_id: otherPerson.id, title: 'x' }] }), { status: V, field: 'affiliations' }],
    ['affiliation organisation → organisation', post({ affiliations: [{ person_id: org.id, title: 'x' }] }), { status: V, field: 'affiliations' }],
    ['affiliation to a nonexistent organisation', () => im.post('/api/v1/stakeholders', { type: 'person', name: unique('P '), kind: 'customer', affiliations: [{ organisation_id: 999999 }] }), { status: V, field: 'affiliations' }],
    ['affiliation with the wrong key for a person', () => im.post('/api/v1/stakeholders', { type: 'person', name: unique('P '), kind: 'customer', affiliations: [{ person_id: person.id }] }), { status: [400, V], field: 'affiliations' }],
    ['name is a number', post({ name: 42 }), { status: 400, field: 'name' }],
    ['tags is a string', post({ tags: 'a,b' }), { status: 400, field: 'tags' }],
  ];
  await allRefused(cases);
});

test('validation on PATCH: refusals name the field and leave the stakeholder as it was', async () => {
  const s = await createStakeholder(im, { name: unique('Guarded '), tags: ['keep'], region: 'Keep' });
  const person = await createStakeholder(im, { type: 'person', name: unique('Guarded person '), kind: 'customer' });
  const otherPerson = await createStakeholder(im, { type: 'person', name: unique('Guarded person 2 '), kind: 'customer' });
  const patch = (body, id = s.id) => () => im.patch(`/api/v1/stakeholders/${id}`, body);
  const cases = [
    ['unknown field', patch({ region: 'x', colour: 'red' }), { status: 400, field: 'colour' }],
    ['type cannot change', patch({ type: 'person' }), { status: [400, 422], field: 'type' }],
    ['level only through the level route', patch({ level: 'advocate' }), { status: [400, 422], field: 'level' }],
    ['bad enum', patch({ kind: 'alien', region: 'x' }), { status: 422, field: 'kind' }],
    ['too long', patch({ name: 'n'.repeat(201) }), { status: 422, field: 'name' }],
    ['bad url scheme', patch({ links: [{ label: 'x', url: 'javascript:alert(1)' }] }), { status: 422, field: 'links' }],
    ['weight > 100', patch({ value_drivers: [{ driver: 'cost', weight: 150, note: '' }] }), { status: 422, field: 'value_drivers' }],
    ['duplicate driver', patch({ value_drivers: [{ driver: 'cost', weight: 1, note: '' }, { driver: 'cost', weight: 1, note: '' }] }), { status: 422, field: 'value_drivers' }],
    ['affiliation person → person', patch({ affiliations: [{ organisation_id: otherPerson.id }] }, person.id), { status: 422, field: 'affiliations' }],
    ['nonexistent owner', patch({ owner_id: 999999 }), { status: 422, field: 'owner_id' }],
    ['nonexistent space', patch({ space_ids: [space.id, 999999] }), { status: 422, field: 'space_ids' }],
    ['nonexistent relation target', patch({ relations: [{ to_id: 999999, kind: 'other' }] }), { status: 422, field: 'relations' }],
    ['version is a string', patch({ version: 'one' }), { status: 400, field: 'version' }],
  ];
  const before = [await getStakeholder(im, s.id), await getStakeholder(im, person.id)];
  await allRefused(cases);
  assert.deepEqual([await getStakeholder(im, s.id), await getStakeholder(im, person.id)], before, 'refused PATCHes changed the stakeholder');
});

test('validation: a bad write body as a whole (several bad fields) lists each field', async () => {
  const res = await refused('three bad fields', () => im.post('/api/v1/stakeholders', { type: 'organisation', name: '', kind: 'alien', size: 'huge' }), { status: 422 });
  const fields = problemFields(res);
  for (const f of ['name', 'kind', 'size']) assert.ok(fields.includes(f), `errors do not list ${f}: ${res.text}`);
});

test('external participants cannot write stakeholders (404), even one shared with their space', async () => {
  const s = await createStakeholder(im, { name: unique('Shared '), space_ids: [space.id] });
  await refused('external POST', () => external.post('/api/v1/stakeholders', { type: 'organisation', name: unique('Ext '), kind: 'customer' }), { status: 404 });
  await refused('external PATCH', () => external.patch(`/api/v1/stakeholders/${s.id}`, { name: 'Hijacked' }), { status: 404 });
  await refused('external DELETE', () => external.del(`/api/v1/stakeholders/${s.id}`), { status: 404 });
  await refused('external level', () => external.post(`/api/v1/stakeholders/${s.id}/level`, { level: 'advocate' }), { status: 404 });
});
