// `dmsetup info` in its long form and as the -c column report (libdm report: widths, alignment, padding).
import type { DmInfo } from '../deviceMapper';

/** The long form: one block per device, ending with an empty line. */
export function infoLong(i: DmInfo): string {
  const state = (i.suspended ? 'SUSPENDED' : 'ACTIVE') + (i.readOnly ? ' (READ-ONLY)' : '');
  const tables =
    !i.liveTable && !i.inactiveTable
      ? 'None'
      : `${i.liveTable ? 'LIVE' : ''}${i.liveTable && i.inactiveTable ? ' & ' : ''}${i.inactiveTable ? 'INACTIVE' : ''}`;
  let s = '';
  s += `Name:              ${i.name}\n`;
  s += `State:             ${state}\n`;
  s += `Read Ahead:        ${i.readAhead}\n`;
  s += `Tables present:    ${tables}\n`;
  s += `Open count:        ${i.openCount}\n`;
  s += `Event number:      ${i.eventNr}\n`;
  s += `Major, minor:      ${i.major}, ${i.minor}\n`;
  s += `Number of targets: ${i.targetCount}\n`;
  if (i.uuid) s += `UUID: ${i.uuid}\n`;
  return s + '\n';
}

/** The Stat column: live table, inactive table, suspended, read-only. */
export function infoAttr(i: DmInfo): string {
  return `${i.liveTable ? 'L' : '-'}${i.inactiveTable ? 'I' : '-'}${i.suspended ? 's' : '-'}${i.readOnly ? 'r' : 'w'}`;
}

// heading, minimum width, right-aligned (numbers), value
const columns: [string, number, boolean, (i: DmInfo) => string][] = [
  ['Name', 16, false, (i) => i.name],
  ['Maj', 3, true, (i) => String(i.major)],
  ['Min', 3, true, (i) => String(i.minor)],
  ['Stat', 4, false, infoAttr],
  ['Open', 4, true, (i) => String(i.openCount)],
  ['Targ', 4, true, (i) => String(i.targetCount)],
  ['Event', 6, true, (i) => String(i.eventNr)],
  ['UUID', 32, false, (i) => i.uuid],
];

/** `dmsetup info -c`: every column padded to its width, one space between columns. */
export function infoColumns(infos: DmInfo[], headings: boolean): string {
  const widths = columns.map(([h, min, , f]) => Math.max(min, h.length, ...infos.map((i) => f(i).length)));
  const row = (cells: string[], heading: boolean) =>
    cells.map((c, k) => (columns[k][2] && !heading ? c.padStart(widths[k]) : c.padEnd(widths[k]))).join(' ') + '\n';
  let s = headings ? row(columns.map((c) => c[0]), true) : '';
  for (const i of infos) s += row(columns.map((c) => c[3](i)), false);
  return s;
}
