// Growable per-device mapping arrays for streaming imports: typed arrays doubled on demand, sorted once at the end.
import type { ThinDeviceMetadata } from '../dm/poolMetadata';

/** Collects one device's mappings as they stream in; `finish()` yields sorted, de-duplicated arrays. */
export class MappingBuilder {
  private origin = new Uint32Array(16);
  private data = new Uint32Array(16);
  private time = new Uint32Array(16);
  private n = 0;
  // thin_restore inserts into a btree: out-of-order input is fine and a repeated origin block replaces the earlier one.
  private ascending = true;

  get length(): number {
    return this.n;
  }

  /** Appends one mapping (origin block → data block at time). */
  push(origin: number, data: number, time: number): void {
    if (this.n === this.origin.length) this.grow();
    if (this.n > 0 && origin <= this.origin[this.n - 1]) this.ascending = false;
    this.origin[this.n] = origin;
    this.data[this.n] = data;
    this.time[this.n] = time;
    this.n++;
  }

  private grow(): void {
    const cap = this.origin.length * 2;
    const o = new Uint32Array(cap);
    const d = new Uint32Array(cap);
    const t = new Uint32Array(cap);
    o.set(this.origin);
    d.set(this.data);
    t.set(this.time);
    this.origin = o;
    this.data = d;
    this.time = t;
  }

  /** Trimmed arrays sorted by origin; for a repeated origin the last mapping given wins. */
  finish(): Pick<ThinDeviceMetadata, 'origin' | 'data' | 'time'> {
    const n = this.n;
    if (this.ascending) {
      return { origin: this.origin.slice(0, n), data: this.data.slice(0, n), time: this.time.slice(0, n) };
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const src = this.origin;
    // Stable by input position, so the last of equal origins comes last in its group.
    const sorted = Array.from(order).sort((a, b) => src[a] - src[b] || a - b);
    let m = 0;
    for (let k = 0; k < n; k++) if (k === n - 1 || src[sorted[k + 1]] !== src[sorted[k]]) m++;
    const origin = new Uint32Array(m);
    const data = new Uint32Array(m);
    const time = new Uint32Array(m);
    let j = 0;
    for (let k = 0; k < n; k++) {
      if (k !== n - 1 && src[sorted[k + 1]] === src[sorted[k]]) continue;
      const i = sorted[k];
      origin[j] = src[i];
      data[j] = this.data[i];
      time[j] = this.time[i];
      j++;
    }
    return { origin, data, time };
  }
}
