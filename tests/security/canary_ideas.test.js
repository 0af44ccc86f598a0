'use strict';
// The internal-only rule of the ideas contract (docs/api-ideas.md "Who sees what"; api/openapi.yaml
// tag `ideas`, staged in api/staging/ideas.yaml until merged): reviewers' notes, stakeholder
// interest records, the hostility flag on comments, who moderated (moderated_by), reports by
// others, decline reasons (for the authors only), challenges with audience `internal` and their
// ideas, and everything of spaces the participant is not in never reach an external participant, by
// any route. A canary string is written into every such place; the external participant then calls
// every route, and the canary must never come back, in any body or header. What they do get must
// match the shared views exactly.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { startServer } = require('../support/server');
const { Api, unique, expectStatus } = require('../support/client');
const { createStakeholder } = require('../support/stakeholders');
const { GOOD_FIT } = require('../support/projects');
const {
  CHALLENGE_BASE_KEYS, IDEA_BASE_KEYS, SUMMARY_BASE_KEYS, COMMENT_BASE_KEYS, spaceWith, createChallenge, submitIdea, comment,
  moderateIdea, moderateComment, report,
} = require('../support/ideas');

// Lower-case letters and digits: tags are stored lower-case.
const CANARY = `cnry${crypto.randomBytes(6).toString('hex')}`;

let admin;
let im;
let secretMod; // an innovation manager whose very name is secret: moderates, and that is all they do
let secret; // an internal member whose name is secret: writes only where the external cannot look
let author; // an internal member of space A with a plain name
let ext; // the external participant: a member of A
let outsider; // an external participant of space C only
let A;
let B;
const fx = {};
const served = {};

