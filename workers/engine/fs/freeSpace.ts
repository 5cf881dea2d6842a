// The free-space map of a filesystem: disjoint free extents, first-fit allocation within allocation regions.
import type { Extent } from './layout';

/** Free extents of a filesystem, ascending; extents never cross a region boundary (an AG or a flex group). */
export class FreeSpace {
  private constructor(
    private extents: Extent[],
    /** Region start blocks, ascending (first is 0). */
    public regionStarts: readonly number[],
    /** Total free blocks, kept in step with `extents`. */
    private total: number,
  ) {}

  /** Everything in [0, blocks) free except `used` (ascending, disjoint), cut at region starts. */
  static fresh(blocks: number, regionStarts: readonly number[], used: readonly Extent[]): FreeSpace {
    const cuts = [...regionStarts.filter((s) => s > 0 && s < blocks), blocks];
    const extents: Extent[] = [];
    let pos = 0;
    let total = 0;
    const push = (from: number, to: number): void => {
      let a = from;
      for (const c of cuts) {
        if (c <= a) continue;
        const b = Math.min(c, to);
        if (b > a) {
          extents.push({ start: a, count: b - a });
          total += b - a;
        }
        a = b;
        if (a >= to) break;
      }
    };
    for (const u of used) {
      if (u.start > pos) push(pos, u.start);
      pos = Math.max(pos, u.start + u.count);
    }
    if (pos < blocks) push(pos, blocks);
    return new FreeSpace(extents, regionStarts, total);
  }

  /** A copy that changes independently (a snapshot's filesystem). */
  clone(): FreeSpace {
    return new FreeSpace(this.extents.map((e) => ({ ...e })), this.regionStarts, this.total);
  }

  get freeBlocks(): number {
    return this.total;
  }

  /** The free extents, ascending (for fstrim and views). */
  list(): readonly Extent[] {
    return this.extents;
  }

  /**
   * Takes up to `count` blocks: first from `goal` onward if it is free (keeps a file contiguous), else, for a
   * request of at least `stripe` blocks, from the first stripe-aligned start with a whole stripe free, then first
   * fit from the start of the device. Returns the runs taken, in order; fewer blocks than asked when space runs out.
   */
  allocate(count: number, goal?: number, stripe = 1): Extent[] {
    const got: Extent[] = [];
    let need = count;
    if (goal !== undefined) {
      const i = this.extents.findIndex((e) => e.start === goal);
      if (i >= 0) need -= this.takeFrom(i, need, got);
    }
    if (got.length === 0 && stripe > 1 && need >= stripe) {
      const i = this.alignedExtent(stripe);
      if (i >= 0) need -= this.takeFrom(i, need, got);
    }
    while (need > 0 && this.extents.length > 0) need -= this.takeFrom(0, need, got);
    return got;
  }

  /** Index of a free extent starting on a stripe boundary with a whole stripe free, split off its neighbour; -1 if none. */
  private alignedExtent(stripe: number): number {
    for (let i = 0; i < this.extents.length; i++) {
      const e = this.extents[i];
      const a = Math.ceil(e.start / stripe) * stripe;
      if (a + stripe > e.start + e.count) continue;
      if (a === e.start) return i;
      this.extents.splice(i, 1, { start: e.start, count: a - e.start }, { start: a, count: e.start + e.count - a });
      return i + 1;
    }
    return -1;
  }

  private takeFrom(i: number, need: number, got: Extent[]): number {
    const e = this.extents[i];
    const n = Math.min(need, e.count);
    got.push({ start: e.start, count: n });
    if (n === e.count) this.extents.splice(i, 1);
    else this.extents[i] = { start: e.start + n, count: e.count - n };
    this.total -= n;
    return n;
  }

  /** Growth of the filesystem: new regions, and [oldBlocks, newBlocks) free except `used` (new headers). */
  grow(oldBlocks: number, newBlocks: number, regionStarts: readonly number[], used: readonly Extent[]): void {
    this.regionStarts = regionStarts;
    let pos = oldBlocks;
    for (const u of [...used].sort((a, b) => a.start - b.start)) {
      if (u.start > pos) this.free({ start: pos, count: u.start - pos });
      pos = Math.max(pos, u.start + u.count);
    }
    if (pos < newBlocks) this.free({ start: pos, count: newBlocks - pos });
  }

  /** Returns a run to the free map, merging with neighbours inside the same region. */
  free(run: Extent): void {
    if (run.count <= 0) return;
    const cut = this.regionStarts.find((r) => r > run.start && r < run.start + run.count);
    if (cut !== undefined) {
      this.free({ start: run.start, count: cut - run.start });
      this.free({ start: cut, count: run.start + run.count - cut });
      return;
    }
    let lo = 0;
    let hi = this.extents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.extents[mid].start < run.start) lo = mid + 1;
      else hi = mid;
    }
    const merged = { ...run };
    const prev = this.extents[lo - 1];
    const next = this.extents[lo];
    let at = lo;
    if (prev && prev.start + prev.count === merged.start && !this.isRegionStart(merged.start)) {
      merged.start = prev.start;
      merged.count += prev.count;
      at = lo - 1;
      this.extents.splice(at, 1);
    }
    const nxt = this.extents[at];
    if (nxt && nxt === next && merged.start + merged.count === nxt.start && !this.isRegionStart(nxt.start)) {
      merged.count += nxt.count;
      this.extents.splice(at, 1);
    }
    this.extents.splice(at, 0, merged);
    this.total += run.count;
  }

  private isRegionStart(block: number): boolean {
    return this.regionStarts.includes(block);
  }
}
