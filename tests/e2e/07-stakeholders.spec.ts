import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ADA,
  advanceClock,
  apiPost,
  clockIsControllable,
  clockOffsetMs,
  expect,
  expectAccessible,
  ensureSetup,
  resetClock,
  saveScreen,
  signIn,
  test,
} from './support/app';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

// The stakeholder registry and the engagement log, as the administrator: create an organisation
// and its people, log a call, follow up (and let it go overdue by moving the server's clock),
// import a CSV, and look at the map. Every page gets an axe check and a screenshot.
//
// A short id of this run goes into every name, so a retry against the same server (the database
// lives as long as the run) does not trip over what the first attempt created.
const run = Math.random().toString(36).slice(2, 6);
const ORG = `Fjordline Energy ${run}`;
const MAJA = `Maja Lind ${run}`;
const OLE = `Ole Brekke ${run}`;

test.beforeAll(async ({ request }) => ensureSetup(request));

// The clock-moving test runs last; whatever happens, the server's clock is back on real time
// for the files after this one.
test.afterAll(async () => {
  if (clockIsControllable()) await resetClock();
});

async function adminPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await signIn(context, ADA);
  return { context, page: await context.newPage() };
}

/** Opens the Mantine select labelled `label` (inside `scope`) and picks `option`. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Picks `option` of a segmented control (its radio inputs are hidden; their labels take the click). */
async function segment(scope: Page | Locator, group: string, option: string): Promise<void> {
  const radios = scope.getByRole('radiogroup', { name: group });
  await radios.getByText(option, { exact: true }).click();
  await expect(radios.getByRole('radio', { name: option })).toBeChecked();
}

