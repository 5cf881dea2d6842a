// lsblk (util-linux 2.23): the device tree with └─ ├─ │, columns NAME MAJ:MIN RM SIZE RO TYPE MOUNTPOINT.
import type { CommandContext, CommandTable } from '../../shell/types';
import { parseOpts } from '../../shell/commands/opts';
import type { BlockDevice } from '../blockDevice';
import { lsblkSize } from '../../units';

/** Rows of the tree: each device under every device it is built on. */
function treeRows(all: BlockDevice[], roots: BlockDevice[]): { prefix: string; d: BlockDevice }[] {
  const rows: { prefix: string; d: BlockDevice }[] = [];
  const byMinor = (a: BlockDevice, b: BlockDevice) => a.major - b.major || a.minor - b.minor;
  const walk = (d: BlockDevice, indent: string, branch: string) => {
    rows.push({ prefix: indent + branch, d });
    const kids = all.filter((k) => k.slaves.includes(d)).sort(byMinor);
    const childIndent = indent + (branch === '' ? '' : branch === '└─' ? '  ' : '│ ');
    kids.forEach((k, i) => walk(k, childIndent, i === kids.length - 1 ? '└─' : '├─'));
  };
  for (const r of roots) walk(r, '', '');
  return rows;
}

function lsblk(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'alnbdfmpr', long: { all: 'a', list: 'l', noheadings: 'n', bytes: 'b', nodeps: 'd', fs: 'f', paths: 'p', raw: 'r' } });
  if (typeof p === 'number') return p;
  const reg = ctx.machine.host.blockDevices;
  const all = reg.list().filter((d) => d.size > 0 || d.type !== 'loop');
  let roots = all.filter((d) => d.slaves.length === 0);
  const order = (d: BlockDevice) => (d.type === 'disk' ? 0 : d.type === 'loop' ? 1 : 2);
  roots.sort((a, b) => order(a) - order(b) || a.major - b.major || a.minor - b.minor);
  if (p.args.length) {
    roots = [];
    for (const a of p.args) {
      const d = reg.resolve(a);
      if (!d) {
        ctx.err(`lsblk: ${a}: not a block device\n`);
        return 32;
      }
      roots.push(d);
    }
  }
  const rows = 'd' in p.opts ? roots.map((d) => ({ prefix: '', d })) : treeRows(all, roots);
  const list = 'l' in p.opts || 'r' in p.opts;
  const cells = rows.map(({ prefix, d }) => [
    (list ? '' : prefix) + ('p' in p.opts ? `/dev/${d.type === 'dm' || d.type === 'lvm' ? `mapper/${d.label ?? d.name}` : d.name}` : d.label ?? d.name),
    `${String(d.major).padStart(3)}:${String(d.minor).padEnd(3)}`,
    '0',
    'b' in p.opts ? String(d.size) : lsblkSize(d.size),
    d.ro ? '1' : '0',
    d.type,
    d.mountpoint ?? '',
  ]);
  const head = ['NAME', 'MAJ:MIN', 'RM', 'SIZE', 'RO', 'TYPE', 'MOUNTPOINT'];
  if ('r' in p.opts) {
    const out = cells.map((c) => c.map((x, i) => (i === 1 ? x.trim() : x)).join(' ') + '\n');
    ctx.out(('n' in p.opts ? '' : head.join(' ') + '\n') + out.join(''));
    return 0;
  }
  // util-linux 2.23's width hints act as minimum widths (SIZE 5).
  const minWidth = [0, 6, 1, 5, 1, 4, 0];
  const w = head.map((h, i) => Math.max(h.length, minWidth[i], ...cells.map((c) => c[i].length)));
  const right = [false, false, true, true, true, false, false];
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : right[i] ? x.padStart(w[i]) : x.padEnd(w[i]))).join(' ');
  ctx.out(('n' in p.opts ? '' : line(head) + '\n') + cells.map((c) => line(c) + '\n').join(''));
  return 0;
}

/** lsblk. */
export const lsblkCommands: CommandTable = { lsblk };
