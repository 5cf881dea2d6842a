// A thin device's mapping btree, modelled by its leaves: sorted runs of (vblock → data block, time), at most 252
// per leaf as in dm-thin's on-disk btree, shared between a snapshot and its origin until a write shadows them.

/** Entries per mapping leaf: ⌊(4096 − 32) / (8 + 8) / 3⌋ × 3. */
export const MAPPING_LEAF_MAX = 252;
/** Entries per internal btree node (8-byte keys, 8-byte block pointers). */
export const INTERNAL_NODE_MAX = 252;

/** One btree leaf (one 4 KiB metadata block); `refs` counts the trees (and held metadata snapshots) using it. */
export class MappingLeaf {
  keys = new Uint32Array(MAPPING_LEAF_MAX);
  data = new Uint32Array(MAPPING_LEAF_MAX);
  time = new Uint32Array(MAPPING_LEAF_MAX);
  n = 0;
  refs = 1;

  /** A private copy (the shadow the kernel makes before changing a shared block). */
  copy(): MappingLeaf {
    const l = new MappingLeaf();
    l.keys.set(this.keys.subarray(0, this.n));
    l.data.set(this.data.subarray(0, this.n));
    l.time.set(this.time.subarray(0, this.n));
    l.n = this.n;
    return l;
  }

  /** Position of `key`, or −(insertion point) − 1. */
  search(key: number): number {
    const k = this.keys;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = k[mid];
      if (v < key) lo = mid + 1;
      else if (v > key) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
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
  top: InternalNodes;

  constructor(c: TreeCounters, leaves?: MappingLeaf[], top?: InternalNodes) {
    if (leaves) {
      this.leaves = leaves;
      this.top = top!;
    } else {
      this.leaves = [new MappingLeaf()];
      c.leaves++;
      this.top = { refs: 1, nodes: 0 };
    }
  }

  /** The snapshot's tree: the same leaves and internal nodes, one more reference each (nothing copied). */
  share(c: TreeCounters): MappingTree {
    for (const l of this.leaves) incLeaf(c, l);
    this.top.refs++;
    return new MappingTree(c, this.leaves.slice(), this.top);
  }

  /** Releases every node (device deleted). */
  drop(c: TreeCounters): void {
    for (const l of this.leaves) decLeaf(c, l);
    if (--this.top.refs === 0) c.internal -= this.top.nodes;
    this.leaves = [];
  }

  /** Index of the leaf whose key range holds `key`. */
  leafIndex(key: number): number {
    const ls = this.leaves;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ls[mid].n > 0 && ls[mid].keys[0] <= key) lo = mid;
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
    let li = this.leafIndex(key);
    let l = this.writableLeaf(c, li);
    if (l.n === MAPPING_LEAF_MAX) {
      const right = new MappingLeaf();
      const half = MAPPING_LEAF_MAX >>> 1;
      const m = l.n - half;
      right.keys.set(l.keys.subarray(half, l.n));
      right.data.set(l.data.subarray(half, l.n));
      right.time.set(l.time.subarray(half, l.n));
      right.n = m;
      l.n = half;
      c.leaves++;
      this.leaves.splice(li + 1, 0, right);
      this.relevel(c);
      if (key >= right.keys[0]) {
        li++;
        l = right;
      }
    }
    const pos = -l.search(key) - 1;
    if (pos < l.n) {
      l.keys.copyWithin(pos + 1, pos, l.n);
      l.data.copyWithin(pos + 1, pos, l.n);
      l.time.copyWithin(pos + 1, pos, l.n);
    }
    l.keys[pos] = key;
    l.data[pos] = dblock;
    l.time[pos] = time;
    l.n++;
  }

  /** Removes the entry at `pos` of leaf `li` (already writable); an emptied leaf leaves the tree unless it is the root. */
  removeAt(c: TreeCounters, li: number, pos: number): void {
    const l = this.leaves[li];
    l.keys.copyWithin(pos, pos + 1, l.n);
    l.data.copyWithin(pos, pos + 1, l.n);
    l.time.copyWithin(pos, pos + 1, l.n);
    l.n--;
    if (l.n === 0 && this.leaves.length > 1) {
      decLeaf(c, l);
      this.leaves.splice(li, 1);
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
      if (l.n > 0) return l.keys[l.n - 1];
    }
    return -1;
  }
}
