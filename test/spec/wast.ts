/**
 * @fileoverview Turns a .wast script into a list of commands: modules (compiled to wasm with wabt),
 * `register`, actions (`invoke`, `get`) with what they must produce, and instantiation-trap checks.
 *
 * Pipeline place: after `sexpr.ts` has split the script; `spec-plan.ts` decides which commands run.
 * Validation-only assertions (`assert_invalid`, `assert_malformed`, `assert_unlinkable`) are not
 * commands here: they test a front end we do not have.
 */
import { readSExprs, type SExpr, type SList } from './sexpr.js';
import { parseF32Bits, parseF64Bits, parseI32, parseI64 } from './spec-constants.js';
import type { SpecAction, SpecExpect, SpecValue } from './spec-types.js';
import { watToWasm } from './wat-to-wasm.js';

/** A module of the script; `wasm` is missing when it could not be built, and `error` says why. */
export interface WastModule {
  line: number;
  name?: string;
  wasm?: Uint8Array<ArrayBuffer>;
  error?: string;
}

export type WastCommand =
  | { kind: 'module'; module: WastModule }
  | { kind: 'register'; line: number; as: string; name?: string }
  | { kind: 'action'; moduleName?: string; action: SpecAction }
  | { kind: 'module-trap'; module: WastModule; message: string };

const validationOnly = new Set(['assert_invalid', 'assert_malformed', 'assert_unlinkable']);
const utf8 = new TextDecoder();

/** All commands of a script, in script order. */
export async function parseWast(source: string, filename: string): Promise<WastCommand[]> {
  const commands: WastCommand[] = [];
  for (const form of readSExprs(source)) {
    const command = await parseCommand(form, source, filename);
    if (command) commands.push(command);
  }
  return commands;
}

async function parseCommand(form: SList, source: string, filename: string): Promise<WastCommand | undefined> {
  const head = headOf(form);
  switch (head) {
    case 'module':
      return { kind: 'module', module: await parseModule(form, source, filename) };
    case 'register':
      return { kind: 'register', line: form.line, as: stringAt(form, 1), name: optionalName(form, 2) };
    case 'invoke':
    case 'get':
      return actionCommand(form, { kind: 'none' });
    case 'assert_return':
      return actionCommand(listAt(form, 1), { kind: 'return', results: form.items.slice(2).map(parseValue) });
    case 'assert_exhaustion':
      return actionCommand(listAt(form, 1), { kind: 'exhaustion', message: stringAt(form, 2) });
    case 'assert_trap':
      return parseAssertTrap(form, source, filename);
    default:
      if (validationOnly.has(head)) return undefined;
      throw new Error(`${filename}:${form.line}: unknown command '${head}'`);
  }
}

async function parseAssertTrap(form: SList, source: string, filename: string): Promise<WastCommand> {
  const subject = listAt(form, 1);
  const message = stringAt(form, 2);
  if (headOf(subject) === 'module') {
    return { kind: 'module-trap', module: await parseModule(subject, source, filename), message };
  }
  return actionCommand(subject, { kind: 'trap', message });
}

/** `(module $name? ...)`: text is compiled by wabt, `binary` strings are the module, `quote` is skipped. */
async function parseModule(form: SList, source: string, filename: string): Promise<WastModule> {
  const name = optionalName(form, 1);
  const kindIndex = name ? 2 : 1;
  const kind = atomText(form.items[kindIndex]);
  const module: WastModule = { line: form.line, name };
  if (kind === 'quote') return { ...module, error: 'module quote is not supported' };
  if (kind === 'binary') return { ...module, wasm: concatStrings(form.items.slice(kindIndex + 1)) };
  try {
    return { ...module, wasm: await watToWasm(`${filename}:${form.line}`, source.slice(form.start, form.end)) };
  } catch (error) {
    return { ...module, error: `wabt: ${(error as Error).message}` };
  }
}

function actionCommand(form: SList, expect: SpecExpect): WastCommand {
  const kind = headOf(form);
  if (kind !== 'invoke' && kind !== 'get') throw new Error(`line ${form.line}: expected invoke or get, got '${kind}'`);
  const moduleName = optionalName(form, 1);
  const fieldIndex = moduleName ? 2 : 1;
  const args = form.items.slice(fieldIndex + 1).map(parseValue);
  return { kind: 'action', moduleName, action: { line: form.line, kind, field: stringAt(form, fieldIndex), args, expect } };
}

/** A constant argument or an expected result (which may be a NaN or reference pattern). */
function parseValue(expr: SExpr): SpecValue {
  if (expr.kind !== 'list') throw new Error(`expected a constant, got ${expr.kind}`);
  const op = headOf(expr);
  const operand = expr.items[1] ? atomText(expr.items[1]) : undefined;
  switch (op) {
    case 'i32.const': return { type: 'i32', value: parseI32(required(operand, op)) };
    case 'i64.const': return { type: 'i64', value: parseI64(required(operand, op)) };
    case 'f32.const': return { type: 'f32', bits: parseF32Bits(required(operand, op)) };
    case 'f64.const': return { type: 'f64', bits: parseF64Bits(required(operand, op)) };
    case 'ref.null': return { type: operand === 'func' ? 'funcref' : 'externref', value: null };
    case 'ref.extern': return { type: 'externref', value: operand === undefined ? 'any' : Number(operand) };
    case 'ref.func': return { type: 'funcref', value: 'any' };
    default: throw new Error(`line ${expr.line}: unsupported constant '${op}'`);
  }
}

function required(operand: string | undefined, op: string): string {
  if (operand === undefined) throw new Error(`${op} without an operand`);
  return operand;
}

function headOf(form: SList): string {
  return atomText(form.items[0]);
}

function atomText(expr: SExpr | undefined): string {
  return expr?.kind === 'atom' ? expr.text : '';
}

function optionalName(form: SList, index: number): string | undefined {
  const text = atomText(form.items[index]);
  return text.startsWith('$') ? text : undefined;
}

function listAt(form: SList, index: number): SList {
  const item = form.items[index];
  if (item?.kind !== 'list') throw new Error(`line ${form.line}: expected a list at position ${index}`);
  return item;
}

function stringAt(form: SList, index: number): string {
  return utf8.decode(bytesOf(form.items[index], form.line));
}

function bytesOf(expr: SExpr | undefined, line: number): Uint8Array {
  if (expr?.kind !== 'string') throw new Error(`line ${line}: expected a string`);
  return expr.bytes;
}

function concatStrings(items: SExpr[]): Uint8Array<ArrayBuffer> {
  const parts = items.map((item) => bytesOf(item, 0));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
