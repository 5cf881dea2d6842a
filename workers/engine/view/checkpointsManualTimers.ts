// Hand-cranked timers for tests: nothing runs until the test says so.
import type { Timers } from './checkpointsIdle';

/** Timers whose callbacks wait for `flush` (all due, repeatedly) or `fire` (the next one only). */
export class ManualTimers implements Timers {
  private pending = new Map<number, { f: () => void; ms: number }>();
  private nextId = 1;

  set(f: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { f, ms });
    return id;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays of the callbacks waiting now. */
  delays(): number[] {
    return [...this.pending.values()].map((p) => p.ms);
  }

  /** Runs the oldest waiting callback; false when none waits. */
  fire(): boolean {
    const first = this.pending.entries().next();
    if (first.done) return false;
    const [id, { f }] = first.value;
    this.pending.delete(id);
    f();
    return true;
  }

  /** Runs callbacks until none waits (at most `limit`); how many ran. */
  flush(limit = 100_000): number {
    let n = 0;
    while (n < limit && this.fire()) n++;
    return n;
  }
}
