'use strict';
// Helpers for the projects suites (docs/design/projects.md, later docs/api-projects.md, and
// api/staging/projects.yaml): frameworks, projects, gate reviews, and shape checks for them.

const assert = require('node:assert/strict');
const { expectStatus, unique, listAll } = require('./client');
const { hasKeys, onlyKeys, assertTime, assertTimeOrNull } = require('./shapes');

// The default template (design: Explore → Validate problem → Co-design → Pilot → Scale).
const DEFAULT_PHASES = ['explore', 'validate_problem', 'co_design', 'pilot', 'scale'];
const DEFAULT_PHASE_NAMES = ['Explore', 'Validate problem', 'Co-design', 'Pilot', 'Scale'];

const FRAMEWORK_KEYS = ['id', 'name', 'description', 'current_version', 'versions', 'created_at'];
const VERSION_KEYS = ['framework_id', 'version', 'phases', 'kpis', 'published_at', 'published_by'];
const PHASE_KEYS = ['key', 'name', 'guidelines', 'guidelines_html', 'recommended_formats', 'expected_level', 'exit_criteria', 'max_days', 'kpi_keys', 'gatekeepers'];
const KPI_KEYS = ['key', 'name', 'unit', 'direction', 'kind', 'counts_from_phase', 'target'];
const PROJECT_KEYS = ['id', 'title', 'problem_statement', 'hypothesis', 'lead', 'team', 'sponsor', 'framework', 'phase', 'status', 'criteria',
  'kill_criteria', 'budget', 'effort_days', 'stakeholders', 'need_ids', 'interaction_ids', 'idea_ids', 'fit', 'health', 'share', 'learnings',
  'version', 'created_at', 'updated_at'];
const SHARED_SUMMARY_KEYS = ['id', 'title', 'phase', 'summary', 'shared_at'];
const REVIEW_KEYS = ['id', 'project_id', 'from_phase', 'status', 'requested_by', 'requested_at', 'criteria', 'kpi_values', 'decision_makers',
  'gatekeepers_required', 'gatekeepers_present', 'decision', 'rationale', 'pivot_to_phase', 'new_hypothesis', 'learnings', 'decided_by', 'decided_at'];
const KPI_VALUE_KEYS = ['id', 'kpi_key', 'value', 'recorded_on', 'note', 'phase_key', 'counts'];
const CARD_KEYS = ['id', 'title', 'lead', 'health', 'days_in_phase', 'status'];
const FUNNEL_KEYS = ['key', 'name', 'entered', 'advanced', 'killed', 'held', 'pivoted_back', 'completed', 'current'];
const STATUSES = ['active', 'on_hold', 'stopped', 'completed'];
const SIGNAL_KEYS = ['time_in_phase', 'no_customer_contact', 'interest_trend', 'open_exit_criteria', 'kpis_off_target', 'kill_criteria_met', 'no_sponsor'];

const GOOD_FIT = { problem_defined: 5, near_term: 5, customers_can_picture: 5, customer_willing: 5, capacity_available: 5 };
const POOR_FIT = { problem_defined: 1, near_term: 1, customers_can_picture: 1, customer_willing: 1, capacity_available: 1 };

const ref = (b) => ({ id: b.user.id, display_name: b.user.display_name });

// A FrameworkVersion as read → the FrameworkVersionCreate body that would publish it again.
function versionBody(v) {
  return {
    phases: v.phases.map((p) => ({
      key: p.key, name: p.name, guidelines: p.guidelines, recommended_formats: p.recommended_formats, expected_level: p.expected_level,
      exit_criteria: p.exit_criteria.map((c) => ({ key: c.key, text: c.text, evidence_required: c.evidence_required })),
      max_days: p.max_days, kpi_keys: p.kpi_keys, gatekeepers: p.gatekeepers,
    })),
    kpis: v.kpis.map((k) => ({ key: k.key, name: k.name, unit: k.unit, direction: k.direction, kind: k.kind, counts_from_phase: k.counts_from_phase, target: k.target })),
  };
}

// A small framework body: `keys` phases (no evidence-required criteria unless asked, no
// gatekeepers) and one learning KPI.
function simpleVersion(keys = ['alpha', 'beta', 'gamma'], { maxDays = 30, evidence = false } = {}) {
  return {
    phases: keys.map((k, i) => ({
      key: k, name: `Phase ${k}`, max_days: maxDays,
      exit_criteria: [{ key: `${k}_done`, text: `${k} is done`, evidence_required: evidence }],
      kpi_keys: i === 0 ? ['talks'] : [],
    })),
    kpis: [{ key: 'talks', name: 'Talks held', unit: 'talks', direction: 'up', kind: 'learning', counts_from_phase: null, target: null }],
  };
}

