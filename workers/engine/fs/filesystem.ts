// A filesystem inside a thin device at 4 KiB granularity: file-level actions become block-level writes and discards.
import { FS_BLOCK, type BlockTarget } from './blockTarget';
import { FreeSpace } from './freeSpace';
import { fail, normalizePath, parentOf, type FileExtent, type FsResult, type Inode } from './inode';
import type { Extent, FsKind, FsLayout } from './layout';

/** Mount options that change block-level behaviour. */
export interface MountOptions {
  /** `-o discard`: freed extents are discarded at once (otherwise only fstrim discards). */
  discard: boolean;
}

/** statfs figures in filesystem blocks (df multiplies by `bsize`). */
export interface StatFs {
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
}

/** Where a file's bytes live: filesystem blocks and the pool blocks (of the device) behind them. */
export interface FileMap {
  size: number;
  extents: readonly FileExtent[];
  /** Device pool blocks holding the file's data, ascending, unique. */
  poolBlocks: number[];
}

/** What a write did. */
export interface WriteInfo {
  /** Bytes written (less than asked when space ran out). */
  written: number;
  /** Filesystem blocks newly allocated. */
  allocated: number;
}

/** Options of a write: where, how much, and what happens to the file first. */
export interface WriteOptions {
  offset: number;
  length: number;
  /** Cut the file to this size before writing (dd without conv=notrunc truncates to seek × bs). */
  truncateTo?: number;
  /** Content to keep for cat (small text files); omitted means binary data. */
  text?: string;
  mode?: number;
  mtime?: number;
}

/** xfs: header blocks of a new AG (superblock, AGF, AGI, AGFL, btree roots) and the smallest AG growfs adds. */
const XFS_AG_HEADER_BLOCKS = 8;
const XFS_MIN_AG_BLOCKS = 64;
/** ext4 blocks per group with 4 KiB blocks. */
const BLOCKS_PER_EXT4_GROUP = 32768;
/** mke2fs's 16 KiB per inode: 8192 inodes (256 bytes each) per 128 MiB group. */
const EXT4_INODES_PER_GROUP = 8192;

const ROOT: Inode = { type: 'dir', size: 6, mode: 0o755, mtime: 0, extents: [] };

/** A mounted (or mountable) filesystem on a block target. */
export class Filesystem {
  mountOptions: MountOptions = { discard: false };
  private constructor(
    /** Replaced (not mutated) when the filesystem grows: snapshots keep their own. */
    public layout: FsLayout,
    private target: BlockTarget,
    private free: FreeSpace,
    private inodes: Map<string, Inode>,
    /** ext4 remembers groups trimmed since mount (EXT4_GROUP_INFO_WAS_TRIMMED); xfs trims everything each time. */
    private trimmedGroups: Set<number>,
  ) {}

  /** The filesystem mkfs just made, before anything is written into it (see mkfs.ts for the writes). */
  static fresh(layout: FsLayout, target: BlockTarget): Filesystem {
    const free = FreeSpace.fresh(layout.blocks, layout.regionStarts, layout.reserved);
    return new Filesystem(layout, target, free, new Map([['/', ROOT]]), new Set());
  }

  get kind(): FsKind {
    return this.layout.kind;
  }

  /** The device this filesystem writes to. */
  get device(): BlockTarget {
    return this.target;
  }

  /** The same files on another device (a thin snapshot of this one): O(files), blocks are not copied. */
  clone(target: BlockTarget): Filesystem {
    return new Filesystem(this.layout, target, this.free.clone(), new Map(this.inodes), new Set());
  }

