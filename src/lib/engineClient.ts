// The UI's handle on the engine worker, with a watchdog: a crash or a hang is reported, and the worker replaced.
import * as Comlink from 'comlink';
import type { SandboxApi } from '../../workers/engine/view/sandboxApi';

/** The engine stopped answering (crashed or hung) and was restarted empty; the caller replays. */
export class EngineRestarted extends Error {
  constructor(
    reason: string,
    /** Which worker failed (EngineClient.generation when the call was made). */
    readonly generation = 0,
  ) {
    super(reason);
    this.name = 'EngineRestarted';
  }
}

/** The engine API as seen from the UI thread: every call answers with a promise of the plain result. */
export type RemoteApi = {
  [K in keyof SandboxApi]: (...args: Parameters<SandboxApi[K]>) => Promise<ReturnType<SandboxApi[K]>>;
};

/** Creates the engine worker (separate so tests and embeds may supply their own). */
export function defaultWorker(): Worker {
  return new Worker(new URL('../../workers/sandbox.worker.ts', import.meta.url), {
    type: 'module',
    name: 'dm-sandbox-engine',
  });
}

/** Calls into the worker; a call that fails or outlives `timeoutMs` restarts it and rejects with EngineRestarted. */
export class EngineClient {
  private worker!: Worker;
  private api!: RemoteApi;
  private remote!: Comlink.Remote<SandboxApi>;
  // The calls pending on the current worker: each fails with it.
  private pending = new Set<(reason: string) => void>();
  /** Counts the workers started: calls pending on one worker that failed restart it once, not once each. */
  generation = 0;

  constructor(
    private makeWorker: () => Worker = defaultWorker,
    private timeoutMs = 20_000,
  ) {
    this.start();
  }

  /** Runs `f` against the engine with the watchdog armed. */
  async call<T>(f: (api: RemoteApi) => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onCrash: ((r: string) => void) | undefined;
    const generation = this.generation;
    const pending = this.pending;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EngineRestarted('timeout', generation)), this.timeoutMs);
      onCrash = (r) => reject(new EngineRestarted(r, generation));
      pending.add(onCrash);
    });
    try {
      return await Promise.race([f(this.api), watchdog]);
    } catch (e) {
      // The first call to see this worker fail replaces it; the others must not kill its successor.
      if (e instanceof EngineRestarted && generation === this.generation) this.restart();
      throw e;
    } finally {
      clearTimeout(timer);
      if (onCrash) pending.delete(onCrash);
    }
  }

  /** Replaces the worker with a fresh one (an empty machine). */
  restart(): void {
    const orphans = [...this.pending];
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
    this.start();
    // Calls still waiting on the old worker would never be answered: they fail now, not at their timeouts.
    for (const c of orphans) c('restarted');
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.worker.terminate();
  }

  private start(): void {
    this.generation++;
    this.worker = this.makeWorker();
    const pending = (this.pending = new Set());
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      for (const c of [...pending]) c(e.message || 'worker error');
    });
    this.remote = Comlink.wrap<SandboxApi>(this.worker);
    this.api = this.remote as unknown as RemoteApi;
  }
}
