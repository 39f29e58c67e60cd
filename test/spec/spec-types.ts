/**
 * @fileoverview The data model of the spec conformance harness: values, expectations and actions as
 * read from a .wast script.
 *
 * Pipeline place: `wast.ts` produces these from the script, `spec-plan.ts` groups the actions per
 * module, and the image builder (`spec-image.ts`) compiles them into a guest that runs them in one
 * boot. `v8-reference.ts` runs the same actions in Node's own WebAssembly.
 */

export type SpecValue =
  | { type: 'i32'; value: number }            // int32
  | { type: 'i64'; value: bigint }            // int64 (signed)
  | { type: 'f32'; bits: number | 'nan:canonical' | 'nan:arithmetic' }
  | { type: 'f64'; bits: bigint | 'nan:canonical' | 'nan:arithmetic' }
  | { type: 'funcref' | 'externref'; value: number | null | 'any' }  // null = ref.null

export type SpecExpect =
  | { kind: 'return'; results: SpecValue[] }
  | { kind: 'trap'; message: string }
  | { kind: 'exhaustion'; message: string }
  | { kind: 'none' }                          // a plain (invoke ...) command

export interface SpecAction { line: number; kind: 'invoke' | 'get'; field: string; args: SpecValue[];
  expect: SpecExpect }
