/**
 * @fileoverview The kernel project the playground edits: the kernel's sources
 * as bundled into the page, plus the user's edits, which live in browser
 * storage so they survive a reload. Reading a file gives the edited text if
 * there is one; "reset" drops edits.
 *
 * Pipeline place: the source of truth for the editor (`CodeEditor.tsx`), the
 * file tree, the build (`build/build-session.ts` snapshots it) and the
 * `window.playground` file functions. Paths are relative to src/kernel/
 * ('main.ts', 'arch/x86/vga.ts'), as the toolchain names them. Each
 * workspace (`workspace.ts`: the student's own edits, a shared experiment)
 * is a project of its own over the same storage, under its own keys.
 */
import { MY_EDITS, type Workspace } from './workspace.js';

/** The part of the Web Storage API the project uses (localStorage in the page, a Map in tests). */
export type ProjectStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export class KernelProject {
  private readonly edits = new Map<string, string>();
  private readonly listeners = new Set<(path: string | null) => void>();
  /** The last reason an edit could not be saved (storage full or disabled); edits still hold for this page. */
  storageProblem: string | null = null;

  constructor(
    /** The bundled sources, path → text: what "reset" brings back and what a share link leaves out. */
    readonly originals: ReadonlyMap<string, string>,
    private readonly storage: ProjectStorage | null,
    /** Whose edits these are; its storage keys are the workspace's (versioned, so a future format can ignore old edits). */
    readonly workspace: Workspace = MY_EDITS,
  ) {
    for (const [path, text] of storedEdits(storage, workspace.storageKeyPrefix)) this.edits.set(path, text);
  }

  /** Every file, bundled or created by an edit, sorted by path. */
  listFiles(): string[] {
    return [...new Set([...this.originals.keys(), ...this.edits.keys()])].sort();
  }

  has(path: string): boolean {
    return this.edits.has(path) || this.originals.has(path);
  }

  /** The file's current text (edited or bundled); throws for a file the project does not have. */
  readFile(path: string): string {
    const text = this.edits.get(path) ?? this.originals.get(path);
    if (text === undefined) throw new Error(`no kernel file "${path}" (paths are relative to src/kernel/, e.g. "main.ts")`);
    return text;
  }

  /** Whether the file differs from its bundled version (or was created here). */
  isModified(path: string): boolean {
    return this.edits.has(path);
  }

  /** Sets the file's text; a new path creates a file. Text equal to the bundled version is no edit. */
  writeFile(path: string, text: string): void {
    if (!isKernelFilePath(path)) throw new Error(`"${path}" is not a kernel file path (relative to src/kernel/, ending in .ts)`);
    if (this.readFileOrUndefined(path) === text) return;
    if (this.originals.get(path) === text) this.forget(path);
    else this.remember(path, text);
    this.notify(path);
  }

  /** Back to the bundled version; a file created here disappears. */
  resetFile(path: string): void {
    if (!this.edits.has(path)) return;
    this.forget(path);
    this.notify(path);
  }

  resetAll(): void {
    for (const path of [...this.edits.keys()]) this.forget(path);
    this.notify(null);
  }

  /** All files with their current text, for a build. */
  snapshot(): Map<string, string> {
    return new Map(this.listFiles().map((path) => [path, this.readFile(path)]));
  }

  /** Calls `listener` with the changed path (null: many files) after every change; returns the unsubscribe function. */
  onChange(listener: (path: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readFileOrUndefined(path: string): string | undefined {
    return this.edits.get(path) ?? this.originals.get(path);
  }

  private remember(path: string, text: string): void {
    this.edits.set(path, text);
    this.persist(() => this.storage?.setItem(this.workspace.storageKeyPrefix + path, text));
  }

  private forget(path: string): void {
    this.edits.delete(path);
    this.persist(() => this.storage?.removeItem(this.workspace.storageKeyPrefix + path));
  }

  private persist(write: () => void): void {
    try {
      write();
      this.storageProblem = null;
    } catch (error) {
      this.storageProblem = `edits are not saved in this browser: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private notify(path: string | null): void {
    for (const listener of this.listeners) listener(path);
  }
}

/** Whether `path` can name a kernel file: relative to src/kernel/, ending in .ts, no '.', '..' or empty parts. */
export function isKernelFilePath(path: string): boolean {
  return /^[\w./-]+\.ts$/.test(path) && !path.split('/').some((part) => part === '..' || part === '.' || part === '');
}

/** The edits a previous visit left in `storage` under `keyPrefix`. */
function storedEdits(storage: ProjectStorage | null, keyPrefix: string): [string, string][] {
  if (!storage) return [];
  const edits: [string, string][] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const text = key?.startsWith(keyPrefix) ? storage.getItem(key) : null;
    if (key && text !== null) edits.push([key.slice(keyPrefix.length), text]);
  }
  return edits;
}
