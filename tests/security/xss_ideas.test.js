// Idea descriptions and comments are markdown written by anyone in a space, external
// participants included. Every payload of tests/e2e/fixtures/xss-payloads.json (214 vectors,
// each alone and inside ordinary text) goes in as an idea description and as a comment; the
// HTML the server renders for them (`description_html`, `body_html`) must contain nothing that
// runs: no script-capable element, no event-handler attribute, no link or source outside
// http(s), mailto and same-site paths. The browser side (tests/e2e/10-ideas-xss.spec.ts) shows
// the same ideas and checks that nothing ran.
'use strict';

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { startServer } = require('../support/server');
const { Api, unique, expectStatus } = require('../support/client');
const { spaceWith, submitIdea } = require('../support/ideas');

const PAYLOADS = require(path.join(__dirname, '..', 'e2e', 'fixtures', 'xss-payloads.json'));

// Elements that run script, load other documents or change how the page behaves.
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea', 'option', 'video', 'audio', 'source',
  'track', 'portal', 'template', 'noscript', 'xml', 'layer', 'bgsound', 'marquee', 'details', 'body', 'html', 'head',
  'isindex', 'keygen', 'picture', 'xss', 'x']);
// What the renderer may write, and the attributes each may carry.
const ALLOWED_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'align', 'start', 'type', 'checked', 'disabled', 'class']);

// Every problem with `html`, as sentences (empty when it is safe).
function unsafe(html) {
  const problems = [];
  const tag = /<\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
  let m;
  while ((m = tag.exec(html))) {
    const name = m[1].toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`element <${name}>`);
    const attrs = /([^\s"'=<>/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
    let a;
    while ((a = attrs.exec(m[2]))) {
      const attr = a[1].toLowerCase();
      if (attr === '/') continue;
      if (attr.startsWith('on')) problems.push(`event handler ${attr} on <${name}>`);
      else if (!ALLOWED_ATTRIBUTES.has(attr)) problems.push(`attribute ${attr} on <${name}>`);
      if (attr === 'href' || attr === 'src') {
        const value = (a[2] || '').replace(/^["']|["']$/g, '').replace(/&#x?[0-9a-f]+;?/gi, '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (value && !/^(https?:|mailto:|\/|#|[a-z0-9._~-]+(\/|$|\?|#))/.test(value) ) problems.push(`${attr}="${value}" on <${name}>`);
        if (/^(javascript|vbscript|data):/.test(value)) problems.push(`${attr} with ${value.split(':')[0]}: on <${name}>`);
      }
    }
  }
  return problems;
}

test('the checker itself finds what it must', () => {
  assert.deepEqual(unsafe('<p>ok <a href="https://example.com/x">x</a> <img src="/a.png" alt="a"></p>'), []);
  assert.ok(unsafe('<script>x</script>').length > 0);
  assert.ok(unsafe('<img src=x onerror=alert(1)>').length > 0);
  assert.ok(unsafe('<a href="javascript:alert(1)">x</a>').length > 0);
  assert.ok(unsafe('<a href="jav&#x09;ascript:alert(1)">x</a>').length > 0);
  assert.ok(unsafe('<div style="x">x</div>').length > 0);
});

let author;
let reader;
let space;

before(async () => {
  const srv = await startServer();
  const api = new Api(srv);
  const admin = await api.setupAdmin();
  author = await api.createUser('member');
  const made = await spaceWith(api, admin, { roles: { member: [author] }, externals: { member: 1 } });
  space = made.space;
  [reader] = made.ext.member;
});

test(`${PAYLOADS.length} XSS payloads in idea descriptions and comments render to inert HTML`, async () => {
  assert.ok(PAYLOADS.length >= 400, `only ${PAYLOADS.length} payloads`);
  const problems = [];
  // One idea carries many comments; each payload is also a description of its own idea.
  const host = await submitIdea(author, { space_id: space.id }, { title: unique('XSS host '), description: 'Comments below.' });
  let refused = 0;
  for (let i = 0; i < PAYLOADS.length; i++) {
    const payload = PAYLOADS[i];
    const idea = await author.post('/api/v1/ideas', { space_id: space.id, title: `Payload ${i}`, description: payload });
    // Control characters other than line breaks and tabs are refused outright, naming the field.
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(payload)) {
      assert.equal(idea.status, 422, idea.describe());
      assert.equal(idea.json.field, 'description');
      const c = await author.post(`/api/v1/ideas/${host.id}/comments`, { body: payload, confirm_tone: true });
      assert.equal(c.status, 422, c.describe());
      assert.equal(c.json.field, 'body');
      refused += 1;
      continue;
    }
    expectStatus(idea, 201, `idea with payload ${i}`);
    const seen = await reader.get(`/api/v1/ideas/${idea.json.id}`);
    expectStatus(seen, 200, `the external reads payload ${i}`);
    assert.equal(seen.json.description, payload, 'the description is not kept as written');
    for (const p of unsafe(seen.json.description_html)) problems.push(`idea ${i}: ${p} in ${seen.json.description_html}`);
    const c = await author.post(`/api/v1/ideas/${host.id}/comments`, { body: payload, confirm_tone: true });
    expectStatus(c, 201, `comment with payload ${i}`);
    for (const p of unsafe(c.json.body_html)) problems.push(`comment ${i}: ${p} in ${c.json.body_html}`);
  }
  // Lists carry excerpts as plain text (the client shows them as text), never HTML fields.
  const list = await reader.get(`/api/v1/ideas?space_id=${space.id}&limit=200`);
  expectStatus(list, 200, 'list');
  for (const it of list.json.items) assert.ok(!('description_html' in it), 'a list item carries HTML');
  assert.ok(refused <= 4, `${refused} payloads were refused rather than rendered`);
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} unsafe renderings`);
});
