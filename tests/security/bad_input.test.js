'use strict';
// Bad input: every malformed, mistyped, oversized or dangling request gets its problem+json
// (code, and field where one field is to blame) and leaves the database as it was.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { startServer } = require('../support/server');
const { Api, unique, email, password, listAll, problemOf } = require('../support/client');

let srv;
let api;
let admin;
let space;
let org;

before(async () => {
  srv = await startServer();
  api = new Api(srv);
  admin = await api.setupAdmin();
  org = await api.createOrganisation(admin, { name: unique('Base Org '), kind: 'customer' });
  space = await api.createSpace(admin, { name: unique('Base Space '), description: 'base' });
});

// Everything a bad request could have changed.
async function snapshot() {
  const [orgs, users, spaces, invitations, events] = await Promise.all([
    listAll(admin, '/api/v1/organisations'),
    listAll(admin, '/api/v1/users'),
    listAll(admin, '/api/v1/spaces'),
    listAll(admin, '/api/v1/invitations'),
    listAll(admin, '/api/v1/events'),
  ]);
  const strip = (u) => ({ ...u, last_sign_in_at: null });
  return { orgs, users: users.map(strip), spaces, invitations, events };
}

// expectation: { status: n | [n...], code, field? }. Every deviation is collected, so that a
// wrong code does not hide a changed database.
async function expectRejected(what, send, expectation) {
  assert.ok(!srv.exited, `the server is dead (${JSON.stringify(srv.exited)}) before: ${what}`);
  const before = await snapshot();
  const res = await send();
  const problems = [];
  const statuses = Array.isArray(expectation.status) ? expectation.status : [expectation.status];
  if (!statuses.includes(res.status)) problems.push(`expected ${statuses.join('/')}, got ${res.status}`);
  const p = problemOf(res);
  if (!p.ok) problems.push(`not a valid problem+json (${p.why})`);
  if (expectation.code && res.code !== expectation.code) problems.push(`code ${res.code}, expected ${expectation.code}`);
  if (res.json && res.code && res.json.type !== `https://cocreate.dev/problems/${res.code}`) problems.push(`type ${res.json.type} does not match code`);
  if (expectation.field !== undefined) {
    const fields = [res.json && res.json.field, ...(((res.json && res.json.errors) || []).map((e) => e.field))];
    if (!fields.includes(expectation.field)) problems.push(`field should name ${expectation.field}`);
  }
  if (/sqlite|postgres|SELECT |INSERT |syntax error at|std::|exception|\.cpp/i.test(res.text)) problems.push('internals leak');
  await new Promise((r) => setTimeout(r, 20));
  if (srv.exited) {
    problems.push(`the server died (${JSON.stringify(srv.exited)})`);
  } else {
    const after = await snapshot();
    try { assert.deepEqual(after, before); } catch { problems.push('the database changed'); }
  }
  assert.deepEqual(problems, [], `${what}: ${problems.join('; ')}: ${res.describe()}`);
  return res;
}

const orgPost = (body, opts = {}) => () => admin.request('POST', '/api/v1/organisations', { body, ...opts });
const INVALID = { status: 400, code: 'invalid_argument' };
const INVALID_VALUE = { status: 422, code: 'invalid_argument' };

// ---- malformed JSON ----------------------------------------------------------------------
const malformed = [
  ['truncated object', '{"name": "x", "kind": '],
  ['trailing garbage', '{"name":"x","kind":"partner"} x'],
  ['two documents', '{"name":"x","kind":"partner"}{"name":"y","kind":"partner"}'],
  ['single quotes', "{'name':'x','kind':'partner'}"],
  ['trailing comma', '{"name":"x","kind":"partner",}'],
  ['comment', '{"name":"x", /* c */ "kind":"partner"}'],
  ['NaN literal', '{"name":"x","kind":"partner","domain":NaN}'],
  ['array instead of object', '[{"name":"x","kind":"partner"}]'],
  ['null document', 'null'],
  ['string document', '"name"'],
  ['number document', '42'],
  ['empty body', ''],
  ['whitespace body', '   \n'],
  ['raw control character in string', '{"name":"a\u0001b","kind":"partner"}'],
  ['unterminated string', '{"name":"x,"kind":"partner"}'],
  ['bad escape', '{"name":"\\x41","kind":"partner"}'],
];
for (const [name, body] of malformed) {
  test(`malformed JSON: ${name} → 400 invalid_argument`, async () => {
    await expectRejected(name, orgPost(body), INVALID);
  });
}