before(async () => {
  const srv = await startServer();
  const api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  secretMod = await api.createUser('innovation_manager', [], { display_name: `Moderator ${CANARY}` });
  secret = await api.createUser('member', [], { display_name: `Secret ${CANARY}` });
  author = await api.createUser('member');
  const a = await spaceWith(api, im, { roles: { member: [author] }, externals: { member: 1 } });
  A = a.space;
  [ext] = a.ext.member;
  B = (await spaceWith(api, admin, { roles: { member: [author] } })).space;
  const c = await spaceWith(api, admin, { externals: { member: 1 } });
  [outsider] = c.ext.member;
  fx.C = c.space;

  // A, audience both: plain titles; the internal fields carry the canary.
  fx.open = await createChallenge(im, A.id, { phase: 'discussion', title: unique('Open challenge '), fit: GOOD_FIT, audience: 'both' });
  fx.x1 = await submitIdea(author, { challenge_id: fx.open.id }, { title: unique('Plain idea one '), tags: ['plain'] });
  fx.x2 = await submitIdea(author, { challenge_id: fx.open.id }, { title: unique('Plain idea two ') });
  fx.e1 = await submitIdea(ext, { challenge_id: fx.open.id }, { title: unique('External idea ') });
  // Hidden: its very title is secret.
  fx.x3 = await submitIdea(author, { challenge_id: fx.open.id }, { title: `Hidden ${CANARY}`, description: `hidden ${CANARY}`, tags: [`tag-${CANARY}`] });
  await moderateIdea(secretMod, fx.x3.id, { action: 'hide', note: 'Hidden for now.' });
  // Declined: the reason is for its authors (internal here) only.
  fx.x4 = await submitIdea(author, { challenge_id: fx.open.id }, { title: unique('Declined idea ') });
  expectStatus(await secretMod.post(`/api/v1/ideas/${fx.x4.id}/status`, { status: 'declined', reason: `declined ${CANARY}` }), 200, 'decline');
  // Moderated by the secret moderator: the note is shown, who wrote it is not.
  await moderateIdea(secretMod, fx.x2.id, { action: 'edit', note: 'Shortened the title.', title: unique('Plain idea two, shorter ') });
  await moderateIdea(secretMod, fx.e1.id, { action: 'edit', note: 'Fixed a typo.', description: 'Our plant could share its trucks.' });
  // Comments: a hostile one posted anyway (flagged), others moderated by the secret moderator,
  // a hidden one whose body is secret.
  fx.hostile = await comment(author, fx.x1.id, 'What a stupid plan, honestly.', { confirm_tone: true });
  fx.c1 = await comment(author, fx.x1.id, 'We tried this once.');
  fx.c2 = await comment(ext, fx.x1.id, 'Tell us more about it.', { parent_id: fx.c1.id });
  await moderateComment(secretMod, fx.c1.id, { action: 'edit', note: 'Removed a name.', body: 'We tried this once, with mixed results.' });
  await moderateComment(secretMod, fx.c2.id, { action: 'restore', note: 'Looked fine.' });
  fx.c3 = await comment(author, fx.x1.id, `hidden comment ${CANARY}`);
  await moderateComment(secretMod, fx.c3.id, { action: 'hide', note: 'Off-topic.' });
  expectStatus(await ext.post(`/api/v1/comments/${fx.c1.id}/helpful`), 200, 'helpful');
  // Reports by others carry the canary; the external's own report is resolved by the secret moderator.
  await report(author, 'idea', fx.x1.id, `report ${CANARY}`);
  await report(author, 'comment', fx.c1.id, `report on a comment ${CANARY}`);
  fx.extReport = await report(ext, 'idea', fx.x2.id, 'Please check the title.');
  await moderateIdea(secretMod, fx.x2.id, { action: 'restore', note: 'Checked.' });
  // Build-on links to ideas the external cannot see must not show either.
  fx.sa = await submitIdea(author, { space_id: A.id }, { title: unique('Stand-alone idea ') });

  // A, audience internal: the external participant is in the space but must not see any of it.
  fx.staff = await createChallenge(im, A.id, { phase: 'discussion', audience: 'internal', title: `Staff ${CANARY}`, problem: `problem ${CANARY}`,
    goals: [`goal ${CANARY}`], protocol: `rules ${CANARY}`, criteria: [{ key: 'impact', text: `criterion ${CANARY}` }] });
  expectStatus(await im.post(`/api/v1/challenges/${fx.staff.id}/protocol`, { text: `rules v2 ${CANARY}`, note: `note ${CANARY}` }), 201, 'amend');
  fx.s1 = await submitIdea(secret, { challenge_id: fx.staff.id }, { title: `Staff idea ${CANARY}`, description: `staff ${CANARY}`, tags: [`tag-${CANARY}`] });
  fx.s2 = await submitIdea(author, { challenge_id: fx.staff.id }, { title: `Staff idea two ${CANARY}` });
  fx.sc = await comment(secret, fx.s1.id, `staff comment ${CANARY}`);
  expectStatus(await author.post(`/api/v1/ideas/${fx.s2.id}/builds-on/${fx.s1.id}`), 200, 'staff build-on');
  // The ideas of A that build on staff ideas: the link must not show to the external.
  fx.linked = await submitIdea(author, { space_id: A.id }, { title: unique('Builds on staff ') });
  expectStatus(await author.post(`/api/v1/ideas/${fx.linked.id}/builds-on/${fx.s1.id}`), 200, 'build on a staff idea');

  // B: the external is not a member.
  fx.bChallenge = await createChallenge(admin, B.id, { phase: 'discussion', title: `Other space ${CANARY}`, audience: 'both' });
  fx.b1 = await submitIdea(secret, { challenge_id: fx.bChallenge.id }, { title: `Other space idea ${CANARY}`, tags: [`tag-${CANARY}`] });
  fx.bAlone = await submitIdea(secret, { space_id: B.id }, { title: `Other space stand-alone ${CANARY}` });
  fx.bc = await comment(secret, fx.b1.id, `other space comment ${CANARY}`);

  // Interest, reviews and promotion, where those routes are served: the records, notes and the
  // project's title carry the canary.
  const stakeholder = await createStakeholder(im, { name: `Customer ${CANARY}`, kind: 'customer' });
  const interest = await im.post(`/api/v1/ideas/${fx.x1.id}/interest`, { stakeholder_id: stakeholder.id, level: 'committed' });
  served.interest = interest.status === 201;
  const review = await im.post(`/api/v1/ideas/${fx.sa.id}/reviews`, { scores: { overall: 4 }, note: `review ${CANARY}` });
  served.reviews = review.status === 201;
  const fw = await admin.post('/api/v1/frameworks', { name: `Framework ${CANARY}`, template: 'default' });
  expectStatus(fw, 201, 'framework');
  const promoted = await im.post(`/api/v1/ideas/${fx.x1.id}/promote`, { framework_id: fw.json.id, fit: GOOD_FIT, hypothesis: `hypothesis ${CANARY}`, title: `Project ${CANARY}` });
  served.promote = promoted.status === 201;

  // The internal views do carry the canary: the test would be hollow otherwise.
  const internal = (await im.get(`/api/v1/ideas/${fx.x2.id}`)).json;
  assert.equal(internal.moderated_by && internal.moderated_by.id, secretMod.user.id, 'the internal view does not name the moderator');
  assert.ok((await im.get(`/api/v1/ideas/${fx.x4.id}`)).text.includes(CANARY), 'the decline reason is not in the internal view');
  assert.ok((await im.get(`/api/v1/challenges/${fx.staff.id}`)).text.includes(CANARY), 'the staff challenge does not carry the canary');
  assert.ok((await im.get(`/api/v1/reports?limit=200`)).text.includes(CANARY), 'the reports do not carry the canary');
  assert.ok((await im.get(`/api/v1/ideas/${fx.x1.id}/comments`)).text.includes(`"hostile":true`), 'the hostile comment is not flagged');
});

