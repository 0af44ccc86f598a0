import { ADA, expect, expectAccessible, ensureSetup, saveScreen, signInWithForm, test } from './support/app';

test.beforeAll(async ({ request }) => ensureSetup(request));

test('a wrong password says "E-mail or password is wrong"', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expectAccessible(page, 'sign-in page');
  await saveScreen(page, 'sign-in-light');

  await signInWithForm(page, { ...ADA, password: 'not the password at all' });
  await expect(page.getByRole('alert')).toHaveText('E-mail or password is wrong');
  await expect(page).toHaveURL(/\/sign-in/);
  // What was typed stays.
  await expect(page.getByLabel('E-mail')).toHaveValue(ADA.email);
  await expectAccessible(page, 'sign-in page with an error');

  // An unknown account gets the very same answer.
  await signInWithForm(page, { ...ADA, email: 'nobody@e2e.test' });
  await expect(page.getByRole('alert')).toHaveText('E-mail or password is wrong');
  await context.close();
});

test('sign in, then sign out from the account menu', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/admin/users');
  // Signed out: sent to sign-in, which remembers where we were going.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  await page.getByLabel('E-mail').fill(ADA.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADA.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: `Account menu for ${ADA.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // The session is really gone on the server.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});
