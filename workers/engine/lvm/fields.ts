// The report fields of lvs, vgs and pvs (a subset of lvm2's columns.h), computed from the model and live pools.
import type { Lvm } from './lvm';
import type { Column } from './report';
import { isHidden, lvExtents, type LogicalVolume, type PhysicalVolume, type VolumeGroup } from './model';
import { formatUuid } from './uuid';
import { makePercent } from './lvResize';
import { PE_START } from './extents';
import { pvFreeExtents } from './allocate';
import { dmNameOf } from './activation';

/** How sizes print: lvm's default (r) or --units with an optional --nosuffix. */
export interface SizeFormat {
  units?: string;
  nosuffix?: boolean;
}

/** Formats a size for a report column. */
export function reportSize(lvm: Lvm, bytes: number, f: SizeFormat): string {
  if (!f.units) {
    const s = lvm.size(bytes, 'short');
    return f.nosuffix ? s.replace(/[a-z]$/, '') : s;
  }
  const u = f.units;
  const power = 'bkmgtpe'.indexOf(u.toLowerCase());
  const base = u === u.toUpperCase() && u !== 'B' ? 1000 : 1024;
  const v = bytes / base ** Math.max(0, power);
  return `${v.toFixed(2)}${f.nosuffix ? '' : u}`;
}

/** A row of lvs. */
export interface LvRow {
  vg: VolumeGroup;
  lv: LogicalVolume;
}

const percent = (p: number): string => (p / 1000000).toFixed(2);

/** The 10-character lv_attr. */
export function lvAttr(lvm: Lvm, vg: VolumeGroup, lv: LogicalVolume): string {
  const type = { 'thin-pool': 't', 'pool-data': 'T', 'pool-metadata': 'e', pmspare: 'e', linear: '-' }[lv.role];
  const state = lv.active ? 'a' : '-';
  const open = lvm.isOpen(vg, lv) ? 'o' : '-';
  const target = lv.role === 'thin-pool' ? 't' : '-';
  const zero = lv.pool?.zero ? 'z' : '-';
  let health = '-';
  const usage = lvm.poolUsage(vg, lv);
  if (usage?.mode === 'out-of-data-space') health = 'D';
  else if (usage?.mode === 'read-only') health = 'M';
  else if (usage?.mode === 'fail') health = 'F';
  return `${type}wi-${state}${open}${target}${zero}${health}${lv.activationSkip ? 'k' : '-'}`;
}