function leaks(res) {
  const out = [];
  if (res.text.toLowerCase().includes(CANARY)) out.push('body');
  for (const [k, v] of res.headers.entries()) if (String(v).toLowerCase().includes(CANARY)) out.push(`header ${k}`);
  return out;
}

// Every route about one idea (reads and writes), and about one comment.
function ideaRoutes(id, { other = fx.x1.id, version = 1 } = {}) {
  return [
    ['GET', `/api/v1/ideas/${id}`], ['GET', `/api/v1/ideas/${id}/comments`], ['GET', `/api/v1/ideas/${id}/comments?limit=1`],
    ['PATCH', `/api/v1/ideas/${id}`, { title: 'Changed by an external', version }],
    ['POST', `/api/v1/ideas/${id}/status`, { status: 'parked' }],
    ['PUT', `/api/v1/ideas/${id}/vote`], ['DELETE', `/api/v1/ideas/${id}/vote`],
    ['POST', `/api/v1/ideas/${id}/builds-on/${other}`], ['DELETE', `/api/v1/ideas/${id}/builds-on/${other}`],
    ['POST', `/api/v1/ideas/${id}/co-authors`, { user_id: ext.user.id }],
    ['GET', `/api/v1/ideas/${id}/interest`], ['POST', `/api/v1/ideas/${id}/interest`, { stakeholder_id: 1, level: 'curious' }],
    ['GET', `/api/v1/ideas/${id}/reviews`], ['POST', `/api/v1/ideas/${id}/reviews`, { scores: { overall: 3 } }],
    ['POST', `/api/v1/ideas/${id}/comments`, { body: 'An external comment' }],
    ['POST', `/api/v1/ideas/${id}/attachments?filename=x.png`],
    ['POST', `/api/v1/ideas/${id}/merge`, { into: other }],
    ['POST', `/api/v1/ideas/${id}/promote`, { framework_id: 1, fit: GOOD_FIT, hypothesis: 'x' }],
    ['POST', `/api/v1/ideas/${id}/moderation`, { action: 'hide', note: 'x' }],
    ['POST', '/api/v1/reports', { object_type: 'idea', object_id: id, reason: 'An external report' }],
  ];
}
function commentRoutes(id) {
  return [
    ['POST', `/api/v1/comments/${id}/helpful`], ['DELETE', `/api/v1/comments/${id}/helpful`],
    ['POST', `/api/v1/comments/${id}/moderation`, { action: 'hide', note: 'x' }],
    ['POST', '/api/v1/reports', { object_type: 'comment', object_id: id, reason: 'An external report' }],
  ];
}
function challengeRoutes(id) {
  return [
    ['GET', `/api/v1/challenges/${id}`], ['GET', `/api/v1/challenges/${id}/protocol`], ['GET', `/api/v1/challenges/${id}/leaderboard`],
    ['PATCH', `/api/v1/challenges/${id}`, { title: 'Changed by an external', version: 1 }],
    ['POST', `/api/v1/challenges/${id}/protocol`, { text: 'x', note: 'y' }],
  ];
}
function listCalls() {
  const enc = encodeURIComponent;
  const q = [
    '', `space_id=${A.id}`, `space_id=${B.id}`, `challenge_id=${fx.open.id}`, `challenge_id=${fx.staff.id}`, `challenge_id=${fx.bChallenge.id}`,
    `q=${CANARY}`, `q=${enc('Staff idea')}`, `tag=tag-${CANARY}`, 'status=declined', 'status=new', 'sort=-votes', 'sort=-interest', 'limit=1',
  ];
  const calls = q.map((x) => ['GET', `/api/v1/ideas${x ? `?${x}` : ''}`]);
  for (const x of ['', `space_id=${A.id}`, `space_id=${B.id}`, `q=${CANARY}`, 'q=Staff', 'phase=discussion', 'limit=1']) calls.push(['GET', `/api/v1/challenges${x ? `?${x}` : ''}`]);
  for (const [space, ch] of [[A.id, null], [A.id, fx.open.id], [A.id, fx.staff.id], [B.id, null], [B.id, fx.bChallenge.id]]) {
    for (const text of [CANARY, 'Staff idea', 'Other space idea', 'plan idea', 'Hidden']) {
      calls.push(['GET', `/api/v1/ideas/similar?space_id=${space}${ch ? `&challenge_id=${ch}` : ''}&text=${enc(text)}`]);
    }
  }
  return calls;
}

