// pvdisplay / vgdisplay / lvdisplay blocks, in lvm2 2.02's layout.
import type { Lvm } from './lvm';
import { isHidden, type LogicalVolume, type PhysicalVolume, type VolumeGroup } from './model';
import { formatUuid } from './uuid';
import { pvFreeExtents } from './allocate';
import { makePercent } from './lvResize';

const row = (label: string, value: string, width = 22) => `  ${label.padEnd(width)}${value}`;

/** One pvdisplay block (NEW Physical volume for an orphan). */
export function pvBlock(lvm: Lvm, pv: PhysicalVolume): string[] {
  const vg = pv.vg ? lvm.vgs.get(pv.vg) : undefined;
  if (!vg) {
    return [
      `  "${pv.device}" is a new physical volume of "${lvm.size(pv.size, 'long')}"`,
      '  --- NEW Physical volume ---',
      row('PV Name', pv.device),
      row('VG Name', ''),
      row('PV Size', lvm.size(pv.size, 'long')),
      row('Allocatable', 'NO'),
      row('PE Size', '0   '),
      row('Total PE', '0'),
      row('Free PE', '0'),
      row('Allocated PE', '0'),
      row('PV UUID', formatUuid(pv.uuid)),
      '   ',
    ];
  }
  const free = pvFreeExtents(vg, lvm.pvs, pv.device);
  const notUsable = pv.size - pv.peCount * vg.extentSize;
  return [
    '  --- Physical volume ---',
    row('PV Name', pv.device),
    row('VG Name', vg.name),
    row('PV Size', `${lvm.size(pv.size, 'long')} / not usable ${lvm.size(notUsable, 'long')}`),
    row('Allocatable', free === 0 ? 'yes (but full)' : 'yes '),
    row('PE Size', lvm.size(vg.extentSize, 'long')),
    row('Total PE', String(pv.peCount)),
    row('Free PE', String(free)),
    row('Allocated PE', String(pv.peCount - free)),
    row('PV UUID', formatUuid(pv.uuid)),
    '   ',
  ];
}

/** PVs in pvdisplay's order: by VG (name order), in VG order, then orphans. */
export function pvsInOrder(lvm: Lvm): PhysicalVolume[] {
  const out: PhysicalVolume[] = [];
  for (const vg of [...lvm.vgs.values()].sort((a, b) => (a.name < b.name ? -1 : 1)))
    for (const p of vg.pvs) out.push(lvm.pvs.get(p)!);
  for (const pv of lvm.pvs.values()) if (!pv.vg) out.push(pv);
  return out;
}

/** One vgdisplay block. */
export function vgBlock(lvm: Lvm, vg: VolumeGroup): string[] {
  const total = lvm.vgExtents(vg);
  const free = lvm.vgFree(vg);
  const visible = lvm.visibleLvs(vg);
  const open = visible.filter((l) => lvm.isOpen(vg, l)).length;
  const ext = vg.extentSize;
  return [
    '  --- Volume group ---',
    row('VG Name', vg.name),
    row('System ID', ''),
    row('Format', 'lvm2'),
    row('Metadata Areas', String(vg.pvs.length)),
    row('Metadata Sequence No', String(vg.seqno)),
    row('VG Access', 'read/write'),
    row('VG Status', 'resizable'),
    row('MAX LV', '0'),
    row('Cur LV', String(visible.length)),
    row('Open LV', String(open)),
    row('Max PV', '0'),
    row('Cur PV', String(vg.pvs.length)),
    row('Act PV', String(vg.pvs.length)),
    row('VG Size', lvm.size(total * ext, 'long')),
    row('PE Size', lvm.size(ext, 'long')),
    row('Total PE', String(total)),
    row('Alloc PE / Size', `${total - free} / ${lvm.size((total - free) * ext, 'long')}`),
    row('Free  PE / Size', `${free} / ${lvm.size(free * ext, 'long')}`),
    row('VG UUID', formatUuid(vg.uuid)),
    '   ',
  ];
}

function creationTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** One lvdisplay block (hidden LVs only with -a). */
export function lvBlock(lvm: Lvm, vg: VolumeGroup, lv: LogicalVolume): string[] {
  const w = 23;
  const out = ['  --- Logical volume ---'];
  if (!isHidden(lv) && lv.role !== 'thin-pool') out.push(row('LV Path', `/dev/${vg.name}/${lv.name}`, w));
  out.push(row('LV Name', lv.name, w), row('VG Name', vg.name, w), row('LV UUID', formatUuid(lv.uuid), w));
  out.push(row('LV Write Access', 'read/write', w));
  out.push(row('LV Creation host, time', `${lvm.profile.hostname}, ${creationTime(lv.created)}`, w));
  if (lv.pool) out.push(row('LV Pool metadata', lv.pool.metadataLv, w), row('LV Pool data', lv.pool.dataLv, w));
  out.push(row('LV Status', lv.active ? 'available' : 'NOT available', w));
  if (lv.active) out.push(row('# open', String(lvm.dmPort.openCount(lvm.dmName(vg, lv))), w));
  const extents = lvm.lvSizeExtents(vg, lv);
  out.push(row('LV Size', lvm.size(extents * vg.extentSize, 'long'), w));
  const usage = lvm.poolUsage(vg, lv);
  if (usage) {
    const pct = (n: number, d: number) => `${(makePercent(n, d) / 1000000).toFixed(2)}%`;
    out.push(row('Allocated pool data', pct(usage.usedData, usage.totalData), w));
    out.push(row('Allocated metadata', pct(usage.usedMeta, usage.totalMeta), w));
  }
  out.push(row('Current LE', String(extents), w), row('Segments', String(lv.pool ? 1 : lv.segments.length), w));
  out.push(row('Allocation', 'inherit', w), row('Read ahead sectors', 'auto', w));
  const devno = lvm.devnoOf(vg, lv);
  if (devno) {
    out.push(row('- currently set to', lv.pool ? String(lv.pool.chunkSize / 512) : '8192', w));
    out.push(row('Block device', `${devno.major}:${devno.minor}`, w));
  }
  out.push('   ');
  return out;
}
