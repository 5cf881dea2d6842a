// awk's evaluator: walks the parsed program over the records, with a step budget so no script can hang the engine.
import type { CommandContext } from '../types';
import { resolvePath } from '../../host/paths';
import { failed, strerror } from '../../host/errno';
import type { Expr, Program, Redirect, Stmt } from './awkParse';
import { compilePosix } from './regex';
import { expandToText } from './escapes';
import { longest, replaceMatches, unclosedBracket } from './awkMatch';
import { AwkFatal, AwkOutput } from './awkOutput';
import { nextRecord, splitByRegex, splitFields, type Source } from './awkRecords';
import { compare, FormatRanOut, fromInput, numText, sprintf, toNum, toStr, truthy, UNINIT, type Val } from './awkValue';

/** Statements and loop turns one awk run may take before it is stopped. */
export const STEP_BUDGET = 1_000_000;

type Cell = Val | Map<string, Val>;

class Break {}
class Continue {}
class Next {}
class NextFile {}
class Exit {
  constructor(readonly code: number | null) {}
}
class Return {
  constructor(readonly v: Val) {}
}

export class AwkRun {
  private globals = new Map<string, Cell>();
  private frames: Map<string, Cell>[] = [];
  private fields: string[] = [''];
  private steps = 0;
  private depth = 0;
  private regexes = new Map<string, RegExp>();
  private ranges = new Map<number, boolean>();
  private readonly output: AwkOutput;
  private readers = new Map<string, Source>();
  private current: Source | null = null;
  private operand = 1;
  private seed = 0;
  private prevSeed = 0;
  private rng = 0;
  exitCode = 0;
  private inRecords = false;
  /** The program line of the statement running (gawk's "cmd. line:N"). */
  line = 1;

  constructor(
    private readonly prog: Program,
    private readonly ctx: CommandContext,
    argv: string[],
    assigns: [string, string][],
  ) {
    this.output = new AwkOutput(ctx);
    const g = this.globals;
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c' })) g.set(k, v);
    for (const k of ['NR', 'FNR', 'RSTART']) g.set(k, 0);
    g.set('RLENGTH', -1);
    g.set('CONVFMT', '%.6g');
    g.set('OFMT', '%.6g');
    g.set('FILENAME', '');
    g.set('ENVIRON', new Map(Object.entries(ctx.env).map(([k, v]) => [k, fromInput(v)])));
    g.set('ARGV', new Map(argv.map((a, i) => [String(i), fromInput(a)])));
    g.set('ARGC', argv.length);
    for (const [k, v] of assigns) g.set(k, fromInput(v));
  }

  /** gawk's context of a fatal error met while reading records: "(FILENAME=- FNR=3) ". */
  where(): string {
    if (!this.inRecords || toNum(this.scalar('FNR')) <= 0) return '';
    const name = this.str(this.scalar('FILENAME')) || '-';
    return `(FILENAME=${name} FNR=${this.str(this.scalar('FNR'))}) `;
  }

  /** Runs BEGIN, the records, END; returns the exit status. */
  run(): number {
    const items = this.prog.items;
    try {
      try {
        for (const it of items) if (it.kind === 'BEGIN') this.rule(it.body!, 'BEGIN');
        if (items.some((it) => it.kind !== 'BEGIN')) this.records();
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        if (e.code !== null) this.exitCode = e.code;
      }
      try {
        for (const it of items) if (it.kind === 'END') this.rule(it.body!, 'END');
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        if (e.code !== null) this.exitCode = e.code;
      }
    } finally {
      // As gawk at exit: commands fed by print | "cmd" finish before awk's own buffered output is written.
      this.output.finish();
    }
    return this.exitCode & 255;
  }

  /** A BEGIN or END action: `next` reached there through a function is gawk's fatal error. */
  private rule(body: Stmt[], kind: string) {
    try {
      this.block(body);
    } catch (e) {
      if (e instanceof Next || e instanceof NextFile)
        throw new AwkFatal(`\`${e instanceof Next ? 'next' : 'nextfile'}' cannot be called from a ${kind} rule`);
      throw e;
    }
  }

  private records() {
    const items = this.prog.items;
    let rec: string | null;
    this.inRecords = true;
    while ((rec = this.readMain()) !== null) {
      this.countRecord();
      this.setRecord(rec);
      try {
        items.forEach((it, idx) => {
          if (it.kind !== 'main' || !this.selects(it, idx)) return;
          if (it.body) this.block(it.body);
          else this.print([], null);
        });
      } catch (e) {
        if (e instanceof NextFile) this.current = null;
        else if (!(e instanceof Next)) throw e;
      }
    }
    this.inRecords = false;
  }

