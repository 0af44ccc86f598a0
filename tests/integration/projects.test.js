'use strict';
// Projects (issue 6; docs/design/projects.md → docs/api-projects.md, api/staging/projects.yaml):
// frameworks and their versions, the intake fit check, KPI values that count only from their
// phase, exit criteria, gate reviews (go, hold, kill, pivot; one open review; racing
// decisions), the portfolio board and funnel, the health recompute, and an event for every write.
//
// Phase, criterion and KPI keys are read from the framework the server publishes (the contract
// names the default template's phases and KPI kinds, not every key).

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique, listAll, expectStatus } = require('../support/client');
const { assertTime, assertPage, hasKeys, onlyKeys } = require('../support/shapes');
const { day, createStakeholder, problemFields } = require('../support/stakeholders');
const {
  DEFAULT_PHASE_NAMES, FRAMEWORK_KEYS, VERSION_KEYS, PHASE_KEYS, KPI_KEYS, KPI_VALUE_KEYS, CARD_KEYS, FUNNEL_KEYS, STATUSES,
  GOOD_FIT, POOR_FIT, ref, versionBody, simpleVersion, createFramework, getFramework, createProject, getProject, checkCriterion,
  requestReview, decide, advance, assertHealth, assertProject, assertReview, eventsAfter, lastEventId,
} = require('../support/projects');

let api;
let admin;
let im;
let m1; // lead of most projects
let m2; // team member
let m3; // a named decision maker, on no team
let external;
let space;
const fx = {};

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  m1 = await api.createUser('member');
  m2 = await api.createUser('member');
  m3 = await api.createUser('member');
  space = await api.createSpace(im, { external_allowed: true });
  external = await api.accept((await api.inviteExternal(im, space.id)).token);
  // The main framework: the default template, made by the admin.
  const res = await admin.post('/api/v1/frameworks', { name: unique('Default framework '), description: 'Our phases', template: 'default' });
  expectStatus(res, 201, 'POST /api/v1/frameworks (default template)');
  fx.fwCreated = res.json;
  fx.fw = await getFramework(admin, res.json.id);
  fx.v = fx.fw.current;
  fx.P = fx.v.phases.map((p) => p.key);
  fx.kpiOfKind = (kind) => fx.v.kpis.filter((k) => k.kind === kind);
});

const phaseOf = (key) => fx.v.phases.find((p) => p.key === key);
const ids = (xs) => xs.map((x) => x.id).sort((a, b) => a - b);
const problemCheck = (res, status, field, what) => {
  assert.equal(res.status, status, `${what}: ${res.describe()}`);
  assert.ok(res.isProblem, `${what}: not problem+json`);
  if (field) assert.ok(problemFields(res).includes(field), `${what}: the problem does not name ${field}: ${res.text}`);
};

// ---- frameworks ----------------------------------------------------------------------------

test('frameworks: the default template, read back with its current version', async () => {
  const f = fx.fwCreated;
  hasKeys(f, FRAMEWORK_KEYS, 'framework');
  assert.equal(f.current_version, 1);
  assert.equal(f.description, 'Our phases');
  assert.equal(f.versions.length, 1);
  assert.equal(f.versions[0].version, 1);
  assertTime(f.versions[0].published_at, 'versions[0].published_at');
  assertTime(f.created_at, 'created_at');
  const got = fx.fw;
  for (const k of FRAMEWORK_KEYS) assert.deepEqual(got[k], f[k], `GET /frameworks/{id}.${k} differs from the POST answer`);
  const v = got.current;
  hasKeys(v, VERSION_KEYS, 'current version');
  assert.equal(v.framework_id, f.id);
  assert.equal(v.version, 1);
  assert.deepEqual(v.published_by, ref(admin));
  // Explore → Validate problem → Co-design → Pilot → Scale.
  assert.deepEqual(v.phases.map((p) => p.name), DEFAULT_PHASE_NAMES);
  for (const p of v.phases) {
    hasKeys(p, PHASE_KEYS, `phase ${p.key}`);
    assert.match(p.key, /^[a-z0-9][a-z0-9_-]*$/, `phase key ${p.key}`);
    assert.ok(Number.isInteger(p.max_days) && p.max_days >= 1, `phase ${p.key}.max_days`);
    for (const k of p.kpi_keys) assert.ok(v.kpis.some((x) => x.key === k), `phase ${p.key} names the unknown KPI ${k}`);
  }
  assert.equal(new Set(v.phases.map((p) => p.key)).size, 5, 'phase keys are not unique');
  // KPIs: learning from Explore, engagement from Validate problem, customer from Co-design,
  // delivery from Pilot, outcome and financial from Scale.
  for (const k of v.kpis) hasKeys(k, KPI_KEYS, `kpi ${k.key}`);
  const from = (kind) => [...new Set(fx.kpiOfKind(kind).map((k) => k.counts_from_phase ?? fx.P[0]))];
  assert.ok(fx.kpiOfKind('learning').length >= 2, 'the default template has fewer than two learning KPIs');
  assert.ok(fx.kpiOfKind('outcome').length >= 2, 'the default template has fewer than two outcome KPIs');
  assert.deepEqual(from('learning'), [fx.P[0]]);
  assert.deepEqual(from('engagement'), [fx.P[1]]);
  assert.deepEqual(from('customer'), [fx.P[2]]);
  assert.deepEqual(from('delivery'), [fx.P[3]]);
  assert.deepEqual(from('outcome'), [fx.P[4]]);
  assert.deepEqual(fx.kpiOfKind('financial').map((k) => k.counts_from_phase), [fx.P[4]], 'one financial KPI (revenue), counting from Scale');
  // GET versions/1 is the current version.
  const v1 = await admin.get(`/api/v1/frameworks/${f.id}/versions/1`);
  assert.equal(v1.status, 200, v1.describe());
  assert.deepEqual(v1.json, v);
  // The list.
  const list = await listAll(m1, '/api/v1/frameworks');
  assert.ok(list.some((x) => x.id === f.id), 'the framework is not listed');
  // An innovation manager may create one too; without `template` it is the default template.
  const f2 = await createFramework(im, { template: undefined, name: unique('Implicit default ') });
  const v2 = (await getFramework(im, f2.id)).current;
  assert.deepEqual(v2.phases.map((p) => p.name), DEFAULT_PHASE_NAMES, 'template omitted did not give the default template');
  // Members read, but do not create.
  const denied = await m1.post('/api/v1/frameworks', { name: unique('By member ') });
  assert.equal(denied.status, 403, denied.describe());
  assert.equal(denied.code, 'permission_denied');
  assert.equal((await m1.get(`/api/v1/frameworks/${f.id}`)).status, 200);
  const none = await m1.get('/api/v1/frameworks/999999');
  assert.equal(none.status, 404, none.describe());
  assert.equal((await m1.get(`/api/v1/frameworks/${f.id}/versions/2`)).status, 404, 'a version that was never published');
});