test('deeply nested JSON (20 000 levels) → 400, and the server lives on', async () => {
  await expectRejected('nested arrays', orgPost(`{"name":"x","kind":"partner","domain":${'['.repeat(20000)}${']'.repeat(20000)}}`), { status: [400, 413], code: undefined });
  await expectRejected('nested objects', orgPost(`${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}`), { status: [400, 413] });
  assert.equal((await api.browser('h').get('/healthz')).status, 200);
});

// ---- invalid UTF-8 -------------------------------------------------------------------------
const utf8Cases = [
  ['lone continuation byte 0x80', [0x80]],
  ['0xff byte', [0xff]],
  ['overlong "/" (0xc0 0xaf)', [0xc0, 0xaf]],
  ['truncated 3-byte sequence', [0xe2, 0x82]],
  ['UTF-16 surrogate encoded in UTF-8 (0xed 0xa0 0x80)', [0xed, 0xa0, 0x80]],
  ['code point above U+10FFFF (0xf4 0x90 0x80 0x80)', [0xf4, 0x90, 0x80, 0x80]],
];
for (const [name, bytes] of utf8Cases) {
  test(`invalid UTF-8 in a string: ${name} → 400`, async () => {
    const body = Buffer.concat([Buffer.from('{"name":"Org '), Buffer.from(bytes), Buffer.from('","kind":"partner"}')]);
    await expectRejected(name, orgPost(body), INVALID);
  });
}
test('invalid UTF-8 in a key → 400', async () => {
  const body = Buffer.concat([Buffer.from('{"name":"Org","kind":"partner","'), Buffer.from([0xff, 0xfe]), Buffer.from('":1}')]);
  await expectRejected('bad key', orgPost(body), INVALID);
});
test('lone surrogate escape "\\ud800" → 400/422', async () => {
  await expectRejected('lone surrogate', orgPost('{"name":"Org \\ud800","kind":"partner"}'), { status: [400, 422], code: 'invalid_argument' });
});
test('NUL character "\\u0000" in a name → 400/422', async () => {
  await expectRejected('NUL in name', orgPost('{"name":"Org\\u0000x","kind":"partner"}'), { status: [400, 422], code: 'invalid_argument', field: 'name' });
});
test('a UTF-8 byte-order mark before the JSON is 400 or accepted, never 500', async () => {
  const res = await admin.request('POST', '/api/v1/organisations', { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: unique('Bom '), kind: 'partner' }))]) });
  assert.ok([201, 400].includes(res.status), res.describe());
});

