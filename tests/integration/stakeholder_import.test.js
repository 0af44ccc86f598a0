'use strict';
// CSV import of stakeholders (docs/api-stakeholders.md "CSV import"): preview reports every bad
// row with its line and field, duplicates and a suggested mapping, and writes nothing; a commit
// with any bad row imports nothing; a good file commits with counts and affiliations.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startServer } = require('../support/server');
const { Api, unique, listAll, problemOf } = require('../support/client');
const { hasKeys } = require('../support/shapes');
const { createStakeholder, getStakeholder } = require('../support/stakeholders');

const FIXTURES = path.join(__dirname, 'fixtures');
const MIXED = fs.readFileSync(path.join(FIXTURES, 'stakeholders_mixed.csv'), 'utf8');
const GOOD = fs.readFileSync(path.join(FIXTURES, 'stakeholders_good.csv'), 'utf8');
const UTF8_NAME = 'Jörg Müller-Łukasiewicz 日本';

let api;
let admin;
let im;
let member;
let external;
const existing = {};

before(async () => {
  const srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  im = await api.createUser('innovation_manager');
  member = await api.createUser('member');
  const space = await api.createSpace(im, { external_allowed: true });
  external = await api.accept((await api.inviteExternal(im, space.id)).token);
  // What the mixed file's duplicate rows match.
  existing.person = await createStakeholder(im, { type: 'person', name: 'Existing Person', kind: 'customer', email: 'existing.person@dup-fixture.example' });
  existing.org = await createStakeholder(im, { type: 'organisation', name: 'Existing Org By Domain', kind: 'customer', domain: 'dup-fixture-org.example' });
  existing.named = await createStakeholder(im, { type: 'organisation', name: 'Fixture Existing Name Ltd', kind: 'partner' });
});

// Everything an import could have written.
async function snapshot(browser = admin) {
  const [list, events] = await Promise.all([
    listAll(browser, '/api/v1/stakeholders'),
    listAll(browser, '/api/v1/events?object_type=stakeholder'),
  ]);
  return { ids: list.map((s) => s.id).sort((a, b) => a - b), count: list.length, events: events.length };
}

// A preview or a 422 error names a row's field either as FIELD or as rows[LINE].FIELD.
function errorAt(errors, line, field) {
  return errors.find((e) => e.line === line && (e.field === field || e.field === `rows[${line}].${field}`));
}

const MIXED_ERRORS = [[4, 'email'], [5, 'kind'], [6, 'name'], [7, 'name'], [8, 'size']];
const MIXED_GOOD_LINES = [2, 3, 9, 10, 11, 12];

