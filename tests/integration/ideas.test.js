'use strict';
// Ideas and challenges (issue 7; docs/api-ideas.md; api/openapi.yaml tag `ideas`, staged in
// api/staging/ideas.yaml until merged): challenges with dated phases and an amendable protocol,
// ideas in a challenge or standing alone, votes within a budget, build-on links, comment threads
// with the constructive-feedback prompt, helpful marks, reports and moderation, merging duplicates,
// similar ideas, points, badges and the leaderboard, and an event for every write.
//
// A challenge's phase follows its dates and the clock, so every challenge here gets dates
// relative to today (UTC) and moves between phases by changing them (support/ideas.js).

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique, listAll, expectStatus } = require('../support/client');
const { assertTime, assertPage } = require('../support/shapes');
const { walkPages, problemFields, createStakeholder } = require('../support/stakeholders');
const { GOOD_FIT } = require('../support/projects');
const {
  CHALLENGE_INTERNAL_KEYS, IDEA_INTERNAL_KEYS, SUMMARY_INTERNAL_KEYS, COMMENT_INTERNAL_KEYS, PHASES, POINTS, REASONS,
  ref, author, phaseDates, spaceWith, challengeBody, createChallenge, getChallenge, setPhase, ideaBody, submitIdea, getIdea, comment,
  comments, vote, buildOn, moderateIdea, moderateComment, report, points,
  assertChallenge, assertIdea, assertIdeaSummary, assertComment, assertReport, assertSimilar, assertLeaderboard, assertPoints, eventsAfter, lastEventId,
} = require('../support/ideas');

let api;
let admin;
let im;
let owner; // an internal member who owns space S: manages its challenges, moderates it
let mod; // an internal member who moderates S
let m1;
let m2;
let m3;
let extA; // external participants, members of S
let extB;
let guest; // an external guest of S: reads only
let outsider; // an external participant of space T only
let S;
let T;

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  owner = await api.createUser('member');
  mod = await api.createUser('member');
  m1 = await api.createUser('member');
  m2 = await api.createUser('member');
  m3 = await api.createUser('member');
  const s = await spaceWith(api, im, { roles: { owner: [owner], moderator: [mod], member: [m1, m2, m3] }, externals: { member: 2, guest: 1 } });
  S = s.space;
  [extA, extB] = s.ext.member;
  [guest] = s.ext.guest;
  const t = await spaceWith(api, admin, { externals: { member: 1 } });
  T = t.space;
  [outsider] = t.ext.member;
  // Names for the messages.
  Object.entries({ admin, im, owner, mod, m1, m2, m3, extA, extB, guest, outsider }).forEach(([name, b]) => { b.name = name; });
});

const ids = (xs) => xs.map((x) => x.id);
const withoutInternal = (obj, keys) => Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));
// Contract details checked without stopping the test, so that one difference does not hide
// the rest of the flow; done() fails the test with every difference found.
function collector() {
  const problems = [];
  return {
    problems,
    check(ok, msg) { if (!ok) problems.push(msg); },
    status(res, status, code, field, what) {
      const statuses = Array.isArray(status) ? status : [status];
      if (!statuses.includes(res.status) || (code && res.code !== code) || (field && !problemFields(res).includes(field))) {
        problems.push(`${what}: expected ${statuses.join(' or ')}${code ? ` ${code}` : ''}${field ? ` naming ${field}` : ''}, got ${res.describe()}`);
      }
    },
    done() { assert.deepEqual(problems, [], problems.join('\n')); },
  };
}
// status, and when given the code and a field the problem must name.
function problemCheck(res, status, code, field, what) {
  const statuses = Array.isArray(status) ? status : [status];
  assert.ok(statuses.includes(res.status), `${what}: expected ${statuses.join(' or ')}, got ${res.describe()}`);
  assert.ok(res.isProblem, `${what}: not problem+json`);
  if (code) assert.equal(res.code, code, `${what}: code ${res.code}: ${res.text}`);
  if (field) assert.ok(problemFields(res).includes(field), `${what}: the problem does not name ${field}: ${res.text}`);
}

// ---- challenges ----------------------------------------------------------------------------

test('challenges: an internal space owner creates one with every field; internal and external readers get their shapes', async () => {
  const later = collector();
  const title = unique('Quiet factory ');
  const body = {
    space_id: S.id,
    title,
    problem: 'How might we make the **line** quieter?',
    goals: ['Below 70 dB', 'No new headcount'],
    audience: 'both',
    sponsor_id: im.user.id,
    phases: phaseDates('submission'),
    votes_per_person: 3,
    leaderboard: true,
    criteria: [{ key: 'impact', text: 'How much quieter', weight: 3 }, { key: 'effort', text: 'How hard to build' }],
    fit: GOOD_FIT,
    protocol: 'Be kind. Build on others.',
  };
  const res = await owner.post('/api/v1/challenges', body);
  assert.equal(res.status, 201, res.describe());
  const c = res.json;
  assertChallenge(c, { internal: true });
  assert.equal(c.space_id, S.id);
  assert.equal(c.title, title);
  assert.equal(c.problem, body.problem);
  assert.match(c.problem_html, /<strong>line<\/strong>/);
  assert.deepEqual(c.goals, body.goals);
  assert.equal(c.audience, 'both');
  assert.deepEqual(c.sponsor, ref(im));
  assert.deepEqual(c.phases, body.phases);
  assert.equal(c.phase, 'submission');
  assert.equal(c.votes_per_person, 3);
  assert.equal(c.my_votes_used, 0);
  assert.equal(c.leaderboard, true);
  assert.deepEqual(c.criteria, [{ key: 'impact', text: 'How much quieter', weight: 3 }, { key: 'effort', text: 'How hard to build', weight: 1 }]);
  assert.equal(c.protocol.version, 1);
  assert.equal(c.protocol.text, body.protocol);
  assert.deepEqual(c.protocol.changed_by, ref(owner));
  later.check(c.protocol.note === '', `version 1 of the protocol has the note ${JSON.stringify(c.protocol.note)} (the contract: empty for version 1)`);
  assert.equal(c.idea_count, 0);
  assert.equal(c.version, 1);
  assert.deepEqual(c.fit.answers, GOOD_FIT);
  assert.equal(c.fit.score, 100);
  // Read back: the same for every internal user; externals of the space get the shared view.
  assert.deepEqual(await getChallenge(m1, c.id), c, 'GET answers differently from POST');
  const shared = await getChallenge(extA, c.id);
  assertChallenge(shared, { internal: false }, 'challenge seen by an external participant');
  assert.deepEqual(shared, withoutInternal(c, CHALLENGE_INTERNAL_KEYS));
  // Defaults: audience both, 5 votes, leaderboard on, no criteria, fit null.
  const d = await createChallenge(owner, S.id);
  assert.equal(d.audience, 'both');
  assert.equal(d.votes_per_person, 5);
  assert.equal(d.leaderboard, true);
  assert.deepEqual(d.criteria, []);
  assert.equal(d.fit, null);
  // Listed and found.
  const byQ = await listAll(m1, `/api/v1/challenges?space_id=${S.id}&q=${encodeURIComponent(title)}`);
  assert.deepEqual(ids(byQ), [c.id]);
  assert.deepEqual(byQ[0], c, 'the list item differs from GET');
  const extList = await extA.get(`/api/v1/challenges?space_id=${S.id}`);
  assert.equal(extList.status, 200, extList.describe());
  assertPage(extList.json);
  for (const it of extList.json.items) assertChallenge(it, { internal: false }, 'external list item');
  assert.ok(ids(extList.json.items).includes(c.id));
  // Another space's challenges are not the outsider's: an empty page, not an error.
  const out = await outsider.get(`/api/v1/challenges?space_id=${S.id}`);
  assert.equal(out.status, 200, out.describe());
  assert.deepEqual(out.json.items, []);
  // Who may not create: a member of the space (403), its moderator (managing is for owners),
  // an external participant (404: not told it exists).
  for (const [who, status] of [[m1, 403], [mod, 403], [extA, 404], [guest, 404]]) {
    const r = await who.post('/api/v1/challenges', challengeBody(S.id));
    later.status(r, status, null, null, `POST /challenges as ${who.name}`);
    later.check(r.status !== 201, `POST /challenges as ${who.name} created one`);
  }
  // Managers create in any space.
  await createChallenge(im, T.id);
  await createChallenge(admin, S.id);
  later.done();
});

test('challenges: PATCH with the version read; a stale version is 409; new dates move the phase at once', async () => {
  const c = await createChallenge(owner, S.id);
  const res = await owner.patch(`/api/v1/challenges/${c.id}`, { title: unique('Renamed '), votes_per_person: 2, version: c.version });
  assert.equal(res.status, 200, res.describe());
  assertChallenge(res.json, { internal: true });
  assert.equal(res.json.votes_per_person, 2);
  assert.equal(res.json.version, c.version + 1, 'version did not increase');
  assert.deepEqual(res.json.phases, c.phases, 'a PATCH without phases changed them');
  const stale = await owner.patch(`/api/v1/challenges/${c.id}`, { title: unique('Stale '), version: c.version });
  problemCheck(stale, 409, 'conflict', null, 'PATCH with a stale version');
  // The protocol changes only by amendment.
  problemCheck(await owner.patch(`/api/v1/challenges/${c.id}`, { protocol: 'Sneaky', version: res.json.version }), 400, 'invalid_argument', 'protocol', 'PATCH protocol');
  // The phase follows the new dates at once.
  const moved = await owner.patch(`/api/v1/challenges/${c.id}`, { phases: phaseDates('voting'), version: res.json.version });
  assert.equal(moved.status, 200, moved.describe());
  assert.equal(moved.json.phase, 'voting');
  // Dates that do not increase: 422 naming the first that does not; nothing changes.
  const bad = { ...phaseDates('review'), voting_opens: phaseDates('review').discussion_opens };
  problemCheck(await owner.patch(`/api/v1/challenges/${c.id}`, { phases: bad, version: moved.json.version }), 422, 'invalid_argument', 'phases.voting_opens', 'PATCH dates out of order');
  const now = await getChallenge(owner, c.id);
  assert.equal(now.version, moved.json.version, 'a refused PATCH changed the version');
  assert.equal(now.phase, 'voting');
  // Who may not: members and the space's moderator (403), externals who see it (403), an
  // external outside the space (404). Managers may.
  for (const [who, status] of [[m1, 403], [mod, 403], [extA, 403], [outsider, 404]]) {
    const r = await who.patch(`/api/v1/challenges/${c.id}`, { title: unique('Not yours '), version: now.version });
    assert.equal(r.status, status, `PATCH as ${who.name}: ${r.describe()}`);
  }
  const byIm = await im.patch(`/api/v1/challenges/${c.id}`, { leaderboard: false, version: now.version });
  assert.equal(byIm.status, 200, byIm.describe());
  assert.equal(byIm.json.leaderboard, false);
  problemCheck(await owner.patch('/api/v1/challenges/999999', { title: 'Nothing here', version: 1 }), 404, 'not_found', null, 'PATCH a challenge that does not exist');
});

