// Starts the real cocreate server for the e2e run, on a fresh SQLite database in a temporary
// folder, serving the built web app; stops it when the run ends. Set COCREATE_BIN to use another
// binary, or COCREATE_E2E_URL to test a server that is already running (nothing is started then).
// The server's clock follows a test offset file (seconds ahead of real time, "0" at the start);
// its path is in COCREATE_E2E_CLOCK_FILE, and `advanceClock` in app.ts moves it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(file: string, server: ChildProcess, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`cocreate exited with code ${server.exitCode} before listening (see tests/e2e/artifacts/server.log)`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').trim());
      if (port > 0) return port;
    }
    await sleep(50);
  }
  throw new Error(`cocreate did not write ${file} within ${timeoutMs} ms`);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${url}/healthz did not answer within ${timeoutMs} ms`);
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  if (process.env.COCREATE_E2E_URL) return async () => undefined;

  const web = dirname(config.configFile ?? resolve(__dirname, '../../../web/playwright.config.ts'));
  const bin = process.env.COCREATE_BIN ?? resolve(web, '../build/cocreate');
  const webRoot = resolve(web, 'dist');
  if (!existsSync(bin)) throw new Error(`no cocreate binary at ${bin}: build it first, or set COCREATE_BIN`);
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`no built web app at ${webRoot}: run "npm run build" in web/ first`);

  const artifacts = resolve(web, '../tests/e2e/artifacts');
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'cocreate-e2e-'));
  const portFile = join(dir, 'port');
  const clockFile = join(dir, 'clock-offset');
  writeFileSync(clockFile, '0\n');
  const log = createWriteStream(join(artifacts, 'server.log'));
  const server = spawn(
    bin,
    [
      '--database', `sqlite:${join(dir, 'e2e.db')}`,
      'serve',
      '--host', '127.0.0.1',
      '--port', '0',
      '--port-file', portFile,
      '--web-root', webRoot,
      '--test-clock-offset-file', clockFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      const deadline = Date.now() + 5000;
      while (server.exitCode === null && Date.now() < deadline) await sleep(50);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    log.end();
    delete process.env.COCREATE_E2E_CLOCK_FILE;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const port = await waitForPort(portFile, server, 30_000);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, 10_000);
    process.env.COCREATE_E2E_URL = url;
    process.env.COCREATE_E2E_CLOCK_FILE = clockFile;
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