test('frameworks: publishing version 2 with a changed max_days; version 1 stays readable and projects stay on it', async () => {
  const f = await createFramework(im, { name: unique('Versioned ') });
  const v1 = (await getFramework(im, f.id)).current;
  const before = await createProject(m1, f.id);
  assert.equal(before.framework.version, 1);
  assert.equal(before.phase.max_days, v1.phases[0].max_days);
  const body = versionBody(v1);
  const oldMax = v1.phases[0].max_days;
  const newMax = oldMax + 7;
  body.phases[0].max_days = newMax;
  const res = await im.post(`/api/v1/frameworks/${f.id}/versions`, body);
  assert.equal(res.status, 201, res.describe());
  hasKeys(res.json, VERSION_KEYS, 'published version');
  assert.equal(res.json.version, 2);
  assert.equal(res.json.framework_id, f.id);
  assert.equal(res.json.phases[0].max_days, newMax);
  assert.deepEqual(res.json.published_by, ref(im));
  const now = await getFramework(m1, f.id);
  assert.equal(now.current_version, 2);
  assert.deepEqual(now.versions.map((x) => x.version), [1, 2], 'versions are not every published version, oldest first');
  assert.equal(now.current.version, 2);
  assert.equal(now.current.phases[0].max_days, newMax);
  const old = await m1.get(`/api/v1/frameworks/${f.id}/versions/1`);
  assert.equal(old.status, 200, old.describe());
  assert.deepEqual(old.json, v1, 'version 1 changed when version 2 was published');
  assert.equal(old.json.phases[0].max_days, oldMax);
  const v2 = await m1.get(`/api/v1/frameworks/${f.id}/versions/2`);
  assert.equal(v2.status, 200, v2.describe());
  assert.equal(v2.json.phases[0].max_days, newMax);
  // Existing projects stay on version 1; new ones start on version 2.
  const stayed = await getProject(m1, before.id);
  assert.equal(stayed.framework.version, 1, 'publishing moved an existing project to the new version');
  assert.equal(stayed.phase.max_days, oldMax);
  const after = await createProject(m1, f.id);
  assert.equal(after.framework.version, 2);
  assert.equal(after.phase.max_days, newMax);
  // Migrating: phase matched by key, entered_at kept, max_days from the new version.
  const mig = await m1.post(`/api/v1/projects/${before.id}/migrate`, { version: 2 });
  assert.equal(mig.status, 200, mig.describe());
  assert.equal(mig.json.framework.version, 2);
  assert.equal(mig.json.phase.key, before.phase.key);
  assert.equal(mig.json.phase.max_days, newMax);
  assert.equal(mig.json.phase.entered_at, before.phase.entered_at, 'migrating reset phase.entered_at');
  problemCheck(await m1.post(`/api/v1/projects/${before.id}/migrate`, { version: 99 }), 422, 'version', 'migrate to a version that does not exist');
  // Members do not publish.
  const denied = await m1.post(`/api/v1/frameworks/${f.id}/versions`, body);
  assert.equal(denied.status, 403, denied.describe());
  assert.equal((await getFramework(m1, f.id)).current_version, 2, 'a refused publish changed the framework');
});

test('frameworks: invalid version bodies → 422 naming every broken field; nothing is published', async () => {
  const f = await createFramework(admin, { name: unique('Strict ') });
  const dupKey = simpleVersion(['alpha', 'beta', 'alpha']);
  problemCheck(await admin.post(`/api/v1/frameworks/${f.id}/versions`, dupKey), 422, 'phases[2].key', 'a repeated phase key');
  const unknownFrom = simpleVersion();
  unknownFrom.kpis[0].counts_from_phase = 'nowhere';
  problemCheck(await admin.post(`/api/v1/frameworks/${f.id}/versions`, unknownFrom), 422, 'kpis[0].counts_from_phase', 'counts_from_phase naming no phase');
  // Both at once: every problem is listed.
  const both = simpleVersion(['alpha', 'beta', 'alpha']);
  both.kpis[0].counts_from_phase = 'nowhere';
  const r = await admin.post(`/api/v1/frameworks/${f.id}/versions`, both);
  problemCheck(r, 422, 'phases[2].key', 'two problems');
  assert.ok(problemFields(r).includes('kpis[0].counts_from_phase'), `only the first of two problems is named: ${r.text}`);
  // A financial KPI must say from which phase it counts.
  const money = simpleVersion();
  money.kpis = [{ key: 'revenue', name: 'Revenue', unit: 'EUR', direction: 'up', kind: 'financial', target: null }];
  const rm = await admin.post(`/api/v1/frameworks/${f.id}/versions`, money);
  assert.ok([400, 422].includes(rm.status), `a financial KPI without counts_from_phase: ${rm.describe()}`);
  assert.ok(problemFields(rm).some((x) => x.startsWith('kpis[0]')), `the problem does not name kpis[0]: ${rm.text}`);
  // Too few phases; duplicate KPI keys.
  problemCheck(await admin.post(`/api/v1/frameworks/${f.id}/versions`, simpleVersion(['only'])), 422, null, 'one phase');
  const dupKpi = simpleVersion();
  dupKpi.kpis.push({ ...dupKpi.kpis[0] });
  problemCheck(await admin.post(`/api/v1/frameworks/${f.id}/versions`, dupKpi), 422, 'kpis[1].key', 'a repeated KPI key');
  // The same rules on create, under `template`.
  const rc = await admin.post('/api/v1/frameworks', { name: unique('Broken '), template: dupKey });
  problemCheck(rc, 422, 'template.phases[2].key', 'create with a repeated phase key');
  // Nothing was published.
  const now = await getFramework(admin, f.id);
  assert.equal(now.current_version, 1, 'a refused version was published');
  assert.equal((await admin.get(`/api/v1/frameworks/${f.id}/versions/2`)).status, 404);
  // A valid custom body works (and keeps its order).
  const ok = await admin.post(`/api/v1/frameworks/${f.id}/versions`, simpleVersion(['one', 'two']));
  assert.equal(ok.status, 201, ok.describe());
  assert.deepEqual(ok.json.phases.map((p) => p.key), ['one', 'two']);
});

// ---- projects ------------------------------------------------------------------------------

