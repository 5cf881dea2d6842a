// The session: the commands of the timeline, how far they are applied, the transcript and view state at that point.
import type { TranscriptEntry } from '../../workers/engine/sandbox';
import type { ApiRunResult } from '../../workers/engine/view/sandboxApi';
import type { ViewState } from '../../workers/engine/view/types';
import type { ReadPathView } from '../../workers/engine/view/readPath';
import type { FreeSeries } from '../../workers/engine/view/freeBehaviour';
import type { BlockMapping } from '../../workers/engine/view/blockQuery';
import { simReadOf, type BlockRead } from './simRead';
import { EngineClient, EngineRestarted } from './engineClient';
import { t } from '../i18n';

/** A line of the terminal: a command with its output, or a message of the app itself. */
export type ScreenItem = { kind: 'entry'; entry: TranscriptEntry } | { kind: 'notice'; text: string; error: boolean };

/** Commands a run produced, as they should be stored for replay. */
export function commandsOf(input: string, entries: TranscriptEntry[]): string[] {
  // One command typed (maybe over several lines: heredoc, continuation) is kept exactly as typed.
  return entries.length === 1 ? [input.trim()] : entries.map((e) => e.command);
}

/** Lesson goals checked at one point of the timeline: each goal's result, the timeline and the step it stood at. */
export interface GoalResults {
  met: Record<string, boolean>;
  timeline: string[];
  step: number;
}

/** Engine-backed session state; every method keeps `commands[0..cursor]` equal to what the machine has run. */
export class Session {
  commands = $state<string[]>([]);
  cursor = $state(0);
  screen = $state<ScreenItem[]>([]);
  busy = $state(false);
  view = $state<ViewState | null>(null);
  commandNames = $state<string[]>([]);
  /** The read the read view resolves: the latest `sim read` that ran, or a container's block clicked in the block map. */
  lastRead = $state<BlockRead | null>(null);
  /** Counts `sim read`s typed and blocks clicked, so the UI can bring the read view forward for a new one. */
  readSeq = $state(0);
  /** Whether the block map is wanted (it is the heavy part of the view state). */
  wantBlocks = false;
  private queue: Promise<unknown> = Promise.resolve();
  // The replay after a restart: which worker generation failed, and when the replay is done.
  private recovery: { from: number; done: Promise<void> } | undefined;

  /** Runs on the fresh worker after a restart, before the replay: what came from outside (imported files) goes back. */
  beforeReplay: () => Promise<void> = async () => {};

  constructor(private engine: EngineClient = new EngineClient()) {}

  /** Loads the command names for Tab completion, and the fresh machine's view (its views are not blank before a command). */
  async init(): Promise<void> {
    await this.serial(async () => {
      this.commandNames = await this.engine.call((api) => api.commandNames());
      await this.refreshView();
    });
  }

  /** Runs typed or pasted text at the current step; later steps of the timeline are dropped, as in an editor's undo. */
  submit(text: string): Promise<void> {
    return this.serial(async () => {
      if (this.cursor < this.commands.length) this.commands = this.commands.slice(0, this.cursor);
      const r = await this.exec(text);
      if (r && r.ok) {
        this.commands = [...this.commands, ...commandsOf(text, r.entries)];
        this.cursor = this.commands.length;
        if (r.entries.some((e) => simReadOf(e.command) && e.status === 0)) this.readSeq++;
      }
      await this.refreshView();
    });
  }

  /** Loads a whole session (link or autosave): runs the script, then stands at `step` (default: the end). */
  load(script: string, step?: number): Promise<void> {
    return this.serial(async () => {
      await this.engine.call((api) => api.reset());
      this.screen = [];
      this.commands = [];
      this.cursor = 0;
      const r = await this.exec(script);
      if (r && r.ok) {
        this.commands = commandsOf(script, r.entries);
        this.cursor = this.commands.length;
        if (step !== undefined && step < this.cursor) await this.replayTo(step);
      }
      await this.refreshView();
    });
  }

  /** Loads a list of commands (autosave) and stands at `cursor`. */
  restore(commands: string[], cursor: number): Promise<void> {
    return this.serial(async () => {
      this.commands = commands;
      await this.replayTo(Math.min(cursor, commands.length));
      await this.refreshView();
    });
  }

  /** Moves the timeline to `step`: forward runs the next commands, back replays the prefix on a fresh machine. */
  goTo(step: number): Promise<void> {
    return this.serial(async () => {
      const target = Math.max(0, Math.min(step, this.commands.length));
      if (target === this.cursor) return;
      if (target > this.cursor) {
        const next = this.commands.slice(this.cursor, target);
        const r = await this.exec(next.join('\n'));
        if (r && r.ok) this.cursor = target;
      } else await this.replayTo(target);
      await this.refreshView();
    });
  }

  /** A fresh machine and an empty timeline. */
  reset(): Promise<void> {
    return this.serial(async () => {
      await this.engine.call((api) => api.reset());
      this.commands = [];
      this.cursor = 0;
      this.screen = [];
      await this.refreshView();
    });
  }

  /** Ctrl-L: clears the screen, not the session. */
  clearScreen(): void {
    this.screen = [];
  }

  /** Shows a message of the app in the terminal. */
  notice(text: string, error = false): void {
    this.screen = [...this.screen, { kind: 'notice', text, error }];
  }

  /** Enter on an empty line: a bare prompt, as bash prints. */
  echoBlank(): void {
    this.screen = [...this.screen, { kind: 'entry', entry: { command: '', output: '', status: 0, step: -1 } }];
  }

