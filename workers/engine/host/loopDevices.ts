// Loop devices (major 7): a block device over a host file; writes allocate and discards punch holes in that file.
import type { EventLog } from '../events';
import type { BlockDevice, BlockDeviceRegistry } from './blockDevice';
import { fail, failed, type Fail } from './errno';
import type { Vfs } from './vfs';
import type { FileNode } from './vfsNodes';

/** An attached loop device. */
export interface LoopDevice extends BlockDevice {
  type: 'loop';
  /** Backing file path as given at attach time (what losetup prints). */
  file: string;
  /** The backing inode (the loop keeps it even if the path is renamed). */
  node: FileNode;
  /** st_dev of the filesystem holding the backing file. */
  backingDev: { major: number; minor: number };
  autoclear: boolean;
  offset: number;
  sizelimit: number;
}

/** Loop devices the kernel would create on demand (loop-control): /dev/loop0 … */
export class LoopDevices {
  readonly attached = new Map<string, LoopDevice>();

  constructor(
    private readonly events: EventLog,
    private readonly vfs: Vfs,
    private readonly registry: BlockDeviceRegistry,
  ) {}

  /** First unused loop name (`losetup -f`). */
  firstFree(): string {
    let n = 0;
    while (this.attached.has(`loop${n}`) || this.registry.get(`loop${n}`)) n++;
    return `loop${n}`;
  }

  /** Binds a file to a loop device (the first free one unless `name` is given). */
  attach(path: string, opts: { name?: string; autoclear?: boolean; readOnly?: boolean } = {}): LoopDevice | Fail {
    const name = opts.name ?? this.firstFree();
    const m = /^loop(\d+)$/.exec(name);
    if (!m) return fail('ENOTBLK');
    if (this.attached.has(name)) return fail('EBUSY');
    const node = this.vfs.lookup(path);
    if (failed(node)) return node;
    if (node.kind !== 'file') return fail('EINVAL');
    const vfs = this.vfs;
    const loop: LoopDevice = {
      name,
      major: 7,
      minor: Number(m[1]),
      size: node.size,
      type: 'loop',
      ro: !!opts.readOnly,
      slaves: [],
      storageId: `file:${path}`,
      file: path,
      node,
      backingDev: vfs.mounts.at(path)?.dev ?? vfs.rootDev,
      autoclear: !!opts.autoclear,
      offset: 0,
      sizelimit: 0,
      write(offset: number, length: number): string | null {
        if (offset + length > loop.size) return 'ENOSPC';
        return vfs.allocateNode(node, loop.file, offset, length);
      },
      discard(offset: number, length: number): void {
        vfs.punchNode(node, loop.file, offset, Math.min(length, loop.size - offset));
      },
    };
    this.attached.set(name, loop);
    this.registry.add(loop);
    this.events.emit({ type: 'loop-attached', device: `/dev/${name}`, file: path });
    return loop;
  }

  /** Unbinds a loop device (`losetup -d`); ENXIO when it is not bound. */
  detach(name: string): Fail | null {
    const loop = this.attached.get(name);
    if (!loop) return fail('ENXIO');
    this.attached.delete(name);
    this.registry.remove(name);
    return null;
  }

  /** Re-reads the backing file's size (`losetup -c`, LOOP_SET_CAPACITY). */
  setCapacity(name: string): Fail | null {
    const loop = this.attached.get(name);
    if (!loop) return fail('ENXIO');
    const size = loop.node.size - loop.offset;
    if (size !== loop.size) {
      loop.size = size;
      this.events.emit({ type: 'loop-capacity', device: `/dev/${name}`, size });
    }
    return null;
  }

  /** Attached loops by minor number. */
  list(): LoopDevice[] {
    return [...this.attached.values()].sort((a, b) => a.minor - b.minor);
  }
}