test('projects: propose with every field and a good fit; read back; list and filter', async () => {
  const customer = await createStakeholder(m1, { name: unique('Customer '), kind: 'customer' });
  const title = unique('Sensor kit ');
  const body = {
    title,
    problem_statement: 'Operators lose hours to manual checks.',
    hypothesis: 'A sensor kit halves the checking time.',
    framework_id: fx.fw.id,
    fit: GOOD_FIT,
    team: [{ user_id: m2.user.id, role: 'Engineer' }],
    sponsor_id: im.user.id,
    kill_criteria: [{ key: 'no_pilot_site', text: 'No pilot site by March.' }],
    budget: { amount: 25000, currency: 'EUR' },
    effort_days: 40,
    stakeholders: [{ stakeholder_id: customer.id, role: 'customer', commitment: 'Two plants' }],
  };
  const res = await m1.post('/api/v1/projects', body);
  assert.equal(res.status, 201, res.describe());
  const p = res.json;
  assertProject(p);
  assert.equal(p.title, title);
  assert.equal(p.problem_statement, body.problem_statement);
  assert.equal(p.hypothesis, body.hypothesis);
  assert.deepEqual(p.lead, ref(m1), 'the caller is not the lead');
  assert.deepEqual(p.team, [{ user_id: m2.user.id, display_name: m2.user.display_name, role: 'Engineer' }]);
  assert.deepEqual(p.sponsor, ref(im));
  assert.deepEqual(p.framework, { id: fx.fw.id, name: fx.fw.name, version: 1 });
  assert.equal(p.phase.key, fx.P[0]);
  assert.equal(p.phase.name, phaseOf(fx.P[0]).name);
  assert.equal(p.phase.max_days, phaseOf(fx.P[0]).max_days);
  assert.equal(p.status, 'active');
  assert.deepEqual(p.criteria.map((c) => [c.key, c.met, c.evidence_url]), phaseOf(fx.P[0]).exit_criteria.map((c) => [c.key, false, null]));
  assert.deepEqual(p.kill_criteria, [{ key: 'no_pilot_site', text: 'No pilot site by March.', met: false }]);
  assert.deepEqual(p.budget, { amount: 25000, currency: 'EUR' });
  assert.equal(p.effort_days, 40);
  assert.deepEqual(p.stakeholders, [{ stakeholder_id: customer.id, name: customer.name, kind: 'customer', role: 'customer', commitment: 'Two plants' }]);
  assert.deepEqual(p.fit, { answers: GOOD_FIT, score: 100, recommendation: 'good_fit', flagged: false, reasons: [] });
  assert.equal(p.share, null);
  assert.equal(p.learnings, null);
  assert.ok(!p.health.signals.some((s) => s.key === 'no_sponsor'), 'no_sponsor with a sponsor');
  const got = await getProject(m3, p.id);
  assert.deepEqual(got, p, 'GET answers differently from POST');
  // Listed, and found by its filters.
  const byQ = await listAll(m3, `/api/v1/projects?q=${encodeURIComponent(title)}`);
  assert.deepEqual(byQ.map((x) => x.id), [p.id], `q=${title}`);
  assertProject(byQ[0], 'list item');
  for (const [q, yes] of [[`lead_id=${m1.user.id}`, true], [`lead_id=${m2.user.id}`, false], [`framework_id=${fx.fw.id}`, true],
    [`phase=${fx.P[0]}`, true], [`phase=${fx.P[1]}`, false], ['status=active', true], ['status=stopped', false]]) {
    const items = await listAll(m3, `/api/v1/projects?${q}`);
    assert.equal(items.some((x) => x.id === p.id), yes, `GET /api/v1/projects?${q}`);
  }
  const page = await m3.get('/api/v1/projects?limit=1');
  assert.equal(page.status, 200, page.describe());
  assertPage(page.json);
  assert.ok(page.json.items.length <= 1);
  assert.equal((await m3.get('/api/v1/projects?status=finished')).status, 400, 'an unknown status filter');
  assert.equal((await m1.get('/api/v1/projects/999999')).status, 404);
  // Not shared: the external participant neither lists nor reads it.
  const ext = await external.get('/api/v1/projects');
  assert.equal(ext.status, 200, ext.describe());
  assert.ok(!ext.json.items.some((x) => x.id === p.id), 'an unshared project is listed to an external participant');
  assert.equal((await external.get(`/api/v1/projects/${p.id}`)).status, 404);
  fx.full = p;
});

test('projects: the fit check — a poor fit is allowed and flagged; scores and reasons; answers outside 1..5 → 422', async () => {
  const poor = await createProject(m1, fx.fw.id, { fit: POOR_FIT });
  assertProject(poor);
  assert.equal(poor.fit.score, 0);
  assert.equal(poor.fit.recommendation, 'poor_fit');
  assert.equal(poor.fit.flagged, true, 'a poor fit is not flagged');
  assert.equal(poor.fit.reasons.length, 5, `one reason per answer below 3: ${JSON.stringify(poor.fit.reasons)}`);
  for (const r of poor.fit.reasons) assert.ok(typeof r === 'string' && r.length > 0);
  assert.equal(poor.status, 'active', 'a poor fit is refused or parked');
  assert.ok((await listAll(m1, '/api/v1/projects?status=active')).some((x) => x.id === poor.id), 'the poor fit is not listed');
  // Weights 3, 2, 2, 3, 1: (3·3 + 2·2 + 2·2 + 3·3 + 1·1) / 11 / 4 · 100 = 61.4 → 61, sharpen first, one reason.
  const mid = await createProject(m1, fx.fw.id, { fit: { problem_defined: 4, near_term: 3, customers_can_picture: 3, customer_willing: 4, capacity_available: 2 } });
  assert.equal(mid.fit.score, 61);
  assert.equal(mid.fit.recommendation, 'sharpen_first');
  assert.equal(mid.fit.flagged, false);
  assert.equal(mid.fit.reasons.length, 1);
  // The heavy questions weigh more: a willing customer and a defined problem alone reach 70 (good fit).
  const heavy = await createProject(m1, fx.fw.id, { fit: { problem_defined: 5, near_term: 3, customers_can_picture: 3, customer_willing: 5, capacity_available: 3 } });
  assert.equal(heavy.fit.score, Math.round((3 * 4 + 2 * 2 + 2 * 2 + 3 * 4 + 1 * 2) / 11 / 4 * 100));
  assert.equal(heavy.fit.recommendation, 'good_fit');
  const bad = await m1.post('/api/v1/projects', { title: unique('Bad fit '), problem_statement: 'x', hypothesis: 'y', framework_id: fx.fw.id, fit: { ...GOOD_FIT, near_term: 6 } });
  assert.ok([400, 422].includes(bad.status), bad.describe());
  assert.ok(problemFields(bad).includes('fit.near_term'), `the problem does not name fit.near_term: ${bad.text}`);
  const noFw = await m1.post('/api/v1/projects', { title: unique('No framework '), problem_statement: 'x', hypothesis: 'y', framework_id: 999999, fit: GOOD_FIT });
  // The contract does not say whether an unknown framework is 404 or 422; a 422 names it.
  assert.ok([404, 422].includes(noFw.status), noFw.describe());
  if (noFw.status === 422) assert.ok(problemFields(noFw).includes('framework_id'), noFw.text);
});

test('projects: PATCH with version; a stale version → 409; phase and status are not writable', async () => {
  const p = await createProject(m1, fx.fw.id, { team: [{ user_id: m2.user.id, role: 'Analyst' }] });
  const res = await m2.patch(`/api/v1/projects/${p.id}`, { title: `${p.title} (renamed)`, version: p.version });
  assert.equal(res.status, 200, res.describe());
  assert.equal(res.json.title, `${p.title} (renamed)`);
  assert.ok(res.json.version > p.version, 'version did not move on');
  assert.equal(res.json.hypothesis, p.hypothesis, 'a field not in the PATCH changed');
  const stale = await m1.patch(`/api/v1/projects/${p.id}`, { title: 'Stale', version: p.version });
  assert.equal(stale.status, 409, stale.describe());
  assert.equal((await getProject(m1, p.id)).title, `${p.title} (renamed)`, 'a stale PATCH applied');
  for (const field of ['status', 'phase']) {
    const r = await m1.patch(`/api/v1/projects/${p.id}`, { [field]: field === 'status' ? 'stopped' : { key: fx.P[2] }, version: res.json.version });
    assert.equal(r.status, 400, `PATCH ${field}: ${r.describe()}`);
    assert.equal(r.json.field, field);
  }
  const now = await getProject(m1, p.id);
  assert.equal(now.status, 'active');
  assert.equal(now.phase.key, fx.P[0]);
  // Fit may change while in the first phase.
  const fit = await m1.patch(`/api/v1/projects/${p.id}`, { fit: POOR_FIT, version: now.version });
  assert.equal(fit.status, 200, fit.describe());
  assert.equal(fit.json.fit.recommendation, 'poor_fit');
  // A member not on the project may read it but not change it.
  const denied = await m3.patch(`/api/v1/projects/${p.id}`, { title: 'Not mine', version: fit.json.version });
  assert.equal(denied.status, 403, denied.describe());
});