test('challenges: amending the protocol appends versions; every version stays readable with its date and note', async () => {
  const c = await createChallenge(owner, S.id, { protocol: 'Rule one.' });
  const a2 = await owner.post(`/api/v1/challenges/${c.id}/protocol`, { text: 'Rule one. Rule two.', note: 'Added rule two' });
  assert.equal(a2.status, 201, a2.describe());
  assert.equal(a2.json.version, 2);
  assert.equal(a2.json.text, 'Rule one. Rule two.');
  assert.equal(a2.json.note, 'Added rule two');
  assert.deepEqual(a2.json.changed_by, ref(owner));
  assertTime(a2.json.changed_at, 'changed_at');
  const a3 = await im.post(`/api/v1/challenges/${c.id}/protocol`, { text: 'Rule **two** only.', note: 'Dropped rule one' });
  assert.equal(a3.status, 201, a3.describe());
  assert.equal(a3.json.version, 3);
  assert.match(a3.json.text_html, /<strong>two<\/strong>/);
  const now = await getChallenge(m1, c.id);
  assert.deepEqual(now.protocol, a3.json, 'the challenge does not carry the newest protocol');
  const later = collector();
  for (const who of [m1, extA]) {
    const res = await who.get(`/api/v1/challenges/${c.id}/protocol`);
    assert.equal(res.status, 200, res.describe());
    assertPage(res.json);
    assert.deepEqual(res.json.items.map((v) => [v.version, v.text]), [[3, 'Rule **two** only.'], [2, 'Rule one. Rule two.'], [1, 'Rule one.']],
      `the versions as ${who.name}, newest first`);
    assert.deepEqual(res.json.items.slice(0, 2).map((v) => v.note), ['Dropped rule one', 'Added rule two']);
    later.check(res.json.items[2].note === '', `version 1's note is ${JSON.stringify(res.json.items[2].note)} (the contract: empty)`);
    assert.deepEqual(res.json.items[2].changed_by, ref(owner));
    for (const v of res.json.items) assertTime(v.changed_at, `version ${v.version}.changed_at`);
    assert.deepEqual(res.json.items[0], a3.json);
  }
  // A paged walk gives the same versions.
  try {
    assert.deepEqual((await walkPages(m1, `/api/v1/challenges/${c.id}/protocol`, { limit: 1, key: (v) => v.version })).map((v) => v.version), [3, 2, 1]);
  } catch (err) { later.problems.push(`walking the protocol one version a page: ${err.message}`); }
  // Who may not amend; an empty note; a closed challenge.
  for (const [who, status] of [[m1, 403], [extA, 403], [outsider, 404]]) {
    const r = await who.post(`/api/v1/challenges/${c.id}/protocol`, { text: 'Mine', note: 'Mine' });
    assert.equal(r.status, status, `amend as ${who.name}: ${r.describe()}`);
  }
  problemCheck(await owner.post(`/api/v1/challenges/${c.id}/protocol`, { text: 'x', note: '' }), [400, 422], 'invalid_argument', 'note', 'an empty note');
  assert.equal((await getChallenge(owner, c.id)).protocol.version, 3, 'a refused amendment appended a version');
  const closed = await createChallenge(owner, S.id, { phase: 'closed' });
  later.status(await owner.post(`/api/v1/challenges/${closed.id}/protocol`, { text: 'Late', note: 'Too late' }), 422, 'failed_precondition', 'phase', 'amend a closed challenge');
  later.check((await getChallenge(owner, closed.id)).protocol.version === 1, 'a closed challenge was amended');
  later.done();
});

