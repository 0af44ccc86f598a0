'use strict';
// The engagement log (docs/api-stakeholders.md): interactions, follow-ups, cadences,
// expectations, capacity, needs attention, and an event for every write.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique, listAll, expectStatus } = require('../support/client');
const { assertTime, assertTimeOrNull, assertPage, hasKeys, onlyKeys } = require('../support/shapes');
const {
  day, at, createStakeholder, getStakeholder, createInteraction, createFollowUp, createCadence, createExpectation,
  walkPages, namesField,
} = require('../support/stakeholders');

let api;
let admin;
let im;
let m1;
let m2;
let external;

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  m1 = await api.createUser('member');
  m2 = await api.createUser('member');
  const space = await api.createSpace(im, { external_allowed: true });
  external = await api.accept((await api.inviteExternal(im, space.id)).token);
});

const ids = (xs) => xs.map((x) => x.id).sort((a, b) => a - b);
const ref = (b) => ({ id: b.user.id, display_name: b.user.display_name });
const near = (a, b, what) => assert.ok(typeof a === 'number' && Math.abs(a - b) < 0.01, `${what}: ${a}, expected ${b}`);

const INTERACTION_KEYS = ['id', 'title', 'type', 'mode', 'status', 'occurred_at', 'duration_minutes', 'format', 'summary', 'summary_html',
  'outcome', 'participants', 'stakeholders', 'created_by', 'created_at', 'updated_at'];
const FOLLOW_UP_KEYS = ['id', 'title', 'detail', 'owner', 'due_on', 'status', 'overdue', 'effort_minutes', 'stakeholder', 'interaction_id',
  'created_by', 'created_at', 'completed_at'];
const CADENCE_KEYS = ['id', 'stakeholder', 'owner', 'label', 'interval', 'every_days', 'format', 'starts_on', 'next_due_on', 'overdue', 'paused', 'created_at'];
const EXPECTATION_KEYS = ['id', 'stakeholder', 'direction', 'description', 'due_on', 'status', 'owner', 'created_at', 'updated_at'];
const CAPACITY_PERSON_KEYS = ['user_id', 'display_name', 'team', 'hours_per_week', 'scheduled_hours', 'follow_up_hours', 'load_hours', 'utilisation', 'over_capacity'];

async function cadencesOf(browser, stakeholderId) {
  return listAll(browser, `/api/v1/cadences?stakeholder_id=${stakeholderId}`);
}

// ---- interactions ---------------------------------------------------------------------------

test('interactions: create with several stakeholders, interest and emotion; a held one moves last contact and records the emotion', async () => {
  const s1 = await createStakeholder(m1, { name: unique('Int one ') });
  const s2 = await createStakeholder(m1, { name: unique('Int two '), kind: 'customer' });
  const occurred = at(-2, 14);
  const body = {
    title: 'Quarterly review', type: 'meeting', mode: 'in_person', status: 'held', occurred_at: occurred, duration_minutes: 90,
    summary: 'We **agreed** on a pilot.', outcome: 'Pilot in Q1', participant_ids: [m1.user.id, im.user.id],
    stakeholders: [
      { stakeholder_id: s1.id, interest: 'committed', interest_topic: 'storage pilot', valence: 2, intensity: 3 },
      { stakeholder_id: s2.id, interest: 'curious' },
    ],
  };
  const res = await m1.post('/api/v1/interactions', body);
  assert.equal(res.status, 201, res.describe());
  const i = res.json;
  hasKeys(i, INTERACTION_KEYS, 'interaction');
  assert.equal(i.title, 'Quarterly review');
  assert.equal(i.type, 'meeting');
  assert.equal(i.mode, 'in_person');
  assert.equal(i.status, 'held');
  assert.equal(i.occurred_at, occurred);
  assert.equal(i.duration_minutes, 90);
  assert.equal(i.format, 'multi_stakeholder');
  assert.equal(i.summary, body.summary);
  assert.match(i.summary_html, /<strong>agreed<\/strong>/);
  assert.equal(i.outcome, 'Pilot in Q1');
  assert.deepEqual([...i.participants].sort((a, b) => a.id - b.id), [ref(m1), ref(im)].sort((a, b) => a.id - b.id));
  const st = [...i.stakeholders].sort((a, b) => a.stakeholder_id - b.stakeholder_id);
  assert.deepEqual(st, [
    { stakeholder_id: s1.id, name: s1.name, kind: s1.kind, interest: 'committed', interest_topic: 'storage pilot', valence: 2, intensity: 3 },
    { stakeholder_id: s2.id, name: s2.name, kind: 'customer', interest: 'curious', interest_topic: st[1].interest_topic, valence: null, intensity: null },
  ].sort((a, b) => a.stakeholder_id - b.stakeholder_id));
  assert.ok(st[1].interest_topic === null || st[1].interest_topic === '', `interest_topic not given: ${JSON.stringify(st[1].interest_topic)}`);
  assert.deepEqual(i.created_by, ref(m1));
  assertTime(i.created_at, 'created_at');
  const got = await m1.get(`/api/v1/interactions/${i.id}`);
  assert.equal(got.status, 200, got.describe());
  assert.deepEqual(got.json, i);
  const a1 = await getStakeholder(m1, s1.id);
  assert.equal(a1.last_contact_at, occurred, 'a held interaction does not set last_contact_at');
  assert.ok(a1.emotion, 'the emotion given with the interaction is not on the stakeholder');
  assert.equal(a1.emotion.valence, 2);
  assert.equal(a1.emotion.intensity, 3);
  assert.equal(a1.emotion.state, 'positive');
  const a2 = await getStakeholder(m1, s2.id);
  assert.equal(a2.last_contact_at, occurred);
  assert.equal(a2.emotion, null, 'an emotion appeared where none was given');
  const timeline = await walkPages(m1, `/api/v1/stakeholders/${s1.id}/timeline`, { limit: 200, key: (x) => `${x.kind}:${x.id}` });
  const emo = timeline.find((x) => x.kind === 'emotion');
  assert.ok(emo, `no emotion in the timeline: ${JSON.stringify(timeline)}`);
  assert.equal(emo.source, 'interaction');
  assert.equal(emo.state, 'positive');
  const item = timeline.find((x) => x.kind === 'interaction' && x.id === i.id);
  assert.ok(item, 'the interaction is not in the timeline');
  assert.equal(item.interest, 'committed');
  // An older held contact does not move last contact back; a newer one moves it forward.
  await createInteraction(m1, [s1.id], { occurred_at: at(-10, 9) });
  assert.equal((await getStakeholder(m1, s1.id)).last_contact_at, occurred, 'an older contact moved last_contact_at back');
  const newer = at(-1, 8);
  await createInteraction(m1, [s1.id], { occurred_at: newer });
  assert.equal((await getStakeholder(m1, s1.id)).last_contact_at, newer);
});

test('interactions: defaults (remote, held, 30 minutes, the caller as participant, one_to_one)', async () => {
  const s = await createStakeholder(m2, { name: unique('Int defaults ') });
  const i = await createInteraction(m2, [s.id], { title: 'Quick call' });
  assert.equal(i.mode, 'remote');
  assert.equal(i.status, 'held');
  assert.equal(i.duration_minutes, 30);
  assert.equal(i.format, 'one_to_one');
  assert.deepEqual(i.participants, [ref(m2)]);
  assert.ok(i.summary === '' || i.summary === null, `summary not given: ${JSON.stringify(i.summary)}`);
  assert.ok(i.summary_html === '' || i.summary_html === null, `summary_html of no summary: ${JSON.stringify(i.summary_html)}`);
});

