// A thin device's mapping btree, modelled by its leaves: sorted runs of (vblock → data block, time), at most 252
// per leaf as in dm-thin's on-disk btree, shared between a snapshot and its origin until a write shadows them.

/** Entries per mapping leaf: ⌊(4096 − 32) / (8 + 8) / 3⌋ × 3. */
export const MAPPING_LEAF_MAX = 252;
/** Entries per internal btree node (8-byte keys, 8-byte block pointers). */
export const INTERNAL_NODE_MAX = 252;

/**
 * One btree leaf (one 4 KiB metadata block); `refs` counts the trees (and held metadata snapshots) using it.
 * Entries are interleaved (key, data block, time) in one array so an insert moves them with a single copy.
 */
export class MappingLeaf {
  e = new Uint32Array(3 * MAPPING_LEAF_MAX);
  n = 0;
  refs = 1;

  /** A private copy (the shadow the kernel makes before changing a shared block). */
  copy(): MappingLeaf {
    const l = new MappingLeaf();
    l.e.set(this.e.subarray(0, 3 * this.n));
    l.n = this.n;
    return l;
  }

  /** Position of `key`, or −(insertion point) − 1. */
  search(key: number): number {
    const e = this.e;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = e[3 * mid];
      if (v < key) lo = mid + 1;
      else if (v > key) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** Key of entry i. */
  key(i: number): number {
    return this.e[3 * i];
  }
}

/** The internal nodes above a tree's leaves; shared by a snapshot and its origin until one of them writes. */
export interface InternalNodes {
  refs: number;
  nodes: number;
}

/** Pool-wide counts of metadata blocks held by mapping trees. */
export interface TreeCounters {
  /** Distinct live leaves. */
  leaves: number;
  /** Leaves referenced 3 times or more (their counts overflow into the metadata space map's refcount tree). */
  leafOverflow: number;
  /** Internal nodes of all distinct trees. */
  internal: number;
}

/** Number of nodes in a btree of `n` entries with `max` per node (a lone empty root counts 1). */
export function btreeNodes(n: number, max: number): number {
  let level = Math.max(1, Math.ceil(n / max));
  let total = level;
  while (level > 1) {
    level = Math.ceil(level / INTERNAL_NODE_MAX);
    total += level;
  }
  return total;
}

/** Internal nodes above `leafCount` leaves. */
export function internalNodesFor(leafCount: number): number {
  return btreeNodes(leafCount, 1) - leafCount;
}

/** Adds a reference to a leaf and keeps the counters right. */
export function incLeaf(c: TreeCounters, l: MappingLeaf): void {
  l.refs++;
  if (l.refs === 3) c.leafOverflow++;
}

/** Drops a reference to a leaf; when the last one goes the metadata block is free. */
export function decLeaf(c: TreeCounters, l: MappingLeaf): void {
  l.refs--;
  if (l.refs === 2) c.leafOverflow--;
  if (l.refs === 0) c.leaves--;
}

/** One device's mapping tree. */
export class MappingTree {
  leaves: MappingLeaf[];
  /**
   * Separator keys, as an internal node holds them: every key of leaf i is ≥ seps[i] and < seps[i + 1]. They only
   * change when leaves split or go away (a removed first key leaves its separator valid).
   */
  seps: number[];
  top: InternalNodes;

  constructor(c: TreeCounters, from?: { leaves: MappingLeaf[]; seps: number[]; top: InternalNodes }) {
    if (from) {
      this.leaves = from.leaves;
      this.seps = from.seps;
      this.top = from.top;
    } else {
      this.leaves = [new MappingLeaf()];
      this.seps = [0];
      c.leaves++;
      this.top = { refs: 1, nodes: 0 };
    }
  }

  /** The snapshot's tree: the same leaves and internal nodes, one more reference each (nothing copied). */
  share(c: TreeCounters): MappingTree {
    for (const l of this.leaves) incLeaf(c, l);
    this.top.refs++;
    return new MappingTree(c, { leaves: this.leaves.slice(), seps: this.seps.slice(), top: this.top });
  }

  /** Releases every node (device deleted). */
  drop(c: TreeCounters): void {
    for (const l of this.leaves) decLeaf(c, l);
    if (--this.top.refs === 0) c.internal -= this.top.nodes;
    this.leaves = [];
  }

  /** Index of the leaf whose key range holds `key`. */
  leafIndex(key: number): number {
    const seps = this.seps;
    let lo = 0;
    let hi = seps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (seps[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The leaf holding `key`, made private to this tree (shadowed if shared), with its internal nodes. */
  writableLeaf(c: TreeCounters, li: number): MappingLeaf {
    if (this.top.refs > 1) {
      this.top.refs--;
      this.top = { refs: 1, nodes: internalNodesFor(this.leaves.length) };
      c.internal += this.top.nodes;
    }
    let l = this.leaves[li];
    if (l.refs > 1) {
      decLeaf(c, l);
      l = l.copy();
      c.leaves++;
      this.leaves[li] = l;
    }
    return l;
  }

  /** Inserts a new key (absent) with its value; splits a full leaf in two halves as the kernel's btree does. */
  insert(c: TreeCounters, key: number, dblock: number, time: number): void {
    const li = this.leafIndex(key);
    let l = this.writableLeaf(c, li);
    if (l.n === MAPPING_LEAF_MAX) {
      const right = new MappingLeaf();
      const half = MAPPING_LEAF_MAX >>> 1;
      const m = l.n - half;
      right.e.set(l.e.subarray(3 * half, 3 * l.n));
      right.n = m;
      l.n = half;
      c.leaves++;
      this.leaves.splice(li + 1, 0, right);
      this.seps.splice(li + 1, 0, right.e[0]);
      this.relevel(c);
      if (key >= right.e[0]) l = right;
    }
    const pos = -l.search(key) - 1;
    const e = l.e;
    if (pos < l.n) e.copyWithin(3 * pos + 3, 3 * pos, 3 * l.n);
    e[3 * pos] = key;
    e[3 * pos + 1] = dblock;
    e[3 * pos + 2] = time;
    l.n++;
  }

  /** Removes the entry at `pos` of leaf `li` (already writable); an emptied leaf leaves the tree unless it is the root. */
  removeAt(c: TreeCounters, li: number, pos: number): void {
    const l = this.leaves[li];
    if (pos + 1 < l.n) l.e.copyWithin(3 * pos, 3 * pos + 3, 3 * l.n);
    l.n--;
    if (l.n === 0 && this.leaves.length > 1) {
      decLeaf(c, l);
      this.leaves.splice(li, 1);
      // the next leaf takes over this one's key range
      if (li === 0) this.seps.splice(1, 1);
      else this.seps.splice(li, 1);
      this.relevel(c);
    }
  }

  /** Recounts internal nodes after the number of leaves changed (the tree is private here). */
  private relevel(c: TreeCounters): void {
    const nodes = internalNodesFor(this.leaves.length);
    c.internal += nodes - this.top.nodes;
    this.top.nodes = nodes;
  }

  /** Highest mapped key, or −1. */
  highest(): number {
    for (let i = this.leaves.length - 1; i >= 0; i--) {
      const l = this.leaves[i];
      if (l.n > 0) return l.e[3 * (l.n - 1)];
    }
    return -1;
  }
}
