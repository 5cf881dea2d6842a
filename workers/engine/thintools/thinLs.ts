// thin_ls: per-device figures (mapped, exclusive, shared in blocks, sectors, bytes and human units) as a padded grid.
import type { PoolMetadata } from '../dm/poolMetadata';
import { exclusiveCounts } from './blockSharing';
import { formatDiskUnit } from './diskUnits';

/** Every field thin_ls 0.9.0 accepts in `-o`, in its help order. */
export const thinLsFields = [
  'DEV',
  'MAPPED_BLOCKS',
  'EXCLUSIVE_BLOCKS',
  'SHARED_BLOCKS',
  'MAPPED_SECTORS',
  'EXCLUSIVE_SECTORS',
  'SHARED_SECTORS',
  'MAPPED_BYTES',
  'EXCLUSIVE_BYTES',
  'SHARED_BYTES',
  'MAPPED',
  'EXCLUSIVE',
  'SHARED',
  'TRANSACTION',
  'CREATE_TIME',
  'SNAP_TIME',
] as const;

/** One thin_ls column name. */
export type ThinLsField = (typeof thinLsFields)[number];

/** The columns thin_ls prints without `-o`. */
export const defaultThinLsFields: ThinLsField[] = ['DEV', 'MAPPED', 'CREATE_TIME', 'SNAP_TIME'];

/** Per-device numbers behind every field. */
export interface ThinLsRow {
  dev: number;
  mappedBlocks: number;
  exclusiveBlocks: number;
  sharedBlocks: number;
  transaction: number;
  createTime: number;
  snapTime: number;
}

/** The figures of every device, in dev_id order (for views and tests as well as the grid). */
export function thinLsRows(md: PoolMetadata): ThinLsRow[] {
  const excl = exclusiveCounts(md);
  return [...md.devices]
    .sort((a, b) => a.devId - b.devId)
    .map((d) => {
      const e = excl.get(d.devId) ?? 0;
      return {
        dev: d.devId,
        mappedBlocks: d.mappedBlocks,
        exclusiveBlocks: e,
        sharedBlocks: d.mappedBlocks - e,
        transaction: d.transaction,
        createTime: d.creationTime,
        snapTime: d.snapTime,
      };
    });
}

/** A field's text for one row, as thin_ls prints it. */
export function thinLsValue(row: ThinLsRow, field: ThinLsField, dataBlockSize: number): string {
  const sectors = (blocks: number) => blocks * dataBlockSize;
  switch (field) {
    case 'DEV':
      return String(row.dev);
    case 'MAPPED_BLOCKS':
      return String(row.mappedBlocks);
    case 'EXCLUSIVE_BLOCKS':
      return String(row.exclusiveBlocks);
    case 'SHARED_BLOCKS':
      return String(row.sharedBlocks);
    case 'MAPPED_SECTORS':
      return String(sectors(row.mappedBlocks));
    case 'EXCLUSIVE_SECTORS':
      return String(sectors(row.exclusiveBlocks));
    case 'SHARED_SECTORS':
      return String(sectors(row.sharedBlocks));
    case 'MAPPED_BYTES':
      return String(sectors(row.mappedBlocks) * 512);
    case 'EXCLUSIVE_BYTES':
      return String(sectors(row.exclusiveBlocks) * 512);
    case 'SHARED_BYTES':
      return String(sectors(row.sharedBlocks) * 512);
    case 'MAPPED':
      return formatDiskUnit(sectors(row.mappedBlocks) * 512);
    case 'EXCLUSIVE':
      return formatDiskUnit(sectors(row.exclusiveBlocks) * 512);
    case 'SHARED':
      return formatDiskUnit(sectors(row.sharedBlocks) * 512);
    case 'TRANSACTION':
      return String(row.transaction);
    case 'CREATE_TIME':
      return String(row.createTime);
    case 'SNAP_TIME':
      return String(row.snapTime);
  }
}

/** Parses `-o A,B,C` as thin_ls does (empty items skipped); null when a name is unknown ("unknown field"). */
export function parseThinLsFields(spec: string): ThinLsField[] | null {
  const out: ThinLsField[] = [];
  for (const item of spec.split(',')) {
    if (item === '') continue;
    if (!(thinLsFields as readonly string[]).includes(item)) return null;
    out.push(item as ThinLsField);
  }
  return out;
}

/** Options of a listing. */
export interface ThinLsOptions {
  noHeaders?: boolean;
}

/** thin_ls's stdout: right-justified columns, each followed by one space. */
export function thinLs(md: PoolMetadata, fields: ThinLsField[] = defaultThinLsFields, opts: ThinLsOptions = {}): string {
  if (!fields.length) return '';
  const grid: string[][] = [];
  if (!opts.noHeaders) grid.push([...fields]);
  for (const row of thinLsRows(md)) grid.push(fields.map((f) => thinLsValue(row, f, md.dataBlockSize)));
  const widths = fields.map(() => 0);
  for (const r of grid) for (let c = 0; c < r.length; c++) if (r[c].length > widths[c]) widths[c] = r[c].length;
  return grid.map((r) => r.map((cell, c) => cell.padStart(widths[c]) + ' ').join('') + '\n').join('');
}
