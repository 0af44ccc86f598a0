'use strict';
// What staff do with an idea, and the files attached to ideas (docs/api-ideas.md, "Ideas":
// Interest, Reviews, Promote, Attachments; api/openapi.yaml operations listIdeaInterest,
// recordIdeaInterest, listIdeaReviews, reviewIdea, promoteIdea, uploadIdeaAttachment,
// downloadAttachment, deleteAttachment), end to end over HTTP against the real binary.
//
// A challenge's phase follows its dates and the clock, so every challenge here gets dates
// relative to today (UTC) and moves between phases by changing them (support/ideas.js).

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer, sleep } = require('../support/server');
const { Api, unique, listAll, expectStatus } = require('../support/client');
const { exchange, req } = require('../support/raw');
const { assertTime, assertPage } = require('../support/shapes');
const { day, walkPages, namesField, createStakeholder, createInteraction } = require('../support/stakeholders');
const { GOOD_FIT, createFramework, getProject } = require('../support/projects');
const {
  IDEA_INTERNAL_KEYS, SUMMARY_INTERNAL_KEYS, ref, spaceWith, createChallenge, setPhase, submitIdea, getIdea, exactKeys, assertIdea,
  assertIdeaSummary,
} = require('../support/ideas');

let srv;
let api;
let admin;
let im;
let owner; // an internal member who owns space S
let mod; // an internal member who moderates S
let m1;
let m2;
let m3;
let extA; // an external participant, member of S
let guest; // an external guest of S: reads only
let outsider; // an external participant of space T only
let S;
let framework;

before(async () => {
  srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  owner = await api.createUser('member');
  mod = await api.createUser('member');
  m1 = await api.createUser('member');
  m2 = await api.createUser('member');
  m3 = await api.createUser('member');
  const s = await spaceWith(api, im, { roles: { owner: [owner], moderator: [mod], member: [m1, m2, m3] }, externals: { member: 1, guest: 1 } });
  S = s.space;
  [extA] = s.ext.member;
  [guest] = s.ext.guest;
  const t = await spaceWith(api, admin, { externals: { member: 1 } });
  [outsider] = t.ext.member;
  Object.entries({ admin, im, owner, mod, m1, m2, m3, extA, guest, outsider }).forEach(([name, b]) => { b.name = name; });
  framework = await createFramework(admin);
});

// ---- helpers ---------------------------------------------------------------------------------

const INTEREST_KEYS = ['id', 'stakeholder_id', 'name', 'kind', 'level', 'noted_on', 'source', 'interaction_id', 'recorded_by', 'recorded_at'];
const REVIEW_KEYS = ['idea_id', 'reviewer', 'scores', 'score', 'note', 'reviewed_at'];
const ATTACHMENT_KEYS = ['id', 'filename', 'content_type', 'size', 'url', 'created_at'];
const POINTS_OF = { curious: 1, interested: 2, committed: 3 };
const CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
const MAX_BYTES = 10 * 1024 * 1024;

