/**
 * @fileoverview Entry point of the playground page (loaded by index.html):
 * starts the first boot, then loads and mounts `App` into #root.
 *
 * Pipeline place: the page's first script, kept small on purpose. The first
 * boot waits for the machine worker (`start-page.ts` starts it; it loads
 * v86's JavaScript and core itself) and the kernel image the URL names;
 * React, xterm.js and the panels (the `App` chunk) are not needed to run
 * the kernel. All of them are asked for at once, and the machine starts as
 * soon as its own parts are in, while `App` still loads; `App` then shows
 * the running machine.
 */

import { prefetchKernelImage } from './machine/kernel-image.js';
import { kernelImageUrl, machineInWorker, warmUpWanted } from './page-options.js';
import './styles.css';

const imageUrl = kernelImageUrl(window.location.href);
const inWorker = machineInWorker(window.location.href, import.meta.env.VITE_MACHINE);
prefetchKernelImage(imageUrl);
const started = import('./start-page.js').then(({ startPage }) => startPage(imageUrl, warmUpWanted(window.location.href), inWorker));

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
