import { ADA, apiPost, baseURL, expect, ensureSetup, saveScreen, signIn, test, type Person } from './support/app';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Script injection through ideas and comments. Every payload of fixtures/xss-payloads.json would
// set `window.__xss` if it ran. They go in through the API as idea descriptions (one stand-alone
// idea per payload, its title starting with the payload too) and as comments on one idea; then
// the pages that show them are opened in one browser page, whose `window.__xss` and dialogs are
// watched: every idea page, the idea with all the comments, the list of all ideas, its search,
// and the similar-ideas suggestions with payloads typed in. On each, the rendered text is hovered,
// clicked and focused (real pointer events on the area, synthetic ones on every element in it),
// and the DOM is checked for what a sanitizer must never let through: event-handler attributes,
// script-capable URLs and elements, titles parsed as HTML.
//
// The markdown the server renders is the only HTML the app inserts (ServerHtml in the ideas
// module), so the areas checked are those (`.mantine-Typography-root`) plus the page around them.
test.describe.configure({ mode: 'serial' });
// Hundreds of steps: a trace of them all would cost more than the steps.
test.use({ trace: 'off' });

const run = Math.random().toString(36).slice(2, 6);
const XENA: Person = { email: `xena.xss.${run}@e2e.test`, password: 'e2e xss password 1', name: `Xena Tester ${run}` };
const SPACE = `Injection lab ${run}`;
const HOST = `Comments with payloads ${run}`;

// The API refuses control characters other than tab, line feed and carriage return (422).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const all: string[] = JSON.parse(readFileSync(resolve(__dirname, 'fixtures', 'xss-payloads.json'), 'utf8'));
const payloads = all.map((text, index) => ({ text, index })).filter((p) => !CONTROL.test(p.text));

const marker = (index: number) => `XSS #${String(index).padStart(3, '0')} ${run} ·`;
/** The payload on one line after the marker, within the 200 characters of a title. */
const titleOf = (p: { text: string; index: number }) => `${marker(p.index)} ${p.text.replace(/\s+/g, ' ')}`.slice(0, 200).trim();

const state: { spaceId?: number; hostId?: number; ideas: { id: number; index: number }[] } = { ideas: [] };

const csrf = { 'X-Cocreate-Csrf': '1' };

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const r = await request.post(`${baseURL()}${path}`, { headers: csrf, data });
  expect(r.status(), `${path}: ${await r.text()}`).toBe(201);
  return (await r.json()) as T;
}

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(120_000);
  await ensureSetup(request);
  expect(all.length).toBeGreaterThan(400);
  const admin = await browser.newContext();
  await signIn(admin, ADA);
  await apiPost(admin, '/api/v1/users', { email: XENA.email, display_name: XENA.name, password: XENA.password, role: 'member' });
  state.spaceId = (
    await apiPost<{ id: number }>(admin, '/api/v1/spaces', { name: SPACE, description: 'Payloads only.', kind: 'community', external_allowed: false, experimental: false })
  ).id;
  await admin.close();

  // Xena writes every payload: as an idea of its own, and as a comment on one more idea.
  const xena = await browser.newContext();
  await signIn(xena, XENA);
  // The ones left out are refused, not stored.
  for (const text of all.filter((t) => CONTROL.test(t))) {
    const r = await xena.request.post(`${baseURL()}/api/v1/ideas`, { headers: csrf, data: { space_id: state.spaceId, title: 'Control characters', description: text } });
    expect(r.status(), JSON.stringify(text)).toBe(422);
  }
  const created: { id: number; index: number }[] = [];
  await pool(payloads, 6, async (p) => {
    const idea = await post<{ id: number }>(xena.request, '/api/v1/ideas', { space_id: state.spaceId, title: titleOf(p), description: p.text });
    created.push({ id: idea.id, index: p.index });
  });
  state.ideas = created.sort((a, b) => a.index - b.index);
  state.hostId = (await post<{ id: number }>(xena.request, '/api/v1/ideas', { space_id: state.spaceId, title: HOST, description: 'Each comment below is a payload.' })).id;
  // In order, so that the page lists them as the fixture does.
  for (const p of payloads) await post(xena.request, `/api/v1/ideas/${state.hostId}/comments`, { body: p.text, confirm_tone: true });
  await xena.close();
});

