// Shared pieces of the e2e journeys: the base URL, the named people, sign-in helpers, the axe
// check, page screenshots and the server's test clock.
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const baseURL = (): string => {
  const url = process.env.COCREATE_E2E_URL;
  if (!url) throw new Error('COCREATE_E2E_URL is not set (the global setup starts the server)');
  return url;
};

/** Every test gets the server's URL as baseURL, so page.goto('/sign-in') works. */
export const test = base.extend({
  baseURL: async ({}, use) => use(baseURL()),
});
export { expect };

export interface Person {
  email: string;
  password: string;
  name: string;
}

/** The first administrator, created by the first-run journey (or by `ensureSetup`). */
export const ADA: Person = { email: 'ada.admin@e2e.test', password: 'e2e admin password 1', name: 'Ada Admin' };

const csrf = { 'X-Cocreate-Csrf': '1' };

/** Makes sure first-run setup happened (with ADA), so each spec file can also run alone. */
export async function ensureSetup(request: APIRequestContext): Promise<void> {
  const status = await request.get(`${baseURL()}/api/v1/setup`);
  expect(status.ok()).toBeTruthy();
  if ((await status.json()).needed) {
    const r = await request.post(`${baseURL()}/api/v1/setup`, {
      headers: csrf,
      data: { email: ADA.email, display_name: ADA.name, password: ADA.password },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
}

/** Signs `context` in through the API (its cookie jar is shared with its pages). */
export async function signIn(context: BrowserContext, person: Person): Promise<void> {
  const r = await context.request.post(`${baseURL()}/api/v1/auth/sign-in`, {
    headers: csrf,
    data: { email: person.email, password: person.password },
  });
  expect(r.status(), await r.text()).toBe(200);
}

/** Signs in through the sign-in form. */
export async function signInWithForm(page: Page, person: Person): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A JSON call with the context's session, for arranging data quickly. */
export async function apiPost<T>(context: BrowserContext, path: string, data: unknown, expected = 201): Promise<T> {
  const r = await context.request.post(`${baseURL()}${path}`, { headers: csrf, data });
  expect(r.status(), await r.text()).toBe(expected);
  return (await r.json()) as T;
}

/** No serious or critical axe violations (WCAG 2.1 A/AA) on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Let toasts and transitions settle so axe sees the page, not an animation frame.
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  expect(report, `${what}: axe found serious or critical violations`).toBe('');
}

const screens = resolve(__dirname, '..', 'artifacts', 'screens');

/** Saves a screenshot (the full page by default) as tests/e2e/artifacts/screens/<name>.png. */
export async function saveScreen(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screens, { recursive: true });
  await page.waitForLoadState('networkidle');
  // Skeletons and toasts fade; wait for them to go so the picture shows the page.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage });
}

// The server's clock runs ahead of real time by the seconds in COCREATE_E2E_CLOCK_FILE (see
// global-setup.ts); the server re-reads the file at most once a second.

/** Whether this run can move the server's clock (not when testing a server started elsewhere). */
export function clockIsControllable(): boolean {
  const file = process.env.COCREATE_E2E_CLOCK_FILE;
  return Boolean(file && existsSync(file));
}

function clockFile(): string {
  const file = process.env.COCREATE_E2E_CLOCK_FILE;
  if (!file || !existsSync(file)) throw new Error('COCREATE_E2E_CLOCK_FILE is not set (the global setup starts the server with a test clock)');
  return file;
}

/** How far the server's clock is ahead of real time now, in milliseconds. */
export function clockOffsetMs(): number {
  const seconds = Number(readFileSync(clockFile(), 'utf8').trim() || '0');
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0;
}

/** Sets the server's clock `seconds` ahead of real time, and waits until the server has read it. */
export async function setClockOffset(seconds: number): Promise<void> {
  const file = clockFile();
  // Write then rename, so the server never reads a half-written number.
  writeFileSync(`${file}.tmp`, `${seconds}\n`);
  renameSync(`${file}.tmp`, file);
  await new Promise((r) => setTimeout(r, 1200));
}

/**
 * Moves the server's clock `days` further ahead and waits (~1.2 s) until the server uses it.
 * Sessions expire after 30 idle minutes by that clock: sign in again afterwards (`signIn`).
 */
export async function advanceClock(days: number): Promise<void> {
  await setClockOffset(clockOffsetMs() / 1000 + days * 86_400);
}

/** Puts the server's clock back on real time. */
export async function resetClock(): Promise<void> {
  await setClockOffset(0);
}
