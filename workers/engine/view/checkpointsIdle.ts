// Work done while the worker has nothing else to do: one bounded slice per timer tick, pushed back whenever a call
// comes in so a burst of calls (run, view state, goals) is answered first.

/** The timers the idle work runs on (the real ones, or a test's hand-cranked ones). */
export interface Timers {
  set(f: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** setTimeout/clearTimeout, with Node's timers unref'd so a test process may exit while work is pending. */
export const realTimers: Timers = {
  set(f, ms) {
    const h = setTimeout(f, ms) as unknown as { unref?: () => void };
    h.unref?.();
    return h;
  },
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Runs `slice` (which answers whether more work remains) in idle time, `quietMs` after the last call. */
export class IdleWork {
  private handle: unknown;
  private armed = false;

  constructor(
    private slice: () => boolean,
    private timers: Timers = realTimers,
    private quietMs = 40,
  ) {}

  /** A call arrived: idle work waits until the worker has been quiet for `quietMs`. */
  postpone(): void {
    this.arm(this.quietMs);
  }

  /** Stops any pending slice. */
  cancel(): void {
    if (this.armed) this.timers.clear(this.handle);
    this.armed = false;
  }

  private arm(ms: number): void {
    this.cancel();
    this.armed = true;
    this.handle = this.timers.set(() => {
      this.armed = false;
      // Later slices follow at once: the worker answers a call arriving between them before the next slice.
      if (this.slice()) this.arm(0);
    }, ms);
  }
}
