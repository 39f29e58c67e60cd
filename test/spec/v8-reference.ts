/**
 * @fileoverview The reference engine: runs a job in Node's own WebAssembly (V8) and prints the same
 * `#<i> ...` lines the guest prints, so `spec-verdict.ts` judges both engines with the same logic.
 *
 * Pipeline place: an alternative to `v86-engine.ts`, selected with `--engine v8`. It checks the
 * harness itself (parsing, planning, comparison): every non-float check must pass here.
 * Each job gets a fresh `spectest` host module, as each guest boot does; a job's modules are
 * instantiated between its actions, each importing the exports of the earlier ones by their names.
 */
import type { ModuleJob } from './spec-plan.js';
import type { SpecAction, SpecValue } from './spec-types.js';
import { formatValues } from './spec-format.js';
import { trapMessageMatches, type BootResult } from './spec-verdict.js';

/**
 * V8's trap messages and the spec messages each may stand for. V8 is coarser in two places (one
 * message for a null entry and a signature mismatch, one for call_indirect and table access out of
 * range); there the expected message picks among the candidates.
 */
const specMessagesOfV8: Record<string, string[]> = {
  'divide by zero': ['integer divide by zero'],
  'remainder by zero': ['integer divide by zero'],
  'divide result unrepresentable': ['integer overflow'],
  'float unrepresentable in integer range': ['invalid conversion to integer'],
  'memory access out of bounds': ['out of bounds memory access'],
  'data segment is out of bounds': ['out of bounds memory access'],
  'element segment out of bounds': ['out of bounds table access'],
  'table index is out of bounds': ['undefined element', 'out of bounds table access'],
  'null function or function signature mismatch': ['uninitialized element', 'indirect call type mismatch'],
  'unreachable': ['unreachable'],
  'Maximum call stack size exceeded': ['call stack exhausted'],
};

export async function runInV8(job: ModuleJob): Promise<BootResult> {
  const start = performance.now();
  const lines: string[] = [];
  const result = (error?: string): BootResult =>
    ({ serial: lines.join('\n'), exitCode: 0, timedOut: false, wallMs: performance.now() - start, error });
  try {
    runJob(job, lines);
    return result();
  } catch (error) {
    return result(`V8: ${(error as Error).message}`);
  }
}

/** Instantiates each module before the first action that follows it; stops after an instantiation trap, as the guest does. */
function runJob(job: ModuleJob, lines: string[]): void {
  const imports: WebAssembly.Imports = { spectest: spectestModule() };
  const instances: WebAssembly.Instance[] = [];
  const instantiateUpTo = (actionIndex: number): boolean => {
    for (let k = instances.length; k < job.modules.length && job.modules[k].actionsBefore <= actionIndex; k++) {
      const instance = instantiate(job, k, imports, lines);
      if (!instance) return false;
      instances.push(instance);
      if (job.modules[k].name) imports[job.modules[k].name] = instance.exports;
    }
    return true;
  };
  for (const [index, action] of job.actions.entries()) {
    if (!instantiateUpTo(index)) return;
    lines.push(`#${index} ${runAction(instances[action.module], action)}`);
  }
  if (instantiateUpTo(job.actions.length)) lines.push('#done');
}

/** Module `k`'s instance, or undefined after printing `#init trap` when instantiation trapped. */
function instantiate(job: ModuleJob, k: number, imports: WebAssembly.Imports, lines: string[]): WebAssembly.Instance | undefined {
  const module = new WebAssembly.Module(job.modules[k].wasm);
  try {
    return new WebAssembly.Instance(module, imports);
  } catch (error) {
    lines.push(`#init trap ${trapKind(error, job.expectInitTrap)}`);
    return undefined;
  }
}

