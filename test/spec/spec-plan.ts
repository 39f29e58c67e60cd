/**
 * @fileoverview Groups the commands of one .wast script into boot jobs: one job per module instance,
 * holding that instance's actions in script order, and records every check that cannot run and why.
 *
 * Pipeline place: between `wast.ts` (commands) and an engine (`v86-engine.ts` or `v8-reference.ts`),
 * whose output `spec-verdict.ts` judges. Each job boots alone, so an instance shares nothing with the
 * others; checks that depend on cross-module linking are skipped ("linking") instead of run wrongly:
 * modules that import from anything but `spectest`, and actions on a registered module once a module
 * importing from it has been instantiated. Checks with float arguments or results are skipped ("float").
 */
import type { SpecAction, SpecValue } from './spec-types.js';
import type { WastCommand, WastModule } from './wast.js';

export interface ModuleJob {
  file: string;
  /** Line of the `(module ...)` form. */
  line: number;
  wasm: Uint8Array<ArrayBuffer>;
  actions: SpecAction[];
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
  /** Why actions on this instance are no longer run; set from the start or when it becomes linked. */
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
        current = instantiate(file, command.module, registered);
        if (command.module.name) named.set(command.module.name, current);
        if (current.job) plan.jobs.push(current.job);
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
        planModuleTrap(plan, instantiate(file, command.module, registered), command.module.line, command.message);
        break;
    }
  }
  plan.jobs = plan.jobs.filter((job) => job.actions.length > 0 || job.expectInitTrap !== undefined);
  return plan;
}

/** A new instance; instantiating it links (and so blocks) every registered module it imports from. */
function instantiate(file: string, module: WastModule, registered: Map<string, Instance>): Instance {
  if (!module.wasm) return { blocked: { reason: 'unbuildable', detail: module.error ?? 'no binary' } };
  const linkedNames = [...new Set(importedModuleNames(module.wasm))].filter((name) => name !== hostModule);
  for (const name of linkedNames) {
    const exporter = registered.get(name);
    if (exporter && !exporter.blocked) {
      exporter.blocked = { reason: 'linking', detail: `state shared with the module on line ${module.line}` };
    }
  }
  const job: ModuleJob = { file, line: module.line, wasm: module.wasm, actions: [] };
  if (linkedNames.length === 0) return { job };
  return { job, blocked: { reason: 'linking', detail: `imports from ${linkedNames.map((n) => `"${n}"`).join(', ')}` } };
}

function importedModuleNames(wasm: Uint8Array<ArrayBuffer>): string[] {
  return WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((entry) => entry.module);
}

function planAction(plan: SpecPlan, instance: Instance | undefined, action: SpecAction): void {
  const blocked = instance ? instance.blocked : { reason: 'unbuildable' as const, detail: 'no module to run it on' };
  if (blocked) plan.skipped.push({ line: action.line, ...blocked });
  else if (usesFloat(action)) plan.skipped.push({ line: action.line, reason: 'float', detail: 'float argument or result' });
  else instance?.job?.actions.push(action);
}

function planModuleTrap(plan: SpecPlan, instance: Instance, line: number, message: string): void {
  if (instance.blocked) plan.skipped.push({ line, ...instance.blocked });
  else if (instance.job) plan.jobs.push({ ...instance.job, expectInitTrap: message });
}

function usesFloat(action: SpecAction): boolean {
  const results = action.expect.kind === 'return' ? action.expect.results : [];
  return [...action.args, ...results].some(isFloat);
}

function isFloat(value: SpecValue): boolean {
  return value.type === 'f32' || value.type === 'f64';
}
