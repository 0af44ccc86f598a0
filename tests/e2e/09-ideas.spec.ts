import { ADA, apiPost, baseURL, expect, expectAccessible, ensureSetup, saveScreen, signIn, test, type Person } from './support/app';
import type { Browser, BrowserContext, Page } from '@playwright/test';

// Ideas and challenges, through the pages: an external participant joins a space by invitation,
// answers a challenge (a similar idea is suggested while she types, and she builds on it),
// comments on a colleague's idea and, once the challenge is voting, votes and sees her votes left
// go down. A hostile comment meets the constructive-feedback prompt, is posted anyway, reported,
// and hidden by the space's moderator from the queue; its author no longer sees it. Then an
// innovation manager records a customer's interest and promotes the idea into a project, which
// links back to the idea and brings the customer along. Every page and dialog gets an axe check
// and a screenshot.
//
// People, the space, the challenge and the ideas to react to are arranged through the API; the
// steps act through the pages. The steps build on each other, so they run in order and stop at
// the first failure. A short id of this run goes into every name, so a retry against the same
// server does not trip over what the first attempt created.
test.describe.configure({ mode: 'serial' });

const run = Math.random().toString(36).slice(2, 6);
const password = 'e2e ideas password 1';
const MIRA: Person = { email: `mira.ideas.${run}@e2e.test`, password, name: `Mira Manager ${run}` };
const MORITZ: Person = { email: `moritz.moderator.${run}@e2e.test`, password, name: `Moritz Moderator ${run}` };
const SAM: Person = { email: `sam.staff.${run}@e2e.test`, password, name: `Sam Staff ${run}` };
const CLARA: Person = { email: `clara.${run}@fjord.e2e.test`, password: 'clara guest password 1', name: `Clara Fjord ${run}` };

const SPACE = `Fjord Energy pilot ${run}`;
const CHALLENGE = `Cooler data centres ${run}`;
const FRAMEWORK = `Idea to project ${run}`;
const CUSTOMER = `Fjord Energy ${run}`;
// Sam's ideas: the first shares words with what Clara will type; on the second she comments.
const RACKS = `Liquid cooling loops for server racks ${run}`;
const GREENHOUSES = `Waste heat for the town greenhouses ${run}`;
// Clara's idea.
const CLARA_IDEA = `Liquid cooling racks that feed heat reuse ${run}`;
const HOSTILE = 'This is a stupid idea and the numbers are rubbish.';
const NOTE = 'Hidden: please say what would make the idea better.';
const PROJECT = `Heat reuse pilot ${run}`;

// What the steps hand on to each other.
const state: {
  spaceId?: number;
  challengeId?: number;
  frameworkId?: number;
  racksId?: number;
  greenhousesId?: number;
  claraIdeaId?: number;
  inviteUrl?: string;
  projectId?: number;
} = {};

const csrf = { 'X-Cocreate-Csrf': '1' };

async function apiGet<T>(context: BrowserContext, path: string): Promise<T> {
  const r = await context.request.get(`${baseURL()}${path}`);
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as T;
}

async function apiPut<T>(context: BrowserContext, path: string, data: unknown): Promise<T> {
  const r = await context.request.put(`${baseURL()}${path}`, { headers: csrf, data });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as T;
}

async function apiPatch<T>(context: BrowserContext, path: string, data: unknown): Promise<T> {
  const r = await context.request.patch(`${baseURL()}${path}`, { headers: csrf, data });
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as T;
}

