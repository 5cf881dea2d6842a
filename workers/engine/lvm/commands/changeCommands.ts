// pvcreate, pvremove, vgcreate, vgextend, vgremove, lvcreate, lvconvert, lvchange, lvextend, lvremove.
import type { CommandContext, CommandHandler } from '../../shell/types';
import { commonOptions, emit, last, parseArgs, parseFailure, yesNo, type OptionSpec, type ParsedArgs } from './args';
import { pvcreate as pvcreateOp, pvremove as pvremoveOp } from '../pvOps';
import { vgcreate as vgcreateOp, vgextend as vgextendOp, vgremove as vgremoveOp } from '../vgOps';
import { lvcreate as lvcreateOp } from '../lvCreate';
import { lvconvertThinPool } from '../lvConvert';
import { lvchange as lvchangeOp } from '../lvChange';
import { lvextend as lvextendOp } from '../lvResize';
import { lvremove as lvremoveOp } from '../lvRemove';
import { parseExtentsArg, parseSizeArg, type ExtentsArg, type SizeArg } from '../sizeArgs';
import { LvmOutput } from '../output';

type Parsed = ParsedArgs;

function parsed(ctx: CommandContext, specs: OptionSpec[]): Parsed | number {
  const lvm = ctx.machine.lvm;
  lvm.poll();
  const p = parseArgs(ctx.argv[0], ctx.argv.slice(1), [...commonOptions, ...specs]);
  return 'error' in p ? parseFailure(ctx, p.error) : p;
}

const forceCount = (p: Parsed) => (p.opts.get('force') ?? []).length;

/** -l/-L values of a command line; a number is the exit status of a parse failure already printed. */
function sizing(ctx: CommandContext, p: Parsed): { extents?: ExtentsArg; size?: SizeArg } | number {
  const l = last(p, 'extents');
  const L = last(p, 'size');
  const r: { extents?: ExtentsArg; size?: SizeArg } = {};
  if (l !== undefined) {
    const e = parseExtentsArg(l);
    if (!e) return parseFailure(ctx, `Invalid argument for --extents: ${l}`);
    r.extents = e;
  }
  if (L !== undefined) {
    const s = parseSizeArg(L);
    if (!s) return parseFailure(ctx, `Invalid argument for --size: ${L}`);
    r.size = s;
  }
  return r;
}

/** pvcreate [-f[f]] [-y] PV…. */
export const pvcreate: CommandHandler = (ctx) => {
  const p = parsed(ctx, []);
  if (typeof p === 'number') return p;
  if (!p.positional.length) return emit(ctx, new LvmOutput().fail('Please enter a physical volume path.', 3));
  return emit(ctx, pvcreateOp(ctx.machine.lvm, p.positional, forceCount(p)));
};

/** pvremove [-ff] PV…. */
export const pvremove: CommandHandler = (ctx) => {
  const p = parsed(ctx, []);
  if (typeof p === 'number') return p;
  if (!p.positional.length) return emit(ctx, new LvmOutput().fail('Please enter a physical volume path', 3));
  return emit(ctx, pvremoveOp(ctx.machine.lvm, p.positional, forceCount(p)));
};

/** vgcreate VG PV…. */
export const vgcreate: CommandHandler = (ctx) => {
  const p = parsed(ctx, []);
  if (typeof p === 'number') return p;
  if (!p.positional.length) return emit(ctx, new LvmOutput().fail('Please provide volume group name and physical volumes', 3));
  if (p.positional.length === 1) return emit(ctx, new LvmOutput().fail('Please enter physical volume name(s)', 3));
  return emit(ctx, vgcreateOp(ctx.machine.lvm, p.positional[0], p.positional.slice(1)));
};

/** vgextend VG PV…. */
export const vgextend: CommandHandler = (ctx) => {
  const p = parsed(ctx, []);
  if (typeof p === 'number') return p;
  if (!p.positional.length) return emit(ctx, new LvmOutput().fail('Please enter volume group name and physical volume(s)', 3));
  if (p.positional.length === 1) return emit(ctx, new LvmOutput().fail('Please enter physical volume(s)', 3));
  return emit(ctx, vgextendOp(ctx.machine.lvm, p.positional[0], p.positional.slice(1)));
};

