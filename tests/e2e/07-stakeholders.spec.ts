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
  const facts = page.getByRole('list', { name: 'Key facts' });
  await expect(facts).toContainText('EmotionPositive, strong');
  await expect(facts).not.toContainText('Never');
  await expectAccessible(page, 'person page after a call');
  await saveScreen(page, 'stakeholder-person-engaged-light');

  // Quick capture from anywhere (Ctrl+Shift+L): on a stakeholder's page it starts with that stakeholder.
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
