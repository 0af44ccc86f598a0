'use strict';
// Helpers for the stakeholder and engagement suites (docs/api-stakeholders.md): creating the
// objects, UTC dates relative to today, walking cursor pages, an RFC 4180 CSV reader, and the
// fields a problem+json names.

const assert = require('node:assert/strict');
const { expectStatus, unique } = require('./client');
const { hasKeys, assertTime, assertTimeOrNull } = require('./shapes');

const LEVELS = ['unaware', 'aware', 'interested', 'engaged', 'co_creating', 'advocate'];
const PUBLIC_KEYS = ['id', 'type', 'name', 'kind', 'industry', 'region', 'size', 'domain', 'links'];
const LIST_ITEM_KEYS = ['id', 'type', 'name', 'kind', 'internal', 'gatekeeper_area', 'industry', 'region', 'size', 'email',
  'domain', 'tags', 'value_chain', 'owner', 'level', 'level_changed_at', 'emotion', 'last_contact_at',
  'created_at', 'updated_at', 'version'];
// The detail adds these (list items leave them out to stay small).
const DETAIL_KEYS = [...LIST_ITEM_KEYS, 'links', 'value_drivers', 'resources', 'notes', 'notes_html', 'team', 'affiliations', 'relations', 'space_ids'];

const DAY = 86400000;
// 'YYYY-MM-DD' (UTC) `offset` days from today, or from `base` (a 'YYYY-MM-DD' or a Date).
function day(offset = 0, base = null) {
  const start = base === null ? Date.now() : (typeof base === 'string' ? Date.parse(`${base}T00:00:00.000Z`) : base.getTime());
  return new Date(start + offset * DAY).toISOString().slice(0, 10);
}
// An RFC 3339 UTC time `offset` days from now (or at `hour`:00 UTC of that day when given).
function at(offset = 0, hour = null) {
  if (hour === null) return new Date(Date.now() + offset * DAY).toISOString();
  return `${day(offset)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}
function addDays(date, n) { return day(n, date); }

// POST /api/v1/stakeholders; an organisation of kind partner unless told otherwise.
async function createStakeholder(browser, fields = {}) {
  const body = { type: 'organisation', name: unique('Stakeholder '), kind: 'partner', ...fields };
  const res = await browser.post('/api/v1/stakeholders', body);
  expectStatus(res, 201, `POST /api/v1/stakeholders ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
async function getStakeholder(browser, id) {
  const res = await browser.get(`/api/v1/stakeholders/${id}`);
  expectStatus(res, 200, `GET /api/v1/stakeholders/${id}`);
  return res.json;
}
// POST /api/v1/interactions: a held call with the given stakeholders, yesterday unless told.
async function createInteraction(browser, stakeholderIds, fields = {}) {
  const body = {
    title: unique('Interaction '),
    type: 'call',
    occurred_at: at(-1, 10),
    stakeholders: stakeholderIds.map((id) => (typeof id === 'object' ? id : { stakeholder_id: id })),
    ...fields,
  };
  const res = await browser.post('/api/v1/interactions', body);
  expectStatus(res, 201, `POST /api/v1/interactions ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
async function createFollowUp(browser, fields = {}) {
  const body = { title: unique('Follow-up '), due_on: day(3), ...fields };
  const res = await browser.post('/api/v1/follow-ups', body);
  expectStatus(res, 201, `POST /api/v1/follow-ups ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
async function createCadence(browser, stakeholderId, fields = {}) {
  const body = { stakeholder_id: stakeholderId, label: unique('Cadence '), interval: 'weekly', ...fields };
  const res = await browser.post('/api/v1/cadences', body);
  expectStatus(res, 201, `POST /api/v1/cadences ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
async function createExpectation(browser, stakeholderId, fields = {}) {
  const body = { stakeholder_id: stakeholderId, direction: 'we_promised', description: unique('Promise '), ...fields };
  const res = await browser.post('/api/v1/expectations', body);
  expectStatus(res, 201, `POST /api/v1/expectations ${JSON.stringify(body).slice(0, 200)}`);
  return res.json;
}
async function createNeed(browser, stakeholderId, fields = {}) {
  const body = { kind: 'need', title: unique('Need '), ...fields };
  const res = await browser.post(`/api/v1/stakeholders/${stakeholderId}/needs`, body);
  expectStatus(res, 201, `POST /api/v1/stakeholders/${stakeholderId}/needs`);
  return res.json;
}

// Follows next_cursor with a small `limit` and returns every item, asserting that no page is
// larger than the limit, that the walk ends, and that no item (by `key`) appears twice.
async function walkPages(browser, path, { limit = 2, maxPages = 200, key = (x) => x.id } = {}) {
  const items = [];
  const seen = new Set();
  let after = null;
  for (let i = 0; i < maxPages; i += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await browser.get(`${path}${sep}limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    expectStatus(res, 200, `GET ${path} (page ${i + 1})`);
    hasKeys(res.json, ['items', 'next_cursor'], `page ${i + 1} of ${path}`);
    assert.ok(res.json.items.length <= limit, `${path}: page ${i + 1} has ${res.json.items.length} items, limit ${limit}`);
    for (const it of res.json.items) {
      const k = key(it);
      assert.ok(!seen.has(k), `${path}: ${JSON.stringify(k)} appears on two pages (page ${i + 1})`);
      seen.add(k);
      items.push(it);
    }
    after = res.json.next_cursor;
    if (!after) return items;
    assert.ok(res.json.items.length > 0, `${path}: an empty page ${i + 1} with a next_cursor`);
  }
  throw new Error(`${path}: more than ${maxPages} pages at limit ${limit}`);
}

// Every field a problem+json names: `field` and each `errors[].field`.
function problemFields(res) {
  const j = res.json || {};
  return [j.field, ...((Array.isArray(j.errors) ? j.errors : []).map((e) => e && e.field))].filter((f) => typeof f === 'string');
}
// True when the problem names `field` itself or a part of it ("links[0].url", "links.0.url").
function namesField(res, field) {
  return problemFields(res).some((f) => f === field || f.startsWith(`${field}[`) || f.startsWith(`${field}.`));
}

// RFC 4180: fields separated by commas, records by CRLF or LF, quotes doubled inside quoted
// fields, which may hold commas and line breaks. A leading BOM is dropped.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 1; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
// CSV text → [{header: value}].
function csvObjects(text) {
  const [header, ...rest] = parseCsv(text);
  return { header, rows: rest.filter((r) => !(r.length === 1 && r[0] === '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

function assertListItem(s, what = 'stakeholder list item') {
  hasKeys(s, LIST_ITEM_KEYS, what);
  assert.ok(Number.isInteger(s.id), `${what}.id`);
  assert.ok(['organisation', 'person'].includes(s.type), `${what}.type ${s.type}`);
  assert.ok(LEVELS.includes(s.level), `${what}.level ${s.level}`);
  assert.ok(Array.isArray(s.tags) && Array.isArray(s.value_chain), `${what}: tags and value_chain are arrays`);
  assert.equal(typeof s.internal, 'boolean', `${what}.internal`);
  if (s.owner !== null) hasKeys(s.owner, ['id', 'display_name'], `${what}.owner`);
  if (s.emotion !== null) hasKeys(s.emotion, ['valence', 'intensity', 'state', 'observed_at'], `${what}.emotion`);
  assertTimeOrNull(s.last_contact_at, `${what}.last_contact_at`);
  assertTime(s.created_at, `${what}.created_at`);
  assertTime(s.updated_at, `${what}.updated_at`);
  assert.ok(Number.isInteger(s.version), `${what}.version`);
}
function assertStakeholder(s, what = 'stakeholder') {
  assertListItem(s, what);
  hasKeys(s, DETAIL_KEYS, what);
  for (const k of ['links', 'value_drivers', 'resources', 'team', 'affiliations', 'relations', 'space_ids']) assert.ok(Array.isArray(s[k]), `${what}.${k} is not an array`);
}

module.exports = {
  LEVELS, PUBLIC_KEYS, LIST_ITEM_KEYS, DETAIL_KEYS, DAY, day, at, addDays,
  createStakeholder, getStakeholder, createInteraction, createFollowUp, createCadence, createExpectation, createNeed,
  walkPages, problemFields, namesField, parseCsv, csvObjects, assertListItem, assertStakeholder,
};
