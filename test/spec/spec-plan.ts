/**
 * @fileoverview Groups the commands of one .wast script into boot jobs, holding each instance's actions
 * in script order, and records every check that cannot run and why.
 *
 * A job starts with a module that imports from nothing but `spectest`. A module that imports from
 * `register`ed modules joins their job: the job then holds several modules, which the guest links
 * into one image (`translateProgram`) and instantiates in script order between the actions, so the
 * importer's element segments, shared tables and globals and direct calls act on the same state the
 * script's later actions see. Checks that cannot be linked that way are skipped ("linking"): a module
 * importing from modules in different jobs, from an unregistered name, a memory, or under a name the
 * job cannot give unambiguously, or an `assert_trap (module ...)` that imports from other modules; the
 * modules it imports from are then blocked too (the skipped module may have changed their state).
 * Checks with float arguments or results are skipped ("float").
 *
 * Pipeline place: between `wast.ts` (commands) and an engine (`v86-engine.ts` or `v8-reference.ts`),
 * whose output `spec-verdict.ts` judges.
 */
import type { SpecAction, SpecValue } from './spec-types.js';
import type { WastCommand, WastModule } from './wast.js';

/** One module of a job, in instantiation order. */
export interface JobModule {
  /** Line of the `(module ...)` form. */
  line: number;
  wasm: Uint8Array<ArrayBuffer>;
  /** The name the job's later modules import it by; '' when none does. */
  name: string;
  /** How many of the job's actions run before this module is instantiated. */
  actionsBefore: number;
}

export interface JobAction extends SpecAction {
  /** Index into the job's modules of the instance the action invokes. */
  module: number;
}

export interface ModuleJob {
  file: string;
  /** Line of the job's first module. */
  line: number;
  modules: JobModule[];
  actions: JobAction[];
  /** Set for `(assert_trap (module ...) message)`: instantiation must trap with this message. */
  expectInitTrap?: string;
}

/** `float-inside`: the guest reached float arithmetic inside an integer-typed function (the translator refuses FPU use). */
export type SkipReason = 'float' | 'float-inside' | 'linking' | 'unbuildable';
export interface SkippedCheck { line: number; reason: SkipReason; detail: string }

export interface SpecPlan {
  file: string;
  jobs: ModuleJob[];
  skipped: SkippedCheck[];
}

/** A module instance of the script as the planner tracks it. */
interface Instance {
  job?: ModuleJob;
  /** Index in `job.modules`. */
  index: number;
  /** Why actions on this instance are not run; set from the start or when an unlinkable importer touched it. */
  blocked?: { reason: SkipReason; detail: string };
}

const hostModule = 'spectest';

export function planScript(file: string, commands: WastCommand[]): SpecPlan {
  const plan: SpecPlan = { file, jobs: [], skipped: [] };
  const named = new Map<string, Instance>();
  const registered = new Map<string, Instance>();
  let current: Instance | undefined;
  for (const command of commands) {
    switch (command.kind) {
      case 'module':
        current = instantiate(plan, command.module, registered);
        if (command.module.name) named.set(command.module.name, current);
        break;
      case 'register': {
        const instance = command.name ? named.get(command.name) : current;
        if (instance) registered.set(command.as, instance);
        break;
      }
      case 'action':
        planAction(plan, command.moduleName ? named.get(command.moduleName) : current, command.action);
        break;
      case 'module-trap':
        planModuleTrap(plan, command.module, registered, command.message);
        break;
    }
  }
  plan.jobs = plan.jobs.filter((job) => job.actions.length > 0 || job.expectInitTrap !== undefined);
  return plan;
}

/** A new instance: the first module of a new job, or the next module of the job it imports from. */
function instantiate(plan: SpecPlan, module: WastModule, registered: Map<string, Instance>): Instance {
  if (!module.wasm) return { index: 0, blocked: { reason: 'unbuildable', detail: module.error ?? 'no binary' } };
  const imports = linkedImports(module.wasm);
  const names = [...new Set(imports.map((entry) => entry.module))];
  if (names.length === 0) {
    const job = newJob(plan.file, module, module.wasm);
    plan.jobs.push(job);
    return { job, index: 0 };
  }
  const exporters = names.map((name) => registered.get(name));
  const problem = linkProblem(names, exporters, imports);
  if (problem !== undefined) {
    blockExporters(exporters, module.line);
    return { index: 0, blocked: { reason: 'linking', detail: problem } };
  }
  const job = exporters[0]!.job!;
  names.forEach((name, i) => (job.modules[exporters[i]!.index].name = name));
  job.modules.push({ line: module.line, wasm: module.wasm, name: '', actionsBefore: job.actions.length });
  return { job, index: job.modules.length - 1 };
}