/** The spec interpreter's host module: print functions, global_i32/i64 = 666, table 10..20, memory 1..2. */
function spectestModule(): WebAssembly.ModuleImports {
  const print = (): void => {};
  return {
    print, print_i32: print, print_i64: print, print_f32: print, print_f64: print, print_i32_f32: print, print_f64_f64: print,
    global_i32: new WebAssembly.Global({ value: 'i32' }, 666),
    global_i64: new WebAssembly.Global({ value: 'i64' }, 666n),
    global_f32: new WebAssembly.Global({ value: 'f32' }, 666.6),
    global_f64: new WebAssembly.Global({ value: 'f64' }, 666.6),
    table: new WebAssembly.Table({ element: 'anyfunc', initial: 10, maximum: 20 }),
    memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }),
  };
}

/** Runs one action and returns its line without the `#<i> ` prefix. */
function runAction(instance: WebAssembly.Instance, action: SpecAction): string {
  const expect = action.expect;
  const hint = expect.kind === 'trap' || expect.kind === 'exhaustion' ? expect.message : undefined;
  let returned: unknown;
  try {
    returned = perform(instance, action);
  } catch (error) {
    return `trap ${trapKind(error, hint)}`;
  }
  if (expect.kind !== 'return') return expect.kind === 'none' ? 'ok' : 'returned';
  const got = resultList(returned, expect.results.length);
  const equal = got.length === expect.results.length && expect.results.every((want, i) => valueMatches(want, got[i]));
  return equal ? 'ok' : `fail ${formatValues(got.map((value, i) => asSpecValue(expect.results[i], value)))}`;
}

function perform(instance: WebAssembly.Instance, action: SpecAction): unknown {
  const exported = instance.exports[action.field];
  if (action.kind === 'get') return (exported as WebAssembly.Global).value;
  return (exported as (...args: unknown[]) => unknown)(...action.args.map(toJs));
}

/** A spec trap message for a thrown error; anything that is not a trap is a harness error. */
function trapKind(error: unknown, expected: string | undefined): string {
  const isTrap = error instanceof WebAssembly.RuntimeError || error instanceof RangeError;
  if (!isTrap) throw error;
  const message = error.message.replace(/^WebAssembly\.Instance\(\): /, '');
  const candidates = specMessagesOfV8[message] ?? [message];
  return candidates.find((message) => expected !== undefined && trapMessageMatches(expected, message)) ?? candidates[0];
}

function toJs(value: SpecValue): unknown {
  switch (value.type) {
    case 'i32':
    case 'i64':
      return value.value;
    case 'externref':
      if (value.value !== 'any') return value.value;
      break;
    case 'funcref':
      if (value.value === null) return null;
      break;
  }
  throw new Error(`cannot pass ${value.type} argument ${JSON.stringify(value)}`);
}

/** JS returns undefined for no result, the value for one, an array for several. */
function resultList(returned: unknown, count: number): unknown[] {
  if (count === 0) return [];
  return count === 1 ? [returned] : Array.from(returned as Iterable<unknown>);
}

function valueMatches(want: SpecValue, got: unknown): boolean {
  switch (want.type) {
    case 'i32': return typeof got === 'number' && (got | 0) === want.value;
    case 'i64': return typeof got === 'bigint' && BigInt.asIntN(64, got) === want.value;
    case 'externref': return want.value === 'any' ? got !== null : got === want.value;
    case 'funcref': return want.value === null ? got === null : want.value === 'any' && typeof got === 'function';
    default: return false;
  }
}

/** A returned JS value in the spec's terms, typed like the expected result, for the `fail` text. */
function asSpecValue(want: SpecValue, got: unknown): SpecValue {
  switch (want.type) {
    case 'i32': return { type: 'i32', value: Number(got) | 0 };
    case 'i64': return { type: 'i64', value: BigInt.asIntN(64, BigInt(got as bigint)) };
    case 'funcref': return { type: 'funcref', value: got === null ? null : 'any' };
    case 'externref': return { type: 'externref', value: got === null ? null : typeof got === 'number' ? got : 'any' };
    default: return want;
  }
}