/** Types into a searchable select that asks the server, and picks the option it finds. */
async function search(page: Page, scope: Page | Locator, label: string, text: string, option = text): Promise<void> {
  const box = scope.getByRole('textbox', { name: label, exact: true });
  await box.click();
  await box.fill(text);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The stakeholder form at /stakeholders/new, filled with the basics and saved; lands on the new page. */
async function createThroughForm(
  page: Page,
  s: { type: 'Organisation' | 'Person'; name: string; kind: string; email?: string; domain?: string; industry?: string; region?: string; organisation?: { name: string; title: string } },
): Promise<number> {
  await page.goto('/stakeholders/new');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'New stakeholder', level: 1 })).toBeVisible();
  await segment(main, 'Type', s.type);
  await main.getByRole('textbox', { name: 'Name', exact: true }).fill(s.name);
  if (s.kind !== 'Customer') await choose(page, main, 'Kind', s.kind);
  if (s.email) await main.getByRole('textbox', { name: 'E-mail' }).fill(s.email);
  if (s.domain) await main.getByRole('textbox', { name: 'Domain' }).fill(s.domain);
  if (s.industry) await main.getByRole('textbox', { name: 'Industry' }).fill(s.industry);
  if (s.region) await main.getByRole('textbox', { name: 'Region' }).fill(s.region);
  if (s.organisation) {
    await search(page, main, 'Add organisation', s.organisation.name);
    await main.getByRole('textbox', { name: `Job title at ${s.organisation.name}` }).fill(s.organisation.title);
  }
  await main.getByRole('button', { name: 'Create stakeholder' }).click();
  await expect(page.getByRole('heading', { name: s.name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/stakeholders\/\d+$/);
  return Number(page.url().split('/').pop());
}

test('stakeholders: create an organisation and two of its people, filter the list, open the pages', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await adminPage(browser);

  await createThroughForm(page, { type: 'Organisation', name: ORG, kind: 'Customer', domain: `fjordline-${run}.example`, industry: 'Energy', region: 'Nordics' });
  await expect(page.getByText(`${ORG} was added`)).toBeVisible();

  // The form, for the record (and axe), with a person's fields filled in.
  await page.goto('/stakeholders/new');
  await segment(page.getByRole('main'), 'Type', 'Person');
  await expect(page.getByRole('main').getByRole('textbox', { name: 'E-mail' })).toBeVisible();
  await expectAccessible(page, 'new stakeholder form');
  await saveScreen(page, 'stakeholder-new-light');

  const majaId = await createThroughForm(page, {
    type: 'Person',
    name: MAJA,
    kind: 'Customer',
    email: `maja.lind@fjordline-${run}.example`,
    organisation: { name: ORG, title: 'Head of Innovation' },
  });
  const oleId = await createThroughForm(page, {
    type: 'Person',
    name: OLE,
    kind: 'Partner',
    email: `ole.brekke@fjordline-${run}.example`,
    organisation: { name: ORG, title: 'Procurement lead' },
  });
  expect(oleId).not.toBe(majaId);

  // The person's page names the organisation, with the job title.
  const affiliations = page.getByRole('region', { name: 'Organisations' });
  await expect(affiliations.getByRole('link', { name: ORG })).toBeVisible();
  await expect(affiliations).toContainText('Procurement lead');

  // The list: this run's three, then narrowed by type and kind; the filters live in the URL.
  await page.goto('/stakeholders');
  const main = page.getByRole('main');
  const table = main.getByRole('table', { name: 'Stakeholders' });
  await main.getByRole('textbox', { name: 'Search' }).fill(run);
  await expect(page).toHaveURL(new RegExp(`q=${run}`));
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(main.getByText('3 stakeholders shown')).toBeVisible();
  await expectAccessible(page, 'stakeholder list');
  await saveScreen(page, 'stakeholders-light');

  await choose(page, main, 'Type', 'Person');
  await expect(page).toHaveURL(/type=person/);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('link', { name: ORG })).toHaveCount(0);

  await choose(page, main, 'Kind', 'Partner');
  await expect(page).toHaveURL(/kind=partner/);
  await expect(table.getByRole('row')).toHaveCount(2);
  const oleRow = table.getByRole('row', { name: new RegExp(OLE) });
  await expect(oleRow).toContainText('Person');
  await expect(oleRow).toContainText('Partner');
  await expect(oleRow).toContainText('Unaware');
  await expect(oleRow).toContainText('Never');

  // A shared link opens the same filtered view.
  await page.reload();
  await expect(main.getByRole('textbox', { name: 'Type', exact: true })).toHaveValue('Person');
  await expect(main.getByRole('textbox', { name: 'Kind', exact: true })).toHaveValue('Partner');
  await expect(table.getByRole('row')).toHaveCount(2);

  // Customers of either type: the organisation and Maja.
  await page.goto(`/stakeholders?q=${run}&kind=customer`);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('link', { name: OLE })).toHaveCount(0);

  // The organisation's page lists both people with their titles.
  await table.getByRole('link', { name: ORG }).click();
  await expect(page.getByRole('heading', { name: ORG, level: 1 })).toBeVisible();
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('link', { name: MAJA })).toBeVisible();
  await expect(people.getByRole('link', { name: OLE })).toBeVisible();
  await expect(people).toContainText('Head of Innovation');
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText(`fjordline-${run}.example`);
  await expect(details).toContainText('Nordics');
  await expectAccessible(page, 'organisation page');
  await saveScreen(page, 'stakeholder-organisation-light');

  await people.getByRole('link', { name: MAJA }).click();
  await expect(page.getByRole('heading', { name: MAJA, level: 1 })).toBeVisible();
  // A new stakeholder's story starts with its level.
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Level set to Unaware');
  await expectAccessible(page, 'person page');
  await saveScreen(page, 'stakeholder-person-light');
  await context.close();
});

/** The id of the stakeholder called `name`; made through the API when this test runs alone. */
async function stakeholderId(context: BrowserContext, name: string, make: Record<string, unknown>): Promise<number> {
  const r = await context.request.get(`${process.env.COCREATE_E2E_URL}/api/v1/stakeholders`, { params: { q: name, limit: 5 } });
  expect(r.ok(), await r.text()).toBeTruthy();
  const found = ((await r.json()) as { items: { id: number; name: string }[] }).items.find((s) => s.name === name);
  if (found) return found.id;
  return (await apiPost<{ id: number }>(context, '/api/v1/stakeholders', { name, kind: 'customer', ...make })).id;
}

const majaOf = (context: BrowserContext) =>
  stakeholderId(context, MAJA, { type: 'person', email: `maja.lind@fjordline-${run}.example` });
const oleOf = (context: BrowserContext) => stakeholderId(context, OLE, { type: 'person', kind: 'partner' });

