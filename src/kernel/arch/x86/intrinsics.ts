/**
 * @fileoverview The CPU intrinsics: wasm imports of module "x86" that the
 * translator replaces by inline x86 instructions (docs/intrinsics.md is the
 * contract). Nothing here is a call at run time. Only `@unsafe` functions under
 * arch/x86/ may use them; everything else goes through those wrappers.
 *
 * Declaring an intrinsic costs nothing: asc imports only the ones used.
 */

// Port I/O: `in al/ax/eax, dx` and `out dx, al/ax/eax`.
@external("x86", "inb") export declare function inb(port: u16): u8;
@external("x86", "inw") export declare function inw(port: u16): u16;
@external("x86", "inl") export declare function inl(port: u16): u32;
@external("x86", "outb") export declare function outb(port: u16, value: u8): void;
@external("x86", "outw") export declare function outw(port: u16, value: u16): void;
@external("x86", "outl") export declare function outl(port: u16, value: u32): void;

// Interrupt flag and halting.
@external("x86", "cli") export declare function cli(): void;
@external("x86", "sti") export declare function sti(): void;
@external("x86", "hlt") export declare function hlt(): void;
/** `sti; hlt`: wait for the next interrupt without a window in which it could be missed. */
@external("x86", "sti_hlt") export declare function sti_hlt(): void;

// Descriptor tables and segments. `descriptor` is the address of the 6-byte limit+base.
@external("x86", "lidt") export declare function lidt(descriptor: usize): void;
@external("x86", "lgdt") export declare function lgdt(descriptor: usize): void;
/** Far jump to reload CS with `code`, then load DS/ES/FS/GS/SS with `data`. */
@external("x86", "reload_segments") export declare function reload_segments(code: u16, data: u16): void;
@external("x86", "ltr") export declare function ltr(selector: u16): void;

// Control registers and the TLB.
@external("x86", "read_cr0") export declare function read_cr0(): u32;
@external("x86", "read_cr2") export declare function read_cr2(): u32;
@external("x86", "read_cr3") export declare function read_cr3(): u32;
@external("x86", "read_cr4") export declare function read_cr4(): u32;
@external("x86", "write_cr0") export declare function write_cr0(value: u32): void;
@external("x86", "write_cr2") export declare function write_cr2(value: u32): void;
@external("x86", "write_cr3") export declare function write_cr3(value: u32): void;
@external("x86", "write_cr4") export declare function write_cr4(value: u32): void;
@external("x86", "invlpg") export declare function invlpg(address: usize): void;

// Miscellaneous state.
@external("x86", "rdtsc") export declare function rdtsc(): u64;
/** `int n`; `vector` must be a constant. */
@external("x86", "int") export declare function int(vector: i32): void;
@external("x86", "read_eflags") export declare function read_eflags(): u32;
@external("x86", "write_eflags") export declare function write_eflags(value: u32): void;
@external("x86", "stack_pointer") export declare function stack_pointer(): usize;

// Interrupt entry and task switching (see "Interrupts" in docs/intrinsics.md).
/** Address of the runtime's entry stub for `vector`, for an IDT gate. */
@external("x86", "isr_address") export declare function isr_address(vector: i32): usize;
/** Saves callee-saved state, stores ESP at `saveSp`, switches to `newSp` and returns on that stack. */
@external("x86", "switch_context") export declare function switch_context(saveSp: usize, newSp: usize): void;
/** Builds a first frame on a new stack so that switching to it calls table function `entry(arg)`; returns its stack pointer. */
@external("x86", "initial_context") export declare function initial_context(stackTop: usize, entry: i32, arg: i32): usize;

// Stack limit and source lines (see "Kernel traps" in docs/intrinsics.md).
/** Sets the lowest ESP (physical) that function prologues accept; below it the call traps as "call stack exhausted". */
@external("x86", "set_stack_limit") export declare function set_stack_limit(limit: usize): void;
/** The current stack limit. */
@external("x86", "stack_limit") export declare function stack_limit(): usize;
/** Address of the image's source table: u32 count, then {address, function name, file, line} entries of 4 × u32. */
@external("x86", "source_table") export declare function source_table(): usize;