// ---- KPI values ----------------------------------------------------------------------------

test('KPI values: counted only from their phase; a revenue value in the first phase is kept with counts=false; unknown kpi_key → 422', async () => {
  const p = await createProject(m1, fx.fw.id, { team: [{ user_id: m2.user.id, role: 'Analyst' }] });
  const revenue = fx.kpiOfKind('financial')[0];
  const early = fx.kpiOfKind('outcome').find((k) => k.target !== null);
  const learning = fx.kpiOfKind('learning').find((k) => k.target !== null && k.direction === 'up');
  assert.ok(revenue && early && learning, 'the default template lacks a financial KPI, an outcome KPI with a target or a learning KPI with a target');

  const r1 = await m1.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: revenue.key, value: 1200, note: 'first order' });
  assert.equal(r1.status, 201, r1.describe());
  hasKeys(r1.json, KPI_VALUE_KEYS, 'KPI value');
  assert.equal(r1.json.kpi_key, revenue.key);
  assert.equal(r1.json.value, 1200);
  assert.equal(r1.json.note, 'first order');
  assert.equal(r1.json.phase_key, fx.P[0]);
  assert.equal(r1.json.counts, false, 'revenue recorded in the first phase counts');
  assert.equal(r1.json.recorded_on, day(0), 'recorded_on defaults to today (UTC)');
  // A value that misses its target but does not count yet is left out of health.
  const wrongDir = early.direction === 'down' ? early.target + 50 : early.target - 1;
  const r2 = await m2.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: early.key, value: wrongDir, recorded_on: day(-2) });
  assert.equal(r2.status, 201, r2.describe());
  assert.equal(r2.json.counts, false);
  assert.equal(r2.json.recorded_on, day(-2));
  let now = await getProject(m1, p.id);
  assert.ok(!now.health.signals.some((s) => s.key === 'kpis_off_target'), `a value that does not count is in health: ${JSON.stringify(now.health.signals)}`);
  // A counting value below its target shows.
  const r3 = await m1.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: learning.key, value: learning.target - 1 });
  assert.equal(r3.status, 201, r3.describe());
  assert.equal(r3.json.counts, true, `${learning.key} counts from the first phase`);
  now = await getProject(m1, p.id);
  assertHealth(now.health);
  const off = now.health.signals.find((s) => s.key === 'kpis_off_target');
  assert.ok(off, `a counting value below its target is not in health: ${JSON.stringify(now.health.signals)}`);
  assert.ok(off.text.includes(learning.name), `the kpis_off_target text does not name ${learning.name}: ${off.text}`);
  // Unknown KPI → 422 naming kpi_key, nothing recorded.
  problemCheck(await m1.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: 'no_such_kpi', value: 1 }), 422, 'kpi_key', 'unknown kpi_key');
  // The list: every value with its counts; the kpi_key filter.
  const all = await listAll(m3, `/api/v1/projects/${p.id}/kpi-values`);
  assert.deepEqual(ids(all), ids([r1.json, r2.json, r3.json]), 'the list is not exactly the recorded values');
  for (const v of all) onlyKeys(v, KPI_VALUE_KEYS, 'KPI value');
  assert.deepEqual(all.map((v) => v.recorded_on), [...all.map((v) => v.recorded_on)].sort().reverse(), 'not newest recorded_on first');
  assert.deepEqual(all.find((v) => v.id === r1.json.id), r1.json);
  const onlyRevenue = await listAll(m3, `/api/v1/projects/${p.id}/kpi-values?kpi_key=${revenue.key}`);
  assert.deepEqual(onlyRevenue.map((v) => v.id), [r1.json.id]);
  // Only the lead, team and managers record values.
  const denied = await m3.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: learning.key, value: 3 });
  assert.equal(denied.status, 403, denied.describe());
  assert.equal((await listAll(m3, `/api/v1/projects/${p.id}/kpi-values`)).length, 3, 'a refused value was recorded');
});

// ---- exit criteria and gate reviews --------------------------------------------------------

const flow = {};