test('interactions: planned and cancelled ones do not move last contact nor record an emotion', async () => {
  const s = await createStakeholder(m1, { name: unique('Int planned ') });
  await createInteraction(m1, [{ stakeholder_id: s.id, valence: -1, intensity: 2 }], { status: 'planned', occurred_at: at(3, 10) });
  await createInteraction(m1, [{ stakeholder_id: s.id, valence: -1, intensity: 2 }], { status: 'planned', occurred_at: at(-3, 10) });
  await createInteraction(m1, [s.id], { status: 'cancelled', occurred_at: at(-2, 10) });
  const now = await getStakeholder(m1, s.id);
  assert.equal(now.last_contact_at, null, 'a planned or cancelled interaction moved last contact');
  assert.equal(now.emotion, null, 'a planned interaction recorded an emotion');
});

test('interactions: summary markdown → summary_html without <script> or javascript: links', async () => {
  const s = await createStakeholder(m1, { name: unique('Int xss ') });
  const summary = [
    'Hello **world**',
    '',
    '<script>alert("x")</script>',
    '',
    '<img src=x onerror="alert(1)">',
    '',
    '[click me](javascript:alert(1)) and [ok](https://example.com/ok) and [mail](mailto:a@example.com)',
    '',
    '<a href="javascript:alert(2)">raw</a>',
  ].join('\n');
  const i = await createInteraction(m1, [s.id], { summary });
  assert.equal(i.summary, summary, 'the markdown source is not kept as written');
  const html = i.summary_html;
  assert.match(html, /<strong>world<\/strong>/);
  assert.ok(!/<script/i.test(html), `summary_html has <script>: ${html}`);
  assert.ok(!/javascript:/i.test(html), `summary_html has a javascript: link: ${html}`);
  assert.ok(!/onerror/i.test(html) && !/<img/i.test(html), `summary_html keeps raw HTML: ${html}`);
  assert.match(html, /href="https:\/\/example\.com\/ok"/, 'an https link was dropped');
  assert.match(html, /href="mailto:a@example\.com"/, 'a mailto link was dropped');
  const p = await m1.patch(`/api/v1/interactions/${i.id}`, { summary: '<script>1</script>\n\n*new*' });
  assert.equal(p.status, 200, p.describe());
  assert.match(p.json.summary_html, /<em>new<\/em>/, 'PATCH does not render the new summary');
  assert.ok(!/<script/i.test(p.json.summary_html));
});

test('interactions: PATCH changes fields; delete by the creator ok, by another member 403, by an innovation_manager ok', async () => {
  const s = await createStakeholder(m1, { name: unique('Int patch ') });
  const i = await createInteraction(m1, [s.id], { title: 'Before' });
  const p = await m2.patch(`/api/v1/interactions/${i.id}`, { title: 'After', outcome: 'Agreed next steps', duration_minutes: 60, type: 'video_call' });
  assert.equal(p.status, 200, p.describe());
  assert.equal(p.json.title, 'After');
  assert.equal(p.json.outcome, 'Agreed next steps');
  assert.equal(p.json.duration_minutes, 60);
  assert.equal(p.json.type, 'video_call');
  assert.equal(p.json.occurred_at, i.occurred_at, 'a field not in the PATCH changed');
  assert.deepEqual(p.json.created_by, ref(m1), 'PATCH changed created_by');
  assert.ok(Date.parse(p.json.updated_at) >= Date.parse(i.updated_at));
  const denied = await m2.del(`/api/v1/interactions/${i.id}`);
  assert.equal(denied.status, 403, denied.describe());
  assert.equal(denied.code, 'permission_denied');
  assert.equal((await m1.get(`/api/v1/interactions/${i.id}`)).status, 200, 'a refused delete deleted');
  const del = await m1.del(`/api/v1/interactions/${i.id}`);
  assert.equal(del.status, 204, del.describe());
  assert.equal((await m1.get(`/api/v1/interactions/${i.id}`)).status, 404);
  const j = await createInteraction(m1, [s.id]);
  assert.equal((await im.del(`/api/v1/interactions/${j.id}`)).status, 204, 'innovation_manager may delete');
  const k = await createInteraction(m1, [s.id]);
  assert.equal((await admin.del(`/api/v1/interactions/${k.id}`)).status, 204, 'admin may delete');
  assert.equal((await m1.del(`/api/v1/interactions/${k.id}`)).status, 404);
  assert.equal((await m1.patch('/api/v1/interactions/999999', { title: 'x' })).status, 404);
});

test('interactions: list filters (stakeholder_id, participant_id incl. me, type, status, from/to), newest first, paging', async () => {
  const s = await createStakeholder(im, { name: unique('Int list ') });
  const a = await createInteraction(im, [s.id], { type: 'call', occurred_at: '2026-02-01T10:00:00.000Z', participant_ids: [m1.user.id] });
  const b = await createInteraction(im, [s.id], { type: 'workshop', occurred_at: '2026-03-01T10:00:00.000Z', participant_ids: [m2.user.id] });
  const c = await createInteraction(im, [s.id], { type: 'call', status: 'planned', occurred_at: at(5, 10), participant_ids: [m1.user.id, m2.user.id] });
  const d = await createInteraction(im, [s.id], { type: 'email', occurred_at: '2026-04-01T10:00:00.000Z' });
  const base = `/api/v1/interactions?stakeholder_id=${s.id}`;
  const all = await listAll(m1, base);
  assert.deepEqual(all.map((x) => x.id), [c.id, d.id, b.id, a.id], 'not newest first');
  assert.deepEqual(ids(await listAll(m1, `${base}&participant_id=me`)), ids([a, c]), 'participant_id=me');
  assert.deepEqual(ids(await listAll(m1, `${base}&participant_id=${m2.user.id}`)), ids([b, c]), 'participant_id');
  assert.deepEqual(ids(await listAll(m1, `${base}&participant_id=${im.user.id}`)), ids([d]), 'participant_id (the default participant is the caller)');
  assert.deepEqual(ids(await listAll(m1, `${base}&type=call`)), ids([a, c]), 'type');
  assert.deepEqual(ids(await listAll(m1, `${base}&status=planned`)), ids([c]), 'status');
  assert.deepEqual(ids(await listAll(m1, `${base}&from=${encodeURIComponent('2026-02-15T00:00:00.000Z')}&to=${encodeURIComponent('2026-04-15T00:00:00.000Z')}`)), ids([b, d]), 'from/to');
  const paged = await walkPages(m1, base, { limit: 1 });
  assert.deepEqual(paged.map((x) => x.id), all.map((x) => x.id), 'paging differs from one page');
  for (const [p, field] of [['type=party', 'type'], ['status=maybe', 'status'], ['from=yesterday', 'from'], ['stakeholder_id=abc', 'stakeholder_id']]) {
    const r = await m1.get(`/api/v1/interactions?${p}`);
    assert.equal(r.status, 400, `?${p}: ${r.describe()}`);
    assert.equal(r.json.field, field, `?${p}`);
  }
});

