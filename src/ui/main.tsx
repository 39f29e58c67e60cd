/**
 * @fileoverview Entry point of the playground page (loaded by index.html):
 * starts the first boot, then loads and mounts `App` into #root.
 *
 * Pipeline place: the page's first script, kept small on purpose. The first
 * boot waits for v86's core (v86.wasm, compiled here as it downloads), the
 * kernel image the URL names and v86's JavaScript (`start-page.ts`'s chunk);
 * React, xterm.js and the panels (the `App` chunk) are not needed to run
 * the kernel. All of them are asked for at once, and the machine starts as
 * soon as its own parts are in, while `App` still loads; `App` then shows
 * the running machine.
 */

import { prefetchKernelImage } from './machine/kernel-image.js';
import { kernelImageUrl, machineInWorker, warmUpWanted } from './page-options.js';
import { v86Core } from './v86-core.js';
import './styles.css';

const imageUrl = kernelImageUrl(window.location.href);
const inWorker = machineInWorker(window.location.href, import.meta.env.VITE_MACHINE);
// The download starts now (v86 on this thread); the boot that waits for it reports a failure.
if (!inWorker) void v86Core().catch(() => undefined);
prefetchKernelImage(imageUrl);
const started = import('./start-page.js').then(({ startPage }) => startPage(imageUrl, v86Core, warmUpWanted(window.location.href), inWorker));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const [{ StrictMode }, { createRoot }, { App }, page] = await Promise.all([
  import('react'),
  import('react-dom/client'),
  import('./App.js'),
  started,
]);
createRoot(root).render(
  <StrictMode>
    <App page={page} />
  </StrictMode>,
);
