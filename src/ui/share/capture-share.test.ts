// Capturing the page's experiment: only the files that differ from the bundled sources go into the link; the
// link opens, in another browser's empty workspace, exactly the files the sharer had. Lengths are measured on the
// real kernel sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KernelProject } from '../editor/kernel-project.js';
import { captureShareState, kernelFingerprint, type PageView } from './capture-share.js';
import { LONG_LINK_CHARS } from './link-length.js';
import { restoreLinkVersion, seedWorkspace } from './open-shared.js';
import { decodeShareLink, encodeShareLink } from './share-link.js';

const KERNEL_DIR = join(import.meta.dirname, '../../kernel');

/** src/kernel/**.ts (without tests' *.test.ts), as the page bundles them. */
function realKernelSources(): Map<string, string> {
  const files = readdirSync(KERNEL_DIR, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
    .map((path) => relative(KERNEL_DIR, join(KERNEL_DIR, path)).split('\\').join('/'))
    .sort();
  return new Map(files.map((path) => [path, readFileSync(join(KERNEL_DIR, path), 'utf8')]));
}

const VIEW: PageView = { commandLine: 'hz=100', optimize: 1, open: { path: 'main.ts', line: 38 }, panel: null };

describe('captureShareState', () => {
  const sources = realKernelSources();

  it('keeps changed and added files only, with the page view and the sources fingerprint', () => {
    const project = new KernelProject(sources, null);
    project.writeFile('main.ts', project.readFile('main.ts').replace('Hello from eduOS-ts!', 'Hello from a link!'));
    project.writeFile('demo/extra.ts', 'export const EXTRA: u32 = 1;\n');
    project.writeFile('config.ts', project.readFile('config.ts')); // unchanged: no edit
    const state = captureShareState(project, VIEW);
    expect(Object.keys(state.files)).toEqual(['demo/extra.ts', 'main.ts']);
    expect(state.files['main.ts']).toContain('Hello from a link!');
    expect(state).toMatchObject({ commandLine: 'hz=100', optimize: 1, open: { path: 'main.ts', line: 38 }, kernel: kernelFingerprint(sources) });
    expect(captureShareState(project, { ...VIEW, open: { path: 'config.ts' } }).open).toEqual({ path: 'config.ts' });
    expect(state).not.toHaveProperty('panel');
    expect(captureShareState(project, { ...VIEW, panel: 'tasks' }).panel).toBe('tasks');
  });

  it('fingerprints the sources: equal for equal sources in any order, different when one character differs', () => {
    const reversed = new Map([...sources].reverse());
    expect(kernelFingerprint(reversed)).toBe(kernelFingerprint(sources));
    const changed = new Map(sources).set('main.ts', sources.get('main.ts') + ' ');
    expect(kernelFingerprint(changed)).not.toBe(kernelFingerprint(sources));
  });

  it("round-trips into another browser's empty workspace, which then reads exactly the sharer's files", async () => {
    const sharer = new KernelProject(sources, null);
    sharer.writeFile('main.ts', sharer.readFile('main.ts').replace('Hello from eduOS-ts!', 'Hello from a link!'));
    sharer.writeFile('demo/extra.ts', 'export const EXTRA: u32 = 1;\n');
    const link = await decodeShareLink(await encodeShareLink(captureShareState(sharer, VIEW)));
    const receiver = new KernelProject(sources, null);
    expect(seedWorkspace(receiver, link.state.files)).toBe(true);
    expect(receiver.snapshot()).toEqual(sharer.snapshot());
    expect(link.state.kernel).toBe(kernelFingerprint(receiver.originals));
  });

  it('keeps links below the long-link warning for a one-line change and for the largest file rewritten', async () => {
    const oneLine = new KernelProject(sources, null);
    oneLine.writeFile('main.ts', oneLine.readFile('main.ts').replace('Hello from eduOS-ts!', 'Hello from a link!'));
    const oneLineLink = await encodeShareLink(captureShareState(oneLine, VIEW));
    const wholeFile = new KernelProject(sources, null);
    wholeFile.writeFile('mm/gc.ts', wholeFile.readFile('mm/gc.ts').replace(/[aeiou]/g, (vowel) => vowel.toUpperCase()));
    const wholeFileLink = await encodeShareLink(captureShareState(wholeFile, VIEW));
    console.log(
      `link lengths: one-line change of main.ts (${sources.get('main.ts')!.length} B) ${oneLineLink.length} chars; ` +
        `rewritten mm/gc.ts (${sources.get('mm/gc.ts')!.length} B) ${wholeFileLink.length} chars`,
    );
    expect(oneLineLink.length).toBeLessThan(LONG_LINK_CHARS / 2);
    expect(wholeFileLink.length).toBeLessThan(LONG_LINK_CHARS);
  });
});

describe('shared workspaces', () => {
  const originals = new Map([['main.ts', 'print("hello");\n']]);
  const files = { 'main.ts': 'print("shared");\n', 'demo/new.ts': 'export const X = 1;\n' };

  it("get the link's files only while they have no edits, so changes made to the experiment are kept", () => {
    const workspace = new KernelProject(originals, null);
    expect(seedWorkspace(workspace, files)).toBe(true);
    workspace.writeFile('main.ts', 'print("tinkered");\n');
    expect(seedWorkspace(workspace, files)).toBe(false);
    expect(workspace.readFile('main.ts')).toBe('print("tinkered");\n');
  });

  it("go back to exactly the link's files on restore", () => {
    const workspace = new KernelProject(originals, null);
    seedWorkspace(workspace, files);
    workspace.writeFile('main.ts', 'print("tinkered");\n');
    workspace.writeFile('demo/mine.ts', '');
    restoreLinkVersion(workspace, files);
    expect(Object.fromEntries(workspace.snapshot())).toEqual(files);
  });
});
