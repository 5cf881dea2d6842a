import { describe, expect, it } from 'vitest';
import { EngineClient, EngineRestarted } from './engineClient';

// A worker that takes messages and never answers: a hung engine.
function hungWorker(log: string[]): Worker {
  return {
    postMessage: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    terminate: () => void log.push('terminated'),
  } as unknown as Worker;
}

// A worker that never answers but can crash: `crash()` fires its error event, as an uncaught exception would.
function crashingWorker(log: string[]): Worker & { crash(): void } {
  const listeners: ((e: { message: string; preventDefault(): void }) => void)[] = [];
  return {
    postMessage: () => undefined,
    addEventListener: (type: string, l: (typeof listeners)[number]) => void (type === 'error' && listeners.push(l)),
    removeEventListener: () => undefined,
    terminate: () => void log.push('terminated'),
    crash: () => listeners.forEach((l) => l({ message: 'boom', preventDefault: () => undefined })),
  } as unknown as Worker & { crash(): void };
}

describe('engine watchdog', () => {
  it('rejects a call that outlives its time with EngineRestarted', async () => {
    const client = new EngineClient(() => hungWorker([]), 20);
    await expect(client.call((api) => api.commandNames())).rejects.toBeInstanceOf(EngineRestarted);
  });

  it('replaces a hung worker with a fresh one', async () => {
    const log: string[] = [];
    let made = 0;
    const client = new EngineClient(() => {
      made++;
      return hungWorker(log);
    }, 20);
    await client.call((api) => api.commandNames()).catch(() => undefined);
    expect(log).toEqual(['terminated']);
    expect(made).toBe(2);
  });

  it('restarts a crashed worker once, however many calls were waiting on it', async () => {
    const log: string[] = [];
    const made: ReturnType<typeof crashingWorker>[] = [];
    const client = new EngineClient(() => {
      const w = crashingWorker(log);
      made.push(w);
      return w;
    }, 10_000);
    const a = client.call((api) => api.commandNames());
    const b = client.call((api) => api.checkpointInfo());
    made[0].crash();
    const errors = await Promise.all([a, b].map((p) => p.catch((e: unknown) => e)));
    expect(errors.every((e) => e instanceof EngineRestarted && e.generation === 1)).toBe(true);
    expect(made.length).toBe(2);
    expect(log).toEqual(['terminated']);
    expect(client.generation).toBe(2);
  });

  it('fails the calls still waiting on a replaced worker at once, without another restart', async () => {
    const log: string[] = [];
    let made = 0;
    const client = new EngineClient(() => {
      made++;
      return hungWorker(log);
    }, 50);
    const first = client.call((api) => api.commandNames());
    await new Promise((r) => setTimeout(r, 25));
    // Its own deadline comes later: it fails when the first call's timeout replaces the worker.
    const second = client.call((api) => api.checkpointInfo()).catch((e: unknown) => e);
    await expect(first).rejects.toThrow('timeout');
    const e = await second;
    expect(e).toBeInstanceOf(EngineRestarted);
    expect((e as EngineRestarted).message).toBe('restarted');
    expect((e as EngineRestarted).generation).toBe(1);
    expect(made).toBe(2);
    expect(log).toEqual(['terminated']);
  });
});
