import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './serveBuilt.ts';

/** The built site is served on its own port and with its own data folder, never the developer's. */
export const TEST_PORT = Number(process.env['TEST_PORT'] ?? 4327);
const dataDir = process.env['TEST_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'rtbh-e2e-'));
process.env['TEST_DATA_DIR'] = dataDir;

export default defineConfig({
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts', '*.tmp.spec.ts'],
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  outputDir: '../test-results/artifacts',
  use: {
    baseURL: `http://127.0.0.1:${TEST_PORT}`,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'node src/server/start.mjs',
    cwd: '..',
    url: `http://127.0.0.1:${TEST_PORT}/en/`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      PORT: String(TEST_PORT),
      HOST: '127.0.0.1',
      VAR_DIR: dataDir,
      // Every test comes from 127.0.0.1; the limit itself has its own test with its own server.
      RATE_LIMIT_MAX: '10000',
      REFERRAL_ENCRYPTION_KEY: 'dGVzdC1rZXktMzItYnl0ZXMtbG9uZy0xMjM0NTY3ODk=',
    },
  },
});
