// The API the UI calls through the worker: a Sandbox behind calls that never throw.
import { Sandbox, type RunResult } from '../sandbox';
import type { HostProfile } from '../profile';
import { machineView } from './machineView';
import type { ViewState } from './types';
import { readPathOf, type ReadPathView } from './readPath';
import { freeBehaviour, type FreeSeries } from './freeBehaviour';
import { blocksOfDevice, mappingsOf, type BlockMapping } from './blockQuery';
import { budgetReplay } from './budgetScenario';
import { buildCommandTable } from '../shell/commandTable';
import { checkGoals } from '../lessons/goals';
import { createFileTransfer, type FileTransferApi } from '../thintools/commands/fileTransfer';
import { Checkpoints, runRest, type CheckpointInfo, type CheckpointOptions } from './checkpoints';
import { IdleWork, realTimers, type Timers } from './checkpointsIdle';

/** A run's result, or the engine's own failure (a bug, never a user error) as text. */
export type ApiRunResult = RunResult | { ok: false; internal: string };

/** What the UI may ask of the engine. */
export interface SandboxApi extends FileTransferApi {
  run(script: string): ApiRunResult;
  reset(profile?: Partial<HostProfile>): { ok: true } | { ok: false; internal: string };
  /** The view state now; the block map (large) only when `withBlocks`. */
  viewState(withBlocks?: boolean): ViewState | { internal: string };
  commandNames(): string[];
  /** How a read of container block `vblock` resolves up its snapshot chain. */
  readPath(container: string, vblock: number): ReadPathView | { error: string } | { internal: string };
  /** The mappings that point at a data block (the block map's hover). */
  blockMappings(pool: string, dblock: number): BlockMapping[] | { internal: string };
  /** The data blocks a thin device maps (the block map's selection). */
  deviceBlocks(pool: string, devId: number): Uint32Array | { internal: string };
  /** Replays DESIGN.md's engine budget scenario on a pool of its own (the UI benchmark); milliseconds it took. */
  benchReplay(): { ms: number; ops: number } | { ok: false; internal: string };
  /** The story (one command each) replayed on a fresh loop-lvm and a fresh direct-lvm Docker, sampled per command. */
  freeBehaviour(story: string[]): FreeSeries[] | { internal: string };
  /** Lesson goals (ids of lessons/goals.ts) checked on the machine's state now. */
  checkGoals(ids: string[]): Record<string, boolean>;
  /** The prebuilt machines stepping back starts from (see checkpoints.ts). */
  checkpointInfo(): CheckpointInfo;
}

/** How the API builds its checkpoints: on which timers, how many, in what slices. */
export interface SandboxApiOptions {
  timers?: Timers;
  checkpoints?: CheckpointOptions;
}

// `sudo` is stripped by the interpreter (we are root) but is typed before half the seed's commands.
const shellWords = ['sudo'];

/** Builds the API over a fresh Sandbox; `reset` replaces it. */
export function createSandboxApi(options: SandboxApiOptions = {}): SandboxApi {
  let sandbox = new Sandbox();
  // Files brought in from outside (an imported thin_dump) survive resets, so replays find them.
  const files = createFileTransfer(() => sandbox);
  const freshSandbox = (profile: Partial<HostProfile>) => {
    const s = new Sandbox(profile);
    files.replace(s);
    return s;
  };
  // Stepping back is a reset and a replay of the prefix: prebuilt machines at earlier steps make it a short run.
  const checkpoints = new Checkpoints(freshSandbox, options.checkpoints);
  const idle = new IdleWork(() => checkpoints.slice(), options.timers ?? realTimers);
  // Nothing has run on the live machine since the reset: a replay may start from a checkpoint instead.
  let untouched = true;
  const run = (script: string): RunResult => {
    const resume = untouched ? checkpoints.take(script) : undefined;
    let r: RunResult;
    const before = untouched;
    // Cleared first: a run the guard cuts short may still have changed the machine.
    untouched = false;
    if (resume) {
      sandbox = resume.sandbox;
      r = { ok: true, entries: [...resume.entries, ...runRest(resume)] };
    } else r = sandbox.run(script);
    if (r.ok && r.entries.length) checkpoints.ran(r.entries);
    else untouched = before;
    return r;
  };
  // The free-behaviour runs depend only on the story: the last one is kept for tab switches and timeline steps.
  let freeCache: { key: string; series: FreeSeries[] } | undefined;
  const guard = <T>(f: () => T): T | { ok: false; internal: string } => {
    // Every call pushes idle checkpoint building back, so calls in a burst are answered first.
    idle.postpone();
    try {
      return f();
    } catch (e) {
      return { ok: false, internal: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  };
  return {
    putBegin: (path) => guard(() => files.putBegin(path)),
    putChunk: (chunk) => guard(() => files.putChunk(chunk)),
    putEnd: () =>
      guard(() => {
        // What a reset makes now holds the new file: machines built before it are not what a replay would make.
        checkpoints.clear();
        return files.putEnd();
      }),
    exportPool: (name) => guard(() => files.exportPool(name)),
    run: (script) => guard(() => run(script)),
    reset: (profile) =>
      guard(() => {
        sandbox = freshSandbox(profile ?? {});
        untouched = true;
        checkpoints.reset(profile ?? {});
        return { ok: true as const };
      }),
    viewState: (withBlocks = true) => {
      const r = guard(() => machineView(sandbox.machine, withBlocks));
      return 'internal' in r ? { internal: r.internal } : r;
    },
    readPath: (container, vblock) => {
      const r = guard(() => readPathOf(sandbox.machine, container, vblock));
      return 'internal' in r ? { internal: r.internal } : r;
    },
    blockMappings: (pool, dblock) => guard(() => mappingsOf(sandbox.machine, pool, dblock)),
    deviceBlocks: (pool, devId) => guard(() => blocksOfDevice(sandbox.machine, pool, devId)),
    benchReplay: () =>
      guard(() => {
        const t0 = performance.now();
        const r = budgetReplay();
        return { ms: performance.now() - t0, ops: r.ops };
      }),
    freeBehaviour: (story) => {
      const key = story.join('\n');
      if (freeCache?.key !== key) {
        const r = guard(() => freeBehaviour(story));
        if ('internal' in r) return { internal: r.internal };
        freeCache = { key, series: r };
      }
      return freeCache.series;
    },
    checkGoals: (ids) => {
      idle.postpone();
      return checkGoals(sandbox.machine, ids);
    },
    checkpointInfo: () => checkpoints.info(),
    commandNames: () => {
      idle.postpone();
      const builtins = (sandbox.shell.interpreter as unknown as { builtins?: Record<string, unknown> }).builtins ?? {};
      return [...new Set([...shellWords, ...Object.keys(builtins), ...Object.keys(buildCommandTable())])].sort();
    },
  };
}
