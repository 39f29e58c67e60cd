/**
 * @fileoverview What a share link holds (share format v1): the experiment
 * as a difference from the kernel sources bundled into the page — the files
 * that differ, each as its full text — plus how to build and boot it and
 * where to look (the file and line, the panel). Also the checks a decoded link's JSON must pass.
 *
 * Pipeline place: `capture-share.ts` makes one from the page,
 * `share-link.ts` turns it into a URL hash and back, `open-shared.ts` opens
 * it as a workspace. `SHARE_FORMAT` is the page's current format for
 * `share-versions.ts`.
 */
import { isKernelFilePath } from '../editor/kernel-project.js';
import { ShareLinkError } from './share-error.js';
import type { ShareFormat } from './share-versions.js';

/** asc's optimize levels, as the toolbar offers them. */
export type OptimizeLevel = 0 | 1 | 2 | 3;

export interface ShareState {
  /**
   * Kernel files that differ from the bundled sources, changed or added: path
   * (relative to src/kernel/) → full text. Bundled files cannot be deleted in
   * the playground, so there is no list of deleted ones.
   */
  readonly files: Readonly<Record<string, string>>;
  /** The Multiboot command line of the boots ('' for none). */
  readonly commandLine: string;
  readonly optimize: OptimizeLevel;
  /** The file open in the editor, and a line when the page showed one. */
  readonly open: { readonly path: string; readonly line?: number };
  /** Fingerprint (`kernelFingerprint`) of the bundled sources the link was made over: other sources may not build with its files. */
  readonly kernel: string;
  /**
   * The panel dock's tab, when one was chosen (a panel id such as "tasks"). Added to v1 later: older pages ignore
   * it, and a page without that panel shows its first tab.
   */
  readonly panel?: string;
}

/** The format this page writes: v1, the first, so nothing to upgrade yet. */
export const SHARE_FORMAT: ShareFormat<ShareState> = { version: 1, upgrades: {}, parse: parseShareState };

/** `json` checked as a v1 share state; throws `ShareLinkError` naming the first thing wrong. */
export function parseShareState(json: unknown): ShareState {
  const state = record(json, 'the link');
  const files = record(state.files, '"files"');
  for (const [path, text] of Object.entries(files)) {
    checkPath(path);
    if (typeof text !== 'string') throw badState(`the text of "${path}" is not a string`);
  }
  if (typeof state.commandLine !== 'string') throw badState('"commandLine" is not a string');
  if (!([0, 1, 2, 3] as unknown[]).includes(state.optimize)) throw badState('"optimize" is not an optimize level (0 to 3)');
  const open = record(state.open, '"open"');
  if (typeof open.path !== 'string') throw badState('"open.path" is not a string');
  checkPath(open.path);
  if (open.line !== undefined && !(Number.isInteger(open.line) && (open.line as number) >= 1)) throw badState('"open.line" is not a line number');
  if (typeof state.kernel !== 'string') throw badState('"kernel" is not a string');
  if (state.panel !== undefined && typeof state.panel !== 'string') throw badState('"panel" is not a string');
  return {
    files: files as Record<string, string>,
    commandLine: state.commandLine,
    optimize: state.optimize as OptimizeLevel,
    open: open.line === undefined ? { path: open.path } : { path: open.path, line: open.line as number },
    kernel: state.kernel,
    ...(state.panel === undefined ? {} : { panel: state.panel }),
  };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badState(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function checkPath(path: string): void {
  if (!isKernelFilePath(path)) {
    throw new ShareLinkError('bad-path', `The link names "${path}", which is not a kernel file (paths are relative to src/kernel/ and end in .ts).`);
  }
}

function badState(what: string): ShareLinkError {
  return new ShareLinkError('bad-state', `The link holds no experiment this page can open: ${what}.`);
}
