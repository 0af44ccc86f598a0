// Merges a staging fragment into the OpenAPI contract, as text, so that everything else in the
// contract (comments, quoting, folded descriptions, the "plain YAML layout" that
// src/app/contract_test.cpp reads) stays exactly as it is.
//
//   node api/staging/merge.mjs api/openapi.yaml api/staging/ideas.yaml > out.yaml
//
// The fragment has top-level keys `paths` (appended to the contract's `paths:`) and any of the
// `components:` sections, e.g. `schemas` (appended to `components: schemas:`, re-indented two
// spaces deeper). The fragment's comments above its first key are dropped. The tag named by
// the fragment's file name (ideas.yaml → `ideas`) is added to the top-level `tags` when
// missing, with the description in TAGS. Refuses (exit 1, nothing on stdout) when a
// path or component already exists, and checks that the result parses to the contract plus
// the fragment and nothing else. Uses the `yaml` package of tests/node_modules.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(new URL('../../tests/package.json', import.meta.url));
const YAML = require('yaml');

const TAGS = {
  projects:
    'Co-innovation projects: phase frameworks and their versions, projects, gate reviews, KPI values, health, the portfolio board and the funnel.',
  ideas:
    'Ideas and challenges: challenges with dated phases and a versioned protocol, ideas, votes, build-on links, comments, stakeholder interest, reviews, attachments, moderation, points and promotion into projects.',
};

function fail(message) {
  process.stderr.write(`merge: ${message}\n`);
  process.exit(1);
}

const [basePath, fragmentPath] = process.argv.slice(2);
if (!basePath || !fragmentPath) fail('usage: node api/staging/merge.mjs api/openapi.yaml api/staging/<fragment>.yaml > out.yaml');

const baseText = fs.readFileSync(basePath, 'utf8');
const fragmentText = fs.readFileSync(fragmentPath, 'utf8');
if (baseText.includes('\r') || fragmentText.includes('\r')) fail('CRLF line endings are not supported');

const parse = (text, name) => {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) fail(`${name}: ${doc.errors[0].message}`);
  return doc.toJS();
};
const base = parse(baseText, basePath);
const fragment = parse(fragmentText, fragmentPath);
if (!fragment || typeof fragment !== 'object') fail(`${fragmentPath}: not a mapping`);

