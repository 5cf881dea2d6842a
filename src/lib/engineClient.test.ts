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
});
