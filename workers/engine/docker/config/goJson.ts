// A JSON reader that fails the way Go's encoding/json Decoder does (same checks, same order, same error texts).

/** A decoded JSON value, keeping number text (Go prints it in type errors) and object key order. */
export type GoJsonValue =
  | { t: 'object'; entries: [string, GoJsonValue][] }
  | { t: 'array'; items: GoJsonValue[] }
  | { t: 'string'; v: string }
  | { t: 'number'; raw: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' };

/** The first value of the input, or Go's error text ("EOF", "unexpected EOF", "invalid character …"). */
export type GoJsonResult = { ok: true; value: GoJsonValue } | { ok: false; error: string };

/** Go's quoteChar: the offending character as it appears in "invalid character X …". */
export function goQuoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const code = c.codePointAt(0) ?? 0;
  // Go's scanner sees bytes: a multi-byte character is reported by its first UTF-8 byte, read as Latin-1.
  if (code > 0x7f) return `'${String.fromCharCode(new TextEncoder().encode(c)[0])}'`;
  const esc: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a' };
  if (esc[c]) return `'${esc[c]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class Fail {
  constructor(readonly message: string) {}
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Decodes the first JSON value of `text` like json.NewDecoder(r).Decode: trailing bytes after it are not read. */
export function goDecode(text: string): GoJsonResult {
  let i = 0;
  const eof = (): never => {
    throw new Fail('unexpected EOF');
  };
  const bad = (c: string, ctx: string): never => {
    throw new Fail(`invalid character ${goQuoteChar(c)} ${ctx}`);
  };
  const peekNonSpace = (): string | undefined => {
    while (i < text.length && isSpace(text[i])) i++;
    return text[i];
  };
  const literal = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      const c = text[i + k];
      if (c === undefined) {
        i += k;
        eof();
      }
      if (c !== word[k]) bad(c, `in literal ${word} (expecting ${goQuoteChar(word[k])})`);
    }
    i += word.length;
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) eof();
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) eof();
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
          continue;
        }
        if (e !== 'u') bad(e, 'in string escape code');
        let hex = '';
        for (let k = 2; k < 6; k++) {
          const h = text[i + k];
          if (h === undefined) eof();
          if (!/[0-9a-fA-F]/.test(h)) bad(h, 'in \\u hexadecimal character escape');
          hex += h;
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) bad(c, 'in string literal');
      out += c;
      i++;
    }
  };
  const num = (): string => {
    const start = i;
    const digits = (): void => {
      while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
    };
    if (text[i] === '-') {
      i++;
      const c = text[i];
      if (c === undefined) eof();
      if (!(c >= '0' && c <= '9')) bad(c, 'in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      const c = text[i];
      if (c === undefined) eof();
      if (!(c >= '0' && c <= '9')) bad(c, 'after decimal point in numeric literal');
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      const c = text[i];
      if (c === undefined) eof();
      if (!(c >= '0' && c <= '9')) bad(c, 'in exponent of numeric literal');
      digits();
    }
    return text.slice(start, i);
  };
  const value = (top: boolean): GoJsonValue => {
    const next = peekNonSpace();
    if (next === undefined) {
      if (top) throw new Fail('EOF');
      return eof();
    }
    const c: string = next;
    switch (c) {
      case '{': {
        i++;
        const entries: [string, GoJsonValue][] = [];
        let k = peekNonSpace();
        if (k === undefined) eof();
        if (k === '}') {
          i++;
          return { t: 'object', entries };
        }
        for (;;) {
          if (k !== '"') bad(k as string, 'looking for beginning of object key string');
          const key = str();
          const colon = peekNonSpace();
          if (colon === undefined) eof();
          if (colon !== ':') bad(colon as string, 'after object key');
          i++;
          entries.push([key, value(false)]);
          const sep = peekNonSpace();
          if (sep === undefined) eof();
          if (sep === '}') {
            i++;
            return { t: 'object', entries };
          }
          if (sep !== ',') bad(sep as string, 'after object key:value pair');
          i++;
          k = peekNonSpace();
          if (k === undefined) eof();
        }
      }
      case '[': {
        i++;
        const items: GoJsonValue[] = [];
        const first = peekNonSpace();
        if (first === undefined) eof();
        if (first === ']') {
          i++;
          return { t: 'array', items };
        }
        for (;;) {
          items.push(value(false));
          const sep = peekNonSpace();
          if (sep === undefined) eof();
          if (sep === ']') {
            i++;
            return { t: 'array', items };
          }
          if (sep !== ',') bad(sep as string, 'after array element');
          i++;
        }
      }
      case '"':
        return { t: 'string', v: str() };
      case 't':
        literal('true');
        return { t: 'bool', v: true };
      case 'f':
        literal('false');
        return { t: 'bool', v: false };
      case 'n':
        literal('null');
        return { t: 'null' };
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return { t: 'number', raw: num() };
        return bad(c, 'looking for beginning of value');
    }
  };
  try {
    return { ok: true, value: value(true) };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.message };
    throw e;
  }
}

/** The plain JavaScript value of a decoded JSON value (numbers as float64, like interface{}). */
export function toPlain(v: GoJsonValue): unknown {
  switch (v.t) {
    case 'object':
      return Object.fromEntries(v.entries.map(([k, x]) => [k, toPlain(x)]));
    case 'array':
      return v.items.map(toPlain);
    case 'string':
      return v.v;
    case 'number':
      return Number(v.raw);
    case 'bool':
      return v.v;
    case 'null':
      return null;
  }
}

/** Go's name of a JSON value's kind in UnmarshalTypeError ("string", "number", "bool", "array", "object"). */
export function goKindName(v: GoJsonValue): string {
  return v.t === 'null' ? 'null' : v.t;
}
