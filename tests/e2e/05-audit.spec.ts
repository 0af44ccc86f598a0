import { ADA, expect, expectAccessible, ensureSetup, saveScreen, signIn, test } from './support/app';

test.beforeAll(async ({ request }) => ensureSetup(request));

test('the audit trail shows the actions of the journeys, and filters them', async ({ browser }) => {
  const context = await browser.newContext();
  await signIn(context, ADA);
  const page = await context.newPage();
  await page.goto('/admin/audit');
  const table = page.getByTestId('audit-table');
  await expect(table).toBeVisible();
  await expectAccessible(page, 'audit trail');
  await saveScreen(page, 'audit-light');

  // What the earlier journeys did (run alone, this file only sees sign-ins).
  await expect(table.getByText('invitation.created').first()).toBeVisible();
  await expect(table.getByText('invitation.accepted').first()).toBeVisible();
  await expect(table.getByText('session.revoked').first()).toBeVisible();
  await expect(table.getByText('space.created').first()).toBeVisible();

  // Filters live in the URL and narrow the list.
  await page.getByLabel('Object type').fill('invitation');
  await expect(page).toHaveURL(/object_type=invitation/);
  await expect(table.getByRole('row').nth(1)).toContainText('invitation #');
  const objects = await table.locator('tbody tr td:nth-child(4)').allTextContents();
  expect(objects.length).toBeGreaterThan(0);
  for (const text of objects) expect(text).toContain('invitation #');

  // A shared link opens the same filtered view.
  const url = page.url();
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByLabel('Object type')).toHaveValue('invitation');
  await context.close();
});
