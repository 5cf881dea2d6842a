// Parses a script into top-level commands with exact positions; a script that cannot be parsed runs nothing.
import type {
  AndOr,
  CaseItem,
  Command,
  CommandList,
  CompoundBody,
  CompoundCommand,
  FunctionDef,
  ParamOp,
  Pipeline,
  Redirect,
  SimpleCommand,
  TopLevelCommand,
  Word,
  WordPart,
} from './ast';
import { CondParser } from './condParser';
import { literalAppender } from './ast';

/** Where and why a script failed to parse (1-based line and column). */
export interface SyntaxError {
  line: number;
  col: number;
  message: string;
}

export type ParseResult = { ok: true; commands: TopLevelCommand[] } | { ok: false; error: SyntaxError };

class ParseFail {
  constructor(readonly error: SyntaxError) {}
}

const META = ' \t\n;&|<>()';
/** Reserved words, recognised only where a command starts and only as whole words. */
const RESERVED_RE = /^(if|then|elif|else|fi|for|while|until|do|done|case|esac|function|\[\[|\{|\})(?=[ \t\n;&|<>()]|$)/;
/** Reserved words that may start a function body. */
const COMPOUND_START = new Set(['if', 'for', 'while', 'until', 'case', '[[', '{']);
/** A function name as bash accepts it outside POSIX mode: no metacharacters, quotes, `$` or `=`. */
const FUNC_NAME_RE = /^[^ \t\n;&|<>()'"`$\\=]+/;

interface PendingHeredoc {
  redirect: { op: '<<'; fd: number; body: Word; delimiter: string };
  strip: boolean;
  quoted: boolean;
  line: number;
  col: number;
}

/** Recursive-descent parser over the script text (one instance per text; nested for backticks and heredoc bodies). */
export class Parser {
  pos = 0;
  private lineStarts: number[] = [0];
  private pending: PendingHeredoc[] = [];
  /** Set by `&>file`, which also sends stderr to the file. */
  private pendingDup = false;

  constructor(
    readonly src: string,
    private readonly lineOffset = 0,
    private readonly colOffset = 0,
  ) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  where(pos = this.pos): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, col: pos - this.lineStarts[lo] + 1 + (lo === 0 ? this.colOffset : 0) };
  }

  fail(message: string, pos = this.pos): never {
    throw new ParseFail({ ...this.where(pos), message });
  }

  peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }

  eof(): boolean {
    return this.pos >= this.src.length;
  }

  /** Skips blanks and backslash-newline continuations (not newlines). */
  skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else return;
    }
  }

  skipComment(): void {
    if (this.peek() !== '#') return;
    while (!this.eof() && this.peek() !== '\n') this.pos++;
  }

  /** Consumes a newline and reads the bodies of here-documents started on the line it ends. */
  newline(): void {
    this.pos++;
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) this.readHeredoc(h);
  }

  /** Skips blanks, comments and newlines (between commands, after `&&`, `|`). */
  skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      this.skipComment();
      if (this.peek() === '\n') this.newline();
      else return;
    }
  }

  private readHeredoc(h: PendingHeredoc): void {
    let body = '';
    const bodyStart = this.pos;
    for (;;) {
      if (this.eof()) {
        this.fail(
          `here-document at line ${h.line} delimited by end-of-file (wanted \`${h.redirect.delimiter}')`,
          bodyStart,
        );
      }
      let eol = this.src.indexOf('\n', this.pos);
      if (eol < 0) eol = this.src.length;
      let text = this.src.slice(this.pos, eol);
      if (h.strip) text = text.replace(/^\t+/, '');
      this.pos = Math.min(eol + 1, this.src.length);
      if (text === h.redirect.delimiter) break;
      body += text + '\n';
    }
    const { line, col } = this.where(bodyStart);
    if (h.quoted) h.redirect.body = { parts: [{ kind: 'lit', text: body, quoted: true }], line, col };
    else {
      const sub = new Parser(body, line - 1, col - 1);
      h.redirect.body = { parts: sub.parseQuotedText('heredoc'), line, col };
    }
  }

  /** The whole script as top-level commands. */
  parseScript(): TopLevelCommand[] {
    const out: TopLevelCommand[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.eof()) break;
      const start = this.pos;
      const { line } = this.where();
      const list = this.parseList(false);
      if (this.peek() === ')') this.fail("syntax error near unexpected token `)'");
      let end = this.pos;
      if (this.peek() === '\n') {
        this.newline();
        end = this.pos;
      }
      out.push({
        list,
        text: this.src
          .slice(start, end)
          .replace(/\n$/, '')
          .replace(/[ \t]+$/, ''),
        line,
      });
    }
    if (this.pending.length) {
      const h = this.pending[0];
      this.fail(`here-document at line ${h.line} delimited by end-of-file (wanted \`${h.redirect.delimiter}')`);
    }
    return out;
  }

  /** And-or chains separated by `;`/`&` (and newlines inside `$( … )`). */
  parseList(sub: boolean): CommandList {
    const items: AndOr[] = [];
    for (;;) {
      if (sub) this.skipLinebreaks();
      else {
        this.skipBlanks();
        this.skipComment();
      }
      const c = this.peek();
      if (this.eof() || c === '\n' || (sub && c === ')')) break;
      items.push(this.parseAndOr());
      this.skipBlanks();
      if ((this.peek() === ';' && this.peek(1) !== ';') || (this.peek() === '&' && this.peek(1) !== '&')) {
        this.pos++;
        continue;
      }
      const d = this.peek();
      if (this.eof() || d === '\n' || d === ')' || d === '#') continue;
      this.fail(`syntax error near unexpected token \`${d}'`);
    }
    return items;
  }

  parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.src.slice(this.pos, this.pos + 2);
      if (op !== '&&' && op !== '||') break;
      this.pos += 2;
      this.skipLinebreaks();
      rest.push({ op, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  parsePipeline(): Pipeline {
    this.skipBlanks();
    let negate = false;
    if (this.peek() === '!' && /[ \t]/.test(this.peek(1))) {
      negate = true;
      this.pos++;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '|' || this.peek(1) === '|') break;
      this.pos++;
      this.skipLinebreaks();
      commands.push(this.parseCommand());
    }
    return { commands, negate };
  }

  private unexpected(): never {
    const c = this.peek();
    if (this.eof()) this.fail('syntax error: unexpected end of file');
    if (c === '\n') this.fail("syntax error near unexpected token `newline'");
    const two = this.src.slice(this.pos, this.pos + 2);
    const tok = ['&&', '||', ';;', '>>', '<<'].includes(two) ? two : c;
    this.fail(`syntax error near unexpected token \`${tok}'`);
  }

  /** The reserved word starting at the current position, if any. */
  reservedAt(): string | null {
    const m = RESERVED_RE.exec(this.src.slice(this.pos, this.pos + 9));
    return m ? m[1] : null;
  }

  /** The token bash would name in "near unexpected token": an operator, `newline`, or the next word. */
  tokenAt(): string {
    const c = this.peek();
    if (c === '\n') return 'newline';
    const two = this.src.slice(this.pos, this.pos + 2);
    if (['&&', '||', ';;', '>>', '<<'].includes(two)) return two;
    if (META.includes(c)) return c;
    let end = this.pos;
    while (end < this.src.length && !META.includes(this.src[end])) end++;
    return this.src.slice(this.pos, end);
  }

  unexpectedToken(): never {
    if (this.eof()) this.fail('syntax error: unexpected end of file');
    this.fail(`syntax error near unexpected token \`${this.tokenAt()}'`);
  }

  /** A simple command, a function definition, or a compound command when a reserved word or `(` starts it. */
  parseCommand(): Command {
    this.skipBlanks();
    const at = this.where();
    const word = this.peek() === '(' ? '(' : this.reservedAt();
    let body: CompoundBody;
    switch (word) {
      case 'case':
        body = this.parseCase();
        break;
      case '[[':
        body = new CondParser(this).parse();
        break;
      case 'function':
        return this.parseFunction(at, true);
      case 'for':
        body = this.parseFor();
        break;
      case 'while':
      case 'until':
        this.pos += word.length;
        body = {
          kind: 'while',
          until: word === 'until',
          cond: this.parseCompoundList(['do']),
          body: this.parseDoGroup(),
        };
        break;
      case 'if':
        body = this.parseIf();
        break;
      case '{':
        this.pos++;
        body = { kind: 'group', body: this.parseCompoundList(['}']) };
        this.expectReserved('}');
        break;
      case '(':
        this.pos++;
        body = { kind: 'subshell', body: this.parseCompoundList([], true) };
        this.pos++;
        break;
      case null:
        return this.isFunctionStart() ? this.parseFunction(at, false) : this.parseSimple();
      default:
        this.fail(`syntax error near unexpected token \`${word}'`);
    }
    const cmd: CompoundCommand = { ...body, redirects: [], ...at };
    for (;;) {
      this.skipBlanks();
      const redir = this.tryRedirect();
      if (!redir) break;
      cmd.redirects.push(redir);
      if (this.pendingDup) cmd.redirects.push({ op: '>&', fd: 2, toFd: 1 });
      this.pendingDup = false;
    }
    const c = this.peek();
    if (!(this.eof() || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')' || c === '#'))
      this.unexpectedToken();
    return cmd;
  }

  /** Whether `name (` starts here: the only way a `(` may follow a command's first word. */
  private isFunctionStart(): boolean {
    const m = FUNC_NAME_RE.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) return false;
    let i = this.pos + m[0].length;
    while (this.src[i] === ' ' || this.src[i] === '\t') i++;
    return this.src[i] === '(';
  }

  /** `name () compound [redirections]` or `function name [()] compound [redirections]`. */
  private parseFunction(at: { line: number; col: number }, keyword: boolean): FunctionDef {
    if (keyword) {
      this.pos += 'function'.length;
      this.skipBlanks();
    }
    const m = FUNC_NAME_RE.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) this.unexpectedToken();
    const name = m![0];
    this.pos += name.length;
    this.skipBlanks();
    if (this.peek() === '(') {
      this.pos++;
      this.skipBlanks();
      if (this.peek() !== ')') this.unexpectedToken();
      this.pos++;
    } else if (!keyword) this.unexpectedToken();
    this.skipLinebreaks();
    const start = this.peek() === '(' ? '(' : this.reservedAt();
    if (!start || (start !== '(' && !COMPOUND_START.has(start))) this.unexpectedToken();
    const body = this.parseCommand() as CompoundCommand;
    return { kind: 'function', name, body, ...at };
  }

  /** `case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac` (a clause may also end with `;&` or `;;&`, the last one with nothing). */
  private parseCase(): CompoundBody {
    this.pos += 4;
    this.skipBlanks();
    if (this.eof() || META.includes(this.peek())) this.unexpectedToken();
    const word = this.parseWord();
    this.skipLinebreaks();
    if (!/^in(?=[ \t\n;&|<>()]|$)/.test(this.src.slice(this.pos, this.pos + 3))) this.unexpectedToken();
    this.pos += 2;
    const items: CaseItem[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.reservedAt() === 'esac') break;
      if (this.peek() === '(') this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        if (this.eof() || META.includes(this.peek())) this.unexpectedToken();
        patterns.push(this.parseWord());
        this.skipBlanks();
        const c = this.peek();
        this.pos++;
        if (c === ')') break;
        if (c !== '|') {
          this.pos--;
          this.unexpectedToken();
        }
      }
      const body = this.parseCaseBody();
      const end = ([';;&', ';;', ';&'] as const).find((t) => this.src.startsWith(t, this.pos));
      if (!end) {
        items.push({ patterns, body, end: ';;' });
        this.skipLinebreaks();
        if (this.reservedAt() !== 'esac') this.unexpectedToken();
        break;
      }
      this.pos += end.length;
      items.push({ patterns, body, end });
    }
    this.pos += 4;
    return { kind: 'case', word, items };
  }

  /** The commands of one case clause, up to `;;`, `;&`, `;;&` or `esac`; may be empty. */
  private parseCaseBody(): CommandList {
    const items: AndOr[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.eof()) this.fail('syntax error: unexpected end of file');
      if (this.peek() === ';' && ';&'.includes(this.peek(1))) break;
      if (this.reservedAt() === 'esac') break;
      items.push(this.parseAndOr());
      this.skipBlanks();
      const c = this.peek();
      if (c === ';' && ';&'.includes(this.peek(1))) break;
      if ((c === ';' || c === '&') && this.peek(1) !== '&') {
        this.pos++;
        continue;
      }
      if (c === '\n' || c === '#') continue;
      this.unexpectedToken();
    }
    return items;
  }

  /** Commands up to one of the reserved words `until` (or to `)` for a subshell); at least one is required. */
  private parseCompoundList(until: string[], paren = false): CommandList {
    const items: AndOr[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.eof()) this.fail('syntax error: unexpected end of file');
      const word = this.reservedAt();
      if ((word && until.includes(word)) || (paren && this.peek() === ')')) break;
      items.push(this.parseAndOr());
      this.skipBlanks();
      if ((this.peek() === ';' && this.peek(1) !== ';') || (this.peek() === '&' && this.peek(1) !== '&')) {
        this.pos++;
        continue;
      }
      const d = this.peek();
      if (this.eof() || d === '\n' || d === '#' || (paren && d === ')')) continue;
      this.unexpectedToken();
    }
    if (!items.length) this.unexpectedToken();
    return items;
  }

  /** Consumes the reserved word `word` after optional separators, or fails on what is there instead. */
  private expectReserved(word: string): void {
    this.skipLinebreaks();
    if (this.reservedAt() !== word) this.unexpectedToken();
    this.pos += word.length;
  }

  /** `do LIST done` */
  private parseDoGroup(): CommandList {
    this.expectReserved('do');
    const body = this.parseCompoundList(['done']);
    this.expectReserved('done');
    return body;
  }

  /** `for NAME [in WORDS] ; do LIST done` (the name is checked when the loop runs, as bash does). */
  private parseFor(): CompoundBody {
    this.pos += 3;
    this.skipBlanks();
    if (this.eof() || META.includes(this.peek())) this.unexpectedToken();
    const nameWord = this.parseWord();
    const name = nameWord.parts.map((p) => (p.kind === 'lit' ? p.text : '$')).join('');
    let items: Word[] | null = null;
    this.skipLinebreaks();
    if (/^in(?=[ \t\n;&|<>()]|$)/.test(this.src.slice(this.pos, this.pos + 3))) {
      this.pos += 2;
      items = [];
      for (;;) {
        this.skipBlanks();
        const c = this.peek();
        if (this.eof() || c === '\n' || c === ';') break;
        if (c === '#') {
          this.skipComment();
          break;
        }
        if (META.includes(c)) this.unexpectedToken();
        items.push(this.parseWord());
      }
      if (this.peek() === ';') this.pos++;
    } else if (this.peek() === ';') this.pos++;
    return { kind: 'for', name, items, body: this.parseDoGroup() };
  }

  /** `if LIST then LIST [elif LIST then LIST]… [else LIST] fi` */
  private parseIf(): CompoundBody {
    this.pos += 2;
    const clauses: { cond: CommandList; body: CommandList }[] = [];
    let otherwise: CommandList | null = null;
    for (;;) {
      const cond = this.parseCompoundList(['then']);
      this.expectReserved('then');
      clauses.push({ cond, body: this.parseCompoundList(['elif', 'else', 'fi']) });
      const next = this.reservedAt();
      if (next === 'elif') {
        this.pos += 4;
        continue;
      }
      if (next === 'else') {
        this.pos += 4;
        otherwise = this.parseCompoundList(['fi']);
      }
      this.expectReserved('fi');
      return { kind: 'if', clauses, otherwise };
    }
  }

  parseSimple(): SimpleCommand {
    this.skipBlanks();
    const at = this.where();
    const cmd: SimpleCommand = { kind: 'simple', assigns: [], words: [], redirects: [], ...at };
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (this.eof() || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')') break;
      if (c === '#' && (cmd.words.length || cmd.assigns.length || cmd.redirects.length)) {
        this.skipComment();
        break;
      }
      if (c === '(') this.fail("syntax error near unexpected token `('");
      const redir = this.tryRedirect();
      if (redir) {
        cmd.redirects.push(redir);
        if (this.pendingDup) cmd.redirects.push({ op: '>&', fd: 2, toFd: 1 });
        this.pendingDup = false;
        continue;
      }
      const word = this.parseWord();
      const first = word.parts[0];
      if (!cmd.words.length && first?.kind === 'lit' && !first.quoted) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
        if (m) {
          const rest: WordPart[] = [
            { kind: 'lit', text: first.text.slice(m[0].length), quoted: false },
            ...word.parts.slice(1),
          ];
          cmd.assigns.push({
            name: m[1],
            value: { parts: rest, line: word.line, col: word.col, src: word.src?.slice(m[0].length) },
          });
          continue;
        }
      }
      cmd.words.push(word);
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) this.unexpected();
    return cmd;
  }

  private tryRedirect(): Redirect | null {
    const m = /^(\d*)(>>|>&|<<-|<<|<&|&>|>\||>|<)/.exec(this.src.slice(this.pos, this.pos + 6));
    if (!m) return null;
    const start = this.pos;
    this.pos += m[0].length;
    const op = m[2];
    if (op === '&>' && m[1]) {
      this.pos = start;
      return null;
    }
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    this.skipBlanks();
    const c = this.peek();
    if (this.eof() || META.includes(c)) this.unexpected();
    const at = this.where();
    const target = this.parseWord();
    if (op === '>&' || op === '<&') {
      const t = target.parts.length === 1 && target.parts[0].kind === 'lit' ? target.parts[0].text : '';
      if (/^\d+$/.test(t)) return { op: '>&', fd, toFd: Number(t) };
      if (op === '>&') return { op: '>', fd, target };
      this.fail(`${t}: ambiguous redirect`, start);
    }
    if (op === '&>') {
      // `&>file` is `>file 2>&1`: the caller sees two redirections.
      this.pendingDup = true;
      return { op: '>', fd: 1, target };
    }
    if (op === '<<' || op === '<<-') {
      let delimiter = '';
      let quoted = false;
      for (const p of target.parts) {
        if (p.kind !== 'lit') this.fail('syntax error: bad here-document delimiter', start);
        delimiter += p.text;
        quoted ||= p.quoted;
      }
      const redirect = { op: '<<' as const, fd, body: { parts: [], line: at.line, col: at.col } as Word, delimiter };
      const w = this.where(start);
      this.pending.push({ redirect, strip: op === '<<-', quoted, line: w.line, col: w.col });
      return redirect;
    }
    return { op: op === '>|' ? '>' : (op as '>' | '>>' | '<'), fd, target };
  }

  /** A word up to the next unquoted metacharacter. */
  parseWord(): Word {
    const at = this.where();
    const start = this.pos;
    const parts: WordPart[] = [];
    const lit = literalAppender(parts);
    for (;;) {
      const c = this.peek();
      if (this.eof() || META.includes(c)) break;
      if (c === '\\') {
        if (this.peek(1) === '\n') this.pos += 2;
        else if (this.pos + 1 >= this.src.length) {
          this.pos++;
          lit('\\', false);
        } else {
          lit(this.peek(1), true);
          this.pos += 2;
        }
      } else if (!this.quotedPiece(c, false, lit, (p) => parts.push(p))) {
        lit(c, false);
        this.pos++;
      }
    }
    return { parts, ...at, src: this.src.slice(start, this.pos) };
  }

  /**
   * One quoting or expansion piece of a word at `c` (a '…' string unless inside double quotes, a "…" string, a `$`
   * expansion, a backquote substitution); false when `c` starts none of them.
   */
  quotedPiece(
    c: string,
    dquoted: boolean,
    lit: (text: string, quoted: boolean) => void,
    push: (p: WordPart) => void,
  ): boolean {
    if (c === "'" && !dquoted) {
      const end = this.src.indexOf("'", this.pos + 1);
      if (end < 0) this.fail('syntax error: unterminated quoted string', this.pos);
      lit(this.src.slice(this.pos + 1, end), true);
      this.pos = end + 1;
    } else if (c === '"') {
      const open = this.pos;
      this.pos++;
      const inner = this.parseQuotedText('dquote', open);
      if (!inner.length) lit('', true);
      for (const p of inner) {
        if (p.kind === 'lit') lit(p.text, true);
        else push(p);
      }
    } else if (c === '$') {
      const p = this.parseDollar(dquoted);
      if (p.kind === 'lit') lit(p.text, dquoted);
      else push(p);
    } else if (c === '`') push(this.parseBacktick(dquoted));
    else return false;
    return true;
  }

  /** Text of a double-quoted string (ends at `"`) or of a whole unquoted here-document body: only `$`, backquote and `\` are special. */
  parseQuotedText(mode: 'dquote' | 'heredoc', openPos = this.pos): WordPart[] {
    const parts: WordPart[] = [];
    const lit = (text: string) => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'lit') last.text += text;
      else parts.push({ kind: 'lit', text, quoted: true });
    };
    const escapable = mode === 'dquote' ? '$`"\\\n' : '$`\\\n';
    for (;;) {
      if (this.eof()) {
        if (mode === 'dquote') this.fail('syntax error: unterminated quoted string', openPos);
        break;
      }
      const c = this.peek();
      if (mode === 'dquote' && c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\' && escapable.includes(this.peek(1)) && this.pos + 1 < this.src.length) {
        if (this.peek(1) !== '\n') lit(this.peek(1));
        this.pos += 2;
      } else if (c === '$') {
        const p = this.parseDollar(true);
        if (p.kind === 'lit') lit(p.text);
        else parts.push(p);
      } else if (c === '`') {
        parts.push(this.parseBacktick(true));
      } else {
        lit(c);
        this.pos++;
      }
    }
    return parts;
  }

  /** `$NAME`, `${NAME}`, `$?`, `$( … )`, `$(( … ))`, `$[ … ]`; a lone `$` is literal. */
  parseDollar(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos++;
    const c = this.peek();
    if (c === '(' && this.peek(1) === '(') {
      this.pos += 2;
      return { kind: 'arith', expr: this.parseArith('))', start), quoted };
    }
    if (c === '(') {
      this.pos++;
      const list = this.parseList(true);
      if (this.peek() !== ')') this.fail("unexpected EOF while looking for matching `)'", start);
      this.pos++;
      return { kind: 'cmdsub', list, quoted };
    }
    if (c === '[') {
      this.pos++;
      return { kind: 'arith', expr: this.parseArith(']', start), quoted };
    }
    if (c === '{') return this.parseBraced(start, quoted);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$!@*-])/.exec(this.src.slice(this.pos, this.pos + 256));
    if (m) {
      this.pos += m[0].length;
      return { kind: 'var', name: m[0], quoted };
    }
    return { kind: 'lit', text: '$', quoted };
  }

  /** `${NAME}`, `${#NAME}`, `${NAME<op>word}`; the position is just after `$`. */
  private parseBraced(start: number, quoted: boolean): WordPart {
    this.pos++;
    const rest = this.src.slice(this.pos, this.pos + 256);
    const badSubstitution = (): never => {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) this.fail("unexpected EOF while looking for matching `}'", start);
      this.fail(`\${${this.src.slice(start + 2, end)}}: bad substitution`, start);
    };
    const len = /^#([A-Za-z_][A-Za-z0-9_]*|\d+|[?#$!@*-])\}/.exec(rest);
    if (len) {
      this.pos += len[0].length;
      return { kind: 'var', name: len[1], quoted, op: 'length' };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[?#$!@*-])/.exec(rest);
    if (!m) badSubstitution();
    const name = m![1];
    this.pos += name.length;
    if (this.peek() === '}') {
      this.pos++;
      return { kind: 'var', name, quoted };
    }
    const opm = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%)/.exec(this.src.slice(this.pos, this.pos + 2));
    if (!opm) badSubstitution();
    this.pos += opm![1].length;
    const at = this.where();
    const parts = this.parseBraceWord(start, quoted);
    return { kind: 'var', name, quoted, op: opm![1] as ParamOp, arg: { parts, ...at } };
  }

  /** The word of `${NAME<op>word}` up to the matching `}`: blanks are literal, quotes and expansions work as in a word. */
  private parseBraceWord(start: number, dquoted: boolean): WordPart[] {
    const parts: WordPart[] = [];
    const lit = literalAppender(parts);
    let depth = 0;
    for (;;) {
      if (this.eof()) this.fail("unexpected EOF while looking for matching `}'", start);
      const c = this.peek();
      if (c === '}' && depth === 0) {
        this.pos++;
        return parts;
      }
      if (c === '\\') {
        if (this.peek(1) !== '\n') lit(this.peek(1), true);
        this.pos += 2;
      } else if (!this.quotedPiece(c, dquoted, lit, (p) => parts.push(p))) {
        if (c === '{') depth++;
        if (c === '}') depth--;
        lit(c, dquoted);
        this.pos++;
      }
    }
  }

  /** Arithmetic text up to `))` or `]` (parentheses nest); `$` expansions inside are kept as parts. */
  private parseArith(close: string, start: number): Word {
    const at = this.where();
    const parts: WordPart[] = [];
    let depth = 0;
    const lit = (text: string) => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'lit') last.text += text;
      else parts.push({ kind: 'lit', text, quoted: true });
    };
    for (;;) {
      if (this.eof()) this.fail(`unexpected EOF while looking for matching \`${close === ']' ? ']' : ')'}'`, start);
      const c = this.peek();
      if (depth === 0 && this.src.startsWith(close, this.pos)) {
        this.pos += close.length;
        break;
      }
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (c === '$') {
        const p = this.parseDollar(true);
        if (p.kind === 'lit') lit(p.text);
        else parts.push(p);
      } else if (c === '`') parts.push(this.parseBacktick(true));
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else {
        lit(c);
        this.pos++;
      }
    }
    return { parts, ...at };
  }

  /** `` `cmd` ``: the text between backquotes (with \` \\ \$ unescaped) parsed as a command list. */
  private parseBacktick(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos++;
    let inner = '';
    for (;;) {
      if (this.eof()) this.fail("unexpected EOF while looking for matching ``'", start);
      const c = this.peek();
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\' && '`\\$'.includes(this.peek(1))) {
        inner += this.peek(1);
        this.pos += 2;
      } else {
        inner += c;
        this.pos++;
      }
    }
    const w = this.where(start + 1);
    const sub = new Parser(inner, w.line - 1, w.col - 1);
    const list = sub.parseList(true);
    if (!sub.eof()) sub.fail(`syntax error near unexpected token \`${sub.peek()}'`);
    return { kind: 'cmdsub', list, quoted };
  }
}

/** Parses a script; on error nothing of it may run. */
export function parseScript(src: string): ParseResult {
  try {
    return { ok: true, commands: new Parser(src).parseScript() };
  } catch (e) {
    if (e instanceof ParseFail) return { ok: false, error: e.error };
    throw e;
  }
}
