// /dev served from the block device registry: device nodes, /dev/mapper and /dev/<vg>/<lv> aliases.
import type { BlockDeviceRegistry } from './blockDevice';
import type { VfsProvider, VfsStat } from './vfsNodes';
import type { Clock } from '../clock';

const devfs = { major: 0, minor: 5 };
const fixedNodes = ['null', 'zero', 'random', 'urandom', 'full', 'loop-control'];

/** A devtmpfs view of the registry. */
export class DevProvider implements VfsProvider {
  constructor(
    private readonly registry: BlockDeviceRegistry,
    private readonly clock: Clock,
    private readonly bootTime: number,
  ) {}

  /** Directory entries implied by the registry's aliases ('mapper', 'docker', …) and device names. */
  private tree(): Map<string, Set<string>> {
    const dirs = new Map<string, Set<string>>([['', new Set([...fixedNodes, 'mapper'])]]);
    dirs.set('mapper', new Set(['control']));
    for (const d of this.registry.list()) dirs.get('')!.add(d.name);
    for (const d of this.registry.list()) {
      for (const a of this.registry.aliasesOf(d.name)) {
        if (!a.startsWith('/dev/')) continue;
        const parts = a.slice(5).split('/');
        let cur = '';
        for (const p of parts) {
          if (!dirs.has(cur)) dirs.set(cur, new Set());
          dirs.get(cur)!.add(p);
          cur = cur ? `${cur}/${p}` : p;
        }
      }
    }
    return dirs;
  }

  stat(rel: string): VfsStat | null {
    const base = { uid: 0, gid: 0, nlink: 1, size: 0, allocated: 0, mtime: this.bootTime, dev: devfs };
    const dirs = this.tree();
    if (dirs.has(rel)) return { ...base, kind: 'dir', ino: 1 + rel.length, mode: 0o755, nlink: 2, size: 60 * (dirs.get(rel)!.size + 2) };
    const dev = this.registry.resolve(`/dev/${rel}`);
    if (dev) {
      const isAlias = this.registry.aliasesOf(dev.name).includes(`/dev/${rel}`) && rel !== dev.name;
      if (isAlias) {
        const depth = rel.split('/').length - 1;
        return { ...base, kind: 'symlink', ino: 1000 + dev.minor, mode: 0o777, size: 0, target: `${'../'.repeat(depth)}${dev.name}` };
      }
      return { ...base, kind: 'blockdev', ino: 2000 + dev.major * 256 + dev.minor, mode: 0o660, gid: 6, rdev: { major: dev.major, minor: dev.minor }, mtime: this.clock.now };
    }
    if (fixedNodes.includes(rel) || rel === 'mapper/control') return { ...base, kind: 'chardev', ino: 3 + rel.length, mode: 0o666, rdev: { major: 1, minor: 3 } };
    return null;
  }

  readdir(rel: string): string[] | null {
    const d = this.tree().get(rel);
    return d ? [...d] : null;
  }

  readFile(): string {
    return '';
  }

  writeFile(rel: string): string | null {
    return rel === 'null' ? null : 'EACCES';
  }
}
