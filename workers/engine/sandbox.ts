// STUB — the engine's front door (the shell layer fills it): a Machine plus a shell that runs scripts.
import { Machine } from './machine';
import type { HostProfile } from './profile';

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

/** A machine and its shell. */
export class Sandbox {
  readonly machine: Machine;
  constructor(profile: Partial<HostProfile> = {}) {
    this.machine = new Machine(profile);
  }
  /** Runs a script (one or more commands) and returns the transcript. */
  run(script: string): RunResult {
    void script;
    return { ok: true, entries: [] };
  }
}