// ---- wrong types ---------------------------------------------------------------------------
const wrongTypes = [
  ['name is a number', { name: 123, kind: 'partner' }, 'name'],
  ['name is an object', { name: { first: 'x' }, kind: 'partner' }, 'name'],
  ['kind is a boolean', { name: 'x', kind: true }, 'kind'],
  ['kind is an array', { name: 'x', kind: ['partner'] }, 'kind'],
  ['domain is an array', { name: 'x', kind: 'partner', domain: [] }, 'domain'],
  ['domain is a number', { name: 'x', kind: 'partner', domain: 7 }, 'domain'],
];
for (const [name, body, field] of wrongTypes) {
  test(`wrong type: ${name} → 400 field ${field}`, async () => {
    await expectRejected(name, orgPost(JSON.stringify(body)), { ...INVALID, field });
  });
}
test('wrong types on users: organisation_id as a string, capabilities as a string, disabled as a string', async () => {
  const base = { email: email('t'), display_name: 'T', password: password(), role: 'member' };
  await expectRejected('organisation_id "5"', () => admin.post('/api/v1/users', { ...base, organisation_id: String(org.id) }), { ...INVALID, field: 'organisation_id' });
  await expectRejected('capabilities "sales"', () => admin.post('/api/v1/users', { ...base, capabilities: 'sales' }), { ...INVALID, field: 'capabilities' });
  await expectRejected('organisation_id 1.5', () => admin.post('/api/v1/users', { ...base, organisation_id: 1.5 }), { status: [400, 422], code: 'invalid_argument', field: 'organisation_id' });
  const u = await api.createUser('member', [], { signIn: false });
  await expectRejected('disabled "true"', () => admin.patch(`/api/v1/users/${u.user.id}`, { disabled: 'true' }), { ...INVALID, field: 'disabled' });
  await expectRejected('archived 1', () => admin.patch(`/api/v1/spaces/${space.id}`, { archived: 1 }), { ...INVALID, field: 'archived' });
});
test('null for a required string → 400/422 naming the field', async () => {
  await expectRejected('name null', orgPost(JSON.stringify({ name: null, kind: 'partner' })), { status: [400, 422], code: 'invalid_argument', field: 'name' });
});
test('missing required fields → 400/422 naming the field', async () => {
  await expectRejected('no kind', orgPost(JSON.stringify({ name: 'x' })), { status: [400, 422], code: 'invalid_argument', field: 'kind' });
  await expectRejected('no name', orgPost(JSON.stringify({ kind: 'partner' })), { status: [400, 422], code: 'invalid_argument', field: 'name' });
  await expectRejected('empty object', orgPost('{}'), { status: [400, 422], code: 'invalid_argument' });
});

// ---- unknown fields --------------------------------------------------------------------------
test('unknown field → 400 invalid_argument naming it', async () => {
  await expectRejected('nickname', orgPost(JSON.stringify({ name: 'x', kind: 'partner', nickname: 'y' })), { ...INVALID, field: 'nickname' });
  await expectRejected('PATCH me is_admin', () => admin.patch('/api/v1/me', { display_name: 'x', role: 'admin' }), { ...INVALID, field: 'role' });
  await expectRejected('PATCH space kind (cannot change)', () => admin.patch(`/api/v1/spaces/${space.id}`, { kind: 'challenge_area' }), { ...INVALID, field: 'kind' });
  await expectRejected('POST users id', () => admin.post('/api/v1/users', { id: 1, email: email('x'), display_name: 'X', password: password(), role: 'member' }), { ...INVALID, field: 'id' });
  await expectRejected('differently cased key', orgPost(JSON.stringify({ Name: 'x', kind: 'partner' })), { status: [400, 422], code: 'invalid_argument' });
});

test('duplicate keys are rejected, not silently resolved', { todo: 'the contract does not say; duplicate keys are a parser-differential risk' }, async () => {
  await expectRejected('duplicate name', orgPost('{"name":"a","kind":"partner","name":"b"}'), INVALID);
});

