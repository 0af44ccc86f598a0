'use strict';
// Project health as time passes (docs/api-projects.md "Health and fail-fast signals",
// src/projects/project_rules.cpp): each signal with its exact severity, value and text, the
// score formula, the board and the ask-first list that follow the stored health, and the edge
// rules of the project write bodies that projects.test.js does not reach.
//
// The server runs with a test clock (--test-clock-offset-file, src/core/clock.cpp): the file
// holds seconds ahead of real time, re-read at most once a second, so every move writes the
// file, renames it into place and waits 1.2 s. The offset only grows in this file; each test
// counts its days from the moment it created its own projects. Health changes only on writes
// and on POST /portfolio/health, so the tests recompute after each move. Sessions expire
// after 30 idle minutes of that clock, so every request goes through an API token.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startServer, tmpDir, sleep } = require('../support/server');
const { Api, unique, listAll, expectStatus } = require('../support/client');
const { hasKeys, onlyKeys, assertTime } = require('../support/shapes');
const { createStakeholder, createNeed, problemFields } = require('../support/stakeholders');
const {
  CARD_KEYS, GOOD_FIT, POOR_FIT, simpleVersion, versionBody, createFramework, getFramework, projectBody, createProject, getProject,
  checkCriterion, requestReview, decide, advance, assertHealth, assertProject,
} = require('../support/projects');

const DAY_MS = 86400000;

let api;
let admin; // API-token clients, one per user
let im;
let lead;
let exec; // the executive sponsor
let clockFile;
let offsetSeconds = 0;
const fx = {};

// A token client that acts as `browser`'s user (tokens outlive the test clock's jumps).
async function tokenClient(browser, name) {
  const tok = await api.createToken(browser, ['read', 'write']);
  const client = api.tokenClient(tok.token, name);
  client.user = browser.user;
  return client;
}

before(async () => {
  clockFile = path.join(tmpDir('clock-'), 'offset');
  fs.writeFileSync(clockFile, '0\n');
  const srv = await startServer({ args: ['--test-clock-offset-file', clockFile] });
  api = new Api(srv);
  const adminB = await api.setupAdmin();
  const imB = await api.createUser('innovation_manager');
  const leadB = await api.createUser('member');
  const execB = await api.createUser('member', ['executive']);
  admin = await tokenClient(adminB, 'admin');
  im = await tokenClient(imB, 'innovation_manager');
  lead = await tokenClient(leadB, 'lead');
  exec = await tokenClient(execB, 'executive');
  // A long phase (365 days), so that only the signal under test moves in the contact and
  // interest tests.
  fx.long = await createFramework(im, { name: unique('Long phases '), template: simpleVersion(['alpha', 'beta', 'gamma'], { maxDays: 365 }) });
});

// ---- the clock -----------------------------------------------------------------------------

// The server's "now" as this process sees it (the offset is written before it is used).
function serverNow() { return Date.now() + offsetSeconds * 1000; }
// Moves the server's clock `days` ahead and waits until the server has read the file.
async function advanceDays(days) {
  offsetSeconds += days * 86400;
  fs.writeFileSync(`${clockFile}.tmp`, `${offsetSeconds}\n`);
  fs.renameSync(`${clockFile}.tmp`, clockFile);
  await sleep(1200);
}
// POST /portfolio/health: stored health follows the clock only after this (or a write).
async function recompute() {
  const res = await admin.post('/api/v1/portfolio/health');
  expectStatus(res, 200, 'POST /api/v1/portfolio/health');
  onlyKeys(res.json, ['projects', 'seconds'], 'health recompute');
  assert.ok(res.json.projects >= 1, `recomputed ${res.json.projects} projects`);
  return res.json;
}
// A time a minute ago on the server's clock: a held interaction may not lie in the future.
const justNow = () => new Date(serverNow() - 60000).toISOString();

// ---- helpers -------------------------------------------------------------------------------

// [key, severity, value, text] of each signal, in the order the server gives them.
const signals = (h) => h.signals.map((s) => [s.key, s.severity, s.value, s.text]);
async function healthOf(id, what = `project ${id}`) {
  const p = await getProject(lead, id);
  assertHealth(p.health, `${what}.health`);
  return p.health;
}
// Checks the whole health of a project: its signals, score, level and ask_first.
async function expectHealth(id, expected, what) {
  const h = await healthOf(id, what);
  assert.deepEqual(signals(h), expected.signals, `${what}: signals ${JSON.stringify(h.signals)}`);
  assert.equal(h.score, expected.score, `${what}: score`);
  assert.equal(h.level, expected.level, `${what}: level`);
  assert.equal(h.ask_first, expected.ask_first, `${what}: ask_first`);
  return h;
}
const HEALTHY = { signals: [], score: 100, level: 'healthy', ask_first: false };
const warning = (signal) => ({ signals: [signal], score: 85, level: 'healthy', ask_first: false });
const critical = (signal) => ({ signals: [signal], score: 65, level: 'watch', ask_first: true });

const contact = (days) => ['no_customer_contact', days > 45 ? 'critical' : 'warning', days, `No customer contact in ${days} days.`];

