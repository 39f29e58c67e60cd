/**
 * @fileoverview `pt <address>`: walks the two-level page tables for a
 * virtual address the way the MMU does — the page-directory entry (index =
 * bits 31..22), then the page-table entry (bits 21..12) — and prints each
 * entry, its flags and the frame it points at, and the physical address the
 * walk ends in (or where it stops).
 */
import { print } from "../console";
import { hex } from "../format";
import { directoryEntryFor, pageDirectoryAddress, tableEntryFor } from "../mm/index";
import { parseNumber } from "./words";

@inline const PRESENT: u32 = 1 << 0;
@inline const FRAME_MASK: u32 = 0xffff_f000;
@inline const OFFSET_MASK: u32 = 0x0000_0fff;

/** Flag bits 0–8 of an entry, in bit order, with the letters `pt` prints. */
const FLAG_NAMES: StaticArray<string> = ["P", "RW", "US", "PWT", "PCD", "A", "D", "PS", "G"];

export function ptCommand(args: string[]): void {
  const value = args.length == 1 ? parseNumber(args[0]) : -1;
  if (value < 0) {
    print("usage: pt <address>   (decimal or 0x hex)\n");
    return;
  }
  print(pageWalk(<u32>value));
}

/** The walk for `address`, as printed. */
export function pageWalk(address: u32): string {
  let text = "pt " + hex(address) + ": directory " + hex(<u32>pageDirectoryAddress()) + " index "
    + (address >> 22).toString() + ", table index " + ((address >> 12) & 0x3ff).toString() + "\n";
  const directoryEntry = directoryEntryFor(address);
  text += "  PDE " + hex(directoryEntry) + "  " + describeEntry(directoryEntry, "table") + "\n";
  if ((directoryEntry & PRESENT) == 0) return text + "  -> not mapped (no page table)\n";
  const tableEntry = tableEntryFor(address);
  text += "  PTE " + hex(tableEntry) + "  " + describeEntry(tableEntry, "frame") + "\n";
  if ((tableEntry & PRESENT) == 0) return text + "  -> not mapped (page not present)\n";
  return text + "  -> physical " + hex((tableEntry & FRAME_MASK) | (address & OFFSET_MASK)) + "\n";
}

/** "frame 0x02345000 [P RW A D]", or "not present". */
export function describeEntry(entry: u32, pointsAt: string): string {
  if ((entry & PRESENT) == 0) return "not present";
  return pointsAt + " " + hex(entry & FRAME_MASK) + " [" + flagNames(entry) + "]";
}

/** The names of the flag bits set in `entry`, space-separated. */
export function flagNames(entry: u32): string {
  let names = "";
  for (let bit = 0; bit < FLAG_NAMES.length; bit++) {
    if ((entry & (<u32>1 << <u32>bit)) == 0) continue;
    names += (names.length > 0 ? " " : "") + FLAG_NAMES[bit];
  }
  return names;
}
