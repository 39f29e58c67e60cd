/**
 * @fileoverview The code editor: Monaco showing one kernel file at a time,
 * with a model per file (so imports resolve for completion and hover), the
 * last build's diagnostics as markers, the running image's unsafe regions in
 * the gutter (`unsafe-gutter.ts`), every keystroke written back to
 * the project (and so to browser storage), and the cursor's line noted for
 * share links (`editor-cursor.ts`).
 *
 * Pipeline place: loaded lazily by `App.tsx` (default export for
 * React.lazy); reads and writes `KernelProject`, shows `BuildSession`'s
 * diagnostics, and jumps to the locations the problem list and other panels
 * ask for.
 */
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../toolchain/asc/compile.js';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import type { KernelProject } from './kernel-project.js';
import { markersByFile } from './markers.js';
import { kernelFileUri, kernelPathOf, monaco } from './monaco-setup.js';
import { noteEditorCursor } from './editor-cursor.js';
import type { EditorLocation } from './editor-location.js';
import { showUnsafeRegions } from './unsafe-gutter.js';

/** Owner of the build's markers (Monaco keeps markers per owner; TypeScript's syntax checks have their own). */
const BUILD_MARKER_OWNER = 'kernel-build';

export interface CodeEditorProps {
  readonly project: KernelProject;
  /** The file and position to show; a new object moves the cursor there even for the same file. */
  readonly location: EditorLocation;
  readonly diagnostics: readonly Diagnostic[];
  /** The running image's unsafe report: its `@unsafe` regions are marked in the gutter (none when null). */
  readonly unsafeReport?: UnsafeReport | null;
  /** The user typed (e.g. to warm up the compiler). */
  readonly onEdit?: () => void;
}

export default function CodeEditor({ project, location, diagnostics, unsafeReport = null, onEdit }: CodeEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onEditRef = useRef(onEdit);
  onEditRef.current = onEdit;
  const unsafeReportRef = useRef(unsafeReport);
  unsafeReportRef.current = unsafeReport;

  useEffect(() => {
    const editor = monaco.editor.create(containerRef.current!, {
      theme: 'vs-dark',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
    });
    editorRef.current = editor;
    // A file replaced from outside (reset, writeFile) gets its unsafe marks placed again, not shifted by the edit.
    const stopSync = syncModels(project, () => onEditRef.current?.(), () => showUnsafeRegions(unsafeReportRef.current));
    const cursorListener = editor.onDidChangeCursorPosition(({ position }) => {
      const path = editor.getModel() && kernelPathOf(editor.getModel()!.uri);
      noteEditorCursor(path ? { path, line: position.lineNumber } : null);
    });
    return () => {
      cursorListener.dispose();
      noteEditorCursor(null);
      stopSync();
      editor.dispose();
      editorRef.current = null;
    };
  }, [project]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor && project.has(location.path) ? monaco.editor.getModel(kernelFileUri(location.path)) : null;
    if (!editor || !model) return;
    if (editor.getModel() !== model) editor.setModel(model);
    if (location.line) {
      const position = { lineNumber: location.line, column: location.column ?? 1 };
      editor.setPosition(position);
      editor.revealPositionInCenter(position);
      editor.focus();
    }
  }, [project, location]);

  useEffect(() => {
    const markers = markersByFile(diagnostics);
    for (const model of monaco.editor.getModels()) {
      const path = kernelPathOf(model.uri);
      if (path === null) continue;
      const specs = markers.get(path) ?? [];
      monaco.editor.setModelMarkers(
        model,
        BUILD_MARKER_OWNER,
        specs.map((spec) => {
          const line = Math.min(spec.line, model.getLineCount());
          const word = model.getWordAtPosition({ lineNumber: line, column: spec.column });
          return {
            severity: spec.severity,
            message: spec.message,
            code: spec.code || undefined,
            startLineNumber: line,
            startColumn: spec.column,
            endLineNumber: line,
            endColumn: word ? word.endColumn : model.getLineMaxColumn(line),
          };
        }),
      );
    }
  }, [project, diagnostics]);

  useEffect(() => showUnsafeRegions(unsafeReport), [project, unsafeReport]);

  return <div ref={containerRef} className="code-editor" data-testid="editor" />;
}

/**
 * Keeps one Monaco model per project file, both ways: edits in Monaco go to
 * the project; changes from elsewhere (reset, `window.playground.writeFile`)
 * replace the model's text, and `onProjectChange` runs after. Returns the function that stops and frees them.
 */
function syncModels(project: KernelProject, onUserEdit: () => void, onProjectChange: () => void): () => void {
  let applyingProjectChange = false;
  const modelListeners = new Map<string, monaco.IDisposable>();

  /** Creates or updates the model of `path`; true when an existing model's text was replaced. */
  const ensureModel = (path: string): boolean => {
    const uri = kernelFileUri(path);
    const text = project.readFile(path);
    let model = monaco.editor.getModel(uri);
    let replaced = false;
    if (!model) {
      model = monaco.editor.createModel(text, 'typescript', uri);
    } else if (model.getValue() !== text) {
      applyingProjectChange = true;
      // An edit operation rather than setValue: Monaco keeps the user's undo history (Ctrl+Z undoes a reset).
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      applyingProjectChange = false;
      replaced = true;
    }
    if (!modelListeners.has(path)) {
      const written = model;
      modelListeners.set(path, written.onDidChangeContent(() => {
        if (applyingProjectChange) return;
        project.writeFile(path, written.getValue());
        onUserEdit();
      }));
    }
    return replaced;
  };

  const dropModel = (path: string) => {
    modelListeners.get(path)?.dispose();
    modelListeners.delete(path);
    monaco.editor.getModel(kernelFileUri(path))?.dispose();
  };

  /** Brings the models in line with the project; true when the text of an existing model was replaced. */
  const refresh = (changed: string | null): boolean => {
    const paths = changed === null ? [...new Set([...project.listFiles(), ...modelListeners.keys()])] : [changed];
    let replaced = false;
    for (const path of paths) {
      if (project.has(path)) replaced = ensureModel(path) || replaced;
      else dropModel(path);
    }
    return replaced;
  };

  refresh(null);
  const unsubscribe = project.onChange((changed) => {
    if (refresh(changed)) onProjectChange(); // not for the user's own typing, which reaches the project unchanged
  });
  return () => {
    unsubscribe();
    for (const path of [...modelListeners.keys()]) dropModel(path);
  };
}