  private selects(it: Program['items'][number], idx: number): boolean {
    if (!it.pat) return true;
    if (!it.until) return truthy(this.eval(it.pat));
    if (!this.ranges.get(idx)) {
      if (!truthy(this.eval(it.pat))) return false;
      this.ranges.set(idx, true);
    }
    if (truthy(this.eval(it.until))) this.ranges.set(idx, false);
    return true;
  }

  private countRecord() {
    this.globals.set('NR', toNum(this.scalar('NR')) + 1);
    this.globals.set('FNR', toNum(this.scalar('FNR')) + 1);
  }

  /** The next record of the main input, opening operands (and applying var=value ones) as they come. */
  private readMain(): string | null {
    for (;;) {
      if (this.current) {
        const r = nextRecord(this.current, this.str(this.scalar('RS')));
        if (r !== null) return r;
        this.current = null;
      }
      const argv = this.globals.get('ARGV') as Map<string, Val>;
      const argc = toNum(this.scalar('ARGC'));
      if (this.operand >= argc) {
        if (this.operand === Infinity) return null;
        const anyFile = [...Array(Math.max(0, argc - 1)).keys()].some((i) => {
          const a = argv.get(String(i + 1));
          return a !== undefined && this.str(a) !== '' && !/^[A-Za-z_]\w*=/.test(this.str(a));
        });
        this.operand = Infinity;
        if (anyFile) return null;
        this.open('-', this.ctx.stdin);
        continue;
      }
      const arg = this.str(argv.get(String(this.operand++)) ?? '');
      const asg = /^([A-Za-z_]\w*)=(.*)$/s.exec(arg);
      if (arg === '') continue;
      if (asg) {
        this.globals.set(asg[1], fromInput(expandToText(asg[2], 'format').text));
        continue;
      }
      if (arg === '-') {
        this.open('-', this.ctx.stdin);
        continue;
      }
      const t = this.ctx.machine.host.vfs.readFile(resolvePath(this.ctx.cwd, arg));
      if (failed(t)) throw new AwkFatal(`cannot open file \`${arg}' for reading (${strerror(t.errno)})`);
      this.open(arg, t);
    }
  }

  private open(name: string, text: string) {
    this.current = { text, pos: 0 };
    this.globals.set('FILENAME', name);
    this.globals.set('FNR', 0);
  }

  // ---- records and fields

  private setRecord(text: string) {
    const fs = this.str(this.scalar('FS'));
    this.fields = [text, ...splitFields(text, fs, this.str(this.scalar('RS')) === '', (s) => this.regex(s))];
  }

  private rebuild() {
    this.fields[0] = this.fields.slice(1).join(this.str(this.scalar('OFS')));
  }

  private fieldIndex(e: Expr): number {
    const n = Math.trunc(toNum(this.eval(e)));
    if (n < 0) throw new AwkFatal(`attempt to access field ${n}`);
    return n;
  }

  private setField(n: number, v: string) {
    if (n === 0) return this.setRecord(v);
    while (this.fields.length <= n) this.fields.push('');
    this.fields[n] = v;
    this.rebuild();
  }

  private setNF(n: number) {
    const nf = Math.max(0, Math.trunc(n));
    this.fields.length = nf + 1;
    for (let i = 1; i <= nf; i++) this.fields[i] ??= '';
    this.rebuild();
  }

  // ---- variables

  private scope(name: string): Map<string, Cell> {
    const f = this.frames[this.frames.length - 1];
    return f && f.has(name) ? f : this.globals;
  }

  private scalar(name: string): Val {
    if (name === 'NF') return this.fields.length - 1;
    const c = this.scope(name).get(name);
    if (c instanceof Map) {
      if (c.size) throw new AwkFatal(`attempt to use array \`${name}' in a scalar context`);
      return UNINIT;
    }
    return c ?? UNINIT;
  }

  private setScalar(name: string, v: Val) {
    if (name === 'NF') return this.setNF(toNum(v));
    const s = this.scope(name);
    const c = s.get(name);
    if (c instanceof Map && c.size) throw new AwkFatal(`attempt to use array \`${name}' in a scalar context`);
    s.set(name, v);
  }

  private array(name: string): Map<string, Val> {
    const s = this.scope(name);
    const c = s.get(name);
    if (c instanceof Map) return c;
    if (c !== undefined && c !== UNINIT) throw new AwkFatal(`attempt to use scalar \`${name}' as an array`);
    const m = new Map<string, Val>();
    s.set(name, m);
    return m;
  }