test('interactions: validation names the field and writes nothing', async () => {
  const s = await createStakeholder(im, { name: unique('Int valid ') });
  const ok = { title: 'x', type: 'call', occurred_at: at(-1, 10), stakeholders: [{ stakeholder_id: s.id }] };
  const cases = [
    [{ ...ok, stakeholders: [] }, 'stakeholders', [422]],
    [{ ...ok, stakeholders: [{ stakeholder_id: 999999 }] }, 'stakeholders', [422]],
    [{ ...ok, stakeholders: [{ stakeholder_id: s.id, valence: 1 }] }, 'stakeholders', [422]],
    [{ ...ok, stakeholders: [{ stakeholder_id: s.id, valence: 3, intensity: 1 }] }, 'stakeholders', [422]],
    [{ ...ok, stakeholders: [{ stakeholder_id: s.id, interest: 'obsessed' }] }, 'stakeholders', [422]],
    [{ ...ok, type: 'party' }, 'type', [422]],
    [{ ...ok, mode: 'telepathy' }, 'mode', [422]],
    [{ ...ok, status: 'maybe' }, 'status', [422]],
    [{ ...ok, duration_minutes: 1441 }, 'duration_minutes', [422]],
    [{ ...ok, duration_minutes: -1 }, 'duration_minutes', [422]],
    [{ ...ok, title: '' }, 'title', [422]],
    [{ ...ok, title: 't'.repeat(201) }, 'title', [422]],
    [{ ...ok, outcome: 'o'.repeat(2001) }, 'outcome', [422]],
    [{ ...ok, summary: 's'.repeat(20001) }, 'summary', [422]],
    [{ ...ok, occurred_at: 'yesterday' }, 'occurred_at', [400, 422]],
    [{ ...ok, participant_ids: [external.user.id] }, 'participant_ids', [422]],
    [{ ...ok, participant_ids: [999999] }, 'participant_ids', [422]],
    [{ ...ok, mood: 'good' }, 'mood', [400]],
    [{ title: 'x', type: 'call', stakeholders: [{ stakeholder_id: s.id }] }, 'occurred_at', [400, 422]],
  ];
  const before = (await listAll(admin, '/api/v1/interactions')).length;
  const problems = [];
  for (const [body, field, statuses] of cases) {
    const res = await m1.post('/api/v1/interactions', body);
    if (!statuses.includes(res.status)) problems.push(`${JSON.stringify(body).slice(0, 160)}: expected ${statuses.join('/')}: ${res.describe()}`);
    else if (!namesField(res, field)) problems.push(`${JSON.stringify(body).slice(0, 160)}: should name ${field} (nested fields dotted): ${res.describe()}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  assert.equal((await listAll(admin, '/api/v1/interactions')).length, before, 'a refused interaction was stored');
  assert.equal((await getStakeholder(m1, s.id)).last_contact_at, null, 'a refused interaction moved last contact');
});

// ---- follow-ups -----------------------------------------------------------------------------

test('follow-ups: create (defaults), owner_id=me sorted by due date, overdue flag, done sets completed_at, filters', async () => {
  const s = await createStakeholder(m1, { name: unique('Fu ') });
  const i = await createInteraction(m1, [s.id]);
  const res = await m1.post('/api/v1/follow-ups', { title: 'Send the offer', detail: 'With the pilot price', due_on: day(5), stakeholder_id: s.id, interaction_id: i.id });
  assert.equal(res.status, 201, res.describe());
  const f = res.json;
  hasKeys(f, FOLLOW_UP_KEYS, 'follow-up');
  assert.equal(f.title, 'Send the offer');
  assert.equal(f.detail, 'With the pilot price');
  assert.deepEqual(f.owner, ref(m1), 'owner defaults to the caller');
  assert.equal(f.due_on, day(5));
  assert.equal(f.status, 'open');
  assert.equal(f.overdue, false);
  assert.equal(f.effort_minutes, 30);
  assert.deepEqual(f.stakeholder, { id: s.id, name: s.name });
  assert.equal(f.interaction_id, i.id);
  assert.equal(f.completed_at, null);
  assertTime(f.created_at, 'created_at');
  const got = await m1.get(`/api/v1/follow-ups/${f.id}`);
  assert.equal(got.status, 200, got.describe());
  assert.deepEqual(got.json, f);
  const late = await createFollowUp(m1, { title: 'Late', due_on: day(-2), stakeholder_id: s.id });
  const today = await createFollowUp(m1, { title: 'Today', due_on: day(0), stakeholder_id: s.id });
  const soon = await createFollowUp(m1, { title: 'Soon', due_on: day(2), stakeholder_id: s.id });
  const theirs = await createFollowUp(m1, { title: 'Theirs', due_on: day(-1), stakeholder_id: s.id, owner_id: m2.user.id });
  assert.deepEqual(theirs.owner, ref(m2));
  assert.equal(late.overdue, true, 'due two days ago and open: overdue');
  assert.equal(today.overdue, false, 'due today is not overdue');
  assert.equal(soon.overdue, false);
  const mine = await listAll(m1, `/api/v1/follow-ups?owner_id=me&stakeholder_id=${s.id}`);
  assert.deepEqual(mine.map((x) => x.id), [late.id, today.id, soon.id, f.id], 'owner_id=me not sorted by due date (or not only mine)');
  for (let k = 1; k < mine.length; k += 1) assert.ok(mine[k - 1].due_on <= mine[k].due_on);
  assert.deepEqual(ids(await listAll(m2, `/api/v1/follow-ups?owner_id=me&stakeholder_id=${s.id}`)), [theirs.id]);
  assert.deepEqual(ids(await listAll(m1, `/api/v1/follow-ups?owner_id=${m2.user.id}&stakeholder_id=${s.id}`)), [theirs.id]);
  assert.deepEqual(ids(await listAll(m1, `/api/v1/follow-ups?overdue=true&stakeholder_id=${s.id}`)), ids([late, theirs]), 'overdue=true');
  assert.deepEqual(ids(await listAll(m1, `/api/v1/follow-ups?due_before=${day(1)}&stakeholder_id=${s.id}&owner_id=me`)), ids([late, today]), 'due_before');
  const paged = await walkPages(m1, `/api/v1/follow-ups?stakeholder_id=${s.id}`, { limit: 2 });
  assert.deepEqual(ids(paged), ids([f, late, today, soon, theirs]));
  // Done.
  const done = await m1.patch(`/api/v1/follow-ups/${late.id}`, { status: 'done' });
  assert.equal(done.status, 200, done.describe());
  assert.equal(done.json.status, 'done');
  assertTime(done.json.completed_at, 'completed_at');
  assert.equal(done.json.overdue, false, 'a done follow-up is not overdue');
  assert.deepEqual(ids(await listAll(m1, `/api/v1/follow-ups?status=done&stakeholder_id=${s.id}`)), [late.id]);
  assert.deepEqual(ids(await listAll(m1, `/api/v1/follow-ups?status=open&stakeholder_id=${s.id}`)), ids([f, today, soon, theirs]));
  assert.deepEqual(ids(await listAll(m1, `/api/v1/follow-ups?overdue=true&stakeholder_id=${s.id}`)), [theirs.id]);
  const reopened = await m1.patch(`/api/v1/follow-ups/${late.id}`, { status: 'open' });
  assert.equal(reopened.status, 200, reopened.describe());
  assertTimeOrNull(reopened.json.completed_at, 'completed_at');
  const moved = await m1.patch(`/api/v1/follow-ups/${soon.id}`, { due_on: day(-5), effort_minutes: 120 });
  assert.equal(moved.status, 200, moved.describe());
  assert.equal(moved.json.overdue, true, 'moving the due date into the past makes it overdue');
  assert.equal(moved.json.effort_minutes, 120);
  // Delete.
  assert.equal((await m2.del(`/api/v1/follow-ups/${f.id}`)).status, 204, 'any internal user may delete a follow-up');
  assert.equal((await m1.get(`/api/v1/follow-ups/${f.id}`)).status, 404);
});

test('follow-ups: validation names the field', async () => {
  const before = (await listAll(admin, '/api/v1/follow-ups')).length;
  const cases = [
    [{ title: 'x', due_on: '2026-02-30' }, 'due_on', [422, 400]],
    [{ title: 'x', due_on: '23.11.2026' }, 'due_on', [422, 400]],
    [{ title: 'x' }, 'due_on', [400, 422]],
    [{ title: '', due_on: day(1) }, 'title', [422]],
    [{ title: 'x', due_on: day(1), detail: 'd'.repeat(4001) }, 'detail', [422]],
    [{ title: 'x', due_on: day(1), effort_minutes: 2401 }, 'effort_minutes', [422]],
    [{ title: 'x', due_on: day(1), status: 'someday' }, 'status', [422]],
    [{ title: 'x', due_on: day(1), owner_id: external.user.id }, 'owner_id', [422]],
    [{ title: 'x', due_on: day(1), owner_id: 999999 }, 'owner_id', [422]],
    [{ title: 'x', due_on: day(1), stakeholder_id: 999999 }, 'stakeholder_id', [422]],
    [{ title: 'x', due_on: day(1), interaction_id: 999999 }, 'interaction_id', [422]],
  ];
  for (const [body, field, statuses] of cases) {
    const res = await m1.post('/api/v1/follow-ups', body);
    assert.ok(statuses.includes(res.status), `${JSON.stringify(body)}: ${res.describe()}`);
    assert.ok(namesField(res, field), `${JSON.stringify(body)} should name ${field}: ${res.describe()}`);
  }
  assert.equal((await listAll(admin, '/api/v1/follow-ups')).length, before);
  for (const [p, field] of [['overdue=maybe', 'overdue'], ['status=someday', 'status'], ['due_before=tomorrow', 'due_before'], ['owner_id=you', 'owner_id']]) {
    const r = await m1.get(`/api/v1/follow-ups?${p}`);
    assert.equal(r.status, 400, `?${p}: ${r.describe()}`);
    assert.equal(r.json.field, field);
  }
});

// ---- cadences -------------------------------------------------------------------------------

test('cadences: with no contact next_due_on is starts_on; starts_on defaults to today', async () => {
  const s = await createStakeholder(m1, { name: unique('Cad none ') });
  const res = await m1.post('/api/v1/cadences', { stakeholder_id: s.id, label: 'Weekly check-in', interval: 'weekly', starts_on: day(2) });
  assert.equal(res.status, 201, res.describe());
  const c = res.json;
  hasKeys(c, CADENCE_KEYS, 'cadence');
  assert.deepEqual(c.stakeholder, { id: s.id, name: s.name });
  assert.deepEqual(c.owner, ref(m1), 'owner defaults to the caller');
  assert.equal(c.label, 'Weekly check-in');
  assert.equal(c.interval, 'weekly');
  assert.equal(c.every_days, null);
  assert.equal(c.format, 'call', 'format defaults to call');
  assert.equal(c.starts_on, day(2));
  assert.equal(c.next_due_on, day(2), 'no contact yet: next due is the start');
  assert.equal(c.overdue, false);
  assert.equal(c.paused, false);
  const d = await createCadence(m1, s.id, { interval: 'monthly' });
  assert.equal(d.starts_on, day(0), 'starts_on defaults to today');
  assert.equal(d.next_due_on, day(0));
  assert.equal(d.overdue, false, 'due today is not overdue');
});

test('cadences: a held interaction moves next_due_on to contact + interval; planned ones do not', async () => {
  const s = await createStakeholder(m1, { name: unique('Cad held ') });
  const c = await createCadence(m1, s.id, { interval: 'weekly', starts_on: '2026-01-05' });
  assert.equal(c.next_due_on, '2026-01-05');
  assert.equal(c.overdue, true, 'a cadence due in January is overdue');
  await createInteraction(m1, [s.id], { status: 'planned', occurred_at: at(1, 10) });
  assert.equal((await cadencesOf(m1, s.id))[0].next_due_on, '2026-01-05', 'a planned interaction moved the cadence');
  await createInteraction(m1, [s.id], { status: 'held', occurred_at: at(-2, 10) });
  const after = (await cadencesOf(m1, s.id))[0];
  assert.equal(after.next_due_on, day(5), `held contact two days ago + 7 days (got ${after.next_due_on})`);
  assert.equal(after.overdue, false);
  // A cadence made after the contact computes from it too; starts_on later than that wins.
  const later = await createCadence(m1, s.id, { interval: 'biweekly', starts_on: '2026-01-01' });
  assert.equal(later.next_due_on, day(12), 'biweekly from a contact two days ago');
  const startsLater = await createCadence(m1, s.id, { interval: 'weekly', starts_on: day(30) });
  assert.equal(startsLater.next_due_on, day(30), 'the later of starts_on and contact + interval');
});

test('cadences: calendar months (31 Jan + 1 month = 28 Feb), quarterly, custom every_days; PATCH recomputes', async () => {
  const s = await createStakeholder(m1, { name: unique('Cad months ') });
  await createInteraction(m1, [s.id], { status: 'held', occurred_at: '2026-01-31T09:00:00.000Z' });
  const monthly = await createCadence(m1, s.id, { interval: 'monthly', starts_on: '2026-01-01' });
  assert.equal(monthly.next_due_on, '2026-02-28', 'monthly from 31 January');
  const quarterly = await createCadence(m1, s.id, { interval: 'quarterly', starts_on: '2026-01-01' });
  assert.equal(quarterly.next_due_on, '2026-04-30', 'quarterly from 31 January');
  const biweekly = await createCadence(m1, s.id, { interval: 'biweekly', starts_on: '2026-01-01' });
  assert.equal(biweekly.next_due_on, '2026-02-14');
  const custom = await createCadence(m1, s.id, { interval: 'custom', every_days: 10, starts_on: '2026-01-01', format: 'visit' });
  assert.equal(custom.next_due_on, '2026-02-10');
  assert.equal(custom.every_days, 10);
  assert.equal(custom.format, 'visit');
  for (const c of [monthly, quarterly, biweekly, custom]) assert.equal(c.overdue, true, `${c.interval} due ${c.next_due_on} is overdue`);
  const p = await m1.patch(`/api/v1/cadences/${monthly.id}`, { interval: 'weekly' });
  assert.equal(p.status, 200, p.describe());
  assert.equal(p.json.next_due_on, '2026-02-07', 'PATCH of the interval does not recompute next_due_on');
  const p2 = await m1.patch(`/api/v1/cadences/${custom.id}`, { every_days: 3, label: 'Every three days' });
  assert.equal(p2.status, 200, p2.describe());
  assert.equal(p2.json.next_due_on, '2026-02-03');
  assert.equal(p2.json.label, 'Every three days');
});

test('cadences: overdue list sorted by next due; paused; owner; delete', async () => {
  const s = await createStakeholder(m2, { name: unique('Cad list ') });
  const a = await createCadence(m2, s.id, { interval: 'weekly', starts_on: '2026-03-01' });
  const b = await createCadence(m2, s.id, { interval: 'weekly', starts_on: '2026-02-01' });
  const c = await createCadence(m2, s.id, { interval: 'weekly', starts_on: day(3) });
  const d = await createCadence(m2, s.id, { interval: 'weekly', starts_on: '2026-01-15', owner_id: m1.user.id });
  assert.deepEqual(d.owner, ref(m1));
  const all = await listAll(m2, `/api/v1/cadences?stakeholder_id=${s.id}`);
  assert.deepEqual(all.map((x) => x.id), [d.id, b.id, a.id, c.id], 'not sorted by next due');
  const overdue = await listAll(m2, `/api/v1/cadences?stakeholder_id=${s.id}&overdue=true`);
  assert.deepEqual(overdue.map((x) => x.id), [d.id, b.id, a.id], 'overdue=true');
  assert.ok(overdue.every((x) => x.overdue === true));
  assert.deepEqual(ids(await listAll(m1, `/api/v1/cadences?stakeholder_id=${s.id}&owner_id=me`)), [d.id]);
  assert.deepEqual(ids(await listAll(m1, `/api/v1/cadences?stakeholder_id=${s.id}&owner_id=${m2.user.id}`)), ids([a, b, c]));
  assert.deepEqual((await walkPages(m2, `/api/v1/cadences?stakeholder_id=${s.id}`, { limit: 1 })).map((x) => x.id), all.map((x) => x.id), 'paging');
  const paused = await m2.patch(`/api/v1/cadences/${a.id}`, { paused: true });
  assert.equal(paused.status, 200, paused.describe());
  assert.equal(paused.json.paused, true);
  const del = await m1.del(`/api/v1/cadences/${b.id}`);
  assert.equal(del.status, 204, del.describe());
  assert.ok(!(await listAll(m2, `/api/v1/cadences?stakeholder_id=${s.id}`)).some((x) => x.id === b.id), 'deleted cadence still listed');
  assert.equal((await m1.del(`/api/v1/cadences/${b.id}`)).status, 404);
  assert.equal((await m1.patch('/api/v1/cadences/999999', { label: 'x' })).status, 404);
});

test('cadences: validation names the field', async () => {
  const s = await createStakeholder(m1, { name: unique('Cad valid ') });
  const ok = { stakeholder_id: s.id, label: 'x', interval: 'weekly' };
  const cases = [
    [{ ...ok, interval: 'custom' }, 'every_days'],
    [{ ...ok, interval: 'custom', every_days: 0 }, 'every_days'],
    [{ ...ok, interval: 'custom', every_days: 366 }, 'every_days'],
    [{ ...ok, interval: 'daily' }, 'interval'],
    [{ ...ok, label: '' }, 'label'],
    [{ ...ok, label: 'l'.repeat(101) }, 'label'],
    [{ ...ok, format: 'smoke_signal' }, 'format'],
    [{ ...ok, starts_on: '2026-02-30' }, 'starts_on'],
    [{ ...ok, stakeholder_id: 999999 }, 'stakeholder_id'],
    [{ ...ok, owner_id: external.user.id }, 'owner_id'],
  ];
  for (const [body, field] of cases) {
    const res = await m1.post('/api/v1/cadences', body);
    assert.ok([400, 422].includes(res.status), `${JSON.stringify(body)}: ${res.describe()}`);
    assert.ok(namesField(res, field), `${JSON.stringify(body)} should name ${field}: ${res.describe()}`);
  }
  assert.deepEqual(await cadencesOf(m1, s.id), [], 'a refused cadence was stored');
});

// ---- expectations ---------------------------------------------------------------------------

test('expectations: create, list with filters, PATCH, DELETE; validation', async () => {
  const s = await createStakeholder(m1, { name: unique('Exp ') });
  const res = await m1.post('/api/v1/expectations', { stakeholder_id: s.id, direction: 'we_promised', description: 'A pilot offer by December', due_on: day(14), owner_id: m2.user.id });
  assert.equal(res.status, 201, res.describe());
  const e = res.json;
  hasKeys(e, EXPECTATION_KEYS, 'expectation');
  assert.deepEqual(e.stakeholder, { id: s.id, name: s.name });
  assert.equal(e.direction, 'we_promised');
  assert.equal(e.description, 'A pilot offer by December');
  assert.equal(e.due_on, day(14));
  assert.equal(e.status, 'open', 'default status');
  assert.deepEqual(e.owner, ref(m2));
  const e2 = await createExpectation(m1, s.id, { direction: 'they_expect', description: 'Monthly reports' });
  assert.equal(e2.due_on, null);
  assert.equal(e2.owner, null, 'owner is optional');
  assert.deepEqual(ids(await listAll(m1, `/api/v1/expectations?stakeholder_id=${s.id}`)), ids([e, e2]));
  const p = await m2.patch(`/api/v1/expectations/${e.id}`, { status: 'met' });
  assert.equal(p.status, 200, p.describe());
  assert.equal(p.json.status, 'met');
  assert.equal(p.json.description, e.description);
  assert.deepEqual(ids(await listAll(m1, `/api/v1/expectations?stakeholder_id=${s.id}&status=met`)), [e.id]);
  assert.deepEqual(ids(await listAll(m1, `/api/v1/expectations?stakeholder_id=${s.id}&status=open`)), [e2.id]);
  assert.deepEqual(ids(await walkPages(m1, `/api/v1/expectations?stakeholder_id=${s.id}`, { limit: 1 })), ids([e, e2]));
  for (const [body, field] of [
    [{ stakeholder_id: s.id, direction: 'sideways', description: 'x' }, 'direction'],
    [{ stakeholder_id: s.id, direction: 'we_promised', description: '' }, 'description'],
    [{ stakeholder_id: s.id, direction: 'we_promised', description: 'd'.repeat(2001) }, 'description'],
    [{ stakeholder_id: s.id, direction: 'we_promised', description: 'x', status: 'forgotten' }, 'status'],
    [{ stakeholder_id: 999999, direction: 'we_promised', description: 'x' }, 'stakeholder_id'],
    [{ stakeholder_id: s.id, direction: 'we_promised', description: 'x', due_on: 'soon' }, 'due_on'],
  ]) {
    const r = await m1.post('/api/v1/expectations', body);
    assert.ok([400, 422].includes(r.status), `${JSON.stringify(body).slice(0, 100)}: ${r.describe()}`);
    assert.ok(namesField(r, field), `should name ${field}: ${r.describe()}`);
  }
  assert.equal((await listAll(m1, `/api/v1/expectations?stakeholder_id=${s.id}`)).length, 2, 'a refused expectation was stored');
  assert.equal((await m1.del(`/api/v1/expectations/${e.id}`)).status, 204);
  assert.deepEqual(ids(await listAll(m1, `/api/v1/expectations?stakeholder_id=${s.id}`)), [e2.id]);
  assert.equal((await m1.patch(`/api/v1/expectations/${e.id}`, { status: 'open' })).status, 404);
});

// ---- capacity -------------------------------------------------------------------------------

test('capacity: PUT own; PUT someone else as member → 403, as innovation_manager and admin ok; range', async () => {
  const team = unique('Team ');
  const own = await m1.put(`/api/v1/capacity/${m1.user.id}`, { hours_per_week: 12, team });
  assert.equal(own.status, 200, own.describe());
  hasKeys(own.json, CAPACITY_PERSON_KEYS, 'capacity person');
  assert.equal(own.json.user_id, m1.user.id);
  assert.equal(own.json.hours_per_week, 12);
  assert.equal(own.json.team, team);
  const denied = await m1.put(`/api/v1/capacity/${m2.user.id}`, { hours_per_week: 1 });
  assert.equal(denied.status, 403, denied.describe());
  assert.equal(denied.code, 'permission_denied');
  const byIm = await im.put(`/api/v1/capacity/${m2.user.id}`, { hours_per_week: 20, team });
  assert.equal(byIm.status, 200, byIm.describe());
  const byAdmin = await admin.put(`/api/v1/capacity/${m2.user.id}`, { hours_per_week: 21 });
  assert.equal(byAdmin.status, 200, byAdmin.describe());
  assert.equal(byAdmin.json.hours_per_week, 21);
  const cap = await m1.get('/api/v1/capacity');
  assert.equal(cap.status, 200, cap.describe());
  const p2 = cap.json.people.find((p) => p.user_id === m2.user.id);
  assert.ok(p2, 'm2 is not in the capacity list');
  assert.equal(p2.hours_per_week, 21, 'the member\'s refused PUT, or the admin\'s, did not land as expected');
  for (const [body, field] of [[{ hours_per_week: 61 }, 'hours_per_week'], [{ hours_per_week: -1 }, 'hours_per_week'], [{ hours_per_week: 'ten' }, 'hours_per_week'], [{}, 'hours_per_week'], [{ hours_per_week: 5, shift: 'night' }, 'shift']]) {
    const r = await m1.put(`/api/v1/capacity/${m1.user.id}`, body);
    assert.ok([400, 422].includes(r.status), `${JSON.stringify(body)}: ${r.describe()}`);
    assert.ok(namesField(r, field), `should name ${field}: ${r.describe()}`);
  }
  assert.equal((await im.put('/api/v1/capacity/999999', { hours_per_week: 5 })).status, 404);
  const ext = await im.put(`/api/v1/capacity/${external.user.id}`, { hours_per_week: 5 });
  assert.ok([404, 422].includes(ext.status), `capacity of an external participant: ${ext.describe()}`);
});

test('capacity: load = planned interactions in the next 7 days + open follow-ups overdue or due within 7 days; over capacity; teams', async () => {
  const team = unique('Load team ');
  const lb = await api.createUser('member');
  const lb2 = await api.createUser('member');
  const s = await createStakeholder(im, { name: unique('Cap ') });
  await createInteraction(im, [s.id], { status: 'planned', occurred_at: at(2, 10), duration_minutes: 120, participant_ids: [lb.user.id] });
  await createInteraction(im, [s.id], { status: 'planned', occurred_at: at(10, 10), duration_minutes: 60, participant_ids: [lb.user.id] });
  await createInteraction(im, [s.id], { status: 'held', occurred_at: at(-1, 10), duration_minutes: 60, participant_ids: [lb.user.id] });
  await createInteraction(im, [s.id], { status: 'cancelled', occurred_at: at(3, 10), duration_minutes: 60, participant_ids: [lb.user.id] });
  await createInteraction(im, [s.id], { status: 'planned', occurred_at: at(3, 10), duration_minutes: 30, participant_ids: [m2.user.id] });
  await createFollowUp(im, { owner_id: lb.user.id, due_on: day(1), effort_minutes: 90 });
  await createFollowUp(im, { owner_id: lb.user.id, due_on: day(-3), effort_minutes: 60 });
  await createFollowUp(im, { owner_id: lb.user.id, due_on: day(20), effort_minutes: 600 });
  await createFollowUp(im, { owner_id: lb.user.id, due_on: day(2), effort_minutes: 120, status: 'done' });
  expectStatus(await im.put(`/api/v1/capacity/${lb.user.id}`, { hours_per_week: 4, team }), 200, 'PUT capacity lb');
  expectStatus(await lb2.put(`/api/v1/capacity/${lb2.user.id}`, { hours_per_week: 6, team }), 200, 'PUT capacity lb2');
  const res = await m1.get('/api/v1/capacity');
  assert.equal(res.status, 200, res.describe());
  hasKeys(res.json, ['window', 'people', 'teams'], 'capacity');
  hasKeys(res.json.window, ['from', 'to'], 'capacity.window');
  const p = res.json.people.find((x) => x.user_id === lb.user.id);
  assert.ok(p, 'the loaded user is not listed');
  hasKeys(p, CAPACITY_PERSON_KEYS, 'capacity person');
  assert.equal(p.display_name, lb.user.display_name);
  assert.equal(p.team, team);
  assert.equal(p.hours_per_week, 4);
  near(p.scheduled_hours, 2, 'scheduled_hours (one planned 120-minute interaction within 7 days)');
  near(p.follow_up_hours, 2.5, 'follow_up_hours (90 min due tomorrow + 60 min overdue)');
  near(p.load_hours, 4.5, 'load_hours');
  assert.equal(p.over_capacity, true, 'load 4.5 > 4 hours');
  assert.ok(Math.abs(p.utilisation - 1.125) < 0.01 || Math.abs(p.utilisation - 112.5) < 0.6, `utilisation ${p.utilisation} (load / hours)`);
  const t = res.json.teams.find((x) => x.team === team);
  assert.ok(t, `team ${team} is not aggregated: ${JSON.stringify(res.json.teams)}`);
  hasKeys(t, ['team', 'hours_per_week', 'load_hours', 'utilisation', 'over_capacity'], 'capacity team');
  assert.equal(t.hours_per_week, 10);
  near(t.load_hours, 4.5, 'team load_hours');
  assert.equal(t.over_capacity, false, 'team load 4.5 <= 10 hours');
  const filtered = await m1.get(`/api/v1/capacity?team=${encodeURIComponent(team)}`);
  assert.equal(filtered.status, 200, filtered.describe());
  assert.deepEqual(ids(filtered.json.people.map((x) => ({ id: x.user_id }))), ids([lb.user, lb2.user]), 'team filter');
  expectStatus(await lb.put(`/api/v1/capacity/${lb.user.id}`, { hours_per_week: 5, team }), 200, 'raise own hours');
  const again = (await m1.get(`/api/v1/capacity?team=${encodeURIComponent(team)}`)).json.people.find((x) => x.user_id === lb.user.id);
  assert.equal(again.over_capacity, false, 'load 4.5 <= 5 hours');
});

// ---- needs attention ------------------------------------------------------------------------

test('attention: mine vs all; overdue follow-ups, missed cadences, indifferent and quiet stakeholders; quiet_days', async () => {
  const u = await api.createUser('member');
  const sv = await createStakeholder(m2, { name: unique('Att theirs '), owner_id: m2.user.id });
  const su = await createStakeholder(u, { name: unique('Att cadence '), owner_id: u.user.id });
  const fuMine = await createFollowUp(u, { due_on: day(-3) });
  await createFollowUp(u, { due_on: day(3) });
  const fuTheirs = await createFollowUp(m2, { due_on: day(-2) });
  const cadMine = await createCadence(u, su.id, { starts_on: '2026-01-05' });
  await createCadence(u, su.id, { starts_on: day(4) });
  const cadTheirs = await createCadence(m2, sv.id, { starts_on: '2026-01-06' });
  const indiff = await createStakeholder(u, { name: unique('Att indifferent '), owner_id: u.user.id });
  expectStatus(await u.post(`/api/v1/stakeholders/${indiff.id}/emotions`, { valence: 1, intensity: 0 }), 201, 'emotion 0');
  const moved = await createStakeholder(u, { name: unique('Att moved '), owner_id: u.user.id });
  expectStatus(await u.post(`/api/v1/stakeholders/${moved.id}/emotions`, { valence: 0, intensity: 0 }), 201, 'emotion 0');
  expectStatus(await u.post(`/api/v1/stakeholders/${moved.id}/emotions`, { valence: 1, intensity: 2 }), 201, 'emotion 2 (the latest)');
  const quietNever = await createStakeholder(u, { name: unique('Att quiet never '), owner_id: u.user.id, level: 'interested' });
  const quietOld = await createStakeholder(u, { name: unique('Att quiet 40 days '), owner_id: u.user.id, level: 'engaged' });
  await createInteraction(u, [quietOld.id], { occurred_at: at(-40, 10) });
  const recent = await createStakeholder(u, { name: unique('Att recent '), owner_id: u.user.id, level: 'advocate' });
  await createInteraction(u, [recent.id], { occurred_at: at(-1, 10) });
  const low = await createStakeholder(u, { name: unique('Att low level '), owner_id: u.user.id, level: 'aware' });

  const res = await u.get('/api/v1/engagement/attention?scope=mine&quiet_days=30&limit=20');
  assert.equal(res.status, 200, res.describe());
  const a = res.json;
  hasKeys(a, ['overdue_follow_ups', 'missed_cadences', 'indifferent', 'quiet', 'counts'], 'attention');
  hasKeys(a.counts, ['overdue_follow_ups', 'missed_cadences', 'indifferent', 'quiet'], 'attention.counts');
  assert.deepEqual(ids(a.overdue_follow_ups), [fuMine.id], 'overdue follow-ups (mine)');
  assert.equal(a.overdue_follow_ups[0].overdue, true);
  assert.deepEqual(ids(a.missed_cadences), [cadMine.id], 'missed cadences (mine)');
  assert.deepEqual(ids(a.indifferent), [indiff.id], 'indifferent: the latest emotion has intensity 0');
  assert.deepEqual(ids(a.quiet), ids([quietNever, quietOld]), 'quiet: level interested or higher, no held contact for 30 days or never');
  for (const k of ['overdue_follow_ups', 'missed_cadences', 'indifferent', 'quiet']) assert.equal(a.counts[k], a[k].length, `counts.${k}`);
  for (const x of [low, recent, moved]) assert.ok(![...a.indifferent, ...a.quiet].some((y) => y.id === x.id), `${x.name} needs no attention but is listed`);

  const longer = (await u.get('/api/v1/engagement/attention?scope=mine&quiet_days=60')).json;
  assert.deepEqual(ids(longer.quiet), [quietNever.id], 'quiet_days=60: a contact 40 days ago is not quiet');

  const all = (await u.get('/api/v1/engagement/attention?scope=all&quiet_days=30&limit=20')).json;
  const fuIds = ids(all.overdue_follow_ups);
  assert.ok(fuIds.includes(fuMine.id) && fuIds.includes(fuTheirs.id), `scope=all lacks someone's overdue follow-up: ${fuIds}`);
  const cadIds = ids(all.missed_cadences);
  assert.ok(cadIds.includes(cadMine.id) && cadIds.includes(cadTheirs.id), `scope=all lacks someone's missed cadence: ${cadIds}`);
  assert.ok(all.counts.overdue_follow_ups >= 2);
  const theirsMine = (await m2.get('/api/v1/engagement/attention?scope=mine')).json;
  assert.ok(!ids(theirsMine.overdue_follow_ups).includes(fuMine.id), 'scope=mine shows another user\'s follow-up');
  assert.ok(ids(theirsMine.overdue_follow_ups).includes(fuTheirs.id));
  // A done follow-up and a paused cadence need no attention.
  expectStatus(await u.patch(`/api/v1/follow-ups/${fuMine.id}`, { status: 'done' }), 200, 'done');
  const after = (await u.get('/api/v1/engagement/attention?scope=mine')).json;
  assert.deepEqual(ids(after.overdue_follow_ups), [], 'a done follow-up still needs attention');
  const limited = (await u.get('/api/v1/engagement/attention?scope=all&limit=1')).json;
  assert.ok(limited.overdue_follow_ups.length <= 1 && limited.quiet.length <= 1, 'limit is not applied');
  assert.ok(limited.counts.overdue_follow_ups >= 1);
  for (const [p, field] of [['scope=everyone', 'scope'], ['quiet_days=-1', 'quiet_days'], ['quiet_days=x', 'quiet_days'], ['limit=0', 'limit']]) {
    const r = await u.get(`/api/v1/engagement/attention?${p}`);
    assert.equal(r.status, 400, `?${p}: ${r.describe()}`);
    assert.equal(r.json.field, field);
  }
});

// ---- events ---------------------------------------------------------------------------------

test('every write appends an internal event by its actor (GET /api/v1/events?object_type=…)', async () => {
  const expected = [];
  const exp = (verb, objectId, actor) => expected.push({ verb, objectId, actor });
  const s = await createStakeholder(m1, { name: unique('Ev ') });
  exp('stakeholder.created', s.id, m1);
  expectStatus(await m1.patch(`/api/v1/stakeholders/${s.id}`, { region: 'Events' }), 200, 'patch');
  exp('stakeholder.updated', s.id, m1);
  expectStatus(await m1.post(`/api/v1/stakeholders/${s.id}/level`, { level: 'aware' }), 200, 'level');
  exp('stakeholder.level_changed', s.id, m1);
  expectStatus(await m1.post(`/api/v1/stakeholders/${s.id}/emotions`, { valence: 1, intensity: 1 }), 201, 'emotion');
  exp('stakeholder.emotion_recorded', s.id, m1);
  const need = (await m1.post(`/api/v1/stakeholders/${s.id}/needs`, { kind: 'need', title: 'x' })).json;
  exp('need.created', need.id, m1);
  expectStatus(await m1.patch(`/api/v1/needs/${need.id}`, { status: 'dropped' }), 200, 'need patch');
  exp('need.updated', need.id, m1);
  expectStatus(await m1.del(`/api/v1/needs/${need.id}`), 204, 'need delete');
  exp('need.deleted', need.id, m1);
  const i = await createInteraction(m1, [s.id]);
  exp('interaction.created', i.id, m1);
  expectStatus(await m1.patch(`/api/v1/interactions/${i.id}`, { title: 'Renamed' }), 200, 'interaction patch');
  exp('interaction.updated', i.id, m1);
  const f = await createFollowUp(m1, { stakeholder_id: s.id });
  exp('follow_up.created', f.id, m1);
  expectStatus(await m1.patch(`/api/v1/follow-ups/${f.id}`, { title: 'Renamed' }), 200, 'follow-up patch');
  exp('follow_up.updated', f.id, m1);
  expectStatus(await m1.patch(`/api/v1/follow-ups/${f.id}`, { status: 'done' }), 200, 'follow-up done');
  exp('follow_up.completed', f.id, m1);
  expectStatus(await m1.del(`/api/v1/follow-ups/${f.id}`), 204, 'follow-up delete');
  exp('follow_up.deleted', f.id, m1);
  const c = await createCadence(m1, s.id);
  exp('cadence.created', c.id, m1);
  expectStatus(await m1.patch(`/api/v1/cadences/${c.id}`, { label: 'Renamed' }), 200, 'cadence patch');
  exp('cadence.updated', c.id, m1);
  expectStatus(await m1.del(`/api/v1/cadences/${c.id}`), 204, 'cadence delete');
  exp('cadence.deleted', c.id, m1);
  const e = await createExpectation(m1, s.id);
  exp('expectation.created', e.id, m1);
  expectStatus(await m1.patch(`/api/v1/expectations/${e.id}`, { status: 'met' }), 200, 'expectation patch');
  exp('expectation.updated', e.id, m1);
  expectStatus(await m1.del(`/api/v1/expectations/${e.id}`), 204, 'expectation delete');
  exp('expectation.deleted', e.id, m1);
  expectStatus(await m1.put(`/api/v1/capacity/${m1.user.id}`, { hours_per_week: 8 }), 200, 'capacity');
  exp('capacity.updated', null, m1);
  expectStatus(await m1.del(`/api/v1/interactions/${i.id}`), 204, 'interaction delete');
  exp('interaction.deleted', i.id, m1);
  expectStatus(await im.del(`/api/v1/stakeholders/${s.id}`), 204, 'stakeholder delete');
  exp('stakeholder.deleted', s.id, im);

  // Looked up by object_type (the verb's prefix); capacity by its verb, since the contract does
  // not say which object a capacity belongs to (the user, or a capacity record).
  const byType = {};
  const missing = [];
  for (const x of expected) {
    const type = x.verb.split('.')[0];
    if (!byType[type]) {
      if (type === 'capacity') {
        byType[type] = await listAll(admin, `/api/v1/events?verb=${x.verb}`);
      } else {
        byType[type] = await listAll(admin, `/api/v1/events?object_type=${type}`);
        const wrong = byType[type].filter((ev) => ev.object_type !== type);
        assert.deepEqual(wrong, [], `object_type=${type} returns other types`);
      }
    }
    const match = byType[type].filter((ev) => ev.verb === x.verb && (x.objectId === null || ev.object_id === x.objectId) && ev.actor && ev.actor.id === x.actor.user.id);
    if (match.length === 0) missing.push(`${x.verb} ${x.objectId}: not among ${JSON.stringify(byType[type].map((ev) => [ev.verb, ev.object_id, ev.actor && ev.actor.id]).slice(0, 30))}`);
    else if (match.length > 1 && x.verb.endsWith('.created')) missing.push(`${x.verb} ${x.objectId}: ${match.length} events for one write`);
    for (const ev of match) if (ev.visibility !== 'internal') missing.push(`${x.verb}: visibility ${ev.visibility}`);
  }
  assert.deepEqual(missing, [], missing.join('\n'));
  const cap = byType.capacity.find((ev) => ev.verb === 'capacity.updated' && ev.actor.id === m1.user.id);
  assert.ok(cap.object_id === null || cap.object_id === m1.user.id, `capacity.updated object_id ${cap.object_id}`);
});

// The reminders (follow_up.overdue, follow_up.due_soon) are the server's own and may come at
// any time; they are left out of the counts.
async function eventCount() {
  return (await listAll(admin, '/api/v1/events')).filter((e) => !['follow_up.overdue', 'follow_up.due_soon'].includes(e.verb)).length;
}

test('events: a refused write appends none', async () => {
  const before = await eventCount();
  const s = await createStakeholder(im, { name: unique('Ev refused '), owner_id: m2.user.id });
  const afterCreate = await eventCount();
  assert.equal(afterCreate, before + 1, 'one create, one event');
  assert.equal((await m1.del(`/api/v1/stakeholders/${s.id}`)).status, 403);
  assert.equal((await m1.post('/api/v1/follow-ups', { title: '', due_on: day(1) })).status, 422);
  assert.equal((await m1.put(`/api/v1/capacity/${m2.user.id}`, { hours_per_week: 3 })).status, 403);
  assert.equal((await m1.patch(`/api/v1/stakeholders/${s.id}`, { kind: 'alien' })).status, 422);
  assert.equal(await eventCount(), afterCreate, 'a refused write appended an event');
});

// ---- engagement routes are internal ------------------------------------------------------------

test('external participants: every engagement route answers 404', async () => {
  const s = await createStakeholder(im, { name: unique('Ext eng ') });
  const i = await createInteraction(im, [s.id]);
  const f = await createFollowUp(im, { stakeholder_id: s.id });
  const c = await createCadence(im, s.id);
  const e = await createExpectation(im, s.id);
  const calls = [
    ['GET', '/api/v1/interactions'], ['POST', '/api/v1/interactions', { title: 'x', type: 'call', occurred_at: at(-1), stakeholders: [{ stakeholder_id: s.id }] }],
    ['GET', `/api/v1/interactions/${i.id}`], ['PATCH', `/api/v1/interactions/${i.id}`, { title: 'x' }], ['DELETE', `/api/v1/interactions/${i.id}`],
    ['GET', '/api/v1/follow-ups'], ['POST', '/api/v1/follow-ups', { title: 'x', due_on: day(1) }], ['GET', `/api/v1/follow-ups/${f.id}`],
    ['PATCH', `/api/v1/follow-ups/${f.id}`, { title: 'x' }], ['DELETE', `/api/v1/follow-ups/${f.id}`],
    ['GET', '/api/v1/cadences'], ['POST', '/api/v1/cadences', { stakeholder_id: s.id, label: 'x', interval: 'weekly' }],
    ['PATCH', `/api/v1/cadences/${c.id}`, { label: 'x' }], ['DELETE', `/api/v1/cadences/${c.id}`],
    ['GET', '/api/v1/expectations'], ['POST', '/api/v1/expectations', { stakeholder_id: s.id, direction: 'we_promised', description: 'x' }],
    ['PATCH', `/api/v1/expectations/${e.id}`, { status: 'met' }], ['DELETE', `/api/v1/expectations/${e.id}`],
    ['GET', '/api/v1/engagement/attention'], ['GET', '/api/v1/capacity'], ['PUT', `/api/v1/capacity/${external.user.id}`, { hours_per_week: 5 }],
  ];
  for (const [method, p, json] of calls) {
    const res = await external.request(method, p, json === undefined ? {} : { json });
    assert.equal(res.status, 404, `external ${method} ${p}: ${res.describe()}`);
    assert.equal(res.code, 'not_found', `external ${method} ${p}`);
  }
  assert.equal((await im.get(`/api/v1/interactions/${i.id}`)).status, 200, 'an external DELETE removed the interaction');
  assert.equal((await im.get(`/api/v1/follow-ups/${f.id}`)).status, 200, 'an external DELETE removed the follow-up');
});

test('list shapes: pages everywhere', async () => {
  for (const p of ['/api/v1/interactions', '/api/v1/follow-ups', '/api/v1/cadences', '/api/v1/expectations']) {
    const res = await m1.get(`${p}?limit=5`);
    assert.equal(res.status, 200, `${p}: ${res.describe()}`);
    assertPage(res.json, p);
    for (const limit of ['0', '201', 'x']) {
      const bad = await m1.get(`${p}?limit=${limit}`);
      assert.equal(bad.status, 400, `${p}?limit=${limit}: ${bad.describe()}`);
      assert.equal(bad.json.field, 'limit');
    }
  }
  const f = (await m1.get('/api/v1/follow-ups?limit=1')).json.items[0];
  if (f) onlyKeys(f, FOLLOW_UP_KEYS, 'follow-up list item');
});
