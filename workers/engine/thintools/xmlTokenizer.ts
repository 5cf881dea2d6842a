// A streaming, non-validating XML tokenizer for thin_dump files: elements and attributes only, errors worded as expat's.
import { decodeEntities } from './xmlEntities';

/** Receives elements in document order; may throw a ThinXmlError to stop the parse. */
export interface XmlHandler {
  startElement(name: string, attrNames: string[], attrValues: string[]): void;
  endElement(name: string): void;
}

/** A parse failure: `message` is what thin_restore prints on stderr; `line` is set for expat syntax errors. */
export class ThinXmlError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly exitStatus = 1,
  ) {
    super(message);
  }
}

// A single tag larger than this is refused rather than buffered: it can only be hostile.
const maxTokenChars = 1 << 20;

const enum Need {
  More = -1,
}

/** Feeds chunks of XML text to a handler; call `end()` after the last chunk. */
export class XmlTokenizer {
  private buf = '';
  private pos = 0;
  private linesBefore = 0;
  private stack: string[] = [];
  private rootClosed = false;
  private atStart = true;
  private names: string[] = [];
  private values: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  /** Parses as much of the text so far as forms complete tokens. */
  push(chunk: string): void {
    if (this.pos > 0) {
      this.linesBefore += countLines(this.buf, 0, this.pos);
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.run(false);
  }

  /** Finishes the document: anything left open is an error. */
  end(): void {
    this.run(true);
    if (!this.rootClosed) throw this.syntax('no element found', this.buf.length);
  }

  private line(at: number): number {
    return this.linesBefore + countLines(this.buf, 0, at) + 1;
  }

  private syntax(msg: string, at: number): ThinXmlError {
    const line = this.line(at);
    return new ThinXmlError(`Parse error at line ${line}:\n${msg}\n\n`, line);
  }

  private run(final: boolean): void {
    const buf = this.buf;
    let i = this.pos;
    const n = buf.length;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) {
        let upTo = textEnd;
        if (lt < 0 && !final) {
          // An entity reference may be cut by the chunk boundary: keep it for the next push.
          const amp = buf.lastIndexOf('&', n - 1);
          if (amp >= i) upTo = amp;
        }
        this.text(i, upTo);
        i = upTo;
        if (lt < 0) break;
      }
      const next = this.token(lt, final);
      if (next === Need.More) {
        if (n - lt > maxTokenChars) throw this.syntax('token too long for the sandbox', lt);
        if (final) throw this.syntax('unclosed token', lt);
        break;
      }
      i = next;
      this.atStart = false;
    }
    this.pos = i;
  }

  private text(from: number, to: number): void {
    const buf = this.buf;
    const inside = this.stack.length > 0;
    if (!inside) {
      for (let k = from; k < to; k++) {
        const c = buf.charCodeAt(k);
        if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) continue;
        if (c === 0xfeff && this.atStart && k === 0) continue;
        throw this.syntax(this.rootClosed ? 'junk after document element' : 'syntax error', k);
      }
      this.atStart = false;
      return;
    }
    // Scan only this text: indexOf would run on to the end of the buffer for every tag.
    let amp = -1;
    for (let k = from; k < to; k++)
      if (buf.charCodeAt(k) === 0x26) {
        amp = k;
        break;
      }
    if (amp >= 0) {
      const r = decodeEntities(buf.slice(amp, to));
      if ('error' in r) throw this.syntax(r.error, amp);
    }
  }

  /** Handles the markup at `lt`; returns the index after it, or Need.More. */
  private token(lt: number, final: boolean): number {
    const buf = this.buf;
    if (lt + 1 >= buf.length) return Need.More;
    const c = buf.charCodeAt(lt + 1);
    if (c === 0x2f /* / */) return this.endTag(lt);
    if (c === 0x3f /* ? */) {
      const close = buf.indexOf('?>', lt + 2);
      if (close < 0) return Need.More;
      if (/^<\?xml[\s?]/i.test(buf.slice(lt, lt + 6)) && !(this.atStart && lt === this.leadingBom()))
        throw this.syntax('XML or text declaration not at start of entity', lt);
      return close + 2;
    }
    if (c === 0x21 /* ! */) {
      if (buf.length - lt < 9 && !final) return Need.More;
      if (buf.startsWith('<!--', lt)) {
        const close = buf.indexOf('-->', lt + 4);
        return close < 0 ? Need.More : close + 3;
      }
      if (buf.startsWith('<![CDATA[', lt)) {
        if (!this.stack.length) throw this.syntax(this.rootClosed ? 'junk after document element' : 'syntax error', lt);
        const close = buf.indexOf(']]>', lt + 9);
        return close < 0 ? Need.More : close + 3;
      }
      // thin_restore's expat would expand internal entities; the sandbox refuses any DTD so nothing can blow up.
      if (buf.startsWith('<!DOCTYPE', lt)) throw this.syntax('DOCTYPE is not allowed (entity expansion refused by the sandbox)', lt);
      throw this.syntax('syntax error', lt);
    }
    return this.startTag(lt);
  }

  private leadingBom(): number {
    return this.buf.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  private endTag(lt: number): number {
    const buf = this.buf;
    const gt = buf.indexOf('>', lt + 2);
    if (gt < 0) return Need.More;
    const name = buf.slice(lt + 2, gt).trimEnd();
    if (!isName(name)) throw this.syntax('not well-formed (invalid token)', lt);
    if (!this.stack.length) throw this.syntax('junk after document element', lt);
    if (this.stack[this.stack.length - 1] !== name) throw this.syntax('mismatched tag', lt);
    this.stack.pop();
    this.handler.endElement(name);
    if (!this.stack.length) this.rootClosed = true;
    return gt + 1;
  }

  private startTag(lt: number): number {
    const buf = this.buf;
    const n = buf.length;
    let j = lt + 1;
    while (j < n && isNameChar(buf.charCodeAt(j), j === lt + 1)) j++;
    if (j === n) return Need.More;
    if (j === lt + 1) throw this.syntax('not well-formed (invalid token)', lt);
    if (this.rootClosed) throw this.syntax('junk after document element', lt);
    const name = buf.slice(lt + 1, j);
    const names = this.names;
    const values = this.values;
    names.length = 0;
    values.length = 0;
    for (;;) {
      const wsStart = j;
      while (j < n && isSpace(buf.charCodeAt(j))) j++;
      if (j === n) return Need.More;
      const c = buf.charCodeAt(j);
      if (c === 0x3e /* > */) {
        this.open(name, lt);
        return j + 1;
      }
      if (c === 0x2f /* / */) {
        if (j + 1 === n) return Need.More;
        if (buf.charCodeAt(j + 1) !== 0x3e) throw this.syntax('not well-formed (invalid token)', j);
        this.open(name, lt);
        this.stack.pop();
        this.handler.endElement(name);
        if (!this.stack.length) this.rootClosed = true;
        return j + 2;
      }
      if (j === wsStart || !isNameChar(c, true)) throw this.syntax('not well-formed (invalid token)', j);
      const nameStart = j;
      while (j < n && isNameChar(buf.charCodeAt(j), false)) j++;
      if (j === n) return Need.More;
      const attr = buf.slice(nameStart, j);
      while (j < n && isSpace(buf.charCodeAt(j))) j++;
      if (j === n) return Need.More;
      if (buf.charCodeAt(j) !== 0x3d /* = */) throw this.syntax('not well-formed (invalid token)', j);
      j++;
      while (j < n && isSpace(buf.charCodeAt(j))) j++;
      if (j === n) return Need.More;
      const q = buf.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw this.syntax('not well-formed (invalid token)', j);
      const close = buf.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close < 0) return Need.More;
      let value = buf.slice(j + 1, close);
      for (let k = 0; k < value.length; k++) {
        const v = value.charCodeAt(k);
        if (v === 0x3c || (v < 0x20 && v !== 0x09 && v !== 0x0a && v !== 0x0d))
          throw this.syntax('not well-formed (invalid token)', j + 1 + k);
      }
      if (value.indexOf('&') >= 0) {
        const r = decodeEntities(value);
        if ('error' in r) throw this.syntax(r.error, j);
        value = r.text;
      }
      if (names.indexOf(attr) >= 0) throw this.syntax('duplicate attribute', nameStart);
      names.push(attr);
      values.push(value);
      j = close + 1;
    }
  }

  private open(name: string, lt: number): void {
    if (this.rootClosed) throw this.syntax('junk after document element', lt);
    this.stack.push(name);
    this.handler.startElement(name, this.names, this.values);
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isNameChar(c: number, first: boolean): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80) return true;
  if (first) return false;
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function isName(s: string): boolean {
  if (!s.length || !isNameChar(s.charCodeAt(0), true)) return false;
  for (let k = 1; k < s.length; k++) if (!isNameChar(s.charCodeAt(k), false)) return false;
  return true;
}

function countLines(s: string, from: number, to: number): number {
  let count = 0;
  let k = s.indexOf('\n', from);
  while (k >= 0 && k < to) {
    count++;
    k = s.indexOf('\n', k + 1);
  }
  return count;
}