  /** Echoes a line the user abandoned (Ctrl-C), as bash does. */
  echoCancelled(line: string): void {
    this.screen = [
      ...this.screen,
      { kind: 'entry', entry: { command: line + '^C', output: '', status: 130, step: -1 } },
    ];
  }

  /** Brings the read view forward on `read` (a click on a container's block), as a typed `sim read` would. */
  showRead(read: BlockRead): void {
    this.lastRead = read;
    this.readSeq++;
  }

  /** How a read of a container's block resolves, asked of the engine in turn with the other operations. */
  readPath(container: string, block: number): Promise<ReadPathView | { error: string }> {
    return this.ask(
      async () => {
        const r = await this.engine.call((api) => api.readPath(container, block));
        return 'internal' in r ? { error: r.internal } : r;
      },
      { error: 'The engine was restarted.' },
    );
  }

  /** The mappings that point at a data block of a pool. */
  blockMappings(pool: string, dblock: number): Promise<BlockMapping[]> {
    return this.ask(async () => {
      const r = await this.engine.call((api) => api.blockMappings(pool, dblock));
      return 'internal' in r ? [] : r;
    }, []);
  }

  /** The data blocks a thin device maps. */
  deviceBlocks(pool: string, devId: number): Promise<Uint32Array> {
    return this.ask(async () => {
      const r = await this.engine.call((api) => api.deviceBlocks(pool, devId));
      return 'internal' in r ? new Uint32Array(0) : r;
    }, new Uint32Array(0));
  }

  /** The story replayed on fresh loop-lvm and direct-lvm machines (see the free-behaviour view). */
  freeBehaviour(story: string[]): Promise<FreeSeries[] | { error: string }> {
    return this.ask(
      async () => {
        const r = await this.engine.call((api) => api.freeBehaviour(story));
        return 'internal' in r ? { error: r.internal } : r;
      },
      { error: 'The engine was restarted.' },
    );
  }

  /** Lesson goals checked on the machine, queued behind the operations before it, with the step they were checked at. */
  checkGoals(ids: string[]): Promise<GoalResults> {
    const open = Object.fromEntries(ids.map((id) => [id, false]));
    return this.ask(
      async () => {
        const at = { timeline: this.commands, step: this.cursor };
        try {
          const met = ids.length ? await this.engine.call((api) => api.checkGoals(ids)) : {};
          return { met, ...at };
        } catch (e) {
          // A failing check (an engine bug) reports the goals as open; a restart is the queue's to handle.
          if (e instanceof EngineRestarted) throw e;
          return { met: open, ...at };
        }
      },
      { met: open, timeline: [], step: -1 },
    );
  }

  /** Fetches the view state (with the block map only when a view needs it). */
  async refreshView(): Promise<void> {
    try {
      const v = await this.engine.call((api) => api.viewState(this.wantBlocks));
      if (!('internal' in v)) this.view = v;
      else this.notice(t('engineError', { message: v.internal }), true);
    } catch (e) {
      await this.recover(e);
    }
  }

  // Fresh machine, then the first `step` commands; the screen shows their transcript.
  private async replayTo(step: number): Promise<void> {
    await this.engine.call((api) => api.reset());
    this.screen = [];
    this.cursor = 0;
    this.lastRead = null;
    if (step === 0) return;
    const r = await this.exec(this.commands.slice(0, step).join('\n'));
    if (r && r.ok) this.cursor = step;
  }

  // Runs a script on the engine and puts its transcript on screen; null when the engine had to be restarted.
  private async exec(script: string): Promise<ApiRunResult | null> {
    this.busy = true;
    try {
      const r = await this.engine.call((api) => api.run(script));
      if (r.ok) {
        this.screen = [...this.screen, ...r.entries.map((entry) => ({ kind: 'entry' as const, entry }))];
        for (const e of r.entries) {
          const read = e.status === 0 ? simReadOf(e.command) : null;
          if (read) this.lastRead = read;
        }
      } else if ('internal' in r) this.notice(t('engineError', { message: r.internal }), true);
      else this.notice(t('parseError', { line: r.error.line, col: r.error.col, message: r.error.message }), true);
      return r;
    } catch (e) {
      await this.recover(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  // After a crash or hang the worker is new and empty: replay what was applied (once, however many calls saw it fail).
  private async recover(e: unknown): Promise<void> {
    if (!(e instanceof EngineRestarted)) throw e;
    if (this.recovery?.from === e.generation) return this.recovery.done;
    if (this.recovery) {
      // The replay itself brought the engine down: stop at an empty machine rather than loop.
      this.cursor = 0;
      return;
    }
    const step = this.cursor;
    const done = (async () => {
      try {
        await this.beforeReplay().catch(() => undefined);
        await this.replayTo(step);
      } finally {
        this.recovery = undefined;
      }
      this.notice(t('engineRestarted', { step: this.cursor }), true);
    })();
    this.recovery = { from: e.generation, done };
    return done;
  }

  // A question to the engine, queued behind the operations before it; `fallback` when the engine had to restart.
  private ask<T>(f: () => Promise<T>, fallback: T): Promise<T> {
    let result = fallback;
    return this.serial(async () => {
      try {
        result = await f();
      } catch (e) {
        await this.recover(e);
      }
    }).then(() => result);
  }

  // One engine operation at a time, in the order asked.
  private serial(f: () => Promise<void>): Promise<void> {
    const p = this.queue.then(f, f);
    this.queue = p.catch(() => undefined);
    return p;
  }
}
