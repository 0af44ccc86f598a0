'use strict';
// The internal-only rule of docs/api-stakeholders.md ("Who sees what"): an external participant
// sees a stakeholder only when it is shared with one of their spaces, and then only its public
// view {id, type, name, kind, industry, region, size, domain, links}. A canary string is written
// into every internal-only field; the external participant then calls every route, and the
// canary must never come back, in any body or header.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../support/server');
const { Api, unique, expectStatus } = require('../support/client');
const { onlyKeys } = require('../support/shapes');
const {
  PUBLIC_KEYS, day, at, createStakeholder, createInteraction, createFollowUp, createCadence, createExpectation, createNeed,
  csvObjects,
} = require('../support/stakeholders');

// Lower-case letters and digits: tags are stored lower-case, e-mails too.
const CANARY = `cnry${crypto.randomBytes(6).toString('hex')}`;

let api;
let admin;
let im;
let member;
let owner;
let external;
let spaceA;
const fx = {};

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  member = await api.createUser('member');
  // An owner whose name carries the canary and who is not in space A.
  owner = await api.createUser('member', [], { display_name: `Owner ${CANARY}` });
  spaceA = await api.createSpace(im, { name: unique('Canary space A '), external_allowed: true });
  await api.addMember(im, spaceA.id, member.user.id, 'member');
  // The external participant joins A by invitation (as in permissions.test.js).
  const inv = await api.inviteExternal(im, spaceA.id, undefined, { space_role: 'guest' });
  external = await api.accept(inv.token);

  // Not shared: a person and an organisation whose very names are secret.
  fx.hiddenPerson = await createStakeholder(im, { type: 'person', name: `Hidden person ${CANARY}`, kind: 'customer', email: `${CANARY}.hidden@example.com` });
  fx.unshared = await createStakeholder(im, { type: 'organisation', name: `Unshared org ${CANARY}`, kind: 'supplier', notes: CANARY, tags: [CANARY] });
  // Shared with A: public fields are plain, every internal-only field carries the canary.
  fx.sharedName = unique('Shared Org ');
  fx.sharedDomain = `${unique('shared')}.example`.toLowerCase();
  fx.shared = await createStakeholder(im, {
    type: 'organisation', name: fx.sharedName, kind: 'partner', industry: 'Energy', region: 'Nordics', size: 'large',
    domain: fx.sharedDomain, links: [{ label: 'Web site', url: 'https://shared.example/' }],
    internal: false, level: 'engaged',
    notes: `Notes ${CANARY} **bold**`,
    tags: [`tag-${CANARY}`, 'plain'],
    value_chain: ['sales'],
    value_drivers: [{ driver: 'revenue', weight: 50, note: `driver ${CANARY}` }],
    resources: [{ kind: 'data', note: `resource ${CANARY}` }],
    owner_id: owner.user.id,
    team: [{ user_id: member.user.id, role: `role ${CANARY}` }, { user_id: owner.user.id, role: 'Sponsor' }],
    affiliations: [{ person_id: fx.hiddenPerson.id, title: `title ${CANARY}`, role: `arole ${CANARY}` }],
    relations: [{ to_id: fx.unshared.id, kind: 'supplies' }],
    space_ids: [spaceA.id],
  });
  // A shared person: the e-mail is internal-only.
  fx.sharedPerson = await createStakeholder(im, {
    type: 'person', name: unique('Shared Person '), kind: 'partner', email: `${CANARY}.shared@example.com`, space_ids: [spaceA.id],
    affiliations: [{ organisation_id: fx.shared.id, title: `ptitle ${CANARY}`, role: `prole ${CANARY}` }], owner_id: owner.user.id,
  });
  const sid = fx.shared.id;
  fx.need = await createNeed(im, sid, { kind: 'pain', title: `need ${CANARY}`, detail: `detail ${CANARY}` });
  expectStatus(await im.post(`/api/v1/stakeholders/${sid}/level`, { level: 'co_creating', note: `level ${CANARY}` }), 200, 'level');
  expectStatus(await im.post(`/api/v1/stakeholders/${sid}/emotions`, { valence: -1, intensity: 2, source: 'observation', note: `emotion ${CANARY}` }), 201, 'emotion');
  fx.interaction = await createInteraction(im, [
    { stakeholder_id: sid, interest: 'interested', interest_topic: `topic ${CANARY}`, valence: 1, intensity: 1 },
    { stakeholder_id: fx.sharedPerson.id },
  ], { title: `Meeting ${CANARY}`, summary: `summary ${CANARY}`, outcome: `outcome ${CANARY}`, participant_ids: [owner.user.id, im.user.id], occurred_at: at(-3, 10) });
  fx.planned = await createInteraction(im, [sid], { title: `Planned ${CANARY}`, status: 'planned', occurred_at: at(2, 10), participant_ids: [owner.user.id] });
  fx.followUp = await createFollowUp(im, { title: `follow ${CANARY}`, detail: `fdetail ${CANARY}`, stakeholder_id: sid, owner_id: owner.user.id, due_on: day(-1) });
  fx.cadence = await createCadence(im, sid, { label: `cadence ${CANARY}`, owner_id: owner.user.id, starts_on: '2026-01-05' });
  fx.expectation = await createExpectation(im, sid, { description: `expect ${CANARY}`, owner_id: owner.user.id, due_on: day(5) });
  expectStatus(await im.put(`/api/v1/capacity/${owner.user.id}`, { hours_per_week: 10, team: `team ${CANARY}` }), 200, 'capacity');
  // The internal view does carry the canary: the test would be hollow otherwise.
  const internalView = await im.get(`/api/v1/stakeholders/${sid}`);
  assert.ok(internalView.text.includes(CANARY), 'the canary is not even in the internal view');
});

