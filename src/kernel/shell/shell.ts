/**
 * @fileoverview The eduOS-ts shell: a task that reads lines from COM1 and
 * the keyboard (console-input.ts: echo and backspace), splits them into
 * words and runs the command the first word names (commands.ts). It runs at
 * PRIORITY_HIGH, above every demo, so it answers even while busy tasks run;
 * commands that must run below it (bench, crash) start a task and wait.
 */
import { PRIORITY_HIGH } from "../config";
import { print } from "../console";
import { readLine } from "../console-input";
import { spawn } from "../scheduler/index";
import { findCommand } from "./commands";
import { splitWords } from "./words";

export const PROMPT = "eduos> ";

/** Spawns the shell task; main.ts calls this once the kernel is up. */
export function startShell(): void {
  spawn("shell", shellMain, 0, PRIORITY_HIGH);
}

function shellMain(argument: i32): void {
  print("eduOS-ts shell: type `help` for the commands\n");
  while (true) {
    print(PROMPT);
    runLine(readLine());
  }
}

/** Runs one command line; an empty line does nothing. */
export function runLine(line: string): void {
  const words = splitWords(line);
  if (words.length == 0) return;
  const command = findCommand(words[0]);
  if (!command) {
    print(words[0] + ": no such command (try `help`)\n");
    return;
  }
  const run = command.run;
  run(words.slice(1));
}