// A real 1×1 PNG, and a minimal PDF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
// A PDF whose bytes no other test uploads (attachments are stored once per content).
function uniquePdf() {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${crypto.randomBytes(12).toString('hex')}\n`, 'latin1'), PDF.subarray(9)]);
}

const ids = (xs) => xs.map((x) => x.id);
const sortedBy = (xs, key) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

// Contract details checked without stopping the test, so that one difference does not hide
// the rest of the flow; done() fails the test with every difference found.
function collector() {
  const problems = [];
  return {
    problems,
    check(ok, msg) { if (!ok) problems.push(msg); },
    status(res, status, code, field, what) {
      const statuses = Array.isArray(status) ? status : [status];
      const fieldOk = !field || namesField(res, field);
      if (!statuses.includes(res.status) || !res.isProblem || (code && res.code !== code) || !fieldOk) {
        problems.push(`${what}: expected ${statuses.join(' or ')}${code ? ` ${code}` : ''}${field ? ` naming ${field}` : ''}, got ${res.describe()}`);
      }
    },
    shape(fn, what) {
      try { fn(); } catch (e) { problems.push(`${what}: ${e.message}`); }
    },
    done() { assert.deepEqual(problems, [], problems.join('\n')); },
  };
}
function problemCheck(res, status, code, field, what) {
  const statuses = Array.isArray(status) ? status : [status];
  assert.ok(statuses.includes(res.status), `${what}: expected ${statuses.join(' or ')}, got ${res.describe()}`);
  assert.ok(res.isProblem, `${what}: not problem+json`);
  if (code) assert.equal(res.code, code, `${what}: code ${res.code}: ${res.text}`);
  if (field) assert.ok(namesField(res, field), `${what}: the problem does not name ${field}: ${res.text}`);
}

function assertInterestRecord(r, what = 'interest record') {
  exactKeys(r, INTEREST_KEYS, what);
  assert.ok(Number.isInteger(r.id) && Number.isInteger(r.stakeholder_id), `${what}.id / stakeholder_id`);
  assert.ok(['curious', 'interested', 'committed'].includes(r.level), `${what}.level ${r.level}`);
  assert.match(r.noted_on, /^\d{4}-\d{2}-\d{2}$/, `${what}.noted_on`);
  assert.ok(['manual', 'interaction'].includes(r.source), `${what}.source ${r.source}`);
  assert.equal(r.interaction_id === null, r.source === 'manual', `${what}: interaction_id ${r.interaction_id} with source ${r.source}`);
  if (r.recorded_by !== null) exactKeys(r.recorded_by, ['id', 'display_name'], `${what}.recorded_by`);
  assertTime(r.recorded_at, `${what}.recorded_at`);
}
function assertReviewShape(r, what = 'review') {
  exactKeys(r, REVIEW_KEYS, what);
  assert.ok(Number.isInteger(r.idea_id), `${what}.idea_id`);
  if (r.reviewer !== null) exactKeys(r.reviewer, ['id', 'display_name'], `${what}.reviewer`);
  assert.ok(r.scores && typeof r.scores === 'object' && !Array.isArray(r.scores), `${what}.scores`);
  for (const v of Object.values(r.scores)) assert.ok(Number.isInteger(v) && v >= 1 && v <= 5, `${what}.scores value ${v}`);
  assert.ok(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100, `${what}.score ${r.score}`);
  assert.equal(typeof r.note, 'string', `${what}.note`);
  assertTime(r.reviewed_at, `${what}.reviewed_at`);
}
function assertAttachment(a, what = 'attachment') {
  exactKeys(a, ATTACHMENT_KEYS, what);
  assert.ok(Number.isInteger(a.id), `${what}.id`);
  assert.ok(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'].includes(a.content_type), `${what}.content_type ${a.content_type}`);
  assert.ok(Number.isInteger(a.size) && a.size >= 1 && a.size <= MAX_BYTES, `${what}.size ${a.size}`);
  assert.equal(a.url, `/api/v1/attachments/${a.id}`, `${what}.url`);
  assertTime(a.created_at, `${what}.created_at`);
}

async function recordInterest(browser, ideaId, body) {
  const res = await browser.post(`/api/v1/ideas/${ideaId}/interest`, body);
  expectStatus(res, 201, `POST /api/v1/ideas/${ideaId}/interest as ${browser.name} ${JSON.stringify(body)}`);
  return res.json;
}
async function reviewIdea(browser, ideaId, body, status = 201) {
  const res = await browser.post(`/api/v1/ideas/${ideaId}/reviews`, body);
  expectStatus(res, status, `POST /api/v1/ideas/${ideaId}/reviews as ${browser.name} ${JSON.stringify(body)}`);
  return res.json;
}
function upload(browser, ideaId, bytes, { filename = 'file.bin', contentType = 'application/octet-stream', query } = {}) {
  const q = query !== undefined ? query : `filename=${encodeURIComponent(filename)}`;
  return browser.request('POST', `/api/v1/ideas/${ideaId}/attachments${q ? `?${q}` : ''}`, { body: bytes, contentType, timeoutMs: 60000 });
}
async function attach(browser, ideaId, bytes, opts) {
  const res = await upload(browser, ideaId, bytes, opts);
  expectStatus(res, 201, `POST /api/v1/ideas/${ideaId}/attachments as ${browser.name} (${opts && opts.filename})`);
  return res.json;
}
// GET over a raw socket: every header line as sent (counted, and bytes as they are).
async function rawGet(browser, path) {
  const r = await exchange(srv.port, [req('GET', path, { headers: [`Cookie: ${browser.cookieHeader()}`, 'Connection: close'] })],
    { stopAfterResponses: 1, timeoutMs: 10000 });
  assert.ok(r.responses.length >= 1 && r.responses[0].complete, `GET ${path} over a raw socket: no complete response (${r.error || ''})`);
  return r.responses[0];
}
// The parameters of a Content-Disposition value: {type, filename, filenameStar}.
function parseDisposition(v) {
  const out = { type: v.split(';')[0].trim().toLowerCase(), filename: null, filenameStar: null, raw: v };
  const plain = /;\s*filename="((?:[^"\\]|\\.)*)"/i.exec(v) || /;\s*filename=([^;\s"]+)/i.exec(v);
  if (plain) out.filename = plain[1];
  const star = /;\s*filename\*=([^;\s]+)/i.exec(v);
  if (star) out.filenameStar = star[1];
  return out;
}

// ---- interest ----------------------------------------------------------------------------------

test('interest: manual and interaction-sourced records; each stakeholder counts once with its latest level; interest_score and interest_level', async () => {
  const later = collector();
  const c = await createChallenge(owner, S.id, { phase: 'discussion', audience: 'both' });
  const x = await submitIdea(m1, { challenge_id: c.id });
  const canary = unique('CANARY-interest-');
  const cust = await createStakeholder(im, { name: `${canary} customer`, kind: 'customer' });
  const part = await createStakeholder(im, { name: `${canary} partner`, kind: 'partner' });
  const gate = await createStakeholder(im, { name: `${canary} gate`, kind: 'internal_gatekeeper', internal: true, gatekeeper_area: 'legal' });
  const call = await createInteraction(im, [cust.id]);

  // Score and aggregate after each step, as an internal reader and an external participant see them.
  const expectScore = async (score, level, count, what) => {
    const internal = await getIdea(m2, x.id);
    later.check(internal.interest_score === score, `${what}: interest_score ${internal.interest_score}, expected ${score}`);
    later.check(internal.interest_level === level, `${what}: interest_level (internal) ${internal.interest_level}, expected ${level}`);
    later.check(internal.interest.length === count, `${what}: ${internal.interest.length} latest records, expected ${count}`);
    const shared = await getIdea(extA, x.id);
    later.check(shared.interest_level === level, `${what}: interest_level seen by an external ${shared.interest_level}, expected ${level}`);
    for (const k of IDEA_INTERNAL_KEYS) later.check(!(k in shared), `${what}: an external participant gets ${k}`);
    const item = (await listAll(m2, `/api/v1/ideas?challenge_id=${c.id}`)).find((i) => i.id === x.id);
    later.check(item && item.interest_score === score && item.interest_count === count && item.interest_level === level,
      `${what}: list item ${JSON.stringify(item && { s: item.interest_score, n: item.interest_count, l: item.interest_level })}, expected ${score}/${count}/${level}`);
    return internal;
  };
  await expectScore(0, 'none', 0, 'no interest yet');

  // 1. From the interaction: source interaction, noted on the interaction's day.
  const r1 = await recordInterest(im, x.id, { stakeholder_id: cust.id, level: 'curious', interaction_id: call.id });
  assertInterestRecord(r1, 'interaction-sourced record');
  assert.deepEqual([r1.stakeholder_id, r1.name, r1.kind, r1.level, r1.source, r1.interaction_id], [cust.id, cust.name, 'customer', 'curious', 'interaction', call.id]);
  assert.equal(r1.noted_on, day(-1), 'noted_on does not default to the interaction\'s day');
  assert.deepEqual(r1.recorded_by, ref(im));
  await expectScore(1, 'some', 1, 'a curious customer');
  await sleep(5);
  // 2. A later manual record replaces the customer's level (3, not 1 + 3).
  const r2 = await recordInterest(im, x.id, { stakeholder_id: cust.id, level: 'committed' });
  assertInterestRecord(r2, 'manual record');
  assert.deepEqual([r2.source, r2.interaction_id, r2.level, r2.noted_on], ['manual', null, 'committed', day(0)]);
  await expectScore(3, 'some', 1, 'the customer committed');
  await sleep(5);
  // 3. Any internal user records; an explicit noted_on in the past is kept. 3 + 2 = 5: still "some".
  const r3 = await recordInterest(m2, x.id, { stakeholder_id: part.id, level: 'interested', noted_on: day(-2) });
  assert.equal(r3.noted_on, day(-2));
  assert.deepEqual(r3.recorded_by, ref(m2));
  await expectScore(5, 'some', 2, 'customer committed + partner interested (5)');
  await sleep(5);
  // 4. 6 is strong.
  const r4 = await recordInterest(im, x.id, { stakeholder_id: gate.id, level: 'curious' });
  await expectScore(6, 'strong', 3, 'interest 6');
  await sleep(5);
  // 5. The latest record counts even when it is weaker: the customer back to curious, 1 + 2 + 1.
  const r5 = await recordInterest(im, x.id, { stakeholder_id: cust.id, level: 'curious' });
  const now = await expectScore(4, 'some', 3, 'the customer back to curious');
  // The idea's interest: the latest record per stakeholder, strongest first.
  for (const r of now.interest) later.shape(() => assertInterestRecord(r, 'idea.interest[]'), 'idea.interest[]');
  later.check(JSON.stringify(now.interest.map((r) => r.stakeholder_id)) === JSON.stringify([part.id, cust.id, gate.id])
    || JSON.stringify(now.interest.map((r) => r.stakeholder_id)) === JSON.stringify([part.id, gate.id, cust.id]),
  `idea.interest is not the latest per stakeholder, strongest first: ${JSON.stringify(now.interest.map((r) => [r.name, r.level]))}`);
  const custLatest = now.interest.find((r) => r.stakeholder_id === cust.id);
  later.check(custLatest && custLatest.id === r5.id, `the customer's entry is not its latest record: ${JSON.stringify(custLatest)}`);
  // Every record stays listed.
  const all = await listAll(im, `/api/v1/ideas/${x.id}/interest`);
  assert.equal(all.length, 5, `GET interest lists ${all.length} records, expected every one of the 5`);
  assert.deepEqual(ids(all).sort((a, b) => a - b), ids([r1, r2, r3, r4, r5]).sort((a, b) => a - b));
  // The external's list and idea carry nothing of it.
  const extList = await extA.get(`/api/v1/ideas?challenge_id=${c.id}`);
  assert.equal(extList.status, 200, extList.describe());
  later.check(!extList.text.includes(canary), 'the external list names an interested stakeholder');
  for (const it of extList.json.items) {
    later.shape(() => assertIdeaSummary(it, { internal: false }, 'external list item'), 'external list item');
    for (const k of SUMMARY_INTERNAL_KEYS) later.check(!(k in it), `external list item has ${k}`);
  }
  const extIdea = await extA.get(`/api/v1/ideas/${x.id}`);
  later.check(!extIdea.text.includes(canary), 'the idea as an external reads it names an interested stakeholder');
  later.shape(() => assertIdea(extIdea.json, { internal: false }, 'idea seen by an external'), 'IdeaSharedView');
  later.done();
});

