/**
 * @fileoverview What counts as an unsafe operation, and why it matters: the
 * rule of issue #3 item 7 as code. A node is unsafe when it
 *  - reads or writes memory at a raw address: `load`, `store`,
 *    `i32.load8_u`-style typed variants, `atomic.*`, `memory.*` (all but
 *    `memory.size`);
 *  - turns a number into a reference: `changetype<T>` where T is not a value
 *    type (`changetype<usize>(object)`, taking an address, is safe);
 *  - allocates or frees memory behind the collector: `__alloc`, `__free`,
 *    `__new`, `heap.alloc`, …;
 *  - uses an x86 intrinsic (port I/O, interrupt flag, control registers, …),
 *    i.e. any name bound to an `@external("x86", …)` declaration;
 *  - reads or writes `__stack_pointer`, asc's shadow-stack pointer.
 * Each finding carries a short "what" and a "why" that the checker's error
 * message and the report's operation counts use.
 *
 * The names are recognized syntactically. A file that declares or imports
 * its own `load` (or `memory`, …) at top level shadows the builtin there; the
 * runtime's double-underscore names and intrinsics cannot be shadowed.
 * Local variables named like a builtin are not tracked (asc's builtins are
 * global names; kernel code does not reuse them).
 */
import {
  CallExpression,
  IdentifierExpression,
  NamedTypeNode,
  PropertyAccessExpression,
  type Node,
  type TypeNode,
} from 'assemblyscript';
import type { IntrinsicScope } from './intrinsic-bindings.js';

/** Groups of unsafe operations, as the report counts them (the paper's Table 1 reasons, in kind). */
export type UnsafeOperationKind =
  | 'raw memory'
  | 'reference cast'
  | 'raw allocation'
  | 'port I/O'
  | 'CPU intrinsic'
  | 'shadow stack pointer';

export interface UnsafeOperation {
  kind: UnsafeOperationKind;
  /** The operation as written plus what it does, e.g. "load<u32>() reads raw memory". */
  what: string;
  /** Why it is dangerous, for the diagnostic. */
  why: string;
}

/** What a file's code can see: its intrinsic names and the builtin names it shadows. */
export interface OperationScope {
  intrinsics: IntrinsicScope;
  /** Top-level names the file declares or imports itself. */
  shadowed: ReadonlySet<string>;
  /** Source text, to quote type arguments. */
  text: string;
}

const WHY_RAW_MEMORY =
  'an address is only a number: nothing checks that it points at memory this code owns, or at a value of that type';
const WHY_REFERENCE_CAST =
  'the compiler trusts the result as a live object: a wrong address becomes a corrupt object and a crash far away';
const WHY_RAW_ALLOCATION =
  'it hands out or frees raw blocks behind the garbage collector: a use after free or a double free corrupts the heap';
const WHY_SHADOW_STACK =
  "it is the garbage collector's shadow-stack pointer: a wrong value hides GC roots (objects freed while in use) or overwrites another task's frames";

/** `T.load*` / `T.store*` exist on these builtin namespaces (`i32.load8_u`, `v128.store`, …). */
const TYPED_MEMORY_NAMESPACES = new Set(['i32', 'i64', 'f32', 'f64', 'v128']);
/** Builtin names a file may shadow with its own declaration or import. */
const SHADOWABLE_BUILTINS = new Set(['load', 'store', 'changetype', 'memory', 'heap', 'atomic', ...TYPED_MEMORY_NAMESPACES]);
/** Types `changetype` may convert a reference to without making up a reference. */
const VALUE_TYPES = new Set(['i8', 'i16', 'i32', 'i64', 'isize', 'u8', 'u16', 'u32', 'u64', 'usize', 'bool', 'f32', 'f64']);
/** The runtime's raw block interface (asc's rt/ and the kernel's mm/runtime.ts). */
const RUNTIME_ALLOCATION = new Set(['__alloc', '__realloc', '__free', '__new', '__renew', '__link', '__pin', '__unpin', '__visit']);
const SHADOW_STACK_POINTER = '__stack_pointer';

/** Intrinsic groups beyond port I/O, each with why it belongs in a wrapper. */
const INTRINSIC_GROUPS: readonly { names: readonly string[]; does: string; why: string }[] = [
  {
    names: ['inb', 'inw', 'inl', 'outb', 'outw', 'outl'],
    does: 'does port I/O',
    why: 'it talks to a device directly: a wrong port or value reprograms or hangs hardware that every task shares',
  },
  {
    names: ['cli', 'sti', 'hlt', 'sti_hlt', 'read_eflags', 'write_eflags'],
    does: 'changes the interrupt flag',
    why: 'interrupts left off freeze the timer, the scheduler and every driver; turned on too early, a handler runs on half-made state',
  },
  {
    names: ['lidt', 'lgdt', 'ltr', 'reload_segments'],
    does: 'loads a descriptor table',
    why: 'every interrupt and memory access goes through these tables: a wrong address triple-faults the machine',
  },
  {
    names: ['read_cr0', 'read_cr2', 'read_cr3', 'read_cr4', 'write_cr0', 'write_cr2', 'write_cr3', 'write_cr4', 'invlpg'],
    does: 'uses a control register',
    why: 'control registers switch paging and protection for the whole machine: one wrong bit unmaps the running kernel',
  },
  {
    names: ['switch_context', 'initial_context', 'stack_pointer', 'set_stack_limit', 'stack_limit'],
    does: 'manipulates a machine stack',
    why: 'a wrong stack pointer resumes garbage as return addresses and saved registers',
  },
];
const OTHER_INTRINSIC = {
  does: 'uses a CPU intrinsic',
  why: 'it is a privileged instruction the type system knows nothing about; keep each one in a small, named wrapper',
};

