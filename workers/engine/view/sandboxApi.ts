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
}

// `sudo` is stripped by the interpreter (we are root) but is typed before half the seed's commands.
const shellWords = ['sudo'];

/** Builds the API over a fresh Sandbox; `reset` replaces it. */
export function createSandboxApi(): SandboxApi {
  let sandbox = new Sandbox();
  // Files brought in from outside (an imported thin_dump) survive resets, so replays find them.
  const files = createFileTransfer(() => sandbox);
  // The free-behaviour runs depend only on the story: the last one is kept for tab switches and timeline steps.
  let freeCache: { key: string; series: FreeSeries[] } | undefined;
  const guard = <T>(f: () => T): T | { ok: false; internal: string } => {
    try {
      return f();
    } catch (e) {
      return { ok: false, internal: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  };
  return {
    putBegin: (path) => guard(() => files.putBegin(path)),
    putChunk: (chunk) => guard(() => files.putChunk(chunk)),
    putEnd: () => guard(() => files.putEnd()),
    exportPool: (name) => guard(() => files.exportPool(name)),
    run: (script) => guard(() => sandbox.run(script)),
    reset: (profile) =>
      guard(() => {
        sandbox = new Sandbox(profile ?? {});
        files.replace(sandbox);
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
    checkGoals: (ids) => checkGoals(sandbox.machine, ids),
    commandNames: () => {
      const builtins = (sandbox.shell.interpreter as unknown as { builtins?: Record<string, unknown> }).builtins ?? {};
      return [...new Set([...shellWords, ...Object.keys(builtins), ...Object.keys(buildCommandTable())])].sort();
    },
  };
}
