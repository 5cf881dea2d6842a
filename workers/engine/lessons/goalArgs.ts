// Goal ids: `name` or `name:arg:arg…`, so a lesson names a check and its parameters in one plain string.
import { parseCoreutilsSize } from '../units';

/** A goal id split into its check name and arguments. */
export interface GoalRef {
  name: string;
  args: string[];
}

/** Splits `lvm.chunk:docker/thinpool:512K` into name and arguments. */
export function parseGoalId(id: string): GoalRef {
  const [name, ...args] = id.split(':');
  return { name, args };
}

/** A size argument (`200G`, `512K`, `1024`: binary units, as truncate reads them), or NaN. */
export function sizeArg(text: string | undefined): number {
  if (text === undefined) return NaN;
  const r = parseCoreutilsSize(text);
  return r.ok ? r.bytes : NaN;
}

/** A block number argument, decimal or hex (`0x44f`), or NaN. */
export function blockArg(text: string | undefined): number {
  if (text === undefined || !/^(0x[0-9a-f]+|\d+)$/i.test(text)) return NaN;
  return Number(text);
}

/** `vg/lv` split in two; an argument without a slash has an empty VG. */
export function lvArg(text: string | undefined): { vg: string; lv: string } {
  const [vg, lv] = (text ?? '').includes('/') ? (text ?? '').split('/') : ['', text ?? ''];
  return { vg, lv };
}
