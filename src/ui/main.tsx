/**
 * @fileoverview Entry point of the playground page (loaded by index.html):
 * starts the first boot's downloads, then loads and mounts `App` into #root.
 *
 * Pipeline place: the page's first script, kept small on purpose. v86's
 * core (v86.wasm, compiled here) and the kernel image the URL names are
 * what the first boot waits for; asking for them before React, v86's
 * JavaScript and the panels (the `App` chunk) have loaded and run lets all
 * three downloads run side by side. `App` takes both from where they wait
 * (`v86Core()`, the machine's `fetchKernelImage`).
 */

import { prefetchKernelImage } from './machine/kernel-image.js';
import { kernelImageUrl } from './page-options.js';
import { v86Core } from './v86-core.js';
import './styles.css';

void v86Core();
prefetchKernelImage(kernelImageUrl(window.location.href));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const [{ StrictMode }, { createRoot }, { App }] = await Promise.all([import('react'), import('react-dom/client'), import('./App.js')]);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
