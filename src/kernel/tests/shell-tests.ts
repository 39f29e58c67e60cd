/**
 * @fileoverview Unit tests of the shell's pure parts: splitting a command
 * line, reading numbers, the command table, page-entry flags, vector names,
 * and the benchmark table's ratio.
 */
import { splitWords, parseNumber } from "../shell/words";
import { findCommand } from "../shell/commands";
import { describeEntry, flagNames } from "../shell/pt";
import { vectorName } from "../shell/idt";
import { ratioText } from "../bench/index";
import { check, checkNumber, checkText, UnitTest } from "./runner";

function wordsAreSplitOnRunsOfSpaces(): void {
  const words = splitWords("  pt   0x1000\tx ");
  checkNumber(words.length, 3, "word count");
  checkText(words.join("|"), "pt|0x1000|x", "words");
  checkNumber(splitWords("").length, 0, "empty line");
}

function numbersInDecimalAndHex(): void {
  checkNumber(parseNumber("42"), 42, "decimal");
  checkNumber(parseNumber("0x2a"), 42, "hex");
  checkNumber(parseNumber("0XFFFFFFFF"), 0xffffffff, "largest hex");
  checkNumber(parseNumber("0x100000000"), -1, "beyond 32 bits");
  checkNumber(parseNumber("12a"), -1, "letters in a decimal");
  checkNumber(parseNumber("0x"), -1, "prefix only");
}

function everyListedCommandIsFound(): void {
  const names = ["help", "ps", "mem", "idt", "pt", "bench", "spawn", "kill", "gc", "crash"];
  for (let index = 0; index < names.length; index++) {
    const command = findCommand(names[index]);
    check(command != null && command.name == names[index], "command " + names[index]);
  }
  check(findCommand("nonsense") == null, "unknown command");
}

function pageEntryFlagsAreNamed(): void {
  checkText(flagNames(0x63), "P RW A D", "flags of 0x63");
  checkText(describeEntry(0x0234_5023, "frame"), "frame 0x02345000 [P RW A]", "present entry");
  checkText(describeEntry(0x0234_5002, "frame"), "not present", "absent entry");
}

function vectorsAreNamed(): void {
  checkText(vectorName(0), "Divide Error", "vector 0");
  checkText(vectorName(14), "Page Fault", "vector 14");
  checkText(vectorName(32), "IRQ 0 timer (PIT)", "vector 32");
  checkText(vectorName(0x80), "system call (int 0x80)", "vector 0x80");
  checkText(vectorName(200), "unused", "vector 200");
}

function ratiosHaveOneDecimal(): void {
  checkText(ratioText(853, 10), "85.3", "853/10");
  checkText(ratioText(2, 3), "0.7", "2/3 rounded");
  checkText(ratioText(5, 0), "inf", "division by zero");
}

export const SHELL_TESTS: UnitTest[] = [
  new UnitTest("shell: words are split on runs of spaces", wordsAreSplitOnRunsOfSpaces),
  new UnitTest("shell: numbers in decimal and hex", numbersInDecimalAndHex),
  new UnitTest("shell: every listed command is found", everyListedCommandIsFound),
  new UnitTest("shell: page-entry flags are named", pageEntryFlagsAreNamed),
  new UnitTest("shell: vectors are named", vectorsAreNamed),
  new UnitTest("bench: ratios have one decimal", ratiosHaveOneDecimal),
];
