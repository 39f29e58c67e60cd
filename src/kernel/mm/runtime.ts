/**
 * @fileoverview The kernel's AssemblyScript runtime, chosen with asc's
 * `--runtime mm/runtime` (src/toolchain/asc/kernel-build.ts): asc's TLSF
 * allocator (__alloc/__realloc/__free over memory.grow) and the kernel's own
 * collector (gc.ts), whose roots include every task's shadow stack. This
 * file only puts the two together, as asc's own rt/index-*.ts files do.
 */
import "~lib/rt/tlsf";
import "./gc";