/** A UTC day `days` from today, as the API's phase dates are written. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.beforeAll(async ({ browser, request }) => {
  await ensureSetup(request);
  const admin = await browser.newContext();
  await signIn(admin, ADA);
  const users: Record<string, number> = {};
  for (const [person, role] of [
    [MIRA, 'innovation_manager'],
    [MORITZ, 'member'],
    [SAM, 'member'],
  ] as const) {
    users[person.email] = (await apiPost<{ id: number }>(admin, '/api/v1/users', { email: person.email, display_name: person.name, password: person.password, role })).id;
  }
  const space = await apiPost<{ id: number }>(admin, '/api/v1/spaces', {
    name: SPACE,
    description: 'Co-innovation with Fjord Energy on cooling and heat reuse.',
    kind: 'challenge_area',
    external_allowed: true,
    experimental: false,
  });
  state.spaceId = space.id;
  // Moritz moderates the space; Sam takes part in it.
  await apiPut(admin, `/api/v1/spaces/${space.id}/members/${users[MORITZ.email]}`, { space_role: 'moderator' });
  await apiPut(admin, `/api/v1/spaces/${space.id}/members/${users[SAM.email]}`, { space_role: 'member' });
  const invitation = await apiPost<{ accept_url: string }>(admin, `/api/v1/spaces/${space.id}/invitations`, { email: CLARA.email, display_name: CLARA.name });
  state.inviteUrl = invitation.accept_url;
  await apiPost(admin, '/api/v1/stakeholders', { type: 'organisation', name: CUSTOMER, kind: 'customer', domain: `fjord-${run}.example` });
  await admin.close();

  // Mira sets the challenge up (open for ideas since yesterday) and a framework for projects.
  const mira = await browser.newContext();
  await signIn(mira, MIRA);
  state.challengeId = (
    await apiPost<{ id: number }>(mira, '/api/v1/challenges', {
      space_id: space.id,
      title: CHALLENGE,
      problem: 'Our data centres spend a third of their energy on **cooling**. How could we cool them with less, and put the heat to use?',
      goals: ['Cut cooling energy by a fifth', 'Find a use for the waste heat'],
      audience: 'both',
      phases: { submission_opens: day(-1), discussion_opens: day(10), voting_opens: day(20), review_opens: day(30), closes: day(40) },
      votes_per_person: 3,
      protocol: 'One idea per submission. Build on others where you can.',
    })
  ).id;
  state.frameworkId = (await apiPost<{ id: number }>(mira, '/api/v1/frameworks', { name: FRAMEWORK, description: 'From a promoted idea to a pilot.' })).id;
  await mira.close();

  // Sam's two ideas in the challenge.
  const sam = await browser.newContext();
  await signIn(sam, SAM);
  state.racksId = (
    await apiPost<{ id: number }>(sam, '/api/v1/ideas', {
      challenge_id: state.challengeId,
      title: RACKS,
      description: 'Cool the server racks with closed liquid cooling loops instead of fans, and cut the energy spent on cooling.',
      tags: ['cooling'],
    })
  ).id;
  state.greenhousesId = (
    await apiPost<{ id: number }>(sam, '/api/v1/ideas', {
      challenge_id: state.challengeId,
      title: GREENHOUSES,
      description: 'Pipe the waste heat to the greenhouses at the edge of town, which burn gas all winter.',
      tags: ['heat'],
    })
  ).id;
  await sam.close();
});

async function signedIn(browser: Browser, person: Person, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ colorScheme });
  await signIn(context, person);
  return { context, page: await context.newPage() };
}

/** A full-page screenshot from the top (the shell's header is fixed). */
async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreen(page, name);
}