/** The unsafe operation `node` performs itself (not counting its children), if any. */
export function classifyOperation(node: Node, parent: Node | null, scope: OperationScope): UnsafeOperation | undefined {
  if (node instanceof CallExpression) return classifyBuiltinCall(node, scope);
  if (node instanceof IdentifierExpression) return classifyName(node, parent, scope);
  if (node instanceof PropertyAccessExpression) return classifyMember(node, parent, scope);
  return undefined;
}

/** `load<T>(…)`, `store<T>(…)`, `changetype<T>(…)`, `memory.copy(…)`, `i32.load8_u(…)`, `atomic.add(…)`. */
function classifyBuiltinCall(call: CallExpression, scope: OperationScope): UnsafeOperation | undefined {
  const callee = call.expression;
  const written = `${calleeText(callee)}${typeArgumentText(call.typeArguments, scope.text)}()`;
  const builtin = builtinPath(callee, scope);
  if (builtin === undefined) return undefined;
  const [first, second] = builtin;
  if (builtin.length === 1 && (first === 'load' || first === 'store')) {
    return { kind: 'raw memory', what: `${written} ${first === 'load' ? 'reads' : 'writes'} raw memory`, why: WHY_RAW_MEMORY };
  }
  if (builtin.length === 1 && first === 'changetype') {
    if (isValueType(call.typeArguments?.[0])) return undefined;
    return { kind: 'reference cast', what: `${written} turns a number into a reference`, why: WHY_REFERENCE_CAST };
  }
  if (first === 'memory' && second !== 'size' && second !== undefined) {
    return { kind: 'raw memory', what: `${written} works on raw addresses`, why: WHY_RAW_MEMORY };
  }
  const isTypedAccess = TYPED_MEMORY_NAMESPACES.has(first) && /^(load|store)/.test(second ?? '');
  if (first === 'atomic' || builtin.includes('atomic') || isTypedAccess) {
    return { kind: 'raw memory', what: `${written} accesses raw memory`, why: WHY_RAW_MEMORY };
  }
  return undefined;
}

/** Intrinsics, runtime allocation and `__stack_pointer` by name, wherever they appear. */
function classifyName(identifier: IdentifierExpression, parent: Node | null, scope: OperationScope): UnsafeOperation | undefined {
  const written = quoteCallee(identifier.text, parent, identifier);
  const intrinsic = scope.intrinsics.functions.get(identifier.text);
  if (intrinsic !== undefined) return intrinsicOperation(intrinsic, written);
  return runtimeName(identifier.text, written);
}

/** `cpu.outb` through a namespace import of the intrinsics, and `heap.alloc`/`heap.free`/…. */
function classifyMember(access: PropertyAccessExpression, parent: Node | null, scope: OperationScope): UnsafeOperation | undefined {
  if (!(access.expression instanceof IdentifierExpression)) return undefined;
  const object = access.expression.text;
  const member = access.property.text;
  const written = quoteCallee(`${object}.${member}`, parent, access);
  const intrinsic = scope.intrinsics.namespaces.get(object)?.get(member);
  if (intrinsic !== undefined) return intrinsicOperation(intrinsic, written);
  if (object === 'heap' && !scope.shadowed.has('heap') && member !== 'size') {
    return { kind: 'raw allocation', what: `${written} manages raw heap blocks`, why: WHY_RAW_ALLOCATION };
  }
  return undefined;
}

function runtimeName(name: string, written: string): UnsafeOperation | undefined {
  if (RUNTIME_ALLOCATION.has(name)) {
    return { kind: 'raw allocation', what: `${written} manages raw heap blocks`, why: WHY_RAW_ALLOCATION };
  }
  if (name === SHADOW_STACK_POINTER) {
    return { kind: 'shadow stack pointer', what: `${written} touches the shadow-stack pointer`, why: WHY_SHADOW_STACK };
  }
  return undefined;
}

function intrinsicOperation(intrinsic: string, written: string): UnsafeOperation {
  const group = INTRINSIC_GROUPS.find((candidate) => candidate.names.includes(intrinsic)) ?? OTHER_INTRINSIC;
  const kind = group === INTRINSIC_GROUPS[0] ? 'port I/O' : 'CPU intrinsic';
  return { kind, what: `${written} ${group.does} (x86 intrinsic "${intrinsic}")`, why: group.why };
}

/** The builtin a callee names, as path segments ('memory', 'copy'), unless the file shadows it. */
function builtinPath(callee: Node, scope: OperationScope): string[] | undefined {
  const path: string[] = [];
  let node = callee;
  while (node instanceof PropertyAccessExpression) {
    path.unshift(node.property.text);
    node = node.expression;
  }
  if (!(node instanceof IdentifierExpression)) return undefined;
  if (!SHADOWABLE_BUILTINS.has(node.text) || scope.shadowed.has(node.text)) return undefined;
  return [node.text, ...path];
}

function isValueType(type: TypeNode | undefined): boolean {
  return type instanceof NamedTypeNode && type.name.next === null && VALUE_TYPES.has(type.name.identifier.text);
}

/** `outb()` when the name is being called, `outb` when it is passed around. */
function quoteCallee(written: string, parent: Node | null, node: Node): string {
  return parent instanceof CallExpression && parent.expression === node ? `${written}()` : written;
}

function calleeText(callee: Node): string {
  if (callee instanceof IdentifierExpression) return callee.text;
  if (callee instanceof PropertyAccessExpression) return `${calleeText(callee.expression)}.${callee.property.text}`;
  return '';
}

function typeArgumentText(typeArguments: TypeNode[] | null, text: string): string {
  if (!typeArguments || typeArguments.length === 0) return '';
  return `<${typeArguments.map((type) => text.slice(type.range.start, type.range.end)).join(', ')}>`;
}
