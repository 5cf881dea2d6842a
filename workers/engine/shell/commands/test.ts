// `test` and `[`: bash's builtin, with its POSIX rules by argument count, -a/-o/!/( ) expressions and its error texts (status 2).
import type { CommandContext, CommandTable } from '../types';
import { failed } from '../../host/errno';
import { resolvePath } from '../../host/paths';
import type { VfsStat } from '../../host/vfsNodes';

/** A malformed expression: bash prints `bash: [: <message>` and returns 2. */
class TestError {
  constructor(readonly message: string) {}
}

/** Unary operators of test and of `[[ ]]`: file tests, string tests, -o (option), -v (variable). */
export const UNARY_TESTS = new Set([
  '-a',
  '-b',
  '-c',
  '-d',
  '-e',
  '-f',
  '-g',
  '-h',
  '-k',
  '-p',
  '-r',
  '-s',
  '-t',
  '-u',
  '-w',
  '-x',
  '-G',
  '-L',
  '-N',
  '-O',
  '-S',
  '-z',
  '-n',
  '-o',
  '-v',
]);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** Evaluates test expressions against the machine's filesystem (also `[[ ]]`'s unary and file tests). */
export class TestEval {
  private pos = 0;
  constructor(
    private readonly args: string[],
    private readonly ctx: CommandContext,
  ) {}

  private stat(path: string): VfsStat | null {
    const s = this.ctx.machine.host.vfs.stat(resolvePath(this.ctx.cwd, path));
    return failed(s) ? null : s;
  }

  private int(s: string): bigint {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return BigInt(s.trim());
  }

  unary(op: string, arg: string): boolean {
    if (op === '-z') return arg === '';
    if (op === '-n') return arg !== '';
    if (op === '-v') return arg in this.ctx.env;
    if (op === '-t' || op === '-o') return false;
    const s = this.stat(arg);
    if (!s) return false;
    switch (op) {
      case '-f':
        return s.kind === 'file';
      case '-d':
        return s.kind === 'dir';
      case '-b':
        return s.kind === 'blockdev';
      case '-c':
        return s.kind === 'chardev';
      case '-h':
      case '-L':
        return s.kind === 'symlink';
      case '-s':
        return s.size > 0;
      case '-x':
        return s.kind === 'dir' || (s.mode & 0o111) !== 0;
      case '-p':
      case '-S':
        return false;
      case '-g':
        return (s.mode & 0o2000) !== 0;
      case '-u':
        return (s.mode & 0o4000) !== 0;
      case '-k':
        return (s.mode & 0o1000) !== 0;
      default:
        // -a -e -r -w -G -O -N: root owns and may read and write whatever exists.
        return true;
    }
  }

  binary(a: string, op: string, b: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-eq':
        return this.int(a) === this.int(b);
      case '-ne':
        return this.int(a) !== this.int(b);
      case '-lt':
        return this.int(a) < this.int(b);
      case '-le':
        return this.int(a) <= this.int(b);
      case '-gt':
        return this.int(a) > this.int(b);
      case '-ge':
        return this.int(a) >= this.int(b);
      default: {
        const sa = this.stat(a);
        const sb = this.stat(b);
        if (op === '-ef')
          return !!sa && !!sb && sa.ino === sb.ino && sa.dev.major === sb.dev.major && sa.dev.minor === sb.dev.minor;
        if (op === '-nt') return !!sa && (!sb || sa.mtime > sb.mtime);
        return !!sb && (!sa || sa.mtime < sb.mtime);
      }
    }
  }

  /** The POSIX rules for 0–4 arguments, then the full grammar. */
  run(): boolean {
    const a = this.args;
    switch (a.length) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2:
        return this.two(a[0], a[1]);
      case 3:
        return this.three(a[0], a[1], a[2]);
      case 4:
        if (a[0] === '!') return !this.three(a[1], a[2], a[3]);
        if (a[0] === '(' && a[3] === ')') return this.two(a[1], a[2]);
    }
    const r = this.or();
    if (this.pos < a.length) throw new TestError('too many arguments');
    return r;
  }

  private two(a: string, b: string): boolean {
    if (a === '!') return b === '';
    if (UNARY_TESTS.has(a)) return this.unary(a, b);
    throw new TestError(`${a}: unary operator expected`);
  }

  private three(a: string, op: string, b: string): boolean {
    if (BINARY.has(op)) return this.binary(a, op, b);
    if (op === '-a') return a !== '' && b !== '';
    if (op === '-o') return a !== '' || b !== '';
    if (a === '!') return !this.two(op, b);
    if (a === '(' && b === ')') return op !== '';
    throw new TestError(`${op}: binary operator expected`);
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.term();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      const r = this.term();
      v = v && r;
    }
    return v;
  }

  private term(): boolean {
    const a = this.args;
    if (this.pos >= a.length) throw new TestError('argument expected');
    const t = a[this.pos];
    if (t === '!') {
      this.pos++;
      return !this.term();
    }
    if (t === '(') {
      this.pos++;
      const v = this.or();
      if (a[this.pos] !== ')') throw new TestError("`)' expected");
      this.pos++;
      return v;
    }
    if (BINARY.has(a[this.pos + 1] ?? '') && this.pos + 2 < a.length) {
      this.pos += 3;
      return this.binary(t, a[this.pos - 2], a[this.pos - 1]);
    }
    if (UNARY_TESTS.has(t) && this.pos + 1 < a.length) {
      this.pos += 2;
      return this.unary(t, a[this.pos - 1]);
    }
    this.pos++;
    return t !== '';
  }
}

/** Runs `test ARGS` or `[ ARGS ]`. */
function test(ctx: CommandContext): number {
  const name = ctx.argv[0];
  let args = ctx.argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.err("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return new TestEval(args, ctx).run() ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.err(`bash: ${name}: ${e.message}\n`);
    return 2;
  }
}

/** `test` and `[`. */
export const testCommands: CommandTable = { test, '[': test };
