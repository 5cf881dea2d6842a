// A naive thin pool and thin devices, for testing the fs layer alone (the real one lives in dm/).
import { poolBlocksCovered, type BlockTarget } from './blockTarget';

/** Reference counts of data blocks and a next-free cursor: just enough pool to watch provisioning and CoW. */
export class FakePool {
  readonly refcount: number[] = [];
  provisioned = 0;
  copied = 0;
  discarded = 0;
  constructor(readonly blockSize: number) {}

  private released: number[] = [];

  get used(): number {
    return this.refcount.filter((r) => r > 0).length;
  }

  alloc(): number {
    let b = this.released.pop();
    while (b !== undefined && this.refcount[b] !== 0) b = this.released.pop();
    if (b === undefined) b = this.refcount.length;
    this.refcount[b] = 1;
    return b;
  }

  decref(b: number): void {
    if (--this.refcount[b] === 0) this.released.push(b);
  }
}

/** A thin device of a FakePool: a write to an unmapped block provisions it, to a shared one copies it. */
export class FakeThin implements BlockTarget {
  readonly mapping = new Map<number, number>();
  constructor(
    readonly pool: FakePool,
    readonly size: number,
  ) {}

  get poolBlockSize(): number {
    return this.pool.blockSize;
  }

  write(byteOffset: number, length: number): string | null {
    const bs = this.pool.blockSize;
    for (let v = Math.floor(byteOffset / bs); v <= Math.floor((byteOffset + length - 1) / bs); v++) {
      const d = this.mapping.get(v);
      if (d === undefined) {
        this.mapping.set(v, this.pool.alloc());
        this.pool.provisioned++;
      } else if (this.pool.refcount[d] > 1) {
        this.pool.decref(d);
        this.mapping.set(v, this.pool.alloc());
        this.pool.copied++;
      }
    }
    return null;
  }

  discard(byteOffset: number, length: number): void {
    const { first, count } = poolBlocksCovered(byteOffset, length, this.pool.blockSize);
    for (let v = first; v < first + count; v++) {
      const d = this.mapping.get(v);
      if (d === undefined) continue;
      this.mapping.delete(v);
      this.pool.decref(d);
      this.pool.discarded++;
    }
  }

  /** A snapshot: shares every mapped block (refcount +1). */
  snapshot(): FakeThin {
    const s = new FakeThin(this.pool, this.size);
    for (const [v, d] of this.mapping) {
      s.mapping.set(v, d);
      this.pool.refcount[d]++;
    }
    return s;
  }
}