async function createFramework(browser, fields = {}) {
  const body = { name: unique('Framework '), description: 'For the tests', template: 'default', ...fields };
  const res = await browser.post('/api/v1/frameworks', body);
  expectStatus(res, 201, `POST /api/v1/frameworks ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
async function getFramework(browser, id) {
  const res = await browser.get(`/api/v1/frameworks/${id}`);
  expectStatus(res, 200, `GET /api/v1/frameworks/${id}`);
  return res.json;
}

function projectBody(frameworkId, fields = {}) {
  return {
    title: unique('Project '),
    problem_statement: 'Operators lose hours to manual checks.',
    hypothesis: 'A sensor kit halves the checking time.',
    framework_id: frameworkId,
    fit: GOOD_FIT,
    ...fields,
  };
}
async function createProject(browser, frameworkId, fields = {}) {
  const body = projectBody(frameworkId, fields);
  const res = await browser.post('/api/v1/projects', body);
  expectStatus(res, 201, `POST /api/v1/projects ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
async function getProject(browser, id) {
  const res = await browser.get(`/api/v1/projects/${id}`);
  expectStatus(res, 200, `GET /api/v1/projects/${id}`);
  return res.json;
}
async function checkCriterion(browser, projectId, key, met = true, extra = {}) {
  const res = await browser.put(`/api/v1/projects/${projectId}/criteria/${key}`, { met, ...extra });
  expectStatus(res, 200, `PUT /api/v1/projects/${projectId}/criteria/${key}`);
  return res.json;
}
async function requestReview(browser, projectId, body = {}) {
  const res = await browser.post(`/api/v1/projects/${projectId}/gate-reviews`, body);
  expectStatus(res, 201, `POST /api/v1/projects/${projectId}/gate-reviews`);
  return res.json;
}
async function decide(browser, reviewId, body) {
  const res = await browser.post(`/api/v1/gate-reviews/${reviewId}/decision`, { rationale: 'The evidence says so.', ...body });
  expectStatus(res, 200, `POST /api/v1/gate-reviews/${reviewId}/decision ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
// Checks every exit criterion of the project's current phase, asks for a review, and has
// `decider` (a manager or a named decision maker; a lead does not pass their own gate) decide go.
async function advance(browser, project, decider, decisionBody = {}, reviewBody = {}) {
  for (const c of project.criteria) await checkCriterion(browser, project.id, c.key, true, { evidence_url: 'https://evidence.example/x' });
  const review = await requestReview(browser, project.id, reviewBody);
  return decide(decider, review.id, { decision: 'go', ...decisionBody });
}

// ---- shapes ---------------------------------------------------------------------------------

function assertHealth(h, what = 'health', status = 'active') {
  hasKeys(h, ['score', 'level', 'ask_first', 'computed_at', 'signals'], what);
  assert.ok(Number.isInteger(h.score) && h.score >= 0 && h.score <= 100, `${what}.score ${h.score}`);
  assertTime(h.computed_at, `${what}.computed_at`);
  assert.ok(Array.isArray(h.signals), `${what}.signals`);
  let expected = 100;
  let critical = false;
  let seenNonCritical = false;
  for (const s of h.signals) {
    hasKeys(s, ['key', 'severity', 'value', 'text'], `${what} signal`);
    assert.ok(SIGNAL_KEYS.includes(s.key), `${what}: unknown signal ${s.key}`);
    assert.ok(['info', 'warning', 'critical'].includes(s.severity), `${what}: severity ${s.severity}`);
    assert.ok(typeof s.text === 'string' && s.text.length > 0, `${what}: signal ${s.key} without text`);
    if (s.severity === 'critical') {
      expected -= 35; critical = true;
      assert.ok(!seenNonCritical, `${what}: signals are not critical first: ${JSON.stringify(h.signals)}`);
    } else seenNonCritical = true;
    if (s.severity === 'warning') expected -= 15;
  }
  expected = Math.max(expected, 0);
  assert.equal(h.score, expected, `${what}: score ${h.score} is not 100 − 15 per warning − 35 per critical (${expected}): ${JSON.stringify(h.signals)}`);
  const level = h.score < 50 ? 'at_risk' : h.score < 80 ? 'watch' : 'healthy';
  assert.equal(h.level, level, `${what}.level for score ${h.score}`);
  // Stopped and completed projects have left the running portfolio: never ask-first.
  const running = status === 'active' || status === 'on_hold';
  assert.equal(h.ask_first, running && (critical || h.score < 50), `${what}.ask_first`);
}

function assertProject(p, what = 'project') {
  hasKeys(p, PROJECT_KEYS, what);
  assert.ok(Number.isInteger(p.id), `${what}.id`);
  onlyKeys(p.lead, ['id', 'display_name'], `${what}.lead`);
  assert.ok(Array.isArray(p.team), `${what}.team`);
  for (const m of p.team) hasKeys(m, ['user_id', 'display_name', 'role'], `${what}.team[]`);
  hasKeys(p.framework, ['id', 'name', 'version'], `${what}.framework`);
  hasKeys(p.phase, ['key', 'name', 'entered_at', 'max_days'], `${what}.phase`);
  assertTime(p.phase.entered_at, `${what}.phase.entered_at`);
  assert.ok(STATUSES.includes(p.status), `${what}.status ${p.status}`);
  assert.ok(Array.isArray(p.criteria), `${what}.criteria`);
  for (const c of p.criteria) hasKeys(c, ['key', 'text', 'evidence_required', 'met', 'evidence_url'], `${what}.criteria[]`);
  for (const c of p.kill_criteria) hasKeys(c, ['key', 'text', 'met'], `${what}.kill_criteria[]`);
  for (const k of ['stakeholders', 'need_ids', 'interaction_ids', 'idea_ids']) assert.ok(Array.isArray(p[k]), `${what}.${k}`);
  hasKeys(p.fit, ['answers', 'score', 'recommendation', 'flagged', 'reasons'], `${what}.fit`);
  assertHealth(p.health, `${what}.health`, p.status);
  if (p.share !== null) hasKeys(p.share, ['space_id', 'summary', 'shared_at'], `${what}.share`);
  if (p.learnings !== null) hasKeys(p.learnings, ['learned', 'do_differently'], `${what}.learnings`);
  assert.ok(Number.isInteger(p.version) && p.version >= 1, `${what}.version`);
  assertTime(p.created_at, `${what}.created_at`);
  assertTime(p.updated_at, `${what}.updated_at`);
}

function assertReview(r, what = 'gate review') {
  hasKeys(r, REVIEW_KEYS, what);
  assert.ok(['requested', 'decided'].includes(r.status), `${what}.status ${r.status}`);
  onlyKeys(r.requested_by, ['id', 'display_name'], `${what}.requested_by`);
  assertTime(r.requested_at, `${what}.requested_at`);
  for (const c of r.criteria) hasKeys(c, ['key', 'text', 'met', 'evidence_url'], `${what}.criteria[]`);
  for (const k of r.kpi_values) hasKeys(k, ['kpi_key', 'value'], `${what}.kpi_values[]`);
  if (r.status === 'requested') {
    assert.equal(r.decision, null, `${what}.decision while requested`);
    assert.equal(r.decided_at, null, `${what}.decided_at while requested`);
  } else {
    assert.ok(['go', 'kill', 'hold', 'pivot'].includes(r.decision), `${what}.decision ${r.decision}`);
    assertTimeOrNull(r.decided_at, `${what}.decided_at`);
    assert.notEqual(r.decided_at, null, `${what}.decided_at once decided`);
  }
}

// Events of the project objects appended after the event with id `mark`.
async function eventsAfter(admin, mark, types = ['project', 'framework', 'gate_review']) {
  const out = [];
  for (const t of types) out.push(...(await listAll(admin, `/api/v1/events?object_type=${t}`)).filter((e) => e.id > mark));
  return out;
}
async function lastEventId(admin) {
  let max = 0;
  for (const e of await listAll(admin, '/api/v1/events')) max = Math.max(max, e.id);
  return max;
}

module.exports = {
  DEFAULT_PHASES, DEFAULT_PHASE_NAMES, FRAMEWORK_KEYS, VERSION_KEYS, PHASE_KEYS, KPI_KEYS, PROJECT_KEYS, SHARED_SUMMARY_KEYS, REVIEW_KEYS,
  KPI_VALUE_KEYS, CARD_KEYS, FUNNEL_KEYS, STATUSES, GOOD_FIT, POOR_FIT, ref,
  versionBody, simpleVersion, createFramework, getFramework, projectBody, createProject, getProject, checkCriterion, requestReview, decide, advance,
  assertHealth, assertProject, assertReview, eventsAfter, lastEventId,
};
