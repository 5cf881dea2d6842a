// Go's strconv as Docker uses it for option values: ParseBool/ParseUint/ParseInt and their error texts.

/** strconv.Quote for the texts of error messages (escapes quotes, backslashes and control characters). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A parsed value or Go's error text. */
export type GoParsed<T> = { ok: true; value: T } | { ok: false; error: string };

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** strconv.ParseBool. */
export function parseBool(s: string): GoParsed<boolean> {
  if (TRUE.includes(s)) return { ok: true, value: true };
  if (FALSE.includes(s)) return { ok: true, value: false };
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` };
}

/** strconv.ParseUint(s, 10, bits): digits only, "value out of range" past 2^bits − 1. */
export function parseUint(s: string, bits: 32 | 64): GoParsed<number> {
  if (!/^[0-9]+$/.test(s)) return { ok: false, error: `strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax` };
  const n = BigInt(s);
  if (n > (1n << BigInt(bits)) - 1n) return { ok: false, error: `strconv.ParseUint: parsing ${goQuote(s)}: value out of range` };
  return { ok: true, value: Number(n) };
}

/** strconv.ParseInt(s, 10, bits): optional sign, then digits. */
export function parseInt(s: string, bits: 32 | 64): GoParsed<number> {
  if (!/^[+-]?[0-9]+$/.test(s)) return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const n = BigInt(s);
  const lim = 1n << BigInt(bits - 1);
  if (n >= lim || n < -lim) return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  return { ok: true, value: Number(n) };
}