test('challenges: the phase follows the dates and the clock; the list filters by it', async () => {
  const made = {};
  for (const p of PHASES) made[p] = await createChallenge(owner, S.id, { phase: p, title: unique(`Phase ${p} `) });
  for (const p of PHASES) {
    assert.equal(made[p].phase, p, `dates ${JSON.stringify(made[p].phases)} should be ${p} today`);
    assert.equal((await getChallenge(m1, made[p].id)).phase, p);
  }
  const problems = [];
  for (const p of PHASES) {
    const res = await m1.get(`/api/v1/challenges?space_id=${S.id}&phase=${p}&limit=200`);
    if (res.status !== 200) { problems.push(`phase=${p}: ${res.describe()}`); continue; }
    const got = ids(res.json.items);
    if (!got.includes(made[p].id)) problems.push(`phase=${p} does not list the ${p} challenge`);
    for (const it of res.json.items) if (it.phase !== p) problems.push(`phase=${p} lists a challenge in ${it.phase}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('challenges: invalid bodies → 422 (or 400) naming the field; nothing is created', async () => {
  const title = unique('Never made ');
  const dates = phaseDates('submission');
  const cases = [
    [{ phases: { ...dates, voting_opens: dates.discussion_opens } }, 422, 'phases.voting_opens'],
    [{ phases: { ...dates, review_opens: dates.submission_opens } }, 422, 'phases.review_opens'],
    [{ phases: { ...dates, closes: dates.review_opens } }, 422, 'phases.closes'],
    [{ phases: { ...dates, submission_opens: '2026-02-30' } }, [400, 422], 'phases.submission_opens'],
    [{ criteria: [{ key: 'impact', text: 'A' }, { key: 'impact', text: 'B' }] }, 422, 'criteria[1].key'],
    [{ votes_per_person: 0 }, [400, 422], 'votes_per_person'],
    [{ votes_per_person: 21 }, [400, 422], 'votes_per_person'],
    [{ audience: 'everyone' }, [400, 422], 'audience'],
    [{ sponsor_id: extA.user.id }, 422, 'sponsor_id'],
    [{ space_id: 999999 }, 422, 'space_id'],
    [{ title: 'ab' }, [400, 422], 'title'],
    [{ criteria: [{ key: 'impact', text: 'A', weight: 6 }] }, [400, 422], 'criteria[0].weight'],
  ];
  const problems = [];
  for (const [fields, status, field] of cases) {
    const res = await owner.post('/api/v1/challenges', challengeBody(S.id, { title, ...fields }));
    const statuses = Array.isArray(status) ? status : [status];
    if (!statuses.includes(res.status) || !problemFields(res).includes(field)) problems.push(`${JSON.stringify(fields)}: expected ${statuses} naming ${field}, got ${res.describe()}`);
  }
  const missing = challengeBody(S.id, { title });
  delete missing.phases;
  const rm = await owner.post('/api/v1/challenges', missing);
  if (![400, 422].includes(rm.status) || !problemFields(rm).some((f) => f.startsWith('phases'))) problems.push(`no phases: ${rm.describe()}`);
  const listed = await listAll(admin, `/api/v1/challenges?q=${encodeURIComponent(title)}`);
  if (listed.length) problems.push(`refused bodies created ${listed.length} challenges`);
  assert.deepEqual(problems, [], problems.join('\n'));
});

// ---- ideas ----------------------------------------------------------------------------------

test('ideas: submitted in the submission and discussion phases only; 422 failed_precondition otherwise', async () => {
  for (const p of PHASES) {
    const c = await createChallenge(owner, S.id, { phase: p });
    const res = await m1.post('/api/v1/ideas', ideaBody({ challenge_id: c.id }));
    if (p === 'submission' || p === 'discussion') {
      assert.equal(res.status, 201, `submit in ${p}: ${res.describe()}`);
      assert.equal(res.json.challenge_id, c.id);
      assert.equal((await getChallenge(m1, c.id)).idea_count, 1, `idea_count after submitting in ${p}`);
    } else {
      problemCheck(res, 422, 'failed_precondition', null, `submit in ${p}`);
      assert.ok(typeof res.json.detail === 'string' && res.json.detail.length > 0, `submit in ${p}: the problem does not say when it is possible`);
      assert.equal((await getChallenge(m1, c.id)).idea_count, 0, `a refused idea counted in ${p}`);
    }
  }
});

test('ideas: in a challenge or standing alone in a space; internal and shared shapes; who may submit', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'discussion' });
  const before = await points(m1);
  const body = ideaBody({ challenge_id: c.id }, { title: unique('Acoustic panels '), description: 'Panels **behind** each press.', tags: ['Noise', 'pilot'] });
  const res = await m1.post('/api/v1/ideas', body);
  assert.equal(res.status, 201, res.describe());
  const x = res.json;
  const later = collector();
  try { assertIdea(x, { internal: true }); } catch (e) { later.problems.push(`the Idea shape: ${e.message}`); }
  assert.equal(x.space_id, S.id, 'the idea is not in the challenge\'s space');
  assert.equal(x.challenge_id, c.id);
  assert.equal(x.title, body.title);
  assert.match(x.description_html, /<strong>behind<\/strong>/);
  later.check(JSON.stringify(x.tags) === JSON.stringify(['noise', 'pilot']), `tags are stored lower-case: ${JSON.stringify(x.tags)}`);
  assert.deepEqual(x.authors, [author(m1)]);
  assert.equal(x.status, 'new');
  assert.equal(x.decline_reason, null);
  assert.deepEqual([x.vote_count, x.my_vote, x.comment_count, x.interest_level, x.hidden, x.moderation_note, x.merged_into, x.project],
    [0, false, 0, 'none', false, null, null, null]);
  assert.deepEqual([x.interest_score, x.interest, x.moderated_by], [0, [], null]);
  later.check(JSON.stringify(x.review) === JSON.stringify({ score: null, count: 0, reviews: [] }), `review of an idea nobody reviewed: ${JSON.stringify(x.review)} (the contract: {score: null, count: 0, reviews: []})`);
  assert.deepEqual(await getIdea(m2, x.id), x, 'GET differs from POST');
  const seen = await getIdea(extA, x.id);
  assertIdea(seen, { internal: false }, 'idea seen by an external participant');
  assert.deepEqual(seen, withoutInternal(x, IDEA_INTERNAL_KEYS));
  // The author earns idea_submitted.
  assert.equal((await points(m1)).total - before.total, POINTS.idea_submitted);
  // An external member of the space submits too, and gets the shared view.
  const byExt = await extA.post('/api/v1/ideas', ideaBody({ challenge_id: c.id }));
  assert.equal(byExt.status, 201, byExt.describe());
  assertIdea(byExt.json, { internal: false }, 'idea submitted by an external participant');
  assert.ok('interest_score' in (await getIdea(m1, byExt.json.id)), 'an internal reader gets the shared view of an external\'s idea');
  // Stand-alone: space_id only; challenge_id null.
  const alone = await submitIdea(m2, { space_id: S.id });
  assert.equal(alone.challenge_id, null);
  assert.equal(alone.space_id, S.id);
  assert.equal((await getIdea(extB, alone.id)).id, alone.id, 'a member of the space does not see a stand-alone idea');
  problemCheck(await outsider.get(`/api/v1/ideas/${alone.id}`), 404, 'not_found', null, 'an outsider reads a stand-alone idea');
  // Who may not: a guest (reads only), an outsider (the space and challenge are unseen: 422, not
  // told more).
  problemCheck(await guest.post('/api/v1/ideas', ideaBody({ challenge_id: c.id })), 403, 'permission_denied', null, 'a guest submits');
  problemCheck(await guest.post('/api/v1/ideas', ideaBody({ space_id: S.id })), 403, 'permission_denied', null, 'a guest submits a stand-alone idea');
  problemCheck(await outsider.post('/api/v1/ideas', ideaBody({ challenge_id: c.id })), 422, 'invalid_argument', 'challenge_id', 'an outsider submits');
  problemCheck(await outsider.post('/api/v1/ideas', ideaBody({ space_id: S.id })), 422, 'invalid_argument', 'space_id', 'an outsider submits a stand-alone idea');
  assert.equal((await guest.get(`/api/v1/ideas/${x.id}`)).status, 200, 'a guest does not read');
  // Invalid bodies.
  const invalid = [
    [{ title: 'Nowhere', description: 'No space, no challenge' }, 422, null],
    [ideaBody({ challenge_id: c.id, space_id: T.id }), 422, 'space_id'],
    [ideaBody({ challenge_id: 999999 }), 422, 'challenge_id'],
    [ideaBody({ space_id: 999999 }), 422, 'space_id'],
    [ideaBody({ challenge_id: c.id }, { title: 'ab' }), [400, 422], 'title'],
    [ideaBody({ challenge_id: c.id }, { tags: ['a', 'a'] }), [400, 422], 'tags'],
    [ideaBody({ challenge_id: c.id }, { tags: ['x'.repeat(41)] }), [400, 422], 'tags[0]'],
  ];
  for (const [b, status, field] of invalid) {
    const r = await m1.post('/api/v1/ideas', b);
    const statuses = Array.isArray(status) ? status : [status];
    later.check(statuses.includes(r.status), `${JSON.stringify(b).slice(0, 120)}: expected ${statuses}, got ${r.describe()}`);
    if (field) later.check(problemFields(r).some((f) => f === field || f.startsWith(`${field}`)), `${JSON.stringify(b).slice(0, 120)} does not name ${field}: ${r.text}`);
  }
  later.done();
});

test('ideas: authors and moderators edit with the version read; others 403; a stale version 409', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'submission' });
  const x = await submitIdea(m1, { challenge_id: c.id }, { tags: ['one'] });
  const r1 = await m1.patch(`/api/v1/ideas/${x.id}`, { title: unique('Better title '), tags: ['two', 'three'], version: x.version });
  assert.equal(r1.status, 200, r1.describe());
  assert.deepEqual(r1.json.tags, ['two', 'three'], 'tags are not replaced');
  assert.equal(r1.json.version, x.version + 1);
  assert.equal(r1.json.description, x.description, 'a field left out changed');
  problemCheck(await m1.patch(`/api/v1/ideas/${x.id}`, { title: unique('Stale '), version: x.version }), 409, 'conflict', null, 'a stale version');
  for (const who of [m2, extA, guest]) {
    const r = await who.patch(`/api/v1/ideas/${x.id}`, { title: unique('Not mine '), version: r1.json.version });
    problemCheck(r, 403, 'permission_denied', null, `PATCH as ${who.name}`);
  }
  problemCheck(await outsider.patch(`/api/v1/ideas/${x.id}`, { title: unique('Not mine '), version: r1.json.version }), 404, 'not_found', null, 'PATCH as an outsider');
  const byMod = await mod.patch(`/api/v1/ideas/${x.id}`, { description: 'Tidied by the moderator.', version: r1.json.version });
  assert.equal(byMod.status, 200, byMod.describe());
  // A stand-alone idea takes edits any time.
  const alone = await submitIdea(m1, { space_id: S.id });
  assert.equal((await m1.patch(`/api/v1/ideas/${alone.id}`, { title: unique('Alone, edited '), version: alone.version })).status, 200);
  // Authors edit while the challenge takes ideas; moderators any time.
  await setPhase(owner, c.id, 'voting');
  const late = await mod.patch(`/api/v1/ideas/${x.id}`, { title: unique('Moderator, late '), version: byMod.json.version });
  assert.equal(late.status, 200, late.describe());
  problemCheck(await m1.patch(`/api/v1/ideas/${x.id}`, { title: unique('Too late '), version: late.json.version }), 422, 'failed_precondition', 'phase', 'an author edits in voting');
});

test('ideas: co-authors join, earn the submission points and edit; only authors add them', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'submission' });
  const x = await submitIdea(m1, { challenge_id: c.id });
  const before = await points(m3);
  const res = await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: m3.user.id });
  assert.equal(res.status, 200, res.describe());
  assert.deepEqual(res.json.authors, [author(m1), author(m3, 'co_author')]);
  assert.equal((await points(m3)).total - before.total, POINTS.idea_submitted, 'a co-author does not earn idea_submitted');
  // The co-author edits and adds another (an external member of the space).
  const e = await m3.patch(`/api/v1/ideas/${x.id}`, { title: unique('Co-authored '), version: res.json.version });
  assert.equal(e.status, 200, e.describe());
  const withExt = await m3.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: extA.user.id });
  assert.equal(withExt.status, 200, withExt.describe());
  // The author first, then the co-authors (in no promised order).
  assert.deepEqual(withExt.json.authors[0], author(m1));
  assert.deepEqual(withExt.json.authors.slice(1).map((a) => [a.id, a.role]).sort((p, q) => p[0] - q[0]),
    [[m3.user.id, 'co_author'], [extA.user.id, 'co_author']].sort((p, q) => p[0] - q[0]));
  const later = collector();
  later.status(await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: m3.user.id }), 409, 'already_exists', null, 'an author again');
  problemCheck(await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: guest.user.id }), 422, 'invalid_argument', 'user_id', 'a guest of the space');
  problemCheck(await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: outsider.user.id }), 422, 'invalid_argument', 'user_id', 'an external of another space');
  problemCheck(await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: 999999 }), 422, 'invalid_argument', 'user_id', 'nobody');
  problemCheck(await m2.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: m2.user.id }), 403, 'permission_denied', null, 'a non-author adds themselves');
  problemCheck(await extB.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: extB.user.id }), 403, 'permission_denied', null, 'an external non-author');
  assert.equal((await getIdea(m1, x.id)).authors.length, 3, 'a refused co-author joined');
  later.done();
});

// A challenge's list pages are rendered once and shared (docs/api-ideas.md "What a node keeps
// in memory"): every change an item shows must be there on the next read, and each caller's
// my_vote stays their own.
test('ideas: a challenge\'s list shows every change at once, each caller\'s vote their own', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'submission', votes_per_person: 5 });
  const x = await submitIdea(m1, { challenge_id: c.id }, { title: unique('Cached list idea ') });
  const y = await submitIdea(m2, { challenge_id: c.id });
  const path = `/api/v1/ideas?challenge_id=${c.id}&sort=-votes`;
  const item = async (who, id = x.id) => (await listAll(who, path)).find((it) => it.id === id);
  for (const who of [m1, m2, extA, mod]) await item(who);  // every kind of caller has a page now
  // An edit: the title.
  const title = unique('Renamed in place ');
  const current = await getIdea(m1, x.id);
  expectStatus(await m1.patch(`/api/v1/ideas/${x.id}`, { title, version: current.version }), 200, 'edit');
  assert.equal((await item(m2)).title, title, 'the list shows the old title');
  // A co-author.
  expectStatus(await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: m3.user.id }), 200, 'co-author');
  assert.ok((await item(extA)).authors.some((a) => a.id === m3.user.id), 'the list misses the new co-author');
  // A comment.
  await comment(m2, x.id);
  assert.equal((await item(m1)).comment_count, 1, 'the list misses the comment');
  // Votes: counted for everyone, my_vote only for the voter.
  await setPhase(owner, c.id, 'voting');
  await vote(m2, x.id);
  await vote(extA, y.id);
  assert.equal((await item(m1)).vote_count, 1);
  assert.equal((await item(m1)).my_vote, false, 'm1 sees m2\'s vote as theirs');
  assert.equal((await item(m2)).my_vote, true, 'm2 does not see their vote');
  assert.equal((await item(extA)).my_vote, false, 'extA sees m2\'s vote as theirs');
  assert.equal((await item(extA, y.id)).my_vote, true, 'extA does not see their vote');
  assert.equal((await item(m2, y.id)).my_vote, false);
  // Stakeholder interest: the score and count for staff.
  const customer = await createStakeholder(im, { name: unique('Cached list customer '), kind: 'customer' });
  const noted = await im.post(`/api/v1/ideas/${x.id}/interest`, { stakeholder_id: customer.id, level: 'committed' });
  if (noted.status === 201) {
    const staff = await item(m1);
    assert.ok(staff.interest_score > 0 && staff.interest_count === 1, `staff see no interest: ${JSON.stringify(staff)}`);
    assert.notEqual((await item(extA)).interest_level, 'none', 'externals see no interest');
    assert.ok(!('interest_count' in (await item(extA))), 'an external participant sees the interest count');
  }
  // Hidden: gone for members, still there (hidden) for the moderator.
  await moderateIdea(mod, x.id, { action: 'hide', note: 'Hidden for the list test.' });
  assert.equal(await item(m2), undefined, 'a hidden idea stays listed');
  assert.equal(await item(extA), undefined, 'a hidden idea stays listed to externals');
  assert.equal((await item(mod)).hidden, true, 'the moderator does not see the hidden idea');
});

test('ideas: lists sorted by -votes, -interest and -created, walked page by page; tag, q, status and space filters', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'submission', votes_per_person: 20 });
  const word = unique('zebra').toLowerCase();
  const made = [];
  for (let i = 0; i < 7; i += 1) {
    const tags = i % 2 === 0 ? ['Energy', `t${i}`] : [`t${i}`];
    const description = i === 3 ? `A ${word} crossing for forklifts.` : 'Fewer forklift trips.';
    made.push(await submitIdea(m1, { challenge_id: c.id }, { tags, description }));
  }
  await setPhase(owner, c.id, 'voting');
  // Votes per idea: 3 1 3 0 2 0 1 (ties are broken by ID, newest first).
  const voters = [m2, m3, extA, extB, owner, mod, im, admin];
  const want = [3, 1, 3, 0, 2, 0, 1];
  for (let i = 0; i < made.length; i += 1) for (let v = 0; v < want[i]; v += 1) await vote(voters[(i + v) % voters.length], made[i].id);
  const byVotes = [...made.map((x, i) => ({ id: x.id, votes: want[i] }))].sort((a, b) => b.votes - a.votes || b.id - a.id).map((x) => x.id);
  const byNewest = ids(made).sort((a, b) => b - a);
  for (const who of [m2, extA]) {
    const walked = await walkPages(who, `/api/v1/ideas?challenge_id=${c.id}&sort=-votes`, { limit: 2 });
    assert.deepEqual(ids(walked), byVotes, `sort=-votes as ${who.name}: ${JSON.stringify(walked.map((x) => [x.id, x.vote_count]))}`);
    for (const it of walked) assertIdeaSummary(it, { internal: who === m2 });
    assert.deepEqual(walked.map((x) => x.vote_count), [...want].sort((a, b) => b - a));
    assert.deepEqual(ids(await walkPages(who, `/api/v1/ideas?challenge_id=${c.id}`, { limit: 3 })), byNewest, `default order as ${who.name}`);
    assert.deepEqual(ids(await walkPages(who, `/api/v1/ideas?challenge_id=${c.id}&sort=-created`, { limit: 2 })), byNewest, `sort=-created as ${who.name}`);
  }
  // my_vote is the caller's.
  const mine = await listAll(m2, `/api/v1/ideas?challenge_id=${c.id}`);
  for (const it of mine) assert.equal(it.my_vote, (await getIdea(m2, it.id)).my_vote, `my_vote of ${it.id} differs between list and GET`);
  // -interest: internal users only. Interest is recorded where that route is served (a committed
  // customer on one idea, a curious one on another); otherwise every score is 0 and ties go by ID.
  const customer = await createStakeholder(im, { name: unique('Interested customer '), kind: 'customer' });
  const recorded = await im.post(`/api/v1/ideas/${made[1].id}/interest`, { stakeholder_id: customer.id, level: 'committed' });
  if (recorded.status === 201) {
    expectStatus(await im.post(`/api/v1/ideas/${made[4].id}/interest`, { stakeholder_id: customer.id, level: 'curious' }), 201, 'interest');
  }
  const byInterest = await walkPages(m2, `/api/v1/ideas?challenge_id=${c.id}&sort=-interest`, { limit: 2 });
  assert.deepEqual(ids(byInterest), [...byInterest].sort((a, b) => b.interest_score - a.interest_score || b.id - a.id).map((x) => x.id));
  assert.equal(byInterest.length, 7);
  if (recorded.status === 201) {
    assert.deepEqual(ids(byInterest).slice(0, 2), [made[1].id, made[4].id], 'sort=-interest does not put the strongest interest first');
    assert.deepEqual(byInterest.slice(0, 2).map((x) => [x.interest_score, x.interest_count]), [[3, 1], [1, 1]]);
  }
  for (const it of byInterest) for (const k of SUMMARY_INTERNAL_KEYS) assert.ok(k in it, `internal list item lacks ${k}`);
  problemCheck(await extA.get(`/api/v1/ideas?challenge_id=${c.id}&sort=-interest`), 400, 'invalid_argument', 'sort', 'sort=-interest for an external participant');
  problemCheck(await m2.get(`/api/v1/ideas?challenge_id=${c.id}&sort=votes`), 400, 'invalid_argument', 'sort', 'an unknown sort');
  // Filters.
  const energy = made.filter((_, i) => i % 2 === 0).map((x) => x.id).sort((a, b) => b - a);
  assert.deepEqual(ids(await listAll(m2, `/api/v1/ideas?challenge_id=${c.id}&tag=energy`)), energy, 'tag=energy');
  assert.deepEqual(ids(await listAll(m2, `/api/v1/ideas?challenge_id=${c.id}&tag=ENERGY`)), energy, 'tag is case-insensitive');
  assert.deepEqual(ids(await listAll(m2, `/api/v1/ideas?challenge_id=${c.id}&tag=t3`)), [made[3].id], 'tag=t3');
  assert.deepEqual(ids(await listAll(extA, `/api/v1/ideas?q=${word}`)), [made[3].id], `q=${word}`);
  assert.deepEqual(ids(await listAll(m2, `/api/v1/ideas?space_id=${S.id}&q=${word}`)), [made[3].id], `space_id & q=${word}`);
  const st = await mod.post(`/api/v1/ideas/${made[5].id}/status`, { status: 'under_review' });
  assert.equal(st.status, 200, st.describe());
  assert.deepEqual(ids(await listAll(m2, `/api/v1/ideas?challenge_id=${c.id}&status=under_review`)), [made[5].id]);
  // space_id lists the space's challenge ideas and its stand-alone ideas; never another space's.
  const alone = await submitIdea(m3, { space_id: S.id });
  const inSpace = ids(await listAll(m2, `/api/v1/ideas?space_id=${S.id}`));
  assert.ok(inSpace.includes(alone.id) && inSpace.includes(made[0].id), 'space_id misses a stand-alone or a challenge idea');
  const elsewhere = await submitIdea(im, { space_id: T.id });
  assert.ok(!inSpace.includes(elsewhere.id), 'space_id lists another space\'s idea');
  // An unseen space or challenge gives an empty page.
  const all = await listAll(outsider, '/api/v1/ideas');
  assert.ok(all.every((x) => x.space_id === T.id), 'an outsider lists ideas of a space that is not theirs');
  for (const q of [`space_id=${S.id}`, `challenge_id=${c.id}`]) {
    const r = await outsider.get(`/api/v1/ideas?${q}`);
    assert.equal(r.status, 200, `outsider ${q}: ${r.describe()}`);
    assert.deepEqual(r.json.items, [], `outsider ${q}`);
  }
});

// ---- votes ----------------------------------------------------------------------------------

test('votes: only in voting, at most votes_per_person per challenge, one per idea, never for your own; withdrawing gives it back', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'submission', votes_per_person: 2 });
  const [a, b, d] = [await submitIdea(m1, { challenge_id: c.id }), await submitIdea(m1, { challenge_id: c.id }), await submitIdea(m1, { challenge_id: c.id })];
  const own = await submitIdea(m2, { challenge_id: c.id });
  problemCheck(await m3.put(`/api/v1/ideas/${a.id}/vote`), 422, 'failed_precondition', null, 'a vote in submission');
  await setPhase(owner, c.id, 'voting');
  const pointsBefore = await points(m1);
  const v1 = await vote(m3, a.id);
  assert.deepEqual([v1.vote_count, v1.my_vote], [1, true]);
  const again = await vote(m3, a.id);
  assert.deepEqual([again.vote_count, again.my_vote], [1, true], 'a second vote for the same idea counted');
  await vote(m3, b.id);
  assert.equal((await getChallenge(m3, c.id)).my_votes_used, 2);
  problemCheck(await m3.put(`/api/v1/ideas/${d.id}/vote`), 422, 'failed_precondition', 'vote', 'a third vote with a budget of two');
  assert.equal((await getIdea(m3, d.id)).vote_count, 0, 'the refused vote counted');
  // Withdrawing gives the vote back.
  const un = await m3.del(`/api/v1/ideas/${a.id}/vote`);
  assert.equal(un.status, 200, un.describe());
  assert.deepEqual([un.json.vote_count, un.json.my_vote], [0, false]);
  assert.equal((await getChallenge(m3, c.id)).my_votes_used, 1);
  await vote(m3, d.id);
  const none = await m3.del(`/api/v1/ideas/${a.id}/vote`);
  assert.equal(none.status, 200, `withdrawing a vote never cast: ${none.describe()}`);
  assert.equal(none.json.vote_count, 0);
  // Never for your own idea.
  const self = await m2.put(`/api/v1/ideas/${own.id}/vote`);
  assert.ok([403, 422].includes(self.status) && self.isProblem, `a vote for your own idea: ${self.describe()}`);
  assert.equal((await getIdea(m2, own.id)).vote_count, 0, 'a vote for your own idea counted');
  // External members vote (shared view); guests only read; outsiders do not see it.
  const ev = await extA.put(`/api/v1/ideas/${a.id}/vote`);
  assert.equal(ev.status, 200, ev.describe());
  assertIdea(ev.json, { internal: false }, 'vote answer for an external participant');
  assert.equal(ev.json.my_vote, true);
  problemCheck(await guest.put(`/api/v1/ideas/${a.id}/vote`), 403, 'permission_denied', null, 'a guest votes');
  problemCheck(await outsider.put(`/api/v1/ideas/${a.id}/vote`), 404, 'not_found', null, 'an outsider votes');
  // Votes received give no points.
  assert.equal((await points(m1)).total, pointsBefore.total, 'votes received gave points');
  // Out of voting nothing changes.
  await setPhase(owner, c.id, 'review');
  problemCheck(await m2.put(`/api/v1/ideas/${a.id}/vote`), 422, 'failed_precondition', null, 'a vote in review');
  problemCheck(await m3.del(`/api/v1/ideas/${d.id}/vote`), 422, 'failed_precondition', null, 'withdrawing in review');
  assert.equal((await getIdea(m3, d.id)).my_vote, true);
  // Stand-alone ideas take votes any time, without a budget.
  for (let i = 0; i < 3; i += 1) {
    const x = await submitIdea(m1, { space_id: S.id });
    assert.equal((await vote(m3, x.id)).vote_count, 1);
  }
});

// ---- build-on links -------------------------------------------------------------------------

test('build-on: shown both ways; the other idea\'s authors earn built_upon, not for your own; removing the link takes it back', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'discussion' });
  const base = await submitIdea(m1, { challenge_id: c.id });
  const mine = await submitIdea(m2, { challenge_id: c.id });
  const mine2 = await submitIdea(m2, { challenge_id: c.id });
  const p1 = (await points(m1)).total;
  const p2 = (await points(m2)).total;
  const linked = await buildOn(m2, mine.id, base.id);
  assert.deepEqual(linked.builds_on, [{ id: base.id, title: base.title }]);
  assert.deepEqual((await getIdea(m3, base.id)).built_on_by, [{ id: mine.id, title: mine.title }], 'the link is not shown on the other idea');
  assert.deepEqual((await getIdea(extA, base.id)).built_on_by, [{ id: mine.id, title: mine.title }], 'externals do not see the link');
  assert.equal((await points(m1)).total - p1, POINTS.built_upon, 'the other idea\'s author did not earn built_upon');
  // Again: nothing twice.
  await buildOn(m2, mine.id, base.id);
  assert.equal((await points(m1)).total - p1, POINTS.built_upon, 'linking twice paid twice');
  assert.equal((await getIdea(m1, mine.id)).builds_on.length, 1);
  // Building on your own idea earns nothing.
  await buildOn(m2, mine2.id, mine.id);
  assert.equal((await points(m2)).total, p2, 'building on your own idea paid');
  // Only the authors of {id} (and moderators) declare it.
  problemCheck(await m1.post(`/api/v1/ideas/${mine2.id}/builds-on/${base.id}`), 403, 'permission_denied', null, 'a non-author links someone else\'s idea');
  problemCheck(await extA.post(`/api/v1/ideas/${mine2.id}/builds-on/${base.id}`), 403, 'permission_denied', null, 'an external non-author');
  // Moderators declare links too (here to an idea of m3, who earns built_upon for it).
  const base3 = await submitIdea(m3, { challenge_id: c.id });
  const p3 = (await points(m3)).total;
  const byMod = await buildOn(mod, mine2.id, base3.id);
  assert.deepEqual(byMod.builds_on.map((r) => r.id).sort((p, q) => p - q), [mine.id, base3.id].sort((p, q) => p - q));
  assert.equal((await points(m3)).total - p3, POINTS.built_upon);
  // Not on itself, not across spaces; unknown ideas 404.
  const later = collector();
  later.status(await m2.post(`/api/v1/ideas/${mine.id}/builds-on/${mine.id}`), 422, 'invalid_argument', 'other', 'building on itself');
  const far = await submitIdea(im, { space_id: T.id });
  later.status(await m2.post(`/api/v1/ideas/${mine.id}/builds-on/${far.id}`), 422, 'invalid_argument', 'other', 'an idea of another space');
  problemCheck(await m2.post(`/api/v1/ideas/${mine.id}/builds-on/999999`), 404, 'not_found', null, 'no such other idea');
  assert.deepEqual((await getIdea(m2, mine.id)).builds_on.map((r) => r.id), [base.id], 'a refused link was made');
  // Removing the link: gone both ways, the points withdrawn.
  const un = await m2.del(`/api/v1/ideas/${mine.id}/builds-on/${base.id}`);
  assert.equal(un.status, 200, un.describe());
  assert.deepEqual(un.json.builds_on, []);
  assert.deepEqual((await getIdea(m1, base.id)).built_on_by, []);
  assert.equal((await points(m1)).total, p1, 'removing the link did not withdraw built_upon');
  assert.equal((await m2.del(`/api/v1/ideas/${mine.id}/builds-on/${base.id}`)).status, 200, 'removing a missing link');
  const un2 = await mod.del(`/api/v1/ideas/${mine2.id}/builds-on/${base3.id}`);
  assert.equal(un2.status, 200, un2.describe());
  assert.equal((await points(m3)).total, p3, 'removing the moderator\'s link did not withdraw built_upon');
  // Not once the challenge is in review.
  await setPhase(owner, c.id, 'review');
  problemCheck(await m2.post(`/api/v1/ideas/${mine.id}/builds-on/${base.id}`), 422, 'failed_precondition', null, 'a link in review');
  later.done();
});

// ---- comments -------------------------------------------------------------------------------

test('comments: threads with parent_id, mentions of people who see the idea, oldest first; shapes', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'discussion' });
  const x = await submitIdea(m1, { challenge_id: c.id });
  const top = await comment(m2, x.id, 'What about **night** shifts?');
  assertComment(top, { internal: true });
  assert.equal(top.idea_id, x.id);
  assert.equal(top.parent_id, null);
  assert.deepEqual(top.author, ref(m2));
  assert.match(top.body_html, /<strong>night<\/strong>/);
  assert.deepEqual([top.helpful_count, top.marked_helpful, top.hidden, top.moderation_note, top.edited_at, top.hostile, top.moderated_by],
    [0, false, false, null, null, false, null]);
  const reply = await extA.post(`/api/v1/ideas/${x.id}/comments`, { body: 'Night shifts need it most.', parent_id: top.id, mention_ids: [m2.user.id, extB.user.id] });
  assert.equal(reply.status, 201, reply.describe());
  assertComment(reply.json, { internal: false }, 'a reply by an external participant');
  assert.equal(reply.json.parent_id, top.id);
  assert.deepEqual(reply.json.mentions.map((u) => u.id).sort((p, q) => p - q), [m2.user.id, extB.user.id].sort((p, q) => p - q));
  const sanitized = await comment(m3, x.id, '<script>alert(1)</script><img src=x onerror=alert(2)> [a](javascript:alert(3))');
  assert.ok(!/<script|onerror|javascript:/i.test(sanitized.body_html), `body_html is not sanitized: ${sanitized.body_html}`);
  // Oldest first, as every reader sees them.
  const internal = await comments(m1, x.id);
  assert.deepEqual(ids(internal), [top.id, reply.json.id, sanitized.id]);
  for (const it of internal) assertComment(it, { internal: true });
  const shared = await comments(extB, x.id);
  assert.deepEqual(ids(shared), ids(internal));
  for (const it of shared) assertComment(it, { internal: false }, 'comment listed to an external participant');
  assert.deepEqual(shared[0], Object.fromEntries(Object.entries(internal[0]).filter(([k]) => !COMMENT_INTERNAL_KEYS.includes(k))));
  assert.deepEqual(ids(await walkPages(m1, `/api/v1/ideas/${x.id}/comments`, { limit: 1 })), ids(internal), 'walking one by one');
  assert.equal((await getIdea(m1, x.id)).comment_count, 3);
  // parent_id of another idea; a mention of someone who does not see the idea.
  const y = await submitIdea(m1, { challenge_id: c.id });
  problemCheck(await m2.post(`/api/v1/ideas/${y.id}/comments`, { body: 'Misplaced reply', parent_id: top.id }), 422, 'invalid_argument', 'parent_id', 'a parent of another idea');
  const later = collector();
  later.status(await m2.post(`/api/v1/ideas/${x.id}/comments`, { body: 'Hello you', mention_ids: [outsider.user.id] }), 422, 'invalid_argument', 'mention_ids[0]', 'a mention of an outsider');
  problemCheck(await m2.post(`/api/v1/ideas/${x.id}/comments`, { body: '' }), [400, 422], 'invalid_argument', 'body', 'an empty body');
  // Who may not: guests (403), outsiders (404); not once closed.
  problemCheck(await guest.post(`/api/v1/ideas/${x.id}/comments`, { body: 'A guest speaks' }), 403, 'permission_denied', null, 'a guest comments');
  assert.equal((await guest.get(`/api/v1/ideas/${x.id}/comments`)).status, 200, 'a guest does not read the comments');
  problemCheck(await outsider.post(`/api/v1/ideas/${x.id}/comments`, { body: 'Hi' }), 404, 'not_found', null, 'an outsider comments');
  problemCheck(await outsider.get(`/api/v1/ideas/${x.id}/comments`), 404, 'not_found', null, 'an outsider reads the comments');
  await setPhase(owner, c.id, 'closed');
  problemCheck(await m2.post(`/api/v1/ideas/${x.id}/comments`, { body: 'Too late' }), 422, 'failed_precondition', null, 'a comment once closed');
  const count = (await getIdea(m1, x.id)).comment_count;
  assert.equal(count, 3 + later.problems.length, 'a refused comment counted');
  later.done();
});

test('comments: a hostile tone asks first (422 hostile_tone); with confirm_tone it is posted and flagged for internal readers only', async () => {
  const x = await submitIdea(m1, { space_id: S.id });
  const harsh = 'This is a stupid idea from clueless people.';
  const later = collector();
  for (const who of [m2, extA]) {
    const res = await who.post(`/api/v1/ideas/${x.id}/comments`, { body: harsh });
    assert.equal(res.status, 422, `a hostile comment by ${who.name}: ${res.describe()}`);
    later.status(res, 422, 'failed_precondition', 'confirm_tone', `a hostile comment by ${who.name}`);
    later.check(res.json && res.json.reason === 'hostile_tone', `the prompt to ${who.name} has no reason hostile_tone: ${res.text}`);
  }
  assert.equal((await comments(m1, x.id)).length, 0, 'the prompt posted the comment');
  const posted = await extA.post(`/api/v1/ideas/${x.id}/comments`, { body: harsh, confirm_tone: true });
  assert.equal(posted.status, 201, posted.describe());
  assertComment(posted.json, { internal: false }, 'the hostile comment as its external author sees it');
  const kind = await comment(m2, x.id, 'Could we try it on one line first?');
  const internal = await comments(mod, x.id);
  assert.deepEqual(internal.map((c) => [c.id, c.hostile]), [[posted.json.id, true], [kind.id, false]]);
  for (const who of [extA, extB]) {
    for (const c of await comments(who, x.id)) assertComment(c, { internal: false }, `comment listed to ${who.name}`);
  }
  // An internal author is flagged the same way.
  const byInternal = await comment(m2, x.id, harsh, { confirm_tone: true });
  assert.equal(byInternal.hostile, true);
  later.done();
});

test('helpful marks: the author earns comment_helpful once per person marking it, never for their own comment', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'discussion' });
  const x = await submitIdea(m1, { challenge_id: c.id });
  const cm = await comment(m2, x.id, 'Use the quiet hours for testing.');
  const base = (await points(m2)).total;
  const h1 = await m3.post(`/api/v1/comments/${cm.id}/helpful`);
  assert.equal(h1.status, 200, h1.describe());
  assertComment(h1.json, { internal: true });
  assert.deepEqual([h1.json.helpful_count, h1.json.marked_helpful], [1, true]);
  assert.equal((await points(m2)).total - base, POINTS.comment_helpful);
  const again = await m3.post(`/api/v1/comments/${cm.id}/helpful`);
  assert.equal(again.status, 200, again.describe());
  assert.equal(again.json.helpful_count, 1, 'marking twice counted twice');
  assert.equal((await points(m2)).total - base, POINTS.comment_helpful, 'marking twice paid twice');
  const h2 = await extA.post(`/api/v1/comments/${cm.id}/helpful`);
  assert.equal(h2.status, 200, h2.describe());
  assertComment(h2.json, { internal: false }, 'helpful answer for an external participant');
  assert.equal(h2.json.helpful_count, 2);
  assert.equal((await points(m2)).total - base, 2 * POINTS.comment_helpful);
  // marked_helpful is per reader.
  const listed = await comments(m1, x.id);
  assert.deepEqual(listed.map((k) => [k.helpful_count, k.marked_helpful]), [[2, false]]);
  assert.deepEqual((await comments(m3, x.id)).map((k) => k.marked_helpful), [true]);
  // Not your own comment; guests read only; outsiders do not see it.
  const later = collector();
  const self = await m2.post(`/api/v1/comments/${cm.id}/helpful`);
  assert.ok(!self.ok, `marking your own comment: ${self.describe()}`);
  later.status(self, 403, 'permission_denied', null, 'marking your own comment');
  problemCheck(await guest.post(`/api/v1/comments/${cm.id}/helpful`), 403, 'permission_denied', null, 'a guest marks');
  problemCheck(await outsider.post(`/api/v1/comments/${cm.id}/helpful`), 404, 'not_found', null, 'an outsider marks');
  problemCheck(await m3.post('/api/v1/comments/999999/helpful'), 404, 'not_found', null, 'no such comment');
  assert.equal((await points(m2)).total - base, 2 * POINTS.comment_helpful, 'a refused mark paid');
  // Taking a mark back withdraws its points.
  const un = await m3.del(`/api/v1/comments/${cm.id}/helpful`);
  assert.equal(un.status, 200, un.describe());
  assert.deepEqual([un.json.helpful_count, un.json.marked_helpful], [1, false]);
  assert.equal((await points(m2)).total - base, POINTS.comment_helpful);
  assert.equal((await m3.del(`/api/v1/comments/${cm.id}/helpful`)).status, 200, 'taking back a mark never made');
  // Once closed, no marks.
  await setPhase(owner, c.id, 'closed');
  later.status(await m3.post(`/api/v1/comments/${cm.id}/helpful`), 422, 'failed_precondition', null, 'a mark once closed');
  later.done();
});

// ---- reports and moderation -----------------------------------------------------------------

test('reports: one open report per person and object; moderators read the queue oldest first; others may not', async () => {
  const { space } = await spaceWith(api, im, { roles: { moderator: [mod], member: [m1, m2, m3] } });
  const x = await submitIdea(m2, { space_id: space.id });
  const cm = await comment(m3, x.id, 'Off-topic, sorry.');
  const r1 = await report(m1, 'idea', x.id, 'Looks like a duplicate.');
  assertReport(r1);
  assert.deepEqual([r1.object_type, r1.object_id, r1.idea_id, r1.space_id, r1.reason, r1.status], ['idea', x.id, x.id, space.id, 'Looks like a duplicate.', 'open']);
  assert.deepEqual(r1.reported_by, ref(m1));
  const later = collector();
  const second = await m1.post('/api/v1/reports', { object_type: 'idea', object_id: x.id, reason: 'Again' });
  later.status(second, 409, 'already_exists', null, 'a second open report');
  const extra = second.status === 201 ? [second.json.id] : [];
  const r2 = await report(m2, 'comment', cm.id, 'Off-topic.');
  assert.equal(r2.idea_id, x.id);
  const r3 = await report(m3, 'idea', x.id, 'Needs a better title.');
  problemCheck(await m1.post('/api/v1/reports', { object_type: 'idea', object_id: 999999, reason: 'x' }), 422, 'invalid_argument', 'object_id', 'a report on nothing');
  problemCheck(await m1.post('/api/v1/reports', { object_type: 'comment', object_id: x.id + 100000, reason: 'x' }), 422, 'invalid_argument', 'object_id', 'a report on no comment');
  problemCheck(await outsider.post('/api/v1/reports', { object_type: 'idea', object_id: x.id, reason: 'x' }), 422, 'invalid_argument', 'object_id', 'an outsider reports');
  problemCheck(await m1.post('/api/v1/reports', { object_type: 'idea', object_id: x.id, reason: '' }), [400, 422], 'invalid_argument', 'reason', 'an empty reason');
  // The queue: the space's moderators and managers; oldest first; open by default.
  const queue = [r1.id, ...extra, r2.id, r3.id];
  for (const who of [mod, im, admin]) {
    const q = await listAll(who, '/api/v1/reports');
    const mine = q.filter((r) => r.space_id === space.id);
    assert.deepEqual(ids(mine).sort((p, r) => p - r), queue, `the queue as ${who.name}`);
    later.check(JSON.stringify(ids(mine)) === JSON.stringify(queue), `the queue as ${who.name} is not oldest first: ${ids(mine)}`);
    for (const r of q) assertReport(r, `report listed to ${who.name}`);
    for (const r of q) assert.equal(r.status, 'open', 'the default queue holds a resolved report');
  }
  assert.deepEqual(ids((await walkPages(mod, '/api/v1/reports?status=open', { limit: 1 })).filter((r) => r.space_id === space.id)).sort((p, r) => p - r), queue);
  problemCheck(await m1.get('/api/v1/reports'), 403, 'permission_denied', null, 'a member without a moderated space');
  problemCheck(await extA.get('/api/v1/reports'), 404, 'not_found', null, 'an external participant');
  // The space's own moderator does not see other spaces' reports.
  const elsewhere = await submitIdea(im, { space_id: T.id });
  const rx = await report(im, 'idea', elsewhere.id, 'Elsewhere');
  assert.ok(!ids(await listAll(mod, '/api/v1/reports')).includes(rx.id), 'a space moderator sees another space\'s report');
  assert.ok(ids(await listAll(im, '/api/v1/reports')).includes(rx.id));
  later.done();
});

test('moderation: hide, restore and edit with a note; hidden ideas are 404 to all but moderators; reports resolved', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'discussion' });
  const x = await submitIdea(m2, { challenge_id: c.id }, { title: unique('Reported idea ') });
  const rA = await report(extA, 'idea', x.id, 'Rude title.');
  const rB = await report(m1, 'idea', x.id, 'Rude.');
  const p2 = (await points(m2)).total;
  const hidden = await moderateIdea(mod, x.id, { action: 'hide', note: 'Hidden while we talk to the author.' });
  assert.equal(hidden.hidden, true);
  assert.match(hidden.moderation_note, /Hidden while we talk to the author\./);
  assert.deepEqual(hidden.moderated_by, ref(mod));
  // 404 to everyone but its moderators, the author included; listed to moderators only.
  const later = collector();
  for (const who of [m1, m2, extA, extB, guest, outsider]) {
    later.status(await who.get(`/api/v1/ideas/${x.id}`), 404, 'not_found', null, `${who.name} reads a hidden idea`);
    later.status(await who.get(`/api/v1/ideas/${x.id}/comments`), 404, 'not_found', null, `${who.name} reads a hidden idea's comments`);
    later.check(!ids(await listAll(who, `/api/v1/ideas?space_id=${S.id}`)).includes(x.id), `a hidden idea is listed to ${who.name}`);
  }
  for (const who of [mod, owner, im, admin]) {
    const got = await getIdea(who, x.id);
    assert.equal(got.hidden, true);
    const listed = (await listAll(who, `/api/v1/ideas?challenge_id=${c.id}`)).find((i) => i.id === x.id);
    assert.ok(listed && listed.hidden === true, `a hidden idea is not listed (hidden: true) to ${who.name}`);
  }
  later.check((await getChallenge(m1, c.id)).idea_count === 0, 'a hidden idea still counts in the challenge\'s idea_count');
  // Hidden content loses its points; the reports are resolved as hidden.
  assert.equal((await points(m2)).total, p2 - POINTS.idea_submitted, 'a hidden idea kept its points');
  const resolved = (await listAll(mod, '/api/v1/reports?status=resolved')).filter((r) => [rA.id, rB.id].includes(r.id));
  assert.equal(resolved.length, 2, 'the reports are not resolved');
  for (const r of resolved) {
    assertReport(r);
    assert.deepEqual([r.status, r.resolution, r.resolved_by], ['resolved', 'hidden', ref(mod)]);
  }
  assert.ok(!ids(await listAll(mod, '/api/v1/reports?status=open')).some((id) => [rA.id, rB.id].includes(id)), 'resolved reports are still open');
  later.check(!ids(await listAll(mod, '/api/v1/reports')).some((id) => [rA.id, rB.id].includes(id)), 'the default queue (open) lists resolved reports');
  // Restore: visible again, points back.
  const back = await moderateIdea(mod, x.id, { action: 'restore', note: 'Talked it through.' });
  assert.equal(back.hidden, false);
  assert.equal((await getIdea(extA, x.id)).hidden, false);
  assert.equal((await points(m2)).total, p2, 'restoring did not give the points back');
  // Edit: a visible note; who moderated stays internal.
  const rC = await report(m3, 'idea', x.id, 'Typo in the title.');
  const title = unique('Fixed title ');
  const edited = await moderateIdea(owner, x.id, { action: 'edit', note: 'Fixed a typo', title });
  assert.equal(edited.title, title);
  assert.match(edited.moderation_note, /edited by a moderator/i);
  assert.match(edited.moderation_note, /Fixed a typo/);
  assert.deepEqual(edited.moderated_by, ref(owner));
  const seen = await getIdea(extA, x.id);
  assert.equal(seen.moderation_note, edited.moderation_note);
  assert.ok(!('moderated_by' in seen), 'an external participant sees who moderated');
  assert.equal((await listAll(mod, '/api/v1/reports?status=resolved')).find((r) => r.id === rC.id).resolution, 'edited');
  // Restore on a visible idea keeps it and dismisses the reports.
  const rD = await report(m1, 'idea', x.id, 'Still not sure.');
  const kept = await moderateIdea(mod, x.id, { action: 'restore', note: 'Nothing wrong here.' });
  assert.deepEqual([kept.hidden, kept.title], [false, title]);
  assert.equal((await listAll(mod, '/api/v1/reports?status=resolved')).find((r) => r.id === rD.id).resolution, 'restored');
  // Bodies and callers refused.
  problemCheck(await mod.post(`/api/v1/ideas/${x.id}/moderation`, { action: 'hide' }), [400, 422], 'invalid_argument', 'note', 'no note');
  problemCheck(await mod.post(`/api/v1/ideas/${x.id}/moderation`, { action: 'hide', note: '' }), [400, 422], 'invalid_argument', 'note', 'an empty note');
  problemCheck(await mod.post(`/api/v1/ideas/${x.id}/moderation`, { action: 'edit', note: 'Nothing given' }), [400, 422], 'invalid_argument', null, 'an edit with nothing to edit');
  problemCheck(await mod.post(`/api/v1/ideas/${x.id}/moderation`, { action: 'hide', note: 'x', title: 'Not with hide' }), [400, 422], 'invalid_argument', 'title', 'a title with hide');
  for (const who of [m1, m2, extA]) {
    problemCheck(await who.post(`/api/v1/ideas/${x.id}/moderation`, { action: 'hide', note: 'Me too' }), 403, 'permission_denied', null, `${who.name} moderates`);
  }
  problemCheck(await outsider.post(`/api/v1/ideas/${x.id}/moderation`, { action: 'hide', note: 'x' }), 404, 'not_found', null, 'an outsider moderates');
  assert.equal((await getIdea(m1, x.id)).hidden, false, 'a refused moderation hid the idea');
  later.done();
});

test('moderation: comments hidden, edited and restored; hidden comments are listed to moderators only; the helpful points go', async () => {
  const x = await submitIdea(m1, { space_id: S.id });
  const cm = await comment(m2, x.id, 'Your plan has a hole.');
  const reply = await comment(m3, x.id, 'Which hole?', { parent_id: cm.id });
  await extA.post(`/api/v1/comments/${cm.id}/helpful`);
  const p2 = (await points(m2)).total;
  const rep = await report(m1, 'comment', cm.id, 'Unkind.');
  const hidden = await moderateComment(mod, cm.id, { action: 'hide', note: 'Hidden for now.' });
  assertComment(hidden, { internal: true });
  assert.equal(hidden.hidden, true);
  assert.deepEqual(hidden.moderated_by, ref(mod));
  assert.equal((await points(m2)).total, p2 - POINTS.comment_helpful, 'a hidden comment kept its helpful points');
  for (const who of [m1, m2, extA]) {
    const listed = await comments(who, x.id);
    assert.deepEqual(ids(listed), [reply.id], `${who.name}: the hidden comment is listed, or its reply is not`);
  }
  const modView = await comments(mod, x.id);
  assert.deepEqual(modView.map((k) => [k.id, k.hidden]), [[cm.id, true], [reply.id, false]]);
  assert.equal((await getIdea(m1, x.id)).comment_count, 1, 'comment_count counts a hidden comment');
  problemCheck(await m3.post(`/api/v1/comments/${cm.id}/helpful`), 404, 'not_found', null, 'marking a hidden comment');
  assert.equal((await listAll(mod, '/api/v1/reports?status=resolved')).find((r) => r.id === rep.id).resolution, 'hidden');
  // Restored, then edited by a moderator.
  await moderateComment(mod, cm.id, { action: 'restore', note: 'Back.' });
  assert.deepEqual(ids(await comments(extA, x.id)), [cm.id, reply.id]);
  const edited = await moderateComment(im, cm.id, { action: 'edit', note: 'Softened the tone', body: 'Your plan could cover one more case.' });
  assert.equal(edited.body, 'Your plan could cover one more case.');
  assertTime(edited.edited_at, 'edited_at');
  assert.match(edited.moderation_note, /Softened the tone/);
  const shared = (await comments(extA, x.id)).find((k) => k.id === cm.id);
  assert.equal(shared.body, edited.body);
  assert.equal(shared.moderation_note, edited.moderation_note);
  assertComment(shared, { internal: false });
  problemCheck(await mod.post(`/api/v1/comments/${cm.id}/moderation`, { action: 'edit', note: 'No body' }), [400, 422], 'invalid_argument', 'body', 'an edit without body');
  problemCheck(await mod.post(`/api/v1/comments/${cm.id}/moderation`, { action: 'hide', note: '' }), [400, 422], 'invalid_argument', 'note', 'an empty note');
  for (const who of [m1, m2, extA]) {
    problemCheck(await who.post(`/api/v1/comments/${cm.id}/moderation`, { action: 'hide', note: 'x' }), 403, 'permission_denied', null, `${who.name} moderates a comment`);
  }
  problemCheck(await outsider.post(`/api/v1/comments/${cm.id}/moderation`, { action: 'hide', note: 'x' }), 404, 'not_found', null, 'an outsider moderates a comment');
});

test('ideas: moderators set the status; declined needs a reason its authors see; selected pays each author once', async () => {
  const x = await submitIdea(m1, { space_id: S.id });
  const co = await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: extA.user.id });
  assert.equal(co.status, 200, co.describe());
  const p1 = (await points(m1)).total;
  const pe = (await points(extA)).total;
  const sel = await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'selected' });
  assert.equal(sel.status, 200, sel.describe());
  assert.equal(sel.json.status, 'selected');
  assert.equal((await points(m1)).total - p1, POINTS.idea_selected);
  assert.equal((await points(extA)).total - pe, POINTS.idea_selected, 'an external co-author was not paid for the selection');
  assert.ok((await points(m1)).badges.includes('selected'), 'no selected badge');
  assert.equal((await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'selected' })).status, 200);
  assert.equal((await points(m1)).total - p1, POINTS.idea_selected, 'selecting twice paid twice');
  problemCheck(await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'declined' }), 422, 'invalid_argument', 'reason', 'declined without a reason');
  problemCheck(await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'in_project' }), [400, 422], 'invalid_argument', 'status', 'in_project by hand');
  const later = collector();
  later.status(await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'parked', reason: 'Why' }), [400, 422], 'invalid_argument', 'reason', 'a reason with parked');
  const dec = await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'declined', reason: 'Too costly this year.' });
  assert.equal(dec.status, 200, dec.describe());
  assert.equal(dec.json.decline_reason, 'Too costly this year.');
  // The authors (an external co-author too) and internal users see why; other externals do not.
  assert.equal((await getIdea(extA, x.id)).decline_reason, 'Too costly this year.');
  assert.equal((await getIdea(m3, x.id)).decline_reason, 'Too costly this year.');
  later.check((await getIdea(extB, x.id)).decline_reason === null, 'an external non-author sees the decline reason');
  const back = await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'under_review' });
  assert.equal(back.json.decline_reason, null, 'moving away from declined keeps the reason');
  for (const who of [m1, m3, extA]) {
    problemCheck(await who.post(`/api/v1/ideas/${x.id}/status`, { status: 'parked' }), 403, 'permission_denied', null, `${who.name} sets the status`);
  }
  problemCheck(await outsider.post(`/api/v1/ideas/${x.id}/status`, { status: 'parked' }), 404, 'not_found', null, 'an outsider sets the status');
  later.done();
});

