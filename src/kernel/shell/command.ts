/**
 * @fileoverview What a shell command is: a name, how to call it, one line of
 * help, and the function that runs it with the words after the name. The
 * table of all commands is in ./commands.ts.
 */

/** Runs a command; `args` are the words after its name. */
export type CommandHandler = (args: string[]) => void;

export class Command {
  constructor(
    readonly name: string,
    /** The arguments as `help` shows them, e.g. "<address>". */
    readonly usage: string,
    readonly summary: string,
    readonly run: CommandHandler,
  ) {}
}