// ---- out-of-range values -------------------------------------------------------------------
test('oversize strings → 422 naming the field', async () => {
  await expectRejected('org name 201', orgPost(JSON.stringify({ name: 'n'.repeat(201), kind: 'partner' })), { ...INVALID_VALUE, field: 'name' });
  await expectRejected('domain 254', orgPost(JSON.stringify({ name: 'x', kind: 'partner', domain: `${'d'.repeat(250)}.com` })), { ...INVALID_VALUE, field: 'domain' });
  await expectRejected('space description 4001', () => admin.patch(`/api/v1/spaces/${space.id}`, { description: 'd'.repeat(4001) }), { ...INVALID_VALUE, field: 'description' });
  await expectRejected('display_name 201', () => admin.patch('/api/v1/me', { display_name: 'x'.repeat(201) }), { ...INVALID_VALUE, field: 'display_name' });
  await expectRejected('password 257', () => admin.post('/api/v1/users', { email: email('p'), display_name: 'P', password: 'p'.repeat(257), role: 'member' }), { ...INVALID_VALUE, field: 'password' });
  await expectRejected('email 255', () => admin.post('/api/v1/users', { email: `${'e'.repeat(243)}@example.com`, display_name: 'P', password: password(), role: 'member' }), { ...INVALID_VALUE, field: 'email' });
  await expectRejected('sign-in password 257', () => api.browser('x').post('/api/v1/auth/sign-in', { email: admin.user.email, password: 'p'.repeat(257) }), { status: [400, 422], code: 'invalid_argument', field: 'password' });
});
test('empty strings where a name is required → 422', async () => {
  await expectRejected('empty org name', orgPost(JSON.stringify({ name: '', kind: 'partner' })), { ...INVALID_VALUE, field: 'name' });
  await expectRejected('empty display_name', () => admin.patch('/api/v1/me', { display_name: '' }), { ...INVALID_VALUE, field: 'display_name' });
});
test('bad enums → 422 naming the field', async () => {
  await expectRejected('org kind', orgPost(JSON.stringify({ name: 'x', kind: 'alien' })), { ...INVALID_VALUE, field: 'kind' });
  await expectRejected('space kind', () => admin.post('/api/v1/spaces', { name: 'x', kind: 'Community' }), { ...INVALID_VALUE, field: 'kind' });
  await expectRejected('user role', () => admin.post('/api/v1/users', { email: email('r'), display_name: 'R', password: password(), role: 'superuser' }), { ...INVALID_VALUE, field: 'role' });
  await expectRejected('capability', () => admin.post('/api/v1/users', { email: email('c'), display_name: 'C', password: password(), role: 'member', capabilities: ['hacker'] }), { status: 422, code: 'invalid_argument' });
  await expectRejected('space_role', () => admin.put(`/api/v1/spaces/${space.id}/members/${admin.user.id}`, { space_role: 'king' }), { ...INVALID_VALUE, field: 'space_role' });
  await expectRejected('token scope', () => admin.post('/api/v1/me/tokens', { name: 't', scopes: ['admin'] }), { status: 422, code: 'invalid_argument' });
  await expectRejected('token scopes empty', () => admin.post('/api/v1/me/tokens', { name: 't', scopes: [] }), { status: 422, code: 'invalid_argument', field: 'scopes' });
  await expectRejected('invitation expires_in_days 31', () => admin.post(`/api/v1/spaces/${space.id}/invitations`, { email: email('i'), expires_in_days: 31 }), { ...INVALID_VALUE, field: 'expires_in_days' });
  await expectRejected('invitation expires_in_days 0', () => admin.post(`/api/v1/spaces/${space.id}/invitations`, { email: email('i'), expires_in_days: 0 }), { ...INVALID_VALUE, field: 'expires_in_days' });
  await expectRejected('token expires_in_days 366', () => admin.post('/api/v1/me/tokens', { name: 't', scopes: ['read'], expires_in_days: 366 }), { ...INVALID_VALUE, field: 'expires_in_days' });
});
test('invalid email and weak password → 422; several field errors are all listed', async () => {
  await expectRejected('email without @', () => admin.post('/api/v1/users', { email: 'not-an-email', display_name: 'E', password: password(), role: 'member' }), { ...INVALID_VALUE, field: 'email' });
  await expectRejected('short password', () => admin.post('/api/v1/users', { email: email('s'), display_name: 'S', password: 'Short-1', role: 'member' }), { ...INVALID_VALUE, field: 'password' });
  await expectRejected('common password', () => admin.post('/api/v1/users', { email: email('s'), display_name: 'S', password: 'password1234', role: 'member' }), { ...INVALID_VALUE, field: 'password' });
  const res = await expectRejected('two bad fields', () => admin.post('/api/v1/users', { email: 'nope', display_name: 'S', password: 'short', role: 'member' }), { ...INVALID_VALUE });
  const fields = (res.json.errors || []).map((e) => e.field);
  assert.ok(fields.includes('email') && fields.includes('password'), `errors should list email and password: ${res.text}`);
});
test('capabilities on an external user → 422 field capabilities', async () => {
  await expectRejected('external with capabilities', () => admin.post('/api/v1/users', { email: email('x'), display_name: 'X', password: password(), role: 'external', capabilities: ['sales'] }), { ...INVALID_VALUE, field: 'capabilities' });
});
test('numbers out of range → 400/422', async () => {
  const base = { email: email('n'), display_name: 'N', password: password(), role: 'member' };
  for (const v of [-1, 0, 1e300, '99999999999999999999999']) {
    const body = JSON.stringify({ ...base, organisation_id: 0 }).replace('"organisation_id":0', `"organisation_id":${typeof v === 'string' ? v : JSON.stringify(v)}`);
    await expectRejected(`organisation_id ${v}`, () => admin.request('POST', '/api/v1/users', { body }), { status: [400, 422], code: 'invalid_argument', field: 'organisation_id' });
  }
});

