// The contract between the shell and every command: argv in, text out, an exit status back.
import type { Machine } from '../machine';

/** What a command gets: its words, stdin, output sinks, the machine to act on. */
export interface CommandContext {
  /** argv[0] is the command name as typed (without `sudo`). */
  argv: string[];
  stdin: string;
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string>;
  cwd: string;
  machine: Machine;
  /** Whether stdout reaches the terminal (not piped, redirected or captured); unset means it does. */
  stdoutIsTerminal?: boolean;
  /** Writes `bytes` NUL bytes to stdout without building them, when stdout is a file (or /dev/null). */
  outZeros?: (bytes: number) => void;
  /** Runs another command with this one's output streams (xargs, docker exec); returns its status. */
  exec?: (argv: string[], stdin: string, env?: Record<string, string>) => number;
  /** Where the shell would find command `name` (`/usr/sbin/lvs`), or undefined when it has none (`which`). */
  pathOf?: (name: string) => string | undefined;
}

/** A command: returns its exit status (0 success, as the real tool). Never throws for user errors. */
export type CommandHandler = (ctx: CommandContext) => number;

/** A set of commands a layer contributes to the shell. */
export type CommandTable = Record<string, CommandHandler>;
