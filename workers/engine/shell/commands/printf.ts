// bash's printf builtin: the format is reused while arguments remain; C conversions on 64-bit integers and doubles.
import type { CommandContext } from '../types';
import { bytesToText, expandEscapes } from './escapes';
import { formatFloat, pad, quoteShell } from './printfFormat';

/** One conversion: %[flags][width][.precision]conv. */
const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfFgGaAcsbq%])?/y;

const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 63n - 1n;

/** An integer argument as strtoimax reads it (0x hex, 0 octal, 'c for a character code); bad tails are reported. */
function integerArg(arg: string, complain: (msg: string) => void): bigint {
  if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
  const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(arg);
  if (!m) {
    if (arg !== '') complain(`${arg}: invalid number`);
    return 0n;
  }
  if (m[0].length !== arg.length) complain(`${arg}: invalid number`);
  const digits = m[2];
  let v = /^0[xX]/.test(digits)
    ? BigInt(digits)
    : digits.length > 1 && digits[0] === '0'
      ? BigInt('0o' + digits.slice(1))
      : BigInt(digits);
  if (m[1] === '-') v = -v;
  if (v < INT_MIN || v > INT_MAX) {
    complain(`warning: ${arg}: Numerical result out of range`);
    v = v < 0n ? INT_MIN : INT_MAX;
  }
  return v;
}

/** A floating-point argument as strtold reads it. */
function floatArg(arg: string, complain: (msg: string) => void): number {
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const m = /^\s*[-+]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/i.exec(arg);
  if (!m) {
    if (arg !== '') complain(`${arg}: invalid number`);
    return 0;
  }
  if (m[0].length !== arg.length) complain(`${arg}: invalid number`);
  const t = m[0].trim().toLowerCase();
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[-+]/, '');
  if (body.startsWith('inf')) return sign * Infinity;
  if (body === 'nan') return NaN;
  return sign * (body.startsWith('0x') ? parseInt(body, 16) : Number(body));
}

/** An integer conversion with C's flags: precision is a minimum digit count, # adds 0x or a leading 0. */
export function formatInteger(v: bigint, conv: string, flags: string, precision: number | undefined): string {
  const unsigned = 'ouxX'.includes(conv);
  const u = unsigned ? BigInt.asUintN(64, v) : v < 0n ? -v : v;
  let digits =
    conv === 'o'
      ? u.toString(8)
      : conv === 'x'
        ? u.toString(16)
        : conv === 'X'
          ? u.toString(16).toUpperCase()
          : u.toString();
  if (precision !== undefined) digits = precision === 0 && u === 0n ? '' : digits.padStart(precision, '0');
  if (flags.includes('#') && conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
  if (flags.includes('#') && (conv === 'x' || conv === 'X') && u !== 0n) digits = (conv === 'x' ? '0x' : '0X') + digits;
  const sign = unsigned ? '' : v < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  return sign + digits;
}

export function printf(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  if (a[0] === '--') a.shift();
  if (a[0] === '-v') {
    ctx.err('bash: printf: -v: not supported by the sandbox\n');
    return 2;
  }
  if (!a.length || (a[0].startsWith('-') && a[0] !== '-')) {
    if (a.length) ctx.err(`bash: printf: ${a[0].slice(0, 2)}: invalid option\n`);
    ctx.err('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const fmt = a[0];
  const args = a.slice(1);
  let status = 0;
  const complain = (msg: string) => {
    ctx.err(`bash: printf: ${msg}\n`);
    status = 1;
  };
  const out: number[] = [];
  const text = (t: string) => out.push(...new TextEncoder().encode(t));
  let k = 0;
  const next = () => args[k++] ?? '';
  // One pass over the format; false when \c in a %b argument stopped all output, or on an invalid conversion.
  const pass = (): boolean => {
    let i = 0;
    while (i < fmt.length) {
      const pct = fmt.indexOf('%', i);
      const lit = pct < 0 ? fmt.slice(i) : fmt.slice(i, pct);
      out.push(...expandEscapes(lit, 'format').bytes);
      if (pct < 0) break;
      SPEC.lastIndex = pct;
      const m = SPEC.exec(fmt)!;
      i = SPEC.lastIndex;
      const conv = m[4];
      if (!conv || (conv === '%' && m[0] !== '%%')) {
        ctx.err(`bash: printf: \`${conv ?? fmt[i] ?? ''}': invalid format character\n`);
        status = 1;
        return false;
      }
      if (conv === '%') {
        text('%');
        continue;
      }
      let flags = m[1];
      let width = m[2] === '*' ? Number(integerArg(next(), complain)) : Number(m[2] ?? 0);
      if (width < 0) {
        flags += '-';
        width = -width;
      }
      const pr = m[3] === '*' ? Number(integerArg(next(), complain)) : m[3];
      const precision = pr === undefined || (typeof pr === 'number' && pr < 0) ? undefined : Number(pr);
      const left = flags.includes('-');
      const arg = next();
      let s: string;
      let zeroOk = false;
      if ('diouxX'.includes(conv)) {
        s = formatInteger(integerArg(arg, complain), conv, flags, precision);
        zeroOk = precision === undefined;
      } else if ('eEfFgGaA'.includes(conv)) {
        s = formatFloat(floatArg(arg, complain), conv, flags, precision);
        zeroOk = /\d/.test(s[s.length - 1]);
      } else if (conv === 'c') s = arg ? String.fromCodePoint(arg.codePointAt(0)!) : '';
      else if (conv === 'b') {
        const r = expandEscapes(arg, 'b');
        s = bytesToText(r.bytes);
        if (precision !== undefined) s = s.slice(0, precision);
        text(pad(s, width, left, false));
        if (r.stop) return false;
        continue;
      } else {
        s = conv === 'q' ? quoteShell(arg) : arg;
        if (precision !== undefined) s = s.slice(0, precision);
      }
      text(pad(s, width, left, zeroOk && flags.includes('0') && !left));
    }
    return true;
  };
  // The format is used again while arguments remain, as long as a pass consumed some.
  for (;;) {
    const before = k;
    if (!pass()) break;
    if (k >= args.length || k === before) break;
  }
  ctx.out(bytesToText(out));
  return status;
}
