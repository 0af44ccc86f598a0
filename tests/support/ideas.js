'use strict';
// Helpers for the ideas and challenges suites (docs/api-ideas.md; api/openapi.yaml tag `ideas`,
// staged in api/staging/ideas.yaml until merged): spaces with members in every role, challenges
// whose dates put them in a given phase today (UTC), ideas, comments, and exact shape checks for
// the internal objects and the shared views external participants get.

const assert = require('node:assert/strict');
const { expectStatus, unique, listAll } = require('./client');
const { assertTime, assertTimeOrNull, hasKeys } = require('./shapes');
const { day } = require('./stakeholders');

// ---- key sets (api/openapi.yaml) -------------------------------------------------------------
// Every caller who sees the object gets the *_BASE keys; internal users get the internal keys
// on top; external participants get exactly the base keys (the shared views declare the
// internal members `false`, so they are never present).
const CHALLENGE_BASE_KEYS = ['id', 'space_id', 'title', 'problem', 'problem_html', 'goals', 'audience', 'sponsor', 'phases', 'phase',
  'votes_per_person', 'my_votes_used', 'leaderboard', 'criteria', 'protocol', 'idea_count', 'version', 'created_at', 'updated_at'];
const CHALLENGE_INTERNAL_KEYS = ['fit'];
const PHASE_DATE_KEYS = ['submission_opens', 'discussion_opens', 'voting_opens', 'review_opens', 'closes'];
const PROTOCOL_KEYS = ['version', 'text', 'text_html', 'changed_at', 'changed_by', 'note'];
const CRITERION_KEYS = ['key', 'text', 'weight'];
const FIT_KEYS = ['answers', 'score', 'recommendation', 'flagged', 'reasons'];

const IDEA_BASE_KEYS = ['id', 'space_id', 'challenge_id', 'title', 'description', 'description_html', 'tags', 'authors', 'status',
  'decline_reason', 'builds_on', 'built_on_by', 'attachments', 'vote_count', 'my_vote', 'comment_count', 'interest_level', 'hidden',
  'moderation_note', 'merged_into', 'project', 'version', 'created_at', 'updated_at'];
const IDEA_INTERNAL_KEYS = ['interest_score', 'interest', 'review', 'moderated_by'];
const SUMMARY_BASE_KEYS = ['id', 'space_id', 'challenge_id', 'title', 'excerpt', 'tags', 'authors', 'status', 'vote_count', 'my_vote',
  'comment_count', 'interest_level', 'hidden', 'project', 'created_at', 'updated_at'];
const SUMMARY_INTERNAL_KEYS = ['interest_score', 'interest_count'];
const COMMENT_BASE_KEYS = ['id', 'idea_id', 'parent_id', 'body', 'body_html', 'author', 'mentions', 'helpful_count', 'marked_helpful',
  'hidden', 'moderation_note', 'edited_at', 'created_at'];
const COMMENT_INTERNAL_KEYS = ['hostile', 'moderated_by'];
const REPORT_KEYS = ['id', 'object_type', 'object_id', 'idea_id', 'space_id', 'excerpt', 'reason', 'status', 'reported_by', 'created_at',
  'resolution', 'resolved_by', 'resolved_at'];
const SIMILAR_KEYS = ['id', 'title', 'snippet', 'score'];
const LEADERBOARD_KEYS = ['challenge_id', 'enabled', 'items'];
const LEADER_KEYS = ['rank', 'user', 'points', 'badges'];
const POINTS_KEYS = ['total', 'by_reason', 'badges'];

const PHASES = ['upcoming', 'submission', 'discussion', 'voting', 'review', 'closed'];
const STATUSES = ['new', 'under_review', 'selected', 'in_project', 'parked', 'declined'];
const REASONS = ['idea_submitted', 'comment_helpful', 'built_upon', 'idea_selected', 'homework_done'];
const BADGES = ['first_idea', 'helpful_5', 'bridge_builder', 'selected'];
const POINTS = { idea_submitted: 5, comment_helpful: 3, built_upon: 8, idea_selected: 15, homework_done: 5 };

