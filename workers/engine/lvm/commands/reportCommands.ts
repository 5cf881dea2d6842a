// lvs, vgs, pvs: column reports with -o/-o+, -a, --noheadings, --separator, --units, --nosuffix.
import type { CommandContext, CommandHandler } from '../../shell/types';
import { commonOptions, parseArgs, parseFailure, last, type OptionSpec } from './args';
import { renderReport, selectColumns, type Column } from '../report';
import { lvAliases, lvColumns, pvAliases, pvColumns, vgAliases, vgColumns, type LvRow, type SizeFormat } from '../fields';
import { isHidden, type PhysicalVolume, type VolumeGroup } from '../model';

const reportOptions: OptionSpec[] = [
  ...commonOptions,
  { long: 'options', short: 'o', value: true },
  { long: 'all', short: 'a', value: false },
  { long: 'noheadings', value: false },
  { long: 'nosuffix', value: false },
  { long: 'separator', value: true },
  { long: 'aligned', value: false },
  { long: 'units', value: true },
  { long: 'sort', short: 'O', value: true },
  { long: 'segments', value: false },
  { long: 'select', short: 'S', value: true },
];

const byName = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function runReport<R>(
  ctx: CommandContext,
  all: Column<R>[],
  aliases: (id: string) => string[],
  defaults: string[],
  rows: (positional: string[], showAll: boolean) => R[] | { error: string[] },
): number {
  const cmd = ctx.argv[0];
  const p = parseArgs(cmd, ctx.argv.slice(1), reportOptions);
  if ('error' in p) return parseFailure(ctx, p.error);
  const units = last(p, 'units');
  if (units !== undefined && !/^[hHbBsSkKmMgGtTpPeErR]$/.test(units)) return parseFailure(ctx, `Invalid argument for --units: ${units}`);
  const sel = selectColumns(all, aliases, defaults, p.opts.get('options') ?? []);
  if (sel.unknown !== null) {
    ctx.err(`  Unrecognised field: ${sel.unknown}\n`);
    return 5;
  }
  const r = rows(p.positional, p.opts.has('all'));
  const status = 0;
  let list: R[];
  if ('error' in r) {
    for (const e of r.error) ctx.err(`  ${e}\n`);
    return 5;
  } else list = r;
  const lines = renderReport(sel.columns, list, {
    headings: !p.opts.has('noheadings') && list.length > 0,
    separator: last(p, 'separator'),
    aligned: p.opts.has('aligned'),
  });
  if (lines.length) ctx.out(lines.map((l) => `${l}\n`).join(''));
  return status;
}

function sizeFormat(ctx: CommandContext): SizeFormat {
  const i = ctx.argv.indexOf('--units');
  const u = i >= 0 ? ctx.argv[i + 1] : ctx.argv.find((a) => a.startsWith('--units='))?.slice(8);
  return { units: u && !/^[hHrR]$/.test(u) ? u : undefined, nosuffix: ctx.argv.includes('--nosuffix') };
}

/** lvs [-a] [-o …] [VG|VG/LV…]. */
export const lvs: CommandHandler = (ctx) => {
  const lvm = ctx.machine.lvm;
  lvm.poll();
  return runReport<LvRow>(
    ctx,
    lvColumns(lvm, sizeFormat(ctx)),
    lvAliases,
    ['lv_name', 'vg_name', 'lv_attr', 'lv_size', 'pool_lv', 'origin', 'data_percent', 'metadata_percent', 'move_pv', 'mirror_log', 'copy_percent', 'convert_lv'],
    (positional, showAll) => {
      const errors: string[] = [];
      let rows: LvRow[] = [];
      const vgs = [...lvm.vgs.values()].sort(byName((v: VolumeGroup) => v.name));
      if (!positional.length) for (const vg of vgs) rows.push(...vg.lvs.map((lv) => ({ vg, lv })));
      for (const a of positional) {
        const [vgName, lvName] = a.replace(/^\/dev\//, '').split('/');
        const vg = lvm.vgs.get(vgName);
        if (!vg) {
          errors.push(`Volume group "${vgName}" not found`, `Cannot process volume group ${vgName}`);
          continue;
        }
        const lvsOf = vg.lvs.filter((l) => !lvName || l.name === lvName);
        if (lvName && !lvsOf.length) errors.push(`Failed to find logical volume "${vgName}/${lvName}"`);
        rows.push(...lvsOf.map((lv) => ({ vg, lv })));
      }
      if (errors.length) return { error: errors };
      if (!showAll) rows = rows.filter((r) => !isHidden(r.lv));
      return rows.sort((a, b) => byName((r: LvRow) => r.vg.name)(a, b) || byName((r: LvRow) => r.lv.name)(a, b));
    },
  );
};

/** vgs [-o …] [VG…]. */
export const vgs: CommandHandler = (ctx) => {
  const lvm = ctx.machine.lvm;
  lvm.poll();
  return runReport<VolumeGroup>(
    ctx,
    vgColumns(lvm, sizeFormat(ctx)),
    vgAliases,
    ['vg_name', 'pv_count', 'lv_count', 'snap_count', 'vg_attr', 'vg_size', 'vg_free'],
    (positional) => {
      const missing = positional.filter((n) => !lvm.vgs.has(n));
      if (missing.length) return { error: missing.flatMap((n) => [`Volume group "${n}" not found`, `Cannot process volume group ${n}`]) };
      const list = positional.length ? positional.map((n) => lvm.vgs.get(n)!) : [...lvm.vgs.values()];
      return list.sort(byName((v: VolumeGroup) => v.name));
    },
  );
};

/** pvs [-o …] [PV…]. */
export const pvs: CommandHandler = (ctx) => {
  const lvm = ctx.machine.lvm;
  lvm.poll();
  return runReport<PhysicalVolume>(
    ctx,
    pvColumns(lvm, sizeFormat(ctx)),
    pvAliases,
    ['pv_name', 'vg_name', 'pv_fmt', 'pv_attr', 'pv_size', 'pv_free'],
    (positional) => {
      const errors: string[] = [];
      const list: PhysicalVolume[] = [];
      for (const a of positional) {
        const dev = lvm.hostPort.device(a);
        const pv = dev && lvm.pvs.get(dev.path);
        if (pv) list.push(pv);
        else errors.push(dev ? `Failed to find physical volume "${a}".` : `Failed to find device for physical volume "${a}".`);
      }
      if (errors.length) return { error: errors };
      return (positional.length ? list : [...lvm.pvs.values()]).sort(byName((p: PhysicalVolume) => p.device));
    },
  );
};
