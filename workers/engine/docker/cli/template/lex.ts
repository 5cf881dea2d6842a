// text/template's lexer (Go 1.7, delimiters {{ }}): items with their byte positions, errors as items.

export type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'field'
  | 'variable'
  | 'dot'
  | 'identifier'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'colonEquals'
  | 'char'
  | 'leftParen'
  | 'rightParen'
  | 'keyword'
  | 'eof'
  | 'error';

export interface Item {
  type: ItemType;
  val: string;
  pos: number;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block']);

/** The item as the parser quotes it in errors ("unexpected %s in operand"). */
export function itemText(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (i.type === 'keyword') return `<${i.val}>`;
  const q = goQuote(i.val);
  return [...i.val].length > 10 ? `${goQuote([...i.val].slice(0, 10).join(''))}...` : q;
}

/** strconv.Quote for the printable texts templates hold. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Go's %#U of a rune: U+0040 '@'. */
function runeU(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}

const isSpace = (c: string) => c === ' ' || c === '\t';
const isEol = (c: string) => c === '\n' || c === '\r';
const isAlnum = (c: string) => /^[\p{L}\p{Nd}_]$/u.test(c);

/** All items of `src`, ending with eof or the first error. */
export function lex(src: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let parenDepth = 0;
  const emit = (type: ItemType, start: number, end: number) =>
    items.push({ type, val: src.slice(start, end), pos: start });
  const fail = (msg: string, at: number) => {
    items.push({ type: 'error', val: msg, pos: at });
    return items;
  };
  const atTerminator = (p: number) => {
    const c = src[p];
    return c === undefined || isSpace(c) || isEol(c) || '.,|:)('.includes(c) || c === '}';
  };
  for (;;) {
    // Text up to the next action.
    const open = src.indexOf('{{', pos);
    if (open < 0) {
      if (pos < src.length) emit('text', pos, src.length);
      items.push({ type: 'eof', val: '', pos: src.length });
      return items;
    }
    let textEnd = open;
    const trimLeft = src.startsWith('{{- ', open) || src.startsWith('{{-\t', open) || src.startsWith('{{-\n', open);
    if (trimLeft) while (textEnd > pos && /\s/.test(src[textEnd - 1])) textEnd--;
    if (textEnd > pos) emit('text', pos, textEnd);
    let p = open + 2 + (trimLeft ? 2 : 0);
    // Comments: {{/* ... */}}.
    if (src.startsWith('/*', p)) {
      const close = src.indexOf('*/', p);
      if (close < 0) return fail('unclosed comment', open);
      let after = close + 2;
      let trimRight = false;
      if (src.startsWith(' -}}', after)) {
        trimRight = true;
        after += 2;
      }
      if (!src.startsWith('}}', after)) return fail('comment ends before closing delimiter', open);
      pos = after + 2;
      if (trimRight) while (pos < src.length && /\s/.test(src[pos])) pos++;
      continue;
    }
    items.push({ type: 'leftDelim', val: '{{', pos: open });
    // Inside the action.
    for (;;) {
      const trimRight = (src.startsWith(' -}}', p) || src.startsWith('\t-}}', p)) && true;
      if (trimRight || src.startsWith('}}', p)) {
        if (trimRight) {
          emit('space', p, p + 1);
          p += 2;
        }
        if (parenDepth) return fail('unclosed left paren', p);
        items.push({ type: 'rightDelim', val: '}}', pos: p });
        p += 2;
        if (trimRight) while (p < src.length && /\s/.test(src[p])) p++;
        pos = p;
        break;
      }
      const c = src[p];
      if (c === undefined || isEol(c)) return fail('unclosed action', p);
      const start = p;
      if (isSpace(c)) {
        while (isSpace(src[p] ?? '')) p++;
        emit('space', start, p);
      } else if (c === ':') {
        if (src[p + 1] !== '=') return fail('expected :=', p);
        p += 2;
        emit('colonEquals', start, p);
      } else if (c === '|') {
        emit('pipe', p, ++p);
      } else if (c === '"') {
        p++;
        for (;;) {
          const d = src[p];
          if (d === '\\') p += 2;
          else if (d === undefined || isEol(d)) return fail('unterminated quoted string', start);
          else if (d === '"') break;
          else p++;
        }
        emit('string', start, ++p);
      } else if (c === '`') {
        const close = src.indexOf('`', p + 1);
        if (close < 0) return fail('unterminated raw quoted string', start);
        p = close + 1;
        emit('rawString', start, p);
      } else if (c === '$' || c === '.') {
        if (c === '.' && !isAlnum(src[p + 1] ?? '')) {
          if (src[p + 1] !== undefined && /[0-9]/.test(src[p + 1]))
            return fail(`bad number syntax: "${src.slice(p, p + 2)}"`, p);
          emit('dot', p, ++p);
          continue;
        }
        p++;
        while (isAlnum(src[p] ?? '')) p++;
        if (!atTerminator(p)) return fail(`bad character ${runeU(src[p])}`, p);
        emit(c === '$' ? 'variable' : 'field', start, p);
      } else if (/[0-9+-]/.test(c)) {
        while (/[0-9a-zA-Z._+-]/.test(src[p + 1] ?? '')) p++;
        p++;
        const text = src.slice(start, p);
        if (!/^[+-]?(0[xX][0-9a-fA-F]+|\d+(\.\d*)?([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(text))
          return fail(`bad number syntax: "${text}"`, start);
        emit('number', start, p);
      } else if (isAlnum(c)) {
        while (isAlnum(src[p] ?? '')) p++;
        if (!atTerminator(p)) return fail(`bad character ${runeU(src[p])}`, p);
        const word = src.slice(start, p);
        emit(
          KEYWORDS.has(word)
            ? 'keyword'
            : word === 'true' || word === 'false'
              ? 'bool'
              : word === 'nil'
                ? 'nil'
                : 'identifier',
          start,
          p,
        );
      } else if (c === '(') {
        parenDepth++;
        emit('leftParen', p, ++p);
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail(`unexpected right paren ${runeU(c)}`, p);
        emit('rightParen', p, ++p);
      } else if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) {
        emit('char', p, ++p);
      } else {
        return fail(`unrecognized character in action: ${runeU(c)}`, p);
      }
    }
  }
}