test('preview of the mixed file: every bad row with line and field, duplicates, suggested mapping, BOM dropped; nothing written', async () => {
  const before = await snapshot();
  const res = await im.post('/api/v1/stakeholders/import/preview', { csv: MIXED });
  assert.equal(res.status, 200, res.describe());
  const p = res.json;
  hasKeys(p, ['columns', 'mapping', 'total_rows', 'valid_rows', 'errors', 'duplicates', 'sample'], 'preview');
  assert.deepEqual(p.columns, ['name', 'type', 'kind', 'email', 'domain', 'industry', 'region', 'size', 'tags', 'organisation', 'title', 'notes'],
    'columns (a BOM before the header must not become part of the first column name)');
  for (const f of p.columns) assert.equal(p.mapping[f], f, `suggested mapping for ${f}: ${JSON.stringify(p.mapping)}`);
  for (const f of ['internal', 'level']) assert.ok(p.mapping[f] === undefined || p.mapping[f] === null, `mapping.${f} names a column the file does not have: ${JSON.stringify(p.mapping)}`);
  assert.equal(p.total_rows, 11, 'total_rows (a quoted field with a line break is one row)');
  assert.equal(p.valid_rows, 6, 'valid_rows');
  for (const e of p.errors) hasKeys(e, ['line', 'field', 'detail'], 'preview error');
  for (const [line, field] of MIXED_ERRORS) assert.ok(errorAt(p.errors, line, field), `no error for line ${line} field ${field}: ${JSON.stringify(p.errors)}`);
  for (const line of MIXED_GOOD_LINES) assert.ok(!p.errors.some((e) => e.line === line), `an error for the good line ${line}: ${JSON.stringify(p.errors)}`);
  assert.ok(p.errors.every((e) => typeof e.detail === 'string' && e.detail.length > 0), 'an error without detail');
  const dups = [...p.duplicates].sort((a, b) => a.line - b.line);
  assert.deepEqual(dups, [
    { line: 9, match: 'email', existing_id: existing.person.id, existing_name: existing.person.name },
    { line: 10, match: 'domain', existing_id: existing.org.id, existing_name: existing.org.name },
    { line: 11, match: 'name', existing_id: existing.named.id, existing_name: existing.named.name },
  ], `duplicates: ${JSON.stringify(p.duplicates)}`);
  assert.equal(p.sample.length, 11, 'sample holds the first 20 rows (here: all 11)');
  for (const s of p.sample) hasKeys(s, ['line', 'values'], 'sample row');
  assert.equal(p.sample[0].line, 2);
  assert.ok(JSON.stringify(p.sample[0].values).includes('Northwind Traders Fixture'), `sample[0]: ${JSON.stringify(p.sample[0])}`);
  assert.equal(p.sample[1].line, 3);
  assert.ok(Object.values(p.sample[1].values).includes(UTF8_NAME), `the UTF-8 name is not intact in the sample: ${JSON.stringify(p.sample[1])}`);
  const quoted = p.sample.find((s) => Object.values(s.values).includes('Quoted, Comma "Org" Fixture'));
  assert.ok(quoted, `the quoted name with a comma and quotes is not one value: ${JSON.stringify(p.sample.slice(-1))}`);
  assert.equal(quoted.line, 12);
  assert.ok(Object.values(quoted.values).some((v) => typeof v === 'string' && v.includes('first line') && v.includes('second line, with a comma')), 'the quoted field with a line break is not one value');
  assert.deepEqual(await snapshot(), before, 'preview wrote something');
});

test('commit of the mixed file → 422 listing every bad row as rows[LINE].FIELD; nothing imported', async () => {
  const before = await snapshot();
  for (const onDuplicate of [undefined, 'skip', 'create']) {
    const body = { csv: MIXED };
    if (onDuplicate) body.on_duplicate = onDuplicate;
    const res = await im.post('/api/v1/stakeholders/import', body);
    assert.equal(res.status, 422, `on_duplicate ${onDuplicate}: ${res.describe()}`);
    assert.ok(problemOf(res).ok, problemOf(res).why);
    assert.equal(res.code, 'invalid_argument');
    const errors = res.json.errors || [];
    for (const [line, field] of MIXED_ERRORS) {
      const e = errors.find((x) => x.field === `rows[${line}].${field}`);
      assert.ok(e, `422 does not list rows[${line}].${field}: ${JSON.stringify(errors)}`);
      if ('line' in e) assert.equal(e.line, line);
      assert.ok(typeof e.detail === 'string' && e.detail.length > 0, `rows[${line}].${field} without detail`);
    }
    for (const line of MIXED_GOOD_LINES) assert.ok(!errors.some((x) => String(x.field).startsWith(`rows[${line}].`)), `an error for the good line ${line}`);
    assert.deepEqual(await snapshot(), before, `on_duplicate ${onDuplicate}: a refused import wrote something (good rows must not be imported either)`);
  }
  const list = await listAll(admin, `/api/v1/stakeholders?q=${encodeURIComponent('Northwind Traders Fixture')}`);
  assert.deepEqual(list, [], 'a good row of a refused file was imported');
});