test('interest: invalid records → 422 naming the field, unknown fields 400; nothing is recorded', async () => {
  const later = collector();
  const x = await submitIdea(m1, { space_id: S.id });
  const cust = await createStakeholder(im, { kind: 'customer' });
  const other = await createStakeholder(im, { kind: 'partner' });
  const callWithOther = await createInteraction(im, [other.id]);
  const cases = [
    ['an interaction without the stakeholder', { stakeholder_id: cust.id, level: 'curious', interaction_id: callWithOther.id }, 422, 'interaction_id'],
    ['an unknown interaction', { stakeholder_id: cust.id, level: 'curious', interaction_id: 99999999 }, 422, 'interaction_id'],
    ['noted_on tomorrow', { stakeholder_id: cust.id, level: 'curious', noted_on: day(1) }, 422, 'noted_on'],
    ['noted_on not a date', { stakeholder_id: cust.id, level: 'curious', noted_on: 'yesterday' }, [400, 422], 'noted_on'],
    ['a level that is not allowed', { stakeholder_id: cust.id, level: 'keen' }, 422, 'level'],
    ['an unknown stakeholder', { stakeholder_id: 99999999, level: 'curious' }, 422, 'stakeholder_id'],
    ['an unknown field', { stakeholder_id: cust.id, level: 'curious', source: 'manual' }, 400, null],
    ['an unknown field (score)', { stakeholder_id: cust.id, level: 'curious', points: 3 }, 400, null],
    ['no level', { stakeholder_id: cust.id }, [400, 422], 'level'],
  ];
  for (const [what, body, status, field] of cases) {
    const res = await im.post(`/api/v1/ideas/${x.id}/interest`, body);
    later.status(res, status, status === 400 ? 'invalid_argument' : null, field, `POST interest with ${what}`);
  }
  const after = await getIdea(im, x.id);
  later.check(after.interest_score === 0 && after.interest.length === 0, `refused records changed the idea: ${after.interest_score} ${JSON.stringify(after.interest)}`);
  const listed = await listAll(im, `/api/v1/ideas/${x.id}/interest`);
  later.check(listed.length === 0, `refused records were stored: ${JSON.stringify(listed)}`);
  // An unknown idea is 404.
  later.status(await im.post('/api/v1/ideas/99999999/interest', { stakeholder_id: cust.id, level: 'curious' }), 404, 'not_found', null, 'POST interest on an unknown idea');
  later.done();
});

test('interest: GET pages newest noted_on first; externals get 404 on GET and POST', async () => {
  const later = collector();
  const c = await createChallenge(owner, S.id, { phase: 'submission', audience: 'both' });
  const x = await submitIdea(m1, { challenge_id: c.id });
  const made = [];
  for (let i = 0; i < 5; i += 1) {
    const s = await createStakeholder(im, { kind: 'prospect' });
    made.push(await recordInterest(im, x.id, { stakeholder_id: s.id, level: 'curious', noted_on: day(-(i * 2) - 1) }));
  }
  const walked = await walkPages(m3, `/api/v1/ideas/${x.id}/interest`, { limit: 2 });
  assert.deepEqual(ids(walked), ids(made), 'the interest records are not newest noted_on first (or not all listed)');
  for (const r of walked) assertInterestRecord(r);
  const page = await m3.get(`/api/v1/ideas/${x.id}/interest?limit=2`);
  assertPage(page.json);
  assert.equal(page.json.items.length, 2);
  assert.ok(page.json.next_cursor, 'a full first page has no next_cursor');
  later.status(await m3.get(`/api/v1/ideas/${x.id}/interest?limit=0`), 400, 'invalid_argument', null, 'limit=0');
  later.status(await m3.get(`/api/v1/ideas/${x.id}/interest?after=garbage`), 400, 'invalid_argument', null, 'a bad cursor');
  // External participants: 404 for reading and writing, as for an idea that does not exist;
  // the same for an outsider and a guest.
  const s = await createStakeholder(im, { kind: 'customer' });
  for (const who of [extA, guest, outsider]) {
    const get = await who.get(`/api/v1/ideas/${x.id}/interest`);
    later.status(get, 404, 'not_found', null, `GET interest as ${who.name}`);
    later.check(!get.text.includes(made[0].name), `GET interest as ${who.name} names a stakeholder`);
    later.status(await who.post(`/api/v1/ideas/${x.id}/interest`, { stakeholder_id: s.id, level: 'committed' }), 404, 'not_found', null, `POST interest as ${who.name}`);
  }
  const after = await getIdea(im, x.id);
  later.check(after.interest_score === 5, `an external's refused record counted: interest_score ${after.interest_score}`);
  later.check((await getIdea(extA, x.id)).interest_level === 'some', 'interest 5 is not "some" to an external');
  later.done();
});