// Every response the external participant gets is checked for the canary, body and headers.
function leaks(res) {
  const out = [];
  if (res.text.toLowerCase().includes(CANARY)) out.push('body');
  for (const [k, v] of res.headers.entries()) if (String(v).toLowerCase().includes(CANARY)) out.push(`header ${k}`);
  return out;
}
async function call(method, path, json) {
  const res = await external.request(method, path, json === undefined ? {} : { json });
  return res;
}

const items = (res) => (Array.isArray(res.json) ? res.json : (res.json && res.json.items) || []);

test('the canary never reaches the external participant, whatever route they call', async () => {
  const sid = fx.shared.id;
  const uid = fx.unshared.id;
  const enc = encodeURIComponent;
  const filters = [
    '', `q=${enc('Shared')}`, 'type=organisation', 'type=person', 'kind=partner', 'tag=plain',
    'level=engaged', 'level=co_creating', 'owner_id=me', `owner_id=${owner.user.id}`, 'region=Nordics', 'internal=false', 'internal=true',
    `last_contact_before=${enc(at(30))}`, `last_contact_after=${enc('2020-01-01T00:00:00.000Z')}`,
    'sort=name', 'sort=-updated', 'sort=-last_contact', 'sort=-level', 'limit=1',
  ];
  // (The canary itself is never sent: an error that echoes the caller's own query would be no
  // leak. Filters by the canary's values are the oracle test below.)
  const calls = [];
  for (const f of filters) {
    calls.push(['GET', `/api/v1/stakeholders${f ? `?${f}` : ''}`]);
    calls.push(['GET', `/api/v1/stakeholders/export?format=csv${f ? `&${f}` : ''}`]);
    calls.push(['GET', `/api/v1/stakeholders/export?format=json${f ? `&${f}` : ''}`]);
  }
  calls.push(
    ['GET', `/api/v1/stakeholders/${sid}`], ['GET', `/api/v1/stakeholders/${fx.sharedPerson.id}`],
    ['GET', `/api/v1/stakeholders/${uid}`], ['GET', `/api/v1/stakeholders/${fx.hiddenPerson.id}`],
    ['PATCH', `/api/v1/stakeholders/${sid}`, { name: 'Changed by external' }], ['DELETE', `/api/v1/stakeholders/${uid}`],
    ['POST', '/api/v1/stakeholders', { type: 'organisation', name: 'By external', kind: 'customer' }],
    ['POST', `/api/v1/stakeholders/${sid}/level`, { level: 'advocate' }],
    ['POST', `/api/v1/stakeholders/${sid}/emotions`, { valence: 2, intensity: 3 }],
    ['GET', `/api/v1/stakeholders/${sid}/timeline`], ['GET', `/api/v1/stakeholders/${uid}/timeline`],
    ['GET', `/api/v1/stakeholders/${sid}/needs`], ['POST', `/api/v1/stakeholders/${sid}/needs`, { kind: 'need', title: 'x' }],
    ['PATCH', `/api/v1/needs/${fx.need.id}`, { status: 'dropped' }],
    ['GET', '/api/v1/stakeholders/map'], ['GET', `/api/v1/stakeholders/map?q=${enc('Shared')}`],
    ['POST', '/api/v1/stakeholders/import/preview', { csv: 'name\nX' }], ['POST', '/api/v1/stakeholders/import', { csv: 'name\nX' }],
    ['GET', '/api/v1/interactions'], ['GET', `/api/v1/interactions?stakeholder_id=${sid}`], ['GET', `/api/v1/interactions/${fx.interaction.id}`],
    ['GET', '/api/v1/interactions?participant_id=me'],
    ['GET', '/api/v1/follow-ups'], ['GET', '/api/v1/follow-ups?owner_id=me'], ['GET', `/api/v1/follow-ups/${fx.followUp.id}`],
    ['GET', '/api/v1/cadences'], ['GET', `/api/v1/cadences?stakeholder_id=${sid}`],
    ['GET', '/api/v1/expectations'], ['GET', `/api/v1/expectations?stakeholder_id=${sid}`],
    ['GET', '/api/v1/engagement/attention'], ['GET', '/api/v1/engagement/attention?scope=all'], ['GET', '/api/v1/engagement/attention?scope=mine'],
    ['GET', '/api/v1/capacity'],
    ['PUT', `/api/v1/capacity/${external.user.id}`, { hours_per_week: 5, team: 'x' }],
    ['GET', '/api/v1/events'], ['GET', '/api/v1/events?object_type=stakeholder'],
    ['GET', '/api/v1/me'], ['GET', '/api/v1/spaces'], ['GET', `/api/v1/spaces/${spaceA.id}`], ['GET', `/api/v1/spaces/${spaceA.id}/members`],
  );
  const problems = [];
  for (const [method, path, json] of calls) {
    const res = await call(method, path, json);
    if (res.status >= 500) problems.push(`${method} ${path}: ${res.status}`);
    const where = leaks(res);
    if (where.length) problems.push(`${method} ${path}: the canary is in the ${where.join(', ')}: ${res.describe()}`);
  }
  // Also deeper pages, where there are any.
  let after = null;
  for (let i = 0; i < 20; i += 1) {
    const res = await call('GET', `/api/v1/stakeholders?limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    if (leaks(res).length) problems.push(`GET /api/v1/stakeholders page ${i + 1}: canary`);
    after = res.json && res.json.next_cursor;
    if (!after) break;
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the shared stakeholder: the public view and nothing else; the unshared one: 404', async () => {
  const res = await external.get(`/api/v1/stakeholders/${fx.shared.id}`);
  assert.equal(res.status, 200, res.describe());
  assert.deepEqual(Object.keys(res.json).sort(), [...PUBLIC_KEYS].sort(), `the public view has other keys: ${res.text}`);
  assert.deepEqual(res.json, {
    id: fx.shared.id, type: 'organisation', name: fx.sharedName, kind: 'partner', industry: 'Energy', region: 'Nordics', size: 'large',
    domain: fx.sharedDomain, links: [{ label: 'Web site', url: 'https://shared.example/' }],
  });
  const person = await external.get(`/api/v1/stakeholders/${fx.sharedPerson.id}`);
  assert.equal(person.status, 200, person.describe());
  assert.deepEqual(Object.keys(person.json).sort(), [...PUBLIC_KEYS].sort(), `the public view of a person has other keys: ${person.text}`);
  for (const id of [fx.unshared.id, fx.hiddenPerson.id, 999999]) {
    const r = await external.get(`/api/v1/stakeholders/${id}`);
    assert.equal(r.status, 404, `GET /api/v1/stakeholders/${id}: ${r.describe()}`);
    assert.equal(r.code, 'not_found');
  }
  // Internal users still get the full view.
  const internal = await member.get(`/api/v1/stakeholders/${fx.shared.id}`);
  assert.ok('notes' in internal.json && 'owner' in internal.json, 'internal users lost the internal view');
});

test('the list and the export show the external participant only the shared stakeholders, in the public view', async () => {
  const expected = [fx.shared.id, fx.sharedPerson.id].sort((a, b) => a - b);
  const list = await external.get('/api/v1/stakeholders?limit=200');
  assert.equal(list.status, 200, list.describe());
  assert.deepEqual(list.json.items.map((x) => x.id).sort((a, b) => a - b), expected, 'the external list is not exactly the shared stakeholders');
  for (const it of list.json.items) onlyKeys(it, PUBLIC_KEYS, 'external list item');
  const json = await external.get('/api/v1/stakeholders/export?format=json');
  assert.equal(json.status, 200, json.describe());
  assert.match(json.header('content-disposition') || '', /^attachment/i);
  assert.deepEqual(items(json).map((x) => x.id).sort((a, b) => a - b), expected, 'the JSON export is not exactly the shared stakeholders');
  for (const it of items(json)) assert.deepEqual(Object.keys(it).sort(), [...PUBLIC_KEYS].sort(), `external JSON export row: ${JSON.stringify(it)}`);
  const csv = await external.get('/api/v1/stakeholders/export?format=csv');
  assert.equal(csv.status, 200, csv.describe());
  const { header, rows } = csvObjects(csv.text);
  for (const h of header) assert.ok(PUBLIC_KEYS.includes(h), `the external CSV export has the internal-only column ${h}`);
  assert.deepEqual(rows.map((r) => Number(r.id)).sort((a, b) => a - b), expected, 'the CSV export is not exactly the shared stakeholders');
});

test('internal-only filters are no oracle: the answer does not depend on internal values', async () => {
  const enc = encodeURIComponent;
  const pairs = [
    [`tag=${enc(`tag-${CANARY}`)}`, `tag=${enc(unique('nosuchtag').toLowerCase())}`],
    ['level=co_creating', 'level=unaware'],
    [`owner_id=${owner.user.id}`, `owner_id=${admin.user.id}`],
    ['internal=false', 'internal=true'],
    [`last_contact_after=${enc(at(-10))}`, `last_contact_after=${enc(at(10))}`],
    [`last_contact_before=${enc(at(10))}`, `last_contact_before=${enc(at(-10))}`],
    ['sort=-level', 'sort=name'],
  ];
  const problems = [];
  const idsOf = (res) => (res.status === 200 ? res.json.items.map((x) => x.id).sort((a, b) => a - b) : null);
  for (const [a, b] of pairs) {
    const ra = await external.get(`/api/v1/stakeholders?${a}`);
    const rb = await external.get(`/api/v1/stakeholders?${b}`);
    if (ra.status !== rb.status) problems.push(`${a} → ${ra.status}, ${b} → ${rb.status}`);
    else if (JSON.stringify(idsOf(ra)) !== JSON.stringify(idsOf(rb))) problems.push(`${a} → ${JSON.stringify(idsOf(ra))}, ${b} → ${JSON.stringify(idsOf(rb))}`);
  }
  const q = await external.get(`/api/v1/stakeholders?q=${enc(CANARY)}`);
  if (q.status === 200 && q.json.items.length) problems.push(`q=<canary> finds ${JSON.stringify(q.json.items.map((x) => x.id))}`);
  assert.deepEqual(problems, [], `filters on internal-only fields tell the external participant something:\n${problems.join('\n')}`);
});

test('the external participant\'s refused writes changed nothing', async () => {
  const s = await im.get(`/api/v1/stakeholders/${fx.shared.id}`);
  assert.equal(s.json.name, fx.sharedName);
  assert.equal(s.json.level, 'co_creating');
  assert.equal((await im.get(`/api/v1/stakeholders/${fx.unshared.id}`)).status, 200, 'the external participant deleted a stakeholder');
  const needs = await im.get(`/api/v1/stakeholders/${fx.shared.id}/needs`);
  assert.equal(needs.json.items.find((n) => n.id === fx.need.id).status, 'open');
});
