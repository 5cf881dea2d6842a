// awk's lexer: newlines are tokens (they end statements), `/` is a regex where an operand is expected, else division.
import { expandToText } from './escapes';

export type TokKind = 'num' | 'str' | 're' | 'name' | 'func' | 'builtin' | 'kw' | 'nl' | 'op' | 'eof';

/** One token with its place in the program (for gawk's caret). */
export interface Tok {
  kind: TokKind;
  text: string;
  at: number;
}

/** A syntax error at a source offset, reported gawk's way. */
export class AwkSyntaxError {
  constructor(
    readonly at: number,
    readonly why = 'syntax error',
  ) {}
}

export const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
  'function',
  'func',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'close',
  'system',
  'fflush',
]);

const OPS = [
  '**=',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '!~',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '>>',
  '**',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

/** After these a newline is no statement end (awk lets lines continue there). */
const CONTINUES = new Set([',', '{', '&&', '||', 'do', 'else']);

/** Tokens after which `/` divides: they end an operand. */
const ENDS_OPERAND = (t: Tok | undefined) =>
  !!t &&
  (t.kind === 'num' ||
    t.kind === 'str' ||
    t.kind === 'name' ||
    (t.kind === 'builtin' && t.text === 'length') ||
    (t.kind === 'op' && [')', ']', '$', '++', '--'].includes(t.text)));

/** Splits an awk program into tokens. */
export function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const last = () => toks[toks.length - 1];
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const at = i;
    if (c === '\n') {
      i++;
      const prev = last();
      if (prev && CONTINUES.has(prev.text) && prev.kind !== 'str') continue;
      toks.push({ kind: 'nl', text: '\n', at });
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new AwkSyntaxError(j, 'unterminated string');
        if (src[j] === '\\' && j + 1 < src.length) {
          if (src[j + 1] === '\n') j += 2;
          else if (src[j + 1] === '/') {
            raw += '/';
            j += 2;
          } else {
            raw += src.slice(j, j + 2);
            j += 2;
          }
          continue;
        }
        raw += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError(at, 'unterminated string');
      toks.push({ kind: 'str', text: expandToText(raw, 'format').text, at });
      i = j + 1;
      continue;
    }
    if (c === '/' && !ENDS_OPERAND(last())) {
      let j = i + 1;
      let body = '';
      let inClass = false;
      while (j < src.length && (src[j] !== '/' || inClass)) {
        if (src[j] === '\n') throw new AwkSyntaxError(at, 'unterminated regexp');
        if (src[j] === '\\' && j + 1 < src.length) {
          body += src[j + 1] === '/' ? '/' : src.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (src[j] === '[' && !inClass) inClass = true;
        else if (src[j] === ']' && inClass && body[body.length - 1] !== '[') inClass = false;
        body += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError(at, 'unterminated regexp');
      toks.push({ kind: 're', text: body, at });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(src.slice(i, i + 64));
    if (num) {
      toks.push({ kind: 'num', text: num[0], at });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (word) {
      const w = word[0];
      i += w.length;
      const kind: TokKind = KEYWORDS.has(w) ? 'kw' : BUILTINS.has(w) ? 'builtin' : src[i] === '(' ? 'func' : 'name';
      toks.push({ kind, text: w === 'func' ? 'function' : w, at });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(at, `invalid char '${c}' in expression`);
    toks.push({ kind: 'op', text: op === '**' ? '^' : op === '**=' ? '^=' : op, at });
    i += op.length;
  }
  toks.push({ kind: 'eof', text: '', at: src.length });
  return toks;
}