interface Watch {
  context: BrowserContext;
  page: Page;
  /** Dialogs the page opened (alert, confirm, prompt, beforeunload …), with where it was. */
  dialogs: string[];
}

/** What the init script below adds to `window` (not enumerable; nothing in the app reads it). */
interface Probe {
  __xss: unknown;
  /** Where `window.__xss` was written: the path and query at the time. */
  __xssWrites: string[];
  /** alert/confirm/prompt/print calls. */
  __xssCalls: string[];
  /** Pokes the rendered markdown inside `scope` and lists what a sanitizer must not let through. */
  __xssInspect: (scope: string) => string[];
  /** Navigates client-side to `path`, waits for the main heading to contain `mark`, then inspects `scope`. */
  __xssVisit: (path: string, mark: string, scope: string) => Promise<string[]>;
}

/**
 * Runs in every document before the app: records every write to `window.__xss` (with the path it
 * happened on) and every alert/confirm/prompt call, keeps clicks on harmless links inside
 * rendered markdown from navigating away (script URLs are let through, so that they would run
 * and be caught), and defines the inspection the test runs on each page (one round trip each).
 */
function installProbe(): void {
  const w = window as unknown as Probe & Record<string, unknown>;
  const hidden = (name: string, value: unknown) => Object.defineProperty(w, name, { value, enumerable: false });
  const writes: string[] = [];
  const calls: string[] = [];
  let value: unknown;
  hidden('__xssWrites', writes);
  hidden('__xssCalls', calls);
  Object.defineProperty(w, '__xss', {
    enumerable: false,
    get: () => value,
    set: (v) => {
      value = v;
      writes.push(`${location.pathname}${location.search}`);
    },
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = w[name] as (...args: unknown[]) => unknown;
    w[name] = function (...args: unknown[]) {
      calls.push(`${name}(${args.map(String).join(', ')}) on ${location.pathname}`);
      return original.apply(window, args);
    };
  }

  const blank = (text: string) => text.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const scriptUrl = /^(javascript|vbscript|livescript):/;
  const inMarkdown = (target: EventTarget | null) => target instanceof Element && target.closest('.mantine-Typography-root') !== null;
  document.addEventListener(
    'click',
    (event) => {
      if (!inMarkdown(event.target)) return;
      const link = (event.target as Element).closest('a[href], area[href]');
      if (link && !scriptUrl.test(blank(link.getAttribute('href') ?? '')) && !blank(link.getAttribute('href') ?? '').startsWith('data:')) event.preventDefault();
    },
    true,
  );
  document.addEventListener('submit', (event) => inMarkdown(event.target) && event.preventDefault(), true);

  const mouse = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'pointermove', 'mousemove', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick', 'contextmenu', 'wheel', 'pointerout', 'pointerleave', 'mouseout', 'mouseleave'];
  const other = ['animationstart', 'animationend', 'transitionend', 'toggle', 'load', 'error', 'input', 'change', 'copy', 'cut', 'paste', 'dragstart', 'drop', 'scroll', 'focusin'];
  const forbidden = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'form', 'button', 'textarea', 'select', 'keygen', 'isindex', 'svg', 'math', 'template', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes', 'marquee', 'video', 'audio', 'source', 'details', 'body', 'html', 'head', 'title'];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'dynsrc', 'lowsrc', 'srcdoc', 'srcset', 'ping', 'cite', 'longdesc', 'codebase', 'manifest'];

  hidden('__xssInspect', (scope: string): string[] => {
    const problems: string[] = [];
    for (const root of document.querySelectorAll(`${scope} .mantine-Typography-root`)) {
      // The root and its one child are the app's (ServerHtml); what the server sent is inside.
      const inserted = new Set(root.firstElementChild?.querySelectorAll('*') ?? []);
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const init = { bubbles: true, cancelable: true, composed: true, view: window };
        for (const type of mouse) el.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : type === 'wheel' ? new WheelEvent(type, init) : new MouseEvent(type, init));
        for (const type of other) el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
        if (el instanceof HTMLElement || el instanceof SVGElement) {
          el.focus();
          el.blur();
        }
        if (!inserted.has(el)) continue;
        const tag = el.localName;
        const checkbox = tag === 'input' && el.getAttribute('type') === 'checkbox' && el.hasAttribute('disabled');
        if (forbidden.includes(tag) || tag.includes('-') || (tag === 'input' && !checkbox)) problems.push(`element <${tag}> in rendered markdown`);
        if (el.hasAttribute('style')) problems.push(`style attribute on <${tag}> in rendered markdown`);
      }
    }
    // Anywhere in the document: React never renders handler attributes or script URLs itself.
    for (const el of document.querySelectorAll('*')) {
      for (const attribute of el.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`event handler ${name} on <${el.localName}>`);
        if (!urlAttributes.includes(name)) continue;
        const url = blank(attribute.value);
        if (scriptUrl.test(url)) problems.push(`script URL in ${name} on <${el.localName}>`);
        if (url.startsWith('data:') && !/^data:image\/(png|gif|jpeg|webp);/.test(url)) problems.push(`data URL in ${name} on <${el.localName}>`);
      }
    }
    // The page's own heading is text: nothing in it but what the app puts there.
    const heading = document.querySelector('main h1');
    for (const el of heading?.querySelectorAll('*') ?? []) if (!['span', 'svg', 'path'].includes(el.localName)) problems.push(`element <${el.localName}> in the page heading`);
    return problems;
  });

  hidden('__xssVisit', async (path: string, mark: string, scope: string): Promise<string[]> => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    const deadline = performance.now() + 15_000;
    const ready = () => (document.querySelector('main h1')?.textContent ?? '').includes(mark) && document.querySelector(`${scope} .mantine-Typography-root`) !== null;
    while (!ready()) {
      if (performance.now() > deadline) return [`${path} did not show “${mark}” within 15 s`];
      await new Promise((r) => requestAnimationFrame(r));
    }
    return w.__xssInspect(scope);
  });
}

