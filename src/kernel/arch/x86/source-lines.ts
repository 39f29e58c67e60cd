/**
 * @fileoverview Names the code at an address: the translator puts a source
 * table in the image (`source_table()`: u32 count, then sorted entries of
 * { u32 address, u32 function name, u32 file, u32 line }, names as C strings),
 * and the entry with the greatest address ≤ EIP describes it. Exception
 * reports print "in <function> (<file>:<line>)" with it.
 */
import { source_table } from "./intrinsics";

@inline const ENTRY_BYTES: usize = 16;
@inline const NAME_FIELD: usize = 4;
@inline const FILE_FIELD: usize = 8;
@inline const LINE_FIELD: usize = 12;
@inline const MAX_NAME_LENGTH: i32 = 200;

@unsafe("the address of the image's source table") function sourceTable(): usize { return source_table(); }

@unsafe("reads the image's read-only source table") function tableWord(address: usize): u32 { return load<u32>(address); }

@unsafe("reads a byte of the image's read-only data") function imageByte(address: usize): u8 { return load<u8>(address); }

/** The NUL-terminated Latin-1 string at `address` in the image (at most MAX_NAME_LENGTH characters). */
export function cString(address: usize): string {
  let text = "";
  for (let index = 0; index < MAX_NAME_LENGTH; index++) {
    const byte = imageByte(address + <usize>index);
    if (byte == 0) break;
    text += String.fromCharCode(byte);
  }
  return text;
}

/** Address of the entry describing `eip`, or 0 when `eip` lies before all code. */
function entryFor(eip: u32): usize {
  const table = sourceTable();
  let low = 0;
  let high = <i32>tableWord(table) - 1;
  let found: usize = 0;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = table + 4 + <usize>middle * ENTRY_BYTES;
    if (tableWord(entry) <= eip) {
      found = entry;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** "function (file:line)", "function" when the code has no source line, "?" when unknown. */
export function describeCodeAddress(eip: u32): string {
  const entry = entryFor(eip);
  if (entry == 0) return "?";
  const name = cString(<usize>tableWord(entry + NAME_FIELD));
  const file = <usize>tableWord(entry + FILE_FIELD);
  if (file == 0) return name;
  return name + " (" + cString(file) + ":" + tableWord(entry + LINE_FIELD).toString() + ")";
}
