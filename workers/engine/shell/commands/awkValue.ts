// awk's values: numbers, strings, and strnums (input that looks numeric), with CONVFMT/OFMT and printf conversions.
import { formatInteger } from './printf';
import { formatFloat, pad } from './printfFormat';

/** Input text that looks like a number: compares as a number, prints as typed. */
export class StrNum {
  constructor(
    readonly s: string,
    readonly n: number,
  ) {}
}

export type Val = number | string | StrNum;

/** An uninitialized value: "" and 0 at once. */
export const UNINIT = new StrNum('', 0);

const NUMERIC = /^[ \t\n]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[ \t\n]*$/;
const PREFIX = /^[ \t\n]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;

/** A value read from input (fields, getline, split, -v): a strnum when it looks numeric. */
export function fromInput(s: string): Val {
  return NUMERIC.test(s) ? new StrNum(s, Number(s.trim())) : s;
}

/** The number of a value: strings convert by their longest numeric prefix (strtod). */
export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (v instanceof StrNum) return v.n;
  const m = PREFIX.exec(v);
  return m ? Number(m[0].trim()) : 0;
}

/** A number as text: integral values as integers, others through `fmt` (CONVFMT or OFMT). */
export function numText(n: number, fmt: string): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e16 ? String(n) : BigInt(n).toString();
  // x86's default NaN (log(-1), sqrt(-1), inf-inf) has its sign bit set: glibc prints it -nan.
  if (Number.isNaN(n)) return '-nan';
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf';
  return sprintf(fmt, [n]);
}

export function toStr(v: Val, fmt: string): string {
  if (typeof v === 'number') return numText(v, fmt);
  return v instanceof StrNum ? v.s : v;
}

export function truthy(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v instanceof StrNum) return v.s === '' ? false : v.n !== 0;
  return v !== '';
}

const isNumeric = (v: Val) => typeof v === 'number' || v instanceof StrNum;

/** awk's comparison: numeric when both sides are numbers or strnums, else as strings (CONVFMT). */
export function compare(a: Val, b: Val, convfmt: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a, convfmt);
  const y = toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A format wanting more arguments than it got (gawk makes that fatal). */
export class FormatRanOut {
  constructor(
    readonly format: string,
    /** Where the conversion that found no argument ends (gawk's caret goes there). */
    readonly at: number,
  ) {}
}

/** awk's sprintf: C conversions through the shared formatter (numbers from strings as awk converts them). */
export function sprintf(format: string, args: Val[], convfmt = '%.6g'): string {
  let idx = 0;
  let end = 0;
  const next = (): Val => {
    if (idx >= args.length) throw new FormatRanOut(format, end);
    return args[idx++];
  };
  return format.replace(
    /%([-+ #0]*)(\*|\d*)(?:\.(\*|\d*))?([diouxXeEfFgGcs%])/g,
    (m: string, flags: string, w: string, prec: string | undefined, c: string, offset: number) => {
      end = offset + m.length - 1;
      if (c === '%') return '%';
      let width = w === '*' ? toNum(next()) : Number(w || 0);
      if (width < 0) {
        flags += '-';
        width = -width;
      }
      const p = prec === '*' ? toNum(next()) : prec;
      const precision = p === undefined ? undefined : Number(p || 0);
      const v = next();
      let text: string;
      let numeric = true;
      if ('diouxX'.includes(c)) {
        const n = Math.trunc(toNum(v));
        text = Number.isFinite(n)
          ? formatInteger(BigInt(n), c === 'i' ? 'd' : c, flags, precision)
          : formatFloat(n, 'f', flags, 0);
      } else if ('eEfFgG'.includes(c)) text = formatFloat(toNum(v), c, flags, precision);
      else {
        numeric = false;
        if (c === 'c')
          text =
            typeof v === 'number' || (v instanceof StrNum && v !== UNINIT)
              ? charOf(Math.trunc(toNum(v)))
              : toStr(v, convfmt).slice(0, 1);
        else {
          text = toStr(v, convfmt);
          if (precision !== undefined) text = text.slice(0, precision);
        }
      }
      return pad(text, width, flags.includes('-'), numeric && flags.includes('0') && !flags.includes('-'));
    },
  );
}

/** %c of a number: its character; codes beyond Unicode keep their low byte as C's (char) cast does. */
function charOf(code: number): string {
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : String.fromCharCode(((code % 256) + 256) % 256);
}
