import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive the built app (web/dist) served by the real `cocreate` binary, in
// Debian's Chromium (no browser download). See tests/e2e/support/global-setup.ts.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: '../tests/e2e',
  outputDir: '../tests/e2e/artifacts/test-results',
  globalSetup: '../tests/e2e/support/global-setup.ts',
  // The journeys share one server (first-run setup can happen only once per database), so files
  // run one after the other, in name order.
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { outputFolder: '../tests/e2e/artifacts/report', open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [{ name: 'chromium' }],
});