  private key(keys: Expr[]): string {
    return keys.map((k) => this.str(this.eval(k))).join(this.str(this.scalar('SUBSEP')));
  }

  private get(lhs: Expr): Val {
    if (lhs.t === 'var') return this.scalar(lhs.name);
    if (lhs.t === 'field') {
      const n = this.fieldIndex(lhs.e);
      return n < this.fields.length ? fromInput(this.fields[n]) : UNINIT;
    }
    if (lhs.t === 'elem') {
      const a = this.array(lhs.name);
      const k = this.key(lhs.keys);
      if (!a.has(k)) a.set(k, UNINIT);
      return a.get(k)!;
    }
    return this.eval(lhs);
  }

  private set(lhs: Expr, v: Val): Val {
    if (lhs.t === 'var') this.setScalar(lhs.name, v);
    else if (lhs.t === 'field') this.setField(this.fieldIndex(lhs.e), this.str(v));
    else if (lhs.t === 'elem') this.array(lhs.name).set(this.key(lhs.keys), v);
    return v;
  }

  // ---- helpers

  private str(v: Val): string {
    return toStr(v, typeof v === 'number' ? this.convfmt() : '');
  }

  private convfmt(): string {
    const c = this.globals.get('CONVFMT');
    return typeof c === 'string' ? c : '%.6g';
  }

  private regex(src: string): RegExp {
    let r = this.regexes.get(src);
    if (!r) {
      if (unclosedBracket(src)) throw new AwkFatal(`Unmatched [ or [^: /${src}/`);
      const c = compilePosix(src, true);
      if (!c) throw new AwkFatal(`Invalid regular expression: /${src}/`);
      r = c;
      this.regexes.set(src, r);
    }
    return r;
  }

  /** The regex an argument stands for: a /literal/ as written, anything else as a dynamic regex string. */
  private regexOf(e: Expr): RegExp {
    return this.regex(e.t === 're' ? e.src : this.str(this.eval(e)));
  }

  private step() {
    if (++this.steps > STEP_BUDGET)
      throw new AwkFatal(`the sandbox's awk stopped after ${STEP_BUDGET} steps (endless loop?)`);
  }

  // ---- statements

  private block(body: Stmt[]) {
    for (const s of body) this.exec(s);
  }

