// The UI's handle on the engine worker, with a watchdog: a crash or a hang is reported, and the worker replaced.
import * as Comlink from 'comlink';
import type { SandboxApi } from '../../workers/engine/view/sandboxApi';

/** The engine stopped answering (crashed or hung) and was restarted empty; the caller replays. */
export class EngineRestarted extends Error {
  constructor(reason: string) {
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
  private crashed: ((reason: string) => void)[] = [];

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
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EngineRestarted('timeout')), this.timeoutMs);
      onCrash = (r) => reject(new EngineRestarted(r));
      this.crashed.push(onCrash);
    });
    try {
      return await Promise.race([f(this.api), watchdog]);
    } catch (e) {
      if (e instanceof EngineRestarted) this.restart();
      throw e;
    } finally {
      clearTimeout(timer);
      this.crashed = this.crashed.filter((c) => c !== onCrash);
    }
  }

  /** Replaces the worker with a fresh one (an empty machine). */
  restart(): void {
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
    this.start();
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.worker.terminate();
  }

  private start(): void {
    this.worker = this.makeWorker();
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      for (const c of this.crashed) c(e.message || 'worker error');
    });
    this.remote = Comlink.wrap<SandboxApi>(this.worker);
    this.api = this.remote as unknown as RemoteApi;
  }
}
