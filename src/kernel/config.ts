/**
 * @fileoverview Kernel settings in one place (like xv6's param.h). Hardware
 * constants (port numbers, buffer addresses) live with their device under
 * arch/x86/; this file holds the choices.
 */

/** Printed in the boot banner. */
export const KERNEL_VERSION = "0.1.0";

/** A word on the Multiboot command line that makes the kernel exit the emulator after booting. */
export const EXIT_COMMAND_WORD = "exit";

/** COM1 baud-rate divisor of the 115200 Hz UART clock: 3 -> 38400 baud. */
@inline export const SERIAL_BAUD_DIVISOR: u16 = 3;

/** VGA text attribute: background in the high nibble, foreground in the low one; 0x07 is light grey on black. */
@inline export const VGA_TEXT_ATTRIBUTE: u16 = 0x07;
