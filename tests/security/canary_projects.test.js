'use strict';
// The internal-only rule of the projects contract (docs/design/projects.md "Who sees what",
// api/staging/projects.yaml): health, fit, kill criteria, KPI values, gate reviews and learnings
// are internal-only; an external participant sees a project only when its lead shared a summary
// with one of their spaces, and then only {id, title, phase: {key, name}, summary, shared_at};
// every other project route answers 404 to them. A canary string is written into every
// internal field of the projects; the external participant then calls every route, and the
// canary must never come back, in any body or header.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../support/server');
const { Api, unique, expectStatus } = require('../support/client');
const { createStakeholder, createInteraction } = require('../support/stakeholders');
const {
  SHARED_SUMMARY_KEYS, createFramework, getFramework, createProject, getProject, checkCriterion, requestReview, decide,
} = require('../support/projects');

// Lower-case letters and digits, as in canary.test.js.
const CANARY = `cnry${crypto.randomBytes(6).toString('hex')}`;

let admin;
let im;
let lead;
let secretUser; // a team member and sponsor whose very name is secret
let external;
let spaceA;
let spaceB;
const fx = {};

before(async () => {
  const srv = await startServer();
  const api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  lead = await api.createUser('member');
  secretUser = await api.createUser('member', [], { display_name: `Secret ${CANARY}` });
  spaceA = await api.createSpace(im, { name: unique('Projects canary A '), external_allowed: true });
  spaceB = await api.createSpace(admin, { name: unique('Projects canary B '), external_allowed: true });
  await api.addMember(im, spaceA.id, lead.user.id, 'member');
  const inv = await api.inviteExternal(im, spaceA.id, undefined, { space_role: 'guest' });
  external = await api.accept(inv.token);

  // The framework's name is internal too.
  fx.fw = await createFramework(admin, { name: `Framework ${CANARY}`, description: `described ${CANARY}` });
  fx.v = (await getFramework(admin, fx.fw.id)).current;
  fx.P = fx.v.phases.map((p) => p.key);
  const customer = await createStakeholder(im, { name: `Customer ${CANARY}`, kind: 'customer', notes: CANARY });
  fx.customer = customer;
  const secretFields = (tag) => ({
    problem_statement: `problem ${tag} ${CANARY}`,
    hypothesis: `hypothesis ${tag} ${CANARY}`,
    team: [{ user_id: secretUser.user.id, role: `role ${CANARY}` }],
    sponsor_id: secretUser.user.id,
    kill_criteria: [{ key: 'kill_one', text: `kill ${tag} ${CANARY}` }],
    budget: { amount: 123456, currency: 'EUR' },
    effort_days: 77,
    stakeholders: [{ stakeholder_id: customer.id, role: 'customer', commitment: `commitment ${CANARY}` }],
    fit: { problem_defined: 1, near_term: 2, customers_can_picture: 1, customer_willing: 2, capacity_available: 1 },
  });
  // An interaction with the project's customer (interaction_ids are derived from it).
  await createInteraction(im, [{ stakeholder_id: customer.id, interest: 'interested', interest_topic: `topic ${CANARY}` }], { title: `Call ${CANARY}`, summary: `summary ${CANARY}` });

  // S: shared with A. Plain title and summary; every internal field carries the canary. It goes
  // through a go and a pivot back, has KPI values with notes, checked criteria with evidence
  // links, a met kill criterion (so health says ask first) and an open review.
  fx.sharedTitle = unique('Shared project ');
  fx.sharedSummary = 'A sensor kit for plant operators, built with our customers.';
  fx.S = await createProject(lead, fx.fw.id, { title: fx.sharedTitle, ...secretFields('S') });
  const kpi = fx.v.kpis[0].key;
  const revenue = fx.v.kpis.find((k) => k.kind === 'financial').key;
  for (const [k, value] of [[kpi, 3], [revenue, 999]]) {
    expectStatus(await lead.post(`/api/v1/projects/${fx.S.id}/kpi-values`, { kpi_key: k, value, note: `note ${CANARY}` }), 201, 'kpi value');
  }
  let S = fx.S;
  for (const c of S.criteria) S = await checkCriterion(lead, S.id, c.key, true, { evidence_url: `https://evidence.example/${CANARY}/${c.key}` });
  const r1 = await requestReview(lead, S.id, { decision_maker_ids: [secretUser.user.id], gatekeepers_present: [] });
  await decide(im, r1.id, { decision: 'go', rationale: `go ${CANARY}` });
  const r2 = await requestReview(lead, S.id, { decision_maker_ids: [secretUser.user.id] });
  await decide(im, r2.id, { decision: 'pivot', rationale: `pivot ${CANARY}`, pivot_to_phase: fx.P[0], new_hypothesis: `new hypothesis ${CANARY}` });
  expectStatus(await lead.put(`/api/v1/projects/${S.id}/kill-criteria/kill_one`, { met: true }), 200, 'kill criterion met');
  fx.openReview = await requestReview(lead, S.id, { decision_maker_ids: [secretUser.user.id] });
  const shared = await lead.put(`/api/v1/projects/${S.id}/share`, { space_id: spaceA.id, summary: fx.sharedSummary });
  expectStatus(shared, 200, 'share S with A');
  fx.sharedAt = shared.json.share.shared_at;

  // K: shared with A, then killed with learnings.
  fx.K = await createProject(lead, fx.fw.id, { title: unique('Killed shared project '), ...secretFields('K') });
  expectStatus(await lead.put(`/api/v1/projects/${fx.K.id}/share`, { space_id: spaceA.id, summary: 'Stopped, and what we learned stays with us.' }), 200, 'share K');
  const rk = await requestReview(lead, fx.K.id, { decision_maker_ids: [secretUser.user.id] });
  await decide(im, rk.id, { decision: 'kill', rationale: `kill ${CANARY}`, learnings: { learned: `learned ${CANARY}`, do_differently: `differently ${CANARY}` } });

  // U: not shared, the title itself is secret. B: shared with a space the external is not in.
  fx.U = await createProject(lead, fx.fw.id, { title: `Unshared ${CANARY}`, ...secretFields('U') });
  expectStatus(await lead.post(`/api/v1/projects/${fx.U.id}/kpi-values`, { kpi_key: kpi, value: 1, note: `note ${CANARY}` }), 201, 'kpi U');
  fx.openReviewU = await requestReview(lead, fx.U.id, { decision_maker_ids: [secretUser.user.id] });
  fx.B = await createProject(lead, fx.fw.id, { title: `Other space ${CANARY}`, ...secretFields('B') });
  expectStatus(await lead.put(`/api/v1/projects/${fx.B.id}/share`, { space_id: spaceB.id, summary: `summary for B ${CANARY}` }), 200, 'share B with B');

  // The internal view does carry the canary: the test would be hollow otherwise.
  const internal = await getProject(im, fx.S.id);
  for (const k of ['problem_statement', 'hypothesis']) assert.ok(String(internal[k]).includes(CANARY), `the canary is not in the internal ${k}`);
  assert.ok(JSON.stringify(internal.kill_criteria).includes(CANARY) && JSON.stringify(internal.team).includes(CANARY), 'the canary is not in the internal view');
  assert.equal(internal.health.ask_first, true, 'S does not say ask first');
  fx.internalS = internal;
});