function newJob(file: string, module: WastModule, wasm: Uint8Array<ArrayBuffer>): ModuleJob {
  return { file, line: module.line, modules: [{ line: module.line, wasm, name: '', actionsBefore: 0 }], actions: [] };
}

/** Why the module importing `names` from `exporters` cannot join their job; undefined when it can. */
function linkProblem(names: string[], exporters: (Instance | undefined)[], imports: WebAssembly.ModuleImportDescriptor[]): string | undefined {
  const missing = names.filter((_, i) => exporters[i] === undefined);
  if (missing.length > 0) return `imports from ${quoted(missing)}, which no module is registered as`;
  const blocked = exporters.find((exporter) => exporter!.blocked);
  if (blocked) return `imports from a module whose checks are skipped (${blocked.blocked!.detail})`;
  const job = exporters[0]!.job;
  if (exporters.some((exporter) => exporter!.job !== job)) return `imports from modules that boot in separate jobs (${quoted(names)})`;
  if (imports.some((entry) => entry.kind === 'memory')) return 'imports a memory from another module (memories are not linked)';
  for (const [i, name] of names.entries()) {
    const { index } = exporters[i]!;
    const taken = job!.modules[index].name;
    const later = job!.modules.slice(index + 1).some((m) => m.name === name);
    if ((taken !== '' && taken !== name) || later) return `imports "${name}", which this job cannot name unambiguously`;
  }
  return undefined;
}

/** A module that imports from others but is not linked may have changed their state: their checks are skipped. */
function blockExporters(exporters: (Instance | undefined)[], line: number): void {
  for (const exporter of exporters) {
    if (exporter && !exporter.blocked) {
      exporter.blocked = { reason: 'linking', detail: `state shared with the unlinked module on line ${line}` };
    }
  }
}

function linkedImports(wasm: Uint8Array<ArrayBuffer>): WebAssembly.ModuleImportDescriptor[] {
  return WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((entry) => entry.module !== hostModule);
}

function quoted(names: string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

function planAction(plan: SpecPlan, instance: Instance | undefined, action: SpecAction): void {
  const blocked = instance ? instance.blocked : { reason: 'unbuildable' as const, detail: 'no module to run it on' };
  if (blocked) plan.skipped.push({ line: action.line, ...blocked });
  else if (usesFloat(action)) plan.skipped.push({ line: action.line, reason: 'float', detail: 'float argument or result' });
  else instance?.job?.actions.push({ ...action, module: instance.index });
}

/** A job of its own, expecting the trap; one that imports from other modules is not linked (its partial
 *  effects on them would have to be replayed) and blocks them. */
function planModuleTrap(plan: SpecPlan, module: WastModule, registered: Map<string, Instance>, message: string): void {
  const line = module.line;
  if (!module.wasm) {
    plan.skipped.push({ line, reason: 'unbuildable', detail: module.error ?? 'no binary' });
    return;
  }
  const names = [...new Set(linkedImports(module.wasm).map((entry) => entry.module))];
  if (names.length > 0) {
    blockExporters(names.map((name) => registered.get(name)), line);
    plan.skipped.push({ line, reason: 'linking', detail: `instantiation trap of a module importing from ${quoted(names)}` });
    return;
  }
  plan.jobs.push({ ...newJob(plan.file, module, module.wasm), expectInitTrap: message });
}

function usesFloat(action: SpecAction): boolean {
  const results = action.expect.kind === 'return' ? action.expect.results : [];
  return [...action.args, ...results].some(isFloat);
}

function isFloat(value: SpecValue): boolean {
  return value.type === 'f32' || value.type === 'f64';
}
