/// <reference types="vite/client" />
/**
 * @fileoverview The Web Worker of `npm run bench:browser`: runs toolchain-figures.ts in Chromium on sources that
 * Vite bundles as text (src/kernel, bench/kernels/as and the differential test programs), so asc, the translator
 * and the image writer run here as in any Web Worker of the playground — no disk, no Node built-ins.
 */
import type { AscSource } from '../../src/toolchain/asc/compile.js';
import type { BenchRequest, WorkerMessage } from './protocol.js';
import { measureToolchain } from './toolchain-figures.js';

const KERNEL_FILES = import.meta.glob<string>('../../src/kernel/**/*.ts', { query: '?raw', import: 'default', eager: true });
const BENCH_KERNEL_FILES = import.meta.glob<string>('../kernels/as/*.ts', { query: '?raw', import: 'default', eager: true });
const DIFFERENTIAL_FILES = import.meta.glob<string>(['../../test/differential/programs/*.ts', '../../test/differential/lib/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** A glob key ('../kernels/as/crc32.ts') as a path from the repository root ('bench/kernels/as/crc32.ts'). */
function repositoryPath(key: string): string {
  return new URL(key, 'file:///bench/browser/').pathname.slice(1);
}

/** The glob's files with paths from the repository root minus `prefix`, sorted by path like readAscSources. */
function ascSources(files: Record<string, string>, prefix: string): AscSource[] {
  return Object.entries(files)
    .map(([key, text]) => ({ path: repositoryPath(key).slice(prefix.length), text }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

self.onmessage = async (event: MessageEvent<BenchRequest>) => {
  try {
    const sources = {
      kernel: ascSources(KERNEL_FILES, 'src/kernel/'),
      corpus: [
        { sources: ascSources(BENCH_KERNEL_FILES, ''), builds: event.data.benchKernelBuilds },
        { sources: ascSources(DIFFERENTIAL_FILES, 'test/differential/'), builds: event.data.differentialBuilds },
      ],
    };
    const figures = await measureToolchain(sources, (step) => post({ kind: 'progress', step }));
    post({ kind: 'done', figures });
  } catch (error) {
    post({ kind: 'failed', error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
};

post({ kind: 'ready' });
