// `sim import-pool FILE.xml [NAME]`: a thin_dump XML becomes a live pool through the real commands, which it prints
// (`+ command`, as `set -x`) and runs: truncate, thin_restore, truncate, losetup ×2, dmsetup create.
import { resolvePath } from '../../host/paths';
import type { SimCommand } from '../../shell/sim';
import type { CommandContext } from '../../shell/types';
import { parseThinDumpXmlCached } from './parseCache';
import { importPoolSynopsis } from './importPoolSynopsis';
import { dataFileBytes, metadataFileBytes, poolFilePaths, poolNameFor, tooLargeForSandbox } from './poolFiles';

const usageLine = 'usage: sim import-pool FILE.xml [NAME]\n';

/** The `sim import-pool` subcommand. */
export const importPoolSim: SimCommand = { ...importPoolSynopsis, run: importPool };

function importPool(ctx: CommandContext): number {
  const [, , file, nameArg, ...extra] = ctx.argv;
  if (file === undefined || extra.length || file.startsWith('-')) {
    ctx.err(usageLine);
    return 2;
  }
  if (!ctx.exec) {
    ctx.err('sim import-pool: needs the shell to run commands\n');
    return 1;
  }
  const host = ctx.machine.host;
  const xml = resolvePath(ctx.cwd || '/', file);
  const text = host.vfs.readFile(xml);
  if (typeof text !== 'string') {
    ctx.err(`sim import-pool: ${file}: No such file or directory\n`);
    return 1;
  }
  const name = nameArg ?? poolNameFor(xml);
  if (!/^[A-Za-z0-9_.+-]{1,127}$/.test(name) || name === '.' || name === '..') {
    ctx.err(`sim import-pool: invalid pool name '${name}'\n`);
    return 1;
  }
  if (ctx.machine.dm.get(name)) {
    ctx.err(`sim import-pool: device ${name} already exists\n`);
    return 1;
  }
  const paths = poolFilePaths(xml, name);
  for (const p of [paths.meta, paths.data])
    if (host.vfs.exists(p)) {
      ctx.err(`sim import-pool: ${p} already exists\n`);
      return 1;
    }
  // Validate before touching anything: bad XML gets thin_restore's message and leaves the host as it was.
  const parsed = parseThinDumpXmlCached(text);
  if (!parsed.ok) {
    ctx.err(parsed.error);
    return parsed.exitStatus;
  }
  const md = parsed.md;
  const tooLarge = tooLargeForSandbox(md);
  if (tooLarge) {
    ctx.err(`sim import-pool: ${tooLarge}\n`);
    return 1;
  }
  const run = (argv: string[]): number => {
    ctx.out(`+ ${argv.map(shellQuote).join(' ')}\n`);
    return ctx.exec!(argv, '');
  };
  const undo: string[][] = [];
  const rollback = (status: number): number => {
    for (const argv of undo.reverse()) run(argv);
    return status;
  };

  let st = run(['truncate', '-s', `${metadataFileBytes(md) / (1 << 20)}M`, paths.meta]);
  if (st) return st;
  undo.push(['rm', '-f', paths.meta]);
  st = run(['thin_restore', '-i', xml, '-o', paths.meta]);
  if (st) return rollback(st);
  st = run(['truncate', '-s', String(dataFileBytes(md)), paths.data]);
  if (st) return rollback(st);
  undo.push(['rm', '-f', paths.data]);
  const loops: string[] = [];
  for (const p of [paths.meta, paths.data]) {
    st = run(['losetup', '-f', '--show', p]);
    const loop = host.loops.list().find((l) => resolvePath('/', l.file) === p);
    if (st || !loop) return rollback(st || 1);
    loops.push(`/dev/${loop.name}`);
    undo.push(['losetup', '-d', `/dev/${loop.name}`]);
  }
  const sectors = md.nrDataBlocks * md.dataBlockSize;
  const table = `0 ${sectors} thin-pool ${loops[0]} ${loops[1]} ${md.dataBlockSize} 0 0`;
  st = run(['dmsetup', 'create', name, '--table', table]);
  if (st) return rollback(st);
  return 0;
}

// Quotes a word the way a user would type it back into the shell.
function shellQuote(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `"${w.replace(/(["\\$`])/g, '\\$1')}"`;
}
