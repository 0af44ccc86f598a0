import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The committed generated types must be what `npm run gen:api` makes from api/openapi.yaml now.
// When this fails: run `npm run gen:api` in web/, fix what no longer compiles, commit both.
const web = resolve(__dirname, '..', '..');
const contract = resolve(web, '..', 'api', 'openapi.yaml');
const committed = resolve(web, 'src', 'api', 'schema.d.ts');
const cli = resolve(web, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

describe('generated API types', () => {
  it('match a fresh generation from api/openapi.yaml (run `npm run gen:api` if not)', () => {
    expect(existsSync(contract), `${contract} is missing`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cocreate-schema-'));
    try {
      const fresh = join(dir, 'schema.d.ts');
      execFileSync(process.execPath, [cli, contract, '-o', fresh], { cwd: web, stdio: 'pipe' });
      const same = readFileSync(fresh, 'utf8') === readFileSync(committed, 'utf8');
      expect(same, 'web/src/api/schema.d.ts is stale: run `npm run gen:api` in web/').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