const ref = (b) => ({ id: b.user.id, display_name: b.user.display_name });
const author = (b, role = 'author') => ({ id: b.user.id, display_name: b.user.display_name, role });

// ---- dates -------------------------------------------------------------------------------------
// Phase dates (UTC days relative to today) that put a challenge in `phase` today. Today is at
// least a day away from either edge of the phase, so a run across midnight does not move it.
const OFFSETS = {
  upcoming: [1, 2, 3, 4, 5],
  submission: [-1, 1, 2, 3, 4],
  discussion: [-2, -1, 1, 2, 3],
  voting: [-3, -2, -1, 1, 2],
  review: [-4, -3, -2, -1, 1],
  closed: [-5, -4, -3, -2, -1],
};
function phaseDates(phase) {
  const o = OFFSETS[phase];
  if (!o) throw new Error(`no such phase ${phase}`);
  return Object.fromEntries(PHASE_DATE_KEYS.map((k, i) => [k, day(o[i])]));
}

// ---- spaces --------------------------------------------------------------------------------------
// A space made by `owner` with internal members in the given roles and external participants
// invited and accepted in theirs: roles = {member: [browser...], moderator: [...], owner: [...],
// guest: [...]}, externals = {member: n, guest: n, moderator: n, owner: n}. Answers the space and
// the new external browsers by role.
async function spaceWith(api, owner, { roles = {}, externals = {}, fields = {} } = {}) {
  const space = await api.createSpace(owner, { name: unique('Ideas space '), external_allowed: true, ...fields });
  for (const [role, browsers] of Object.entries(roles)) for (const b of browsers) await api.addMember(owner, space.id, b.user.id, role);
  const ext = {};
  for (const [role, n] of Object.entries(externals)) {
    ext[role] = [];
    for (let i = 0; i < n; i += 1) {
      const inv = await api.inviteExternal(owner, space.id, undefined, { space_role: role });
      ext[role].push(await api.accept(inv.token, { name: `external-${role}` }));
    }
  }
  return { space, ext };
}

// ---- challenges ------------------------------------------------------------------------------------
function challengeBody(spaceId, fields = {}) {
  const { phase = 'submission', ...rest } = fields;
  return {
    space_id: spaceId,
    title: unique('Challenge '),
    problem: 'How might we **halve** the checking time?',
    phases: phaseDates(phase),
    ...rest,
  };
}
async function createChallenge(browser, spaceId, fields = {}) {
  const body = challengeBody(spaceId, fields);
  const res = await browser.post('/api/v1/challenges', body);
  expectStatus(res, 201, `POST /api/v1/challenges ${JSON.stringify(body).slice(0, 300)}`);
  return res.json;
}
async function getChallenge(browser, id) {
  const res = await browser.get(`/api/v1/challenges/${id}`);
  expectStatus(res, 200, `GET /api/v1/challenges/${id}`);
  return res.json;
}
// Moves a challenge into `phase` today by changing its dates (PATCH with the current version).
async function setPhase(browser, challengeId, phase) {
  const c = await getChallenge(browser, challengeId);
  const res = await browser.patch(`/api/v1/challenges/${challengeId}`, { phases: phaseDates(phase), version: c.version });
  expectStatus(res, 200, `PATCH /api/v1/challenges/${challengeId} into ${phase}`);
  assert.equal(res.json.phase, phase, `the challenge is not in ${phase} after moving its dates: ${JSON.stringify(res.json.phases)}`);
  return res.json;
}