function leaks(res) {
  const out = [];
  if (res.text.toLowerCase().includes(CANARY)) out.push('body');
  for (const [k, v] of res.headers.entries()) if (String(v).toLowerCase().includes(CANARY)) out.push(`header ${k}`);
  return out;
}

// Every project route but the list and reading a shared project, for one project.
function internalRoutes(id, reviewId) {
  const kpi = fx.v.kpis[0].key;
  const crit = fx.v.phases[0].exit_criteria[0].key;
  return [
    ['PATCH', `/api/v1/projects/${id}`, { title: 'Changed by external', version: 1 }],
    ['PUT', `/api/v1/projects/${id}/criteria/${crit}`, { met: false }],
    ['PUT', `/api/v1/projects/${id}/kill-criteria/kill_one`, { met: false }],
    ['GET', `/api/v1/projects/${id}/kpi-values`], ['GET', `/api/v1/projects/${id}/kpi-values?kpi_key=${kpi}`],
    ['POST', `/api/v1/projects/${id}/kpi-values`, { kpi_key: kpi, value: 5 }],
    ['GET', `/api/v1/projects/${id}/gate-reviews`], ['POST', `/api/v1/projects/${id}/gate-reviews`, {}],
    ['POST', `/api/v1/gate-reviews/${reviewId}/decision`, { decision: 'kill', rationale: 'external', learnings: { learned: 'x' } }],
    ['POST', `/api/v1/projects/${id}/migrate`, { version: 1 }],
    ['PUT', `/api/v1/projects/${id}/share`, { space_id: spaceA.id, summary: 'Changed by external' }],
    ['DELETE', `/api/v1/projects/${id}/share`],
  ];
}
function globalRoutes() {
  const f = fx.fw.id;
  return [
    ['GET', '/api/v1/frameworks'], ['POST', '/api/v1/frameworks', { name: 'By external' }], ['GET', `/api/v1/frameworks/${f}`],
    ['GET', `/api/v1/frameworks/${f}/versions/1`], ['POST', `/api/v1/frameworks/${f}/versions`, { phases: [], kpis: [] }],
    ['POST', '/api/v1/projects', { title: 'By external', problem_statement: 'x', hypothesis: 'y', framework_id: f, fit: { problem_defined: 3, near_term: 3, customers_can_picture: 3, customer_willing: 3, capacity_available: 3 } }],
    ['GET', '/api/v1/gate-reviews'], ['GET', '/api/v1/gate-reviews?status=requested&decision_maker_id=me'],
    ['GET', `/api/v1/portfolio?framework_id=${f}`], ['GET', `/api/v1/portfolio?framework_id=${f}&status=stopped`],
    ['GET', `/api/v1/portfolio/funnel?framework_id=${f}`], ['POST', '/api/v1/portfolio/health'],
  ];
}