  /**
   * Grows the filesystem to `deviceBytes` as Docker does for a container bigger than its image (xfs_growfs,
   * resize2fs): new allocation groups (xfs) or block groups (ext4) get their headers written, the primary
   * superblock is rewritten, and their space joins the free map. Shrinking is refused (EINVAL).
   */
  grow(deviceBytes: number): FsResult<{ addedBlocks: number }> {
    const L = this.layout;
    const newBlocks = Math.floor(deviceBytes / FS_BLOCK);
    if (newBlocks < L.blocks) return fail('EINVAL');
    if (newBlocks === L.blocks) return { ok: true, addedBlocks: 0 };
    const step = L.kind === 'xfs' ? (L.regionStarts[1] ?? L.blocks) : BLOCKS_PER_EXT4_GROUP;
    const starts = [...L.regionStarts];
    const used: Extent[] = [];
    const writes: { offset: number; length: number }[] = [{ offset: 0, length: FS_BLOCK }];
    if (L.kind === 'xfs') {
      // The last AG grows to full size first (its AGF is rewritten), then whole new AGs follow.
      const lastStart = starts[starts.length - 1];
      writes.push({ offset: lastStart * FS_BLOCK, length: FS_BLOCK });
      for (let s = lastStart + step; s + XFS_MIN_AG_BLOCKS <= newBlocks; s += step) {
        starts.push(s);
        used.push({ start: s, count: XFS_AG_HEADER_BLOCKS });
        writes.push({ offset: s * FS_BLOCK, length: 16 * 1024 });
      }
    } else {
      // New block groups: block and inode bitmaps written; inode tables left for the lazy init thread (uninit_bg).
      const itable = Math.ceil((EXT4_INODES_PER_GROUP * 256) / FS_BLOCK);
      for (let s = Math.ceil(L.blocks / step) * step; s < newBlocks; s += step) {
        used.push({ start: s, count: Math.min(2 + itable, newBlocks - s) });
        writes.push({ offset: s * FS_BLOCK, length: 2 * FS_BLOCK });
      }
    }
    const all = L.kind === 'xfs' ? starts : L.regionStarts;
    for (const w of writes) if (this.target.write(w.offset, w.length)) return fail('EIO');
    this.free.grow(L.blocks, newBlocks, all, used);
    this.layout = { ...L, blocks: newBlocks, regionStarts: [...all], reserved: [...L.reserved, ...used] };
    return { ok: true, addedBlocks: newBlocks - L.blocks };
  }

  /** Forgets ext4's trimmed-group memory, as a remount does. */
  remount(options: Partial<MountOptions> = {}): void {
    this.mountOptions = { ...this.mountOptions, ...options };
    this.trimmedGroups.clear();
  }

  stat(path: string): Inode | undefined {
    return this.inodes.get(normalizePath(path));
  }

  exists(path: string): boolean {
    return this.inodes.has(normalizePath(path));
  }

  /** Names in a directory, sorted as `ls` sorts in the C locale. */
  list(dir: string): FsResult<{ entries: { name: string; inode: Inode }[] }> {
    const d = normalizePath(dir);
    const node = this.inodes.get(d);
    if (!node) return fail('ENOENT');
    if (node.type !== 'dir') return { ok: true, entries: [{ name: d.slice(d.lastIndexOf('/') + 1), inode: node }] };
    const entries: { name: string; inode: Inode }[] = [];
    for (const [p, inode] of this.inodes) if (p !== '/' && parentOf(p) === d) entries.push({ name: p.slice(p.lastIndexOf('/') + 1), inode });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { ok: true, entries };
  }

  /** Creates a directory; with `parents`, missing parents too and no error if it exists (mkdir -p). */
  mkdir(path: string, parents = false, mtime = 0): FsResult {
    const p = normalizePath(path);
    const existing = this.inodes.get(p);
    if (existing) return parents && existing.type === 'dir' ? { ok: true } : fail('EEXIST');
    const parent = parentOf(p);
    const pnode = this.inodes.get(parent);
    if (!pnode) {
      if (!parents) return fail('ENOENT');
      const r = this.mkdir(parent, true, mtime);
      if (!r.ok) return r;
    } else if (pnode.type !== 'dir') return fail('ENOTDIR');
    this.inodes.set(p, { type: 'dir', size: 6, mode: 0o755, mtime, extents: [] });
    return { ok: true };
  }

