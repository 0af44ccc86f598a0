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
  type Person,
} from './support/app';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

// Co-innovation projects, as an innovation manager: define a framework from the default template,
// propose a project through the intake (a poor fit, flagged), link a customer and, the next day,
// log calls with it; record KPI values, check the exit criteria, pass the first gate with a go; then
// let time pass (the server's clock moves 50 days) until health asks first, and stop the project at
// the second gate with what it taught us. Board, funnel and "stopped with learnings" follow each step. Every
// page gets an axe check and a screenshot.
//
// The steps build on each other (one project through its life), so they run in order and stop at
// the first failure. A short id of this run goes into every name, so a retry against the same
// server does not trip over what the first attempt created.
test.describe.configure({ mode: 'serial' });

const run = Math.random().toString(36).slice(2, 6);
const MIRA: Person = { email: `mira.manager.${run}@e2e.test`, password: 'e2e manager password 1', name: `Mira Manager ${run}` };
const FRAMEWORK = `Co-innovation ${run}`;
const PROJECT = `Heat recovery for data centres ${run}`;
const CUSTOMER = `Nordvik Data ${run}`;
const KILL = 'No customer commits a test site within two phases';
const LEARNED = 'Data centres buy heat recovery only together with the district heating operator.';

// What the steps hand on to each other.
const state: { frameworkId?: number; projectId?: number; customerId?: number } = {};

test.beforeAll(async ({ browser, request }) => {
  await ensureSetup(request);
  // Arrange as the administrator: the innovation manager and the customer organisation.
  const admin = await browser.newContext();
  await signIn(admin, ADA);
  await apiPost(admin, '/api/v1/users', { email: MIRA.email, display_name: MIRA.name, password: MIRA.password, role: 'innovation_manager' });
  state.customerId = (
    await apiPost<{ id: number }>(admin, '/api/v1/stakeholders', {
      type: 'organisation',
      name: CUSTOMER,
      kind: 'customer',
      domain: `nordvik-${run}.example`,
    })
  ).id;
  await admin.close();
});

// The steps move the server's clock; whatever happens, it is back on real time for the files
// after this one.
test.afterAll(async () => {
  if (clockIsControllable()) await resetClock();
});

async function managerPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  // The browser's clock agrees with the server's (which the steps move on), as it would for a real reader.
  if (clockIsControllable()) await context.clock.install({ time: Date.now() + clockOffsetMs() });
  await signIn(context, MIRA);
  return { context, page: await context.newPage() };
}

/**
 * A full-page screenshot from the top: the shell's header is fixed, so a page scrolled by the
 * steps before would be drawn with the header across its middle.
 */
async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreen(page, name);
}

/** Opens the Mantine select labelled `label` (inside `scope`) and picks `option`. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Adds `option` in the Mantine multi-select labelled `label` (its list stays open: Escape closes it). */
async function add(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  const box = scope.getByRole('textbox', { name: label, exact: true });
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await box.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Types into a searchable select that asks the server, and picks the option it finds. */
async function search(page: Page, scope: Page | Locator, label: string, text: string, option = text): Promise<void> {
  const box = scope.getByRole('textbox', { name: label, exact: true });
  await box.click();
  await box.fill(text);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Answers one intake question (a radio group of "1 · Not at all" … "5 · Fully"). */
async function answer(scope: Page | Locator, question: string, option: string): Promise<void> {
  const radio = scope.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option });
  await radio.check();
  await expect(radio).toBeChecked();
}

/** Waits until the wall clock has entered a new minute (when the server's clock cannot be moved). */
async function waitForNextMinute(): Promise<void> {
  await new Promise((r) => setTimeout(r, 61_000 - (Date.now() % 60_000)));
}

const projectUrl = () => `/projects/${state.projectId}`;
const boardUrl = () => `/projects?framework=${state.frameworkId}`;

