// Vite builds the playground page (index.html → src/ui/main.tsx) into a static site in dist/.
// base './' makes every URL in the build relative, so dist/ works from any path on any static server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  // Missing files must be real 404s (not index.html), so a wrong ?image= URL reports "HTTP 404".
  appType: 'mpa',
  worker: { format: 'es' },
  // Pre-bundled in dev so the build worker's first compile does not wait for Vite to transform the compiler.
  optimizeDeps: { include: ['assemblyscript', 'assemblyscript/asc'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The page exists to run v86 (~360 kB of its ~920 kB bundle); splitting it off would not load anything later.
    chunkSizeWarningLimit: 1500,
  },
});
