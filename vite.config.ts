// Vite builds the playground page (index.html → src/ui/main.tsx) into a static site in dist/.
// base './' makes every URL in the build relative, so dist/ works from any path on any static server.
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * The page's first boot needs what `main.tsx` imports at once (`start-page.ts`'s chunk, which starts the machine
 * worker, React, the App chunk). Vite links only the entry's static imports in index.html, so the rest would not be
 * asked for before the entry script has loaded and run; this links them too (modulepreload), so every download of
 * the page's first boot starts with the page. (The machine worker fetches v86's JavaScript and v86.wasm itself: a
 * preload from the page would be a second download, as the worker does not share the page's preloads.)
 */
function preloadFirstBoot(): Plugin {
  return {
    name: 'preload-first-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return;
        const chunkOf = (fileName: string) => {
          const output = bundle[fileName];
          return output?.type === 'chunk' ? output : undefined;
        };
        const closure = (roots: readonly string[], into = new Set<string>()) => {
          for (const fileName of roots) {
            const chunk = chunkOf(fileName);
            if (!chunk || into.has(fileName)) continue;
            into.add(fileName);
            closure(chunk.imports, into);
          }
          return into;
        };
        const linked = closure([entry.fileName]);
        const scripts = [...closure(entry.dynamicImports)].filter((fileName) => !linked.has(fileName));
        const styles = scripts.flatMap((fileName) => [...(chunkOf(fileName)?.viteMetadata?.importedCss ?? [])]);
        const link = (attrs: HtmlTagDescriptor['attrs']): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' });
        return [
          ...scripts.map((fileName) => link({ rel: 'modulepreload', crossorigin: true, href: `./${fileName}` })),
          ...styles.map((fileName) => link({ rel: 'preload', as: 'style', crossorigin: true, href: `./${fileName}` })),
        ];
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), preloadFirstBoot()],
  // Missing files must be real 404s (not index.html), so a wrong ?image= URL reports "HTTP 404".
  appType: 'mpa',
  worker: { format: 'es' },
  // Pre-bundled in dev so the build worker's first compile does not wait for Vite to transform the compiler.
  optimizeDeps: { include: ['assemblyscript', 'assemblyscript/asc'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The page exists to run v86 (~350 kB of JavaScript, in the machine worker's chunk); Monaco is loaded later.
    chunkSizeWarningLimit: 1500,
  },
});