test('a good file: preview is clean; commit creates every row with affiliations inside the file (also to an organisation on a later line); skip vs create on a second run', async () => {
  // Its own server: the rows of this file must be new.
  const own = await startServer();
  const ownApi = new Api(own);
  const ownAdmin = await ownApi.setupAdmin();
  const before = await snapshot(ownAdmin);
  const preview = await ownAdmin.post('/api/v1/stakeholders/import/preview', { csv: GOOD });
  assert.equal(preview.status, 200, preview.describe());
  assert.deepEqual(preview.json.errors, [], `errors in the good file: ${JSON.stringify(preview.json.errors)}`);
  assert.deepEqual(preview.json.duplicates, []);
  assert.equal(preview.json.total_rows, 6);
  assert.equal(preview.json.valid_rows, 6);
  assert.deepEqual(await snapshot(ownAdmin), before, 'preview wrote something');

  const res = await ownAdmin.post('/api/v1/stakeholders/import', { csv: GOOD });
  assert.equal(res.status, 201, res.describe());
  assert.deepEqual(res.json, { created: 6, skipped: 0, affiliations: 2 });
  const after = await snapshot(ownAdmin);
  assert.equal(after.count, before.count + 6);
  const byName = new Map((await listAll(ownAdmin, '/api/v1/stakeholders')).map((s) => [s.name, s]));
  const contoso = byName.get('Contoso Labs Fixture');
  const fabrikam = byName.get('Fabrikam Energy Fixture');
  const ana = byName.get('Ana Contoso');
  const ben = byName.get('Ben Fabrikam');
  const alesund = byName.get('Ålesund Havn Fixture');
  const legal = byName.get('Legal Desk Fixture');
  for (const [n, s] of Object.entries({ contoso, fabrikam, ana, ben, alesund, legal })) assert.ok(s, `${n} was not imported (names: ${[...byName.keys()].join(' | ')})`);
  assert.equal(contoso.type, 'organisation');
  assert.equal(contoso.kind, 'academia');
  assert.equal(contoso.domain, 'contoso-labs-fixture.example');
  assert.equal(contoso.size, 'medium');
  assert.equal(contoso.region, 'Benelux');
  assert.equal(contoso.level, 'aware');
  assert.deepEqual([...contoso.tags].sort(), ['lab', 'research'], 'tags split on ";" and lower-cased');
  assert.equal(fabrikam.level, 'interested');
  assert.equal(fabrikam.size, 'enterprise');
  assert.equal(ana.type, 'person');
  assert.equal(ana.email, 'ana@contoso-labs-fixture.example');
  assert.equal(ben.level, 'engaged');
  assert.equal(legal.internal, true);
  assert.equal(legal.kind, 'internal_gatekeeper');
  assert.equal(alesund.kind, 'regulator');
  const anaFull = await getStakeholder(ownAdmin, ana.id);
  assert.equal(anaFull.affiliations.length, 1, `Ana's affiliations: ${JSON.stringify(anaFull.affiliations)}`);
  assert.equal(anaFull.affiliations[0].organisation_id, contoso.id);
  assert.equal(anaFull.affiliations[0].title, 'Professor');
  const benFull = await getStakeholder(ownAdmin, ben.id);
  assert.equal(benFull.affiliations[0] && benFull.affiliations[0].organisation_id, fabrikam.id);
  assert.equal(benFull.affiliations[0].title, 'Head of Sales');
  assert.ok(benFull.notes.includes('Met at the fair') && benFull.notes.includes('follow up in spring'), `a multi-line note: ${JSON.stringify(benFull.notes)}`);
  assert.equal((await getStakeholder(ownAdmin, contoso.id)).notes, 'Labs, with commas');
  assert.equal((await getStakeholder(ownAdmin, contoso.id)).affiliations.length, 1, 'the organisation does not show the imported affiliation');
  const events = await listAll(ownAdmin, '/api/v1/events?object_type=stakeholder');
  assert.ok(events.some((e) => e.verb === 'stakeholder.imported'), `no stakeholder.imported event: ${JSON.stringify(events.map((e) => e.verb))}`);

  // Second run: every row is now a duplicate (persons by e-mail, organisations by domain or name).
  const dupPreview = await ownAdmin.post('/api/v1/stakeholders/import/preview', { csv: GOOD });
  assert.equal(dupPreview.status, 200, dupPreview.describe());
  assert.deepEqual(dupPreview.json.duplicates.map((d) => d.line).sort((a, b) => a - b), [2, 3, 4, 5, 6, 7], `duplicates on the second run: ${JSON.stringify(dupPreview.json.duplicates)}`);
  const byLine = new Map(dupPreview.json.duplicates.map((d) => [d.line, d]));
  assert.deepEqual(byLine.get(2), { line: 2, match: 'email', existing_id: ana.id, existing_name: ana.name });
  assert.deepEqual(byLine.get(3), { line: 3, match: 'domain', existing_id: contoso.id, existing_name: contoso.name });
  assert.deepEqual(byLine.get(6), { line: 6, match: 'name', existing_id: legal.id, existing_name: legal.name });
  assert.deepEqual(byLine.get(7), { line: 7, match: 'email', existing_id: ben.id, existing_name: ben.name });
  const skip = await ownAdmin.post('/api/v1/stakeholders/import', { csv: GOOD, on_duplicate: 'skip' });
  assert.equal(skip.status, 201, skip.describe());
  assert.equal(skip.json.created, 0);
  assert.equal(skip.json.skipped, 6);
  assert.equal((await snapshot(ownAdmin)).count, after.count, 'skip created rows');
  const dflt = await ownAdmin.post('/api/v1/stakeholders/import', { csv: GOOD });
  assert.equal(dflt.status, 201, dflt.describe());
  assert.equal(dflt.json.created, 0, 'on_duplicate does not default to skip');
  const create = await ownAdmin.post('/api/v1/stakeholders/import', { csv: GOOD, on_duplicate: 'create' });
  assert.equal(create.status, 201, create.describe());
  assert.equal(create.json.created, 6);
  assert.equal(create.json.skipped, 0);
  assert.equal((await snapshot(ownAdmin)).count, after.count + 6);
  const bad = await ownAdmin.post('/api/v1/stakeholders/import', { csv: GOOD, on_duplicate: 'merge' });
  assert.equal(bad.status, 422, bad.describe());
  assert.equal(bad.json.field, 'on_duplicate');
  await own.stop();
});

