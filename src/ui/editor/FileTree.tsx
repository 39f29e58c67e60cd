/**
 * @fileoverview The kernel's file tree: folders as in src/kernel/, edited
 * files marked, and the two ways back to the bundled sources ("reset file"
 * for the open one, "reset all").
 *
 * Pipeline place: left of the editor in `App.tsx`; reads the
 * `KernelProject`, tells the page which file to open.
 */
import type { KernelProject } from './kernel-project.js';
import { useProjectChanges } from './useProjectChanges.js';

interface Folder {
  readonly name: string;
  readonly folders: Folder[];
  readonly files: string[];
}

export interface FileTreeProps {
  /** Null while the sources load. */
  readonly project: KernelProject | null;
  readonly openPath: string;
  readonly onOpen: (path: string) => void;
}

export function FileTree({ project, openPath, onOpen }: FileTreeProps) {
  useProjectChanges(project);
  if (!project) {
    return (
      <nav className="file-tree" data-testid="file-tree" aria-label="Kernel files">
        <p className="note">Loading the kernel's sources…</p>
      </nav>
    );
  }
  const modified = project.listFiles().filter((path) => project.isModified(path));
  return (
    <nav className="file-tree" data-testid="file-tree" aria-label="Kernel files">
      <div className="file-tree-actions">
        <button type="button" onClick={() => project.resetFile(openPath)} disabled={!project.isModified(openPath)}>
          Reset file
        </button>
        <button type="button" onClick={() => project.resetAll()} disabled={modified.length === 0}>
          Reset all
        </button>
      </div>
      <FolderView folder={folderTree(project.listFiles())} prefix="" project={project} openPath={openPath} onOpen={onOpen} />
      {project.storageProblem && <p className="note warning">{project.storageProblem}</p>}
    </nav>
  );
}

function FolderView({ folder, prefix, project, openPath, onOpen }: { folder: Folder; prefix: string } & Omit<FileTreeProps, 'project'> & { project: KernelProject }) {
  return (
    <ul>
      {folder.folders.map((sub) => (
        <li key={sub.name}>
          <details open>
            <summary>{sub.name}/</summary>
            <FolderView folder={sub} prefix={`${prefix}${sub.name}/`} project={project} openPath={openPath} onOpen={onOpen} />
          </details>
        </li>
      ))}
      {folder.files.map((name) => {
        const path = prefix + name;
        const isModified = project.isModified(path);
        return (
          <li key={name}>
            <button
              type="button"
              className={`file${path === openPath ? ' open' : ''}${isModified ? ' modified' : ''}`}
              aria-current={path === openPath ? 'page' : undefined}
              data-path={path}
              title={isModified ? `${path} (edited)` : path}
              onClick={() => onOpen(path)}
            >
              {name}
              {isModified && <span aria-label="edited"> ●</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The paths ('arch/x86/vga.ts', 'main.ts') as nested folders, folders before files, each sorted. */
function folderTree(paths: readonly string[]): Folder {
  const root: Folder = { name: '', folders: [], files: [] };
  for (const path of paths) {
    const parts = path.split('/');
    let folder = root;
    for (const name of parts.slice(0, -1)) {
      let sub = folder.folders.find((f) => f.name === name);
      if (!sub) {
        sub = { name, folders: [], files: [] };
        folder.folders.push(sub);
        folder.folders.sort((a, b) => a.name.localeCompare(b.name));
      }
      folder = sub;
    }
    folder.files.push(parts.at(-1)!);
    folder.files.sort();
  }
  return root;
}
