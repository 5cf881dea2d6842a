// A small awk: `-F`, `-v`, BEGIN/END, patterns (/re/, comparisons, NR==n), print/printf of fields, NR, NF, variables, arithmetic.
import type { CommandContext, CommandTable } from '../types';
import { readInputs, lines } from './io';
import { compilePosix } from './regex';
import { expandToText } from './escapes';
import { formatInteger } from './printf';
import { formatFloat, pad } from './printfFormat';

type Val = string | number;
type Expr = (s: State) => Val;
type Stmt = (s: State) => void;

/** Runtime of one awk run. */
interface State {
  fields: string[];
  vars: Record<string, Val>;
  out: string;
}

class AwkSyntax {
  constructor(readonly at: number) {}
}

const num = (v: Val): number => (typeof v === 'number' ? v : parseFloat(v) || 0);
const str = (v: Val): string =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(+v.toPrecision(6))) : v;
const looksNumeric = (v: Val) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);

/** Tokenizes and parses an awk program into item closures. */
function compile(src: string): { begin: Stmt[]; main: { pat: Expr | null; body: Stmt[] | null }[]; end: Stmt[] } {
  const toks: { t: string; v: string; at: number }[] = [];
  const re =
    /\s*(?:(#[^\n]*)|(\n|;)|("(?:\\.|[^"\\])*")|(\/(?:\\.|[^/\\\n])*\/)|(\d+\.?\d*)|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||!~|\+\+|--|[-+*/%<>~!{}(),$=]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new AwkSyntax(i);
    const at = i + m[0].length - m[0].trimStart().length;
    i = re.lastIndex;
    if (m[1]) continue;
    if (m[2]) toks.push({ t: 'nl', v: m[2], at });
    else if (m[3]) toks.push({ t: 'str', v: expandToText(m[3].slice(1, -1), 'format').text, at });
    else if (m[4]) {
      const prev = toks[toks.length - 1];
      if (prev && (prev.t === 'num' || prev.t === 'id' || prev.v === ')' || prev.v === '$')) {
        toks.push({ t: 'op', v: '/', at });
        i = at + 1;
      } else toks.push({ t: 're', v: m[4].slice(1, -1), at });
    } else if (m[5]) toks.push({ t: 'num', v: m[5], at });
    else if (m[6]) {
      if (UNSUPPORTED.has(m[6])) throw new AwkUnsupported(m[6]);
      toks.push({ t: 'id', v: m[6], at });
    } else toks.push({ t: 'op', v: m[7], at });
  }
  let k = 0;
  const peek = () => toks[k];
  const is = (v: string) => toks[k]?.v === v && toks[k]?.t !== 'str';
  const expect = (v: string) => {
    if (!is(v)) throw new AwkSyntax(toks[k]?.at ?? src.length);
    k++;
  };
  const skipNl = () => {
    while (toks[k]?.t === 'nl') k++;
  };
  const regexMatch = (pat: string): Expr => {
    const r = compilePosix(pat, true);
    if (!r) throw new AwkSyntax(0);
    return (s) => (r.test(s.fields[0]) ? 1 : 0);
  };
  const field =
    (e: Expr): Expr =>
    (s) =>
      s.fields[Math.trunc(num(e(s)))] ?? '';
  const primary = (): Expr => {
    const t = peek();
    if (!t) throw new AwkSyntax(src.length);
    if (t.v === '$' && t.t === 'op') {
      k++;
      return field(primary());
    }
    if (t.v === '(' && t.t === 'op') {
      k++;
      const e = expr();
      expect(')');
      return e;
    }
    if ((t.v === '-' || t.v === '!' || t.v === '+') && t.t === 'op') {
      k++;
      const e = primary();
      return t.v === '-' ? (s) => -num(e(s)) : t.v === '!' ? (s) => (num(e(s)) ? 0 : 1) : (s) => num(e(s));
    }
    k++;
    if (t.t === 'num') return () => Number(t.v);
    if (t.t === 'str') return () => t.v;
    if (t.t === 're') return regexMatch(t.v);
    if (t.t === 'id') {
      if (t.v === 'length') {
        if (is('(')) {
          k++;
          const e = is(')') ? (s: State) => s.fields[0] : expr();
          expect(')');
          return (s) => str(e(s)).length;
        }
        return (s) => s.fields[0].length;
      }
      if (['toupper', 'tolower', 'int', 'substr'].includes(t.v)) {
        expect('(');
        const args = [expr()];
        while (is(',')) {
          k++;
          args.push(expr());
        }
        expect(')');
        if (t.v === 'toupper') return (s) => str(args[0](s)).toUpperCase();
        if (t.v === 'tolower') return (s) => str(args[0](s)).toLowerCase();
        if (t.v === 'int') return (s) => Math.trunc(num(args[0](s)));
        return (s) => {
          const text = str(args[0](s));
          const from = Math.max(1, Math.round(num(args[1](s))));
          return args[2] ? text.substr(from - 1, Math.round(num(args[2](s)))) : text.slice(from - 1);
        };
      }
      const name = t.v;
      if (is('=') && toks[k + 1]?.v !== '=') {
        k++;
        const e = expr();
        return (s) => (s.vars[name] = e(s));
      }
      if (is('++') || is('--')) {
        const d = toks[k++].v === '++' ? 1 : -1;
        return (s) => {
          const old = num(s.vars[name] ?? 0);
          s.vars[name] = old + d;
          return old;
        };
      }
      if (is('+') && toks[k + 1]?.v === '=') {
        k += 2;
        const e = expr();
        return (s) => (s.vars[name] = num(s.vars[name] ?? 0) + num(e(s)));
      }
      if (name === 'NF') return (s) => s.fields.length - 1;
      return (s) => s.vars[name] ?? '';
    }
    throw new AwkSyntax(t.at);
  };
  const binary = (next: () => Expr, ops: string[], apply: (op: string, a: Val, b: Val) => Val) => (): Expr => {
    let left = next();
    while (peek() && peek().t === 'op' && ops.includes(peek().v)) {
      const op = toks[k++].v;
      const right = next();
      const l = left;
      left = (s) => apply(op, l(s), right(s));
    }
    return left;
  };
  const mul = binary(primary, ['*', '/', '%'], (op, a, b) =>
    op === '*' ? num(a) * num(b) : op === '/' ? num(a) / num(b) : num(a) % num(b),
  );
  const add = binary(mul, ['+', '-'], (op, a, b) => (op === '+' ? num(a) + num(b) : num(a) - num(b)));
  const concat = (): Expr => {
    let left = add();
    for (;;) {
      const t = peek();
      if (!t || t.t === 'nl' || (t.t === 'op' && !['$', '(', '-', '!'].includes(t.v)) || (t.t === 'op' && t.v === '-'))
        break;
      if (t.t === 'id' && t.v === 'in') break;
      const right = add();
      const l = left;
      left = (s) => str(l(s)) + str(right(s));
    }
    return left;
  };
  const cmp = (): Expr => {
    const left = concat();
    const t = peek();
    if (t && t.t === 'op' && ['==', '!=', '<', '>', '<=', '>=', '~', '!~'].includes(t.v)) {
      k++;
      if ((t.v === '~' || t.v === '!~') && peek()?.t === 're') {
        const r = compilePosix(toks[k++].v, true)!;
        return (s) => (r.test(str(left(s))) === (t.v === '~') ? 1 : 0);
      }
      const right = concat();
      return (s) => {
        const a = left(s);
        const b = right(s);
        if (t.v === '~' || t.v === '!~')
          return (compilePosix(str(b), true)?.test(str(a)) ?? false) === (t.v === '~') ? 1 : 0;
        const c = looksNumeric(a) && looksNumeric(b) ? num(a) - num(b) : str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
        const r = { '==': c === 0, '!=': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[t.v as '=='];
        return r ? 1 : 0;
      };
    }
    return left;
  };
  const and = binary(cmp, ['&&'], (_op, a, b) => (num(a) && num(b) ? 1 : 0));
  const expr = binary(and, ['||'], (_op, a, b) => (num(a) || num(b) ? 1 : 0));
  const stmt = (): Stmt | null => {
    const t = peek();
    if (t?.t === 'id' && (t.v === 'print' || t.v === 'printf')) {
      k++;
      const args: Expr[] = [];
      const paren = is('(');
      if (paren) k++;
      if (peek() && peek().t !== 'nl' && !is('}') && !is(')')) {
        args.push(expr());
        while (is(',')) {
          k++;
          args.push(expr());
        }
      }
      if (paren) expect(')');
      if (t.v === 'print')
        return (s) => {
          const parts = args.length ? args.map((a) => str(a(s))) : [s.fields[0]];
          s.out += parts.join(str(s.vars.OFS ?? ' ')) + str(s.vars.ORS ?? '\n');
        };
      return (s) => {
        const [f, ...rest] = args.map((a) => a(s));
        s.out += awkPrintf(str(f ?? ''), rest);
      };
    }
    if (t?.t === 'id' && t.v === 'next') {
      k++;
      return () => {
        throw new NextRecord();
      };
    }
    if (!t || t.t === 'nl' || is('}')) return null;
    const e = expr();
    return (s) => void e(s);
  };
  const block = (): Stmt[] => {
    expect('{');
    const out: Stmt[] = [];
    for (;;) {
      skipNl();
      if (is('}')) {
        k++;
        return out;
      }
      const s = stmt();
      if (!s) throw new AwkSyntax(peek()?.at ?? src.length);
      out.push(s);
    }
  };
  const prog = { begin: [] as Stmt[], main: [] as { pat: Expr | null; body: Stmt[] | null }[], end: [] as Stmt[] };
  for (;;) {
    skipNl();
    if (k >= toks.length) break;
    if (peek().t === 'id' && (peek().v === 'BEGIN' || peek().v === 'END')) {
      const which = toks[k++].v;
      (which === 'BEGIN' ? prog.begin : prog.end).push(...block());
      continue;
    }
    const pat = is('{') ? null : expr();
    const body = is('{') ? block() : null;
    prog.main.push({ pat, body });
  }
  return prog;
}

class NextRecord {}

/** awk's printf: C conversions through the shared formatter (numbers from strings as awk converts them). */
function awkPrintf(format: string, args: Val[]): string {
  let idx = 0;
  return format.replace(
    /%([-+ #0]*)(\d*)(?:\.(\d*))?([diouxXeEfFgGcs%])/g,
    (_m, flags: string, w: string, prec: string | undefined, c: string) => {
      if (c === '%') return '%';
      const v = args[idx++] ?? '';
      const precision = prec === undefined ? undefined : Number(prec || 0);
      let text: string;
      let numeric = true;
      if ('diouxX'.includes(c)) text = formatInteger(BigInt(Math.trunc(num(v))), c === 'i' ? 'd' : c, flags, precision);
      else if ('eEfFgG'.includes(c)) text = formatFloat(num(v), c, flags, precision);
      else {
        numeric = false;
        text = c === 'c' ? (typeof v === 'number' ? String.fromCodePoint(v) : v.slice(0, 1)) : str(v);
        if (c === 's' && precision !== undefined) text = text.slice(0, precision);
      }
      return pad(text, Number(w || 0), flags.includes('-'), numeric && flags.includes('0') && !flags.includes('-'));
    },
  );
}

/** Statements and functions of awk this small one does not have: refused by name, never misread as variables. */
const UNSUPPORTED = new Set([
  'if',
  'else',
  'for',
  'while',
  'do',
  'in',
  'delete',
  'exit',
  'break',
  'continue',
  'function',
  'return',
  'getline',
  'gsub',
  'sub',
  'split',
  'index',
  'match',
  'sprintf',
  'system',
  'close',
  'srand',
  'rand',
]);

class AwkUnsupported {
  constructor(readonly name: string) {}
}

/** Splits a record the awk way: default FS splits on blanks; one char literally; longer FS is a regex. */
function split(line: string, fs: string): string[] {
  if (fs === ' ') return line.split(/[ \t\n]+/).filter(Boolean);
  if (fs.length === 1 && fs !== '\\') return line === '' ? [] : line.split(fs);
  const r = compilePosix(fs, true, 'g');
  return line === '' ? [] : line.split(r ?? fs);
}

function awk(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  let fs = ' ';
  const vars: Record<string, Val> = {};
  while (a.length && a[0].startsWith('-') && a[0] !== '-') {
    const o = a.shift()!;
    if (o === '--') break;
    if (o.startsWith('-F')) fs = o.length > 2 ? o.slice(2) : (a.shift() ?? ' ');
    else if (o.startsWith('-v')) {
      const asg = o.length > 2 ? o.slice(2) : (a.shift() ?? '');
      const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(asg);
      if (m) vars[m[1]] = expandToText(m[2], 'format').text;
    } else {
      ctx.err(`awk: not an option: ${o}\n`);
      return 2;
    }
  }
  if (fs === 't') fs = '\t';
  const src = a.shift();
  if (src === undefined) {
    ctx.err(
      `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\n`,
    );
    return 2;
  }
  let prog: ReturnType<typeof compile>;
  try {
    prog = compile(src);
  } catch (e) {
    if (e instanceof AwkUnsupported) {
      ctx.err(`awk: cmd. line:1: ${e.name}: not supported by the sandbox's awk\n`);
      return 2;
    }
    if (!(e instanceof AwkSyntax)) throw e;
    const line = src.split('\n')[0];
    ctx.err(`awk: cmd. line:1: ${line}\nawk: cmd. line:1: ${' '.repeat(Math.min(e.at, line.length))}^ syntax error\n`);
    return 1;
  }
  const s: State = { fields: [''], vars: { FS: fs, OFS: ' ', ORS: '\n', NR: 0, ...vars }, out: '' };
  for (const st of prog.begin) st(s);
  const { inputs, ok } = readInputs(ctx, a);
  if (prog.main.length || prog.end.length) {
    for (const inp of inputs) {
      for (const l of lines(inp.text)) {
        s.vars.NR = num(s.vars.NR) + 1;
        s.fields = [l, ...split(l, str(s.vars.FS))];
        try {
          for (const item of prog.main) {
            if (item.pat && !num(item.pat(s)) && !(typeof item.pat(s) === 'string' && item.pat(s) !== '')) continue;
            if (item.body) for (const st of item.body) st(s);
            else s.out += s.fields[0] + '\n';
          }
        } catch (e) {
          if (!(e instanceof NextRecord)) throw e;
        }
      }
    }
  }
  for (const st of prog.end) st(s);
  ctx.out(s.out);
  return ok ? 0 : 2;
}

/** awk (gawk 4.0 as on RHEL 7) and its gawk name. */
export const awkCommands: CommandTable = { awk, gawk: awk };
