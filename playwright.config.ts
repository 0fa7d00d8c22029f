import { defineConfig } from '@playwright/test';

/**
 * E2E: each test starts its own server host (out/main/server.js) on a fresh data folder, see tests/e2e/fixtures.ts.
 * Build first: `npm run build` (out/renderer + out/main). The global setup builds the demo registry once (cli.js demo).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // One demo registry per run; each test copies it into its own data folder (fixtures.ts).
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1366, height: 860 },
    actionTimeout: 10_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