/** lvs fields. */
export function lvColumns(lvm: Lvm, f: SizeFormat): Column<LvRow>[] {
  const size = (r: LvRow) => reportSize(lvm, lvm.lvSizeExtents(r.vg, r.lv) * r.vg.extentSize, f);
  const dataPct = (r: LvRow) => {
    const u = lvm.poolUsage(r.vg, r.lv);
    return u && u.mode !== 'fail' ? percent(makePercent(u.usedData, u.totalData)) : '';
  };
  const metaPct = (r: LvRow) => {
    const u = lvm.poolUsage(r.vg, r.lv);
    return u && u.mode !== 'fail' ? percent(makePercent(u.usedMeta, u.totalMeta)) : '';
  };
  const name = (r: LvRow) => (isHidden(r.lv) ? `[${r.lv.name}]` : r.lv.name);
  const devices = (r: LvRow) => {
    if (r.lv.pool) return `${r.lv.pool.dataLv}(0)`;
    return r.lv.segments.map((s) => `${s.pv}(${s.pvStart})`).join(',');
  };
  const L = 'left' as const;
  const R = 'right' as const;
  return [
    { id: 'lv_name', heading: 'LV', align: L, width: 4, value: name },
    { id: 'vg_name', heading: 'VG', align: L, width: 4, value: (r) => r.vg.name },
    { id: 'lv_attr', heading: 'Attr', align: L, width: 4, value: (r) => lvAttr(lvm, r.vg, r.lv) },
    { id: 'lv_size', heading: 'LSize', align: R, width: 5, value: size },
    { id: 'pool_lv', heading: 'Pool', align: L, width: 4, value: () => '' },
    { id: 'origin', heading: 'Origin', align: L, width: 6, value: () => '' },
    { id: 'data_percent', heading: 'Data%', align: L, width: 6, value: dataPct },
    { id: 'metadata_percent', heading: 'Meta%', align: L, width: 6, value: metaPct },
    { id: 'move_pv', heading: 'Move', align: L, width: 4, value: () => '' },
    { id: 'mirror_log', heading: 'Log', align: L, width: 3, value: () => '' },
    { id: 'copy_percent', heading: 'Cpy%Sync', align: L, width: 8, value: () => '' },
    { id: 'convert_lv', heading: 'Convert', align: L, width: 7, value: () => '' },
    {
      id: 'seg_monitor',
      heading: 'Monitor',
      align: L,
      width: 7,
      value: (r) => (r.lv.role === 'thin-pool' && r.lv.active ? (r.lv.monitored ? 'monitored' : 'not monitored') : ''),
    },
    { id: 'lv_path', heading: 'Path', align: L, width: 4, value: (r) => (isHidden(r.lv) ? '' : `/dev/${r.vg.name}/${r.lv.name}`) },
    { id: 'lv_dm_path', heading: 'DMPath', align: L, width: 6, value: (r) => `/dev/mapper/${dmNameOf(r.vg.name, r.lv.name)}` },
    { id: 'lv_uuid', heading: 'LV UUID', align: L, width: 38, value: (r) => formatUuid(r.lv.uuid) },
    { id: 'lv_profile', heading: 'LProfile', align: L, width: 8, value: (r) => r.lv.profile ?? '' },
    {
      id: 'segtype',
      heading: 'Type',
      align: L,
      width: 4,
      value: (r) => (r.lv.role === 'thin-pool' ? 'thin-pool' : 'linear'),
    },
    {
      id: 'chunk_size',
      heading: 'Chunk',
      align: R,
      width: 5,
      value: (r) => reportSize(lvm, r.lv.pool?.chunkSize ?? 0, f),
    },
    {
      id: 'lv_metadata_size',
      heading: 'MSize',
      align: R,
      width: 5,
      value: (r) => {
        const m = r.lv.pool && r.vg.lvs.find((l) => l.name === r.lv.pool!.metadataLv);
        return m ? reportSize(lvm, lvExtents(m) * r.vg.extentSize, f) : '';
      },
    },
    { id: 'seg_count', heading: '#Seg', align: R, width: 4, value: (r) => String(r.lv.pool ? 1 : r.lv.segments.length) },
    { id: 'devices', heading: 'Devices', align: L, width: 5, value: devices },
    {
      id: 'lv_kernel_major',
      heading: 'KMaj',
      align: R,
      width: 4,
      value: (r) => String(lvm.devnoOf(r.vg, r.lv)?.major ?? -1),
    },
    {
      id: 'lv_kernel_minor',
      heading: 'KMin',
      align: R,
      width: 4,
      value: (r) => String(lvm.devnoOf(r.vg, r.lv)?.minor ?? -1),
    },
  ];
}

/** Other names -o accepts for an lvs field. */
export function lvAliases(id: string): string[] {
  const extra: Record<string, string[]> = {
    lv_name: ['name', 'lv'],
    lv_attr: ['attr'],
    lv_size: ['size'],
    pool_lv: ['pool'],
    data_percent: ['data%', 'datapercent'],
    metadata_percent: ['meta%', 'metapercent'],
    copy_percent: ['cpy%sync', 'sync_percent'],
    seg_monitor: ['monitor'],
    lv_uuid: ['uuid'],
    lv_path: ['path'],
    segtype: ['seg_type', 'type'],
    chunk_size: ['chunksize', 'chunk'],
    lv_profile: ['profile'],
    seg_count: ['segments'],
    lv_metadata_size: ['metadata_size'],
    lv_kernel_major: ['kernel_major'],
    lv_kernel_minor: ['kernel_minor'],
  };
  return [id.replace(/^lv_/, ''), ...(extra[id] ?? [])];
}

