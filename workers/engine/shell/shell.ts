// The shell front: parses a script and runs it command by command, recording a transcript entry per top-level command.
import type { Machine } from '../machine';
import type { TopLevelCommand } from './ast';
import { buildCommandTable } from './commandTable';
import { ExitSignal, Interpreter, LoopBudgetExceeded } from './interpreter';
import { Input } from './input';
import { parseScript, type SyntaxError } from './parser';
import type { CommandTable } from './types';

/** One command of a transcript (same shape as sandbox.ts's TranscriptEntry). */
export interface ShellEntry {
  command: string;
  output: string;
  status: number;
  step: number;
}

/** A shell bound to a machine. */
export class Shell {
  readonly interpreter: Interpreter;
  /** Index of the next top-level command since the shell started. */
  step = 0;
  /** Set once `exit` ran: later commands are not run. */
  exited = false;

  constructor(
    readonly machine: Machine,
    table: CommandTable = buildCommandTable(),
  ) {
    this.interpreter = new Interpreter(machine, table);
    // A loop iteration that ran commands takes a second, and pools and dmeventd get to act between iterations as they would between commands.
    this.interpreter.onIteration = () => {
      this.machine.clock.tick(1);
      this.afterCommand();
    };
  }

  /** Parses only. */
  check(script: string): SyntaxError | null {
    const r = parseScript(script);
    return r.ok ? null : r.error;
  }

  /** Parses and runs a script; nothing runs when it does not parse. */
  run(script: string): { ok: true; entries: ShellEntry[] } | { ok: false; error: SyntaxError } {
    const r = parseScript(script);
    if (!r.ok) return r;
    this.exited = false;
    return { ok: true, entries: r.commands.map((c) => this.runCommand(c)).filter((e): e is ShellEntry => !!e) };
  }

  /** Background work between commands: queued pool IO times out, dmeventd looks at monitored pools. */
  private afterCommand(): void {
    const now = this.machine.clock.now;
    for (const [, pool] of this.machine.dm.pools()) pool.poll(now);
    this.machine.lvm.poll();
  }

  /** Runs one top-level command. */
  runCommand(c: TopLevelCommand): ShellEntry | null {
    if (this.exited) return null;
    const step = this.step++;
    this.machine.events.step = step;
    this.machine.clock.tick(1);
    this.interpreter.history.push(c.text);
    let output = '';
    const sink = (t: string) => (output += t);
    let status: number;
    this.interpreter.beginCommand();
    try {
      status = this.interpreter.runList(c.list, { stdin: new Input(''), out: sink, err: sink });
    } catch (e) {
      if (e instanceof LoopBudgetExceeded) {
        output += e.message;
        status = e.status;
        this.interpreter.status = status;
      } else if (e instanceof ExitSignal) {
        status = e.status;
        this.interpreter.status = status;
        this.exited = true;
      } else {
        // A bug of ours must not take the session down: say so, as a shell would for a crashed program.
        output += `dm-sandbox: internal error: ${e instanceof Error ? e.message : String(e)}\n`;
        status = 70;
        this.interpreter.status = status;
      }
    }
    this.afterCommand();
    return { command: c.text, output, status, step };
  }
}
