/**
 * @fileoverview "Open this source line": panels announce it as a DOM event
 * on `window`, so they need not know the editor, and the editor (another
 * part of the page) listens for it.
 *
 * Pipeline place: dispatched by panel views (an IDT handler, EIP); handled
 * by whatever shows kernel sources.
 */

export const OPEN_SOURCE_EVENT = 'playground:open-source';

/** `file` as the debug information names it (relative to src/kernel/, e.g. "arch/x86/interrupts.ts"). */
export interface OpenSourceDetail {
  readonly file: string;
  readonly line: number;
}

export function requestOpenSource(detail: OpenSourceDetail): void {
  window.dispatchEvent(new CustomEvent<OpenSourceDetail>(OPEN_SOURCE_EVENT, { detail }));
}