/**
 * A signed-in page with the probe. The server's Content-Security-Policy (script-src 'self') would
 * block inline handlers and script URLs by itself; it is bypassed here, so that what is watched is
 * the first line of defence — the server's sanitizer and the app's rendering — on its own. (The
 * first test checks that the policy is sent.)
 */
async function watchedPage(browser: Browser): Promise<Watch> {
  const context = await browser.newContext({ bypassCSP: true });
  await context.addInitScript(installProbe);
  await signIn(context, XENA);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return { context, page, dialogs };
}

/** Pokes the rendered markdown inside `scope` and lists what should not be there (see installProbe). */
async function pokeAndInspect(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => (window as unknown as Probe).__xssInspect(selector), scope);
}

/**
 * Real pointer and keyboard use of an area: hover, a click near its start, focus moved on. An area
 * the server emptied (it dropped the whole payload) has no size: its section takes the pointer.
 */
async function useArea(page: Page, area: Locator, around: Locator): Promise<void> {
  const box = await area.boundingBox();
  const target = box && box.width > 4 && box.height > 4 ? area : around;
  await target.hover();
  await target.click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Tab');
}

/**
 * The probe sees what it must: a handler that runs (an image that fails to load), its attribute,
 * and an alert. Then it is reset, so a test that finds nothing has looked.
 */
