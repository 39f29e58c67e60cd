/**
 * @fileoverview The running kernel's introspection descriptor as the panels
 * see it: decoded with `decodeDescriptor` (src/kernel-abi/) from physical
 * memory, or, when the booted image publishes none (a test kernel, or the
 * first milliseconds of eduOS-ts's boot), the plain reason why not.
 *
 * Pipeline place: called by the tasks and events panels' `read`; the IDT
 * panel reads only the interrupt counters (`readVectorCounts`).
 */
import { DESCRIPTOR_ADDRESS, DescriptorError, decodeDescriptor, decodeVectorCountsOnly, type KernelDescriptor } from '../../kernel-abi/descriptor.js';
import { hex, type PhysicalReader } from './cpu-state.js';

export type KernelSnapshot = { readonly descriptor: KernelDescriptor } | { readonly missing: string };

/** The descriptor at its fixed address, or why there is none. */
export function readKernelDescriptor(readPhysical: PhysicalReader): KernelSnapshot {
  try {
    return { descriptor: decodeDescriptor(readPhysical) };
  } catch (error) {
    if (!(error instanceof DescriptorError)) throw error;
    return {
      missing: `The running kernel publishes no eduOS-ts introspection descriptor at ${hex(DESCRIPTOR_ADDRESS)} (${error.message}). ` +
        'Kernels other than eduOS-ts have none, and eduOS-ts writes it a few milliseconds into its boot.',
    };
  }
}

/** Only the descriptor's per-vector interrupt counters; null when the kernel has none, or no descriptor. */
export function readVectorCounts(readPhysical: PhysicalReader): number[] | null {
  try {
    return decodeVectorCountsOnly(readPhysical);
  } catch (error) {
    if (!(error instanceof DescriptorError)) throw error;
    return null;
  }
}