test('a custom mapping with other header names; defaults for type (person when an e-mail is present) and kind (customer)', async () => {
  const tag = unique('Mapped');
  const orgName = `${tag} Holding`;
  const csv = [
    'Company or Person;ignored,Category,Mail,Web,Sector,Labels,Works at,Job',
    `${orgName},partner,,${tag.toLowerCase()}.example,Logistics,a;b,,`,
    `${tag} Person One,,p1-${tag.toLowerCase()}@example.com,,,,${orgName},Buyer`,
    `${tag} Person Two,academia,p2-${tag.toLowerCase()}@example.com,,,,${existing.named.name},Advisor`,
    `${tag} No Mail Org,,,,Retail,,,`,
  ].join('\n');
  const mapping = { name: 'Company or Person;ignored', kind: 'Category', email: 'Mail', domain: 'Web', industry: 'Sector', tags: 'Labels', organisation: 'Works at', title: 'Job' };
  const before = await snapshot();
  const preview = await admin.post('/api/v1/stakeholders/import/preview', { csv, mapping });
  assert.equal(preview.status, 200, preview.describe());
  assert.deepEqual(preview.json.errors, [], `errors: ${JSON.stringify(preview.json.errors)}`);
  for (const [f, h] of Object.entries(mapping)) assert.equal(preview.json.mapping[f], h, `the preview does not use the given mapping for ${f}`);
  assert.equal(preview.json.total_rows, 4);
  assert.equal(preview.json.valid_rows, 4);
  // Without the mapping nothing matches "name": the file cannot be imported.
  const unmapped = await admin.post('/api/v1/stakeholders/import', { csv });
  assert.equal(unmapped.status, 422, `without a mapping: ${unmapped.describe()}`);
  assert.deepEqual(await snapshot(), before);
  const res = await admin.post('/api/v1/stakeholders/import', { csv, mapping });
  assert.equal(res.status, 201, res.describe());
  assert.deepEqual(res.json, { created: 4, skipped: 0, affiliations: 2 });
  const made = new Map((await listAll(admin, `/api/v1/stakeholders?q=${encodeURIComponent(tag)}`)).map((s) => [s.name, s]));
  assert.equal(made.size, 4);
  const org = made.get(orgName);
  assert.equal(org.type, 'organisation', 'no e-mail → organisation');
  assert.equal(org.kind, 'partner');
  assert.equal(org.industry, 'Logistics');
  assert.deepEqual([...org.tags].sort(), ['a', 'b']);
  const p1 = made.get(`${tag} Person One`);
  assert.equal(p1.type, 'person', 'an e-mail → person');
  assert.equal(p1.kind, 'customer', 'kind defaults to customer');
  assert.equal(made.get(`${tag} Person Two`).kind, 'academia');
  assert.equal(made.get(`${tag} No Mail Org`).type, 'organisation');
  assert.equal(made.get(`${tag} No Mail Org`).kind, 'customer');
  const p1Full = await getStakeholder(admin, p1.id);
  assert.deepEqual(p1Full.affiliations.map((a) => [a.organisation_id, a.title]), [[org.id, 'Buyer']], 'affiliation to an organisation of the same file');
  const p2Full = await getStakeholder(admin, made.get(`${tag} Person Two`).id);
  assert.deepEqual(p2Full.affiliations.map((a) => [a.organisation_id, a.title]), [[existing.named.id, 'Advisor']], 'affiliation to an existing organisation');
});

