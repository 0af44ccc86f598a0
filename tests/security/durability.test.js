'use strict';
// Durability: writes acknowledged by the server survive a SIGKILL at a random moment.
// SQLite file database (WAL, synchronous=FULL per the architecture); three rounds on the
// same file, each: write as fast as acknowledged for 1–3 s, kill -9, restart, check.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, freshDatabaseUrl, sleep } = require('../support/server');
const { Api, unique } = require('../support/client');

const ROUNDS = 3;
const WRITERS = 4;
const MAX_WRITES_PER_ROUND = 5000;

test('every acknowledged write survives kill -9 (SQLite, 3 rounds)', { timeout: 120000 }, async () => {
  const databaseUrl = freshDatabaseUrl('sqlite');
  let srv = await startServer({ databaseUrl });
  const api = new Api(srv);
  const admin = await api.setupAdmin();
  const tok = await api.createToken(admin, ['read', 'write']);
  const acknowledged = new Map(); // id → name
  const summary = [];

  for (let round = 1; round <= ROUNDS; round += 1) {
    const client = new Api(srv).tokenClient(tok.token, `writer-${round}`);
    let stop = false;
    let writes = 0;
    let failures = 0;
    const killAfter = 1000 + Math.floor(Math.random() * 2000);
    const writer = async (w) => {
      while (!stop && writes < MAX_WRITES_PER_ROUND) {
        const name = unique(`Durable r${round} w${w} `);
        writes += 1;
        try {
          const res = await client.post('/api/v1/organisations', { name, kind: 'partner' }, { timeoutMs: 5000 });
          if (res.status === 201) {
            const id = (res.json.organisation || res.json).id;
            assert.ok(Number.isInteger(id), `201 without an integer id: ${res.text.slice(0, 200)}`);
            acknowledged.set(id, name);
          } else if (!stop) {
            failures += 1;
            if (failures > 20) throw new Error(`writes failing before the kill: ${res.describe()}`);
          }
        } catch (e) {
          if (!stop) throw e; // before the kill every write must succeed
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await sleep(killAfter);
    stop = true;
    const killed = await srv.kill('SIGKILL');
    assert.equal(killed.signal, 'SIGKILL', `the server was not killed by SIGKILL: ${JSON.stringify(killed)}`);
    const results = await Promise.allSettled(writers);
    for (const r of results) if (r.status === 'rejected') throw r.reason;

    srv = await startServer({ databaseUrl });
    const reader = new Api(srv).tokenClient(tok.token, `reader-${round}`);
    const ready = await reader.get('/readyz');
    assert.equal(ready.status, 200, `not ready after restart: ${ready.describe()}`);
    // Every acknowledged organisation, by id and through the list.
    const missing = [];
    for (const [id, name] of acknowledged) {
      const res = await reader.get(`/api/v1/organisations/${id}`);
      if (res.status !== 200 || res.json.name !== name) missing.push(`${id} (${name}): ${res.status}`);
    }
    const listed = new Set();
    let after = null;
    for (let page = 0; page < 200; page += 1) {
      const res = await reader.get(`/api/v1/organisations?limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      assert.equal(res.status, 200, res.describe());
      for (const o of res.json.items) listed.add(o.id);
      after = res.json.next_cursor;
      if (!after) break;
    }
    for (const id of acknowledged.keys()) if (!listed.has(id)) missing.push(`${id}: not in the list`);
    summary.push(`round ${round}: killed after ${killAfter} ms, ${acknowledged.size} acknowledged so far`);
    assert.deepEqual(missing, [], `round ${round}: acknowledged writes lost after kill -9:\n${missing.slice(0, 20).join('\n')}`);
    assert.ok(acknowledged.size > 0, 'no write was acknowledged');
  }
  console.log(`durability: ${summary.join('; ')}`);
  await srv.stop();
});
