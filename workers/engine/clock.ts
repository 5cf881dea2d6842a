// A deterministic wall clock: no Date.now(), every command moves time by a fixed step.

/** Simulated time in Unix seconds. */
export class Clock {
  constructor(public now: number) {}
  /** Advances the clock (commands call this once; sleeps and timeouts by their duration). */
  tick(seconds = 1): number {
    this.now += seconds;
    return this.now;
  }
}