test('a mapping naming a column the file lacks, or an unknown field → 400/422 naming mapping; nothing written', async () => {
  const before = await snapshot();
  const csv = `name,kind\n${unique('Nomap ')},customer\n`;
  for (const mapping of [{ name: 'No Such Column' }, { colour: 'name' }]) {
    for (const route of ['/api/v1/stakeholders/import/preview', '/api/v1/stakeholders/import']) {
      const res = await im.post(route, { csv, mapping });
      assert.ok([400, 422].includes(res.status), `${route} ${JSON.stringify(mapping)}: ${res.describe()}`);
      const fields = [res.json.field, ...((res.json.errors || []).map((e) => e.field))].filter(Boolean);
      assert.ok(fields.some((f) => f.startsWith('mapping')), `${route} ${JSON.stringify(mapping)}: does not name mapping: ${res.describe()}`);
    }
  }
  assert.deepEqual(await snapshot(), before);
});

test('an empty file, a header only, a body without csv → refused or zero rows, never 500', async () => {
  const before = await snapshot();
  const none = await im.post('/api/v1/stakeholders/import', {});
  assert.ok([400, 422].includes(none.status), none.describe());
  assert.equal(none.json.field, 'csv');
  const headerOnly = await im.post('/api/v1/stakeholders/import/preview', { csv: 'name,kind\n' });
  assert.equal(headerOnly.status, 200, headerOnly.describe());
  assert.equal(headerOnly.json.total_rows, 0);
  const empty = await im.post('/api/v1/stakeholders/import/preview', { csv: '' });
  assert.ok([200, 422].includes(empty.status), empty.describe());
  const unbalanced = await im.post('/api/v1/stakeholders/import', { csv: 'name,kind\n"Open quote,customer\n' });
  assert.ok([400, 422].includes(unbalanced.status), `an unterminated quote: ${unbalanced.describe()}`);
  assert.deepEqual(await snapshot(), before);
});

test('roles: member → 403, external → 404, for preview and commit; nothing written', async () => {
  const before = await snapshot();
  for (const route of ['/api/v1/stakeholders/import/preview', '/api/v1/stakeholders/import']) {
    const m = await member.post(route, { csv: GOOD });
    assert.equal(m.status, 403, `member ${route}: ${m.describe()}`);
    assert.equal(m.code, 'permission_denied');
    const e = await external.post(route, { csv: GOOD });
    assert.equal(e.status, 404, `external ${route}: ${e.describe()}`);
    assert.equal(e.code, 'not_found');
    const anon = await api.browser('anon').post(route, { csv: GOOD });
    assert.equal(anon.status, 401, `anonymous ${route}: ${anon.describe()}`);
  }
  assert.deepEqual(await snapshot(), before);
});
