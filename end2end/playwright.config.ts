import { defineConfig } from '@playwright/test';

// The server is started by scripts/test.sh, which passes its address in BASE_URL.
const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';

// A mid-range Android phone: 390×844 CSS pixels, touch, mobile viewport rules.
const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  userAgent:
    'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/156.0.0.0 Mobile Safari/537.36',
};

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  use: {
    baseURL,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    },
  },
  projects: [
    { name: 'phone-js', testIgnore: /desk\.spec\.ts/, use: { ...phone, javaScriptEnabled: true } },
    // The draft spec is about what JavaScript adds; without it the cases spec covers drafts.
    { name: 'phone-nojs', testIgnore: /(desk|draft)\.spec\.ts/, use: { ...phone, javaScriptEnabled: false } },
    // The desk spec moves the server's clock days ahead, so it runs last, one project at a time.
    {
      name: 'desk-js',
      testMatch: /desk\.spec\.ts/,
      dependencies: ['phone-js', 'phone-nojs'],
      use: { ...phone, javaScriptEnabled: true },
    },
    {
      name: 'desk-nojs',
      testMatch: /desk\.spec\.ts/,
      dependencies: ['desk-js'],
      use: { ...phone, javaScriptEnabled: false },
    },
  ],
});
