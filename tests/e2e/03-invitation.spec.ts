import { ADA, apiPost, expect, expectAccessible, ensureSetup, saveScreen, signIn, test } from './support/app';

test.beforeAll(async ({ request }) => ensureSetup(request));

test('an administrator invites an external participant, who joins and sees only that space', async ({ browser }) => {
  const admin = await browser.newContext();
  await signIn(admin, ADA);
  // Something internal the guest must never see.
  const internal = await apiPost<{ id: number }>(admin, '/api/v1/spaces', {
    name: 'Portfolio war room',
    description: 'Internal only.',
    kind: 'project_room',
    external_allowed: false,
    experimental: false,
  });

  // The administrator creates a space open to externals, through the UI.
  const page = await admin.newPage();
  await page.goto('/admin/spaces');
  await page.getByRole('button', { name: 'Create space' }).first().click();
  const create = page.getByRole('dialog', { name: 'Create a space' });
  await create.getByLabel('Name').fill('Northwind pilot');
  await create.getByLabel('Description').fill('Co-innovation pilot with Northwind.');
  await create.getByRole('switch', { name: 'Open to external participants' }).check();
  await create.getByRole('button', { name: 'Create space' }).click();
  await expect(page.getByRole('heading', { name: 'Northwind pilot', level: 1 })).toBeVisible();
  const spaceId = Number(page.url().split('/').pop());

  // … and invites Clara.
  await page.getByRole('button', { name: 'Invite someone' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite someone to this space' });
  await invite.getByLabel('E-mail').fill('clara@northwind.e2e.test');
  await invite.getByLabel('Name').fill('Clara Customer');
  await invite.getByRole('button', { name: 'Invite someone' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Send this link' });
  const link = await linkDialog.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  expect(link).toMatch(/\/invite\/[^/]+$/);
  await expectAccessible(page, 'invitation link dialog');
  await linkDialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('cell', { name: 'Clara Customer clara@northwind.e2e.test' })).toBeVisible();
  await expectAccessible(page, 'space administration page');
  await saveScreen(page, 'admin-space-light');

  // Clara opens the link in her own browser.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole('heading', { name: 'Join Northwind pilot' })).toBeVisible();
  await expect(guestPage.getByTestId('invitation-summary')).toContainText('clara@northwind.e2e.test');
  await expect(guestPage.getByLabel('Your name')).toHaveValue('Clara Customer');
  await expectAccessible(guestPage, 'invitation page');
  await saveScreen(guestPage, 'invite-light');
  await guestPage.getByRole('textbox', { name: 'Password', exact: true }).fill('clara guest password');
  await guestPage.getByLabel('Repeat the password').fill('clara guest password');
  await guestPage.getByRole('button', { name: 'Accept and join' }).click();

  // She lands in the space …
  await expect(guestPage).toHaveURL(new RegExp(`/spaces/${spaceId}$`));
  await expect(guestPage.getByRole('heading', { name: 'Northwind pilot', level: 1 })).toBeVisible();
  await expect(guestPage.getByRole('cell', { name: /Clara Customer/ })).toBeVisible();
  await expectAccessible(guestPage, 'space page (external)');
  await saveScreen(guestPage, 'space-external-light');

  // … sees only her space and her profile, nothing internal …
  const nav = guestPage.getByRole('navigation', { name: 'Main navigation' });
  // Ideas is the one module external participants use next to their spaces.
  await expect(nav.getByRole('link')).toHaveText(['My spaces', 'Ideas']);
  await expect(guestPage.getByRole('textbox', { name: 'Search' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'My spaces' }).click();
  await expect(guestPage.getByRole('heading', { name: 'My spaces', level: 1 })).toBeVisible();
  await expect(guestPage.getByRole('link', { name: /Northwind pilot/ })).toBeVisible();
  await expect(guestPage.getByText('Portfolio war room')).toHaveCount(0);
  await expect(guestPage.getByText('What will appear here')).toHaveCount(0);
  await expectAccessible(guestPage, 'home (external)');
  await saveScreen(guestPage, 'home-external-light');

  // … and administration pages and internal spaces do not exist for her.
  for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/spaces', `/spaces/${internal.id}`, '/me/tokens']) {
    await guestPage.goto(path);
    await expect(guestPage.getByRole('heading', { name: 'This page does not exist' }), path).toBeVisible();
    await expect(guestPage.getByText('Portfolio war room')).toHaveCount(0);
  }
  await guestPage.goto('/me');
  await expect(guestPage.getByRole('link', { name: 'API tokens' })).toHaveCount(0);
  await expect(guestPage.getByLabel('Display name')).toHaveValue('Clara Customer');

  // The administrator sees the invitation accepted and Clara in the space.
  await page.goto(`/spaces/${spaceId}`);
  await expect(page.getByRole('cell', { name: /Clara Customer/ })).toBeVisible();
  await page.goto('/admin/invitations?status=accepted');
  await expect(page.getByRole('cell', { name: 'Clara Customer clara@northwind.e2e.test' })).toBeVisible();

  // The link works once.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(link);
  await expect(againPage.getByText('This invitation link is no longer valid')).toBeVisible();
  await Promise.all([again.close(), guest.close(), admin.close()]);
});
