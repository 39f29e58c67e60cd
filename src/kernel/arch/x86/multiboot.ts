/**
 * @fileoverview Reads the Multiboot (version 1) information block the boot
 * loader (v86, QEMU, GRUB) leaves in memory; its address arrives in EBX and
 * the translator's kernel mode passes it to `_start`. Only the command line is
 * read for now.
 */

/** `flags` bit 2: the `cmdline` field is valid (Multiboot 0.6.96, section 3.3). */
@inline const MULTIBOOT_INFO_CMDLINE: u32 = 1 << 2;
@inline const FLAGS_OFFSET: usize = 0;
@inline const CMDLINE_OFFSET: usize = 16;

@inline const SPACE: u8 = 0x20;

/** Whether `word` appears as a space-separated word of the boot command line. */
@unsafe export function commandLineHasWord(multibootInfo: usize, word: string): bool {
  let text = commandLine(multibootInfo);
  if (text == 0) return false;
  while (load<u8>(text) != 0) {
    if (wordAt(text, word)) return true;
    text = nextWord(text);
  }
  return false;
}

/** Address of the NUL-terminated command line, or 0 when the boot loader gave none. */
@unsafe function commandLine(multibootInfo: usize): usize {
  if (multibootInfo == 0) return 0;
  if ((load<u32>(multibootInfo, FLAGS_OFFSET) & MULTIBOOT_INFO_CMDLINE) == 0) return 0;
  return <usize>load<u32>(multibootInfo, CMDLINE_OFFSET);
}

/** Whether the characters at `text` are exactly `word`, ended by a space or NUL. */
@unsafe function wordAt(text: usize, word: string): bool {
  for (let index = 0; index < word.length; index++) {
    if (<i32>load<u8>(text + <usize>index) != word.charCodeAt(index)) return false;
  }
  const after = load<u8>(text + <usize>word.length);
  return after == 0 || after == SPACE;
}

/** Address of the start of the next word (past the following spaces), or of the NUL. */
@unsafe function nextWord(text: usize): usize {
  while (load<u8>(text) != 0 && load<u8>(text) != SPACE) text++;
  while (load<u8>(text) == SPACE) text++;
  return text;
}
