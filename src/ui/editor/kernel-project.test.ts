// KernelProject: bundled sources plus edits kept in a Storage, surviving a "reload" (a new project on the same storage).
import { describe, expect, it } from 'vitest';
import { isKernelFilePath, KernelProject } from './kernel-project.js';
import { memoryStorage } from './memory-storage.js';
import { MY_EDITS, sharedWorkspace } from './workspace.js';

const ORIGINALS = new Map([
  ['main.ts', 'print("hello");\n'],
  ['arch/x86/vga.ts', 'export function vgaInit(): void {}\n'],
]);

describe('KernelProject', () => {
  it('lists and reads the bundled files', () => {
    const project = new KernelProject(ORIGINALS, memoryStorage());
    expect(project.listFiles()).toEqual(['arch/x86/vga.ts', 'main.ts']);
    expect(project.readFile('main.ts')).toBe('print("hello");\n');
    expect(() => project.readFile('nope.ts')).toThrow(/no kernel file "nope.ts"/);
  });

  it('keeps edits across a reload and resets one file or all', () => {
    const storage = memoryStorage();
    const first = new KernelProject(ORIGINALS, storage);
    first.writeFile('main.ts', 'print("changed");\n');
    first.writeFile('arch/x86/vga.ts', '// edited\n');

    const reloaded = new KernelProject(ORIGINALS, storage);
    expect(reloaded.readFile('main.ts')).toBe('print("changed");\n');
    expect(reloaded.isModified('main.ts')).toBe(true);

    reloaded.resetFile('main.ts');
    expect(reloaded.readFile('main.ts')).toBe('print("hello");\n');
    expect(reloaded.isModified('arch/x86/vga.ts')).toBe(true);
    reloaded.resetAll();
    expect(new KernelProject(ORIGINALS, storage).isModified('arch/x86/vga.ts')).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('treats text equal to the bundled version as no edit', () => {
    const storage = memoryStorage();
    const project = new KernelProject(ORIGINALS, storage);
    project.writeFile('main.ts', 'x');
    project.writeFile('main.ts', 'print("hello");\n');
    expect(project.isModified('main.ts')).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('creates new files, and resetting one removes it', () => {
    const project = new KernelProject(ORIGINALS, memoryStorage());
    project.writeFile('demo/extra.ts', 'export const X = 1;\n');
    expect(project.listFiles()).toContain('demo/extra.ts');
    expect(project.snapshot().get('demo/extra.ts')).toBe('export const X = 1;\n');
    project.resetFile('demo/extra.ts');
    expect(project.has('demo/extra.ts')).toBe(false);
    expect(() => project.writeFile('../escape.ts', '')).toThrow(/not a kernel file path/);
  });

  it('tells listeners what changed', () => {
    const project = new KernelProject(ORIGINALS, memoryStorage());
    const changes: (string | null)[] = [];
    project.onChange((path) => changes.push(path));
    project.writeFile('main.ts', 'a');
    project.writeFile('main.ts', 'a');
    project.resetAll();
    expect(changes).toEqual(['main.ts', null]);
  });

  it('keeps edits for the page when storage refuses them, and says so', () => {
    const project = new KernelProject(ORIGINALS, memoryStorage(true));
    project.writeFile('main.ts', 'a');
    expect(project.readFile('main.ts')).toBe('a');
    expect(project.storageProblem).toMatch(/not saved.*QuotaExceededError/);
  });

  it('keeps the edits of each workspace apart in one storage', () => {
    const storage = memoryStorage();
    const mine = new KernelProject(ORIGINALS, storage);
    const shared = new KernelProject(ORIGINALS, storage, sharedWorkspace('1a2b3c4d', '#s=1.x'));
    mine.writeFile('main.ts', 'mine');
    shared.writeFile('main.ts', 'shared');
    shared.resetAll();
    expect(new KernelProject(ORIGINALS, storage, MY_EDITS).readFile('main.ts')).toBe('mine');
    shared.writeFile('arch/x86/vga.ts', 'shared vga');
    expect(new KernelProject(ORIGINALS, storage).isModified('arch/x86/vga.ts')).toBe(false);
    expect(new KernelProject(ORIGINALS, storage, sharedWorkspace('1a2b3c4d', '#s=1.x')).readFile('arch/x86/vga.ts')).toBe('shared vga');
    // The student's own edits keep the keys they had before workspaces existed.
    expect([...storage.items.keys()].sort()).toEqual(['eduos-playground:v1:file:main.ts', 'eduos-playground:v1:shared:1a2b3c4d:file:arch/x86/vga.ts']);
  });

  it('tells kernel file paths from others', () => {
    expect(['main.ts', 'arch/x86/vga.ts', 'demo/new-file.ts'].every(isKernelFilePath)).toBe(true);
    expect(['../main.ts', '/main.ts', 'a//b.ts', './main.ts', 'main.js', 'main.ts\n', 'a b.ts', ''].some(isKernelFilePath)).toBe(false);
  });
});
