// Shared workspaces in storage: the most recently opened links keep their edits, older ones are removed, and the
// student's own edits are never touched.
import { describe, expect, it } from 'vitest';
import { KernelProject } from './kernel-project.js';
import { memoryStorage } from './memory-storage.js';
import { rememberSharedWorkspace, RECENT_SHARED_KEY } from './shared-workspace-list.js';
import { MY_EDITS, sharedWorkspace } from './workspace.js';

const ORIGINALS = new Map([['main.ts', 'print("hello");\n']]);

/** Opens link `id` as the page does: noted in the list, then its workspace gets an edit. */
function openLink(storage: ReturnType<typeof memoryStorage>, id: string, maxKept: number): string[] {
  const removed = rememberSharedWorkspace(storage, id, maxKept);
  new KernelProject(ORIGINALS, storage, sharedWorkspace(id, `#s=1.${id}`)).writeFile('main.ts', `print("${id}");\n`);
  return removed;
}

function storedWorkspaces(storage: ReturnType<typeof memoryStorage>): string[] {
  return [...storage.items.keys()].filter((key) => key.includes(':shared:')).map((key) => key.split(':')[3]).sort();
}

describe('rememberSharedWorkspace', () => {
  it('keeps the most recently opened workspaces and removes the edits of older ones', () => {
    const storage = memoryStorage();
    expect(openLink(storage, 'a1', 2)).toEqual([]);
    expect(openLink(storage, 'b2', 2)).toEqual([]);
    expect(openLink(storage, 'a1', 2)).toEqual([]);
    expect(openLink(storage, 'c3', 2)).toEqual(['b2']);
    expect(storedWorkspaces(storage)).toEqual(['a1', 'c3']);
    expect(JSON.parse(storage.getItem(RECENT_SHARED_KEY)!)).toEqual(['c3', 'a1']);
    expect(new KernelProject(ORIGINALS, storage, sharedWorkspace('a1', '')).readFile('main.ts')).toBe('print("a1");\n');
  });

  it("never touches the student's own edits", () => {
    const storage = memoryStorage();
    new KernelProject(ORIGINALS, storage, MY_EDITS).writeFile('main.ts', 'print("mine");\n');
    for (const id of ['a1', 'b2', 'c3']) openLink(storage, id, 1);
    expect(new KernelProject(ORIGINALS, storage, MY_EDITS).readFile('main.ts')).toBe('print("mine");\n');
    expect(storedWorkspaces(storage)).toEqual(['c3']);
  });

  it('counts workspaces stored before the list existed as the oldest, and ignores a damaged list', () => {
    const storage = memoryStorage();
    new KernelProject(ORIGINALS, storage, sharedWorkspace('0dd', '')).writeFile('main.ts', 'old\n');
    storage.setItem(RECENT_SHARED_KEY, '{not json');
    expect(openLink(storage, 'a1', 1)).toEqual(['0dd']);
    expect(storedWorkspaces(storage)).toEqual(['a1']);
  });

  it('leaves storage as it was when it refuses the write', () => {
    const storage = memoryStorage(true);
    expect(rememberSharedWorkspace(storage, 'a1', 0)).toEqual([]);
    expect(storage.items.size).toBe(0);
  });
});
