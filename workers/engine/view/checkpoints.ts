// Prebuilt machines for stepping back: while the worker is idle it replays prefixes of the session from scratch
// (one bounded slice at a time), and a later reset + replay of a script that starts with such a prefix takes that
// machine and runs only the rest. The engine is deterministic, so the transcript and state are the full replay's.
import type { Sandbox, TranscriptEntry } from '../sandbox';
import type { HostProfile } from '../profile';
import type { TopLevelCommand } from '../shell/ast';
import { parseScript } from '../shell/parser';
import { checkpointSteps, maxCheckpoints } from './checkpointsPlan';

/** A machine replayed from a fresh start through the commands `key`, with the transcript of that replay. */
export interface Checkpoint {
  key: string[];
  profile: string;
  sandbox: Sandbox;
  entries: TranscriptEntry[];
}

/** A checkpoint taken for a script: its machine and transcript, and the script's commands still to run on it. */
export interface Resume {
  sandbox: Sandbox;
  entries: TranscriptEntry[];
  rest: TopLevelCommand[];
}

/** How many checkpoints to keep and how long one idle slice may run. */
export interface CheckpointOptions {
  max?: number;
  sliceMs?: number;
  now?: () => number;
}

/** What the store holds now (for tests and the benchmark). */
export interface CheckpointInfo {
  /** Prefix lengths of the kept checkpoints, ascending. */
  kept: number[];
  /** Prefix length of the checkpoint being replayed, if any. */
  building: number | null;
  /** Commands applied to the live machine since the last reset. */
  applied: number;
}

// A checkpoint on its way: a fresh machine running the prefix's commands one by one.
interface Build {
  key: string[];
  profile: string;
  sandbox: Sandbox;
  commands: TopLevelCommand[];
  next: number;
  entries: TranscriptEntry[];
}

/** The commands of a resume run on its machine, as Shell.run would have run them after the prefix. */
export function runRest(resume: Resume): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  for (const c of resume.rest) {
    const e = resume.sandbox.shell.runCommand(c);
    if (e) out.push(e);
  }
  return out;
}

// Whether `key` is the start of `list`.
function startsWith(list: readonly string[], key: readonly string[]): boolean {
  if (key.length > list.length) return false;
  for (let i = 0; i < key.length; i++) if (list[i] !== key[i]) return false;
  return true;
}

/** The session's checkpoints: fed with what the live machine ran, built in idle slices, taken by replays. */
export class Checkpoints {
  private kept: Checkpoint[] = [];
  private build: Build | undefined;
  private applied: string[] = [];
  private profile = '{}';
  private profileValue: Partial<HostProfile> = {};
  // Prefix scripts whose parse does not give back their commands (a replay would not be command for command).
  private unbuildable = new Set<string>();
  private readonly max: number;
  private readonly sliceMs: number;
  private readonly now: () => number;

  /** `fresh(profile)` makes the machine a reset would make (files brought in from outside included). */
  constructor(
    private fresh: (profile: Partial<HostProfile>) => Sandbox,
    options: CheckpointOptions = {},
  ) {
    this.max = options.max ?? maxCheckpoints;
    this.sliceMs = options.sliceMs ?? 8;
    this.now = options.now ?? (() => performance.now());
  }

  /** The live machine was replaced by a fresh one of `profile`: nothing applied yet. Checkpoints stay for replays. */
  reset(profile: Partial<HostProfile>): void {
    this.applied = [];
    this.profileValue = profile;
    this.profile = JSON.stringify(profile);
    this.unbuildable.clear();
  }

  /** The live machine ran these commands. */
  ran(entries: readonly TranscriptEntry[]): void {
    for (const e of entries) this.applied.push(e.command);
  }

  /** Drops every checkpoint (what a reset makes has changed, e.g. a file was brought in). */
  clear(): void {
    this.kept = [];
    this.build = undefined;
  }

  /** The longest checkpoint whose commands start `script` (run on a fresh machine of the current profile), taken out
   * of the store since its machine will change; undefined when none fits. */
  take(script: string): Resume | undefined {
    const candidates = this.kept.filter((c) => c.profile === this.profile && c.key.length > 0);
    if (!candidates.length) return undefined;
    const parsed = parseScript(script);
    if (!parsed.ok) return undefined;
    const texts = parsed.commands.map((c) => c.text);
    let best: Checkpoint | undefined;
    for (const c of candidates) {
      if (best && best.key.length >= c.key.length) continue;
      // Same text up to the boundary, so even line numbers inside the prefix are the full replay's.
      const prefix = c.key.join('\n');
      const boundary = script.length === prefix.length || script[prefix.length] === '\n';
      if (boundary && script.startsWith(prefix) && startsWith(texts, c.key)) best = c;
    }
    if (!best) return undefined;
    this.kept = this.kept.filter((c) => c !== best);
    return { sandbox: best.sandbox, entries: [...best.entries], rest: parsed.commands.slice(best.key.length) };
  }