// ---- merge ----------------------------------------------------------------------------------

test('merge: votes deduplicated per person, comments and authors move, the duplicate points to the kept idea; writes on it 409', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'discussion', votes_per_person: 5 });
  const kept = await submitIdea(m1, { challenge_id: c.id }, { title: unique('Kept idea ') });
  const dup = await submitIdea(m2, { challenge_id: c.id }, { title: unique('Duplicate idea ') });
  const k1 = await comment(m3, kept.id, 'On the kept one.');
  const d1 = await comment(extA, dup.id, 'On the duplicate.');
  const d2 = await comment(m1, dup.id, 'Also on the duplicate.');
  const rep = await report(m3, 'idea', dup.id, 'Same as the other one.');
  await setPhase(owner, c.id, 'voting');
  await vote(m3, kept.id);
  await vote(m3, dup.id); // m3 voted for both: keeps one
  await vote(extA, dup.id);
  await vote(owner, kept.id);
  const res = await mod.post(`/api/v1/ideas/${dup.id}/merge`, { into: kept.id });
  assert.equal(res.status, 200, res.describe());
  const k = res.json;
  assert.equal(k.id, kept.id, 'the answer is not the kept idea');
  assert.equal(k.vote_count, 3, `votes are not deduplicated per person: ${k.vote_count}`);
  assert.deepEqual(k.authors.map((a) => [a.id, a.role]), [[m1.user.id, 'author'], [m2.user.id, 'co_author']]);
  assert.equal(k.comment_count, 3);
  assert.deepEqual(ids(await comments(m1, kept.id)), [k1.id, d1.id, d2.id].sort((p, q) => p - q), 'the comments did not move');
  // The duplicate: still readable by id, pointing at the kept idea; out of lists and suggestions.
  const problems = [];
  for (const who of [mod, m1, extB]) {
    const d = await who.get(`/api/v1/ideas/${dup.id}`);
    if (d.status !== 200 || d.json.merged_into !== kept.id) problems.push(`${who.name} reads the merged duplicate: expected 200 with merged_into ${kept.id}, got ${d.describe()}`);
  }
  assert.ok(!ids(await listAll(m1, `/api/v1/ideas?challenge_id=${c.id}`)).includes(dup.id), 'the duplicate is listed');
  assert.ok(!ids(await listAll(mod, `/api/v1/ideas?challenge_id=${c.id}`)).includes(dup.id), 'the duplicate is listed to moderators');
  const sim = await m1.get(`/api/v1/ideas/similar?space_id=${S.id}&text=${encodeURIComponent('Duplicate idea')}`);
  assert.equal(sim.status, 200, sim.describe());
  assert.ok(!ids(sim.json.items).includes(dup.id), 'the duplicate is suggested');
  assert.equal((await getChallenge(m1, c.id)).idea_count, 1, 'the duplicate still counts');
  assert.equal((await listAll(mod, '/api/v1/reports?status=resolved')).find((r) => r.id === rep.id).resolution, 'merged');
  // m3's votes in the challenge: one, on the kept idea.
  assert.equal((await getIdea(m3, kept.id)).my_vote, true);
  // Every write on the duplicate answers 409 (the edit sends the version a moderator reads now,
  // so that its 409 is not a stale version's).
  const current = await mod.get(`/api/v1/ideas/${dup.id}`);
  const writes = [
    ['PATCH', `/api/v1/ideas/${dup.id}`, { title: unique('Edit a merged '), version: current.status === 200 ? current.json.version : dup.version }, m2],
    ['PUT', `/api/v1/ideas/${dup.id}/vote`, undefined, m1],
    ['DELETE', `/api/v1/ideas/${dup.id}/vote`, undefined, extA],
    ['POST', `/api/v1/ideas/${dup.id}/comments`, { body: 'Late comment' }, m1],
    ['POST', `/api/v1/ideas/${dup.id}/status`, { status: 'parked' }, mod],
    ['POST', `/api/v1/ideas/${dup.id}/moderation`, { action: 'edit', note: 'x', title: 'Merged, edited' }, mod],
    ['POST', `/api/v1/ideas/${dup.id}/merge`, { into: kept.id }, mod],
    ['POST', `/api/v1/ideas/${kept.id}/merge`, { into: dup.id }, mod],
  ];
  for (const [method, path, json, who] of writes) {
    const r = await who.request(method, path, json === undefined ? {} : { json });
    if (r.status !== 409) problems.push(`${method} ${path} as ${who.name}: ${r.describe()}`);
  }
  // The kept idea is untouched by those.
  assert.equal((await getIdea(m1, kept.id)).vote_count, 3);
  // Who may not merge; into itself, another space, nothing.
  const s1 = await submitIdea(m1, { space_id: S.id });
  const s2 = await submitIdea(m2, { space_id: S.id });
  const far = await submitIdea(im, { space_id: T.id });
  for (const [who, status] of [[m1, 403], [extA, 403], [outsider, 404]]) {
    const r = await who.post(`/api/v1/ideas/${s1.id}/merge`, { into: s2.id });
    if (r.status !== status) problems.push(`merge as ${who.name}: expected ${status}, ${r.describe()}`);
  }
  for (const [into, what] of [[s1.id, 'itself'], [far.id, 'another space'], [999999, 'nothing']]) {
    const r = await mod.post(`/api/v1/ideas/${s1.id}/merge`, { into });
    if (r.status !== 422 || !problemFields(r).includes('into')) problems.push(`merge into ${what}: ${r.describe()}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

// ---- similar ideas --------------------------------------------------------------------------

test('similar ideas: ranked by relevance, at most 5, only ideas the caller sees', async () => {
  const { space, ext } = await spaceWith(api, im, { roles: { member: [m1, m2] }, externals: { member: 1 } });
  const [e] = ext.member;
  const open = await createChallenge(im, space.id, { phase: 'submission', audience: 'both' });
  const staffOnly = await createChallenge(im, space.id, { phase: 'submission', audience: 'internal' });
  const best = await submitIdea(m1, { challenge_id: open.id }, { title: 'Hydrogen storage tanks', description: 'Hydrogen storage next to the plant: storage tanks for hydrogen.' });
  const others = [];
  for (let i = 0; i < 5; i += 1) {
    others.push(await submitIdea(m2, { challenge_id: open.id }, { title: unique('Plant idea '), description: `Idea ${i}: maybe hydrogen for the boilers.` }));
  }
  const hidden = await submitIdea(m2, { challenge_id: open.id }, { title: 'Hydrogen storage caverns', description: 'Hydrogen storage underground, hydrogen storage at scale.' });
  await moderateIdea(im, hidden.id, { action: 'hide', note: 'Hidden.' });
  const internalOnly = await submitIdea(m1, { challenge_id: staffOnly.id }, { title: 'Hydrogen storage drums', description: 'Hydrogen storage in drums; hydrogen storage everywhere.' });
  const unrelated = await submitIdea(m1, { challenge_id: open.id }, { title: 'Solar roof', description: 'Panels on the warehouse roof.' });
  const q = encodeURIComponent('hydrogen storage');
  const later = collector();
  for (const who of [m1, e]) {
    const res = await who.get(`/api/v1/ideas/similar?space_id=${space.id}&text=${q}`);
    assert.equal(res.status, 200, res.describe());
    try { assertSimilar(res.json, `similar as ${who.name}`); } catch (err) { later.problems.push(err.message); }
    const got = ids(res.json.items);
    assert.equal(got.length, 5, `${who.name}: ${JSON.stringify(res.json.items)}`);
    assert.ok(!got.includes(hidden.id), `${who.name} is offered a hidden idea`);
    assert.ok(!got.includes(unrelated.id), `${who.name} is offered an unrelated idea`);
    assert.ok(got.includes(best.id), `${who.name} is not offered the best match`);
    if (who === e) {
      assert.ok(!got.includes(internalOnly.id), 'an external participant is offered an idea of an internal challenge');
      assert.equal(got[0], best.id, 'the best match is not first');
      assert.ok(got.slice(1).every((id) => ids(others).includes(id)), 'the rest are not the other matching ideas');
      assert.equal(res.json.items[0].title, best.title);
    } else {
      // The two ideas that say "hydrogen storage" most often come first, in either order.
      assert.deepEqual(got.slice(0, 2).sort((p, r) => p - r), [best.id, internalOnly.id].sort((p, r) => p - r), 'the best matches are not first');
    }
  }
  // challenge_id: only that challenge's ideas.
  const inStaff = await m1.get(`/api/v1/ideas/similar?space_id=${space.id}&challenge_id=${staffOnly.id}&text=${q}`);
  assert.equal(inStaff.status, 200, inStaff.describe());
  assert.deepEqual(ids(inStaff.json.items), [internalOnly.id]);
  const forExt = await e.get(`/api/v1/ideas/similar?space_id=${space.id}&challenge_id=${staffOnly.id}&text=${q}`);
  later.check(forExt.status === 200 && forExt.json.items.length === 0, `an unseen challenge gives an empty answer: ${forExt.describe()}`);
  assert.ok(!forExt.text.includes('Hydrogen storage drums'), 'an external participant is offered an idea of an internal challenge');
  // An unseen space: empty, not an error. Bad queries: 400 naming the parameter.
  const unseen = await outsider.get(`/api/v1/ideas/similar?space_id=${space.id}&text=${q}`);
  later.check(unseen.status === 200 && unseen.json.items.length === 0, `an unseen space gives an empty answer: ${unseen.describe()}`);
  assert.ok(!/hydrogen/i.test(unseen.text), 'an outsider is offered ideas of a space that is not theirs');
  problemCheck(await m1.get(`/api/v1/ideas/similar?space_id=${space.id}&text=hy`), 400, 'invalid_argument', 'text', 'text of 2 characters');
  problemCheck(await m1.get(`/api/v1/ideas/similar?space_id=${space.id}&text=${'h'.repeat(501)}`), 400, 'invalid_argument', 'text', 'text of 501 characters');
  problemCheck(await m1.get(`/api/v1/ideas/similar?space_id=${space.id}`), 400, 'invalid_argument', 'text', 'no text');
  problemCheck(await m1.get(`/api/v1/ideas/similar?text=${q}`), 400, 'invalid_argument', 'space_id', 'no space_id');
  later.done();
});

// ---- points, badges, leaderboard ------------------------------------------------------------

test('points and badges: collaboration counts, votes received never; GET /me/points for everyone signed in', async () => {
  const fresh = await api.createUser('member');
  const { space, ext } = await spaceWith(api, im, { roles: { member: [fresh, m1, m2, m3, owner, mod] }, externals: { member: 1 } });
  const empty = await points(fresh);
  assert.deepEqual(empty, { total: 0, by_reason: [], badges: [] });
  const x = await submitIdea(fresh, { space_id: space.id });
  let p = await points(fresh);
  assert.deepEqual(p, { total: 5, by_reason: [{ reason: 'idea_submitted', count: 1, points: 5 }], badges: ['first_idea'] });
  const more = [await submitIdea(fresh, { space_id: space.id }), await submitIdea(fresh, { space_id: space.id })];
  // Votes received: nothing.
  for (const v of [m1, m2, m3]) await vote(v, x.id);
  assert.equal((await points(fresh)).total, 15, 'votes received gave points');
  // Five helpful marks → helpful_5.
  const cm = await comment(fresh, x.id, 'Here is how we would start.');
  for (const v of [m1, m2, m3, owner, mod]) expectStatus(await v.post(`/api/v1/comments/${cm.id}/helpful`), 200, 'helpful');
  // Three ideas built upon by others → bridge_builder.
  for (const [v, base] of [[m1, x], [m2, more[0]], [ext.member[0], more[1]]]) {
    const y = await submitIdea(v, { space_id: space.id });
    await buildOn(v, y.id, base.id);
  }
  p = await points(fresh);
  const later = collector();
  try { assertPoints(p, 'points'); } catch (err) { later.problems.push(err.message); }
  assert.deepEqual([...p.by_reason].sort((a, b) => REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason)), [
    { reason: 'idea_submitted', count: 3, points: 15 },
    { reason: 'comment_helpful', count: 5, points: 15 },
    { reason: 'built_upon', count: 3, points: 24 },
  ]);
  assert.equal(p.total, 54);
  assert.deepEqual(p.badges, ['first_idea', 'helpful_5', 'bridge_builder']);
  expectStatus(await im.post(`/api/v1/ideas/${x.id}/status`, { status: 'selected' }), 200, 'select');
  p = await points(fresh);
  assert.equal(p.total, 69);
  assert.deepEqual(p.badges, ['first_idea', 'helpful_5', 'bridge_builder', 'selected']);
  try { assertPoints(p, 'points'); } catch (err) { later.problems.push(err.message); }
  // Externals have points too; anonymous callers 401.
  assert.ok((await points(ext.member[0])).total >= 5);
  const anon = await api.browser('anon').get('/api/v1/me/points');
  problemCheck(anon, 401, 'unauthenticated', null, 'anonymous points');
  later.done();
});

test('leaderboard: top people by points in the challenge, ties share a rank; off → 404 but for moderators', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'submission' });
  await submitIdea(m1, { challenge_id: c.id });
  await submitIdea(m1, { challenge_id: c.id });
  const x2 = await submitIdea(m2, { challenge_id: c.id });
  await submitIdea(m3, { challenge_id: c.id });
  await submitIdea(extA, { challenge_id: c.id });
  await setPhase(owner, c.id, 'voting');
  for (const v of [m1, m3, extA, extB, owner]) await vote(v, x2.id); // votes never count
  const res = await extB.get(`/api/v1/challenges/${c.id}/leaderboard`);
  assert.equal(res.status, 200, res.describe());
  assertLeaderboard(res.json);
  assert.equal(res.json.challenge_id, c.id);
  assert.equal(res.json.enabled, true);
  const later = collector();
  const tied = [m2, m3, extA].map((b) => ref(b)).sort((p, q) => (p.display_name < q.display_name ? -1 : 1));
  assert.deepEqual(res.json.items.map((e) => [e.user.id, e.points]).sort((p, q) => q[1] - p[1] || p[0] - q[0]),
    [[m1.user.id, 10], ...[m2, m3, extA].map((b) => [b.user.id, 5]).sort((p, q) => p[0] - q[0])], `leaderboard: ${JSON.stringify(res.json.items)}`);
  later.check(JSON.stringify(res.json.items.map((e) => [e.rank, e.user, e.points])) === JSON.stringify([[1, ref(m1), 10], [2, tied[0], 5], [2, tied[1], 5], [2, tied[2], 5]]),
    `ties do not share a rank (ordered by display name): ${JSON.stringify(res.json.items.map((e) => [e.rank, e.user.display_name, e.points]))}`);
  for (const e of res.json.items) assert.ok(e.badges.includes('first_idea'));
  // Another challenge's points do not count here.
  const other = await createChallenge(owner, S.id, { phase: 'submission' });
  await submitIdea(m3, { challenge_id: other.id });
  assert.deepEqual((await extB.get(`/api/v1/challenges/${c.id}/leaderboard`)).json.items.map((e) => e.points), [10, 5, 5, 5]);
  // Off: 404 to participants, a preview with enabled false for moderators.
  const now = await getChallenge(owner, c.id);
  expectStatus(await owner.patch(`/api/v1/challenges/${c.id}`, { leaderboard: false, version: now.version }), 200, 'leaderboard off');
  for (const who of [m1, m2, extA, guest]) {
    problemCheck(await who.get(`/api/v1/challenges/${c.id}/leaderboard`), 404, 'not_found', null, `${who.name} reads a leaderboard that is off`);
  }
  for (const who of [owner, mod, im, admin]) {
    const r = await who.get(`/api/v1/challenges/${c.id}/leaderboard`);
    assert.equal(r.status, 200, `${who.name} (a moderator) reads a leaderboard that is off: ${r.describe()}`);
    assert.equal(r.json.enabled, false);
    assert.equal(r.json.items.length, 4);
  }
  problemCheck(await outsider.get(`/api/v1/challenges/${c.id}/leaderboard`), 404, 'not_found', null, 'an outsider');
  problemCheck(await m1.get('/api/v1/challenges/999999/leaderboard'), 404, 'not_found', null, 'no such challenge');
  later.done();
});

// ---- phase refusals -------------------------------------------------------------------------

test('phase refusals are 422 failed_precondition naming `phase` (the vote budget names `vote`)', async () => {
  const c = await createChallenge(owner, S.id, { phase: 'submission', votes_per_person: 1 });
  const x = await submitIdea(m1, { challenge_id: c.id });
  const y = await submitIdea(m1, { challenge_id: c.id });
  const cm = await comment(m2, x.id);
  const z = await submitIdea(m2, { challenge_id: c.id });
  const problems = [];
  const expectField = (res, field, what) => {
    if (res.status !== 422 || res.code !== 'failed_precondition' || !problemFields(res).includes(field)) problems.push(`${what}: expected 422 failed_precondition naming ${field}, got ${res.describe()}`);
  };
  expectField(await m3.put(`/api/v1/ideas/${x.id}/vote`), 'phase', 'a vote in submission');
  await setPhase(owner, c.id, 'voting');
  expectField(await m2.post('/api/v1/ideas', ideaBody({ challenge_id: c.id })), 'phase', 'an idea in voting');
  expectField(await m1.patch(`/api/v1/ideas/${x.id}`, { title: unique('Late '), version: x.version }), 'phase', 'an author\'s edit in voting');
  expectField(await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: m3.user.id }), 'phase', 'a co-author in voting');
  await vote(extB, x.id);
  expectField(await extB.put(`/api/v1/ideas/${y.id}/vote`), 'vote', 'a vote beyond the budget');
  await setPhase(owner, c.id, 'closed');
  expectField(await m2.post(`/api/v1/ideas/${x.id}/comments`, { body: 'Closed now' }), 'phase', 'a comment once closed');
  expectField(await m3.post(`/api/v1/comments/${cm.id}/helpful`), 'phase', 'a helpful mark once closed');
  expectField(await m2.post(`/api/v1/ideas/${z.id}/builds-on/${x.id}`), 'phase', 'a build-on link once closed');
  expectField(await m2.del(`/api/v1/ideas/${z.id}/builds-on/${x.id}`), 'phase', 'removing a link once closed');
  expectField(await extB.del(`/api/v1/ideas/${x.id}/vote`), 'phase', 'withdrawing a vote once closed');
  expectField(await owner.post(`/api/v1/challenges/${c.id}/protocol`, { text: 'x', note: 'y' }), 'phase', 'amending once closed');
  assert.deepEqual(problems, [], problems.join('\n'));
});

// ---- events ---------------------------------------------------------------------------------

test('events: every write appends an event of its challenge, idea, comment or report, by its actor; refused writes none', async () => {
  const problems = [];
  const step = async (what, actor, write, objects) => {
    const mark = await lastEventId(admin);
    const out = await write();
    const evs = (await eventsAfter(admin, mark)).filter((e) => e.actor && e.actor.id === actor.user.id);
    const objs = objects(out);
    const hit = evs.filter((e) => objs.some(([type, id]) => e.object_type === type && e.object_id === id));
    if (hit.length === 0) problems.push(`${what}: no event of ${JSON.stringify(objs)} by ${actor.user.id}; new: ${JSON.stringify(evs.map((e) => [e.verb, e.object_type, e.object_id]))}`);
    return out;
  };
  const ok = (res, status, what) => expectStatus(res, status, what).json;
  const c = await step('challenge create', owner, async () => createChallenge(owner, S.id, { phase: 'discussion' }), (x) => [['challenge', x.id]]);
  const c2 = await step('challenge patch', owner, async () => ok(await owner.patch(`/api/v1/challenges/${c.id}`, { title: unique('Ev renamed '), version: c.version }), 200, 'patch'), () => [['challenge', c.id]]);
  await step('protocol amend', im, async () => ok(await im.post(`/api/v1/challenges/${c.id}/protocol`, { text: 'New rules', note: 'Why' }), 201, 'amend'), () => [['challenge', c.id]]);
  const x = await step('idea create', m1, async () => submitIdea(m1, { challenge_id: c.id }), (i) => [['idea', i.id]]);
  const y = await step('idea create (external)', extA, async () => submitIdea(extA, { challenge_id: c.id }), (i) => [['idea', i.id]]);
  await step('idea patch', m1, async () => ok(await m1.patch(`/api/v1/ideas/${x.id}`, { title: unique('Ev idea '), version: x.version }), 200, 'idea patch'), () => [['idea', x.id]]);
  await step('co-author', m1, async () => ok(await m1.post(`/api/v1/ideas/${x.id}/co-authors`, { user_id: m3.user.id }), 200, 'co-author'), () => [['idea', x.id]]);
  await step('build on', extA, async () => buildOn(extA, y.id, x.id), () => [['idea', y.id], ['idea', x.id]]);
  await step('unlink', extA, async () => ok(await extA.del(`/api/v1/ideas/${y.id}/builds-on/${x.id}`), 200, 'unlink'), () => [['idea', y.id], ['idea', x.id]]);
  const cm = await step('comment', m2, async () => comment(m2, x.id), (k) => [['comment', k.id]]);
  await step('hostile comment', extB, async () => ok(await extB.post(`/api/v1/ideas/${x.id}/comments`, { body: 'What a stupid plan', confirm_tone: true }), 201, 'hostile'), (k) => [['comment', k.id]]);
  await step('helpful', extA, async () => ok(await extA.post(`/api/v1/comments/${cm.id}/helpful`), 200, 'helpful'), () => [['comment', cm.id]]);
  await step('unhelpful', extA, async () => ok(await extA.del(`/api/v1/comments/${cm.id}/helpful`), 200, 'unhelpful'), () => [['comment', cm.id]]);
  await step('report', m3, async () => report(m3, 'comment', cm.id), (rep) => [['report', rep.id], ['comment', cm.id]]);
  await step('comment moderation', mod, async () => moderateComment(mod, cm.id, { action: 'hide', note: 'Hidden' }), () => [['comment', cm.id]]);
  await step('idea moderation', mod, async () => moderateIdea(mod, y.id, { action: 'edit', note: 'Typo', title: unique('Ev edited ') }), () => [['idea', y.id]]);
  await step('status', mod, async () => ok(await mod.post(`/api/v1/ideas/${x.id}/status`, { status: 'under_review' }), 200, 'status'), () => [['idea', x.id]]);
  await setPhase(owner, c.id, 'voting');
  await step('vote', m2, async () => vote(m2, x.id), () => [['idea', x.id]]);
  await step('unvote', m2, async () => ok(await m2.del(`/api/v1/ideas/${x.id}/vote`), 200, 'unvote'), () => [['idea', x.id]]);
  await step('merge', mod, async () => ok(await mod.post(`/api/v1/ideas/${y.id}/merge`, { into: x.id }), 200, 'merge'), () => [['idea', y.id], ['idea', x.id]]);
  // Refused writes append nothing.
  const mark = await lastEventId(admin);
  assert.equal((await owner.patch(`/api/v1/challenges/${c.id}`, { title: unique('Stale '), version: c2.version })).status, 409);
  assert.equal((await m1.post('/api/v1/ideas', ideaBody({ challenge_id: c.id }))).status, 422);
  assert.equal((await m2.post(`/api/v1/ideas/${x.id}/comments`, { body: 'You are all idiots' })).status, 422);
  assert.equal((await m1.post(`/api/v1/ideas/${x.id}/moderation`, { action: 'hide', note: 'x' })).status, 403);
  assert.equal((await m1.post('/api/v1/challenges', challengeBody(S.id))).status, 403);
  assert.equal((await guest.put(`/api/v1/ideas/${x.id}/vote`)).status, 403);
  const leftover = await eventsAfter(admin, mark);
  if (leftover.length) problems.push(`refused writes appended ${JSON.stringify(leftover.map((e) => [e.verb, e.object_type, e.object_id]))}`);
  assert.deepEqual(problems, [], problems.join('\n'));
});