test('gate reviews: check criteria; request (a second open request → 409); go refused until the evidence is there; hold; go', async () => {
  const p = await createProject(m1, fx.fw.id, { team: [{ user_id: m2.user.id, role: 'Engineer' }] });
  flow.p = p;
  const [first, ...rest] = phaseOf(fx.P[0]).exit_criteria;
  // Check one criterion, with evidence.
  const checked = await m2.put(`/api/v1/projects/${p.id}/criteria/${first.key}`, { met: true, evidence_url: 'https://evidence.example/interviews' });
  assert.equal(checked.status, 200, checked.describe());
  assertProject(checked.json);
  assert.deepEqual(checked.json.criteria.find((c) => c.key === first.key),
    { key: first.key, text: first.text, evidence_required: first.evidence_required, met: true, evidence_url: 'https://evidence.example/interviews' });
  for (const c of rest) assert.equal(checked.json.criteria.find((x) => x.key === c.key).met, false, `checking ${first.key} checked ${c.key}`);
  // Unknown keys and keys of other phases are 404.
  assert.equal((await m1.put(`/api/v1/projects/${p.id}/criteria/no_such_criterion`, { met: true })).status, 404);
  const later = phaseOf(fx.P[1]).exit_criteria[0];
  assert.equal((await m1.put(`/api/v1/projects/${p.id}/criteria/${later.key}`, { met: true })).status, 404, 'a criterion of another phase');
  // An uninvolved member may not check.
  assert.equal((await m3.put(`/api/v1/projects/${p.id}/criteria/${first.key}`, { met: false })).status, 403);

  // Request a review (by a team member), naming m3 as decision maker.
  const r1 = await m2.post(`/api/v1/projects/${p.id}/gate-reviews`, { decision_maker_ids: [m3.user.id] });
  assert.equal(r1.status, 201, r1.describe());
  const review = r1.json;
  assertReview(review);
  assert.equal(review.project_id, p.id);
  assert.equal(review.from_phase, fx.P[0]);
  assert.equal(review.status, 'requested');
  assert.deepEqual(review.requested_by, ref(m2));
  assert.deepEqual(review.decision_makers, [ref(m3)]);
  assert.deepEqual(review.criteria.map((c) => [c.key, c.met]), phaseOf(fx.P[0]).exit_criteria.map((c) => [c.key, c.key === first.key]));
  assert.deepEqual(review.gatekeepers_required, phaseOf(fx.P[0]).gatekeepers);
  for (const k of ['decision', 'rationale', 'pivot_to_phase', 'new_hypothesis', 'learnings', 'decided_by', 'decided_at']) assert.equal(review[k], null, `${k} of a requested review`);
  // One open review per project.
  const again = await m1.post(`/api/v1/projects/${p.id}/gate-reviews`, {});
  assert.equal(again.status, 409, again.describe());
  assert.equal(again.code, 'conflict');
  const listed = await listAll(m1, `/api/v1/projects/${p.id}/gate-reviews`);
  assert.deepEqual(listed.map((r) => r.id), [review.id]);
  assert.deepEqual(listed[0], review);
  // Waiting for m3's decision, not m2's.
  assert.ok((await listAll(m3, '/api/v1/gate-reviews?status=requested&decision_maker_id=me')).some((r) => r.id === review.id), 'not waiting for the named decision maker');
  assert.ok(!(await listAll(m2, '/api/v1/gate-reviews?status=requested&decision_maker_id=me')).some((r) => r.id === review.id), 'waiting for someone not named');
  assert.ok((await listAll(admin, `/api/v1/gate-reviews?decision_maker_id=${m3.user.id}`)).some((r) => r.id === review.id));
  // A member not named may not decide.
  const notNamed = await m2.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'hold', rationale: 'Not mine to say.' });
  assert.equal(notNamed.status, 403, notNamed.describe());
  // go needs every criterion that needs evidence met: 422 naming the first missing one.
  const missing = review.criteria.findIndex((c) => !c.met && phaseOf(fx.P[0]).exit_criteria.find((x) => x.key === c.key).evidence_required);
  assert.ok(missing >= 0, 'the first phase of the default template has only one criterion that needs evidence');
  const go = await m3.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'go', rationale: 'Looks fine.' });
  assert.equal(go.status, 422, `go with an unmet criterion that needs evidence: ${go.describe()}`);
  assert.ok(problemFields(go).includes(`criteria[${missing}]`), `the problem does not name criteria[${missing}]: ${go.text}`);
  // rationale is always required.
  problemCheck(await m3.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'hold' }), 422, 'rationale', 'a decision without rationale');
  problemCheck(await m3.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'hold', rationale: 'x'.repeat(4001) }), 422, 'rationale', 'a rationale of 4,001 characters');
  // hold: on_hold in the same phase; the clock keeps running.
  const held = await decide(m3, review.id, { decision: 'hold', rationale: 'Wait for the second site.' });
  hasKeys(held, ['review', 'project'], 'decision answer');
  assertReview(held.review);
  assert.equal(held.review.status, 'decided');
  assert.equal(held.review.decision, 'hold');
  assert.equal(held.review.rationale, 'Wait for the second site.');
  assert.deepEqual(held.review.decided_by, ref(m3));
  assertProject(held.project);
  assert.equal(held.project.status, 'on_hold');
  assert.equal(held.project.phase.key, fx.P[0]);
  assert.equal(held.project.phase.entered_at, p.phase.entered_at, 'hold reset phase.entered_at');
  // A decided review takes no second decision.
  const twice = await admin.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'go', rationale: 'Again.' });
  assert.equal(twice.status, 409, twice.describe());
  assert.equal(twice.code, 'conflict');
  assert.equal((await getProject(m1, p.id)).status, 'on_hold', 'a refused decision changed the project');

  // Check every criterion; a new review (by the lead); go by an innovation manager resumes and advances.
  for (const c of rest) await checkCriterion(m1, p.id, c.key, true, { evidence_url: 'https://evidence.example/more' });
  const r2 = await requestReview(m1, p.id, {});
  assert.ok(r2.criteria.every((c) => c.met), `the review does not show the checked criteria: ${JSON.stringify(r2.criteria)}`);
  const went = await decide(im, r2.id, { decision: 'go', rationale: 'Five customers told us.' });
  assert.equal(went.review.decision, 'go');
  assert.deepEqual(went.review.decided_by, ref(im));
  assertTime(went.review.decided_at, 'decided_at');
  const q = went.project;
  assertProject(q);
  assert.equal(q.status, 'active', 'go did not resume the project on hold');
  assert.equal(q.phase.key, fx.P[1]);
  assert.equal(q.phase.name, phaseOf(fx.P[1]).name);
  assert.equal(q.phase.max_days, phaseOf(fx.P[1]).max_days);
  assert.notEqual(q.phase.entered_at, p.phase.entered_at, 'phase.entered_at did not change on go');
  assert.ok(Date.parse(q.phase.entered_at) >= Date.parse(r2.requested_at), `phase.entered_at ${q.phase.entered_at} is before the review ${r2.requested_at}`);
  assert.deepEqual(q.criteria.map((c) => [c.key, c.met]), phaseOf(fx.P[1]).exit_criteria.map((c) => [c.key, false]), 'criteria are not those of the new phase');
  assert.deepEqual(await getProject(m1, p.id), q, 'GET differs from the decision answer');
  const reviews = await listAll(m1, `/api/v1/projects/${p.id}/gate-reviews`);
  assert.deepEqual(reviews.map((r) => r.id), [r2.id, review.id], 'not newest request first');
  flow.q = q;
});

test('gate reviews: kill needs learnings (422 learnings.learned); then stopped, listed with its learnings; no more reviews or values', async () => {
  assert.ok(flow.q, 'the previous test did not advance the project');
  const p = flow.q;
  const review = await requestReview(m1, p.id, { decision_maker_ids: [m3.user.id] });
  assert.equal(review.from_phase, fx.P[1]);
  problemCheck(await m3.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'kill', rationale: 'No customer commits.' }), 422, 'learnings.learned', 'kill without learnings');
  problemCheck(await m3.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'kill', rationale: 'No customer commits.', learnings: { learned: '' } }), 422, 'learnings.learned', 'kill with empty learnings');
  assert.equal((await getProject(m1, p.id)).status, 'active', 'a refused kill stopped the project');
  const learnings = { learned: 'Customers like the idea but will not pay for it.', do_differently: 'Ask about budgets in the first call.' };
  const killed = await decide(m3, review.id, { decision: 'kill', rationale: 'No customer commits.', learnings });
  assert.equal(killed.review.decision, 'kill');
  assert.deepEqual(killed.review.learnings, learnings);
  assert.equal(killed.project.status, 'stopped');
  assert.deepEqual(killed.project.learnings, learnings);
  assert.equal(killed.project.phase.key, fx.P[1], 'kill moved the project');
  // Stopped with learnings.
  const stopped = await listAll(im, '/api/v1/projects?status=stopped');
  const row = stopped.find((x) => x.id === p.id);
  assert.ok(row, 'the stopped project is not in ?status=stopped');
  assert.deepEqual(row.learnings, learnings);
  assert.ok(stopped.every((x) => x.status === 'stopped'), '?status=stopped lists other statuses');
  assert.ok(!(await listAll(im, '/api/v1/projects?status=active')).some((x) => x.id === p.id));
  // Closed: no more reviews, values or decisions.
  const more = await m1.post(`/api/v1/projects/${p.id}/gate-reviews`, {});
  assert.equal(more.status, 409, `a review of a stopped project: ${more.describe()}`);
  const kpi = fx.kpiOfKind('learning')[0];
  const val = await m1.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: kpi.key, value: 1 });
  assert.equal(val.status, 422, `a KPI value on a stopped project: ${val.describe()}`);
  assert.equal(val.code, 'failed_precondition');
  const twice = await im.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'pivot', rationale: 'Try again.', pivot_to_phase: fx.P[0], new_hypothesis: 'x' });
  assert.equal(twice.status, 409, twice.describe());
  assert.equal((await getProject(m1, p.id)).status, 'stopped');
});

