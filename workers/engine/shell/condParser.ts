// Parses bash's `[[ … ]]` conditional command: ! && || ( ), unary and binary tests, and `=~` regex words.
import { literalAppender, type CompoundBody, type CondExpr, type Word, type WordPart } from './ast';
import { UNARY_TESTS } from './commands/test';
import type { Parser } from './parser';

/** Binary operators written as words (`<` and `>` are operator tokens). */
const COND_BINARY = new Set(['=', '==', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** A recursive-descent parser over the tokens between `[[` and `]]`, reading words with the script parser. */
export class CondParser {
  private readonly start: number;

  constructor(private readonly p: Parser) {
    this.start = p.pos;
  }

  /** The whole `[[ … ]]`, positioned at `[[`. */
  parse(): CompoundBody {
    this.p.pos += 2;
    const expr = this.or();
    this.blanks();
    if (!this.atClose()) this.p.fail(`syntax error in conditional expression: unexpected token \`${this.token()}'`);
    this.p.pos += 2;
    return { kind: 'cond', expr };
  }

  /** Skips blanks; a newline or the end of the script inside `[[ ]]` is an error, as in bash. */
  private blanks(): void {
    this.p.skipBlanks();
    if (this.p.eof()) this.p.fail("unexpected EOF while looking for `]]'", this.start);
  }

  private atClose(): boolean {
    return this.p.src.startsWith(']]', this.p.pos) && /^([ \t\n;&|<>()]|$)/.test(this.p.peek(2));
  }

  /** Whether the next token ends an operand (`]]`, `&&`, `||`, `)`). */
  private atEnd(): boolean {
    const two = this.p.src.slice(this.p.pos, this.p.pos + 2);
    return this.atClose() || two === '&&' || two === '||' || this.p.peek() === ')';
  }

  private token(): string {
    return this.atClose() ? ']]' : this.p.tokenAt();
  }

  private or(): CondExpr {
    let left = this.and();
    for (;;) {
      this.blanks();
      if (!this.p.src.startsWith('||', this.p.pos)) return left;
      this.p.pos += 2;
      left = { kind: 'or', left, right: this.and() };
    }
  }

  private and(): CondExpr {
    let left = this.term();
    for (;;) {
      this.blanks();
      if (!this.p.src.startsWith('&&', this.p.pos)) return left;
      this.p.pos += 2;
      left = { kind: 'and', left, right: this.term() };
    }
  }

  private term(): CondExpr {
    this.blanks();
    const p = this.p;
    if (this.atEnd() || p.peek() === '\n')
      p.fail(`syntax error in conditional expression: unexpected token \`${this.token()}'`);
    if (p.peek() === '!' && /[ \t]/.test(p.peek(1))) {
      p.pos++;
      return { kind: 'not', expr: this.term() };
    }
    if (p.peek() === '(') {
      p.pos++;
      const expr = this.or();
      this.blanks();
      if (p.peek() !== ')') p.fail(`unexpected token \`${this.token()}', expected \`)'`);
      p.pos++;
      return expr;
    }
    const first = this.word();
    this.blanks();
    const op = literal(first);
    if (op !== null && UNARY_TESTS.has(op) && !this.atEnd()) return { kind: 'unary', op, arg: this.word() };
    if (op !== null && UNARY_TESTS.has(op) && this.atClose())
      p.fail("unexpected argument `]]' to conditional unary operator");
    if (this.atEnd()) return { kind: 'word', word: first };
    let bin: string | null = null;
    if (p.peek() === '<' || p.peek() === '>') bin = p.src[p.pos++];
    else if (p.peek() === '\n') p.fail("unexpected token `newline', conditional binary operator expected");
    else {
      const wpos = p.pos;
      bin = literal(this.word());
      if (bin === null || !COND_BINARY.has(bin)) p.fail('conditional binary operator expected', wpos);
    }
    this.blanks();
    if (this.atEnd() || p.peek() === '\n')
      p.fail(`unexpected argument \`${this.token()}' to conditional binary operator`);
    return { kind: 'binary', op: bin!, left: first, right: bin === '=~' ? this.regexWord() : this.word() };
  }

  private word(): Word {
    const p = this.p;
    if (p.peek() === '\n') p.fail("unexpected token `newline' in conditional command");
    if ('<>();&|'.includes(p.peek())) p.fail(`unexpected token \`${this.token()}' in conditional command`);
    return p.parseWord();
  }

  /** The right side of `=~`: up to a blank, with `(`, `)` and `|` taken literally (they belong to the regex). */
  private regexWord(): Word {
    const p = this.p;
    const at = p.where();
    const begin = p.pos;
    const parts: WordPart[] = [];
    const lit = literalAppender(parts);
    let depth = 0;
    for (;;) {
      const c = p.peek();
      if (p.eof() || (depth === 0 && /[ \t\n]/.test(c))) break;
      if (c === '\\' && p.pos + 1 < p.src.length) {
        lit(p.peek(1), true);
        p.pos += 2;
      } else if (!p.quotedPiece(c, false, lit, (x) => parts.push(x))) {
        if (c === '(') depth++;
        if (c === ')') depth--;
        lit(c, false);
        p.pos++;
      }
    }
    return { parts, ...at, src: p.src.slice(begin, p.pos) };
  }
}

/** The text of a word made only of unquoted literal characters (an operator), else null. */
function literal(w: Word): string | null {
  return w.parts.length === 1 && w.parts[0].kind === 'lit' && !w.parts[0].quoted ? w.parts[0].text : null;
}
