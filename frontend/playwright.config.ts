import { defineConfig } from '@playwright/test';

// The app's dev binary (built with -tags dev,webkit2_41) serves the frontend and
// the real Go bindings on SHOPCLERK_E2E_URL; the lead's harness starts it under
// Xvfb on a fresh demo database. Debian's chromium drives it (no browser download).
export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../test-artifacts/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.SHOPCLERK_E2E_URL ?? 'http://127.0.0.1:34115',
    viewport: { width: 1280, height: 820 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
