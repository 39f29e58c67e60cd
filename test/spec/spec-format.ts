/**
 * @fileoverview Text forms of spec values, actions and expectations, as the reports print them.
 *
 * Pipeline place: used by `spec-verdict.ts` (expected/got of each check) and `v8-reference.ts` (the
 * `#<i> fail <got>` text it prints like the guest does).
 */
import type { SpecAction, SpecExpect, SpecValue } from './spec-types.js';

function formatValue(value: SpecValue): string {
  switch (value.type) {
    case 'i32':
    case 'i64':
      return `${value.type}:${value.value}`;
    case 'f32':
    case 'f64':
      return typeof value.bits === 'string' ? `${value.type}:${value.bits}` : `${value.type}:0x${value.bits.toString(16)}`;
    default:
      return formatReference(value.type, value.value);
  }
}

function formatReference(type: 'funcref' | 'externref', value: number | null | 'any'): string {
  const short = type === 'funcref' ? 'func' : 'extern';
  if (value === null) return `ref.null ${short}`;
  return value === 'any' ? `ref.${short}` : `ref.${short} ${value}`;
}

export function formatValues(values: SpecValue[]): string {
  return values.length === 0 ? '()' : values.map(formatValue).join(' ');
}

/** `invoke "add" (i32:1 i32:2)` or `get "g"`. */
export function describeAction(action: SpecAction): string {
  const args = action.kind === 'invoke' ? ` (${action.args.map(formatValue).join(' ')})` : '';
  return `${action.kind} ${JSON.stringify(action.field)}${args}`;
}

export function describeExpect(expect: SpecExpect): string {
  switch (expect.kind) {
    case 'return': return formatValues(expect.results);
    case 'trap': return `trap ${expect.message}`;
    case 'exhaustion': return `exhaustion ${expect.message}`;
    case 'none': return 'returns';
  }
}