/** vgremove [-f] VG…. */
export const vgremove: CommandHandler = (ctx) => {
  const p = parsed(ctx, []);
  if (typeof p === 'number') return p;
  if (!p.positional.length) return emit(ctx, new LvmOutput().fail('Please enter one or more volume group paths', 3));
  return emit(ctx, vgremoveOp(ctx.machine.lvm, p.positional, forceCount(p) > 0 || p.opts.has('yes'), ctx.stdin));
};

const sizeOptions: OptionSpec[] = [
  { long: 'extents', short: 'l', value: true },
  { long: 'size', short: 'L', value: true },
];

/** lvcreate [--wipesignatures y] [-n NAME] (-l N[%VG|%FREE|%PVS] | -L SIZE) [-T|--thinpool] VG [PV…]. */
export const lvcreate: CommandHandler = (ctx) => {
  const p = parsed(ctx, [
    ...sizeOptions,
    { long: 'name', short: 'n', value: true },
    { long: 'wipesignatures', short: 'W', value: true },
    { long: 'zero', short: 'Z', value: true },
    { long: 'thin', short: 'T', value: false },
    { long: 'thinpool', value: true },
    { long: 'chunksize', short: 'c', value: true },
    { long: 'activate', short: 'a', value: true },
    { long: 'type', value: true },
  ]);
  if (typeof p === 'number') return p;
  const s = sizing(ctx, p);
  if (typeof s === 'number') return s;
  for (const o of ['wipesignatures', 'zero']) {
    const v = last(p, o);
    if (v !== undefined && yesNo(v) === null) return parseFailure(ctx, `Invalid argument for --${o}: ${v}`);
  }
  const type = last(p, 'type');
  if (type !== undefined && type !== 'linear' && type !== 'thin-pool')
    return emit(ctx, new LvmOutput().fail(`Unknown segment type ${type}`, 3));
  let vgArg = p.positional[0];
  let name = last(p, 'name');
  const pool = last(p, 'thinpool');
  const thinPool = p.opts.has('thin') || pool !== undefined || type === 'thin-pool';
  if (pool !== undefined) {
    const parts = pool.split('/');
    if (parts.length === 2) {
      vgArg = vgArg ?? parts[0];
      name = parts[1];
    } else name = pool;
  } else if (vgArg?.includes('/') && thinPool) [vgArg, name] = vgArg.split('/');
  if (!vgArg) return emit(ctx, new LvmOutput().fail('Please provide a volume group name', 3));
  if (!s.extents && !s.size) return emit(ctx, new LvmOutput().fail('Please specify either size or extents', 3));
  if (s.extents && s.size) return emit(ctx, new LvmOutput().fail('Please specify either size or extents (not both).', 3));
  if ((s.extents?.sign || s.size?.sign) === '-') return emit(ctx, new LvmOutput().fail('Negative size is invalid', 3));
  const lvm = ctx.machine.lvm;
  const chunk = last(p, 'chunksize');
  let chunkSize: number | undefined;
  if (chunk !== undefined) {
    const c = parseSizeArg(chunk, 'k');
    if (!c) return parseFailure(ctx, `Invalid argument for --chunksize: ${chunk}`);
    chunkSize = c.bytes;
  }
  const zero = last(p, 'zero');
  const pvs = p.positional.slice(1).map((d) => lvm.hostPort.device(d)?.path ?? d);
  return emit(ctx, lvcreateOp(lvm, { vg: vgArg, name, ...s, thinPool, chunkSize, zero: zero === undefined ? undefined : yesNo(zero)!, pvs: pvs.length ? pvs : undefined }));
};