// ---- reviews -----------------------------------------------------------------------------------

test('reviews: only in the challenge\'s review phase; weighted scores 0..100; first 201, again 200 replacing; newest first', async () => {
  const later = collector();
  const criteria = [{ key: 'impact', text: 'How much it helps', weight: 3 }, { key: 'effort', text: 'How little it costs', weight: 2 }];
  const c = await createChallenge(owner, S.id, { phase: 'discussion', audience: 'both', criteria });
  const x = await submitIdea(m1, { challenge_id: c.id });
  for (const phase of ['discussion', 'voting']) {
    if (phase !== 'discussion') await setPhase(owner, c.id, phase);
    const res = await m2.post(`/api/v1/ideas/${x.id}/reviews`, { scores: { impact: 3, effort: 3 } });
    problemCheck(res, 422, 'failed_precondition', 'phase', `a review in ${phase}`);
  }
  await setPhase(owner, c.id, 'review');
  // Weights impact 3, effort 2: score = 100 × Σ w·(s − 1) / (4 Σ w).
  const a = await reviewIdea(m2, x.id, { scores: { impact: 1, effort: 1 } });
  assertReviewShape(a);
  assert.deepEqual([a.idea_id, a.reviewer, a.scores, a.score, a.note], [x.id, ref(m2), { impact: 1, effort: 1 }, 0, ''], 'all 1s');
  await sleep(5);
  const b = await reviewIdea(m3, x.id, { scores: { impact: 5, effort: 5 }, note: 'Strong.' });
  assert.deepEqual([b.score, b.note], [100, 'Strong.'], 'all 5s');
  await sleep(5);
  const cRev = await reviewIdea(im, x.id, { scores: { impact: 5, effort: 2 } });
  assert.equal(cRev.score, 70, '(3·4 + 2·1) / 20 = 70');
  await sleep(5);
  // A left-out criterion scores nothing but keeps its weight: 3·3 / 20 = 45.
  const d = await reviewIdea(admin, x.id, { scores: { impact: 4 } });
  assert.equal(d.score, 45, 'impact 4, effort left out');
  assert.deepEqual(d.scores, { impact: 4 });
  let idea = await getIdea(m1, x.id);
  assert.equal(idea.review.count, 4);
  assert.equal(idea.review.score, 54, 'the idea\'s score is the rounded mean (0 + 100 + 70 + 45) / 4 = 53.75');
  await sleep(5);
  // Reviewing again replaces: 200, the count stays, the mean follows. (3·2 + 2·3) / 20 = 60.
  const again = await m2.post(`/api/v1/ideas/${x.id}/reviews`, { scores: { impact: 3, effort: 4 }, note: 'Changed my mind.' });
  assert.equal(again.status, 200, `a second review by the same reviewer: ${again.describe()}`);
  assertReviewShape(again.json);
  assert.deepEqual([again.json.score, again.json.note, again.json.reviewer], [60, 'Changed my mind.', ref(m2)]);
  idea = await getIdea(m1, x.id);
  assert.equal(idea.review.count, 4, 'replacing a review changed the count');
  assert.equal(idea.review.score, 69, '(60 + 100 + 70 + 45) / 4 = 68.75');
  // Newest first, in the list and in the idea's summary.
  const listed = await walkPages(m1, `/api/v1/ideas/${x.id}/reviews`, { limit: 3, key: (r) => r.reviewer.id });
  assert.deepEqual(listed.map((r) => r.reviewer.id), [m2, admin, im, m3].map((w) => w.user.id), 'reviews are not newest first');
  for (const r of listed) later.shape(() => assertReviewShape(r), 'listed review');
  later.check(JSON.stringify(idea.review.reviews) === JSON.stringify(listed), `idea.review.reviews differs from GET reviews: ${JSON.stringify(idea.review.reviews)} vs ${JSON.stringify(listed)}`);
  const rAgain = listed.find((r) => r.reviewer.id === m2.user.id);
  later.check(rAgain && rAgain.score === 60 && rAgain.scores.impact === 3, `the replaced review is listed as ${JSON.stringify(rAgain)}`);
  // Invalid scores: 422 naming scores.<key>; nothing changes.
  const bad = [
    [{ scores: { cost: 3 } }, 422, 'scores.cost'],
    [{ scores: { overall: 3 } }, 422, 'scores.overall'],
    [{ scores: { impact: 0, effort: 3 } }, 422, 'scores.impact'],
    [{ scores: { impact: 3, effort: 6 } }, 422, 'scores.effort'],
    [{ scores: {} }, [400, 422], 'scores'],
    [{ scores: { impact: 3 }, note: 'n'.repeat(4001) }, [400, 422], 'note'],
    [{ scores: { impact: 3 }, weight: 2 }, 400, null],
  ];
  for (const [body, status, field] of bad) {
    const res = await owner.post(`/api/v1/ideas/${x.id}/reviews`, body);
    later.status(res, status, null, field, `review ${JSON.stringify(body).slice(0, 80)}`);
  }
  const still = await getIdea(m1, x.id);
  later.check(still.review.count === 4 && still.review.score === 69, `refused reviews changed the summary: ${JSON.stringify({ count: still.review.count, score: still.review.score })}`);
  // Not once closed.
  await setPhase(owner, c.id, 'closed');
  later.status(await m2.post(`/api/v1/ideas/${x.id}/reviews`, { scores: { impact: 5 } }), 422, 'failed_precondition', 'phase', 'a review once closed');
  later.done();
});