test('gate reviews: pivot back to an earlier phase with a new hypothesis (never forward)', async () => {
  const p = await createProject(m1, fx.fw.id);
  const went = await advance(m1, p, im);
  assert.equal(went.project.phase.key, fx.P[1]);
  const review = await requestReview(m1, p.id, {});
  problemCheck(await im.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'pivot', rationale: 'Skip ahead.', pivot_to_phase: fx.P[2], new_hypothesis: 'Faster.' }),
    422, 'pivot_to_phase', 'pivot to a later phase');
  problemCheck(await im.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'pivot', rationale: 'Back.', pivot_to_phase: fx.P[0] }),
    422, 'new_hypothesis', 'pivot without a new hypothesis');
  problemCheck(await im.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'pivot', rationale: 'Back.', pivot_to_phase: 'nowhere', new_hypothesis: 'x' }),
    422, 'pivot_to_phase', 'pivot to an unknown phase');
  const hypothesis = 'Maintenance teams, not operators, feel the pain.';
  const pivoted = await decide(im, review.id, { decision: 'pivot', rationale: 'We talked to the wrong people.', pivot_to_phase: fx.P[0], new_hypothesis: hypothesis });
  assert.equal(pivoted.review.decision, 'pivot');
  assert.equal(pivoted.review.pivot_to_phase, fx.P[0]);
  assert.equal(pivoted.review.new_hypothesis, hypothesis);
  assert.equal(pivoted.project.phase.key, fx.P[0]);
  assert.equal(pivoted.project.status, 'active');
  assert.equal(pivoted.project.hypothesis, hypothesis, 'the new hypothesis did not replace the old one');
  assert.notEqual(pivoted.project.phase.entered_at, went.project.phase.entered_at, 'a pivot did not reset phase.entered_at');
  assert.deepEqual(await getProject(m1, p.id), pivoted.project);
});

test('gate reviews: go out of a phase that requires gatekeepers needs them present (422 gatekeepers)', async () => {
  const idx = fx.v.phases.findIndex((ph) => ph.gatekeepers.length > 0);
  assert.ok(idx > 0 && idx < fx.P.length - 1, 'the default template has no middle phase with gatekeepers (Co-design: legal)');
  let p = await createProject(m1, fx.fw.id);
  for (let i = 0; i < idx; i += 1) p = (await advance(m1, p, im)).project;
  assert.equal(p.phase.key, fx.P[idx]);
  for (const c of p.criteria) await checkCriterion(m1, p.id, c.key, true);
  const review = await requestReview(m1, p.id, {});
  assert.deepEqual(review.gatekeepers_required, fx.v.phases[idx].gatekeepers);
  problemCheck(await im.post(`/api/v1/gate-reviews/${review.id}/decision`, { decision: 'go', rationale: 'Ready.' }), 422, 'gatekeepers', 'go without gatekeepers');
  const present = [];
  for (const area of fx.v.phases[idx].gatekeepers) {
    present.push((await createStakeholder(im, { name: unique(`Gatekeeper ${area} `), kind: 'internal_gatekeeper', internal: true, gatekeeper_area: area })).id);
  }
  const went = await decide(im, review.id, { decision: 'go', rationale: 'Legal was there.', gatekeepers_present: present });
  assert.deepEqual([...went.review.gatekeepers_present].sort((a, b) => a - b), [...present].sort((a, b) => a - b));
  assert.equal(went.project.phase.key, fx.P[idx + 1]);
});

test('gate reviews: two decisions racing on one review → exactly one 2xx and one 409, and the project follows the winner', async () => {
  for (let round = 0; round < 6; round += 1) {
    const p = await createProject(m1, fx.fw.id, { title: unique(`Race ${round} `) });
    const review = await requestReview(m1, p.id, { decision_maker_ids: [m3.user.id] });
    const learnings = { learned: `Round ${round}: nobody wanted it.`, do_differently: '' };
    const deciders = [[admin, { decision: 'kill', rationale: 'Stop.', learnings }], [round % 2 ? m3 : im, { decision: 'hold', rationale: 'Wait.' }]];
    if (round % 3 === 2) deciders.reverse();
    const answers = await Promise.all(deciders.map(([b, body]) => b.post(`/api/v1/gate-reviews/${review.id}/decision`, body)));
    const statuses = answers.map((r) => r.status);
    const ok = answers.filter((r) => r.ok);
    const lost = answers.filter((r) => r.status === 409);
    assert.equal(ok.length, 1, `round ${round}: ${statuses.join(', ')}: ${answers.map((r) => r.text.slice(0, 200)).join(' | ')}`);
    assert.equal(lost.length, 1, `round ${round}: ${statuses.join(', ')}`);
    assert.equal(lost[0].code, 'conflict');
    const winner = ok[0].json.review.decision;
    const now = await getProject(m1, p.id);
    assert.equal(now.status, winner === 'kill' ? 'stopped' : 'on_hold', `round ${round}: ${winner} won, the project is ${now.status}`);
    assert.deepEqual(now.learnings, winner === 'kill' ? learnings : null, `round ${round}: learnings of the loser`);
    const [stored] = await listAll(m1, `/api/v1/projects/${p.id}/gate-reviews`);
    assert.equal(stored.decision, winner, `round ${round}: the stored review says ${stored.decision}, the winner ${winner}`);
  }
});

// ---- portfolio -----------------------------------------------------------------------------