test('engagement: log a call with interest and emotion; it shows on the timeline and in the header', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await adminPage(browser);
  const maja = await majaOf(context);
  const title = `Pilot scoping call ${run}`;

  await page.goto(`/stakeholders/${maja}`);
  await expect(page.getByRole('heading', { name: MAJA, level: 1 })).toBeVisible();
  await page.getByRole('region', { name: 'Engagement' }).getByRole('link', { name: 'Log interaction' }).click();
  await expect(page).toHaveURL(new RegExp(`/engagement/interactions/new\\?stakeholder_id=${maja}$`));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Log an interaction', level: 1 })).toBeVisible();

  // The stakeholder comes pre-filled from the link, as its own group of answers.
  const row = main.getByRole('group', { name: MAJA });
  await expect(row).toBeVisible();
  await main.getByRole('textbox', { name: 'Title' }).fill(title);
  await expect(main.getByRole('textbox', { name: 'Type', exact: true })).toHaveValue('Call');
  await expect(main.getByRole('textbox', { name: 'Status', exact: true })).toHaveValue('Held');
  await choose(page, row, 'Interest', 'Interested');
  await row.getByRole('textbox', { name: 'Interested in' }).fill('Heat recovery pilot');
  await choose(page, row, 'Feeling', '+1 · Positive');
  await choose(page, row, 'Intensity', '2 · Strong');
  await main.getByRole('textbox', { name: 'Summary' }).fill('Walked through the **pilot** scope.\n\n- two sites\n- start in spring');
  await expectAccessible(page, 'log interaction form');
  await saveScreen(page, 'interaction-new-light');
  await main.getByRole('button', { name: 'Log interaction' }).click();

  // The interaction's page.
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/engagement\/interactions\/\d+$/);
  const who = page.getByRole('table', { name: 'Stakeholders' }).getByRole('row', { name: new RegExp(MAJA) });
  await expect(who).toContainText('Interested');
  await expect(who).toContainText('Heat recovery pilot');
  await expect(who).toContainText(/Positive, strong/i);
  await expect(page.getByRole('region', { name: 'Summary' }).getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'interaction page');
  await saveScreen(page, 'interaction-light');

  // The person's page: the call on the timeline, the emotion and the last contact in the header.
  await page.goto(`/stakeholders/${maja}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('link', { name: title })).toBeVisible();
  await expect(timeline).toContainText(`Call: ${title}`);
  await expect(timeline).toContainText('Interest: Interested Heat recovery pilot');
  await expect(timeline).toContainText('Emotion recorded: Positive, strong');
  const facts = page.getByLabel('Key facts');
  await expect(facts).toContainText('EmotionPositive, strong');
  await expect(facts).not.toContainText('Never');
  await expectAccessible(page, 'person page after a call');
  await saveScreen(page, 'stakeholder-person-engaged-light');

  await context.close();
});

test('quick capture: Ctrl+Shift+L on a stakeholder page logs an e-mail with that stakeholder', async ({ browser }) => {
  const { context, page } = await adminPage(browser);
  const maja = await majaOf(context);
  await page.goto(`/stakeholders/${maja}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toBeVisible();
  // Nothing but a title and the type: no interest, no emotion.
  const note = `Sent the pilot brochure ${run}`;
  await page.keyboard.press('Control+Shift+L');
  const dialog = page.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog.getByRole('group', { name: MAJA })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Title' }).fill(note);
  await choose(page, dialog, 'Type', 'E-mail');
  await expectAccessible(page, 'quick capture dialog');
  await saveScreen(page, 'quick-capture-light', false);
  await dialog.getByRole('button', { name: 'Log interaction' }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline).toContainText(`E-mail: ${note}`);
  await context.close();
});

/** A fixture CSV with this run's id in place of `{run}`, ready for a file chooser. */
function csvFixture(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const text = readFileSync(resolve(__dirname, 'fixtures', name), 'utf8').replaceAll('{run}', run);
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByRole('button', { name: 'CSV file' }).click();
  await (await chooser).setFiles(file);
}

