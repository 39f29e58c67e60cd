// The static build works from any static host under any path: the site the Playwright run builds is served
// by a plain file server — no SPA fallback, no Vite — under a deep sub-path; the page boots the prebuilt kernel,
// loads the editor and builds with the worker, all through URLs relative to the page.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { BANNER, BUILD_TIMEOUT_MS, collectPageErrors, saveScreenshot, waitForEditor } from './playground-helpers.js';

/** What the Playwright run built (playwright.config.ts); dist/ of `npm run build` when run otherwise. */
const DIST = process.env.PLAYGROUND_E2E_DIST ?? 'dist';
const SUB_PATH = '/courses/os/playground/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
};

/** Serves DIST under SUB_PATH and nothing else: every other path, and missing files, are 404. */
function staticServer(): Server {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const relative = path.startsWith(SUB_PATH) ? normalize(path.slice(SUB_PATH.length) || 'index.html') : null;
    const file = relative && !relative.startsWith('..') ? join(DIST, relative) : null;
    if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
}

let server: Server;
let origin: string;

test.beforeAll(async () => {
  server = staticServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('dist/ under a deep sub-path of a plain static server boots and loads the editor', async ({ page }, testInfo) => {
  test.setTimeout(BUILD_TIMEOUT_MS);
  const pageErrors = collectPageErrors(page);
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${origin}${SUB_PATH}`);
  await expect(page.getByTestId('serial')).toContainText(BANNER, { timeout: 30_000 });
  await waitForEditor(page);
  expect(await page.evaluate(() => window.playground!.listFiles())).toContain('main.ts');
  // The worker script resolves too (its build result does not matter here: the kernel may have errors).
  await page.evaluate(() => window.playground!.build());
  await expect(page.getByTestId('build-progress')).toHaveAttribute('data-phase', /succeeded|failed/);
  await saveScreenshot(page, 'static-deploy', testInfo);
  expect(failed).toEqual([]);
  expect(pageErrors).toEqual([]);
});