test('portfolio: the board groups by phase of the current version, ask-first first; the funnel adds up', async () => {
  const f = await createFramework(im, { name: unique('Funnel '), template: simpleVersion(['alpha', 'beta', 'gamma']) });
  const fw = await getFramework(im, f.id);
  const [a, b, c] = fw.current.phases.map((x) => x.key);
  const mk = (title, fields = {}) => createProject(m1, f.id, { title: unique(title), ...fields });
  // p1: a → b → c → completed; p2: killed in a; p3: a → b, pivot back to a (sponsored);
  // p4: held in a; p5: untouched, a kill criterion met (ask first); p6: a → b.
  const p1 = await mk('Done ');
  let x = await advance(m1, p1, im);
  x = await advance(m1, x.project, im);
  x = await advance(m1, x.project, im);
  assert.equal(x.project.status, 'completed', 'go out of the last phase did not complete the project');
  assert.equal(x.project.phase.key, c, 'a completed project left the last phase');
  const p2 = await mk('Killed ');
  const r2 = await requestReview(m1, p2.id);
  await decide(im, r2.id, { decision: 'kill', learnings: { learned: 'Too early.' } });
  const p3 = await mk('Pivoted ', { sponsor_id: im.user.id });
  await advance(m1, p3, im);
  const r3 = await requestReview(m1, p3.id);
  await decide(im, r3.id, { decision: 'pivot', pivot_to_phase: a, new_hypothesis: 'Another angle.' });
  const p4 = await mk('Held ');
  const r4 = await requestReview(m1, p4.id);
  await decide(im, r4.id, { decision: 'hold' });
  const p5 = await mk('Ask first ', { kill_criteria: [{ key: 'no_budget', text: 'No budget by June.' }] });
  const k5 = await m1.put(`/api/v1/projects/${p5.id}/kill-criteria/no_budget`, { met: true });
  assert.equal(k5.status, 200, k5.describe());
  assert.deepEqual(k5.json.kill_criteria, [{ key: 'no_budget', text: 'No budget by June.', met: true }]);
  assert.ok(k5.json.health.signals.some((s) => s.key === 'kill_criteria_met' && s.severity === 'critical'), `no critical kill_criteria_met: ${JSON.stringify(k5.json.health)}`);
  assert.equal(k5.json.health.ask_first, true);
  assert.equal((await m1.put(`/api/v1/projects/${p5.id}/kill-criteria/no_such_key`, { met: true })).status, 404);
  const p6 = await mk('Advanced ');
  await advance(m1, p6, im);

  // The board (active and on-hold by default).
  const board = await m3.get(`/api/v1/portfolio?framework_id=${f.id}`);
  assert.equal(board.status, 200, board.describe());
  hasKeys(board.json, ['framework', 'columns'], 'board');
  assert.deepEqual(board.json.framework, { id: f.id, name: fw.name, version: 1 });
  assert.deepEqual(board.json.columns.map((col) => [col.key, col.name, col.max_days]), fw.current.phases.map((ph) => [ph.key, ph.name, ph.max_days]));
  const col = (bd, key) => bd.json.columns.find((cl) => cl.key === key).cards;
  for (const cl of board.json.columns) for (const card of cl.cards) {
    hasKeys(card, CARD_KEYS, 'card');
    onlyKeys(card.lead, ['id', 'display_name'], 'card.lead');
    assertHealth(card.health, `card ${card.id}.health`);
    assert.ok(Number.isInteger(card.days_in_phase) && card.days_in_phase >= 0);
  }
  // Ask first first, then lowest score first: p5 (kill criterion met), p4 (no sponsor), p3 (sponsored).
  assert.deepEqual(col(board, a).map((cd) => cd.id), [p5.id, p4.id, p3.id], `column ${a}: ${JSON.stringify(col(board, a).map((cd) => [cd.title, cd.health.score, cd.health.ask_first]))}`);
  assert.deepEqual(col(board, b).map((cd) => cd.id), [p6.id]);
  assert.deepEqual(col(board, c).map((cd) => cd.id), [], 'a completed project is on the default board');
  assert.deepEqual(col(board, a).map((cd) => cd.status), ['active', 'on_hold', 'active']);
  const card5 = col(board, a)[0];
  assert.equal(card5.title, p5.title);
  assert.deepEqual(card5.lead, ref(m1));
  assert.equal(card5.days_in_phase, 0);
  const stoppedBoard = await m3.get(`/api/v1/portfolio?framework_id=${f.id}&status=stopped`);
  assert.equal(stoppedBoard.status, 200, stoppedBoard.describe());
  assert.deepEqual(stoppedBoard.json.columns.map((cl) => cl.cards.map((cd) => cd.id)), [[p2.id], [], []]);
  const doneBoard = await m3.get(`/api/v1/portfolio?framework_id=${f.id}&status=completed`);
  assert.deepEqual(doneBoard.json.columns.map((cl) => cl.cards.map((cd) => cd.id)), [[], [], [p1.id]]);
  assert.equal((await m3.get('/api/v1/portfolio?framework_id=999999')).status, 404);
  assert.equal((await m3.get('/api/v1/portfolio')).status, 400, 'framework_id is required');

  // The funnel: events, so entered = advanced + killed + pivoted_back + completed + current.
  const funnel = await m3.get(`/api/v1/portfolio/funnel?framework_id=${f.id}`);
  assert.equal(funnel.status, 200, funnel.describe());
  hasKeys(funnel.json, ['framework', 'since', 'phases'], 'funnel');
  assert.equal(funnel.json.since, null);
  for (const row of funnel.json.phases) {
    hasKeys(row, FUNNEL_KEYS, 'funnel phase');
    assert.equal(row.entered, row.advanced + row.killed + row.pivoted_back + row.completed + row.current,
      `funnel ${row.key}: entered ${row.entered} ≠ advanced + killed + pivoted_back + completed + current: ${JSON.stringify(row)}`);
  }
  const counts = funnel.json.phases.map((row) => FUNNEL_KEYS.map((k) => row[k]));
  assert.deepEqual(counts, [
    // key name entered advanced killed held pivoted_back completed current
    [a, fw.current.phases[0].name, 7, 3, 1, 1, 0, 0, 3],
    [b, fw.current.phases[1].name, 3, 1, 0, 0, 1, 0, 1],
    [c, fw.current.phases[2].name, 1, 0, 0, 0, 0, 1, 0],
  ], `funnel: ${JSON.stringify(funnel.json.phases)}`);
  const later = await m3.get(`/api/v1/portfolio/funnel?framework_id=${f.id}&since=${day(1)}`);
  assert.equal(later.status, 200, later.describe());
  assert.equal(later.json.since, day(1));
  for (const row of later.json.phases) for (const k of FUNNEL_KEYS.slice(2)) assert.equal(row[k], 0, `funnel since tomorrow: ${JSON.stringify(row)}`);
  assert.equal((await m3.get('/api/v1/portfolio/funnel?framework_id=999999')).status, 404);

  // The default framework's board and funnel: every card in the column of its phase, funnel adds up.
  const main = await m3.get(`/api/v1/portfolio?framework_id=${fx.fw.id}`);
  assert.equal(main.status, 200, main.describe());
  for (const cl of main.json.columns) {
    for (let i = 0; i < cl.cards.length; i += 1) {
      const card = cl.cards[i];
      const proj = await getProject(m3, card.id);
      assert.equal(proj.phase.key, cl.key, `card ${card.id} is in column ${cl.key}, the project in ${proj.phase.key}`);
      assert.ok(['active', 'on_hold'].includes(proj.status));
      if (i > 0) {
        const prev = cl.cards[i - 1].health;
        assert.ok(prev.ask_first > card.health.ask_first || (prev.ask_first === card.health.ask_first && prev.score <= card.health.score),
          `column ${cl.key} is not sorted by health at ${i}`);
      }
    }
  }
  const mainFunnel = await m3.get(`/api/v1/portfolio/funnel?framework_id=${fx.fw.id}`);
  assert.equal(mainFunnel.status, 200, mainFunnel.describe());
  for (const row of mainFunnel.json.phases) {
    assert.equal(row.entered, row.advanced + row.killed + row.pivoted_back + row.completed + row.current, `default funnel ${row.key}: ${JSON.stringify(row)}`);
  }
  assert.ok(mainFunnel.json.phases[0].entered >= 10, `the default funnel counts only ${mainFunnel.json.phases[0].entered} projects`);
});

test('portfolio: POST /portfolio/health recomputes every project and answers {projects, seconds}', async () => {
  const all = new Set();
  for (const s of STATUSES) for (const x of await listAll(admin, `/api/v1/projects?status=${s}`)) all.add(x.id);
  const res = await im.post('/api/v1/portfolio/health');
  assert.equal(res.status, 200, res.describe());
  onlyKeys(res.json, ['projects', 'seconds'], 'health recompute');
  assert.equal(res.json.projects, all.size, `recomputed ${res.json.projects}, there are ${all.size} projects`);
  assert.ok(typeof res.json.seconds === 'number' && res.json.seconds >= 0 && res.json.seconds < 60, `seconds ${res.json.seconds}`);
  const before = fx.full;
  const after = await getProject(m1, before.id);
  assertHealth(after.health);
  assert.ok(Date.parse(after.health.computed_at) >= Date.parse(before.health.computed_at), 'computed_at went back');
  const denied = await m1.post('/api/v1/portfolio/health');
  assert.equal(denied.status, 403, denied.describe());
  assert.equal(denied.code, 'permission_denied');
});