async function expectProbeWorks(watch: Watch): Promise<void> {
  const seen = await watch.page.evaluate(async () => {
    const w = window as unknown as Probe;
    const canary = document.createElement('div');
    canary.innerHTML = '<img src="/xss-canary-missing.png" onerror="window.__xss=1">';
    document.body.append(canary);
    const deadline = performance.now() + 5000;
    while (w.__xss === undefined && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const found = { value: w.__xss, writes: w.__xssWrites.length, inspected: w.__xssInspect('main') };
    window.alert('canary');
    canary.remove();
    w.__xss = undefined;
    w.__xssWrites.length = 0;
    const calls = w.__xssCalls.splice(0);
    return { ...found, calls };
  });
  expect(seen).toEqual({ value: 1, writes: 1, inspected: ['event handler onerror on <img>'], calls: [`alert(canary) on ${new URL(watch.page.url()).pathname}`] });
  await expect.poll(() => watch.dialogs.length).toBe(1);
  watch.dialogs.length = 0;
}

/** What went wrong on the page so far: writes to __xss, dialog calls, dialogs opened. */
async function fired(watch: Watch): Promise<string[]> {
  const { writes, calls } = await watch.page.evaluate(() => {
    const w = window as unknown as Probe;
    return { writes: [...w.__xssWrites], calls: [...w.__xssCalls] };
  });
  return [...writes.map((where) => `window.__xss was set on ${where}`), ...calls, ...watch.dialogs];
}

test('no idea description or title runs script on its idea page', async ({ browser }) => {
  test.setTimeout(240_000);
  const watch = await watchedPage(browser);
  const { page } = watch;
  const failures: string[] = [];
  const scope = 'main section[aria-labelledby="idea-heading"]';
  const section = page.getByRole('main').getByRole('region', { name: 'The idea' });
  // A full load for the first page, then client-side navigation (one round trip per idea).
  const [first] = state.ideas;
  const response = await page.goto(`/ideas/${first!.id}`);
  // The second line of defence: inline script and script URLs are refused by policy.
  const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scriptSrc, `Content-Security-Policy: ${policy}`).toMatch(/'self'/);
  expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:/);
  await expect(page.locator('main h1').first()).toContainText(marker(first!.index));
  await expectProbeWorks(watch);
  for (const [n, { id, index }] of state.ideas.entries()) {
    const problems = await page.evaluate(
      ([path, mark, where]) => (window as unknown as Probe).__xssVisit(path!, mark!, where!),
      [`/ideas/${id}`, marker(index), scope],
    );
    // Real pointer and keyboard on every twentieth (each costs a few round trips).
    if (n % 20 === 0) await useArea(page, section.locator('.mantine-Typography-root'), section);
    const ran = await fired(watch);
    for (const p of [...problems, ...ran]) failures.push(`payload ${index} (idea ${id}): ${p}`);
    if (ran.length > 0) break; // Everything after it would be blamed for it too.
    if (index === 8) await saveScreen(page, 'ideas-xss-idea-light', false);
  }
  await page.waitForTimeout(500); // Late handlers (an image that fails to load) get their chance.
  failures.push(...(await fired(watch)).map((p) => `after the last idea page: ${p}`));
  expect(failures, 'script ran or unsafe markup was rendered').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Probe).__xss)).toBeUndefined();
  await watch.context.close();
});

test('no comment runs script on the idea page that lists them all', async ({ browser }) => {
  test.setTimeout(120_000);
  const watch = await watchedPage(browser);
  const { page } = watch;
  await page.goto(`/ideas/${state.hostId}`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: HOST, level: 1 })).toBeVisible();
  await expectProbeWorks(watch);
  const comments = main.getByRole('region', { name: `${payloads.length} comments` });
  await expect(comments).toBeVisible({ timeout: 20_000 });
  const bodies = comments.getByRole('list', { name: 'Comments' }).locator('.mantine-Typography-root');
  await expect(bodies).toHaveCount(payloads.length);
  const problems = await pokeAndInspect(page, 'main section[aria-labelledby="comments-heading"]');
  // Real pointer and keyboard on a sample spread over the list.
  for (let n = 0; n < payloads.length; n += 25) await useArea(page, bodies.nth(n), comments.getByRole('article').nth(n));
  await page.waitForTimeout(500);
  const ran = await fired(watch);
  await comments.getByRole('heading', { level: 2 }).scrollIntoViewIfNeeded();
  await saveScreen(page, 'ideas-xss-comments-light', false);
  expect([...problems, ...ran], 'script ran or unsafe markup was rendered').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Probe).__xss)).toBeUndefined();
  await watch.context.close();
});