test('the canary never reaches the external participant, whatever project route they call', async () => {
  const enc = encodeURIComponent;
  const listFilters = ['', `q=${enc('Shared')}`, 'status=active', 'status=stopped', 'status=on_hold', 'status=completed',
    `phase=${fx.P[0]}`, `phase=${fx.P[1]}`, `lead_id=${lead.user.id}`, `framework_id=${fx.fw.id}`, 'ask_first=true', 'ask_first=false', 'limit=1'];
  const calls = listFilters.map((f) => ['GET', `/api/v1/projects${f ? `?${f}` : ''}`]);
  for (const p of [fx.S, fx.K, fx.U, fx.B]) calls.push(['GET', `/api/v1/projects/${p.id}`]);
  calls.push(['GET', '/api/v1/projects/999999']);
  calls.push(...internalRoutes(fx.S.id, fx.openReview.id), ...internalRoutes(fx.U.id, fx.openReviewU.id), ...internalRoutes(fx.K.id, fx.openReview.id), ...globalRoutes());
  calls.push(['GET', '/api/v1/events'], ['GET', '/api/v1/events?object_type=project'], ['GET', '/api/v1/events?object_type=gate_review'],
    ['GET', '/api/v1/me'], ['GET', '/api/v1/spaces'], ['GET', `/api/v1/spaces/${spaceA.id}`], ['GET', `/api/v1/spaces/${spaceA.id}/members`],
    ['GET', '/api/v1/stakeholders'], ['GET', `/api/v1/stakeholders/${fx.customer.id}`], ['GET', '/api/v1/interactions']);
  const problems = [];
  for (const [method, path, json] of calls) {
    const res = await external.request(method, path, json === undefined ? {} : { json });
    if (res.status >= 500) problems.push(`${method} ${path}: ${res.status}`);
    const where = leaks(res);
    if (where.length) problems.push(`${method} ${path}: the canary is in the ${where.join(', ')}: ${res.describe()}`);
  }
  // Deeper pages of the list, where there are any.
  let after = null;
  for (let i = 0; i < 20; i += 1) {
    const res = await external.get(`/api/v1/projects?limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    if (leaks(res).length) problems.push(`GET /api/v1/projects page ${i + 1}: canary`);
    after = res.json && res.json.next_cursor;
    if (!after) break;
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the shared project: exactly {id, title, phase, summary, shared_at}; unshared and other spaces\' projects: 404', async () => {
  const res = await external.get(`/api/v1/projects/${fx.S.id}`);
  assert.equal(res.status, 200, res.describe());
  assert.deepEqual(Object.keys(res.json).sort(), [...SHARED_SUMMARY_KEYS].sort(), `the shared summary has other keys: ${res.text}`);
  const phase = fx.v.phases.find((p) => p.key === fx.internalS.phase.key);
  assert.deepEqual(res.json, {
    id: fx.S.id, title: fx.sharedTitle, phase: { key: phase.key, name: phase.name }, summary: fx.sharedSummary, shared_at: fx.sharedAt,
  });
  for (const id of [fx.U.id, fx.B.id, 999999]) {
    const r = await external.get(`/api/v1/projects/${id}`);
    assert.equal(r.status, 404, `GET /api/v1/projects/${id}: ${r.describe()}`);
    assert.equal(r.code, 'not_found');
  }
  // Internal users still get the whole project.
  const internal = await lead.get(`/api/v1/projects/${fx.S.id}`);
  assert.ok('problem_statement' in internal.json && 'health' in internal.json, 'internal users lost the internal view');
});

test('the list shows the external participant only shared summaries of their spaces', async () => {
  const res = await external.get('/api/v1/projects?limit=200');
  assert.equal(res.status, 200, res.describe());
  const got = res.json.items.map((x) => x.id);
  assert.ok(got.includes(fx.S.id), 'the shared project is not listed');
  for (const id of got) assert.ok([fx.S.id, fx.K.id].includes(id), `the list shows ${id}, which is not shared with the external's space`);
  for (const it of res.json.items) assert.deepEqual(Object.keys(it).sort(), [...SHARED_SUMMARY_KEYS].sort(), `external list item: ${JSON.stringify(it)}`);
  assert.deepEqual(res.json.items.find((x) => x.id === fx.S.id), (await external.get(`/api/v1/projects/${fx.S.id}`)).json, 'the list item differs from GET');
});

test('every other project route answers 404 not_found to the external participant, even for a shared project', async () => {
  const problems = [];
  for (const [method, path, json] of [...internalRoutes(fx.S.id, fx.openReview.id), ...internalRoutes(fx.U.id, fx.openReviewU.id), ...globalRoutes()]) {
    const res = await external.request(method, path, json === undefined ? {} : { json });
    if (res.status !== 404 || res.code !== 'not_found') problems.push(`${method} ${path}: ${res.describe()}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('internal-only filters are no oracle for the external participant', async () => {
  const enc = encodeURIComponent;
  // Health (ask_first), the lead and internal text are not in the shared summary: filtering by
  // them must not tell the external participant anything about them.
  const pairs = [
    ['ask_first=true', 'ask_first=false'],
    [`lead_id=${lead.user.id}`, `lead_id=${admin.user.id}`],
  ];
  const problems = [];
  const idsOf = (res) => (res.status === 200 ? res.json.items.map((x) => x.id).sort((a, b) => a - b) : null);
  for (const [a, b] of pairs) {
    const ra = await external.get(`/api/v1/projects?${a}`);
    const rb = await external.get(`/api/v1/projects?${b}`);
    if (ra.status !== rb.status) problems.push(`${a} → ${ra.status}, ${b} → ${rb.status}`);
    else if (JSON.stringify(idsOf(ra)) !== JSON.stringify(idsOf(rb))) problems.push(`${a} → ${JSON.stringify(idsOf(ra))}, ${b} → ${JSON.stringify(idsOf(rb))}`);
  }
  const q = await external.get(`/api/v1/projects?q=${enc(CANARY)}`);
  if (q.status === 200 && q.json.items.length) problems.push(`q=<canary> (only in internal fields) finds ${JSON.stringify(q.json.items.map((x) => x.id))}`);
  assert.deepEqual(problems, [], `filters on internal-only fields tell the external participant something:\n${problems.join('\n')}`);
});

test('the external participant\'s refused writes changed nothing; unsharing hides the project', async () => {
  const s = await getProject(im, fx.S.id);
  assert.equal(s.title, fx.sharedTitle);
  assert.ok(s.share && s.share.space_id === spaceA.id && s.share.summary === fx.sharedSummary, `the share changed: ${JSON.stringify(s.share)}`);
  assert.deepEqual(s.kill_criteria, fx.internalS.kill_criteria);
  assert.deepEqual(s.criteria, fx.internalS.criteria);
  const reviews = (await im.get(`/api/v1/projects/${fx.S.id}/gate-reviews?limit=200`)).json.items;
  assert.equal(reviews.find((r) => r.id === fx.openReview.id).status, 'requested', 'the external participant decided a review');
  assert.equal(reviews.length, 3, 'the external participant requested a review');
  assert.equal((await im.get(`/api/v1/projects/${fx.S.id}/kpi-values?limit=200`)).json.items.length, 2, 'the external participant recorded a KPI value');
  expectStatus(await lead.del(`/api/v1/projects/${fx.S.id}/share`), 204, 'unshare S');
  const gone = await external.get(`/api/v1/projects/${fx.S.id}`);
  assert.equal(gone.status, 404, `an unshared project is still visible: ${gone.describe()}`);
  assert.ok(!(await external.get('/api/v1/projects?limit=200')).json.items.some((x) => x.id === fx.S.id), 'an unshared project is still listed');
});
