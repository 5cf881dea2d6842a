// The engine's front door: a Machine plus a shell that runs scripts and returns transcripts.
import { Machine } from './machine';
import type { HostProfile } from './profile';
import { Shell } from './shell/shell';
import { parseScenario, type Scenario } from './shell/scenario';
import { failed, strerror } from './host/errno';
import { dirname, resolvePath } from './host/paths';

export { parseScenario, type Scenario };

/** One command of a transcript: the text as typed, everything it printed (stdout and stderr in order), its status. */
export interface TranscriptEntry {
  command: string;
  output: string;
  status: number;
  /** Index of this command since the sandbox started (the timeline's step). */
  step: number;
}

/** A script that cannot be parsed: nothing of it ran. */
export interface ParseError {
  line: number;
  col: number;
  message: string;
}

export type RunResult = { ok: true; entries: TranscriptEntry[] } | { ok: false; error: ParseError };

/** The result of runFile: parse errors also carry the `FILE:LINE:COL: message` line. */
export type FileRunResult = { ok: true; entries: TranscriptEntry[] } | { ok: false; error: ParseError; text: string };

/** A machine and its shell. */
export class Sandbox {
  readonly machine: Machine;
  readonly shell: Shell;

  constructor(profile: Partial<HostProfile> = {}) {
    this.machine = new Machine(profile);
    this.shell = new Shell(this.machine);
  }

  /** Runs a script (one or more commands) and returns the transcript. */
  run(script: string): RunResult {
    return this.shell.run(script);
  }

  /** Parses without running: the error, or null. */
  check(script: string): ParseError | null {
    return this.shell.check(script);
  }

  /** Runs a script file; a parse error comes with `FILE:LINE:COL: message`. */
  runFile(text: string, fileName: string): FileRunResult {
    const r = this.run(text);
    if (r.ok) return r;
    return { ...r, text: `${fileName}:${r.error.line}:${r.error.col}: ${r.error.message}` };
  }

  /** Places a file into the simulated host (creating its directories); an error text, or null. */
  putFile(path: string, content: string): string | null {
    const abs = resolvePath('/', path);
    const vfs = this.machine.host.vfs;
    const e = vfs.mkdir(dirname(abs), true) ?? vfs.writeFile(abs, content);
    return e && failed(e) ? strerror(e.errno) : null;
  }

  /** A JSON-able summary of the final state (host side; other layers may add theirs). */
  summary(): Record<string, unknown> {
    const host = this.machine.host;
    return {
      steps: this.shell.step,
      clock: this.machine.clock.now,
      hostFree: host.rootSpace.free,
      blockDevices: host.blockDevices.list().map((d) => ({ name: d.name, majMin: `${d.major}:${d.minor}`, size: d.size, type: d.type, mountpoint: d.mountpoint ?? null })),
      loops: host.loops.list().map((l) => ({ device: `/dev/${l.name}`, file: l.file, size: l.size })),
      mounts: host.vfs.mounts.entries.filter((m) => m.inDf || m.source.startsWith('/dev/')).map((m) => ({ source: m.source, target: m.target, fstype: m.fstype })),
      events: this.machine.events.all.length,
    };
  }
}
