import { ADA, apiPost, expect, expectAccessible, ensureSetup, saveScreen, signIn, test, type Person } from './support/app';

// Every main page, as an administrator, in light and dark: no serious or critical axe
// violations, and a screenshot in tests/e2e/artifacts/screens/ to look at.

test.beforeAll(async ({ request }) => ensureSetup(request));

test('personal API tokens: create with scopes, shown once, copy, revoke', async ({ browser }) => {
  const context = await browser.newContext();
  await signIn(context, ADA);
  const page = await context.newPage();
  await page.goto('/me/tokens');
  await page.getByRole('button', { name: 'Create token' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await dialog.getByLabel('Name').fill('CRM sync');
  await dialog.getByRole('checkbox', { name: 'Write' }).check();
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('dialog', { name: 'Your new token' });
  const token = await shown.getByRole('textbox', { name: 'Token "CRM sync"' }).inputValue();
  expect(token).toMatch(/^cct_/);
  await expect(shown.getByRole('button', { name: /Copy/ })).toBeVisible();
  await expectAccessible(page, 'new token dialog');
  await shown.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('row', { name: /CRM sync/ });
  await expect(row).toContainText('Read');
  await expect(row).toContainText('Write');
  // The token works as a bearer token…
  const ok = await context.request.get(`${process.env.COCREATE_E2E_URL}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  // …until it is revoked.
  await row.getByRole('button', { name: 'Revoke token CRM sync' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('row', { name: /CRM sync/ })).toHaveCount(0);
  const gone = await browser.newContext();
  const refused = await gone.request.get(`${process.env.COCREATE_E2E_URL}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  await Promise.all([gone.close(), context.close()]);
});

test('administration: create an internal user and an organisation; filters live in the URL', async ({ browser }) => {
  const context = await browser.newContext();
  await signIn(context, ADA);
  const page = await context.newPage();

  await page.goto('/admin/organisations');
  await page.getByRole('button', { name: 'Add organisation' }).first().click();
  const org = page.getByRole('dialog', { name: 'Add an organisation' });
  await org.getByLabel('Name').fill('Northwind Logistics');
  await org.getByLabel('Domain').fill('northwind.e2e.test');
  await org.getByRole('button', { name: 'Add organisation' }).click();
  await expect(page.getByRole('row', { name: /Northwind Logistics/ })).toBeVisible();

  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Create user' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create an internal user' });
  await dialog.getByLabel('Name').fill('Ines Innovation');
  await dialog.getByLabel('E-mail').fill('ines@e2e.test');
  await dialog.getByLabel('Initial password').fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  // The server's field error appears at the field; nothing typed is lost.
  await expect(dialog.getByLabel('Initial password')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Name')).toHaveValue('Ines Innovation');
  await dialog.getByLabel('Initial password').fill('ines password 2026');
  await dialog.getByRole('checkbox', { name: 'Executive' }).check();
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('heading', { name: 'Ines Innovation', level: 1 })).toBeVisible();

  await page.goto('/admin/users');
  const search = page.getByRole('main').getByRole('textbox', { name: 'Search' });
  await search.fill('ines');
  await expect(page).toHaveURL(/q=ines/);
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.reload();
  await expect(search).toHaveValue('ines');
  await context.close();
});

const pages: { name: string; path: string; heading: string | RegExp }[] = [
  { name: 'home', path: '/', heading: 'My week' },
  { name: 'profile', path: '/me', heading: 'My profile' },
  { name: 'sessions', path: '/me/sessions', heading: 'My sessions' },
  { name: 'tokens', path: '/me/tokens', heading: 'API tokens' },
  { name: 'admin-users', path: '/admin/users', heading: 'Users' },
  { name: 'admin-organisations', path: '/admin/organisations', heading: 'Organisations' },
  { name: 'admin-spaces', path: '/admin/spaces', heading: 'Spaces' },
  { name: 'admin-invitations', path: '/admin/invitations?status=all', heading: 'Invitations' },
  { name: 'admin-audit', path: '/admin/audit', heading: 'Audit trail' },
  { name: 'not-found', path: '/no/such/page', heading: 'Not found' },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`every main page is accessible and looks right (${scheme})`, async ({ browser }) => {
    // A dozen pages, each with an axe run and a full-page screenshot.
    test.setTimeout(240_000);
    const context = await browser.newContext({ colorScheme: scheme });
    await signIn(context, ADA as Person);
    const space = await apiPost<{ id: number }>(context, '/api/v1/spaces', {
      name: `Customer community (${scheme})`,
      description: 'Open community for customers, partners and employees.',
      kind: 'community',
      external_allowed: true,
      experimental: false,
    });
    const page = await context.newPage();
    // The server's CSP allows no inline script and no eval: the browser reports any breach.
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    const all = [
      ...pages,
      { name: 'space', path: `/spaces/${space.id}`, heading: `Customer community (${scheme})` },
      { name: 'admin-space', path: `/admin/spaces/${space.id}`, heading: `Customer community (${scheme})` },
    ];
    for (const p of all) {
      await page.goto(p.path);
      await expect(page.getByRole('heading', { name: p.heading, level: 1 }), p.path).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expectAccessible(page, `${p.path} (${scheme})`);
      await saveScreen(page, `${p.name}-${scheme}`);
    }

    expect(cspErrors, 'CSP violations').toEqual([]);

    // Phone width: the rail becomes a burger menu.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const burger = page.getByRole('button', { name: 'Open navigation' });
    await expect(burger).toBeVisible();
    await expect(burger).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'Administration' })).not.toBeInViewport();
    await saveScreen(page, `home-phone-${scheme}`);
    await burger.click();
    await expect(page.getByRole('link', { name: 'Administration' })).toBeInViewport();
    await expectAccessible(page, `phone navigation (${scheme})`);
    await saveScreen(page, `nav-phone-${scheme}`, false);
    await context.close();
  });
}

test('the theme toggle switches and is remembered', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  await signIn(context, ADA);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await context.close();
});

test('keyboard: skip link, visible focus, and the account menu work without a mouse', async ({ browser }) => {
  const context = await browser.newContext();
  await signIn(context, ADA);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'My week', level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);

  const menu = page.getByRole('button', { name: `Account menu for ${ADA.name}` });
  await menu.focus();
  const outline = await menu.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'My profile' })).toBeVisible();
  await page.keyboard.press('Escape');
  await context.close();
});
