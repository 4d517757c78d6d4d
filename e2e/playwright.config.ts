import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 8787);
// A fresh database for every run: the tests never see yesterday's meetings.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'bodem-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
// The facilitator key the server runs with; tests type it on the start page (tests/pages.ts).
const FACILITATOR_KEY = process.env.E2E_FACILITATOR_KEY ?? 'e2e-facilitator-key-0123456789';
process.env.E2E_FACILITATOR_KEY = FACILITATOR_KEY;

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // Two cores: the server, and one test at a time with several browser contexts.
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx server/src/main.ts',
    cwd: resolve(import.meta.dirname, '..'),
    url: `http://127.0.0.1:${PORT}/healthz`,
    // History snapshots every 1.5 s instead of every 3 minutes, so history.spec.ts has moments to pick.
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      BODEM_DATA_DIR: dataDir,
      BODEM_LOG: 'silent',
      BODEM_HISTORY_EVERY_MS: '1500',
      BODEM_FACILITATOR_KEY: FACILITATOR_KEY,
      // The suite creates a meeting per test, several a minute.
      BODEM_CREATE_PER_MINUTE: '600',
    },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
