import { ADA, expect, expectAccessible, ensureSetup, saveScreen, signIn, signInWithForm, test } from './support/app';

test.beforeAll(async ({ request }) => ensureSetup(request));

// A browser with a recognisable user agent, so its session is easy to pick out in the list.
const OTHER_DEVICE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0';

test('revoking a session signs that browser out', async ({ browser }) => {
  const laptop = await browser.newContext();
  await signIn(laptop, ADA);
  const other = await browser.newContext({ userAgent: OTHER_DEVICE });
  const otherPage = await other.newPage();
  await signInWithForm(otherPage, ADA);
  await expect(otherPage.getByRole('heading', { name: 'My week', level: 1 })).toBeVisible();

  const page = await laptop.newPage();
  await page.goto('/me/sessions');
  await expect(page.getByTestId('current-session')).toHaveCount(1);
  await expect(page.getByTestId('current-session')).toContainText('This session');
  await expectAccessible(page, 'sessions page');
  await saveScreen(page, 'sessions-light');

  const row = page.getByTestId('other-session').filter({ hasText: 'Firefox on Windows' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /Revoke session/ }).click();
  await page.getByRole('dialog', { name: 'Revoke this session?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('Session revoked')).toBeVisible();
  await expect(page.getByTestId('other-session').filter({ hasText: 'Firefox on Windows' })).toHaveCount(0);

  // The other browser's next request finds its session gone and lands on sign-in.
  await otherPage.goto('/me');
  await expect(otherPage).toHaveURL(/\/sign-in\?next=%2Fme$/);
  // The laptop is still signed in.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My sessions', level: 1 })).toBeVisible();
  await Promise.all([laptop.close(), other.close()]);
});
