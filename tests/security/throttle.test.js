'use strict';
// Sign-in throttling: per account and per client address. Each test starts its own server so
// that the counters (kept per address, and all tests come from 127.0.0.1) do not interfere.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, sleep } = require('../support/server');
const { Api, email } = require('../support/client');

async function fresh() {
  const srv = await startServer();
  const api = new Api(srv);
  const admin = await api.setupAdmin();
  return { srv, api, admin };
}

function signIn(api, em, pw) {
  return api.browser('anon').post('/api/v1/auth/sign-in', { email: em, password: pw });
}

let lastThrottled = null;
// The code is checked once, in its own test, so that it does not hide the behaviour.
function assertThrottled(res, what) {
  assert.equal(res.status, 429, `${what}: expected 429, got ${res.describe()}`);
  const ra = res.header('retry-after');
  assert.ok(ra !== null && /^\d+$/.test(ra) && Number(ra) >= 1, `${what}: Retry-After is ${JSON.stringify(ra)}`);
  assert.ok(res.isProblem, `${what}: not problem+json: ${res.describe()}`);
  lastThrottled = res;
  return Number(ra);
}

// The problem body without the per-request parts.
function stable(res) {
  const j = { ...(res.json || {}) };
  delete j.request_id;
  return { status: res.status, contentType: res.contentType.split(';')[0], body: j };
}

test('after 5 wrong passwords for one account, the next attempt is 429 with Retry-After, even with the right password', { timeout: 60000 }, async () => {
  const { srv, api } = await fresh();
  const m = await api.createUser('member', [], { signIn: false });
  for (let i = 0; i < 5; i += 1) {
    const res = await signIn(api, m.email, `Wrong-Password-${i}-xx`);
    assert.equal(res.status, 401, `attempt ${i + 1}: ${res.describe()}`);
    assert.equal(res.code, 'invalid_credentials', res.describe());
  }
  const ra = assertThrottled(await signIn(api, m.email, m.password), 'right password after 5 failures');
  assertThrottled(await signIn(api, m.email, 'Wrong-Password-again'), 'wrong password after 5 failures');
  // A throttled attempt must not create a session.
  if (ra <= 10) {
    await sleep((ra + 1) * 1000);
    const ok = await signIn(api, m.email, m.password);
    assert.equal(ok.status, 200, `after Retry-After (${ra} s): ${ok.describe()}`);
  }
  await srv.stop();
});

test('an unknown account gets exactly the same 401 as a wrong password', { timeout: 60000 }, async () => {
  const { srv, api } = await fresh();
  const m = await api.createUser('member', [], { signIn: false });
  const wrong = await signIn(api, m.email, 'Wrong-Password-123');
  const unknown = await signIn(api, email('nobody'), 'Wrong-Password-123');
  assert.equal(wrong.status, 401, wrong.describe());
  assert.deepEqual(stable(unknown), stable(wrong));
  assert.equal(unknown.header('set-cookie'), null, 'a failed sign-in set a cookie');
  // Same for an email that differs only in case (if accounts are case-insensitive it is the
  // same account, else unknown: either way the answer must not differ).
  const upper = await signIn(api, m.email.toUpperCase(), 'Wrong-Password-123');
  assert.deepEqual(stable(upper), stable(wrong));
  await srv.stop();
});

test('an unknown account is throttled like a known one (no enumeration through 429)', { timeout: 60000 }, async () => {
  const { srv, api } = await fresh();
  const ghost = email('ghost');
  const answers = [];
  for (let i = 0; i < 6; i += 1) answers.push((await signIn(api, ghost, `Wrong-Password-${i}-yy`)).status);
  assert.deepEqual(answers, [401, 401, 401, 401, 401, 429], `unknown account answers: ${answers}`);
  await srv.stop();
});

test('a locked account does not lock out other accounts', { timeout: 60000 }, async () => {
  const { srv, api } = await fresh();
  const a = await api.createUser('member', [], { signIn: false });
  const b = await api.createUser('member', [], { signIn: false });
  for (let i = 0; i < 6; i += 1) await signIn(api, a.email, `Wrong-Password-${i}-zz`);
  assertThrottled(await signIn(api, a.email, a.password), 'locked account');
  const ok = await signIn(api, b.email, b.password);
  assert.equal(ok.status, 200, ok.describe());
  await srv.stop();
});

test('per-address limit: many failed sign-ins across accounts from one address get 429', { timeout: 120000 }, async () => {
  const { srv, api } = await fresh();
  const started = Date.now();
  let throttledAt = null;
  // Each email is new, so the per-account limit never triggers; bounded in count and time.
  for (let i = 0; i < 200 && Date.now() - started < 90000; i += 1) {
    const res = await signIn(api, email(`spray${i}`), 'Wrong-Password-123');
    if (res.status === 429) {
      throttledAt = i + 1;
      console.log(`throttle: per-address limit reached after ${throttledAt} failed sign-ins`);
      assertThrottled(res, `attempt ${i + 1}`);
      break;
    }
    assert.equal(res.status, 401, `attempt ${i + 1}: ${res.describe()}`);
  }
  assert.ok(throttledAt !== null, `no 429 after ${Math.round((Date.now() - started) / 1000)} s of failed sign-ins from one address`);
  await srv.stop();
});

test('invitation lookup is throttled against token guessing', { timeout: 120000 }, async () => {
  const { srv, api } = await fresh();
  const started = Date.now();
  let throttledAt = null;
  for (let i = 0; i < 300 && Date.now() - started < 60000; i += 1) {
    const res = await api.browser('guess').post('/api/v1/invitations/lookup', { token: `guess-${i}-${'x'.repeat(30)}` });
    if (res.status === 429) { throttledAt = i + 1; assertThrottled(res, `lookup ${i + 1}`); break; }
    assert.equal(res.status, 404, `lookup ${i + 1}: ${res.describe()}`);
  }
  assert.ok(throttledAt !== null, 'no 429 after 300 failed invitation lookups from one address');
  console.log(`throttle: invitation lookup limited after ${throttledAt} unknown tokens`);
  await srv.stop();
});

test('429 answers carry code resource_exhausted (the contract\'s code for throttling)', async (t) => {
  if (!lastThrottled) return t.skip('no 429 was seen');
  assert.equal(lastThrottled.code, 'resource_exhausted', lastThrottled.describe());
  assert.equal(lastThrottled.json.type, 'https://cocreate.dev/problems/resource_exhausted');
});