/** Opens the idea page and waits for its heading. */
async function openIdea(page: Page, id: number | undefined, title: string): Promise<void> {
  await page.goto(`/ideas/${id}`);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

const comment = (page: Page, name: string) => page.getByRole('main').getByRole('article', { name: `Comment by ${name}` });

test('an external participant joins by invitation and submits an idea that builds on a similar one', async ({ browser }) => {
  test.setTimeout(120_000);
  // Clara opens her invitation link and sets a password.
  const guest = await browser.newContext();
  const page = await guest.newPage();
  await page.goto(state.inviteUrl ?? '');
  await expect(page.getByRole('heading', { name: `Join ${SPACE}` })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue(CLARA.name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(CLARA.password);
  await page.getByLabel('Repeat the password').fill(CLARA.password);
  await page.getByRole('button', { name: 'Accept and join' }).click();
  await expect(page).toHaveURL(new RegExp(`/spaces/${state.spaceId}$`));
  await expect(page.getByRole('heading', { name: SPACE, level: 1 })).toBeVisible();

  // The rail leads her to the challenges of her space.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Ideas' }).click();
  await expect(page).toHaveURL(/\/ideas$/);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Challenges', level: 1 })).toBeVisible();
  await expectAccessible(page, 'challenges (external)');
  await screen(page, 'ideas-challenges-external-light');
  await main.getByRole('link', { name: CHALLENGE }).click();

  // The challenge: its problem, phases and the two ideas so far.
  await expect(page.getByRole('heading', { name: CHALLENGE, level: 1 })).toBeVisible();
  await expect(main.getByRole('region', { name: 'The problem' })).toContainText('spend a third of their energy on cooling');
  await expect(main.getByRole('list', { name: `Ideas for ${CHALLENGE}` }).getByRole('listitem')).toHaveCount(2);
  await expect(main.getByRole('region', { name: 'At a glance' })).toContainText('You have 3 votes left');
  await expectAccessible(page, 'challenge page (external)');
  await screen(page, 'ideas-challenge-external-light');

  // She answers it. While she types, Sam's idea with the same words is suggested.
  await main.getByRole('link', { name: 'Submit idea' }).first().click();
  await expect(page.getByRole('heading', { name: `Share an idea for “${CHALLENGE}”`, level: 1 })).toBeVisible();
  const similar = main.getByRole('region', { name: 'Similar ideas' });
  await expect(similar.getByRole('status')).toContainText('Start typing');
  await main.getByRole('textbox', { name: 'Title' }).pressSequentially(CLARA_IDEA.replace(` ${run}`, ''), { delay: 10 });
  await main.getByRole('textbox', { name: 'Title' }).pressSequentially(` ${run}`);
  await main
    .getByRole('textbox', { name: 'Description' })
    .fill('Liquid cooling loops in the server racks, and the warm water from them heats the offices next door instead of being cooled down again.');
  const suggestions = similar.getByRole('list', { name: 'Similar ideas, best match first' });
  await expect(suggestions.getByRole('link', { name: `${RACKS} (opens in a new tab)` })).toBeVisible();
  await expect(similar.getByRole('status')).toContainText(/similar ideas? found/);
  await expect(main.getByRole('link', { name: /Review (the similar idea|\d+ similar ideas)/ })).toBeVisible();
  // She builds on it rather than starting over.
  const racks = suggestions.getByRole('listitem').filter({ has: page.getByRole('link', { name: `${RACKS} (opens in a new tab)` }) });
  await racks.getByRole('button', { name: 'Build on this' }).click();
  await expect(racks.getByRole('button', { name: 'Building on this' })).toHaveAttribute('aria-pressed', 'true');
  await expect(main.getByRole('button', { name: `Do not build on “${RACKS}”` })).toBeVisible();
  const tags = main.getByRole('textbox', { name: 'Tags' });
  await tags.pressSequentially('heat-reuse');
  await tags.press('Enter');
  await expect(tags).toHaveValue('');
  await expectAccessible(page, 'submit an idea with a similar idea suggested');
  await screen(page, 'ideas-submit-similar-light');
  await main.getByRole('button', { name: 'Submit idea' }).click();

  // Her idea page: it builds on Sam's idea.
  await expect(page.getByRole('heading', { name: CLARA_IDEA, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/ideas\/\d+$/);
  state.claraIdeaId = Number(page.url().split('/').pop());
  const links = main.getByRole('region', { name: 'Building on each other' });
  await expect(links.getByRole('link', { name: RACKS })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Authors' })).toContainText(`${CLARA.name} author`);
  await expect(main.getByRole('region', { name: 'The idea' })).toContainText('#heat-reuse');
  // Nothing internal for her: no interest or review panels, no moderation.
  await expect(main.getByRole('region', { name: 'Stakeholder interest' })).toHaveCount(0);
  await expect(main.getByRole('region', { name: 'Internal reviews' })).toHaveCount(0);
  await expect(main.getByRole('region', { name: 'Moderation' })).toHaveCount(0);
  await expectAccessible(page, 'idea page (external author)');
  await screen(page, 'ideas-idea-external-light');

  // On second thought it builds on the greenhouses too: linked from the idea page.
  await links.getByRole('button', { name: 'Build on an idea' }).click();
  const buildOn = page.getByRole('dialog', { name: 'Build on an idea' });
  const other = buildOn.getByRole('textbox', { name: 'Idea to build on', exact: true });
  await other.click();
  await other.fill('greenhouses');
  await page.getByRole('option', { name: GREENHOUSES, exact: true }).click();
  await expectAccessible(page, 'build on an idea dialog');
  await saveScreen(page, 'ideas-build-on-light', false);
  await buildOn.getByRole('button', { name: 'Link' }).click();
  await expect(buildOn).toBeHidden();
  await expect(links.getByRole('link', { name: GREENHOUSES })).toBeVisible();
  await expect(links.getByRole('button', { name: `Stop building on “${GREENHOUSES}”` })).toBeVisible();

  // Sam's idea now says it is built on.
  await links.getByRole('link', { name: RACKS }).click();
  await expect(page.getByRole('heading', { name: RACKS, level: 1 })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Building on each other' }).getByRole('link', { name: CLARA_IDEA })).toBeVisible();
  await guest.close();
});

test('she comments on another idea and, once the challenge is voting, votes and sees her votes left go down', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedIn(browser, CLARA);
  const main = page.getByRole('main');

  // A comment on Sam's other idea, found from the challenge's list.
  await page.goto(`/ideas/challenges/${state.challengeId}`);
  await main.getByRole('list', { name: `Ideas for ${CHALLENGE}` }).getByRole('link', { name: GREENHOUSES }).click();
  await expect(page.getByRole('heading', { name: GREENHOUSES, level: 1 })).toBeVisible();
  await expect(main.getByRole('region', { name: '0 comments' })).toContainText('No comments yet');
  await main.getByRole('textbox', { name: 'Add a comment' }).fill('Could the greenhouses take the heat in summer too, or only in winter?');
  await main.getByRole('button', { name: 'Post comment' }).click();
  await expect(comment(page, CLARA.name)).toContainText('Could the greenhouses take the heat in summer too');
  await expect(main.getByRole('region', { name: '1 comment' })).toBeVisible();
  // Votes open later.
  const votes = main.getByRole('region', { name: '0 votes' });
  await expect(votes.getByRole('button', { name: 'Vote' })).toBeDisabled();
  await expect(votes).toContainText(`Voting opens on`);
  await expectAccessible(page, 'idea page with a comment (external)');
  await screen(page, 'ideas-idea-commented-light');

  // Mira moves the challenge into its voting phase (voting opened yesterday).
  const mira = await browser.newContext();
  await signIn(mira, MIRA);
  const challenge = await apiGet<{ version: number }>(mira, `/api/v1/challenges/${state.challengeId}`);
  const moved = await apiPatch<{ phase: string }>(mira, `/api/v1/challenges/${state.challengeId}`, {
    version: challenge.version,
    phases: { submission_opens: day(-21), discussion_opens: day(-11), voting_opens: day(-1), review_opens: day(10), closes: day(20) },
  });
  expect(moved.phase).toBe('voting');
  await mira.close();

  // Clara votes for the greenhouses: one of her three votes is used.
  await page.reload();
  await expect(page.getByRole('heading', { name: GREENHOUSES, level: 1 })).toBeVisible();
  const open = main.getByRole('region', { name: '0 votes' });
  await expect(open).toContainText('3 of your 3 votes left in this challenge.');
  await open.getByRole('button', { name: 'Vote' }).click();
  const voted = main.getByRole('region', { name: '1 vote' });
  await expect(voted.getByRole('button', { name: 'Voted' })).toHaveAttribute('aria-pressed', 'true');
  await expect(voted).toContainText('2 of your 3 votes left in this challenge.');
  await expect(voted).toContainText('Press again to withdraw your vote.');
  await expectAccessible(page, 'idea page, voted (external)');
  await screen(page, 'ideas-idea-voted-light');

  // And for the racks idea too; her own idea takes no vote from her.
  await openIdea(page, state.racksId, RACKS);
  await main.getByRole('region', { name: '0 votes' }).getByRole('button', { name: 'Vote' }).click();
  await expect(main.getByRole('region', { name: '1 vote' })).toContainText('1 of your 3 votes left in this challenge.');

  // The challenge page counts the same.
  await page.goto(`/ideas/challenges/${state.challengeId}`);
  await expect(main.getByRole('region', { name: 'At a glance' })).toContainText('You have 1 vote left');
  const list = main.getByRole('list', { name: `Ideas for ${CHALLENGE}` });
  await expect(list.getByRole('listitem').filter({ hasText: GREENHOUSES })).toContainText('1 vote, including yours');
  await expectAccessible(page, 'challenge page, voting (external)');
  await screen(page, 'ideas-challenge-voting-light');
  await context.close();
});

test('a hostile comment meets the tone prompt, is posted anyway, reported, and hidden by the moderator', async ({ browser }) => {
  test.setTimeout(120_000);
  // Clara writes something harsh on Sam's racks idea: the prompt asks her to rephrase first.
  const clara = await signedIn(browser, CLARA);
  const main = clara.page.getByRole('main');
  await openIdea(clara.page, state.racksId, RACKS);
  await main.getByRole('textbox', { name: 'Add a comment' }).fill(HOSTILE);
  await main.getByRole('button', { name: 'Post comment' }).click();
  const prompt = main.getByRole('alertdialog', { name: 'Could this be said more constructively?' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toBeFocused();
  await expect(prompt).toContainText('Your comment has not been posted yet.');
  await expect(main.getByRole('textbox', { name: 'Add a comment' })).toHaveValue(HOSTILE);
  await expect(comment(clara.page, CLARA.name)).toHaveCount(0);
  await expectAccessible(clara.page, 'constructive-feedback prompt');
  await screen(clara.page, 'ideas-tone-prompt-light');
  // She posts it anyway.
  await prompt.getByRole('button', { name: 'Post anyway' }).click();
  await expect(prompt).toBeHidden();
  await expect(comment(clara.page, CLARA.name)).toContainText(HOSTILE);
  // The hostility flag is internal: she does not see it.
  await expect(main.getByText('Posted despite the tone prompt')).toHaveCount(0);

  // Sam, whose idea it is, reports the comment.
  const sam = await signedIn(browser, SAM);
  await openIdea(sam.page, state.racksId, RACKS);
  const samMain = sam.page.getByRole('main');
  await expect(comment(sam.page, CLARA.name).getByText('Posted despite the tone prompt')).toBeVisible();
  await comment(sam.page, CLARA.name).getByRole('button', { name: `Report the comment by ${CLARA.name}` }).click();
  const report = sam.page.getByRole('dialog', { name: 'Report this comment' });
  await report.getByRole('textbox', { name: 'What is wrong?' }).fill('Insulting, and says nothing about what to change.');
  await expectAccessible(sam.page, 'report a comment dialog');
  await saveScreen(sam.page, 'ideas-report-comment-light', false);
  await report.getByRole('button', { name: 'Send report' }).click();
  await expect(report).toBeHidden();
  await expect(sam.page.getByText('Thank you: the moderators will look at it.')).toBeVisible();
  await expect(samMain.getByRole('heading', { name: RACKS, level: 1 })).toBeVisible();
  await sam.context.close();

  // Moritz, moderator of the space, finds it in the queue and hides it with a note.
  const moritz = await signedIn(browser, MORITZ);
  const page = moritz.page;
  const modMain = page.getByRole('main');
  await page.goto('/ideas');
  await page.getByRole('navigation', { name: 'Ideas sections' }).getByRole('link', { name: 'Moderation' }).click();
  await expect(modMain.getByRole('heading', { name: 'Moderation queue', level: 1 })).toBeVisible();
  const card = modMain.getByRole('list', { name: 'Reports' }).getByRole('listitem').filter({ hasText: HOSTILE });
  await expect(card).toContainText(`Reported by ${SAM.name}`);
  await expect(card).toContainText('Insulting, and says nothing about what to change.');
  await expectAccessible(page, 'moderation queue');
  await screen(page, 'ideas-moderation-queue-light');
  await card.getByRole('button', { name: 'Hide' }).click();
  const hide = page.getByRole('dialog', { name: 'Hide from everyone but moderators' });
  await hide.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await expectAccessible(page, 'hide a comment dialog');
  await saveScreen(page, 'ideas-moderate-hide-light', false);
  await hide.getByRole('button', { name: 'Hide' }).click();
  await expect(hide).toBeHidden();
  await expect(modMain.getByRole('list', { name: 'Reports' }).getByRole('listitem').filter({ hasText: HOSTILE })).toHaveCount(0);

  // Resolved, by him.
  const show = modMain.getByRole('radiogroup', { name: 'Show reports' });
  // The segmented control's radio inputs are hidden; their labels take the click.
  await show.getByText('Resolved', { exact: true }).click();
  await expect(show.getByRole('radio', { name: 'Resolved' })).toBeChecked();
  await expect(page).toHaveURL(/status=resolved/);
  const resolved = modMain.getByRole('list', { name: 'Reports' }).getByRole('listitem').filter({ hasText: HOSTILE });
  await expect(resolved).toContainText(`Hidden by ${MORITZ.name}`);
  await expectAccessible(page, 'moderation queue, resolved');

  // On the idea page he still sees it, marked hidden, with the note and the tone flag.
  await resolved.getByRole('link', { name: 'Open the comment' }).click();
  await expect(page.getByRole('heading', { name: RACKS, level: 1 })).toBeVisible();
  const hidden = comment(page, CLARA.name).filter({ hasText: HOSTILE });
  await expect(hidden).toContainText('Hidden');
  await expect(hidden).toContainText('Posted despite the tone prompt');
  await expect(hidden).toContainText(NOTE);
  await expect(hidden.getByRole('button', { name: 'Restore' })).toBeVisible();
  await expectAccessible(page, 'idea page with a hidden comment (moderator)');
  await screen(page, 'ideas-idea-hidden-comment-moderator-light');
  await moritz.context.close();

  // Clara no longer sees it.
  await clara.page.reload();
  await expect(clara.page.getByRole('heading', { name: RACKS, level: 1 })).toBeVisible();
  await expect(main.getByRole('region', { name: /comments?$/ })).toBeVisible();
  await expect(main.getByText(HOSTILE)).toHaveCount(0);
  await expect(comment(clara.page, CLARA.name)).toHaveCount(0);
  await expectAccessible(clara.page, 'idea page after the comment was hidden (external)');
  await clara.context.close();
});

test('an innovation manager records a customer’s interest and promotes the idea into a project', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedIn(browser, MIRA);
  const main = page.getByRole('main');
  await openIdea(page, state.claraIdeaId, CLARA_IDEA);

  // The internal panel: Fjord Energy is interested.
  const interest = main.getByRole('region', { name: 'Stakeholder interest' });
  await expect(interest).toContainText('Interest score 0');
  const record = interest.getByRole('form', { name: 'Record interest' });
  const stakeholder = record.getByRole('textbox', { name: 'Stakeholder', exact: true });
  await stakeholder.click();
  await stakeholder.fill(CUSTOMER);
  await page.getByRole('option', { name: CUSTOMER, exact: true }).click();
  await record.getByRole('button', { name: 'Record interest' }).click();
  await expect(page.getByText(`Interest of ${CUSTOMER} recorded`)).toBeVisible();
  await expect(interest).toContainText('Interest score 2');
  await expect(interest.getByRole('listitem').filter({ hasText: CUSTOMER })).toContainText('Interested');
  await expectAccessible(page, 'idea page with interest (manager)');
  await screen(page, 'ideas-idea-interest-manager-light');

  // Promote it: framework, title, hypothesis; the fit answers stay in the middle.
  await main.getByRole('region', { name: 'Moderation' }).getByRole('button', { name: 'Promote into a project' }).click();
  const promote = page.getByRole('dialog', { name: 'Promote into a project' });
  await promote.getByRole('textbox', { name: 'Framework', exact: true }).click();
  await page.getByRole('option', { name: FRAMEWORK, exact: true }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(promote.getByRole('textbox', { name: 'Project title' })).toHaveValue(CLARA_IDEA);
  await promote.getByRole('textbox', { name: 'Project title' }).fill(PROJECT);
  await promote.getByRole('textbox', { name: 'Hypothesis' }).fill('We believe that warm water from liquid-cooled racks can heat the offices next door all year.');
  await expectAccessible(page, 'promote into a project dialog');
  await saveScreen(page, 'ideas-promote-light', false);
  await promote.getByRole('button', { name: 'Create project' }).click();

  // The project page: it links back to the idea and brought the customer along.
  await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  state.projectId = Number(page.url().split('/').pop());
  const ideas = main.getByRole('region', { name: 'Ideas it came from' });
  await expect(ideas.getByRole('link', { name: CLARA_IDEA })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Stakeholders' }).getByRole('link', { name: CUSTOMER, exact: true })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Stakeholders' })).toContainText('Customer');
  await expectAccessible(page, 'project page from a promoted idea');
  await screen(page, 'ideas-project-from-idea-light');

  // The idea: in a project, with a link to it; promoting again is not offered.
  await ideas.getByRole('link', { name: CLARA_IDEA }).click();
  await expect(page.getByRole('heading', { name: CLARA_IDEA, level: 1 })).toBeVisible();
  const description = main.getByRole('region', { name: 'The idea' });
  await expect(description.getByText('In a project')).toBeVisible();
  await expect(description.getByRole('link', { name: `In project “${PROJECT}”` })).toHaveAttribute('href', `/projects/${state.projectId}`);
  await expect(main.getByRole('button', { name: 'Promote into a project' })).toHaveCount(0);
  await expectAccessible(page, 'idea page in a project (manager)');
  await screen(page, 'ideas-idea-in-project-light');

  // The list of all ideas shows it too.
  await page.goto(`/ideas/all?space=${state.spaceId}`);
  const row = main.getByRole('list', { name: 'All ideas' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: CLARA_IDEA }) });
  await expect(row).toContainText(`In project “${PROJECT}”`);
  await expect(row).toContainText('Interest: 1 stakeholder · score 2');
  await expectAccessible(page, 'all ideas (manager)');
  await screen(page, 'ideas-all-manager-light');
  await context.close();

  // The same in the dark theme: the idea page for Mira, the challenge page for Clara.
  const dark = await signedIn(browser, MIRA, 'dark');
  await openIdea(dark.page, state.claraIdeaId, CLARA_IDEA);
  await expect(dark.page.getByRole('region', { name: 'Stakeholder interest' })).toContainText('Interest score 2');
  await expectAccessible(dark.page, 'idea page in a project (manager, dark)');
  await screen(dark.page, 'ideas-idea-in-project-dark');
  await dark.context.close();

  const guestDark = await signedIn(browser, CLARA, 'dark');
  await guestDark.page.goto(`/ideas/challenges/${state.challengeId}`);
  await expect(guestDark.page.getByRole('heading', { name: CHALLENGE, level: 1 })).toBeVisible();
  await expect(guestDark.page.getByRole('main').getByRole('region', { name: 'At a glance' })).toContainText('You have 1 vote left');
  await expectAccessible(guestDark.page, 'challenge page (external, dark)');
  await screen(guestDark.page, 'ideas-challenge-external-dark');
  await guestDark.context.close();
});