// ---- events --------------------------------------------------------------------------------

test('events: every write appends an internal event of a project, framework or gate review, by its actor; refused writes none', async () => {
  const problems = [];
  const step = async (what, actor, write, objects) => {
    const mark = await lastEventId(admin);
    const out = await write();
    const evs = (await eventsAfter(admin, mark)).filter((e) => e.actor && e.actor.id === actor.user.id);
    const objs = objects(out);
    const hit = evs.filter((e) => objs.some(([type, id]) => e.object_type === type && e.object_id === id));
    if (hit.length === 0) problems.push(`${what}: no event of ${JSON.stringify(objs)} by ${actor.user.id}; new: ${JSON.stringify(evs.map((e) => [e.verb, e.object_type, e.object_id]))}`);
    for (const e of hit) if (e.visibility !== 'internal') problems.push(`${what}: ${e.verb} has visibility ${e.visibility}`);
    return out;
  };
  const body = (res, status, what) => expectStatus(res, status, what).json;
  const f = await step('framework create', im, async () => body(await im.post('/api/v1/frameworks', { name: unique('Ev fw ') }), 201, 'create'), (x) => [['framework', x.id]]);
  const fv = (await getFramework(im, f.id)).current;
  await step('version publish', im, async () => body(await im.post(`/api/v1/frameworks/${f.id}/versions`, versionBody(fv)), 201, 'publish'), () => [['framework', f.id]]);
  const p = await step('project create', m1, async () => createProject(m1, f.id, { kill_criteria: [{ key: 'k_one', text: 'Stop if no one cares.' }] }), (x) => [['project', x.id]]);
  const patched = await step('project patch', m1, async () => body(await m1.patch(`/api/v1/projects/${p.id}`, { title: unique('Ev renamed '), version: p.version }), 200, 'patch'), () => [['project', p.id]]);
  assert.ok(patched);
  const crit = p.criteria[0].key;
  await step('criterion check', m1, async () => checkCriterion(m1, p.id, crit, true), () => [['project', p.id]]);
  await step('kill criterion', m1, async () => body(await m1.put(`/api/v1/projects/${p.id}/kill-criteria/k_one`, { met: true }), 200, 'kill criterion'), () => [['project', p.id]]);
  const kpi = fv.kpis[0].key;
  await step('KPI value', m1, async () => body(await m1.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: kpi, value: 2 }), 201, 'kpi'), () => [['project', p.id]]);
  const r = await step('review request', m1, async () => requestReview(m1, p.id), (x) => [['gate_review', x.id], ['project', p.id]]);
  await step('decision', im, async () => decide(im, r.id, { decision: 'hold' }), () => [['gate_review', r.id], ['project', p.id]]);
  await step('migrate', m1, async () => body(await m1.post(`/api/v1/projects/${p.id}/migrate`, { version: 1 }), 200, 'migrate'), () => [['project', p.id]]);
  await step('share', m1, async () => body(await m1.put(`/api/v1/projects/${p.id}/share`, { space_id: space.id, summary: 'What we do.' }), 200, 'share'), () => [['project', p.id]]);
  await step('unshare', m1, async () => expectStatus(await m1.del(`/api/v1/projects/${p.id}/share`), 204, 'unshare'), () => [['project', p.id]]);
  // Refused writes append nothing.
  const mark = await lastEventId(admin);
  const r2 = await requestReview(m1, p.id);
  const mark2 = await lastEventId(admin);
  assert.ok(mark2 > mark, 'the review request appended no event at all');
  assert.equal((await m1.post(`/api/v1/projects/${p.id}/gate-reviews`, {})).status, 409);
  assert.equal((await im.post(`/api/v1/gate-reviews/${r2.id}/decision`, { decision: 'kill', rationale: 'x' })).status, 422);
  const pv = (await getProject(m1, p.id)).version;
  assert.equal((await m3.patch(`/api/v1/projects/${p.id}`, { title: 'Not mine', version: pv })).status, 403);
  assert.equal((await m1.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: 'nope', value: 1 })).status, 422);
  assert.equal((await m1.post('/api/v1/frameworks', { name: 'By a member' })).status, 403);
  const leftover = await eventsAfter(admin, mark2);
  if (leftover.length) problems.push(`refused writes appended ${JSON.stringify(leftover.map((e) => [e.verb, e.object_type, e.object_id]))}`);
  assert.deepEqual(problems, [], problems.join('\n'));
});

// ---- external participants -----------------------------------------------------------------

test('external participants: internal project routes are 404; a shared project shows only its summary', async () => {
  const p = await createProject(m1, fx.fw.id, { title: unique('Shared with A ') });
  const shared = await m1.put(`/api/v1/projects/${p.id}/share`, { space_id: space.id, summary: 'A sensor kit for plant operators.' });
  assert.equal(shared.status, 200, shared.describe());
  assert.equal(shared.json.share.space_id, space.id);
  assert.equal(shared.json.share.summary, 'A sensor kit for plant operators.');
  assertTime(shared.json.share.shared_at, 'share.shared_at');
  problemCheck(await m1.put(`/api/v1/projects/${p.id}/share`, { space_id: 999999, summary: 'x' }), 422, 'space_id', 'share with an unknown space');
  const got = await external.get(`/api/v1/projects/${p.id}`);
  assert.equal(got.status, 200, got.describe());
  assert.deepEqual(got.json, {
    id: p.id, title: p.title, phase: { key: p.phase.key, name: p.phase.name }, summary: 'A sensor kit for plant operators.', shared_at: shared.json.share.shared_at,
  });
  const list = await external.get('/api/v1/projects');
  assert.equal(list.status, 200, list.describe());
  assert.deepEqual(list.json.items, [got.json], 'the external list is not exactly the shared summary');
  for (const [method, path] of [['GET', `/api/v1/projects/${p.id}/kpi-values`], ['GET', `/api/v1/projects/${p.id}/gate-reviews`],
    ['GET', '/api/v1/frameworks'], ['GET', `/api/v1/frameworks/${fx.fw.id}`], ['GET', `/api/v1/portfolio?framework_id=${fx.fw.id}`],
    ['GET', `/api/v1/portfolio/funnel?framework_id=${fx.fw.id}`], ['GET', '/api/v1/gate-reviews']]) {
    const res = await external.request(method, path);
    assert.equal(res.status, 404, `external ${method} ${path}: ${res.describe()}`);
  }
  expectStatus(await m1.del(`/api/v1/projects/${p.id}/share`), 204, 'unshare');
  assert.equal((await external.get(`/api/v1/projects/${p.id}`)).status, 404, 'still visible after unsharing');
  assert.equal((await getProject(m1, p.id)).share, null);
  expectStatus(await m1.del(`/api/v1/projects/${p.id}/share`), 204, 'unshare when not shared');
});
