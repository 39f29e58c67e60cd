/**
 * @fileoverview Unsafe regions in the editor: every line of an `@unsafe`
 * function (or `@unsafe-file`) gets a bar in the gutter and a mark in the
 * overview ruler; hovering its line number shows the reason. The
 * marks come from the running image's unsafe report, so they change on each
 * successful build; Monaco moves them along with edits made afterwards.
 *
 * Pipeline place: `CodeEditor.tsx` calls `showUnsafeRegions` whenever the
 * report or the project changes; the line ranges and hover texts come from
 * `unsafe-regions.ts`.
 */
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import { kernelPathOf, monaco } from './monaco-setup.js';
import { unsafeRegionsOf, type UnsafeLineRange } from './unsafe-regions.js';
import './unsafe-gutter.css';

/** The decorations this module put on each model, to replace them next time. */
const decorationIds = new WeakMap<monaco.editor.ITextModel, string[]>();

/** Marks the unsafe regions of `report` on every kernel file's model (none when `report` is null). */
export function showUnsafeRegions(report: UnsafeReport | null): void {
  for (const model of monaco.editor.getModels()) {
    const path = kernelPathOf(model.uri);
    if (path === null) continue;
    const ranges = report ? unsafeRegionsOf(report, path) : [];
    const lineCount = model.getLineCount();
    const decorations = ranges.filter((range) => range.startLine <= lineCount).map((range) => decoration(range, lineCount));
    decorationIds.set(model, model.deltaDecorations(decorationIds.get(model) ?? [], decorations));
  }
}

function decoration(range: UnsafeLineRange, lineCount: number): monaco.editor.IModelDeltaDecoration {
  return {
    range: new monaco.Range(range.startLine, 1, Math.min(range.endLine, lineCount), 1),
    options: {
      isWholeLine: true,
      lineNumberHoverMessage: { value: range.hover },
      linesDecorationsClassName: 'unsafe-region-line',
      overviewRuler: { color: '#d29922', position: monaco.editor.OverviewRulerLane.Left },
      stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
    },
  };
}
