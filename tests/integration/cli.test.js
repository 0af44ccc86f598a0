'use strict';
// The command line as an operator uses it: version, migrate, user add/list/passwd/disable,
// demo, backup and restore, on SQLite and (when COCREATE_TEST_DATABASE is set) PostgreSQL.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { BIN, freshDatabaseUrl, tmpDir, startServer } = require('../support/server');
const { Api, password } = require('../support/client');

function cli(databaseUrl, args, input, env = {}) {
  const r = spawnSync(BIN, ['--database', databaseUrl, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, COCREATE_LOG_LEVEL: 'warn', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('version and --help work without a database', () => {
  const v = spawnSync(BIN, ['version'], { encoding: 'utf8' });
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^cocreate \d+\.\d+\.\d+/);
  for (const sub of [[], ['serve'], ['migrate'], ['user'], ['user', 'add'], ['backup'], ['restore'], ['demo']]) {
    const h = spawnSync(BIN, [...sub, '--help'], { encoding: 'utf8' });
    assert.equal(h.status, 0, `${sub.join(' ')} --help`);
    assert.match(h.stdout, /Usage|OPTIONS|Options/i, `${sub.join(' ')} --help prints usage`);
  }
});

test('migrate reports the schema version and is idempotent', () => {
  const db = freshDatabaseUrl();
  const first = cli(db, ['migrate']);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /schema at version (\d+) \(latest \1\)/);
  const again = cli(db, ['migrate']);
  assert.match(again.out, /applied 0/);
});

test('user add, list, passwd and disable', async () => {
  const db = freshDatabaseUrl();
  const pw = password();
  const add = cli(db, ['user', 'add', '--email', 'Ops@Example.com', '--name', 'Olga Ops', '--role', 'admin'], `${pw}\n`);
  assert.equal(add.code, 0, add.err);
  const weak = cli(db, ['user', 'add', '--email', 'weak@example.com', '--name', 'Weak'], 'short\n');
  assert.notEqual(weak.code, 0, 'a weak password is refused');
  assert.match(weak.err, /password/);
  const dup = cli(db, ['user', 'add', '--email', 'ops@example.com', '--name', 'Again'], `${pw}\n`);
  assert.notEqual(dup.code, 0, 'a second account with the same e-mail is refused');
  const list = cli(db, ['user', 'list']);
  assert.match(list.out, /ops@example\.com\s+Olga Ops\s+admin\s+active/);

  const srv = await startServer({ databaseUrl: db });
  const api = new Api(srv);
  const b = api.browser('ops');
  assert.equal((await b.post('/api/v1/auth/sign-in', { email: 'ops@example.com', password: pw })).status, 200);

  const newPw = password();
  assert.equal(cli(db, ['user', 'passwd', 'ops@example.com'], `${newPw}\n`).code, 0);
  assert.equal((await b.get('/api/v1/me')).status, 401, 'passwd signs the user out everywhere');
  const c = api.browser('ops2');
  assert.equal((await c.post('/api/v1/auth/sign-in', { email: 'ops@example.com', password: newPw })).status, 200);

  assert.equal(cli(db, ['user', 'disable', 'ops@example.com']).code, 0);
  assert.equal((await c.get('/api/v1/me')).status, 401, 'disable ends sessions');
  assert.match(cli(db, ['user', 'list']).out, /ops@example\.com.*disabled/);
  await srv.stop();
});

test('demo is coherent and idempotent', async () => {
  const db = freshDatabaseUrl();
  const first = cli(db, ['demo']);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /Demo company loaded/);
  assert.match(first.out, /admin@demo\.cocreate\.test/);
  assert.match(cli(db, ['demo']).out, /already present/);
  const srv = await startServer({ databaseUrl: db });
  const api = new Api(srv);
  const clara = api.browser('clara');
  const pw = first.out.match(/password: (\S+)\)/)[1];
  assert.equal((await clara.post('/api/v1/auth/sign-in', { email: 'clara@northwind.example', password: pw })).status, 200);
  const spaces = await clara.get('/api/v1/spaces');
  const names = spaces.json.items.map((s) => s.name);
  assert.ok(names.length >= 1, 'the external contact belongs to a space');
  assert.ok(!names.includes('Innovation team room'), 'and does not see the internal room');
  await srv.stop();
});

test('backup and restore round-trip the data', async () => {
  const db = freshDatabaseUrl();
  const dir = tmpDir('backup-');
  const file = path.join(dir, 'cocreate.backup');
  assert.equal(cli(db, ['demo']).code, 0);
  const before = cli(db, ['user', 'list']).out;
  const backup = cli(db, ['backup', file]);
  assert.equal(backup.code, 0, backup.err);
  const pw = password();
  assert.equal(cli(db, ['user', 'add', '--email', 'late@example.com', '--name', 'Late'], `${pw}\n`).code, 0);
  assert.match(cli(db, ['user', 'list']).out, /late@example\.com/);
  const restore = cli(db, ['restore', file]);
  assert.equal(restore.code, 0, restore.err);
  const after = cli(db, ['user', 'list']).out;
  assert.equal(after, before, 'restore brings back exactly the backed-up users');
  assert.equal(cli(db, ['restore', path.join(dir, 'missing')]).code, 1, 'a missing file is an error');
});

// Uploaded files live in the data folder, by SHA-256, never in the database: the backup carries
// them in FILE.attachments and the restore puts back what the folder lacks.
test('backup and restore carry the uploaded files', () => {
  const db = freshDatabaseUrl();
  const dataDir = tmpDir('data-');
  const env = { COCREATE_DATA_DIR: dataDir };
  const sha = 'ab'.repeat(32);
  const stored = path.join(dataDir, 'attachments', sha.slice(0, 2), sha.slice(2));
  fs.mkdirSync(path.dirname(stored), { recursive: true });
  fs.writeFileSync(stored, 'file bytes');
  fs.writeFileSync(path.join(path.dirname(stored), '.tmp-half-written'), 'partial');
  const file = path.join(tmpDir('backup-'), 'cocreate.backup');
  const backup = cli(db, ['backup', file], '', env);
  assert.equal(backup.code, 0, backup.err);
  assert.match(backup.out, /\(1 new\)/);
  const copy = path.join(`${file}.attachments`, sha.slice(0, 2), sha.slice(2));
  assert.equal(fs.readFileSync(copy, 'utf8'), 'file bytes');
  assert.equal(fs.statSync(copy).mode & 0o777, 0o600, 'the copy is private');
  assert.ok(!fs.existsSync(path.join(path.dirname(copy), '.tmp-half-written')), 'a half-written upload was copied');
  assert.match(cli(db, ['backup', file], '', env).out, /\(0 new\)/, 'a second backup copies nothing again');
  fs.rmSync(path.join(dataDir, 'attachments'), { recursive: true });
  const restore = cli(db, ['restore', file], '', env);
  assert.equal(restore.code, 0, restore.err);
  assert.match(restore.out, /1 attachment files put back/);
  assert.equal(fs.readFileSync(stored, 'utf8'), 'file bytes');
});