test('reviews: a stand-alone idea any time and a challenge without criteria on `overall`; externals get 404', async () => {
  const later = collector();
  const alone = await submitIdea(m1, { space_id: S.id });
  const first = await m2.post(`/api/v1/ideas/${alone.id}/reviews`, { scores: { overall: 4 } });
  assert.equal(first.status, 201, first.describe());
  assertReviewShape(first.json);
  assert.equal(first.json.score, 75, 'overall 4 → 75');
  later.status(await m3.post(`/api/v1/ideas/${alone.id}/reviews`, { scores: { impact: 4 } }), 422, 'invalid_argument', 'scores.impact', 'a criterion key on a stand-alone idea');
  later.status(await m3.post(`/api/v1/ideas/${alone.id}/reviews`, { scores: { overall: 6 } }), 422, 'invalid_argument', 'scores.overall', 'overall 6');
  later.status(await m3.post(`/api/v1/ideas/${alone.id}/reviews`, { scores: { overall: 0 } }), 422, 'invalid_argument', 'scores.overall', 'overall 0');
  const c = await createChallenge(owner, S.id, { phase: 'review', audience: 'both' });
  // Ideas enter in submission: one is submitted then, and the challenge moved on to review.
  await setPhase(owner, c.id, 'submission');
  const x = await submitIdea(m1, { challenge_id: c.id });
  await setPhase(owner, c.id, 'review');
  const r = await reviewIdea(m3, x.id, { scores: { overall: 2 } });
  assert.equal(r.score, 25, 'overall 2 → 25');
  const idea = await getIdea(im, x.id);
  assert.deepEqual([idea.review.score, idea.review.count], [25, 1]);
  // External participants, a guest and an outsider: 404 for reading and for writing; the idea
  // as they read it has no review.
  for (const who of [extA, guest, outsider]) {
    for (const id of [alone.id, x.id]) {
      const get = await who.get(`/api/v1/ideas/${id}/reviews`);
      later.status(get, 404, 'not_found', null, `GET reviews as ${who.name}`);
      later.status(await who.post(`/api/v1/ideas/${id}/reviews`, { scores: { overall: 5 } }), 404, 'not_found', null, `POST a review as ${who.name}`);
    }
  }
  const shared = await getIdea(extA, x.id);
  later.check(!('review' in shared), `an external participant reads the review summary: ${JSON.stringify(shared.review)}`);
  later.check((await getIdea(im, x.id)).review.count === 1, 'an external\'s refused review counted');
  later.done();
});

// ---- promote -----------------------------------------------------------------------------------

test('promote: admin and innovation managers create a project with the idea, its interested stakeholders and authors; the idea is in_project; again 409', async () => {
  const later = collector();
  const c = await createChallenge(owner, S.id, { phase: 'submission', audience: 'both' });
  const x = await submitIdea(m1, { challenge_id: c.id }, { description: 'Panels **behind** each press.' });
  const kinds = [['customer', 'customer'], ['prospect', 'customer'], ['partner', 'partner'], ['supplier', 'supplier'],
    ['internal_gatekeeper', 'gatekeeper'], ['regulator', 'other'], ['academia', 'other']];
  const sh = [];
  for (const [kind] of kinds) {
    const extra = kind === 'internal_gatekeeper' ? { internal: true, gatekeeper_area: 'legal' } : {};
    const s = await createStakeholder(im, { kind, ...extra });
    sh.push(s);
    await recordInterest(im, x.id, { stakeholder_id: s.id, level: 'interested' });
  }
  const body = { framework_id: framework.id, fit: GOOD_FIT, hypothesis: 'Panels halve the noise.' };
  // Who may not: internal members (the author, the space's owner and moderator) 403; externals 404.
  for (const who of [m1, m2, owner, mod]) later.status(await who.post(`/api/v1/ideas/${x.id}/promote`, body), 403, 'permission_denied', null, `promote as ${who.name}`);
  for (const who of [extA, guest, outsider]) later.status(await who.post(`/api/v1/ideas/${x.id}/promote`, body), 404, 'not_found', null, `promote as ${who.name}`);
  later.check((await getIdea(im, x.id)).status === 'new', 'a refused promotion changed the status');

  const res = await im.post(`/api/v1/ideas/${x.id}/promote`, body);
  assert.equal(res.status, 201, res.describe());
  exactKeys(res.json, ['id', 'title'], 'the promotion answer');
  assert.equal(res.json.title, x.title, 'the project\'s title is not the idea\'s');
  const p = await getProject(im, res.json.id);
  assert.ok(p.idea_ids.includes(x.id), `the project's idea_ids ${JSON.stringify(p.idea_ids)} do not name the idea`);
  assert.deepEqual(p.lead, ref(im), 'the caller does not lead the project');
  later.check(p.title === x.title, `project title ${p.title}`);
  later.check(p.hypothesis === body.hypothesis, `project hypothesis ${p.hypothesis}`);
  later.check(p.problem_statement === 'Panels behind each press.', `the problem statement is not the description as plain text: ${JSON.stringify(p.problem_statement)}`);
  later.check(p.framework && p.framework.id === framework.id, `project framework ${JSON.stringify(p.framework)}`);
  const author = p.team.find((t) => t.user_id === m1.user.id);
  later.check(author && author.role === 'idea author', `the idea's author is not on the team as "idea author": ${JSON.stringify(p.team)}`);
  const got = sortedBy(p.stakeholders.map((s) => ({ stakeholder_id: s.stakeholder_id, kind: s.kind, role: s.role, name: s.name })), (s) => s.stakeholder_id);
  const want = sortedBy(sh.map((s, i) => ({ stakeholder_id: s.id, kind: kinds[i][0], role: kinds[i][1], name: s.name })), (s) => s.stakeholder_id);
  assert.deepEqual(got, want, 'the stakeholders with recorded interest did not come along with roles from their kind');
  // The idea moved on.
  const after = await getIdea(m2, x.id);
  assert.equal(after.status, 'in_project');
  assert.deepEqual(after.project, { id: p.id, title: p.title });
  const shared = await getIdea(extA, x.id);
  later.check(shared.status === 'in_project', `an external reads status ${shared.status}`);
  later.check(shared.project === null, `an external sees the unshared project: ${JSON.stringify(shared.project)}`);
  // Once shared with the space, externals see {id, title}.
  const share = await im.put(`/api/v1/projects/${p.id}/share`, { space_id: S.id, summary: 'Quieter presses.' });
  if (share.status === 200) {
    const now = await getIdea(extA, x.id);
    later.check(JSON.stringify(now.project) === JSON.stringify({ id: p.id, title: p.title }), `an external does not see the shared project as {id, title}: ${JSON.stringify(now.project)}`);
  } else later.problems.push(`sharing the project: ${share.describe()}`);
  // Again: 409, for either manager.
  later.status(await im.post(`/api/v1/ideas/${x.id}/promote`, body), 409, 'conflict', null, 'promoting again');
  later.status(await admin.post(`/api/v1/ideas/${x.id}/promote`, body), 409, 'conflict', null, 'promoting again as admin');
  later.done();
});