/** The board's column for `phase`, and this run's card in it. */
function boardColumn(page: Page, phase: string): { column: Locator; card: Locator } {
  const column = page.getByRole('main').getByRole('region', { name: phase, exact: true });
  return { column, card: column.getByRole('listitem').filter({ has: page.getByRole('link', { name: PROJECT }) }) };
}

/** Logs a held interaction with the customer from the project page's stakeholder list. */
async function logInteraction(page: Page, title: string, type: string, interest: string): Promise<void> {
  await page.goto(projectUrl());
  const stakeholders = page.getByRole('region', { name: 'Stakeholders' });
  await stakeholders.getByRole('link', { name: `Log interaction with ${CUSTOMER}` }).click();
  await expect(page).toHaveURL(new RegExp(`/engagement/interactions/new\\?stakeholder_id=${state.customerId}$`));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Log an interaction', level: 1 })).toBeVisible();
  const row = main.getByRole('group', { name: CUSTOMER });
  await expect(row).toBeVisible();
  await main.getByRole('textbox', { name: 'Title' }).fill(title);
  if (type !== 'Call') await choose(page, main, 'Type', type);
  await expect(main.getByRole('textbox', { name: 'Status', exact: true })).toHaveValue('Held');
  await choose(page, row, 'Interest', interest);
  await main.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test('framework: an innovation manager creates one from the default template and publishes version 2', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await managerPage(browser);

  // The rail leads to the projects; without a framework the board says what to do first.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Projects' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('main').getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();

  await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Frameworks' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Frameworks', level: 1 })).toBeVisible();
  await main.getByRole('button', { name: 'New framework' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New framework' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(FRAMEWORK);
  await dialog.getByRole('textbox', { name: 'Description' }).fill('How we co-innovate with customers, from first calls to scale.');
  await expect(dialog).toContainText('Version 1 is the default template');
  await expectAccessible(page, 'new framework dialog');
  await saveScreen(page, 'projects-framework-new-light', false);
  await dialog.getByRole('button', { name: 'Create' }).click();

  // The editor starts from version 1: Explore → Validate problem → Co-design → Pilot → Scale.
  await expect(page.getByRole('heading', { name: FRAMEWORK, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/frameworks\/\d+$/);
  state.frameworkId = Number(page.url().split('/').pop());
  const explore = main.getByRole('group', { name: 'Phase 1: Explore' });
  await expect(explore.getByRole('textbox', { name: 'Key', exact: true })).toHaveValue('explore');
  for (const phase of ['Phase 2: Validate problem', 'Phase 3: Co-design', 'Phase 4: Pilot', 'Phase 5: Scale']) {
    await expect(main.getByRole('group', { name: phase })).toBeVisible();
  }
  await expect(main.getByRole('group', { name: 'KPI 1: Customer interviews held' })).toBeVisible();
  await expectAccessible(page, 'framework editor');
  await screen(page, 'projects-framework-editor-light');

  // Adapt the guidance of the first phase and publish: version 2, which new projects start on.
  const guidelines = explore.getByRole('textbox', { name: /Guidelines/ });
  await guidelines.fill(`${await guidelines.inputValue()}\n\nLog every call in cocreate the same day.`);
  await main.getByRole('button', { name: 'Publish version 2' }).click();
  await expect(page.getByText('Version 2 published')).toBeVisible();
  await expect(main.getByRole('button', { name: 'Publish version 3' })).toBeVisible();

  await page.goto('/projects/frameworks');
  const row = main.getByRole('table', { name: 'Frameworks' }).getByRole('row', { name: new RegExp(FRAMEWORK) });
  await expect(row).toContainText('Version 2');
  await expectAccessible(page, 'frameworks');
  await screen(page, 'projects-frameworks-light');
  await context.close();
});

test('intake: a poor fit is scored live, allowed and flagged; then the customer is linked and called', async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await managerPage(browser);
  await page.goto(boardUrl());
  await page.getByRole('main').getByRole('link', { name: 'Propose project' }).first().click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Propose a project', level: 1 })).toBeVisible();

  await main.getByRole('textbox', { name: 'Title' }).fill(PROJECT);
  await main.getByRole('textbox', { name: 'Problem statement' }).fill('Data centres vent their waste heat; nearby towns burn gas for heating.');
  await main.getByRole('textbox', { name: 'Hypothesis' }).fill('We believe that a heat recovery pilot for one data centre will cut a town’s gas use by a tenth.');
  await choose(page, main, 'Framework', FRAMEWORK);
  await choose(page, main, 'Executive sponsor', ADA.name);
  await main.getByRole('textbox', { name: 'Kill criterion 1' }).fill(KILL);

  // A fit check that starts in the middle and drops: a willing customer and a clear problem weigh most.
  const fit = main.getByRole('region', { name: 'Fit score' });
  await expect(fit).toContainText('Sharpen first · 50');
  await answer(main, 'Is the problem clearly defined?', '2 · Barely');
  await answer(main, 'Is the need near-term?', '2 · Barely');
  await answer(main, 'Is a customer willing to take part?', '1 · Not at all');
  // Σ w·(a−1) = 3·1 + 2·1 + 2·2 + 3·0 + 1·2 = 11 of 44 → 25: a poor fit, allowed and flagged.
  await expect(fit).toContainText('Poor fit · 25');
  await expect(fit).toContainText('No customer has yet shown they are willing to take part.');
  await expect(fit.getByText(/it will be flagged/)).toBeVisible();
  await expectAccessible(page, 'propose a project, poor fit');
  await screen(page, 'projects-propose-poor-fit-light');
  await main.getByRole('button', { name: 'Propose project' }).click();

  // The project page: first phase, flagged, and healthy for now (a sponsor, nothing overdue).
  await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  state.projectId = Number(page.url().split('/').pop());
  await expect(main).toContainText('Phase 1 of 5 · Explore');
  const fitSection = main.getByRole('region', { name: 'Intake fit check' });
  await expect(fitSection).toContainText('Poor fit · 25');
  await expect(fitSection).toContainText('Flagged at intake as a poor fit');
  await expect(fitSection.getByRole('listitem')).toHaveCount(3);
  await expect(main.getByRole('region', { name: 'Kill criteria' }).getByRole('checkbox', { name: KILL })).not.toBeChecked();
  const health = main.getByRole('region', { name: 'Health' });
  await expect(health).toContainText('Healthy · 100');
  await expect(health).toContainText('No signals');
  await expect(main.getByRole('region', { name: 'Guidance for Explore' })).toContainText('Log every call in cocreate the same day.');

  // Link the customer.
  const stakeholders = main.getByRole('region', { name: 'Stakeholders' });
  await stakeholders.getByRole('button', { name: 'Link stakeholder' }).click();
  const link = page.getByRole('dialog', { name: `Link a stakeholder to “${PROJECT}”` });
  await search(page, link, 'Stakeholder', CUSTOMER);
  await expect(link.getByRole('textbox', { name: 'Role in the project', exact: true })).toHaveValue('Customer');
  await link.getByRole('textbox', { name: 'Commitment' }).fill('Interviews with their facilities team');
  await expectAccessible(page, 'link a stakeholder dialog');
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();
  await expect(stakeholders.getByRole('link', { name: CUSTOMER, exact: true })).toBeVisible();
  await expect(stakeholders).toContainText('Customer · Interviews with their facilities team');

  await context.close();

  // The next day, two calls with the customer, logged from the project's stakeholder list. (Only
  // interactions since the project started count for it, and the form records the minute.)
  if (clockIsControllable()) await advanceClock(1);
  else await waitForNextMinute();
  const next = await managerPage(browser);
  await logInteraction(next.page, `First call about waste heat ${run}`, 'Call', 'Curious');
  await logInteraction(next.page, `Site walk-through ${run}`, 'Video call', 'Interested');
  await next.page.goto(projectUrl());
  const nextMain = next.page.getByRole('main');
  await expect(nextMain.getByRole('region', { name: 'Stakeholders' })).toContainText('2 interactions with its stakeholders since the project started');
  await expectAccessible(next.page, 'project page, explore');
  await screen(next.page, 'projects-project-explore-light');
  await next.context.close();
});

test('first gate: KPI values, exit criteria checked, a review requested and decided go', async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await managerPage(browser);
  await page.goto(projectUrl());
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();

  // KPI values: interviews count from Explore; customers engaged only from Validate problem, so
  // a value recorded now is kept but greyed.
  const kpis = main.getByRole('region', { name: 'KPIs' });
  const record = kpis.getByRole('form', { name: 'Record KPI value' });
  await choose(page, record, 'KPI', 'Customer interviews held');
  await record.getByRole('textbox', { name: 'Value' }).fill('6');
  await record.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText('Value recorded for Customer interviews held')).toBeVisible();
  await choose(page, record, 'KPI', 'Customers engaged');
  await expect(record).toContainText('This KPI counts from Validate problem');
  await record.getByRole('textbox', { name: 'Value' }).fill('1');
  await record.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText('Value recorded for Customers engaged')).toBeVisible();
  const interviews = kpis.getByRole('region', { name: 'Customer interviews held (interviews)' });
  await expect(interviews).toContainText('Latest 6: off target');
  await expect(interviews.getByRole('img', { name: /Customer interviews held: 1 value, latest 6 interviews/ })).toBeVisible();
  const engaged = kpis.getByRole('region', { name: 'Customers engaged (customers)' });
  await engaged.getByRole('button', { name: 'Show as table' }).click();
  await expect(engaged.getByRole('table', { name: 'Values of Customers engaged' })).toContainText('Before Validate problem (does not count)');
  // Health now names the interviews off target, for information (it costs no points).
  await expect(main.getByRole('region', { name: 'Health' })).toContainText('Customer interviews held: 6 interviews, target 10 interviews.');

  // The exit criteria of Explore, both needed for a go, with evidence for the first.
  const criteria = main.getByRole('region', { name: 'Exit criteria' });
  await expect(criteria).toContainText('0 of 2 met');
  const heard = 'At least five customers described the problem in their own words';
  const evidence = criteria.getByRole('textbox', { name: `Evidence link for “${heard}”` });
  await evidence.fill(`https://wiki.example.com/heat-${run}/interviews`);
  await evidence.press('Enter');
  await expect(criteria.getByRole('link', { name: `Open the evidence for “${heard}”` })).toBeVisible();
  await criteria.getByRole('checkbox', { name: new RegExp(heard) }).check();
  await expect(criteria).toContainText('1 of 2 met');
  await criteria.getByRole('checkbox', { name: /Kill criteria are written down/ }).check();
  await expect(criteria).toContainText('2 of 2 met');
  await expectAccessible(page, 'project page, criteria met and KPI values');
  await screen(page, 'projects-project-criteria-kpis-light');

  // Request the gate review: it records the criteria as checked; Mira decides.
  await main.getByRole('button', { name: 'Request gate review' }).click();
  const request = page.getByRole('dialog', { name: `Request a gate review: ${PROJECT}` });
  await expect(request).toContainText('2 of 2 met');
  await expect(request).toContainText(`Met: ${heard}`);
  await add(page, request, 'Decision makers', `Me (${MIRA.name})`);
  await expectAccessible(page, 'request a gate review dialog');
  await saveScreen(page, 'projects-review-request-light', false);
  await request.getByRole('button', { name: 'Request review' }).click();
  await expect(request).toBeHidden();
  const reviews = main.getByRole('region', { name: 'Gate reviews' });
  await expect(reviews).toContainText('Review of Explore');
  await expect(reviews).toContainText('Waiting for a decision');
  await expect(main.getByText('Gate review open')).toBeVisible();

  // Decide: go.
  await main.getByRole('button', { name: 'Decide gate review' }).first().click();
  const decide = page.getByRole('dialog', { name: `Decide the gate review: ${PROJECT}` });
  await decide.getByRole('radio', { name: /^Go/ }).check();
  await decide.getByRole('textbox', { name: 'Rationale' }).fill('The problem is real and heard from five customers; worth validating with one.');
  await expectAccessible(page, 'decide a gate review dialog');
  await saveScreen(page, 'projects-review-decide-go-light', false);
  await decide.getByRole('button', { name: 'Record decision' }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByText('Decision recorded: Go')).toBeVisible();
  await expect(main).toContainText('Phase 2 of 5 · Validate problem');
  await expect(reviews).toContainText('Decided by');
  await expect(main.getByRole('region', { name: 'Exit criteria' })).toContainText('0 of 2 met');
  await expect(main.getByRole('region', { name: 'Guidance for Validate problem' })).toBeVisible();

  // The board: the card in Validate problem, healthy for now.
  await page.goto(boardUrl());
  await expect(main.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  const { card } = boardColumn(page, 'Validate problem');
  await expect(card).toContainText('Healthy · 100');
  await expect(card).toContainText('0 days in phase');
  await expect(boardColumn(page, 'Explore').card).toHaveCount(0);
  await expectAccessible(page, 'portfolio board');
  await screen(page, 'projects-board-light');

  // The funnel: one project entered Explore and advanced; it is still in Validate problem.
  await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Funnel' }).click();
  await expect(main.getByRole('heading', { name: 'Funnel', level: 1 })).toBeVisible();
  await choose(page, main, 'Framework', FRAMEWORK);
  const funnel = main.getByRole('table', { name: 'Funnel by phase' });
  // Phase, entered, advanced, stopped, held, pivoted back, completed, still there.
  await expect(funnel.getByRole('row', { name: /^Explore/ })).toHaveText(/Explore\s*1\s*1\s*0\s*0\s*0\s*0\s*0/);
  await expect(funnel.getByRole('row', { name: /^Validate problem/ })).toHaveText(/Validate problem\s*1\s*0\s*0\s*0\s*0\s*0\s*1/);
  await expect(main.getByRole('img', { name: /Stacked bars for 5 phases; 1 project entered the first/ })).toBeVisible();
  await expectAccessible(page, 'funnel');
  await screen(page, 'projects-funnel-light');
  await context.close();
});

