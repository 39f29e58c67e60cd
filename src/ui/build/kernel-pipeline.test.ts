// The playground's build pipeline with the real unsafe checker, asc and translator, on a small fixture kernel:
// a clean build gives a Multiboot image that prints in v86; a type error and an unsafe-rule violation are
// located errors and give no image. On the real kernel: rebuilds with the worker's caches give the image of a
// build from scratch.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findMultibootHeader } from '../../toolchain/image/multiboot.js';
import { Machine } from '../machine/machine.js';
import { readAscSources } from '../../toolchain/asc/kernel-sources-node.js';
import { fixtureKernelFiles, FIXTURE_BANNER } from './fixture-kernel.js';
import { buildKernelImage, newBuildCaches, type PipelineResult, type PipelineStep } from './kernel-pipeline.js';

const BUILD_TIMEOUT_MS = 120_000;

describe('buildKernelImage', () => {
  it('builds an image that boots, with debug info and the unsafe report', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const steps: PipelineStep[] = [];
    const result = await buildKernelImage(fixtureKernelFiles(), { onStep: (step) => steps.push(step) });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(steps).toEqual(['check', 'compile', 'translate']);
    expect(Object.keys(result.stepMs)).toEqual(['check', 'compile', 'translate']);
    expect(findMultibootHeader(result.elf!)).toBeGreaterThanOrEqual(0);
    expect(result.debug!.functions.some((f) => f.name.endsWith('_start'))).toBe(true);
    expect(result.debug!.files).toContain('main.ts');
    expect(result.unsafeReport!.total.unsafeLoc).toBeGreaterThan(0);

    const v86Wasm = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('v86/build/v86.wasm')));
    const machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: 64 << 20 });
    try {
      await machine.boot(result.elf!.buffer);
      await machine.waitForSerial(FIXTURE_BANNER);
    } finally {
      await machine.destroy();
    }
  });

  it('reports a type error at its file, line and column, and gives no image', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const files = fixtureKernelFiles();
    files.set('main.ts', `${files.get('main.ts')}\nconst broken: i32 = "text";\n`);
    const brokenLine = files.get('main.ts')!.split('\n').length - 1;
    const result = await buildKernelImage(files);
    expect(result.elf).toBeUndefined();
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ file: 'main.ts', line: brokenLine, severity: 'error' }));
  });

  it('fails on an unsafe operation outside an @unsafe function, like on any other error', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const files = fixtureKernelFiles();
    const text = files.get('main.ts')!.replace('for (let i', 'outb(0x3f8, 33);\n  for (let i');
    files.set('main.ts', text);
    const line = text.split('\n').findIndex((l) => l.includes('outb(0x3f8, 33)')) + 1;
    const result = await buildKernelImage(files);
    expect(result.elf).toBeUndefined();
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ file: 'main.ts', line, column: 3, severity: 'error' }));
    expect(result.unsafeReport!.violations).toBeGreaterThan(0);
  });

  it('awaits beforeStep before each step, and a beforeStep that throws stops the build there', { timeout: BUILD_TIMEOUT_MS }, async () => {
    const started: PipelineStep[] = [];
    const stop = new Error('make way');
    const build = buildKernelImage(fixtureKernelFiles(), {
      onStep: (step) => started.push(step),
      beforeStep: async (step) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (step === 'translate') throw stop;
      },
    });
    await expect(build).rejects.toBe(stop);
    expect(started).toEqual(['check', 'compile']);
  });

  it('rebuilds the real kernel with caches, after an edit and a failed build, to the image of a build from scratch', { timeout: 4 * BUILD_TIMEOUT_MS }, async () => {
    const kernel = new Map(readAscSources().map((source) => [source.path, source.text]));
    const edited = (changes: Record<string, (text: string) => string>) =>
      new Map([...kernel].map(([path, text]) => [path, changes[path] ? changes[path](text) : text]));
    const caches = newBuildCaches();
    expect((await buildKernelImage(kernel, { optimize: 0, caches })).elf).toBeDefined();
    const broken = await buildKernelImage(edited({ 'shell/shell.ts': (text) => `${text}\nconst broken: i32 = "text";\n` }), { optimize: 0, caches });
    expect(broken.elf).toBeUndefined();

    const sources = edited({ 'config.ts': (text) => text.replace(/KERNEL_VERSION = "[^"]*"/, 'KERNEL_VERSION = "rebuilt"') });
    expect(sources.get('config.ts')).toContain('"rebuilt"');
    const warm = await buildKernelImage(sources, { optimize: 0, caches });
    const cold = await buildKernelImage(sources, { optimize: 0 });
    expectSameBuild(warm, cold);
  });
});

function expectSameBuild(actual: PipelineResult, expected: PipelineResult): void {
  expect(actual.elf).toBeDefined();
  expect(Buffer.from(actual.elf!).equals(Buffer.from(expected.elf!))).toBe(true);
  expect(actual.debug).toEqual(expected.debug);
  expect(actual.unsafeReport).toEqual(expected.unsafeReport);
  expect(actual.diagnostics).toEqual(expected.diagnostics);
}
