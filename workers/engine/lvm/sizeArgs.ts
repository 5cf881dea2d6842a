// Parsers for lvm's size arguments: -l/--extents (N, N%VG|%FREE|%PVS|%ORIGIN) and -L/--size (number[unit]).
import { SECTOR } from '../units';

/** What a percentage refers to. */
export type PercentBase = 'VG' | 'FREE' | 'PVS' | 'ORIGIN' | 'LV' | null;

/** A parsed -l value: a count or a percent of a base, with an optional + or - sign. */
export interface ExtentsArg {
  sign: '' | '+' | '-';
  value: number;
  percent: PercentBase;
}

/** A parsed -L value in bytes with an optional sign. */
export interface SizeArg {
  sign: '' | '+' | '-';
  bytes: number;
}

/** Parses -l: returns null on a value lvm rejects ("Invalid argument for --extents"). */
export function parseExtentsArg(text: string): ExtentsArg | null {
  const m = /^([+-]?)(\d+)(?:%(VG|FREE|PVS|ORIGIN|LV))?$/i.exec(text);
  if (!m) return null;
  const value = Number(m[2]);
  if (!Number.isSafeInteger(value)) return null;
  const percent = m[3] ? (m[3].toUpperCase() as PercentBase) : null;
  return { sign: m[1] as ExtentsArg['sign'], value, percent };
}

const unitPower: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5, e: 6 };

/** Parses -L (default unit MiB; k m g t p e binary, either case; b bytes; s sectors): null when invalid. */
export function parseSizeArg(text: string, defaultUnit: 'k' | 'm' = 'm'): SizeArg | null {
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)([kmgtpebs]?)$/i.exec(text);
  if (!m) return null;
  const n = Number(m[2]);
  const unit = (m[3] || defaultUnit).toLowerCase();
  let bytes: number;
  if (unit === 's') bytes = n * SECTOR;
  else if (unit === 'b') bytes = n;
  else bytes = n * 1024 ** unitPower[unit];
  // lvm keeps sizes in whole sectors.
  bytes = Math.floor(bytes / SECTOR) * SECTOR;
  return { sign: m[1] as SizeArg['sign'], bytes };
}