/** lvconvert [-y] [--zero n] [-c SIZE] --thinpool VG/LV [--poolmetadata VG/LV]. */
export const lvconvert: CommandHandler = (ctx) => {
  const p = parsed(ctx, [
    { long: 'thinpool', value: true },
    { long: 'poolmetadata', value: true },
    { long: 'chunksize', short: 'c', value: true },
    { long: 'zero', short: 'Z', value: true },
    { long: 'type', value: true },
  ]);
  if (typeof p === 'number') return p;
  const zero = last(p, 'zero');
  if (zero !== undefined && yesNo(zero) === null) return parseFailure(ctx, `Invalid argument for --zero: ${zero}`);
  const chunk = last(p, 'chunksize');
  let chunkSize: number | undefined;
  if (chunk !== undefined) {
    const c = parseSizeArg(chunk, 'k');
    if (!c || c.sign) return parseFailure(ctx, `Invalid argument for --chunksize: ${chunk}`);
    chunkSize = c.bytes;
  }
  const pool = last(p, 'thinpool') ?? (last(p, 'type') === 'thin-pool' ? p.positional[0] : undefined);
  if (!pool) return emit(ctx, new LvmOutput().fail('Please specify a logical volume path.', 3));
  return emit(
    ctx,
    lvconvertThinPool(ctx.machine.lvm, {
      pool,
      metadata: last(p, 'poolmetadata'),
      chunkSize,
      zero: zero === undefined ? undefined : yesNo(zero)!,
      yes: p.opts.has('yes') || forceCount(p) > 0,
      answer: ctx.stdin,
    }),
  );
};

/** lvchange [--metadataprofile NAME | --detachprofile] [--monitor y|n] [-a y|n] VG/LV…. */
export const lvchange: CommandHandler = (ctx) => {
  const p = parsed(ctx, [
    { long: 'metadataprofile', value: true },
    { long: 'profile', value: true },
    { long: 'detachprofile', value: false },
    { long: 'monitor', value: true },
    { long: 'activate', short: 'a', value: true },
  ]);
  if (typeof p === 'number') return p;
  const monitor = last(p, 'monitor');
  if (monitor !== undefined && yesNo(monitor) === null) return parseFailure(ctx, `Invalid argument for --monitor: ${monitor}`);
  const act = last(p, 'activate');
  let activate: boolean | undefined;
  if (act !== undefined) {
    const m = /^(a|e|l|s)?(y|n)$/.exec(act);
    if (!m) return parseFailure(ctx, `Invalid argument for --activate: ${act}`);
    activate = m[2] === 'y';
  }
  return emit(
    ctx,
    lvchangeOp(ctx.machine.lvm, {
      lvs: p.positional,
      profile: last(p, 'metadataprofile') ?? last(p, 'profile'),
      detachProfile: p.opts.has('detachprofile'),
      monitor: monitor === undefined ? undefined : yesNo(monitor)!,
      activate,
    }),
  );
};

/** lvextend (-l [+]N[%…] | -L [+]SIZE | --use-policies) [-n|--nofsck] [-r] VG/LV [PV…]. */
export const lvextend: CommandHandler = (ctx) => {
  const p = parsed(ctx, [
    ...sizeOptions,
    { long: 'nofsck', short: 'n', value: false },
    { long: 'resizefs', short: 'r', value: false },
    { long: 'use-policies', value: false },
    { long: 'usepolicies', value: false },
  ]);
  if (typeof p === 'number') return p;
  const s = sizing(ctx, p);
  if (typeof s === 'number') return s;
  const usePolicies = p.opts.has('use-policies') || p.opts.has('usepolicies');
  if (!p.positional.length) return emit(ctx, new LvmOutput().fail('Please provide the logical volume name', 3));
  if (!usePolicies && !s.extents && !s.size) return emit(ctx, new LvmOutput().fail('Please specify either size or extents but not both.', 3));
  if (s.extents && s.size) return emit(ctx, new LvmOutput().fail('Please specify either size or extents but not both.', 3));
  const lvm = ctx.machine.lvm;
  const pvs = p.positional.slice(1).map((d) => lvm.hostPort.device(d)?.path ?? d);
  return emit(ctx, lvextendOp(lvm, { lv: p.positional[0], ...s, usePolicies, pvs: pvs.length ? pvs : undefined }));
};

/** lvremove [-f] VG/LV…|VG. */
export const lvremove: CommandHandler = (ctx) => {
  const p = parsed(ctx, []);
  if (typeof p === 'number') return p;
  if (!p.positional.length) return emit(ctx, new LvmOutput().fail('Please enter one or more logical volume paths', 3));
  return emit(ctx, lvremoveOp(ctx.machine.lvm, p.positional, forceCount(p) > 0 || p.opts.has('yes'), ctx.stdin));
};