test('the canary never reaches the external participant, whatever ideas route they call', async () => {
  const calls = [...listCalls()];
  for (const id of [fx.open.id, fx.staff.id, fx.bChallenge.id, 999999]) calls.push(...challengeRoutes(id));
  for (const x of [fx.x1, fx.x2, fx.x3, fx.x4, fx.e1, fx.sa, fx.linked]) calls.push(...ideaRoutes(x.id, { other: fx.s1.id }));
  for (const x of [fx.s1, fx.s2, fx.b1, fx.bAlone]) calls.push(...ideaRoutes(x.id));
  for (const c of [fx.hostile, fx.c1, fx.c2, fx.c3, fx.sc, fx.bc]) calls.push(...commentRoutes(c.id));
  calls.push(['POST', '/api/v1/ideas', { challenge_id: fx.staff.id, title: 'External into staff', description: 'x' }],
    ['POST', '/api/v1/ideas', { space_id: B.id, title: 'External into B', description: 'x' }],
    ['POST', '/api/v1/challenges', { space_id: A.id, title: 'By an external', problem: 'x', phases: fx.open.phases }],
    ['GET', '/api/v1/reports'], ['GET', '/api/v1/reports?status=resolved'], ['GET', '/api/v1/me/points'],
    ['GET', '/api/v1/events'], ['GET', '/api/v1/events?object_type=idea'], ['GET', '/api/v1/events?object_type=comment'],
    ['GET', '/api/v1/events?object_type=challenge'], ['GET', '/api/v1/events?object_type=report'],
    ['GET', '/api/v1/me'], ['GET', '/api/v1/spaces'], ['GET', `/api/v1/spaces/${A.id}`], ['GET', `/api/v1/spaces/${A.id}/members`]);
  const problems = [];
  for (const [method, path, json] of calls) {
    const res = await ext.request(method, path, json === undefined ? {} : { json });
    if (res.status >= 500) problems.push(`${method} ${path}: ${res.status}`);
    const where = leaks(res);
    if (where.length) problems.push(`${method} ${path}: the canary is in the ${where.join(', ')}: ${res.describe()}`);
  }
  // Deeper pages of the lists, where there are any.
  for (const base of ['/api/v1/ideas', `/api/v1/ideas?space_id=${A.id}&sort=-votes`, '/api/v1/challenges', `/api/v1/ideas/${fx.x1.id}/comments`]) {
    let after = null;
    for (let i = 0; i < 50; i += 1) {
      const sep = base.includes('?') ? '&' : '?';
      const res = await ext.get(`${base}${sep}limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      if (leaks(res).length) problems.push(`GET ${base} page ${i + 1}: canary`);
      after = res.json && res.json.next_cursor;
      if (!after) break;
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  if (!served.interest) console.log('canary_ideas: POST /ideas/{id}/interest is not served yet; interest records were not written');
  if (!served.reviews) console.log('canary_ideas: POST /ideas/{id}/reviews is not served yet; review notes were not written');
  if (!served.promote) console.log('canary_ideas: POST /ideas/{id}/promote is not served yet; the promoted project was not made');
});

test('what the external participant gets is exactly the shared views: no fit, hostile, moderated_by, interest or review', async () => {
  const problems = [];
  const exact = (obj, keys, what) => {
    const got = Object.keys(obj).sort();
    if (JSON.stringify(got) !== JSON.stringify([...keys].sort())) {
      problems.push(`${what}: extra ${got.filter((k) => !keys.includes(k))}, missing ${keys.filter((k) => !got.includes(k))}`);
    }
  };
  const ch = await ext.get(`/api/v1/challenges/${fx.open.id}`);
  assert.equal(ch.status, 200, ch.describe());
  exact(ch.json, CHALLENGE_BASE_KEYS, 'ChallengeSharedView');
  const list = await ext.get(`/api/v1/challenges?space_id=${A.id}`);
  for (const it of list.json.items) exact(it, CHALLENGE_BASE_KEYS, 'ChallengeSharedView in the list');
  for (const x of [fx.x1, fx.x2, fx.x4, fx.e1, fx.sa, fx.linked]) {
    const res = await ext.get(`/api/v1/ideas/${x.id}`);
    assert.equal(res.status, 200, `GET idea ${x.id}: ${res.describe()}`);
    exact(res.json, IDEA_BASE_KEYS, `IdeaSharedView of ${x.id}`);
    for (const r of [...res.json.builds_on, ...res.json.built_on_by]) {
      if ([fx.s1.id, fx.s2.id].includes(r.id)) problems.push(`idea ${x.id} shows a link to the staff idea ${r.id}`);
    }
  }
  const x4 = (await ext.get(`/api/v1/ideas/${fx.x4.id}`)).json;
  assert.equal(x4.status, 'declined');
  if (x4.decline_reason !== null) problems.push(`an external non-author gets the decline reason ${JSON.stringify(x4.decline_reason)}`);
  const x2 = (await ext.get(`/api/v1/ideas/${fx.x2.id}`)).json;
  assert.ok(typeof x2.moderation_note === 'string' && x2.moderation_note.length > 0, 'the moderation note is not shown');
  const items = (await ext.get(`/api/v1/ideas?space_id=${A.id}&limit=200`)).json.items;
  assert.ok(items.length >= 4, 'the external lists too few ideas');
  for (const it of items) exact(it, SUMMARY_BASE_KEYS, 'IdeaSummarySharedView');
  const cms = (await ext.get(`/api/v1/ideas/${fx.x1.id}/comments?limit=200`)).json.items;
  // The visible comments of others, and whatever the external wrote themselves.
  assert.deepEqual(cms.filter((c) => !c.author || c.author.id !== ext.user.id || c.id === fx.c2.id).map((c) => c.id), [fx.hostile.id, fx.c1.id, fx.c2.id],
    'the external sees other comments than the visible ones');
  for (const c of cms) exact(c, COMMENT_BASE_KEYS, 'CommentSharedView');
  for (const [method, path] of [['POST', `/api/v1/comments/${fx.c1.id}/helpful`], ['DELETE', `/api/v1/comments/${fx.c1.id}/helpful`], ['PUT', `/api/v1/ideas/${fx.x1.id}/vote`]]) {
    const res = await ext.request(method, path);
    if (res.status === 200) exact(res.json, path.includes('comments') ? COMMENT_BASE_KEYS : IDEA_BASE_KEYS, `${method} ${path}`);
  }
  const mine = await ext.post(`/api/v1/ideas/${fx.x1.id}/comments`, { body: 'One more question.' });
  assert.equal(mine.status, 201, mine.describe());
  exact(mine.json, COMMENT_BASE_KEYS, 'CommentSharedView of a new comment');
  const created = await ext.post('/api/v1/ideas', { challenge_id: fx.open.id, title: unique('Another external idea '), description: 'x y z' });
  assert.equal(created.status, 201, created.describe());
  exact(created.json, IDEA_BASE_KEYS, 'IdeaSharedView of a new idea');
  // Internal-only sorting and the reports are no oracle.
  const sorted = await ext.get(`/api/v1/ideas?space_id=${A.id}&sort=-interest`);
  if (sorted.status !== 400 || sorted.json.field !== 'sort') problems.push(`sort=-interest: ${sorted.describe()}`);
  const rep = await ext.get('/api/v1/reports');
  if (rep.status !== 404) problems.push(`the report queue: ${rep.describe()}`);
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('an external participant outside the space gets 404 for everything in it, and empty lists', async () => {
  const problems = [];
  const calls = [];
  for (const id of [fx.open.id, fx.staff.id]) calls.push(...challengeRoutes(id));
  for (const x of [fx.x1, fx.e1, fx.sa, fx.s1]) calls.push(...ideaRoutes(x.id, { other: fx.x2.id }).filter(([, p]) => p !== '/api/v1/reports'));
  for (const c of [fx.c1, fx.c2]) calls.push(...commentRoutes(c.id).filter(([, p]) => p !== '/api/v1/reports'));
  for (const [method, path, json] of calls) {
    const res = await outsider.request(method, path, json === undefined ? {} : { json });
    if (res.status !== 404 || res.code !== 'not_found') problems.push(`${method} ${path}: ${res.describe()}`);
  }
  // Reports and new ideas name the object in the body: 422, the caller is told nothing more.
  for (const [type, id] of [['idea', fx.x1.id], ['comment', fx.c1.id]]) {
    const res = await outsider.post('/api/v1/reports', { object_type: type, object_id: id, reason: 'x' });
    if (res.status !== 422 || res.json.field !== 'object_id') problems.push(`report on ${type} ${id}: ${res.describe()}`);
  }
  for (const body of [{ challenge_id: fx.open.id }, { space_id: A.id }]) {
    const res = await outsider.post('/api/v1/ideas', { ...body, title: 'From outside', description: 'x' });
    if (res.status !== 422) problems.push(`POST /ideas ${JSON.stringify(body)}: ${res.describe()}`);
  }
  // Lists: nothing of A, and empty pages for A's space and challenges.
  for (const path of ['/api/v1/ideas', '/api/v1/challenges', `/api/v1/ideas?space_id=${A.id}`, `/api/v1/ideas?challenge_id=${fx.open.id}`,
    `/api/v1/challenges?space_id=${A.id}`, `/api/v1/ideas/similar?space_id=${A.id}&text=idea`]) {
    const res = await outsider.get(path);
    if (res.status !== 200) { problems.push(`GET ${path}: ${res.describe()}`); continue; }
    // Suggestions carry no space_id: there must be none at all.
    const foreign = path.includes('similar') ? res.json.items : res.json.items.filter((x) => x.space_id !== fx.C.id);
    if (foreign.length) problems.push(`GET ${path} answers ${JSON.stringify(foreign.map((x) => x.id))}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('an external member of the space gets 404 for a challenge with audience internal and for its ideas and comments', async () => {
  const problems = [];
  const calls = [...challengeRoutes(fx.staff.id)];
  for (const x of [fx.s1, fx.s2]) calls.push(...ideaRoutes(x.id, { other: fx.x1.id }).filter(([, p]) => p !== '/api/v1/reports'));
  calls.push(...commentRoutes(fx.sc.id).filter(([, p]) => p !== '/api/v1/reports'));
  // Building on a staff idea from the external's own idea: the staff idea is not there for them.
  calls.push(['POST', `/api/v1/ideas/${fx.e1.id}/builds-on/${fx.s1.id}`]);
  for (const [method, path, json] of calls) {
    const res = await ext.request(method, path, json === undefined ? {} : { json });
    if (res.status !== 404 || res.code !== 'not_found') problems.push(`${method} ${path}: ${res.describe()}`);
  }
  for (const [type, id] of [['idea', fx.s1.id], ['comment', fx.sc.id]]) {
    const res = await ext.post('/api/v1/reports', { object_type: type, object_id: id, reason: 'x' });
    if (res.status !== 422 || res.json.field !== 'object_id') problems.push(`report on staff ${type} ${id}: ${res.describe()}`);
  }
  const sub = await ext.post('/api/v1/ideas', { challenge_id: fx.staff.id, title: 'Into staff', description: 'x' });
  if (sub.status !== 422) problems.push(`POST /ideas into the staff challenge: ${sub.describe()}`);
  for (const path of [`/api/v1/ideas?challenge_id=${fx.staff.id}`, `/api/v1/ideas/similar?space_id=${A.id}&challenge_id=${fx.staff.id}&text=${encodeURIComponent('Staff idea')}`]) {
    const res = await ext.get(path);
    if (res.status !== 200 || res.json.items.length !== 0) problems.push(`GET ${path}: expected an empty answer, got ${res.describe()}`);
  }
  const all = await ext.get(`/api/v1/ideas?space_id=${A.id}&limit=200`);
  const staffIds = [fx.s1.id, fx.s2.id];
  if (all.json.items.some((x) => staffIds.includes(x.id) || x.challenge_id === fx.staff.id)) problems.push('the space\'s list shows staff ideas');
  const chs = await ext.get(`/api/v1/challenges?space_id=${A.id}&limit=200`);
  if (chs.json.items.some((x) => x.id === fx.staff.id)) problems.push('the challenge list shows the staff challenge');
  // The open challenge's idea_count and the leaderboard do not count what the external cannot see
  // in the staff challenge (they are per challenge).
  const lb = await ext.get(`/api/v1/challenges/${fx.open.id}/leaderboard`);
  if (lb.status === 200 && lb.json.items.some((e) => e.user.id === secret.user.id)) problems.push('the leaderboard lists someone who earned points only in the staff challenge');
  assert.deepEqual(problems, [], problems.join('\n'));
});