// ---- dangling references -----------------------------------------------------------------------
test('dangling references → 422 naming the field (or 404 for a path id)', async () => {
  await expectRejected('user organisation_id 999999', () => admin.post('/api/v1/users', { email: email('d'), display_name: 'D', password: password(), role: 'member', organisation_id: 999999 }), { ...INVALID_VALUE, field: 'organisation_id' });
  await expectRejected('invitation organisation_id 999999', () => admin.post(`/api/v1/spaces/${space.id}/invitations`, { email: email('d'), organisation_id: 999999 }), { ...INVALID_VALUE, field: 'organisation_id' });
  const u = await api.createUser('member', [], { signIn: false });
  await expectRejected('PATCH user organisation_id 999999', () => admin.patch(`/api/v1/users/${u.user.id}`, { organisation_id: 999999 }), { ...INVALID_VALUE, field: 'organisation_id' });
  await expectRejected('PUT member of unknown user', () => admin.put(`/api/v1/spaces/${space.id}/members/999999`, { space_role: 'member' }), { status: 404, code: 'not_found' });
  await expectRejected('invite into unknown space', () => admin.post('/api/v1/spaces/999999/invitations', { email: email('d') }), { status: 404, code: 'not_found' });
});

// ---- duplicates ----------------------------------------------------------------------------
test('duplicate email → 409 already_exists field email', async () => {
  await expectRejected('same email', () => admin.post('/api/v1/users', { email: admin.user.email, display_name: 'Dup', password: password(), role: 'member' }), { status: 409, code: 'already_exists', field: 'email' });
});

// ---- media types and sizes ------------------------------------------------------------------------
test('wrong content type → 415 unsupported_media_type', async () => {
  const json = JSON.stringify({ name: unique('Ct '), kind: 'partner' });
  for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/xml', null]) {
    await expectRejected(`Content-Type ${ct}`, () => admin.request('POST', '/api/v1/organisations', { body: json, contentType: ct }), { status: 415, code: 'unsupported_media_type' });
  }
});
test('application/json; charset=utf-8 is fine', async () => {
  const res = await admin.request('POST', '/api/v1/organisations', { body: JSON.stringify({ name: unique('Charset '), kind: 'partner' }), contentType: 'application/json; charset=utf-8' });
  assert.equal(res.status, 201, res.describe());
});
test('a body over 1 MiB → 413 payload_too_large (own server: the answer must not take it down)', async () => {
  const own = await startServer();
  const ownApi = new Api(own);
  const ownAdmin = await ownApi.setupAdmin();
  const before = await listAll(ownAdmin, '/api/v1/organisations');
  let res;
  try {
    res = await ownAdmin.request('POST', '/api/v1/organisations', { body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), kind: 'partner' }) });
  } catch (e) {
    res = null;
  }
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(!own.exited, `the server died (${JSON.stringify(own.exited)}) after a 2 MiB body`);
  assert.ok(res, 'no answer to a 2 MiB body');
  assert.equal(res.status, 413, res.describe());
  assert.equal(res.code, 'payload_too_large', res.describe());
  assert.deepEqual(await listAll(ownAdmin, '/api/v1/organisations'), before);
  await own.stop();
});
test('a body just under 1 MiB with a too-long name → 422, not 413', async () => {
  await expectRejected('900 KiB', orgPost(JSON.stringify({ name: 'x'.repeat(900 * 1024), kind: 'partner' })), { ...INVALID_VALUE, field: 'name' });
});