  /** One idle slice: replays commands toward the most wanted missing checkpoint for about `sliceMs` (at least one
   * command); answers whether work remains. */
  slice(): boolean {
    const start = this.now();
    this.prune();
    do {
      try {
        if (!this.step()) return false;
      } catch {
        // An engine bug while replaying in the background must not reach the UI as a crash: skip that prefix.
        if (this.build) this.unbuildable.add(this.build.key.join('\n'));
        this.build = undefined;
      }
    } while (this.now() - start < this.sliceMs);
    return this.build !== undefined || this.nextTarget() !== undefined;
  }

  // One unit of building: starts the most wanted missing checkpoint or runs one command of the one under way;
  // false when nothing is left to build.
  private step(): boolean {
    if (!this.build) {
      const target = this.nextTarget();
      if (target === undefined) return false;
      const key = this.applied.slice(0, target).join('\n');
      try {
        this.build = this.startBuild(target);
      } catch (e) {
        this.unbuildable.add(key);
        throw e;
      }
      return true;
    }
    const b = this.build;
    if (b.next < b.commands.length) {
      const e = b.sandbox.shell.runCommand(b.commands[b.next++]);
      if (e) b.entries.push(e);
    }
    if (b.next >= b.commands.length) {
      this.store({ key: b.key, profile: b.profile, sandbox: b.sandbox, entries: b.entries });
      this.build = undefined;
    }
    return true;
  }

  /** Builds every wanted checkpoint now (tests, and callers with time to spare). */
  drain(): void {
    while (this.slice());
  }

  /** What is kept and being built. */
  info(): CheckpointInfo {
    return {
      kept: this.kept.map((c) => c.key.length).sort((a, b) => a - b),
      building: this.build ? this.build.key.length : null,
      applied: this.applied.length,
    };
  }

  // Drops what the session can no longer step back to. Right after a reset nothing is applied yet and a replay is
  // about to come, so everything stays then.
  private prune(): void {
    if (!this.applied.length) return;
    const useful = (key: string[], profile: string) => profile === this.profile && startsWith(this.applied, key);
    this.kept = this.kept.filter((c) => useful(c.key, c.profile));
    const b = this.build;
    if (b && !(useful(b.key, b.profile) && this.wanted().includes(b.key.length))) this.build = undefined;
  }

  private wanted(): number[] {
    return checkpointSteps(this.applied.length, this.max);
  }

  // The most wanted prefix length with no checkpoint yet.
  private nextTarget(): number | undefined {
    if (!this.applied.length) return undefined;
    const have = new Set(
      this.kept.filter((c) => c.profile === this.profile && startsWith(this.applied, c.key)).map((c) => c.key.length),
    );
    return this.wanted().find((n) => !have.has(n) && !this.unbuildable.has(this.applied.slice(0, n).join('\n')));
  }

  // A fresh machine about to replay the first `n` applied commands, as a replay script of them would run them.
  private startBuild(n: number): Build | undefined {
    const key = this.applied.slice(0, n);
    const script = key.join('\n');
    const parsed = parseScript(script);
    if (
      !parsed.ok ||
      !startsWith(
        parsed.commands.map((c) => c.text),
        key,
      ) ||
      parsed.commands.length !== n
    ) {
      this.unbuildable.add(script);
      return undefined;
    }
    return {
      key,
      profile: this.profile,
      sandbox: this.fresh(this.profileValue),
      commands: parsed.commands,
      next: 0,
      entries: [],
    };
  }

  // Keeps a finished checkpoint; over the limit, the unwanted one nearest the start goes.
  private store(c: Checkpoint): void {
    this.kept.push(c);
    while (this.kept.length > this.max) {
      const wanted = new Set(this.wanted());
      const spare = this.kept.filter((k) => !wanted.has(k.key.length)).sort((a, b) => a.key.length - b.key.length);
      const drop = spare[0] ?? this.kept[0];
      this.kept = this.kept.filter((k) => k !== drop);
    }
  }
}
