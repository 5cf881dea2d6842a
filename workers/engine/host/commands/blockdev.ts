// blockdev (util-linux 2.23): --getsize64 --getsz --getss --getbsz --getpbsz --getro --getra --rereadpt --report.
import type { CommandContext, CommandTable } from '../../shell/types';
import type { BlockDevice } from '../blockDevice';

const USAGE = `
Usage:
 blockdev -V
 blockdev --report [devices]
 blockdev [-v|-q] commands devices

Available commands:
	--getsz                   get size in 512-byte sectors
	--setro                   set read-only
	--setrw                   set read-write
	--getro                   get read-only
	--getdiscardzeroes        get discard zeroes support status
	--getss                   get logical block (sector) size
	--getpbsz                 get physical block (sector) size
	--getiomin                get minimum I/O size
	--getioopt                get optimal I/O size
	--getalignoff             get alignment offset in bytes
	--getmaxsect              get max sectors per request
	--getbsz                  get blocksize
	--setbsz <bytes>          set blocksize on file descriptor opening the block device
	--getsize                 get 32-bit sector count (deprecated, use --getsz)
	--getsize64               get size in bytes
	--setra <sectors>         set readahead
	--getra                   get readahead
	--setfra <sectors>        set filesystem readahead
	--getfra                  get filesystem readahead
	--flushbufs               flush buffers
	--rereadpt                reread partition table
`;

const getters: Record<string, (d: BlockDevice) => string | null> = {
  '--getsize64': (d) => String(d.size),
  '--getsz': (d) => String(Math.floor(d.size / 512)),
  '--getsize': (d) => String(Math.floor(d.size / 512)),
  '--getss': () => '512',
  '--getpbsz': () => '512',
  '--getbsz': () => '4096',
  '--getro': (d) => (d.ro ? '1' : '0'),
  '--getra': () => '8192',
  '--getfra': () => '8192',
  '--getiomin': () => '512',
  '--getioopt': () => '0',
  '--getalignoff': () => '0',
  '--getmaxsect': () => '255',
  '--getdiscardzeroes': () => '0',
  '--flushbufs': () => null,
  '--setrw': () => null,
  '--setro': () => null,
  '--rereadpt': () => null,
};

function blockdev(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  if (!a.length) {
    ctx.err(USAGE);
    return 1;
  }
  if (a[0] === '-V' || a[0] === '--version') {
    ctx.out('blockdev from util-linux 2.23.2\n');
    return 0;
  }
  const reg = ctx.machine.host.blockDevices;
  if (a[0] === '--report') {
    const devs = a.length > 1 ? a.slice(1) : reg.list().map((d) => `/dev/${d.name}`);
    ctx.out('RO    RA   SSZ   BSZ   StartSec            Size   Device\n');
    for (const p of devs) {
      const d = reg.resolve(p);
      if (!d) {
        ctx.err(`blockdev: cannot open ${p}: No such file or directory\n`);
        return 1;
      }
      ctx.out(`${d.ro ? 'ro' : 'rw'}  ${'8192'.padStart(4)}   512  4096  ${'0'.padStart(9)}  ${String(d.size).padStart(14)}   ${p}\n`);
    }
    return 0;
  }
  const cmds: string[] = [];
  let i = 0;
  while (i < a.length && a[i].startsWith('-')) {
    if (a[i] === '-v' || a[i] === '-q') {
      i++;
      continue;
    }
    if (!(a[i] in getters)) {
      ctx.err(`blockdev: Unknown command: ${a[i]}\n${USAGE}`);
      return 1;
    }
    cmds.push(a[i++]);
  }
  const devs = a.slice(i);
  if (!devs.length) {
    ctx.err(`blockdev: no device specified\n${USAGE}`);
    return 1;
  }
  for (const p of devs) {
    const d = reg.resolve(p);
    if (!d) {
      ctx.err(`blockdev: cannot open ${p}: No such file or directory\n`);
      return 1;
    }
    for (const c of cmds) {
      if (c === '--rereadpt' && d.type !== 'disk') {
        ctx.err(`blockdev: ioctl error on BLKRRPART: Invalid argument\n`);
        return 1;
      }
      const v = getters[c](d);
      if (v !== null) ctx.out(v + '\n');
    }
  }
  return 0;
}

/** blockdev. */
export const blockdevCommands: CommandTable = { blockdev };