// ---- query parameters and path ids -----------------------------------------------------------------
test('bad query parameters → 400 invalid_argument naming the parameter', async () => {
  const cases = [
    ['/api/v1/users?limit=abc', 'limit'], ['/api/v1/users?limit=0', 'limit'], ['/api/v1/users?limit=201', 'limit'],
    ['/api/v1/users?limit=-5', 'limit'], ['/api/v1/users?limit=1e2', 'limit'], ['/api/v1/users?role=superuser', 'role'],
    ['/api/v1/users?disabled=maybe', 'disabled'], ['/api/v1/users?after=%00garbage', 'after'], ['/api/v1/users?after=', 'after'],
    ['/api/v1/spaces?kind=alien', 'kind'], ['/api/v1/spaces?archived=2', 'archived'], ['/api/v1/organisations?kind=alien', 'kind'],
    ['/api/v1/invitations?status=lost', 'status'], ['/api/v1/events?since=yesterday', 'since'], ['/api/v1/events?actor_id=abc', 'actor_id'],
    ['/api/v1/events?space_id=-1', 'space_id'], [`/api/v1/users?q=${'q'.repeat(201)}`, 'q'],
  ];
  for (const [p, field] of cases) {
    const res = await admin.get(p);
    assert.equal(res.status, 400, `${p}: ${res.describe()}`);
    assert.equal(res.code, 'invalid_argument', `${p}: ${res.describe()}`);
    assert.equal(res.json.field, field, `${p}: ${res.describe()}`);
  }
});
test('odd path ids → 404 (or 400), never 500', async () => {
  for (const id of ['abc', '0', '-1', '1.0', '99999999999999999999999', '1%00', '%2e%2e', '1;drop']) {
    const res = await admin.get(`/api/v1/spaces/${id}`);
    assert.ok([400, 404].includes(res.status), `GET /api/v1/spaces/${id}: ${res.describe()}`);
    assert.ok(problemOf(res).ok, `GET /api/v1/spaces/${id}: ${problemOf(res).why}`);
  }
});
test('SQL-looking input is stored as text, not executed', async () => {
  const name = `Robert'); DROP TABLE users;-- ${unique('')}`;
  const res = await admin.post('/api/v1/organisations', { name, kind: 'partner' });
  assert.equal(res.status, 201, res.describe());
  const got = await admin.get(`/api/v1/organisations/${res.json.id}`);
  assert.equal(got.json.name, name);
  const q = await admin.get(`/api/v1/users?q=${encodeURIComponent("' OR '1'='1")}`);
  assert.equal(q.status, 200, q.describe());
  assert.equal(q.json.items.length, 0, 'a quote in q matched users');
  const pct = await admin.get(`/api/v1/organisations?q=${encodeURIComponent('%')}`);
  assert.equal(pct.status, 200);
  assert.ok(pct.json.items.every((o) => o.name.includes('%')), 'q=% matched names without %: LIKE wildcards are not escaped');
  assert.equal((await api.browser('h').get('/healthz')).status, 200);
});
test('the server is still healthy after all of this', async () => {
  assert.equal((await api.browser('h').get('/healthz')).status, 200);
  assert.equal((await api.browser('h').get('/readyz')).status, 200);
});
