'use strict';
// Starts the real `cocreate` binary on an ephemeral loopback port for one test file.
//
//   const { startServer } = require('../support/server');
//   const srv = await startServer();           // fresh database (SQLite file, or PostgreSQL
//                                              // when COCREATE_TEST_DATABASE is set)
//   srv.url, srv.port, srv.databaseUrl, await srv.stop(), await srv.kill('SIGKILL')
//   const again = await startServer({ databaseUrl: srv.databaseUrl });   // restart on same data
//
// Every process started here is stopped by an `after()` hook of the calling test file (when
// called inside node:test) and, as a last resort, killed when the node process exits.

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = process.env.COCREATE_BIN || path.join(ROOT, 'build', 'cocreate');

const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => { process.exit(130); });
}

let tmpRoot;
function tmpDir(prefix) {
  if (!tmpRoot) {
    tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cocreate-test-'));
    process.on('exit', () => {
      if (!process.env.COCREATE_KEEP_TMP) fs.rmSync(tmpRoot, { recursive: true, force: true });
    });
  }
  return fs.mkdtempSync(path.join(tmpRoot, prefix));
}

function binaryExists() {
  try {
    fs.accessSync(BIN, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Parses "host=/tmp/x port=5432 dbname=cocreate user=postgres" into an object.
function parseConninfo(s) {
  const out = {};
  for (const part of s.trim().split(/\s+/)) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

function engine() {
  const env = process.env.COCREATE_TEST_DATABASE || '';
  return env.startsWith('postgresql:') ? 'postgresql' : 'sqlite';
}

// A fresh, empty database URL for one server.
function freshDatabaseUrl(kind = engine()) {
  if (kind === 'postgresql') {
    const env = process.env.COCREATE_TEST_DATABASE;
    if (!env || !env.startsWith('postgresql:')) throw new Error('COCREATE_TEST_DATABASE=postgresql:<conninfo> is not set');
    const ci = parseConninfo(env.slice('postgresql:'.length));
    const name = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    execFileSync('psql', ['-X', '-q', '-h', ci.host, '-p', ci.port || '5432', '-U', ci.user || 'postgres', '-d', 'postgres',
      '-v', 'ON_ERROR_STOP=1', '-c', `create database ${name}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const parts = { ...ci, dbname: name };
    return 'postgresql:' + Object.entries(parts).map(([k, v]) => `${k}=${v}`).join(' ');
  }
  const dir = tmpDir('sqlite-');
  return `sqlite:${path.join(dir, 'cocreate.db')}`;
}

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

async function startServer(opts = {}) {
  if (!binaryExists()) throw new Error(`cocreate binary not found at ${BIN} (build it, or set COCREATE_BIN)`);
  const databaseUrl = opts.databaseUrl || freshDatabaseUrl(opts.engine);
  const dir = tmpDir('srv-');
  const portFile = path.join(dir, 'port');
  // The database goes in through COCREATE_DATABASE: the binary takes --database as an option of
  // the program (before `serve`), and the environment variable works wherever the flag sits.
  const args = ['serve', '--host', '127.0.0.1', '--port', '0', '--port-file', portFile, ...(opts.args || [])];
  const logPath = path.join(dir, 'server.log');
  const log = fs.openSync(logPath, 'a');
  const child = spawn(BIN, args, {
    cwd: dir,
    stdio: ['ignore', log, log],
    env: { ...process.env, COCREATE_DATABASE: databaseUrl, ...(opts.env || {}) },
  });
  fs.closeSync(log);
  live.add(child);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => { exited = { code, signal }; live.delete(child); resolve(exited); });
    child.on('error', (err) => { exited = { code: -1, signal: null, err }; live.delete(child); resolve(exited); });
  });

  const readLog = () => { try { return fs.readFileSync(logPath, 'utf8').slice(-4000); } catch { return ''; } };

  const deadline = Date.now() + (opts.startTimeoutMs || 30000);
  let port = null;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`cocreate exited during start (${JSON.stringify(exited)}):\n${readLog()}`);
    try {
      const txt = fs.readFileSync(portFile, 'utf8').trim();
      if (/^\d+$/.test(txt) && Number(txt) > 0) { port = Number(txt); break; }
    } catch { /* not yet */ }
    await sleep(20);
  }
  if (!port) {
    child.kill('SIGKILL');
    throw new Error(`cocreate did not write ${portFile} in time:\n${readLog()}`);
  }

  const srv = {
    port,
    host: '127.0.0.1',
    url: `http://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    databaseUrl,
    pid: child.pid,
    logPath,
    log: readLog,
    get exited() { return exited; },
    async kill(signal = 'SIGKILL') {
      if (!exited) child.kill(signal);
      return exitPromise;
    },
    async stop() {
      if (exited) return exited;
      child.kill('SIGTERM');
      let timer;
      const res = await Promise.race([exitPromise, new Promise((r) => { timer = setTimeout(() => r(null), 10000); })]);
      clearTimeout(timer);
      if (res) return res;
      child.kill('SIGKILL');
      return exitPromise;
    },
  };
  running.add(srv);
  exitPromise.then(() => running.delete(srv));
  return srv;
}

// One file-level after() hook, registered when a test file requires this module at its top
// level, stops every server still running when the file's tests are done (passed or not).
// (An after() registered from inside a before() hook would run right after that hook.)
const running = new Set();
async function stopAll() {
  await Promise.all([...running].map((s) => s.stop()));
}
try {
  require('node:test').after(stopAll);
} catch { /* not under node:test */ }

module.exports = { startServer, freshDatabaseUrl, binaryExists, engine, BIN, ROOT, sleep, tmpDir, parseConninfo };