/** vgs fields. */
export function vgColumns(lvm: Lvm, f: SizeFormat): Column<VolumeGroup>[] {
  const L = 'left' as const;
  const R = 'right' as const;
  return [
    { id: 'vg_name', heading: 'VG', align: L, width: 4, value: (vg) => vg.name },
    { id: 'pv_count', heading: '#PV', align: R, width: 3, value: (vg) => String(vg.pvs.length) },
    { id: 'lv_count', heading: '#LV', align: R, width: 3, value: (vg) => String(lvm.visibleLvs(vg).length) },
    { id: 'snap_count', heading: '#SN', align: R, width: 3, value: () => '0' },
    { id: 'vg_attr', heading: 'Attr', align: L, width: 5, value: () => 'wz--n-' },
    { id: 'vg_size', heading: 'VSize', align: R, width: 5, value: (vg) => reportSize(lvm, lvm.vgExtents(vg) * vg.extentSize, f) },
    { id: 'vg_free', heading: 'VFree', align: R, width: 5, value: (vg) => reportSize(lvm, lvm.vgFree(vg) * vg.extentSize, f) },
    { id: 'vg_extent_size', heading: 'Ext', align: R, width: 3, value: (vg) => reportSize(lvm, vg.extentSize, f) },
    { id: 'vg_extent_count', heading: '#Ext', align: R, width: 4, value: (vg) => String(lvm.vgExtents(vg)) },
    { id: 'vg_free_count', heading: 'Free', align: R, width: 4, value: (vg) => String(lvm.vgFree(vg)) },
    { id: 'vg_uuid', heading: 'VG UUID', align: L, width: 38, value: (vg) => formatUuid(vg.uuid) },
    { id: 'vg_seqno', heading: 'Seq', align: R, width: 3, value: (vg) => String(vg.seqno) },
  ];
}

/** Other names -o accepts for a vgs field. */
export function vgAliases(id: string): string[] {
  const extra: Record<string, string[]> = { vg_attr: ['attr'], vg_size: ['size'], vg_free: ['free'], vg_name: ['name'] };
  return [id.replace(/^vg_/, ''), ...(extra[id] ?? [])];
}

/** pvs fields. */
export function pvColumns(lvm: Lvm, f: SizeFormat): Column<PhysicalVolume>[] {
  const L = 'left' as const;
  const R = 'right' as const;
  const vgOf = (pv: PhysicalVolume) => (pv.vg ? lvm.vgs.get(pv.vg) : undefined);
  const free = (pv: PhysicalVolume) => {
    const vg = vgOf(pv);
    return vg ? pvFreeExtents(vg, lvm.pvs, pv.device) : 0;
  };
  return [
    { id: 'pv_name', heading: 'PV', align: L, width: 10, value: (pv) => pv.device },
    { id: 'vg_name', heading: 'VG', align: L, width: 4, value: (pv) => pv.vg ?? '' },
    { id: 'pv_fmt', heading: 'Fmt', align: L, width: 3, value: () => 'lvm2' },
    { id: 'pv_attr', heading: 'Attr', align: L, width: 4, value: (pv) => (pv.vg ? 'a--' : '---') },
    {
      id: 'pv_size',
      heading: 'PSize',
      align: R,
      width: 5,
      value: (pv) => reportSize(lvm, pv.vg ? pv.peCount * vgOf(pv)!.extentSize : pv.size, f),
    },
    {
      id: 'pv_free',
      heading: 'PFree',
      align: R,
      width: 5,
      value: (pv) => reportSize(lvm, pv.vg ? free(pv) * vgOf(pv)!.extentSize : pv.size, f),
    },
    { id: 'dev_size', heading: 'DevSize', align: R, width: 7, value: (pv) => reportSize(lvm, pv.size, f) },
    { id: 'pe_start', heading: '1st PE', align: R, width: 7, value: () => reportSize(lvm, PE_START, f) },
    { id: 'pv_pe_count', heading: 'PE', align: R, width: 3, value: (pv) => String(pv.peCount) },
    { id: 'pv_pe_alloc_count', heading: 'Alloc', align: R, width: 5, value: (pv) => String(pv.vg ? pv.peCount - free(pv) : 0) },
    { id: 'pv_uuid', heading: 'PV UUID', align: L, width: 38, value: (pv) => formatUuid(pv.uuid) },
  ];
}

/** Other names -o accepts for a pvs field. */
export function pvAliases(id: string): string[] {
  const extra: Record<string, string[]> = { pv_attr: ['attr'], pv_size: ['size', 'psize'], pv_free: ['free', 'pfree'], pv_name: ['name'] };
  return [id.replace(/^pv_/, ''), ...(extra[id] ?? [])];
}
