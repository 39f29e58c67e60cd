// Playwright runs the e2e/ specs in Debian's Chromium against the built site, served by `vite preview` under a
// sub-path (/eduos-playground/) so every run also proves the build works away from the server root.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { freePort } from './e2e/free-port.js';

/** The site's path on the preview server; any path works because the build uses relative URLs (base './'). */
const SUB_PATH = '/eduos-playground/';

// Worker processes load this file again and inherit the environment, so they reuse the port the main process chose.
process.env.PLAYGROUND_E2E_PORT ??= String(await freePort());
const port = Number(process.env.PLAYGROUND_E2E_PORT);
// Each run builds the site into its own folder, so runs side by side (and `npm run build`) do not overwrite it.
process.env.PLAYGROUND_E2E_DIST ??= mkdtempSync(join(tmpdir(), 'eduos-e2e-dist-'));
const distDir = process.env.PLAYGROUND_E2E_DIST;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${SUB_PATH}`,
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
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
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `npx vite build --outDir ${distDir} && npx vite preview --outDir ${distDir} --host 127.0.0.1 --port ${port} --strictPort --base ${SUB_PATH}`,
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
