// pvdisplay, vgdisplay, lvdisplay and lvmdiskscan.
import type { CommandHandler } from '../../shell/types';
import { commonOptions, parseArgs, parseFailure } from './args';
import { lvBlock, pvBlock, pvsInOrder, vgBlock } from '../display';
import { diskscan } from '../diskscan';
import { isHidden } from '../model';

const displayOptions = [...commonOptions, { long: 'all', short: 'a', value: false }, { long: 'maps', short: 'm', value: false }, { long: 'short', short: 's', value: false }];

/** pvdisplay [PV…]. */
export const pvdisplay: CommandHandler = (ctx) => {
  const lvm = ctx.machine.lvm;
  const p = parseArgs('pvdisplay', ctx.argv.slice(1), displayOptions);
  if ('error' in p) return parseFailure(ctx, p.error);
  let status = 0;
  let list = pvsInOrder(lvm);
  if (p.positional.length) {
    list = [];
    for (const a of p.positional) {
      const dev = lvm.hostPort.device(a);
      const pv = dev && lvm.pvs.get(dev.path);
      if (pv) list.push(pv);
      else {
        ctx.err(dev ? `  Failed to find physical volume "${a}".\n` : `  Failed to find device for physical volume "${a}".\n`);
        status = 5;
      }
    }
  }
  const text = list.flatMap((pv) => pvBlock(lvm, pv)).map((l) => `${l}\n`).join('');
  if (text) ctx.out(text);
  return status;
};

/** vgdisplay [VG…]. */
export const vgdisplay: CommandHandler = (ctx) => {
  const lvm = ctx.machine.lvm;
  lvm.poll();
  const p = parseArgs('vgdisplay', ctx.argv.slice(1), displayOptions);
  if ('error' in p) return parseFailure(ctx, p.error);
  let status = 0;
  const names = p.positional.length ? p.positional : [...lvm.vgs.keys()].sort();
  let text = '';
  for (const n of names) {
    const vg = lvm.vgs.get(n);
    if (!vg) {
      ctx.err(`  Volume group "${n}" not found\n  Cannot process volume group ${n}\n`);
      status = 5;
      continue;
    }
    text += vgBlock(lvm, vg).map((l) => `${l}\n`).join('');
  }
  if (text) ctx.out(text);
  return status;
};

/** lvdisplay [-a] [VG|VG/LV…]. */
export const lvdisplay: CommandHandler = (ctx) => {
  const lvm = ctx.machine.lvm;
  lvm.poll();
  const p = parseArgs('lvdisplay', ctx.argv.slice(1), displayOptions);
  if ('error' in p) return parseFailure(ctx, p.error);
  let status = 0;
  let text = '';
  const vgNames = [...lvm.vgs.keys()].sort();
  const targets = p.positional.length ? p.positional : vgNames;
  for (const t of targets) {
    const [vgName, lvName] = t.replace(/^\/dev\//, '').split('/');
    const vg = lvm.vgs.get(vgName);
    if (!vg) {
      ctx.err(`  Volume group "${vgName}" not found\n  Cannot process volume group ${vgName}\n`);
      status = 5;
      continue;
    }
    const lvs = vg.lvs.filter((l) => (lvName ? l.name === lvName : p.opts.has('all') || !isHidden(l)));
    if (lvName && !lvs.length) {
      ctx.err(`  Failed to find logical volume "${vgName}/${lvName}"\n`);
      status = 5;
    }
    for (const lv of lvs) text += lvBlock(lvm, vg, lv).map((l) => `${l}\n`).join('');
  }
  if (text) ctx.out(text);
  return status;
};

/** lvmdiskscan. */
export const lvmdiskscan: CommandHandler = (ctx) => {
  const p = parseArgs('lvmdiskscan', ctx.argv.slice(1), [...commonOptions, { long: 'lvmpartition', short: 'l', value: false }]);
  if ('error' in p) return parseFailure(ctx, p.error);
  ctx.out(diskscan(ctx.machine.lvm).map((l) => `${l}\n`).join(''));
  return 0;
};