// ---- ideas and comments -------------------------------------------------------------------------------
// `where` is {challenge_id} or {space_id} (a stand-alone idea).
function ideaBody(where, fields = {}) {
  return { ...where, title: unique('Idea '), description: 'Sensors on every line, read by the operators.', ...fields };
}
async function submitIdea(browser, where, fields = {}) {
  const body = ideaBody(where, fields);
  const res = await browser.post('/api/v1/ideas', body);
  expectStatus(res, 201, `POST /api/v1/ideas as ${browser.name} ${JSON.stringify(body).slice(0, 300)}`);
  return res.json;
}
async function getIdea(browser, id) {
  const res = await browser.get(`/api/v1/ideas/${id}`);
  expectStatus(res, 200, `GET /api/v1/ideas/${id} as ${browser.name}`);
  return res.json;
}
async function comment(browser, ideaId, body = unique('A thought: '), extra = {}) {
  const res = await browser.post(`/api/v1/ideas/${ideaId}/comments`, { body, ...extra });
  expectStatus(res, 201, `POST /api/v1/ideas/${ideaId}/comments as ${browser.name}`);
  return res.json;
}
async function comments(browser, ideaId, opts) {
  return listAll(browser, `/api/v1/ideas/${ideaId}/comments`, opts);
}
async function vote(browser, ideaId) {
  const res = await browser.put(`/api/v1/ideas/${ideaId}/vote`);
  expectStatus(res, 200, `PUT /api/v1/ideas/${ideaId}/vote as ${browser.name}`);
  return res.json;
}
async function buildOn(browser, ideaId, otherId) {
  const res = await browser.post(`/api/v1/ideas/${ideaId}/builds-on/${otherId}`);
  expectStatus(res, 200, `POST /api/v1/ideas/${ideaId}/builds-on/${otherId} as ${browser.name}`);
  return res.json;
}
async function moderateIdea(browser, ideaId, body) {
  const res = await browser.post(`/api/v1/ideas/${ideaId}/moderation`, body);
  expectStatus(res, 200, `POST /api/v1/ideas/${ideaId}/moderation ${JSON.stringify(body)}`);
  return res.json;
}
async function moderateComment(browser, commentId, body) {
  const res = await browser.post(`/api/v1/comments/${commentId}/moderation`, body);
  expectStatus(res, 200, `POST /api/v1/comments/${commentId}/moderation ${JSON.stringify(body)}`);
  return res.json;
}
async function report(browser, objectType, objectId, reason = 'Please have a look.') {
  const res = await browser.post('/api/v1/reports', { object_type: objectType, object_id: objectId, reason });
  expectStatus(res, 201, `POST /api/v1/reports ${objectType} ${objectId} as ${browser.name}`);
  return res.json;
}
// GET /api/v1/me/points. Only the total is checked here (against by_reason); the whole shape,
// orders included, is assertPoints' business, so that the suites counting points are not
// stopped by an order.
async function points(browser) {
  const res = await browser.get('/api/v1/me/points');
  expectStatus(res, 200, `GET /api/v1/me/points as ${browser.name}`);
  hasKeys(res.json, POINTS_KEYS, `points of ${browser.name}`);
  assert.equal(res.json.by_reason.reduce((n, r) => n + r.points, 0), res.json.total, `points of ${browser.name}: total is not the sum of by_reason`);
  return res.json;
}