  /**
   * Writes a byte range of a file, creating it if needed (its directory must exist). Blocks the file already has
   * are rewritten in place (at thin level: a write to mapped blocks, copy-on-write when shared with an origin);
   * missing ones are allocated first fit, next to the file's last block when possible.
   */
  write(path: string, opts: WriteOptions): FsResult<WriteInfo> {
    const p = normalizePath(path);
    const parent = this.inodes.get(parentOf(p));
    if (!parent) return fail('ENOENT');
    if (parent.type !== 'dir') return fail('ENOTDIR');
    let node = this.inodes.get(p);
    if (node?.type === 'dir') return fail('EISDIR');
    const mtime = opts.mtime ?? node?.mtime ?? 0;
    if (!node) node = { type: 'file', size: 0, mode: opts.mode ?? 0o644, mtime, extents: [] };
    if (opts.truncateTo !== undefined && opts.truncateTo < node.size) node = this.cut(node, opts.truncateTo);
    else if (opts.truncateTo !== undefined) node = { ...node, size: opts.truncateTo };
    const { offset, length } = opts;
    const extents = node.extents.slice();
    let written = 0;
    let allocated = 0;
    let errno: 'ENOSPC' | 'EIO' | undefined;
    if (length > 0) {
      const first = Math.floor(offset / FS_BLOCK);
      const end = Math.ceil((offset + length) / FS_BLOCK);
      const runs: { pblk: number; count: number; lblk: number }[] = [];
      let l = first;
      while (l < end) {
        const hit = extents.find((e) => l >= e.lblk && l < e.lblk + e.count);
        if (hit) {
          const n = Math.min(end, hit.lblk + hit.count) - l;
          runs.push({ lblk: l, pblk: hit.pblk + (l - hit.lblk), count: n });
          l += n;
          continue;
        }
        const nextMapped = extents.filter((e) => e.lblk > l).reduce((m, e) => Math.min(m, e.lblk), end);
        const want = Math.min(end, nextMapped) - l;
        const avail = this.allocatable();
        const got = this.free.allocate(Math.min(want, avail), this.goalFor(extents, l), this.stripeBlocks);
        let gl = l;
        for (const g of got) {
          this.insertExtent(extents, { lblk: gl, pblk: g.start, count: g.count });
          runs.push({ lblk: gl, pblk: g.start, count: g.count });
          this.untrim(g.start);
          gl += g.count;
          allocated += g.count;
        }
        if (gl < l + want) {
          errno = 'ENOSPC';
          break;
        }
        l = gl;
      }
      runs.sort((a, b) => a.lblk - b.lblk);
      let reached = first;
      for (const r of runs) {
        if (r.lblk !== reached) break;
        const err = this.target.write(r.pblk * FS_BLOCK, r.count * FS_BLOCK);
        if (err) {
          errno = 'EIO';
          break;
        }
        reached = r.lblk + r.count;
      }
      written = Math.max(0, Math.min(offset + length, reached * FS_BLOCK) - offset);
    }
    const size = Math.max(node.size, offset + written);
    const text = opts.text !== undefined && written === length && offset === 0 && size === length ? opts.text : undefined;
    this.inodes.set(p, { ...node, size, extents, mtime, text });
    if (errno) return { ok: false, errno, message: fail(errno).message };
    return { ok: true, written, allocated };
  }

  /** Replaces a file's content with text (echo > f, cat > f, tee). */
  writeText(path: string, text: string, mtime?: number): FsResult<WriteInfo> {
    const bytes = new TextEncoder().encode(text).length;
    return this.write(path, { offset: 0, length: bytes, truncateTo: 0, text, mtime });
  }

  /** Appends text (echo >> f); the file keeps its text only if it had one. */
  appendText(path: string, text: string, mtime?: number): FsResult<WriteInfo> {
    const node = this.stat(path);
    const before = node?.type === 'file' ? node : undefined;
    const bytes = new TextEncoder().encode(text).length;
    const r = this.write(path, { offset: before?.size ?? 0, length: bytes, mtime });
    const after = this.inodes.get(normalizePath(path));
    if (r.ok && after && (!before || before.text !== undefined))
      this.inodes.set(normalizePath(path), { ...after, text: (before?.text ?? '') + text });
    return r;
  }

  /** The content of a text file, or '' for binary data. */
  read(path: string): FsResult<{ text: string; binary: boolean }> {
    const node = this.stat(path);
    if (!node) return fail('ENOENT');
    if (node.type === 'dir') return fail('EISDIR');
    return { ok: true, text: node.text ?? '', binary: node.text === undefined && node.size > 0 };
  }

  /** Which filesystem blocks and pool blocks back a file. */
  map(path: string): FsResult<FileMap> {
    const node = this.stat(path);
    if (!node) return fail('ENOENT');
    const pb = this.target.poolBlockSize;
    const set = new Set<number>();
    for (const e of node.extents) {
      const a = Math.floor((e.pblk * FS_BLOCK) / pb);
      const b = Math.floor(((e.pblk + e.count) * FS_BLOCK - 1) / pb);
      for (let x = a; x <= b; x++) set.add(x);
    }
    return { ok: true, size: node.size, extents: node.extents, poolBlocks: [...set].sort((x, y) => x - y) };
  }

  /** Sets a file's size (truncate -s): blocks past the end are freed, growth leaves a hole. */
  truncate(path: string, size: number): FsResult {
    const p = normalizePath(path);
    const node = this.inodes.get(p);
    if (!node) return fail('ENOENT');
    if (node.type === 'dir') return fail('EISDIR');
    this.inodes.set(p, size < node.size ? this.cut(node, size) : { ...node, size, text: undefined });
    return { ok: true };
  }

  /** Removes a file or an empty directory (rm, rmdir); `recursive` removes a tree (rm -r). Returns bytes freed. */
  remove(path: string, recursive = false): FsResult<{ freedBytes: number }> {
    const p = normalizePath(path);
    const node = this.inodes.get(p);
    if (!node || p === '/') return fail(p === '/' ? 'EINVAL' : 'ENOENT');
    let freed = 0;
    if (node.type === 'dir') {
      const children = [...this.inodes.keys()].filter((k) => k.startsWith(`${p}/`));
      if (children.length && !recursive) return fail('ENOTEMPTY');
      for (const c of children) freed += this.release(c);
    }
    freed += this.release(p);
    return { ok: true, freedBytes: freed * FS_BLOCK };
  }