async function interaction(stakeholderId, fields = {}) {
  const { interest, ...rest } = fields;
  const body = {
    title: unique('Call '),
    type: 'call',
    occurred_at: justNow(),
    stakeholders: [{ stakeholder_id: stakeholderId, ...(interest ? { interest } : {}) }],
    ...rest,
  };
  const res = await lead.post('/api/v1/interactions', body);
  expectStatus(res, 201, `POST /api/v1/interactions ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}

const problemCheck = (res, status, field, what, code = null) => {
  assert.equal(res.status, status, `${what}: ${res.describe()}`);
  assert.ok(res.isProblem, `${what}: not problem+json`);
  if (code) assert.equal(res.code, code, `${what}: code`);
  if (field) assert.equal(res.json.field, field, `${what}: the problem's field is not ${field}: ${res.text}`);
  if (field) assert.ok(problemFields(res).includes(field), `${what}: the problem does not name ${field}: ${res.text}`);
};

// ---- no_sponsor ----------------------------------------------------------------------------

test('no_sponsor: a fresh project without a sponsor has exactly that warning (85); naming a sponsor clears it, removing one brings it back', async () => {
  const p = await createProject(lead, fx.long.id);
  assertProject(p);
  assert.equal(p.sponsor, null);
  assert.deepEqual(signals(p.health), [['no_sponsor', 'warning', null, 'No executive sponsor.']]);
  assert.equal(p.health.score, 85);
  assert.equal(p.health.level, 'healthy', '85 is not below 80');
  assert.equal(p.health.ask_first, false);
  assertTime(p.health.computed_at, 'health.computed_at');
  assert.ok(Math.abs(Date.parse(p.health.computed_at) - serverNow()) < 60000, `computed_at ${p.health.computed_at} is not the server's now`);
  // Health is stored: GET answers the same.
  assert.deepEqual((await getProject(lead, p.id)).health, p.health);

  const withSponsor = await lead.patch(`/api/v1/projects/${p.id}`, { sponsor_id: exec.user.id, version: p.version });
  assert.equal(withSponsor.status, 200, withSponsor.describe());
  assert.deepEqual(withSponsor.json.sponsor, { id: exec.user.id, display_name: exec.user.display_name });
  assert.deepEqual(signals(withSponsor.json.health), [], `a sponsored project: ${JSON.stringify(withSponsor.json.health)}`);
  assert.equal(withSponsor.json.health.score, 100);
  assert.equal(withSponsor.json.health.level, 'healthy');
  await expectHealth(p.id, HEALTHY, 'after PATCH sponsor_id');

  const without = await lead.patch(`/api/v1/projects/${p.id}`, { sponsor_id: null, version: withSponsor.json.version });
  assert.equal(without.status, 200, without.describe());
  assert.equal(without.json.sponsor, null);
  assert.deepEqual(signals(without.json.health), [['no_sponsor', 'warning', null, 'No executive sponsor.']]);
  // A sponsor given at creation: no signal at all.
  const sponsored = await createProject(lead, fx.long.id, { sponsor_id: exec.user.id });
  assert.deepEqual(signals(sponsored.health), []);
  assert.equal(sponsored.health.score, 100);
});

// ---- no_customer_contact -------------------------------------------------------------------

test('no_customer_contact: > 21 days since the last held interaction with a customer → warning, > 45 → critical and ask first; a new held one clears it', async () => {
  const customer = await createStakeholder(lead, { name: unique('Customer '), kind: 'customer' });
  const partner = await createStakeholder(lead, { name: unique('Partner '), kind: 'partner' });
  const sponsored = { sponsor_id: exec.user.id };
  // p: a customer met today. never: no interaction at all (counted from the project's start).
  // viaPartner: only a partner met today, which is not customer contact.
  const p = await createProject(lead, fx.long.id, { ...sponsored, stakeholders: [{ stakeholder_id: customer.id, role: 'customer' }] });
  const never = await createProject(lead, fx.long.id, { ...sponsored });
  const viaPartner = await createProject(lead, fx.long.id, { ...sponsored, stakeholders: [{ stakeholder_id: partner.id, role: 'partner' }] });
  await interaction(customer.id);
  await interaction(partner.id);
  await recompute();
  for (const x of [p, never, viaPartner]) await expectHealth(x.id, HEALTHY, `day 0, project ${x.title}`);

  let day = 0;
  const to = async (target) => { await advanceDays(target - day); day = target; await recompute(); };

  await to(21);
  for (const x of [p, never, viaPartner]) await expectHealth(x.id, HEALTHY, `day 21 (not more than 21), ${x.title}`);
  await to(22);
  for (const x of [p, never, viaPartner]) await expectHealth(x.id, warning(contact(22)), `day 22, ${x.title}`);
  await to(30);
  const h30 = await expectHealth(p.id, warning(contact(30)), 'day 30');
  assert.equal(h30.signals[0].text, 'No customer contact in 30 days.');
  assert.ok(Math.abs(Date.parse(h30.computed_at) - serverNow()) < 60000, `computed_at ${h30.computed_at} is not the server's (moved) now`);
  await to(45);
  await expectHealth(p.id, warning(contact(45)), 'day 45 (not more than 45)');
  await to(46);
  await expectHealth(p.id, critical(contact(46)), 'day 46');
  await to(50);
  const h50 = await expectHealth(p.id, critical(contact(50)), 'day 50');
  assert.equal(h50.signals[0].text, 'No customer contact in 50 days.');
  assert.equal(h50.ask_first, true);
  for (const x of [never, viaPartner]) await expectHealth(x.id, critical(contact(50)), `day 50, ${x.title}`);
  const askFirst = await listAll(lead, `/api/v1/projects?ask_first=true&framework_id=${fx.long.id}`);
  assert.ok(askFirst.some((x) => x.id === p.id), '?ask_first=true does not list a project with a critical signal');

  // A planned interaction is not contact.
  await interaction(customer.id, { status: 'planned', occurred_at: new Date(serverNow() + 2 * DAY_MS).toISOString() });
  await recompute();
  await expectHealth(p.id, critical(contact(50)), 'after a planned interaction');
  // A held one is.
  await interaction(customer.id);
  await recompute();
  await expectHealth(p.id, HEALTHY, 'after a new held interaction');
  await expectHealth(viaPartner.id, critical(contact(50)), 'the partner project after the customer call');
  assert.ok((await listAll(lead, `/api/v1/projects?ask_first=false&framework_id=${fx.long.id}`)).some((x) => x.id === p.id),
    '?ask_first=false does not list the project once contact is back');
  assert.ok(!(await listAll(lead, `/api/v1/projects?ask_first=true&framework_id=${fx.long.id}`)).some((x) => x.id === p.id));
});

// ---- interest_trend ------------------------------------------------------------------------

test('interest_trend: committed 60–120 days ago, curious in the last 60 → warning "from committed to curious"; steady interest or one empty window → none', async () => {
  const falling = await createStakeholder(lead, { name: unique('Cooling customer '), kind: 'customer' });
  const steady = await createStakeholder(lead, { name: unique('Steady customer '), kind: 'customer' });
  const p = await createProject(lead, fx.long.id, { sponsor_id: exec.user.id, stakeholders: [{ stakeholder_id: falling.id, role: 'customer' }] });
  const q = await createProject(lead, fx.long.id, { sponsor_id: exec.user.id, stakeholders: [{ stakeholder_id: steady.id, role: 'customer' }] });
  await interaction(falling.id, { interest: 'committed' });
  await interaction(steady.id, { interest: 'interested' });
  await recompute();
  // Only one window has statements yet: no trend.
  await expectHealth(p.id, HEALTHY, 'one window only');

  await advanceDays(90);
  await interaction(falling.id, { interest: 'curious' });
  await interaction(steady.id, { interest: 'interested' });
  await recompute();
  // The mean drops by 2 steps (committed 3 → curious 1).
  await expectHealth(p.id, warning(['interest_trend', 'warning', 2, 'Customer interest is falling: from committed to curious.']), 'day 90');
  await expectHealth(q.id, HEALTHY, 'steady interest');

  // 121 days after the committed call it is out of both windows: no trend, but 31 days of silence.
  await advanceDays(31);
  await recompute();
  await expectHealth(p.id, warning(contact(31)), 'day 121');
  await expectHealth(q.id, warning(contact(31)), 'day 121, steady');
});

// ---- kill_criteria_met ---------------------------------------------------------------------

test('kill_criteria_met: critical with the criterion\'s text; two listed together; critical first and the score formula at 50', async () => {
  const kills = [{ key: 'no_site', text: 'No pilot site by March.' }, { key: 'no_budget', text: 'No budget by June' }];
  const p = await createProject(lead, fx.long.id, { sponsor_id: exec.user.id, kill_criteria: kills });
  assert.deepEqual(signals(p.health), []);
  const one = await lead.put(`/api/v1/projects/${p.id}/kill-criteria/no_site`, { met: true });
  assert.equal(one.status, 200, one.describe());
  assert.deepEqual(one.json.kill_criteria, [{ ...kills[0], met: true }, { ...kills[1], met: false }]);
  await expectHealth(p.id, critical(['kill_criteria_met', 'critical', 1, 'Kill criterion met: No pilot site by March.']), 'one kill criterion met');
  const two = await lead.put(`/api/v1/projects/${p.id}/kill-criteria/no_budget`, { met: true });
  assert.equal(two.status, 200, two.describe());
  await expectHealth(p.id, critical(['kill_criteria_met', 'critical', 2, 'Kill criteria met: No pilot site by March; No budget by June.']), 'two kill criteria met');
  for (const k of kills) expectStatus(await lead.put(`/api/v1/projects/${p.id}/kill-criteria/${k.key}`, { met: false }), 200, `unmark ${k.key}`);
  await expectHealth(p.id, HEALTHY, 'no kill criterion met');
  problemCheck(await lead.put(`/api/v1/projects/${p.id}/kill-criteria/no_site`, {}), 422, 'met', 'met is required', 'invalid_argument');

  // Without a sponsor: the critical signal first, then the warning; 100 − 35 − 15 = 50 is "watch", and ask first.
  const q = await createProject(lead, fx.long.id, { kill_criteria: [kills[0]] });
  expectStatus(await lead.put(`/api/v1/projects/${q.id}/kill-criteria/no_site`, { met: true }), 200, 'kill criterion');
  await expectHealth(q.id, {
    signals: [['kill_criteria_met', 'critical', 1, 'Kill criterion met: No pilot site by March.'], ['no_sponsor', 'warning', null, 'No executive sponsor.']],
    score: 50, level: 'watch', ask_first: true,
  }, 'kill criterion met without a sponsor');
});

// ---- time in phase, open exit criteria, the board ------------------------------------------

test('time_in_phase and open_exit_criteria follow the clock; the board sorts ask-first first and counts days_in_phase; ?ask_first lists them', async () => {
  const f = await createFramework(im, { name: unique('Ten days '), template: simpleVersion(['alpha', 'beta', 'gamma'], { maxDays: 10 }) });
  const fw = await getFramework(im, f.id);
  const [alpha, beta] = fw.current.phases.map((x) => x.key);
  const customer = await createStakeholder(lead, { name: unique('Board customer '), kind: 'customer' });
  const sponsored = { sponsor_id: exec.user.id };
  // a: its exit criterion is checked on day 8; b: it never is; d: created on day 6.
  const a = await createProject(lead, f.id, { ...sponsored, title: unique('A ') });
  const b = await createProject(lead, f.id, { ...sponsored, title: unique('B ') });
  const cardIds = async (phase) => {
    const res = await lead.get(`/api/v1/portfolio?framework_id=${f.id}`);
    expectStatus(res, 200, 'GET /api/v1/portfolio');
    const col = res.json.columns.find((c) => c.key === phase);
    for (const card of col.cards) {
      hasKeys(card, CARD_KEYS, 'card');
      assertHealth(card.health, `card ${card.id}.health`);
    }
    return col.cards;
  };
  const open = (left) => ['open_exit_criteria', 'warning', 1, `1 of 1 exit criterion still open with ${left} ${left === 1 ? 'day' : 'days'} left.`];
  const late = (days) => ['time_in_phase', 2 * days > 30 ? 'critical' : 'warning', days, `In Phase alpha for ${days} days; the framework expects at most 10.`];

  let cards = await cardIds(alpha);
  assert.deepEqual(cards.map((c) => [c.id, c.days_in_phase]), [[a.id, 0], [b.id, 0]]);

  await advanceDays(6);
  // days_in_phase is counted at the request, without a recompute.
  cards = await cardIds(alpha);
  assert.deepEqual(cards.map((c) => [c.id, c.days_in_phase]), [[a.id, 6], [b.id, 6]], 'days_in_phase does not follow the clock');
  const d = await createProject(lead, f.id, {
    ...sponsored, title: unique('D '), team: [{ user_id: exec.user.id, role: 'Adviser' }], stakeholders: [{ stakeholder_id: customer.id, role: 'customer' }],
  });

  await advanceDays(2); // day 8 for a and b, 2 for d: the last 20 % of ten days starts at day 8
  await recompute();
  for (const x of [a, b]) await expectHealth(x.id, warning(open(2)), `day 8, ${x.title}`);
  await expectHealth(d.id, HEALTHY, 'day 2, d');
  const checked = await checkCriterion(lead, a.id, a.criteria[0].key, true);
  assert.deepEqual(signals(checked.health), [], 'checking the last open criterion did not clear open_exit_criteria at once');
  // Lowest score first, then by id: b (85) before a and d (100).
  cards = await cardIds(alpha);
  assert.deepEqual(cards.map((c) => c.id), [b.id, a.id, d.id], `board order on day 8: ${JSON.stringify(cards.map((c) => [c.title, c.health.score]))}`);

  await advanceDays(2); // day 10: still on time, 0 days left
  await recompute();
  await expectHealth(a.id, HEALTHY, 'day 10, a');
  await expectHealth(b.id, warning(open(0)), 'day 10, b');

  await advanceDays(1); // day 11: late; open_exit_criteria gives way to time_in_phase
  await recompute();
  await expectHealth(a.id, warning(late(11)), 'day 11, a');
  await expectHealth(b.id, warning(late(11)), 'day 11, b');
  const h11 = await healthOf(a.id);
  assert.equal(h11.signals[0].text, 'In Phase alpha for 11 days; the framework expects at most 10.');

  await advanceDays(4); // day 15: 1.5 × 10 is still a warning; d (day 9) has one day left
  await recompute();
  await expectHealth(a.id, warning(late(15)), 'day 15, a');
  await expectHealth(d.id, warning(open(1)), 'day 9, d');

  await advanceDays(1); // day 16: critical
  await recompute();
  await expectHealth(a.id, critical(late(16)), 'day 16, a');
  await expectHealth(b.id, critical(late(16)), 'day 16, b');
  await expectHealth(d.id, warning(open(0)), 'day 10, d');

  // The board: ask-first first (a, b by id), then d; days in phase from the clock.
  cards = await cardIds(alpha);
  assert.deepEqual(cards.map((c) => [c.id, c.days_in_phase, c.health.ask_first, c.health.score]),
    [[a.id, 16, true, 65], [b.id, 16, true, 65], [d.id, 10, false, 85]], `board on day 16: ${JSON.stringify(cards)}`);
  assert.deepEqual(cards[0].health, (await getProject(lead, a.id)).health, 'the card shows other health than the project');
  // ?ask_first lists exactly the ask-first projects (and the others with false).
  const yes = await listAll(lead, `/api/v1/projects?ask_first=true&framework_id=${f.id}`);
  assert.deepEqual(yes.map((x) => x.id).sort((x, y) => x - y), [a.id, b.id].sort((x, y) => x - y));
  const no = await listAll(lead, `/api/v1/projects?ask_first=false&framework_id=${f.id}`);
  assert.deepEqual(no.map((x) => x.id), [d.id]);
  assert.equal((await lead.get('/api/v1/projects?ask_first=maybe')).status, 400, 'ask_first=maybe');

  // A go resets the phase clock: a leaves the board's first column and starts fresh in beta.
  const went = await advance(lead, await getProject(lead, a.id), im);
  assert.equal(went.project.phase.key, beta);
  assert.deepEqual(signals(went.project.health), [], `health right after the go: ${JSON.stringify(went.project.health)}`);
  assert.deepEqual((await cardIds(alpha)).map((c) => c.id), [b.id, d.id]);
  assert.deepEqual((await cardIds(beta)).map((c) => [c.id, c.days_in_phase]), [[a.id, 0]]);
  await advanceDays(3);
  assert.deepEqual((await cardIds(beta)).map((c) => [c.id, c.days_in_phase]), [[a.id, 3]]);
  assert.deepEqual((await cardIds(alpha)).map((c) => [c.id, c.days_in_phase]), [[b.id, 19], [d.id, 13]]);
});

test('on hold the phase clock keeps running; migrating to a version with longer phases recomputes health at once', async () => {
  const f = await createFramework(im, { name: unique('Migrating '), template: simpleVersion(['alpha', 'beta', 'gamma'], { maxDays: 10 }) });
  const fw = await getFramework(im, f.id);
  const p = await createProject(lead, f.id, { sponsor_id: exec.user.id });
  const held = await createProject(lead, f.id, { sponsor_id: exec.user.id });
  const review = await requestReview(lead, held.id, {});
  assert.equal((await decide(im, review.id, { decision: 'hold' })).project.status, 'on_hold');
  await advanceDays(12);
  await recompute();
  const late12 = ['time_in_phase', 'warning', 12, 'In Phase alpha for 12 days; the framework expects at most 10.'];
  await expectHealth(p.id, warning(late12), 'day 12, active');
  await expectHealth(held.id, warning(late12), 'day 12, on hold');

  const body = versionBody(fw.current);
  for (const ph of body.phases) ph.max_days = 30;
  expectStatus(await im.post(`/api/v1/frameworks/${f.id}/versions`, body), 201, 'publish version 2');
  const migrated = await lead.post(`/api/v1/projects/${p.id}/migrate`, { version: 2 });
  assert.equal(migrated.status, 200, migrated.describe());
  assert.equal(migrated.json.phase.max_days, 30);
  assert.equal(migrated.json.phase.entered_at, p.phase.entered_at, 'migrating reset the phase clock');
  assert.deepEqual(signals(migrated.json.health), [], `health after migrating to 30-day phases: ${JSON.stringify(migrated.json.health)}`);
  await expectHealth(p.id, HEALTHY, 'after migrating');
  // The project left on version 1 stays late, also after a recompute.
  await recompute();
  await expectHealth(held.id, warning(late12), 'day 12, on hold, version 1');
  await expectHealth(p.id, HEALTHY, 'after migrating and a recompute');
});

test('a list item is the project as GET /projects/{id} shows it: team, stakeholders, need_ids and interaction_ids included', async () => {
  const customer = await createStakeholder(lead, { name: unique('Listed customer '), kind: 'customer' });
  const need = await createNeed(lead, customer.id);
  const p = await createProject(lead, fx.long.id, {
    title: unique('Listed '),
    sponsor_id: exec.user.id,
    team: [{ user_id: exec.user.id, role: 'Adviser' }],
    stakeholders: [{ stakeholder_id: customer.id, role: 'customer', commitment: 'One plant' }],
    need_ids: [need.id],
  });
  // interaction_ids counts from the project's start; a held call may be dated a little ahead.
  await interaction(customer.id, { occurred_at: new Date(serverNow() + 5000).toISOString() });
  const got = await getProject(lead, p.id);
  assert.equal(got.team.length, 1);
  assert.equal(got.stakeholders.length, 1);
  assert.deepEqual(got.need_ids, [need.id]);
  assert.equal(got.interaction_ids.length, 1, `interaction_ids of GET: ${JSON.stringify(got.interaction_ids)}`);
  const problems = [];
  for (const query of [`q=${encodeURIComponent(p.title)}`, `ask_first=false&framework_id=${fx.long.id}`, `lead_id=${lead.user.id}`]) {
    const item = (await listAll(lead, `/api/v1/projects?${query}`)).find((x) => x.id === p.id);
    assert.ok(item, `GET /api/v1/projects?${query} does not list the project`);
    for (const k of Object.keys(got)) {
      if (JSON.stringify(item[k]) !== JSON.stringify(got[k])) problems.push(`?${query}: ${k} is ${JSON.stringify(item[k])}, GET says ${JSON.stringify(got[k])}`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

// ---- edge rules of the write bodies --------------------------------------------------------

test('PATCH fit after the first phase → 422 failed_precondition naming fit; nothing changes', async () => {
  const p = await createProject(lead, fx.long.id);
  const went = await advance(lead, p, im);
  assert.equal(went.project.phase.key, 'beta');
  const res = await lead.patch(`/api/v1/projects/${p.id}`, { fit: POOR_FIT, version: went.project.version });
  problemCheck(res, 422, 'fit', 'PATCH fit in the second phase', 'failed_precondition');
  const now = await getProject(lead, p.id);
  assert.deepEqual(now.fit, went.project.fit);
  assert.equal(now.version, went.project.version, 'a refused PATCH moved the version');
  // Together with an allowed field the whole PATCH is refused.
  const mixed = await lead.patch(`/api/v1/projects/${p.id}`, { title: unique('Renamed '), fit: GOOD_FIT, version: now.version });
  problemCheck(mixed, 422, 'fit', 'PATCH title and fit in the second phase', 'failed_precondition');
  assert.equal((await getProject(lead, p.id)).title, p.title);
});

test('PATCH kill_criteria replaces the list and keeps `met` for the keys it keeps; met is not writable there', async () => {
  const p = await createProject(lead, fx.long.id, {
    sponsor_id: exec.user.id,
    kill_criteria: [{ key: 'no_site', text: 'No pilot site by March.' }, { key: 'no_budget', text: 'No budget by June.' }],
  });
  expectStatus(await lead.put(`/api/v1/projects/${p.id}/kill-criteria/no_site`, { met: true }), 200, 'mark no_site');
  const before = await getProject(lead, p.id);
  const res = await lead.patch(`/api/v1/projects/${p.id}`, {
    kill_criteria: [{ key: 'no_site', text: 'No pilot site by April.' }, { key: 'no_champion', text: 'No champion at the customer.' }],
    version: before.version,
  });
  assert.equal(res.status, 200, res.describe());
  assert.deepEqual(res.json.kill_criteria, [
    { key: 'no_site', text: 'No pilot site by April.', met: true },
    { key: 'no_champion', text: 'No champion at the customer.', met: false },
  ]);
  assert.deepEqual(signals(res.json.health), [['kill_criteria_met', 'critical', 1, 'Kill criterion met: No pilot site by April.']]);
  // A key that comes back after being dropped starts unmet.
  const back = await lead.patch(`/api/v1/projects/${p.id}`, { kill_criteria: [{ key: 'no_budget', text: 'No budget by June.' }], version: res.json.version });
  assert.equal(back.status, 200, back.describe());
  assert.deepEqual(back.json.kill_criteria, [{ key: 'no_budget', text: 'No budget by June.', met: false }]);
  assert.deepEqual(signals(back.json.health), []);
  // `met` goes through PUT /kill-criteria/{key} only.
  problemCheck(await lead.patch(`/api/v1/projects/${p.id}`, { kill_criteria: [{ key: 'no_budget', text: 'x', met: true }], version: back.json.version }),
    400, 'kill_criteria[0].met', 'PATCH kill_criteria with met', 'invalid_argument');
  problemCheck(await lead.patch(`/api/v1/projects/${p.id}`, { kill_criteria: [{ key: 'a', text: 'x' }, { key: 'a', text: 'y' }], version: back.json.version }),
    422, 'kill_criteria[1].key', 'a repeated kill criterion key');
  assert.equal((await getProject(lead, p.id)).version, back.json.version);
});

test('KPI values on a completed project: outcome KPIs only (422 failed_precondition naming kpi_key otherwise)', async () => {
  const body = simpleVersion(['alpha', 'beta', 'gamma'], { maxDays: 30 });
  body.kpis.push(
    { key: 'satisfaction', name: 'Satisfaction', unit: 'points', direction: 'up', kind: 'outcome', counts_from_phase: 'gamma', target: 8 },
    { key: 'revenue', name: 'Revenue', unit: 'EUR', direction: 'up', kind: 'financial', counts_from_phase: 'gamma', target: null },
  );
  const f = await createFramework(im, { name: unique('Outcomes '), template: body });
  let p = await createProject(lead, f.id, { sponsor_id: exec.user.id });
  for (let i = 0; i < 3; i += 1) p = (await advance(lead, p, im)).project;
  assert.equal(p.status, 'completed');
  assert.equal(p.phase.key, 'gamma');
  for (const key of ['talks', 'revenue']) {
    problemCheck(await lead.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: key, value: 3 }), 422, 'kpi_key', `a ${key} value on a completed project`, 'failed_precondition');
  }
  const ok = await lead.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: 'satisfaction', value: 9, note: 'after launch' });
  assert.equal(ok.status, 201, ok.describe());
  assert.equal(ok.json.phase_key, 'gamma');
  assert.equal(ok.json.counts, true);
  // The latest value under its target shows as info and costs no points.
  const low = await lead.post(`/api/v1/projects/${p.id}/kpi-values`, { kpi_key: 'satisfaction', value: 5 });
  assert.equal(low.status, 201, low.describe());
  const h = await healthOf(p.id);
  assert.deepEqual(signals(h), [['kpis_off_target', 'info', 1, 'Satisfaction: 5 points, target 8 points.']]);
  assert.equal(h.score, 100);
  assert.equal(h.level, 'healthy');
  const values = await listAll(lead, `/api/v1/projects/${p.id}/kpi-values`);
  assert.deepEqual(values.map((v) => v.kpi_key).sort(), ['satisfaction', 'satisfaction'], 'a refused value was recorded');
});

test('budget: whole units only (budget.amount), a three-letter upper-case currency (budget.currency); null clears it', async () => {
  const create = (budget) => lead.post('/api/v1/projects', projectBody(fx.long.id, { budget }));
  // A fractional amount has the wrong type for an integer field: 400 invalid_argument, as the
  // contract's BadRequest response says ("has a wrong type"), naming budget.amount.
  problemCheck(await create({ amount: 1000.5, currency: 'EUR' }), 400, 'budget.amount', 'a fractional amount', 'invalid_argument');
  problemCheck(await create({ amount: -1, currency: 'EUR' }), 422, 'budget.amount', 'a negative amount', 'invalid_argument');
  for (const currency of ['eur', 'EURO', 'E1R', 'EU']) {
    problemCheck(await create({ amount: 1000, currency }), 422, 'budget.currency', `currency ${currency}`, 'invalid_argument');
  }
  problemCheck(await create({ amount: 1000 }), 422, 'budget.currency', 'a budget without currency');
  const p = await createProject(lead, fx.long.id, { budget: { amount: 1000, currency: 'CHF' } });
  assert.deepEqual(p.budget, { amount: 1000, currency: 'CHF' });
  problemCheck(await lead.patch(`/api/v1/projects/${p.id}`, { budget: { amount: 2.25, currency: 'CHF' }, version: p.version }),
    400, 'budget.amount', 'PATCH a fractional amount', 'invalid_argument');
  const cleared = await lead.patch(`/api/v1/projects/${p.id}`, { budget: null, version: p.version });
  assert.equal(cleared.status, 200, cleared.describe());
  assert.equal(cleared.json.budget, null);
});

test('an unknown field anywhere in a body → 400 invalid_argument naming it; nothing changes', async () => {
  const f = await createFramework(im, { name: unique('Strict bodies '), template: simpleVersion(['alpha', 'beta'], { maxDays: 30 }) });
  const customer = await createStakeholder(lead, { name: unique('Customer '), kind: 'customer' });
  const space = await api.createSpace(im, {});
  const p = await createProject(lead, f.id, { kill_criteria: [{ key: 'no_site', text: 'No site.' }] });
  const review = await requestReview(lead, p.id, {});
  const base = projectBody(f.id);
  const version = simpleVersion(['one', 'two']);
  const withCriterionExtra = simpleVersion(['one', 'two']);
  withCriterionExtra.phases[0].exit_criteria.push({ key: 'second', text: 'Second', evidence_required: false, owner: 'me' });
  const withKpiExtra = simpleVersion(['one', 'two']);
  withKpiExtra.kpis[0].colour = 'red';
  const cases = [
    ['POST', '/api/v1/projects', { ...base, colour: 'red' }, 'colour'],
    ['POST', '/api/v1/projects', { ...base, fit: { ...GOOD_FIT, mood: 5 } }, 'fit.mood'],
    ['POST', '/api/v1/projects', { ...base, budget: { amount: 1, currency: 'EUR', note: 'x' } }, 'budget.note'],
    ['POST', '/api/v1/projects', { ...base, team: [{ user_id: exec.user.id, role: 'Adviser', email: 'x@example.com' }] }, 'team[0].email'],
    ['POST', '/api/v1/projects', { ...base, stakeholders: [{ stakeholder_id: customer.id, role: 'customer', name: 'x' }] }, 'stakeholders[0].name'],
    ['POST', '/api/v1/projects', { ...base, kill_criteria: [{ key: 'k', text: 'x' }, { key: 'k2', text: 'y', met: false }] }, 'kill_criteria[1].met'],
    ['POST', '/api/v1/projects', { ...base, phase: 'beta' }, 'phase'],
    ['PATCH', `/api/v1/projects/${p.id}`, { version: p.version, colour: 'red' }, 'colour'],
    ['PATCH', `/api/v1/projects/${p.id}`, { version: p.version, framework_id: f.id }, 'framework_id'],
    ['PATCH', `/api/v1/projects/${p.id}`, { version: p.version, fit: { ...GOOD_FIT, extra: 1 } }, 'fit.extra'],
    ['PUT', `/api/v1/projects/${p.id}/criteria/${p.criteria[0].key}`, { met: true, note: 'x' }, 'note'],
    ['PUT', `/api/v1/projects/${p.id}/kill-criteria/no_site`, { met: true, text: 'x' }, 'text'],
    ['POST', `/api/v1/projects/${p.id}/kpi-values`, { kpi_key: 'talks', value: 1, unit: 'talks' }, 'unit'],
    ['POST', `/api/v1/gate-reviews/${review.id}/decision`, { decision: 'hold', rationale: 'Wait.', urgency: 'high' }, 'urgency'],
    ['POST', `/api/v1/gate-reviews/${review.id}/decision`, { decision: 'kill', rationale: 'Stop.', learnings: { learned: 'x', lesson: 'y' } }, 'learnings.lesson'],
    ['POST', `/api/v1/projects/${p.id}/migrate`, { version: 1, force: true }, 'force'],
    ['PUT', `/api/v1/projects/${p.id}/share`, { space_id: space.id, summary: 'x', audience: 'all' }, 'audience'],
    ['POST', `/api/v1/frameworks/${f.id}/versions`, { ...version, notes: 'x' }, 'notes'],
    ['POST', `/api/v1/frameworks/${f.id}/versions`, withCriterionExtra, 'phases[0].exit_criteria[1].owner'],
    ['POST', `/api/v1/frameworks/${f.id}/versions`, withKpiExtra, 'kpis[0].colour'],
    ['POST', '/api/v1/frameworks', { name: unique('Fw '), template: { ...version, extra: 1 } }, 'template.extra'],
    ['POST', '/api/v1/frameworks', { name: unique('Fw '), colour: 'red' }, 'colour'],
  ];
  const problems = [];
  for (const [method, url, body, field] of cases) {
    const writer = url.startsWith('/api/v1/frameworks') || url.includes('/decision') ? im : lead;
    const res = await writer.request(method, url, { json: body });
    if (res.status !== 400 || res.code !== 'invalid_argument' || !res.isProblem || res.json.field !== field) {
      problems.push(`${method} ${url} with ${field}: expected 400 invalid_argument naming ${field}, got ${res.describe()}`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  // Nothing happened: the project, the review and the framework are as they were.
  const now = await getProject(lead, p.id);
  assert.equal(now.version, p.version);
  assert.equal(now.share, null);
  assert.deepEqual(now.kill_criteria, p.kill_criteria);
  assert.deepEqual(now.criteria, p.criteria);
  assert.equal(now.status, 'active');
  assert.equal((await listAll(lead, `/api/v1/projects/${p.id}/kpi-values`)).length, 0);
  const [stored] = await listAll(lead, `/api/v1/projects/${p.id}/gate-reviews`);
  assert.equal(stored.status, 'requested');
  assert.equal((await getFramework(im, f.id)).current_version, 1);
});

test('need_ids must name needs (422 need_ids[i]); idea_ids must be empty until ideas exist (422 idea_ids[0])', async () => {
  const customer = await createStakeholder(lead, { name: unique('Needy customer '), kind: 'customer' });
  const need = await createNeed(lead, customer.id);
  const missing = need.id + 100000;
  const create = (fields) => lead.post('/api/v1/projects', projectBody(fx.long.id, fields));
  problemCheck(await create({ need_ids: [missing] }), 422, 'need_ids[0]', 'an unknown need', 'invalid_argument');
  problemCheck(await create({ need_ids: [need.id, missing] }), 422, 'need_ids[1]', 'a known and an unknown need', 'invalid_argument');
  problemCheck(await create({ idea_ids: [1] }), 422, 'idea_ids[0]', 'an idea id', 'invalid_argument');
  const p = await createProject(lead, fx.long.id, { need_ids: [need.id], idea_ids: [] });
  assert.deepEqual(p.need_ids, [need.id]);
  assert.deepEqual(p.idea_ids, []);
  assert.deepEqual((await getProject(lead, p.id)).need_ids, [need.id]);
  problemCheck(await lead.patch(`/api/v1/projects/${p.id}`, { need_ids: [missing], version: p.version }), 422, 'need_ids[0]', 'PATCH an unknown need');
  problemCheck(await lead.patch(`/api/v1/projects/${p.id}`, { idea_ids: [7], version: p.version }), 422, 'idea_ids[0]', 'PATCH an idea id');
  const now = await getProject(lead, p.id);
  assert.equal(now.version, p.version, 'a refused PATCH moved the version');
  assert.deepEqual(now.need_ids, [need.id]);
  const cleared = await lead.patch(`/api/v1/projects/${p.id}`, { need_ids: [], version: p.version });
  assert.equal(cleared.status, 200, cleared.describe());
  assert.deepEqual(cleared.json.need_ids, []);
});
