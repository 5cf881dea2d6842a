// Typed events: every state change of the engine is announced here; the terminal prints, views animate, the timeline records.

/** One event of the engine; `step` is stamped by the log (index of the command that caused it). */
export type EngineEvent =
  // dm-thin pool
  | { type: 'pool-created'; pool: string; nrDataBlocks: number; dataBlockSize: number }
  | { type: 'thin-created'; pool: string; dev: number }
  | { type: 'snap-created'; pool: string; dev: number; origin: number; time: number }
  | { type: 'thin-deleted'; pool: string; dev: number; freed: number }
  | { type: 'block-provisioned'; pool: string; dev: number; vblock: number; dblock: number }
  | { type: 'sharing-broken'; pool: string; dev: number; vblock: number; from: number; to: number }
  | { type: 'block-overwritten'; pool: string; dev: number; vblock: number; dblock: number }
  | { type: 'block-unmapped'; pool: string; dev: number; vblock: number; dblock: number }
  | { type: 'block-freed'; pool: string; dblock: number }
  | { type: 'discard-passdown'; pool: string; dblock: number; count: number }
  | { type: 'low-water-mark'; pool: string; free: number; lowWaterMark: number }
  | { type: 'pool-mode'; pool: string; mode: PoolMode }
  | { type: 'pool-resized'; pool: string; from: number; to: number }
  | { type: 'metadata-resized'; pool: string; from: number; to: number }
  | { type: 'io-error'; pool: string; dev: number; vblock: number; reason: string }
  | { type: 'io-queued'; pool: string; dev: number; vblock: number }
  | { type: 'io-completed'; pool: string; dev: number; vblock: number; dblock: number }
  | { type: 'transaction'; pool: string; from: number; to: number }
  | { type: 'metadata-snap'; pool: string; action: 'reserve' | 'release'; root: number }
  | { type: 'kernel-log'; line: string }
  // device-mapper devices
  | { type: 'dm-created'; name: string; major: number; minor: number }
  | { type: 'dm-removed'; name: string }
  | { type: 'dm-suspended'; name: string }
  | { type: 'dm-resumed'; name: string; tableChanged: boolean }
  | { type: 'dm-loaded'; name: string }
  | { type: 'dm-message'; name: string; message: string; ok: boolean }
  // host
  | { type: 'disk-attached'; name: string; size: number }
  | { type: 'file-allocated'; path: string; offset: number; length: number }
  | { type: 'hole-punched'; path: string; offset: number; length: number }
  | { type: 'file-resized'; path: string; from: number; to: number }
  | { type: 'loop-attached'; device: string; file: string }
  | { type: 'loop-capacity'; device: string; size: number }
  | { type: 'host-free-changed'; free: number }
  // lvm
  | { type: 'lv-created'; vg: string; lv: string; extents: number }
  | { type: 'lv-resized'; vg: string; lv: string; from: number; to: number }
  | { type: 'autoextend'; vg: string; lv: string; ok: boolean; from: number; to: number }
  // docker
  | { type: 'daemon'; state: 'started' | 'stopped' | 'failed'; message?: string }
  | { type: 'docker-device'; action: 'create' | 'snapshot' | 'delete' | 'activate' | 'deactivate'; hash: string; dev: number }
  | { type: 'container'; action: 'create' | 'start' | 'stop' | 'remove'; id: string; name: string }
  | { type: 'image'; action: 'pull' | 'remove' | 'commit'; ref: string };

export type PoolMode = 'write' | 'out-of-data-space' | 'read-only' | 'fail';

export type StampedEvent = EngineEvent & { step: number };

/** Collects events in order; layers call `emit`, readers take them by step. */
export class EventLog {
  readonly all: StampedEvent[] = [];
  step = 0;
  /** Turned off by benchmarks and bulk replays that only need the final state. */
  recording = true;
  private listeners: ((e: StampedEvent) => void)[] = [];

  /** True when an emitted event would be kept or heard: hot paths skip building events otherwise. */
  get active(): boolean {
    return this.recording || this.listeners.length > 0;
  }

  emit(e: EngineEvent): void {
    if (!this.recording && this.listeners.length === 0) return;
    const s = { ...e, step: this.step } as StampedEvent;
    if (this.recording) this.all.push(s);
    for (const l of this.listeners) l(s);
  }

  on(listener: (e: StampedEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== listener);
    };
  }

  since(index: number): StampedEvent[] {
    return this.all.slice(index);
  }
}