test('the list of all ideas, its search and the similar-ideas suggestions stay inert', async ({ browser }) => {
  test.setTimeout(120_000);
  const watch = await watchedPage(browser);
  const { page } = watch;
  const main = page.getByRole('main');

  // Every idea of the space in the list, page after page: titles and excerpts as text.
  await page.goto(`/ideas/all?space=${state.spaceId}`);
  const list = main.getByRole('list', { name: 'All ideas' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expectProbeWorks(watch);
  const more = main.getByRole('button', { name: 'Load more' });
  while (await more.isVisible()) {
    const before = await list.getByRole('listitem').count();
    await more.click();
    await expect(list.getByRole('listitem')).not.toHaveCount(before);
  }
  await expect(list.getByRole('listitem')).toHaveCount(payloads.length + 1);
  const rows = list.getByRole('listitem');
  for (let n = 0; n < payloads.length; n += 40) await rows.nth(n).hover();
  const problems = await pokeAndInspect(page, 'main');
  // Titles are text: no list item holds markup a payload made (badges and icons aside).
  const parsed = await list.evaluate((ul) =>
    [...ul.querySelectorAll('a')].flatMap((a) => [...a.querySelectorAll('*')].map((e) => e.localName)).filter((t) => !['svg', 'path', 'span'].includes(t)),
  );
  problems.push(...parsed.map((t) => `element <${t}> in a title in the list`));
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreen(page, 'ideas-xss-list-light', false);

  // The search, with payloads as the words searched for.
  const search = main.getByRole('textbox', { name: 'Search' });
  for (const text of ['<img src=x onerror=window.__xss=1>', '"><script>window.__xss=1</script>', 'javascript:window.__xss=1']) {
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/ideas?') && r.url().includes('q='));
    await search.fill(text);
    await answered;
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(main.getByRole('list', { name: 'All ideas' }).or(main.getByText('Nothing matches these filters'))).toBeVisible();
    problems.push(...(await pokeAndInspect(page, 'main')));
  }

  // The submit form, with payloads typed in: the suggestions show titles and snippets as text.
  await page.goto(`/ideas/new?space=${state.spaceId}`);
  const similar = main.getByRole('region', { name: 'Similar ideas' });
  const title = main.getByRole('textbox', { name: 'Title' });
  const body = main.getByRole('textbox', { name: 'Description' });
  const sample = payloads.filter((_, n) => n % 40 === 3);
  for (const p of sample) {
    // The panel asks once typing pauses; wait for that answer, not the one before it.
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/ideas/similar?'));
    await title.fill(p.text.replace(/\s+/g, ' ').slice(0, 200));
    await body.fill(p.text);
    await answered;
    await expect(similar.getByRole('status')).toHaveText(/similar ideas? found|No similar ideas found/);
    const suggestions = similar.getByRole('list', { name: 'Similar ideas, best match first' }).getByRole('listitem');
    for (const item of (await suggestions.all()).slice(0, 2)) await item.hover();
    problems.push(...(await pokeAndInspect(page, 'main')).map((x) => `similar ideas for payload ${p.index}: ${x}`));
  }
  await saveScreen(page, 'ideas-xss-similar-light', false);
  // Leave nothing behind in the tab's draft.
  await title.fill('');
  await body.fill('');

  await page.waitForTimeout(500);
  const ran = await fired(watch);
  expect([...problems, ...ran], 'script ran or unsafe markup was rendered').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as Probe).__xss)).toBeUndefined();
  await watch.context.close();
});
