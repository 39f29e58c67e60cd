/**
 * @fileoverview Monaco, set up for the kernel's AssemblyScript: the editor
 * core with its standard features, TypeScript highlighting and language
 * service (completion, hover, go to definition), AssemblyScript's own typings
 * (`i32`, `u8`, `load<T>`, `@inline`… from assemblyscript/std/assembly/
 * index.d.ts) instead of the browser's, and Monaco's Web Workers as Vite
 * bundles them.
 *
 * Pipeline place: imported only by `CodeEditor.tsx`, which the page loads
 * lazily — Monaco is most of the page's weight and the machine boots without
 * it. Type errors come from the real compiler (the build worker's asc), not
 * from TypeScript, whose idea of AssemblyScript is approximate: its semantic
 * checks are off.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import { ModuleKind, ModuleResolutionKind, ScriptTarget, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import assemblyScriptTypings from 'assemblyscript/std/assembly/index.d.ts?raw';

export { monaco };

/** Kernel files are Monaco models under this URI prefix: file:///kernel/arch/x86/vga.ts. */
const KERNEL_URI_PREFIX = 'file:///kernel/';

self.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker()),
};

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ESNext,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  // AssemblyScript's typings replace the browser's lib.d.ts (they declare String, Array, … their own way).
  noLib: true,
  allowNonTsExtensions: true,
  experimentalDecorators: true,
});
typescriptDefaults.addExtraLib(assemblyScriptTypings, 'file:///node_modules/assemblyscript/std/assembly/index.d.ts');
typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
// Models of all kernel files exist from the start, so imports between them resolve without opening them.
typescriptDefaults.setEagerModelSync(true);

/** The model URI of a kernel file ('arch/x86/vga.ts'). */
export function kernelFileUri(path: string): monaco.Uri {
  return monaco.Uri.parse(KERNEL_URI_PREFIX + path);
}

/** The kernel path of a model URI, or null for models that are not kernel files. */
export function kernelPathOf(uri: monaco.Uri): string | null {
  const text = uri.toString(true);
  return text.startsWith(KERNEL_URI_PREFIX) ? text.slice(KERNEL_URI_PREFIX.length) : null;
}