test('promote: invalid bodies → 422 naming the field (unknown fields 400), nothing created; a given title is kept', async () => {
  const later = collector();
  const x = await submitIdea(m1, { space_id: S.id });
  const good = { framework_id: framework.id, fit: GOOD_FIT, hypothesis: 'It works.' };
  const cases = [
    ['an unknown framework', { ...good, framework_id: 99999999 }, 422, 'framework_id'],
    ['a fit answer of 9', { ...good, fit: { ...GOOD_FIT, near_term: 9 } }, [400, 422], 'fit'],
    ['a fit answer of 0', { ...good, fit: { ...GOOD_FIT, problem_defined: 0 } }, [400, 422], 'fit'],
    ['an empty hypothesis', { ...good, hypothesis: '' }, 422, 'hypothesis'],
    ['a blank hypothesis', { ...good, hypothesis: '   ' }, 422, 'hypothesis'],
    ['a hypothesis of 4,001 characters', { ...good, hypothesis: 'h'.repeat(4001) }, [400, 422], 'hypothesis'],
    ['a title of 201 characters', { ...good, title: 't'.repeat(201) }, [400, 422], 'title'],
    ['an empty problem statement', { ...good, problem_statement: '' }, 422, 'problem_statement'],
    ['an unknown field', { ...good, lead_id: m1.user.id }, 400, null],
  ];
  for (const [what, body, status, field] of cases) {
    const res = await admin.post(`/api/v1/ideas/${x.id}/promote`, body);
    later.status(res, status, null, field, `promote with ${what}`);
    later.check(res.status !== 201, `promote with ${what} created a project`);
  }
  const still = await getIdea(im, x.id);
  later.check(still.status === 'new' && still.project === null, `refused promotions changed the idea: ${still.status} ${JSON.stringify(still.project)}`);
  const title = unique('Quiet presses ');
  const res = await admin.post(`/api/v1/ideas/${x.id}/promote`, { ...good, title, problem_statement: 'Presses are loud.' });
  assert.equal(res.status, 201, res.describe());
  assert.equal(res.json.title, title);
  const p = await getProject(admin, res.json.id);
  assert.deepEqual([p.title, p.problem_statement, p.lead.id], [title, 'Presses are loud.', admin.user.id]);
  assert.deepEqual((await getIdea(m1, x.id)).project, { id: p.id, title });
  later.done();
});

// ---- attachments -------------------------------------------------------------------------------

test('attachments: a PNG and a PDF uploaded raw; listed on the idea; downloaded byte for byte with the safe headers', async () => {
  const later = collector();
  const c = await createChallenge(owner, S.id, { phase: 'submission', audience: 'both' });
  const x = await submitIdea(m1, { challenge_id: c.id });
  const png = await attach(m1, x.id, PNG, { filename: 'dot.png', contentType: 'image/png' });
  assertAttachment(png, 'the PNG attachment');
  assert.deepEqual([png.filename, png.content_type, png.size], ['dot.png', 'image/png', PNG.length]);
  const pdfBytes = uniquePdf();
  const pdf = await attach(m1, x.id, pdfBytes, { filename: 'plan.pdf', contentType: 'application/octet-stream' });
  assertAttachment(pdf, 'the PDF attachment');
  assert.deepEqual([pdf.filename, pdf.content_type, pdf.size], ['plan.pdf', 'application/pdf', pdfBytes.length]);
  const declared = await attach(m1, x.id, uniquePdf(), { filename: 'declared.pdf', contentType: 'application/pdf' });
  assert.equal(declared.content_type, 'application/pdf');
  // The idea lists them, for internal readers and for external members of the space.
  for (const who of [m1, m2, extA]) {
    const idea = await getIdea(who, x.id);
    assert.deepEqual(sortedBy(idea.attachments, (a) => a.id), sortedBy([png, pdf, declared], (a) => a.id), `attachments of the idea as ${who.name}`);
  }
  // Downloads: the exact bytes, the sniffed type, the headers.
  for (const [a, bytes, type, disposition] of [[png, PNG, 'image/png', 'inline'], [pdf, pdfBytes, 'application/pdf', 'attachment']]) {
    for (const who of [m2, extA]) {
      const res = await who.get(a.url);
      assert.equal(res.status, 200, `download ${a.filename} as ${who.name}: ${res.describe()}`);
      assert.ok(res.raw.equals(bytes), `download ${a.filename} as ${who.name}: the bytes differ (${res.raw.length} vs ${bytes.length})`);
      later.check(res.header('content-type') === type, `${a.filename}: Content-Type ${res.header('content-type')}, expected ${type}`);
      later.check(res.header('content-length') === String(bytes.length), `${a.filename}: Content-Length ${res.header('content-length')}`);
    }
    const raw = await rawGet(m2, a.url);
    assert.equal(raw.status, 200, raw.head);
    const h = raw.headers;
    const one = (name, value) => {
      const vs = h[name] || [];
      later.check(vs.length === 1 && vs[0] === value, `${a.filename}: ${name} ${JSON.stringify(vs)}, expected exactly one "${value}"`);
    };
    one('content-type', type);
    one('x-content-type-options', 'nosniff');
    one('content-security-policy', CSP);
    one('cross-origin-resource-policy', 'same-origin');
    one('cache-control', 'private, max-age=3600');
    const cd = (h['content-disposition'] || []);
    later.check(cd.length === 1, `${a.filename}: ${cd.length} Content-Disposition headers`);
    const d = parseDisposition(cd[0] || '');
    later.check(d.type === disposition, `${a.filename}: Content-Disposition ${d.raw}, expected ${disposition}`);
    later.check(d.filename === a.filename, `${a.filename}: the ASCII filename is ${JSON.stringify(d.filename)}`);
    later.check(d.filenameStar === `UTF-8''${a.filename}`, `${a.filename}: filename* is ${JSON.stringify(d.filenameStar)}`);
    later.check(raw.body.equals(bytes), `${a.filename}: the raw body differs`);
  }
  later.done();
});

