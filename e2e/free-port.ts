/**
 * @fileoverview Finds a TCP port on 127.0.0.1 that nothing listens on, for
 * the web server of the Playwright run (so parallel runs on one machine do
 * not collide). Node-only: used by playwright.config.ts.
 */

import { createServer } from 'node:net';

/** Asks the OS for an unused port by listening on port 0 and closing again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
