// C's floating-point conversions (%f %e %g %a) with glibc's round-half-even on exact ties, and bash's %q quoting.

/** x rounded to `digits` after the point as a decimal string; ties that are exact in binary go to the even digit. */
function fixed(x: number, digits: number): string {
  const s = x.toFixed(Math.min(100, digits));
  if (digits >= 100) return s;
  // toFixed rounds ties away from zero; C rounds the exact binary value, ties to even.
  const exact = x.toFixed(Math.min(100, digits + 30));
  const tail = exact.slice(exact.length - 30);
  if (!/^50*$/.test(tail)) return s;
  const kept = exact.slice(0, exact.length - 30);
  const last = kept.replace(/\D/g, '').slice(-1);
  return Number(last) % 2 === 0 ? kept.replace(/\.$/, '') : s;
}

/** d.ddde±XX: mantissa rounded to `digits` decimals, exponent at least two digits. */
function exponential(x: number, digits: number): { mantissa: string; exp: number } {
  if (x === 0) return { mantissa: fixed(0, digits), exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  let m = fixed(x / 10 ** exp, digits);
  if (Math.abs(Number(m)) >= 10) {
    exp += 1;
    m = fixed(x / 10 ** exp, digits);
  }
  return { mantissa: m, exp };
}

const expText = (e: number) => (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');

/** Drops the trailing zeros of %g (and the point when nothing is left after it). */
const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** A floating conversion with its flags (+, space, #) and precision (default 6). */
export function formatFloat(x: number, conv: string, flags: string, precision: number | undefined): string {
  const upper = conv === conv.toUpperCase();
  const sign = x < 0 || Object.is(x, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const v = Math.abs(x);
  let body: string;
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : 'inf';
  else if (conv === 'f' || conv === 'F') body = fixed(v, precision ?? 6);
  else if (conv === 'e' || conv === 'E') {
    const r = exponential(v, precision ?? 6);
    body = `${r.mantissa}e${expText(r.exp)}`;
  } else if (conv === 'g' || conv === 'G') {
    const p = precision === 0 ? 1 : (precision ?? 6);
    const r = exponential(v, p - 1);
    body =
      p > r.exp && r.exp >= -4
        ? fixed(v, p - 1 - r.exp)
        : `${flags.includes('#') ? r.mantissa : trimZeros(r.mantissa)}e${expText(r.exp)}`;
    if (!flags.includes('#') && !body.includes('e')) body = trimZeros(body);
  } else body = hexFloat(v, precision);
  if (flags.includes('#') && !body.includes('.') && /^\d+(e|$)/.test(body)) body = body.replace(/^(\d+)/, '$1.');
  body = upper ? body.toUpperCase() : body;
  return sign + body;
}

/** %a: 0x1.hhhp±d. */
function hexFloat(v: number, precision: number | undefined): string {
  if (v === 0) return '0x0p+0';
  let exp = Math.floor(Math.log2(v));
  let mant = v / 2 ** exp;
  if (mant >= 2) {
    mant /= 2;
    exp += 1;
  }
  let frac = (mant - 1).toString(16).slice(2);
  if (precision !== undefined) frac = frac.slice(0, precision).padEnd(precision, '0');
  return `0x1${frac ? '.' + frac : ''}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/** bash's %q: '' for empty, else a backslash before each character the shell would treat specially. */
export function quoteShell(s: string): string {
  if (s === '') return "''";
  const control = (c: string) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127;
  if ([...s].some(control)) {
    const esc = [...s.replace(/[\\']/g, '\\$&')].map((c) => {
      if (!control(c)) return c;
      const named: Record<string, string> = {
        '\n': '\\n',
        '\t': '\\t',
        '\r': '\\r',
        '\x1b': '\\E',
        '\x07': '\\a',
        '\b': '\\b',
        '\f': '\\f',
        '\v': '\\v',
      };
      return named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
    });
    return `$'${esc.join('')}'`;
  }
  return s.replace(/[ !"#$&'()*,;<>?[\\\]^`{|}]|^~/g, '\\$&');
}

/** Pads a converted field to its width: left with '-', with zeros after the sign/prefix when allowed. */
export function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (!zero) return s.padStart(width);
  const pre = /^([-+ ]?(?:0[xX])?)/.exec(s)![1];
  return pre + s.slice(pre.length).padStart(width - pre.length, '0');
}
