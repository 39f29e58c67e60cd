/**
 * @fileoverview The only code that touches the introspection descriptor's
 * page (physical 4 MiB, layout.ts): bounds-checked stores and loads at an
 * offset inside it. Everything else in introspection/ is safe code that calls
 * these.
 */
import { DESCRIPTOR_ADDRESS, DESCRIPTOR_SIZE } from "./layout";

@unsafe("writes a u32 into the descriptor page at 4 MiB, offset checked")
export function writeDescriptorU32(offset: usize, value: u32): void {
  if (offset + 4 <= DESCRIPTOR_SIZE) store<u32>(DESCRIPTOR_ADDRESS + offset, value);
}

@unsafe("writes a u64 into the descriptor page at 4 MiB, offset checked")
export function writeDescriptorU64(offset: usize, value: u64): void {
  if (offset + 8 <= DESCRIPTOR_SIZE) store<u64>(DESCRIPTOR_ADDRESS + offset, value);
}

@unsafe("writes a u16 into the descriptor page at 4 MiB, offset checked")
export function writeDescriptorU16(offset: usize, value: u16): void {
  if (offset + 2 <= DESCRIPTOR_SIZE) store<u16>(DESCRIPTOR_ADDRESS + offset, value);
}

@unsafe("writes a byte into the descriptor page at 4 MiB, offset checked")
export function writeDescriptorU8(offset: usize, value: u8): void {
  if (offset < DESCRIPTOR_SIZE) store<u8>(DESCRIPTOR_ADDRESS + offset, value);
}

/** The u32 at `offset` (0 outside the page): for the vector counters, and the in-kernel tests read the descriptor back with it. */
@unsafe("reads a u32 of the descriptor page at 4 MiB, offset checked")
export function readDescriptorU32(offset: usize): u32 {
  return offset + 4 <= DESCRIPTOR_SIZE ? load<u32>(DESCRIPTOR_ADDRESS + offset) : 0;
}

/** Clears the whole page (at boot, before the header is written). */
@unsafe("clears the descriptor page at 4 MiB")
export function clearDescriptor(): void {
  for (let offset: usize = 0; offset < DESCRIPTOR_SIZE; offset += 4) store<u32>(DESCRIPTOR_ADDRESS + offset, 0);
}