test('attachments: a name with quotes and non-ASCII is kept and offered as filename*=UTF-8\'\' with an ASCII fallback', async () => {
  const later = collector();
  const x = await submitIdea(m1, { space_id: S.id });
  const names = [
    ['Plan "B" – Zürich 東京.pdf', uniquePdf(), 'attachment'],
    ['say "cheese" ü.png', PNG, 'inline'],
    ['100% back\'s; ok.pdf', uniquePdf(), 'attachment'],
  ];
  for (const [name, bytes, disposition] of names) {
    const a = await attach(m1, x.id, bytes, { filename: name });
    later.check(a.filename === name, `the stored filename is ${JSON.stringify(a.filename)}, the name given was ${JSON.stringify(name)}`);
    const raw = await rawGet(m2, a.url);
    assert.equal(raw.status, 200, raw.head);
    const line = raw.head.split('\r\n').find((l) => /^content-disposition:/i.test(l)) || '';
    // raw.head is latin1: a non-ASCII byte would show as a character above 0x7E.
    later.check(/^[\x20-\x7e]*$/.test(line), `Content-Disposition for ${JSON.stringify(name)} has non-ASCII bytes: ${JSON.stringify(line)}`);
    const d = parseDisposition((raw.headers['content-disposition'] || [''])[0]);
    later.check(d.type === disposition, `${JSON.stringify(name)}: disposition ${d.raw}`);
    later.check(d.filename !== null && /^[\x20-\x7e]*$/.test(d.filename) && !/["\\]/.test(d.filename.replace(/\\./g, '')),
      `${JSON.stringify(name)}: the fallback filename is ${JSON.stringify(d.filename)} (from ${d.raw})`);
    later.check(d.filename !== null && !d.filename.includes('"') && !d.filename.includes('\\'), `${JSON.stringify(name)}: the fallback has a raw quote or backslash: ${d.raw}`);
    let decoded = null;
    if (d.filenameStar && /^UTF-8''/i.test(d.filenameStar)) {
      try { decoded = decodeURIComponent(d.filenameStar.slice(7)); } catch { decoded = null; }
      later.check(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/.test(d.filenameStar.slice(7)), `${JSON.stringify(name)}: filename* holds characters RFC 5987 does not allow raw: ${d.filenameStar}`);
    }
    later.check(decoded === name, `${JSON.stringify(name)}: filename* decodes to ${JSON.stringify(decoded)} (${d.raw})`);
  }
  later.done();
});

test('attachments: content other than PNG, JPEG, GIF, WebP or PDF is 415, as is a declared type the content contradicts; bad names and empty bodies 400', async () => {
  const later = collector();
  const x = await submitIdea(m1, { space_id: S.id });
  const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
  const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const refused = [
    ['HTML as text/html', html, 'text/html', 'page.html'],
    ['HTML as application/octet-stream', html, 'application/octet-stream', 'page.png'],
    ['HTML as image/png', html, 'image/png', 'page.png'],
    ['SVG as image/svg+xml', svg, 'image/svg+xml', 'pic.svg'],
    ['SVG as application/octet-stream', svg, 'application/octet-stream', 'pic.svg'],
    ['PNG bytes declared image/jpeg', PNG, 'image/jpeg', 'dot.jpg'],
    ['PNG bytes declared application/pdf', PNG, 'application/pdf', 'dot.pdf'],
    ['plain text', Buffer.from('just some text'), 'text/plain', 'notes.txt'],
  ];
  for (const [what, bytes, type, filename] of refused) {
    later.status(await upload(m1, x.id, bytes, { filename, contentType: type }), 415, 'unsupported_media_type', null, `upload ${what}`);
  }
  // Empty body, bad names.
  later.status(await upload(m1, x.id, Buffer.alloc(0), { filename: 'empty.png', contentType: 'image/png' }), 400, 'invalid_argument', 'body', 'an empty body');
  const badNames = [
    ['no filename', null],
    ['an empty filename', 'filename='],
    ['a name with /', `filename=${encodeURIComponent('../etc/passwd.png')}`],
    ['a name with \\', `filename=${encodeURIComponent('a\\b.png')}`],
    ['a name with a control character', `filename=${encodeURIComponent('a\u0001b.png')}`],
    ['a name with a newline', `filename=${encodeURIComponent('a\nb.png')}`],
    ['a name of 201 characters', `filename=${'a'.repeat(197)}.png`],
  ];
  for (const [what, query] of badNames) {
    const res = await upload(m1, x.id, PNG, { query: query === null ? '' : query, contentType: 'image/png' });
    later.status(res, 400, 'invalid_argument', 'filename', `upload with ${what}`);
  }
  const none = await getIdea(m1, x.id);
  later.check(none.attachments.length === 0, `refused uploads were attached: ${JSON.stringify(none.attachments)}`);
  // 200 characters is allowed, counted in characters, not bytes.
  const n200 = `${'a'.repeat(196)}.png`;
  const ok200 = await upload(m1, x.id, PNG, { filename: n200, contentType: 'image/png' });
  later.check(ok200.status === 201 && ok200.json.filename === n200, `a name of 200 characters: ${ok200.describe()}`);
  const u200 = `${'ü'.repeat(196)}.png`;
  const okU = await upload(m1, x.id, PNG, { filename: u200, contentType: 'image/png' });
  later.check(okU.status === 201 && okU.json.filename === u200, `a name of 200 non-ASCII characters (400 bytes): ${okU.describe()}`);
  // A declared type with parameters or in another case is still that type.
  const param = await upload(m1, x.id, PNG, { filename: 'p.png', contentType: 'image/png; charset=binary' });
  later.check(param.status === 201 && param.json.content_type === 'image/png', `image/png with a parameter: ${param.describe()}`);
  later.done();
});

test('attachments: at most 10 per idea (422 naming attachments); at most 10 MB (10 MB + 1 byte → 413)', async () => {
  const later = collector();
  const x = await submitIdea(m1, { space_id: S.id });
  for (let i = 0; i < 10; i += 1) await attach(m1, x.id, PNG, { filename: `dot-${i}.png`, contentType: 'image/png' });
  later.status(await upload(m1, x.id, PNG, { filename: 'dot-10.png', contentType: 'image/png' }), 422, 'failed_precondition', 'attachments', 'an 11th attachment');
  later.status(await upload(im, x.id, PNG, { filename: 'dot-10.png', contentType: 'image/png' }), 422, 'failed_precondition', 'attachments', 'an 11th attachment by a manager');
  later.check((await getIdea(m1, x.id)).attachments.length === 10, 'an 11th attachment was stored');
  // Size: exactly 10 MB is accepted; one byte more is 413.
  const y = await submitIdea(m1, { space_id: S.id });
  const big = Buffer.alloc(MAX_BYTES + 1, 0);
  PNG.copy(big, 0);
  let tooBig;
  try {
    tooBig = await upload(m1, y.id, big, { filename: 'huge.png', contentType: 'image/png' });
  } catch (e) {
    // The server may answer 413 and close before reading the whole body: read it off a raw socket.
    const r = await exchange(srv.port, [
      `POST /api/v1/ideas/${y.id}/attachments?filename=huge.png HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${m1.cookieHeader()}\r\nX-Cocreate-Csrf: 1\r\nContent-Type: image/png\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n`,
      big,
    ], { stopAfterResponses: 1, timeoutMs: 30000 });
    tooBig = { status: r.responses[0] ? r.responses[0].status : 0, describe: () => `raw: ${r.responses[0] ? r.responses[0].head : r.error} (fetch: ${e.message})`, isProblem: true, code: null, json: null };
  }
  later.check(tooBig.status === 413, `10 MB + 1 byte: expected 413, got ${tooBig.describe()}`);
  if (tooBig.json) later.check(tooBig.code === 'payload_too_large', `10 MB + 1 byte: code ${tooBig.code}`);
  const exact = await upload(m1, y.id, big.subarray(0, MAX_BYTES), { filename: 'ten.png', contentType: 'image/png' });
  later.check(exact.status === 201 && exact.json.size === MAX_BYTES, `exactly 10 MB: ${exact.describe()}`);
  const ys = await getIdea(m1, y.id);
  later.check(ys.attachments.length === (exact.status === 201 ? 1 : 0), `the refused 10 MB + 1 upload was attached: ${JSON.stringify(ys.attachments)}`);
  if (exact.status === 201) {
    const res = await m2.get(exact.json.url, { timeoutMs: 60000 });
    later.check(res.status === 200 && res.raw.equals(big.subarray(0, MAX_BYTES)), `downloading 10 MB: ${res.status} ${res.raw.length} bytes`);
  }
  later.done();
});

test('attachments: authors while they may edit, moderators always, others 403; who sees the idea downloads, others 404; DELETE 204', async () => {
  const later = collector();
  const c = await createChallenge(owner, S.id, { phase: 'submission', audience: 'both' });
  const x = await submitIdea(m1, { challenge_id: c.id });
  // Not an author: internal member, external member, guest 403; outsider 404.
  for (const who of [m2, extA, guest]) later.status(await upload(who, x.id, PNG, { filename: 'x.png', contentType: 'image/png' }), 403, 'permission_denied', null, `upload as ${who.name}`);
  later.status(await upload(outsider, x.id, PNG, { filename: 'x.png', contentType: 'image/png' }), 404, 'not_found', null, 'upload as outsider');
  // An external author attaches to their own idea.
  const byExt = await submitIdea(extA, { challenge_id: c.id });
  const extFile = await upload(extA, byExt.id, PNG, { filename: 'mine.png', contentType: 'image/png' });
  later.check(extFile.status === 201, `an external author attaches to their idea: ${extFile.describe()}`);
  const a = await attach(m1, x.id, uniquePdf(), { filename: 'early.pdf' });
  const a2 = await attach(m1, x.id, PNG, { filename: 'early.png', contentType: 'image/png' });
  // Others who see the idea may not remove it.
  for (const who of [m2, extA]) later.status(await who.del(a.url), 403, 'permission_denied', null, `DELETE as ${who.name}`);
  later.status(await outsider.del(a.url), 404, 'not_found', null, 'DELETE as outsider');
  later.status(await outsider.get(a.url), 404, 'not_found', null, 'download as outsider');
  later.check((await m2.get(a.url)).status === 200, 'an internal non-author cannot download');
  later.check((await extA.get(a.url)).status === 200, 'an external member of the space cannot download');
  later.check((await guest.get(a.url)).status === 200, 'a guest of the space cannot download');
  // Past discussion: authors may no longer (422 naming phase); moderators still may.
  await setPhase(owner, c.id, 'voting');
  later.status(await upload(m1, x.id, PNG, { filename: 'late.png', contentType: 'image/png' }), 422, 'failed_precondition', 'phase', 'an author uploads in voting');
  later.status(await m1.del(a.url), 422, 'failed_precondition', 'phase', 'an author removes in voting');
  for (const who of [mod, owner, im]) {
    const res = await upload(who, x.id, PNG, { filename: `by-${who.name}.png`, contentType: 'image/png' });
    later.check(res.status === 201, `a moderator (${who.name}) uploads in voting: ${res.describe()}`);
  }
  const del = await mod.del(a2.url);
  later.check(del.status === 204 && del.raw.length === 0, `a moderator removes in voting: ${del.describe()}`);
  later.status(await m2.get(a2.url), 404, 'not_found', null, 'download after DELETE');
  later.status(await mod.del(a2.url), 404, 'not_found', null, 'DELETE twice');
  later.check(!(await getIdea(m1, x.id)).attachments.some((t) => t.id === a2.id), 'the removed attachment is still listed');
  // An author of a stand-alone idea, any time; DELETE, then GET 404.
  const alone = await submitIdea(m1, { space_id: S.id });
  const b = await attach(m1, alone.id, PNG, { filename: 'alone.png', contentType: 'image/png' });
  const d = await m1.del(b.url);
  later.check(d.status === 204, `the author removes from a stand-alone idea: ${d.describe()}`);
  later.status(await m1.get(b.url), 404, 'not_found', null, 'download after DELETE');
  // An idea of an internal challenge: its attachments are not the externals'.
  const internal = await createChallenge(owner, S.id, { phase: 'submission', audience: 'internal' });
  const hidden = await submitIdea(m1, { challenge_id: internal.id });
  const h = await attach(m1, hidden.id, PNG, { filename: 'internal.png', contentType: 'image/png' });
  later.status(await extA.get(h.url), 404, 'not_found', null, 'an external downloads from an internal challenge\'s idea');
  later.check((await m3.get(h.url)).status === 200, 'an internal member cannot download from an internal challenge\'s idea');
  later.status(await m1.get('/api/v1/attachments/99999999'), 404, 'not_found', null, 'an unknown attachment');
  later.done();
});

test('attachments: the same bytes on two ideas are stored once; removing one keeps the other downloadable', async () => {
  const bytes = uniquePdf();
  const x = await submitIdea(m1, { space_id: S.id });
  const y = await submitIdea(m2, { space_id: S.id });
  const a = await attach(m1, x.id, bytes, { filename: 'shared.pdf' });
  const b = await attach(m2, y.id, bytes, { filename: 'copy.pdf', contentType: 'application/pdf' });
  assert.notEqual(a.id, b.id);
  const del = await m1.del(a.url);
  assert.equal(del.status, 204, del.describe());
  assert.equal((await m3.get(a.url)).status, 404, 'the removed attachment still downloads');
  const res = await m3.get(b.url);
  assert.equal(res.status, 200, `the other idea's copy after removing the first: ${res.describe()}`);
  assert.ok(res.raw.equals(bytes), 'the other idea\'s copy lost its bytes');
  // And the last copy goes too.
  assert.equal((await m2.del(b.url)).status, 204);
  assert.equal((await m3.get(b.url)).status, 404);
  // Uploading the same bytes again afterwards works (the store is not left half-done).
  const again = await attach(m1, x.id, bytes, { filename: 'again.pdf' });
  const back = await m3.get(again.url);
  assert.equal(back.status, 200, back.describe());
  assert.ok(back.raw.equals(bytes));
});
