import { ADA, baseURL, expect, expectAccessible, saveScreen, test } from './support/app';

test('first-run setup creates the first administrator and signs them in', async ({ browser, request }) => {
  const status = await (await request.get(`${baseURL()}/api/v1/setup`)).json();
  test.skip(!status.needed, 'the server is already set up (this journey needs a fresh database)');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up cocreate' })).toBeVisible();
  await expectAccessible(page, 'setup page');
  await saveScreen(page, 'setup-light');

  await page.getByLabel('Your name').fill(ADA.name);
  await page.getByLabel('E-mail').fill(ADA.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADA.password);
  await page.getByLabel('Repeat the password').fill(ADA.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();

  await expect(page).toHaveURL(`${baseURL()}/`);
  await expect(page.getByRole('heading', { name: 'My week', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: `Account menu for ${ADA.name}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Administration' })).toBeVisible();

  // Setup happens once: afterwards the page sends people to sign-in.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/setup');
  await expect(otherPage).toHaveURL(/\/sign-in$/);
  await other.close();
  await context.close();
});
