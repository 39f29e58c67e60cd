/**
 * @fileoverview The machine worker's entry point: runs the playground's
 * `Machine`, and with it v86, on a thread of its own, served to the page
 * over the worker's message channel (`machine-host.ts`). v86's CPU core is
 * fetched and compiled here (`v86-core.ts`: a failed download is tried
 * again on the next boot).
 *
 * Pipeline place: started by `start-page.ts` (`new Worker(new URL(...))`,
 * which Vite bundles as a module worker); the page talks to it through
 * `RemoteMachine`.
 */
import { v86Core } from '../../v86-core.js';
import { hostMachine } from './machine-host.js';
import type { MessageEndpoint } from './protocol.js';

hostMachine(self as unknown as MessageEndpoint, { v86Wasm: v86Core });
