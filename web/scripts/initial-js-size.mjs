#!/usr/bin/env node
// Prints the gzipped size of the JavaScript a first visit downloads: the scripts and
// modulepreloads referenced by dist/index.html (lazy page chunks are not counted).
// Usage: node scripts/initial-js-size.mjs [--json] [--budget-kb 250]; exits 1 over budget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const args = process.argv.slice(2);
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 250;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);

const files = [...refs].map((ref) => {
  const body = readFileSync(join(dist, ref.replace(/^\//, '')));
  return { file: ref, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
});
const total = files.reduce((sum, f) => sum + f.gzip, 0);
const result = { files, total_bytes: files.reduce((s, f) => s + f.bytes, 0), total_gzip_bytes: total, budget_gzip_bytes: budgetKb * 1024 };

if (args.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  for (const f of files.sort((a, b) => b.gzip - a.gzip)) console.log(`${(f.gzip / 1024).toFixed(1).padStart(8)} KB  ${f.file}`);
  console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzipped (budget ${budgetKb} KB)`);
}
process.exit(total > budgetKb * 1024 ? 1 : 0);