const isTopLevelKey = (line) => /^[^\s#][^:]*:(\s|$)/.test(line);
const indentOf = (line) => line.length - line.trimStart().length;
const isBlankOrComment = (line) => line.trim() === '' || line.trimStart().startsWith('#');

// The lines of the fragment's top-level `key:` block (without the key line), trailing blank
// lines removed.
function fragmentBlock(lines, key) {
  const start = lines.findIndex((l) => l.replace(/\s+$/, '') === `${key}:`);
  if (start < 0) fail(`${fragmentPath}: no top-level "${key}:" line (write blocks in block style)`);
  let end = start + 1;
  while (end < lines.length && !isTopLevelKey(lines[end])) end++;
  const block = lines.slice(start + 1, end);
  while (block.length && block[block.length - 1].trim() === '') block.pop();
  // Comments written at column 0 right before the next key belong to it; they would be
  // misplaced, so refuse them.
  if (block.some((l) => /^#/.test(l))) fail(`${fragmentPath}: indent the comments inside "${key}:"`);
  return block;
}

// Index just past the last non-blank line of the block that starts at `start` and ends before
// the first following line that is not blank/comment and has an indentation <= `indent`.
function blockEnd(lines, start, indent) {
  let end = start + 1;
  while (end < lines.length && (isBlankOrComment(lines[end]) || indentOf(lines[end]) > indent)) end++;
  // Comments right before the next key at this level belong to that key.
  while (end > start + 1 && isBlankOrComment(lines[end - 1])) end--;
  return end;
}

const lines = baseText.split('\n');
const fragmentLines = fragmentText.split('\n');
const insertions = []; // {at, lines}

const sections = Object.keys(fragment);
if (!sections.includes('paths')) fail(`${fragmentPath}: no "paths" key`);
for (const section of sections) {
  const entries = fragment[section];
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) fail(`${fragmentPath}: "${section}" is not a mapping`);
  const block = fragmentBlock(fragmentLines, section);
  if (section === 'paths') {
    for (const p of Object.keys(entries)) if (base.paths && p in base.paths) fail(`path ${p} is already in ${basePath}`);
    const start = lines.findIndex((l) => l === 'paths:');
    if (start < 0) fail(`${basePath}: no top-level "paths:" line`);
    insertions.push({ at: blockEnd(lines, start, 0), lines: ['', ...block] });
  } else {
    const existing = base.components?.[section] ?? {};
    for (const k of Object.keys(entries)) if (k in existing) fail(`components.${section}.${k} is already in ${basePath}`);
    const components = lines.findIndex((l) => l === 'components:');
    if (components < 0) fail(`${basePath}: no top-level "components:" line`);
    const componentsEnd = blockEnd(lines, components, 0);
    const start = lines.findIndex((l, i) => i > components && i < componentsEnd && l === `  ${section}:`);
    const shifted = block.map((l) => (l.trim() === '' ? '' : `  ${l}`));
    if (start < 0) insertions.push({ at: componentsEnd, lines: ['', `  ${section}:`, ...shifted] });
    else insertions.push({ at: blockEnd(lines, start, 2), lines: ['', ...shifted] });
  }
}

const tagName = fragmentPath.split('/').pop().replace(/\.ya?ml$/, '');
if (!TAGS[tagName]) fail(`no tag description for "${tagName}" in TAGS`);
const TAG = { name: tagName, description: TAGS[tagName] };
const hasTag = (base.tags ?? []).some((t) => t.name === TAG.name);
if (!hasTag) {
  const start = lines.findIndex((l) => l === 'tags:');
  if (start < 0) fail(`${basePath}: no top-level "tags:" line`);
  insertions.push({
    at: blockEnd(lines, start, 0),
    lines: [`  - name: ${TAG.name}`, '    description: >-', ...foldText(TAG.description, 6, 100)],
  });
}

function foldText(text, indent, width) {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      out.push(' '.repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(' '.repeat(indent) + line);
  return out;
}

// Insert from the bottom up so earlier indices stay valid.
insertions.sort((a, b) => b.at - a.at);
for (const { at, lines: add } of insertions) lines.splice(at, 0, ...add);
const merged = lines.join('\n');

// The result must be the contract plus the fragment (and the tag), nothing else.
const result = parse(merged, 'merged result');
const expected = structuredClone(base);
expected.paths = { ...base.paths, ...fragment.paths };
for (const section of sections.filter((s) => s !== 'paths')) {
  expected.components ??= {};
  expected.components[section] = { ...(base.components?.[section] ?? {}), ...fragment[section] };
}
if (!hasTag) expected.tags = [...(base.tags ?? []), TAG];
if (!isDeepStrictEqual(result, expected)) fail('the merged text does not parse to the contract plus the fragment (check the fragment\'s layout)');
if (!isDeepStrictEqual(Object.keys(result.paths), Object.keys(expected.paths))) fail('path order changed');

// src/app/contract_test.cpp reads operations as two-space path keys and four-space method
// keys under `paths:`; it must see every operation of the result.
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
function contractOperations(text) {
  const ops = new Set();
  let inPaths = false;
  let path = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('paths:')) { inPaths = true; continue; }
    if (inPaths && line !== '' && line[0] !== ' ' && line[0] !== '#') inPaths = false;
    if (!inPaths) continue;
    if (line.length > 3 && line.startsWith('  /') && line.endsWith(':')) {
      path = line.slice(2, -1);
      if (path.length > 1 && path[0] === "'") path = path.slice(1, -1);
      continue;
    }
    for (const m of METHODS) if (line === `    ${m}:`) ops.add(`${m.toUpperCase()} ${path}`);
  }
  return ops;
}
const parsedOps = new Set();
for (const [p, item] of Object.entries(result.paths)) for (const m of METHODS) if (item[m]) parsedOps.add(`${m.toUpperCase()} ${p}`);
const lineOps = contractOperations(merged);
for (const op of parsedOps) if (!lineOps.has(op)) fail(`${op} is not written in the plain layout contract_test.cpp reads`);
for (const op of lineOps) if (!parsedOps.has(op)) fail(`${op} is read by contract_test.cpp's layout but is no operation`);

process.stdout.write(merged);