  /** fstrim: discards every free extent (ext4: only groups not trimmed since mount); returns the bytes trimmed. */
  fstrim(): number {
    let blocks = 0;
    const perGroup = this.kind === 'ext4';
    const touched = new Set<number>();
    for (const e of this.free.list()) {
      if (perGroup) {
        const g = this.groupOf(e.start);
        if (this.trimmedGroups.has(g)) continue;
        touched.add(g);
      }
      this.target.discard(e.start * FS_BLOCK, e.count * FS_BLOCK);
      blocks += e.count;
    }
    for (const g of touched) this.trimmedGroups.add(g);
    return blocks * FS_BLOCK;
  }

  /** statfs as df reads it: xfs leaves the log out of blocks and its reserve pool out of bfree; ext4 leaves its static metadata out of blocks and 5 % out of bavail. */
  statfs(): StatFs {
    const L = this.layout;
    const blocks = L.blocks - L.overheadBlocks;
    const free = this.free.freeBlocks;
    if (L.reserveHidesFree) {
      const bfree = Math.max(0, free - L.reserveBlocks);
      return { bsize: FS_BLOCK, blocks, bfree, bavail: bfree };
    }
    return { bsize: FS_BLOCK, blocks, bfree: free, bavail: Math.max(0, free - L.reserveBlocks) };
  }

  /** Free filesystem blocks (all of them, reserve included). */
  get freeBlocks(): number {
    return this.free.freeBlocks;
  }

  /** Free extents (fs blocks), ascending. */
  freeExtents(): readonly { start: number; count: number }[] {
    return this.free.list();
  }

  /** Paths of every file and directory, sorted. */
  paths(): string[] {
    return [...this.inodes.keys()].sort();
  }

  /**
   * The stripe unit mkfs took from the thin device's io hints (minimum_io_size = the pool block): xfs (sunit) and
   * ext4 (stride) start large allocations on it, so a file of whole pool blocks provisions exactly that many.
   */
  private get stripeBlocks(): number {
    return Math.max(1, Math.floor(this.target.poolBlockSize / FS_BLOCK));
  }

  private allocatable(): number {
    // Writes by root (containers run as root) may use ext4's reserve but never xfs's reserve pool.
    return this.layout.reserveHidesFree ? Math.max(0, this.free.freeBlocks - this.layout.reserveBlocks) : this.free.freeBlocks;
  }

  private goalFor(extents: FileExtent[], lblk: number): number | undefined {
    const prev = extents.filter((e) => e.lblk + e.count <= lblk).sort((a, b) => b.lblk - a.lblk)[0];
    return prev ? prev.pblk + prev.count + (lblk - prev.lblk - prev.count) : undefined;
  }

  private insertExtent(extents: FileExtent[], e: FileExtent): void {
    const prev = extents.find((x) => x.lblk + x.count === e.lblk && x.pblk + x.count === e.pblk);
    if (prev && !this.layout.regionStarts.includes(e.pblk)) {
      extents[extents.indexOf(prev)] = { ...prev, count: prev.count + e.count };
      return;
    }
    extents.push(e);
    extents.sort((a, b) => a.lblk - b.lblk);
  }

  /** The file cut to `size` bytes: blocks wholly past the end go back to the free map. */
  private cut(node: Inode, size: number): Inode {
    const keep = Math.ceil(size / FS_BLOCK);
    const extents: FileExtent[] = [];
    for (const e of node.extents) {
      if (e.lblk + e.count <= keep) extents.push(e);
      else if (e.lblk >= keep) this.release1(e.pblk, e.count);
      else {
        const n = keep - e.lblk;
        extents.push({ ...e, count: n });
        this.release1(e.pblk + n, e.count - n);
      }
    }
    return { ...node, size, extents, text: size === 0 ? '' : undefined };
  }

  private release(path: string): number {
    const node = this.inodes.get(path);
    if (!node) return 0;
    let n = 0;
    for (const e of node.extents) {
      this.release1(e.pblk, e.count);
      n += e.count;
    }
    this.inodes.delete(path);
    return n;
  }

  private release1(pblk: number, count: number): void {
    this.free.free({ start: pblk, count });
    this.untrim(pblk);
    if (this.mountOptions.discard) this.target.discard(pblk * FS_BLOCK, count * FS_BLOCK);
  }

  private groupOf(block: number): number {
    return Math.floor(block / 32768);
  }

  private untrim(block: number): void {
    if (this.trimmedGroups.size) this.trimmedGroups.delete(this.groupOf(block));
  }
}
