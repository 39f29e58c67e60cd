// The page's project across workspaces: one project per workspace, switches followed by loadKernelProject, and a
// failed switch (a broken share link) leaves the page on the project it showed. Uses the real bundled sources.
import { describe, expect, it } from 'vitest';
import { loadKernelProject, loadWorkspace, onProjectSwitch, switchProject } from './kernel-sources.js';
import { MY_EDITS, sharedWorkspace } from './workspace.js';

describe('kernel-sources', () => {
  it('shows my edits first, switches to a shared workspace, and stays there when the next switch fails', async () => {
    const mine = await loadKernelProject();
    expect(mine.workspace).toBe(MY_EDITS);
    expect(mine.readFile('main.ts')).toContain('export function _start');

    const switches: string[] = [];
    const stop = onProjectSwitch(() => switches.push('switch'));
    const shared = sharedWorkspace('0badf00d', '#s=1.x');
    switchProject(loadWorkspace(shared));
    const sharedProject = await loadKernelProject();
    expect(sharedProject.workspace).toBe(shared);
    expect(await loadWorkspace(sharedWorkspace('0badf00d', '#s=1.x'))).toBe(sharedProject);

    switchProject(Promise.reject(new Error('broken link')));
    expect(await loadKernelProject()).toBe(sharedProject);
    switchProject(loadWorkspace(MY_EDITS));
    expect(await loadKernelProject()).toBe(mine);
    stop();
    expect(switches).toEqual(['switch', 'switch', 'switch']);
  });
});