// ---- shapes -----------------------------------------------------------------------------------------
function exactKeys(obj, keys, what) {
  hasKeys(obj, keys, what);
  const extra = Object.keys(obj).filter((k) => !keys.includes(k));
  assert.deepEqual(extra, [], `${what} has members beyond the contract's: ${extra.join(', ')}`);
}
function assertUserBrief(u, what) {
  exactKeys(u, ['id', 'display_name'], what);
  assert.ok(Number.isInteger(u.id), `${what}.id`);
}
function assertUserBriefOrNull(u, what) {
  if (u !== null) assertUserBrief(u, what);
}
function assertProtocol(v, what = 'protocol version') {
  exactKeys(v, PROTOCOL_KEYS, what);
  assert.ok(Number.isInteger(v.version) && v.version >= 1, `${what}.version`);
  assert.equal(typeof v.text, 'string', `${what}.text`);
  assert.equal(typeof v.text_html, 'string', `${what}.text_html`);
  assertTime(v.changed_at, `${what}.changed_at`);
  assertUserBriefOrNull(v.changed_by, `${what}.changed_by`);
  assert.equal(typeof v.note, 'string', `${what}.note`);
}
function assertChallenge(c, { internal }, what = 'challenge') {
  exactKeys(c, internal ? [...CHALLENGE_BASE_KEYS, ...CHALLENGE_INTERNAL_KEYS] : CHALLENGE_BASE_KEYS, `${what} (${internal ? 'Challenge' : 'ChallengeSharedView'})`);
  assert.ok(Number.isInteger(c.id) && Number.isInteger(c.space_id), `${what}.id / space_id`);
  assert.ok(Array.isArray(c.goals), `${what}.goals`);
  assert.ok(['internal', 'external', 'both'].includes(c.audience), `${what}.audience ${c.audience}`);
  assertUserBriefOrNull(c.sponsor, `${what}.sponsor`);
  exactKeys(c.phases, PHASE_DATE_KEYS, `${what}.phases`);
  for (const k of PHASE_DATE_KEYS) assert.match(c.phases[k], /^\d{4}-\d{2}-\d{2}$/, `${what}.phases.${k}`);
  assert.ok(PHASES.includes(c.phase), `${what}.phase ${c.phase}`);
  assert.ok(Number.isInteger(c.votes_per_person) && c.votes_per_person >= 1 && c.votes_per_person <= 20, `${what}.votes_per_person`);
  assert.ok(Number.isInteger(c.my_votes_used) && c.my_votes_used >= 0, `${what}.my_votes_used`);
  assert.equal(typeof c.leaderboard, 'boolean', `${what}.leaderboard`);
  assert.ok(Array.isArray(c.criteria), `${what}.criteria`);
  for (const k of c.criteria) exactKeys(k, CRITERION_KEYS, `${what}.criteria[]`);
  assertProtocol(c.protocol, `${what}.protocol`);
  assert.ok(Number.isInteger(c.idea_count) && c.idea_count >= 0, `${what}.idea_count`);
  assert.ok(Number.isInteger(c.version) && c.version >= 1, `${what}.version`);
  assertTime(c.created_at, `${what}.created_at`);
  assertTime(c.updated_at, `${what}.updated_at`);
  if (internal && c.fit !== null) exactKeys(c.fit, FIT_KEYS, `${what}.fit`);
}
function assertAuthors(authors, what) {
  assert.ok(Array.isArray(authors) && authors.length >= 1, `${what}.authors`);
  for (const a of authors) {
    exactKeys(a, ['id', 'display_name', 'role'], `${what}.authors[]`);
    assert.ok(['author', 'co_author'].includes(a.role), `${what}.authors[].role ${a.role}`);
  }
  assert.equal(authors[0].role, 'author', `${what}: the author is not first`);
}
function assertIdea(x, { internal }, what = 'idea') {
  exactKeys(x, internal ? [...IDEA_BASE_KEYS, ...IDEA_INTERNAL_KEYS] : IDEA_BASE_KEYS, `${what} (${internal ? 'Idea' : 'IdeaSharedView'})`);
  assert.ok(Number.isInteger(x.id) && Number.isInteger(x.space_id), `${what}.id / space_id`);
  assert.ok(x.challenge_id === null || Number.isInteger(x.challenge_id), `${what}.challenge_id`);
  assert.equal(typeof x.description_html, 'string', `${what}.description_html`);
  assert.ok(Array.isArray(x.tags), `${what}.tags`);
  assertAuthors(x.authors, what);
  assert.ok(STATUSES.includes(x.status), `${what}.status ${x.status}`);
  for (const k of ['builds_on', 'built_on_by']) {
    assert.ok(Array.isArray(x[k]), `${what}.${k}`);
    for (const r of x[k]) exactKeys(r, ['id', 'title'], `${what}.${k}[]`);
  }
  assert.ok(Array.isArray(x.attachments), `${what}.attachments`);
  assert.ok(Number.isInteger(x.vote_count) && x.vote_count >= 0, `${what}.vote_count`);
  assert.equal(typeof x.my_vote, 'boolean', `${what}.my_vote`);
  assert.ok(Number.isInteger(x.comment_count) && x.comment_count >= 0, `${what}.comment_count`);
  assert.ok(['none', 'some', 'strong'].includes(x.interest_level), `${what}.interest_level ${x.interest_level}`);
  assert.equal(typeof x.hidden, 'boolean', `${what}.hidden`);
  assert.ok(x.merged_into === null || Number.isInteger(x.merged_into), `${what}.merged_into`);
  if (x.project !== null) exactKeys(x.project, ['id', 'title'], `${what}.project`);
  assert.ok(Number.isInteger(x.version) && x.version >= 1, `${what}.version`);
  assertTime(x.created_at, `${what}.created_at`);
  assertTime(x.updated_at, `${what}.updated_at`);
  if (internal) {
    assert.ok(Number.isInteger(x.interest_score) && x.interest_score >= 0, `${what}.interest_score`);
    assert.ok(Array.isArray(x.interest), `${what}.interest`);
    exactKeys(x.review, ['score', 'count', 'reviews'], `${what}.review`);
    assertUserBriefOrNull(x.moderated_by, `${what}.moderated_by`);
  }
}
function assertIdeaSummary(x, { internal }, what = 'idea summary') {
  exactKeys(x, internal ? [...SUMMARY_BASE_KEYS, ...SUMMARY_INTERNAL_KEYS] : SUMMARY_BASE_KEYS,
    `${what} (${internal ? 'IdeaSummary' : 'IdeaSummarySharedView'})`);
  assert.equal(typeof x.excerpt, 'string', `${what}.excerpt`);
  assert.ok(x.excerpt.length <= 300, `${what}.excerpt is longer than 300 characters`);
  assertAuthors(x.authors, what);
  assert.ok(STATUSES.includes(x.status), `${what}.status`);
  assert.ok(['none', 'some', 'strong'].includes(x.interest_level), `${what}.interest_level`);
  assert.equal(typeof x.hidden, 'boolean', `${what}.hidden`);
  assertTime(x.created_at, `${what}.created_at`);
  assertTime(x.updated_at, `${what}.updated_at`);
  if (internal) {
    assert.ok(Number.isInteger(x.interest_score), `${what}.interest_score`);
    assert.ok(Number.isInteger(x.interest_count), `${what}.interest_count`);
  }
}
function assertComment(c, { internal }, what = 'comment') {
  exactKeys(c, internal ? [...COMMENT_BASE_KEYS, ...COMMENT_INTERNAL_KEYS] : COMMENT_BASE_KEYS,
    `${what} (${internal ? 'Comment' : 'CommentSharedView'})`);
  assert.ok(Number.isInteger(c.id) && Number.isInteger(c.idea_id), `${what}.id / idea_id`);
  assert.ok(c.parent_id === null || Number.isInteger(c.parent_id), `${what}.parent_id`);
  assert.equal(typeof c.body_html, 'string', `${what}.body_html`);
  assertUserBriefOrNull(c.author, `${what}.author`);
  assert.ok(Array.isArray(c.mentions), `${what}.mentions`);
  for (const m of c.mentions) assertUserBrief(m, `${what}.mentions[]`);
  assert.ok(Number.isInteger(c.helpful_count) && c.helpful_count >= 0, `${what}.helpful_count`);
  assert.equal(typeof c.marked_helpful, 'boolean', `${what}.marked_helpful`);
  assert.equal(typeof c.hidden, 'boolean', `${what}.hidden`);
  assertTimeOrNull(c.edited_at, `${what}.edited_at`);
  assertTime(c.created_at, `${what}.created_at`);
  if (internal) {
    assert.equal(typeof c.hostile, 'boolean', `${what}.hostile`);
    assertUserBriefOrNull(c.moderated_by, `${what}.moderated_by`);
  }
}
function assertReport(r, what = 'report') {
  exactKeys(r, REPORT_KEYS, what);
  assert.ok(['idea', 'comment'].includes(r.object_type), `${what}.object_type`);
  assert.ok(['open', 'resolved'].includes(r.status), `${what}.status`);
  assertUserBriefOrNull(r.reported_by, `${what}.reported_by`);
  assertTime(r.created_at, `${what}.created_at`);
  if (r.status === 'open') {
    assert.equal(r.resolution, null, `${what}.resolution while open`);
    assert.equal(r.resolved_by, null, `${what}.resolved_by while open`);
    assert.equal(r.resolved_at, null, `${what}.resolved_at while open`);
  } else {
    assert.ok(['hidden', 'edited', 'restored', 'merged'].includes(r.resolution), `${what}.resolution ${r.resolution}`);
    assertUserBriefOrNull(r.resolved_by, `${what}.resolved_by`);
    assertTime(r.resolved_at, `${what}.resolved_at`);
  }
}
function assertSimilar(body, what = 'similar ideas') {
  exactKeys(body, ['items'], what);
  assert.ok(Array.isArray(body.items) && body.items.length <= 5, `${what}: more than 5 items`);
  for (const s of body.items) {
    exactKeys(s, SIMILAR_KEYS, `${what}.items[]`);
    assert.ok(typeof s.score === 'number' && s.score > 0 && s.score <= 1, `${what}: score ${s.score} is not in (0, 1]`);
    assert.ok(typeof s.snippet === 'string' && s.snippet.length <= 200, `${what}: snippet`);
  }
  for (let i = 1; i < body.items.length; i += 1) assert.ok(body.items[i - 1].score >= body.items[i].score, `${what}: not best first`);
}
function assertLeaderboard(l, what = 'leaderboard') {
  exactKeys(l, LEADERBOARD_KEYS, what);
  assert.equal(typeof l.enabled, 'boolean', `${what}.enabled`);
  assert.ok(Array.isArray(l.items) && l.items.length <= 20, `${what}.items`);
  for (const e of l.items) {
    exactKeys(e, LEADER_KEYS, `${what}.items[]`);
    assertUserBrief(e.user, `${what}.items[].user`);
    assert.ok(Number.isInteger(e.points) && e.points >= 1, `${what}.items[].points`);
    for (const b of e.badges) assert.ok(BADGES.includes(b), `${what}: badge ${b}`);
  }
}
function assertPoints(p, what = 'points') {
  exactKeys(p, POINTS_KEYS, what);
  assert.ok(Number.isInteger(p.total) && p.total >= 0, `${what}.total`);
  let sum = 0;
  for (const r of p.by_reason) {
    exactKeys(r, ['reason', 'count', 'points'], `${what}.by_reason[]`);
    assert.ok(REASONS.includes(r.reason), `${what}: reason ${r.reason}`);
    sum += r.points;
  }
  assert.equal(sum, p.total, `${what}: total ${p.total} is not the sum of by_reason`);
  const order = p.by_reason.map((r) => REASONS.indexOf(r.reason));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), `${what}.by_reason is not in the order of PointsReason`);
  const bo = p.badges.map((b) => BADGES.indexOf(b));
  assert.ok(!bo.includes(-1), `${what}: unknown badge in ${p.badges}`);
  assert.deepEqual(bo, [...bo].sort((a, b) => a - b), `${what}.badges is not in the order of BadgeKey`);
}

// ---- events -------------------------------------------------------------------------------------
const EVENT_TYPES = ['challenge', 'idea', 'comment', 'report'];
async function eventsAfter(admin, mark, types = EVENT_TYPES) {
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
  CHALLENGE_BASE_KEYS, CHALLENGE_INTERNAL_KEYS, PHASE_DATE_KEYS, PROTOCOL_KEYS, IDEA_BASE_KEYS, IDEA_INTERNAL_KEYS, SUMMARY_BASE_KEYS,
  SUMMARY_INTERNAL_KEYS, COMMENT_BASE_KEYS, COMMENT_INTERNAL_KEYS, REPORT_KEYS, PHASES, STATUSES, REASONS, BADGES, POINTS, EVENT_TYPES,
  ref, author, phaseDates, spaceWith, challengeBody, createChallenge, getChallenge, setPhase, ideaBody, submitIdea, getIdea, comment,
  comments, vote, buildOn, moderateIdea, moderateComment, report, points,
  exactKeys, assertProtocol, assertChallenge, assertIdea, assertIdeaSummary, assertComment, assertReport, assertSimilar, assertLeaderboard,
  assertPoints, eventsAfter, lastEventId,
};