// Last in the file: it moves the server's clock furthest (the afterAll puts it back).
test('fifty days later: health asks first; the second gate stops the project with learnings', async ({ browser }) => {
  test.skip(!clockIsControllable(), 'needs the server started by the global setup, with its test clock');
  test.setTimeout(180_000);

  // 50 days on, nobody has talked to the customer since and the project is past Validate problem's 45 days.
  await advanceClock(50);
  const { context, page } = await managerPage(browser);
  // The periodic sweep recomputes health as time passes; ask for it now rather than wait for it.
  const recomputed = await apiPost<{ projects: number }>(context, '/api/v1/portfolio/health', undefined, 200);
  expect(recomputed.projects).toBeGreaterThanOrEqual(1);

  await page.goto(boardUrl());
  const main = page.getByRole('main');
  const { card } = boardColumn(page, 'Validate problem');
  await expect(card).toContainText('Ask first');
  await expect(card).toContainText('Watch · 50');
  await expect(card).toContainText('50 days in phase, more than 45');
  await expectAccessible(page, 'portfolio board, ask first');
  await screen(page, 'projects-board-ask-first-light');

  await card.getByRole('link', { name: PROJECT }).click();
  await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();
  const health = main.getByRole('region', { name: 'Health' });
  await expect(health).toContainText('Ask first: is this really going somewhere?');
  await expect(health).toContainText(/Critical: No customer contact in \d+ days\./);
  await expect(health).toContainText('Warning: In Validate problem for 50 days; the framework expects at most 45.');
  await expect(health).toContainText('Why the score is 50');
  await expect(main.getByText('50 of at most 45 days')).toBeVisible();
  await expectAccessible(page, 'project page, ask first');
  await screen(page, 'projects-project-ask-first-light');

  // The same in the dark theme: the board and the project page.
  const dark = await browser.newContext({ colorScheme: 'dark' });
  await dark.clock.install({ time: Date.now() + clockOffsetMs() });
  await signIn(dark, MIRA);
  const darkPage = await dark.newPage();
  await darkPage.goto(boardUrl());
  await expect(boardColumn(darkPage, 'Validate problem').card).toContainText('Ask first');
  await expectAccessible(darkPage, 'portfolio board, ask first (dark)');
  await screen(darkPage, 'projects-board-ask-first-dark');
  await darkPage.goto(projectUrl());
  await expect(darkPage.getByRole('region', { name: 'Health' })).toContainText('Why the score is 50');
  await expectAccessible(darkPage, 'project page, ask first (dark)');
  await screen(darkPage, 'projects-project-ask-first-dark');
  await dark.close();

  // The second gate, requested from the board's card (the keyboard path beside dragging).
  await page.goto(boardUrl());
  await boardColumn(page, 'Validate problem').card.getByRole('button', { name: 'Request gate review' }).click();
  const request = page.getByRole('dialog', { name: `Request a gate review: ${PROJECT}` });
  await expect(request).toContainText('0 of 2 met');
  await request.getByRole('button', { name: 'Request review' }).click();
  await expect(request).toBeHidden();
  await expect(page.getByText(`Gate review requested for “${PROJECT}”`)).toBeVisible();

  // Decide: stop, with what it taught us.
  await page.goto(projectUrl());
  await main.getByRole('button', { name: 'Decide gate review' }).first().click();
  const decide = page.getByRole('dialog', { name: `Decide the gate review: ${PROJECT}` });
  await decide.getByRole('radio', { name: /^Stop/ }).check();
  await decide.getByRole('textbox', { name: 'Rationale' }).fill('No customer committed a site; the kill criterion is as good as met.');
  await decide.getByRole('textbox', { name: 'What we learned' }).fill(LEARNED);
  await decide.getByRole('textbox', { name: 'What we would do differently' }).fill('Bring the heating operator into the first call.');
  await expectAccessible(page, 'decide a gate review: stop');
  await saveScreen(page, 'projects-review-decide-stop-light', false);
  await decide.getByRole('button', { name: 'Record decision' }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByText('Decision recorded: Stop')).toBeVisible();
  await expect(main.getByRole('alert').filter({ hasText: 'Stopped, with learnings' })).toContainText(LEARNED);
  await expect(main.getByRole('button', { name: 'Request gate review' })).toHaveCount(0);
  await expectAccessible(page, 'project page, stopped');
  await screen(page, 'projects-project-stopped-light');

  // Gone from the board, counted in the funnel, kept in "stopped with learnings".
  await page.goto(boardUrl());
  await expect(main.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(main.getByRole('link', { name: PROJECT })).toHaveCount(0);

  await page.goto(`/projects/funnel?framework=${state.frameworkId}`);
  const funnel = main.getByRole('table', { name: 'Funnel by phase' });
  await expect(funnel.getByRole('row', { name: /^Validate problem/ })).toHaveText(/Validate problem\s*1\s*0\s*1\s*0\s*0\s*0\s*0/);

  await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Stopped with learnings' }).click();
  await expect(main.getByRole('heading', { name: 'Stopped with learnings', level: 1 })).toBeVisible();
  await main.getByRole('textbox', { name: 'Search' }).fill(run);
  await expect(page).toHaveURL(new RegExp(`q=${run}`));
  const stopped = main.getByRole('listitem').filter({ has: page.getByRole('link', { name: PROJECT }) });
  await expect(stopped).toContainText('Stopped in Validate problem');
  await expect(stopped).toContainText(`What we learned: ${LEARNED}`);
  await expectAccessible(page, 'stopped with learnings');
  await screen(page, 'projects-stopped-light');

  await context.close();
});