  private exec(s: Stmt): void {
    this.step();
    if (s.line) this.line = s.line;
    switch (s.t) {
      case 'expr':
        this.eval(s.e);
        return;
      case 'print':
        return this.print(s.args, s.to);
      case 'printf': {
        const [f, ...rest] = s.args.map((a) => this.eval(a));
        return this.emit(this.format(this.str(f), rest), s.to);
      }
      case 'if':
        if (truthy(this.eval(s.c))) this.exec(s.then);
        else if (s.else) this.exec(s.else);
        return;
      case 'while':
        while (truthy(this.eval(s.c))) if (this.loopBody(s.body)) break;
        return;
      case 'do':
        do if (this.loopBody(s.body)) break;
        while (truthy(this.eval(s.c)));
        return;
      case 'for':
        if (s.init) this.exec(s.init);
        while (!s.c || truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case 'forin':
        for (const k of [...this.array(s.name).keys()]) {
          this.set(s.key, fromInput(k));
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'block':
        return this.block(s.body);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'next':
        throw new Next();
      case 'nextfile':
        throw new NextFile();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(toNum(this.eval(s.e))) : null);
      case 'return':
        throw new Return(s.e ? this.eval(s.e) : UNINIT);
      case 'delete':
        if (s.keys) this.array(s.name).delete(this.key(s.keys));
        else this.array(s.name).clear();
        return;
    }
  }

  /** gawk's non-fatal diagnostics on stderr. */
  private warn(msg: string) {
    this.ctx.err(`awk: cmd. line:${this.line}: warning: ${msg}\n`);
  }

  /** printf/sprintf; a format that runs out of arguments is fatal as in gawk. */
  private format(f: string, args: Val[]): string {
    try {
      return sprintf(f, args, this.convfmt());
    } catch (x) {
      if (x instanceof FormatRanOut)
        throw new AwkFatal(
          `not enough arguments to satisfy format string\n\t\`${x.format}'\n\t${' '.repeat(x.at)}^ ran out for this one`,
        );
      throw x;
    }
  }

  /** One turn of a loop; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    this.step();
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof Break) return true;
      if (!(e instanceof Continue)) throw e;
    }
    return false;
  }

  private print(args: Expr[], to: Redirect) {
    const ofmt = this.str(this.scalar('OFMT'));
    const parts = args.length
      ? args.map((a) => {
          const v = this.eval(a);
          return typeof v === 'number' ? toStr(v, ofmt) : this.str(v);
        })
      : [this.fields[0]];
    this.emit(parts.join(this.str(this.scalar('OFS'))) + this.str(this.scalar('ORS')), to);
  }

  /** Output to stdout, a file or a command's input, the target evaluated here. */
  private emit(text: string, to: Redirect) {
    if (!to) return this.output.stdout(text);
    this.output.write(this.str(this.eval(to.target)), to.mode, text);
  }

  private close(name: string): number {
    const r = this.output.close(name);
    if (r !== undefined) return r;
    return this.readers.delete(name) ? 0 : -1;
  }

  // ---- expressions

  eval(e: Expr): Val {
    switch (e.t) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.regex(e.src).test(this.fields[0]) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'var':
      case 'elem':
      case 'field':
        return this.get(e);
      case 'assign': {
        const rhs = this.eval(e.rhs);
        if (e.op === '=') return this.set(e.lhs, rhs);
        return this.set(e.lhs, this.arith(e.op.slice(0, -1), toNum(this.get(e.lhs)), toNum(rhs)));
      }
      case 'cond':
        return truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'and':
        return truthy(this.eval(e.a)) && truthy(this.eval(e.b)) ? 1 : 0;
      case 'or':
        return truthy(this.eval(e.a)) || truthy(this.eval(e.b)) ? 1 : 0;
      case 'in':
        return this.array(e.name).has(this.key(e.keys)) ? 1 : 0;
      case 'match': {
        const s = this.str(this.eval(e.a));
        return this.regexOf(e.re).test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const c = compare(this.eval(e.a), this.eval(e.b), this.convfmt());
        const r = { '<': c < 0, '<=': c <= 0, '==': c === 0, '!=': c !== 0, '>': c > 0, '>=': c >= 0 }[e.op];
        return r ? 1 : 0;
      }
      case 'concat':
        return this.str(this.eval(e.a)) + this.str(this.eval(e.b));
      case 'arith':
        return this.arith(e.op, toNum(this.eval(e.a)), toNum(this.eval(e.b)));
      case 'unary': {
        const v = this.eval(e.e);
        return e.op === '!' ? (truthy(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incr': {
        const old = toNum(this.get(e.lhs));
        const now = old + (e.op === '++' ? 1 : -1);
        this.set(e.lhs, now);
        return e.prefix ? now : old;
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        return this.getline(e);
    }
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new AwkFatal('division by zero attempted');
        return a / b;
      case '%':
        if (b === 0) throw new AwkFatal("division by zero attempted in `%'");
        return a % b;
      default:
        return a ** b;
    }
  }

  private getline(e: Extract<Expr, { t: 'getline' }>): number {
    if (e.cmd) throw new AwkFatal("the sandbox's awk cannot read from a command (cmd | getline)");
    let rec: string | null;
    if (e.file) {
      const name = this.str(this.eval(e.file));
      let src = this.readers.get(name);
      if (!src) {
        const t =
          name === '-' || name === '/dev/stdin'
            ? this.ctx.stdin
            : this.ctx.machine.host.vfs.readFile(resolvePath(this.ctx.cwd, name));
        if (failed(t)) return -1;
        src = { text: t, pos: 0 };
        this.readers.set(name, src);
      }
      rec = nextRecord(src, this.str(this.scalar('RS')));
      if (rec === null) return 0;
      if (e.lhs) this.set(e.lhs, fromInput(rec));
      else {
        this.setRecord(rec);
      }
      return 1;
    }
    rec = this.readMain();
    if (rec === null) return 0;
    this.countRecord();
    if (e.lhs) this.set(e.lhs, fromInput(rec));
    else this.setRecord(rec);
    return 1;
  }

  private call(name: string, args: Expr[]): Val {
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkFatal(`function \`${name}' not defined`);
    if (args.length > f.params.length)
      throw new AwkFatal(`function \`${name}' called with more arguments than declared`);
    if (++this.depth > 1000) throw new AwkFatal(`function \`${name}' nested too deeply`);
    const frame = new Map<string, Cell>();
    f.params.forEach((p, i) => {
      const a = args[i];
      if (!a) return frame.set(p, UNINIT);
      if (a.t === 'var') {
        // Arrays go by reference: an untyped variable becomes an array the callee can fill.
        const s = this.scope(a.name);
        const c = s.get(a.name);
        if (c instanceof Map) return frame.set(p, c);
        if (c === undefined) {
          const m = new Map<string, Val>();
          s.set(a.name, m);
          return frame.set(p, m);
        }
      }
      frame.set(p, this.eval(a));
    });
    this.frames.push(frame);
    try {
      this.block(f.body);
      return UNINIT;
    } catch (e) {
      if (e instanceof Return) return e.v;
      throw e;
    } finally {
      this.frames.pop();
      this.depth--;
    }
  }

  private builtin(name: string, args: Expr[]): Val {
    const n = (i: number) => toNum(this.eval(args[i]));
    const s = (i: number) => this.str(this.eval(args[i]));
    switch (name) {
      case 'length': {
        const a = args[0];
        if (a && a.t === 'var') {
          const c = this.scope(a.name).get(a.name);
          if (c instanceof Map) return c.size;
        }
        return [...(a ? s(0) : this.fields[0])].length;
      }
      case 'substr': {
        // gawk 4.0: a start below 1 becomes 1 (the length is kept), fractions are truncated, a length under 1 is empty.
        const text = s(0);
        const start = n(1);
        const from = start >= 1 ? Math.trunc(start) : 1;
        if (args.length < 3) return text.slice(from - 1);
        const len = n(2);
        return len >= 1 ? text.slice(from - 1, from - 1 + Math.trunc(len)) : '';
      }
      case 'index': {
        const needle = s(1);
        return needle === '' ? 0 : s(0).indexOf(needle) + 1;
      }
      case 'split': {
        const text = s(0);
        const target = args[1];
        if (target?.t !== 'var') throw new AwkFatal('split: second argument is not an array');
        const arr = this.array(target.name);
        arr.clear();
        let parts: string[];
        if (args[2] && args[2].t === 're') parts = text === '' ? [] : splitByRegex(text, this.regex(args[2].src));
        else {
          const fs = args[2] ? s(2) : this.str(this.scalar('FS'));
          parts = splitFields(text, fs, false, (src) => this.regex(src));
        }
        parts.forEach((p, i) => arr.set(String(i + 1), fromInput(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub':
        return this.substitute(args, name === 'gsub');
      case 'match': {
        const m = longest(this.regexOf(args[1]), s(0), 0);
        this.globals.set('RSTART', m ? m.index + 1 : 0);
        this.globals.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        if (!args.length) throw new AwkFatal('sprintf: no arguments');
        return this.format(
          s(0),
          args.slice(1).map((a) => this.eval(a)),
        );
      case 'tolower':
        return s(0).toLowerCase();
      case 'toupper':
        return s(0).toUpperCase();
      case 'int':
        return Math.trunc(n(0));
      case 'sqrt': {
        const x = n(0);
        if (x < 0) this.warn(`sqrt: called with negative argument ${numText(x, '%.6g')}`);
        return Math.sqrt(x);
      }
      case 'exp':
        return Math.exp(n(0));
      case 'log': {
        const x = n(0);
        if (x < 0) this.warn(`log: received negative argument ${numText(x, '%.6g')}`);
        return Math.log(x);
      }
      case 'sin':
        return Math.sin(n(0));
      case 'cos':
        return Math.cos(n(0));
      case 'atan2':
        return Math.atan2(n(0), n(1));
      case 'rand':
        // A fixed linear congruential sequence per seed: the same script draws the same numbers every run.
        this.rng = (Math.imul(this.rng, 1103515245) + 12345) >>> 0;
        return this.rng / 4294967296;
      case 'srand': {
        this.prevSeed = this.seed;
        this.seed = args.length ? Math.trunc(n(0)) : this.seed + 1;
        this.rng = this.seed >>> 0;
        return this.prevSeed;
      }
      case 'close':
        return this.close(s(0));
      case 'fflush':
        return 0;
      case 'system': {
        const cmd = s(0);
        return this.output.system(cmd);
      }
    }
    throw new AwkFatal(`function \`${name}' not defined`);
  }

  /** sub/gsub: & is the match, \& a literal &, \\ a backslash; returns how many were replaced. */
  private substitute(args: Expr[], global: boolean): number {
    const re = this.regexOf(args[0]);
    const repl = this.str(this.eval(args[1]));
    const target: Expr = args[2] ?? { t: 'field', e: { t: 'num', v: 0 } };
    const text = this.str(this.get(target));
    const { out, count } = replaceMatches(re, repl, text, global);
    if (!count) return 0;
    if (target.t === 'var' || target.t === 'elem' || target.t === 'field') this.set(target, out);
    return count;
  }
}
