// The pool's data space map: one reference count per data block, next-fit allocation, as dm-space-map-disk.

/** Reference counts of data blocks, with per-block content stamp and the device whose write provisioned it. */
export class SpaceMap {
  nrBlocks: number;
  /** Reference count per data block (number of device mappings pointing at it). */
  refcount: Uint32Array;
  /** What was last written into each data block (an opaque stamp; 0 = never written). */
  stamp: Uint32Array;
  /** Device id (+1) whose write provisioned each data block; 0 = none. */
  provider: Uint32Array;
  /** Blocks with a non-zero count. */
  used = 0;
  /** Blocks with a count ≥ 3: they live in the refcount btree, not only in the 2-bit bitmaps. */
  overflow = 0;
  /** Next-fit position: the search for a free block starts after the last allocation. */
  cursor = 0;

  constructor(nrBlocks: number) {
    this.nrBlocks = nrBlocks;
    this.refcount = new Uint32Array(nrBlocks);
    this.stamp = new Uint32Array(nrBlocks);
    this.provider = new Uint32Array(nrBlocks);
  }

  /** Free blocks left. */
  get free(): number {
    return this.nrBlocks - this.used;
  }

  /** Allocates a free block next-fit (count becomes 1); -1 when the space map is full. */
  alloc(): number {
    if (this.used >= this.nrBlocks) return -1;
    const rc = this.refcount;
    const n = this.nrBlocks;
    let b = this.cursor < n ? this.cursor : 0;
    // the kernel searches from `begin` to the end, then from 0 in case something was freed behind it
    for (let scanned = 0; scanned < n; scanned++) {
      if (rc[b] === 0) {
        rc[b] = 1;
        this.used++;
        this.cursor = b + 1;
        return b;
      }
      b = b + 1 === n ? 0 : b + 1;
    }
    return -1;
  }

  /** Adds one reference to a block. */
  inc(b: number): void {
    const c = ++this.refcount[b];
    if (c === 1) this.used++;
    else if (c === 3) this.overflow++;
  }

  /** Drops one reference; returns true when the block became free. */
  dec(b: number): boolean {
    const c = --this.refcount[b];
    if (c === 2) this.overflow--;
    if (c !== 0) return false;
    this.used--;
    this.stamp[b] = 0;
    this.provider[b] = 0;
    return true;
  }

  /** Grows the map (shrinking is refused by the pool before it gets here). */
  resize(nrBlocks: number): void {
    if (nrBlocks <= this.nrBlocks) return;
    const grow = (a: Uint32Array) => {
      const x = new Uint32Array(nrBlocks);
      x.set(a);
      return x;
    };
    this.refcount = grow(this.refcount);
    this.stamp = grow(this.stamp);
    this.provider = grow(this.provider);
    this.nrBlocks = nrBlocks;
  }

  /** A deep copy (checkpoints). */
  clone(): SpaceMap {
    const s = new SpaceMap(0);
    s.nrBlocks = this.nrBlocks;
    s.refcount = this.refcount.slice();
    s.stamp = this.stamp.slice();
    s.provider = this.provider.slice();
    s.used = this.used;
    s.overflow = this.overflow;
    s.cursor = this.cursor;
    return s;
  }
}