test('CSV import: the preview points at the bad row; the fixed file imports', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await adminPage(browser);
  await page.goto('/stakeholders');
  await page.getByRole('link', { name: 'Import CSV' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Import stakeholders', level: 1 })).toBeVisible();
  await expectAccessible(page, 'import, choose a file');
  await saveScreen(page, 'import-choose-light');

  // A file with an unknown kind on its fourth line (the header is line 1).
  await chooseFile(page, csvFixture('stakeholders-with-error.csv'));
  await expect(main.getByRole('textbox', { name: 'Or paste the CSV text' })).toHaveValue(/^name,type,kind/);
  await main.getByRole('button', { name: 'Check the file' }).click();
  await expect(main.getByRole('heading', { name: 'Which column holds what' })).toBeVisible();
  // Headers that equal field names are mapped by themselves.
  await expect(main.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('name');
  await expect(main.getByRole('textbox', { name: 'Organisation (for people)' })).toHaveValue('organisation');
  await expect(main.getByText('3 rows', { exact: true })).toBeVisible();
  await expect(main.getByText('2 ready', { exact: true })).toBeVisible();
  await expect(main.getByText('1 with problems', { exact: true })).toBeVisible();
  const problems = main.getByRole('table', { name: 'Problems to fix in the file (or in the mapping)' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  const problem = problems.getByRole('row').nth(1);
  await expect(problem.getByRole('cell').first()).toHaveText('4');
  await expect(problem).toContainText('kind');
  await expect(main.getByRole('table', { name: /^The first 3 rows as read/ })).toContainText(`Havbruk Institute ${run}`);
  // An import with errors saves nothing, so it cannot start.
  await expect(main.getByRole('button', { name: /^Import \d+ stakeholders?$/ })).toBeDisabled();
  await expect(main.getByText('Fix the rows with problems first')).toBeVisible();
  await expectAccessible(page, 'import preview with a row error');
  await saveScreen(page, 'import-preview-error-light');

  // Back, the fixed file, check again: all ready.
  await main.getByRole('button', { name: 'Back' }).click();
  await chooseFile(page, csvFixture('stakeholders-fixed.csv'));
  await expect(main.getByRole('textbox', { name: 'Or paste the CSV text' })).toHaveValue(/academia/);
  await main.getByRole('button', { name: 'Check the file' }).click();
  await expect(main.getByText('3 ready', { exact: true })).toBeVisible();
  await expect(main.getByText(/with problems/)).toHaveCount(0);
  await expect(main.getByRole('table', { name: 'Problems to fix in the file (or in the mapping)' })).toHaveCount(0);
  await expectAccessible(page, 'import preview, all ready');
  await saveScreen(page, 'import-preview-ok-light');
  await main.getByRole('button', { name: 'Import 3 stakeholders' }).click();

  const done = main.getByRole('status').filter({ hasText: 'Import finished' });
  await expect(done).toContainText('3 stakeholders created');
  await expect(done).toContainText('0 duplicates skipped');
  await expect(done).toContainText('1 affiliation created');
  await expectAccessible(page, 'import finished');
  await saveScreen(page, 'import-done-light');

  // The list, newest first, has them; the person belongs to the organisation from the same file.
  await main.getByRole('link', { name: 'See the stakeholders' }).click();
  await expect(page).toHaveURL(/\/stakeholders\?sort=-updated$/);
  const table = main.getByRole('table', { name: 'Stakeholders' });
  for (const name of [`Solvik Water ${run}`, `Ines Berg ${run}`, `Havbruk Institute ${run}`]) {
    await expect(table.getByRole('link', { name })).toBeVisible();
  }
  await expect(table.getByRole('row', { name: new RegExp(`Havbruk Institute ${run}`) })).toContainText('Academia');
  await table.getByRole('link', { name: `Ines Berg ${run}` }).click();
  const orgs = page.getByRole('region', { name: 'Organisations' });
  await expect(orgs.getByRole('link', { name: `Solvik Water ${run}` })).toBeVisible();
  await expect(orgs).toContainText('Head of R&D');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('water');
  await context.close();
});

test('map: the canvas draws the stakeholders, and the table lists the same nodes', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await adminPage(browser);
  // What to map, when this test runs alone: the organisation and its two people.
  const org = await stakeholderId(context, ORG, { type: 'organisation', domain: `fjordline-${run}.example` });
  const maja = await majaOf(context);
  const ole = await oleOf(context);
  for (const person of [maja, ole]) {
    const r = await context.request.get(`${process.env.COCREATE_E2E_URL}/api/v1/stakeholders/${person}`);
    const s = (await r.json()) as { version: number; affiliations: unknown[] };
    if (s.affiliations.length === 0) {
      const p = await context.request.patch(`${process.env.COCREATE_E2E_URL}/api/v1/stakeholders/${person}`, {
        headers: { 'X-Cocreate-Csrf': '1' },
        data: { affiliations: [{ organisation_id: org, title: 'Staff', role: null }], version: s.version },
      });
      expect(p.ok(), await p.text()).toBeTruthy();
    }
  }

  await page.goto('/stakeholders');
  await page.getByRole('main').getByRole('link', { name: 'Map' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Stakeholder map', level: 1 })).toBeVisible();
  // Cytoscape draws on canvases inside the (aria-hidden) container.
  const canvas = page.getByTestId('stakeholder-map-canvas');
  await expect(canvas.locator('canvas').first()).toBeAttached();
  await expect(main.getByText('Drawing the map…')).toHaveCount(0);
  const box = await canvas.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  expect(box?.height ?? 0).toBeGreaterThan(300);
  await expect(main.getByText(/^\d+ stakeholders, \d+ connections\./)).toBeVisible();

  // Screen readers get the nodes and edges as tables (visually hidden until asked for).
  const nodes = main.getByRole('table', { name: /stakeholders? on the map$/ });
  for (const name of [ORG, MAJA, OLE]) await expect(nodes.getByRole('row', { name: new RegExp(name) })).toHaveCount(1);
  await expect(nodes.getByRole('row', { name: new RegExp(ORG) })).toContainText('Organisation');
  const edges = main.getByRole('table', { name: /connections?$/ });
  await expect(edges.getByRole('row', { name: new RegExp(`${MAJA}.*${ORG}`) })).toHaveCount(1);
  await expect(nodes).not.toBeInViewport();
  await expectAccessible(page, 'stakeholder map');
  await saveScreen(page, 'map-light');

  // "Show as table" shows them to everyone; the filters narrow both.
  // Controlled by the URL: click, then see it on.
  await main.getByRole('switch', { name: 'Show as table' }).click();
  await expect(main.getByRole('switch', { name: 'Show as table' })).toBeChecked();
  await expect(page).toHaveURL(/table=1/);
  await expect(nodes).toBeVisible();
  await main.getByRole('textbox', { name: 'Search' }).fill(run);
  await expect(page).toHaveURL(new RegExp(`q=${run}`));
  await choose(page, main, 'Type', 'Person');
  await expect(page).toHaveURL(/type=person/);
  await expect(nodes.getByRole('row', { name: new RegExp(MAJA) })).toHaveCount(1);
  await expect(nodes.getByRole('row', { name: new RegExp(ORG) })).toHaveCount(0);
  await expect(canvas.locator('canvas').first()).toBeAttached();
  await expectAccessible(page, 'stakeholder map as a table');
  await saveScreen(page, 'map-table-light');

  // Dark theme: the canvas redraws with light labels.
  const dark = await browser.newContext({ colorScheme: 'dark' });
  await signIn(dark, ADA);
  const darkPage = await dark.newPage();
  await darkPage.goto(`/stakeholders/map?q=${run}`);
  await expect(darkPage.getByTestId('stakeholder-map-canvas').locator('canvas').first()).toBeAttached();
  await expect(darkPage.getByRole('main').getByText('Drawing the map…')).toHaveCount(0);
  await expectAccessible(darkPage, 'stakeholder map (dark)');
  await saveScreen(darkPage, 'map-dark');
  await Promise.all([dark.close(), context.close()]);
});

/** YYYY-MM-DD of the UTC day `days` after `now` (the server decides "overdue" by the UTC day). */
const utcDay = (days: number, now = Date.now()) => new Date(now + days * 86_400_000).toISOString().slice(0, 10);

// Last in the file: it moves the server's clock (the afterAll puts it back).
test('follow-ups: due tomorrow is not overdue; three days later it is, everywhere', async ({ browser }) => {
  test.skip(!clockIsControllable(), 'needs the server started by the global setup, with its test clock');
  test.setTimeout(150_000);
  const { context, page } = await adminPage(browser);
  const maja = await majaOf(context);
  const task = `Send the pilot proposal ${run}`;
  const tomorrow = utcDay(1, Date.now() + clockOffsetMs());

  await page.goto(`/stakeholders/${maja}`);
  await page.getByRole('region', { name: 'Engagement' }).getByRole('link', { name: 'Add follow-up' }).click();
  await expect(page).toHaveURL(new RegExp(`/engagement/follow-ups/new\\?stakeholder_id=${maja}$`));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'New follow-up', level: 1 })).toBeVisible();
  await expect(main.getByRole('textbox', { name: 'Stakeholder', exact: true })).toHaveValue(MAJA);
  await main.getByRole('textbox', { name: 'What to do' }).fill(task);
  await main.getByRole('textbox', { name: 'Due' }).fill(tomorrow);
  await expect(main.getByRole('textbox', { name: 'Owner', exact: true })).toHaveValue(`Me (${ADA.name})`);
  await expectAccessible(page, 'new follow-up form');
  await saveScreen(page, 'follow-up-new-light');
  await main.getByRole('button', { name: 'Add follow-up' }).click();

  // "My follow-ups": due tomorrow, not highlighted.
  await expect(page).toHaveURL(/\/engagement\/follow-ups$/);
  await expect(main.getByRole('heading', { name: 'My follow-ups', level: 1 })).toBeVisible();
  const list = main.getByRole('table', { name: 'Follow-ups' });
  let row = list.getByRole('row', { name: new RegExp(task) });
  await expect(row).toContainText('Due tomorrow');
  await expect(row).not.toContainText('Overdue');
  await expect(row.getByRole('link', { name: MAJA })).toBeVisible();
  await expect(row).not.toHaveAttribute('style', /red/);
  await expectAccessible(page, 'my follow-ups');
  await saveScreen(page, 'follow-ups-light');
  // Not among what needs attention.
  await page.goto('/engagement');
  await expect(main.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible();
  await expect(main.getByText(task)).toHaveCount(0);
  // On the timeline, with its due date.
  await page.goto(`/stakeholders/${maja}`);
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(`Follow-up “${task}”`);

  // Three days later (by the server's clock) the session has expired: sign in again.
  await advanceClock(3);
  const expired = await context.request.get(`${process.env.COCREATE_E2E_URL}/api/v1/me`);
  expect(expired.status()).toBe(401);
  await context.close();

  const later = await browser.newContext();
  // The browser's clock agrees with the server's, as it would for a real reader.
  await later.clock.install({ time: Date.now() + clockOffsetMs() });
  await signIn(later, ADA);
  const p2 = await later.newPage();
  const main2 = p2.getByRole('main');
  await p2.goto('/engagement/follow-ups');
  await expect(main2.getByRole('heading', { name: 'My follow-ups', level: 1 })).toBeVisible();
  row = main2.getByRole('table', { name: 'Follow-ups' }).getByRole('row', { name: new RegExp(task) });
  await expect(row).toContainText('Overdue by 2 days');
  await expect(row).toHaveAttribute('style', /red/);
  await expectAccessible(p2, 'my follow-ups, one overdue');
  await saveScreen(p2, 'follow-ups-overdue-light');
  // "Only overdue" keeps it.
  await main2.getByRole('checkbox', { name: 'Only overdue' }).click();
  await expect(main2.getByRole('checkbox', { name: 'Only overdue' })).toBeChecked();
  await expect(p2).toHaveURL(/overdue=1/);
  await expect(main2.getByRole('table', { name: 'Follow-ups' }).getByRole('row', { name: new RegExp(task) })).toBeVisible();

  // Needs attention lists it under the overdue follow-ups.
  await p2.goto('/engagement');
  const overdue = main2.getByRole('region', { name: /^Overdue follow-ups \(\d+\)$/ });
  await expect(overdue.getByRole('link', { name: task })).toBeVisible();
  await expect(overdue.getByRole('listitem').filter({ hasText: task })).toContainText('Overdue by 2 days');
  await expect(overdue.getByRole('listitem').filter({ hasText: task }).getByRole('link', { name: MAJA })).toBeVisible();
  await expectAccessible(p2, 'needs attention, one overdue');
  await saveScreen(p2, 'attention-overdue-light');

  // So does the home page.
  await p2.goto('/');
  const home = main2.getByRole('region', { name: 'Follow-ups due and overdue' });
  await expect(home.getByRole('listitem').filter({ hasText: task })).toContainText('Overdue by 2 days');
  await expectAccessible(p2, 'home, one overdue');
  await saveScreen(p2, 'home-overdue-light');

  // Done in one click: it leaves the overdue list.
  await p2.goto('/engagement');
  await overdue.getByRole('button', { name: `Mark “${task}” done` }).click();
  await expect(overdue.getByRole('link', { name: task })).toHaveCount(0);
  await later.close();
});
