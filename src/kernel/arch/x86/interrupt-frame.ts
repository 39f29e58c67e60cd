/**
 * @fileoverview The interrupt frame the translator's entry stubs build on the
 * interrupted stack (docs/intrinsics.md, "Interrupts"): `pushad`, the vector,
 * the error code, then what the CPU pushed. Handlers receive its address and
 * read or change single words of it through these two accessors.
 *
 *   +0  EDI  +4 ESI  +8 EBP  +12 ESP (ignored)  +16 EBX  +20 EDX  +24 ECX  +28 EAX
 *   +32 vector  +36 error code  +40 EIP  +44 CS  +48 EFLAGS
 */

// Word indices in the frame.
@inline export const FRAME_EBX: i32 = 4;
@inline export const FRAME_EDX: i32 = 5;
@inline export const FRAME_ECX: i32 = 6;
@inline export const FRAME_EAX: i32 = 7;
@inline export const FRAME_VECTOR: i32 = 8;
@inline export const FRAME_ERROR_CODE: i32 = 9;
@inline export const FRAME_EIP: i32 = 10;
@inline export const FRAME_CS: i32 = 11;
@inline export const FRAME_EFLAGS: i32 = 12;

/** Word `index` of the frame at `frame`. */
@unsafe("reads the interrupt frame on the stack") export function frameWord(frame: usize, index: i32): u32 { return load<u32>(frame + (<usize>index << 2)); }

/** Overwrites word `index`: the stub's `popad`/`iretd` then restore the changed value (a system call's result in EAX). */
@unsafe("writes the interrupt frame on the stack") export function setFrameWord(frame: usize, index: i32, value: u32): void { store<u32>(frame + (<usize>index << 2), value); }
