// Allocated ranges of a sparse file, in 4 KiB filesystem blocks: what `du` and `ls -s` count, what hole punching frees.

/** Filesystem block size of the host fs (xfs and ext4 default). */
export const FS_BLOCK = 4096;

/** Sorted, disjoint, non-adjacent half-open block ranges [start, end). */
export class ExtentMap {
  private starts: number[] = [];
  private ends: number[] = [];
  /** Total allocated blocks. */
  blocks = 0;

  /** Index of the first extent whose end is > block. */
  private firstEndingAfter(block: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] > block) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Blocks of [start, end) that are holes now (what allocating that range would cost). */
  holesIn(start: number, end: number): number {
    if (end <= start) return 0;
    let covered = 0;
    for (let i = this.firstEndingAfter(start); i < this.starts.length && this.starts[i] < end; i++) {
      covered += Math.min(end, this.ends[i]) - Math.max(start, this.starts[i]);
    }
    return end - start - covered;
  }

  /** Allocates [start, end); returns how many blocks were newly allocated. */
  allocate(start: number, end: number): number {
    if (end <= start) return 0;
    const added = this.holesIn(start, end);
    if (added === 0) return 0;
    // Merge every extent touching or adjacent to [start, end).
    let i = this.firstEndingAfter(start - 1);
    let j = i;
    let s = start;
    let e = end;
    while (j < this.starts.length && this.starts[j] <= end) {
      s = Math.min(s, this.starts[j]);
      e = Math.max(e, this.ends[j]);
      j++;
    }
    if (i > 0 && this.ends[i - 1] === start) {
      i--;
      s = this.starts[i];
    }
    this.starts.splice(i, j - i, s);
    this.ends.splice(i, j - i, e);
    this.blocks += added;
    return added;
  }

  /** Deallocates [start, end); returns how many blocks were freed. */
  punch(start: number, end: number): number {
    if (end <= start) return 0;
    const i = this.firstEndingAfter(start);
    let j = i;
    const keepS: number[] = [];
    const keepE: number[] = [];
    let freed = 0;
    while (j < this.starts.length && this.starts[j] < end) {
      const s = this.starts[j];
      const e = this.ends[j];
      freed += Math.min(end, e) - Math.max(start, s);
      if (s < start) {
        keepS.push(s);
        keepE.push(start);
      }
      if (e > end) {
        keepS.push(end);
        keepE.push(e);
      }
      j++;
    }
    if (freed === 0) return 0;
    this.starts.splice(i, j - i, ...keepS);
    this.ends.splice(i, j - i, ...keepE);
    this.blocks -= freed;
    return freed;
  }

  /** Whether a block is allocated. */
  has(block: number): boolean {
    const i = this.firstEndingAfter(block);
    return i < this.starts.length && this.starts[i] <= block;
  }

  /** The extents as [start, end) pairs (for views and tests). */
  list(): [number, number][] {
    return this.starts.map((s, i) => [s, this.ends[i]]);
  }

  /** Number of disjoint extents (fragmentation). */
  get count(): number {
    return this.starts.length;
  }
}
