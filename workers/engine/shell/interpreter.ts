// Runs parsed scripts: expansions, pipes, redirections through the host VFS, builtins, and the merged command table.
import type { Machine } from '../machine';
import type {
  AndOr,
  CaseItem,
  Command,
  CommandList,
  CompoundCommand,
  CondExpr,
  FunctionDef,
  Pipeline,
  Redirect,
  SimpleCommand,
  Word,
  WordPart,
} from './ast';
import type { CommandContext, CommandTable } from './types';
import { evalArith } from './arith';
import { expandGlob, hasGlob } from './glob';
import { failed, strerror } from '../host/errno';
import { resolvePath } from '../host/paths';
import { Input } from './input';
import { patternRegex, ShellRandom, trimPattern } from './params';
import { readBuiltin } from './read';
import {
  COMMAND_CALL_BUDGET,
  declareLocals,
  FUNC_NEST_LIMIT,
  restoreLocals,
  ReturnSignal,
  type CallFrame,
} from './functions';
import { CondError, evalCond } from './condEval';
import { TestEval } from './commands/test';
import { printFunction } from './printer';

/** Where a command's output goes. */
/** Where a command's output goes; a sink into a regular file also takes runs of NUL bytes without building them. */
type Sink = ((text: string) => void) & { zeros?: (bytes: number) => void };

/** Standard streams of a running command. */
export interface Io {
  stdin: Input;
  out: Sink;
  err: Sink;
  /** Set when stdout (fd 1) or stderr (fd 2) no longer reach the terminal: piped, redirected, captured by `$( )`. */
  notTty?: { 1?: boolean; 2?: boolean };
}

/** Aborts the current simple command with a status (expansion errors, bad redirections). */
class Abort {
  constructor(readonly status: number) {}
}

/** `break N` / `continue N` unwinding to the loop it names. */
class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/** Ends the whole top-level command when loops together ran too long, or functions nested or called too much. */
export class LoopBudgetExceeded {
  constructor(
    readonly status: number,
    readonly message: string,
  ) {}
}

/** Commands bash has built in that the sandbox implements in the command table. */
const TABLE_BUILTINS = new Set(['echo', 'printf', 'test', '[']);

/** Iterations one loop may run before the sandbox stops it (so `while true` ends). */
export const LOOP_LIMIT = 10_000;
/** Iterations all loops of one top-level command may run together (nested loops). */
export const COMMAND_LOOP_BUDGET = 100_000;

/** Stops the script (`exit`). */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** A field under construction: text plus, per character, whether it may glob. */
interface Field {
  text: string;
  mask: boolean[];
  started: boolean;
}

/** How a word expands: to fields (split, globbed), to one string, or to one pattern whose unquoted expansions may match. */
type ExpandMode = 'fields' | 'string' | 'pattern';

/** A field's text with its quoted characters escaped by `escape` (for patterns and regexes). */
function escapeQuoted(f: Field, escape: (c: string) => string): string {
  let out = '';
  for (let i = 0; i < f.text.length; i++) out += f.mask[i] ? f.text[i] : escape(f.text[i]);
  return out;
}

const IFS_WS = /[ \t\n]/;

/** Shell state kept across commands: variables, exported names, cwd, last status, history. */
export class Interpreter {
  env: Record<string, string>;
  readonly exported = new Set<string>();
  cwd: string;
  status = 0;
  readonly history: string[] = [];
  /** $RANDOM, seeded so replays print the same numbers. */
  readonly random = new ShellRandom(4242);
  /** Loops currently running (for `break` outside a loop). */
  private loopDepth = 0;
  /** Defined functions by name. */
  functions = new Map<string, FunctionDef>();
  /** Positional parameters ($1…): the running function's arguments, none at top level. */
  private positional: string[] = [];
  /** Functions currently running, innermost last. */
  private frames: CallFrame[] = [];
  /** Function calls left for the current top-level command. */
  private callBudget = COMMAND_CALL_BUDGET;
  /** Loop iterations left for the current top-level command. */
  private loopBudget = COMMAND_LOOP_BUDGET;
  /** Table commands dispatched so far (a loop iteration that ran any takes simulated time). */
  private dispatched = 0;
  /** Called after each loop iteration that ran commands: the shell lets time pass and background work run. */
  onIteration: () => void = () => {};
  /** Shell builtins that need the interpreter itself. */
  private readonly builtins: Record<string, (argv: string[], io: Io) => number>;

  constructor(
    readonly machine: Machine,
    readonly table: CommandTable,
  ) {
    const home = '/root';
    this.cwd = home;
    this.env = {
      HOME: home,
      HOSTNAME: machine.profile.hostname,
      LANG: 'en_US.UTF-8',
      LOGNAME: 'root',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin',
      PWD: home,
      SHELL: '/bin/bash',
      SHLVL: '1',
      TERM: 'xterm-256color',
      USER: 'root',
    };
    for (const k of Object.keys(this.env)) this.exported.add(k);
    this.builtins = {
      cd: (a, io) => this.cd(a, io),
      pwd: (_a, io) => (io.out(this.cwd + '\n'), 0),
      true: () => 0,
      ':': () => 0,
      false: () => 1,
      export: (a, io) => this.export(a, io),
      unset: (a) => {
        const only = a[1] === '-f' || a[1] === '-v' ? a[1] : null;
        for (const n of a.slice(only ? 2 : 1)) {
          // Without -f or -v, bash unsets the variable, or the function when no such variable exists.
          if (only === '-f' || (!only && !(n in this.env))) this.functions.delete(n);
          else {
            delete this.env[n];
            this.exported.delete(n);
          }
        }
        return 0;
      },
      local: (a, io) => {
        const frame = this.frames[this.frames.length - 1];
        if (!frame) {
          io.err('bash: local: can only be used in a function\n');
          return 1;
        }
        return declareLocals(a.slice(1), frame, this.env, (n, v) => this.setVar(n, v), io.err);
      },
      return: (a, io) => {
        if (!this.frames.length) {
          io.err("bash: return: can only `return' from a function or sourced script\n");
          return 2;
        }
        if (a[1] !== undefined && !/^-?\d+$/.test(a[1])) {
          io.err(`bash: return: ${a[1]}: numeric argument required\n`);
          throw new ReturnSignal(2);
        }
        throw new ReturnSignal(a[1] === undefined ? this.status : ((Number(a[1]) % 256) + 256) % 256);
      },
      shift: (a, io) => {
        if (a[1] !== undefined && !/^\d+$/.test(a[1])) {
          io.err(`bash: shift: ${a[1]}: numeric argument required\n`);
          return 1;
        }
        const n = a[1] === undefined ? 1 : Number(a[1]);
        if (n > this.positional.length) return 1;
        this.positional = this.positional.slice(n);
        return 0;
      },
      exit: (a, io) => {
        const n = a[1] === undefined ? this.status : Number(a[1]);
        if (a[1] !== undefined && !/^-?\d+$/.test(a[1])) {
          io.err(`bash: exit: ${a[1]}: numeric argument required\n`);
          throw new ExitSignal(255);
        }
        throw new ExitSignal(((n % 256) + 256) % 256);
      },
      history: (_a, io) => {
        this.history.forEach((h, i) => io.out(`${String(i + 1).padStart(5)}  ${h}\n`));
        return 0;
      },
      break: (a, io) => this.loopControl('break', a, io),
      continue: (a, io) => this.loopControl('continue', a, io),
      read: (a, io) => readBuiltin(a, io.stdin, io.err, (n, v) => this.setVar(n, v)),
      type: (a, io) => {
        let st = 0;
        for (const n of a.slice(1)) {
          const fn = this.functions.get(n);
          if (fn) io.out(`${n} is a function\n${printFunction(fn)}\n`);
          else if (this.builtins[n] || TABLE_BUILTINS.has(n)) io.out(`${n} is a shell builtin\n`);
          else if (this.table[n]) io.out(`${n} is ${this.binPath(n)}\n`);
          else {
            io.err(`bash: type: ${n}: not found\n`);
            st = 1;
          }
        }
        return st;
      },
    };
  }

  /** Starts a top-level command: a fresh loop budget. */
  beginCommand(): void {
    this.loopBudget = COMMAND_LOOP_BUDGET;
    this.callBudget = COMMAND_CALL_BUDGET;
  }

  /** Assigns a variable (`RANDOM=n` reseeds $RANDOM as in bash). */
  setVar(name: string, value: string): void {
    if (name === 'RANDOM') {
      this.random.reseed(parseInt(value, 10) || 0);
      return;
    }
    this.env[name] = value;
  }

  /** `break [N]` / `continue [N]` */
  private loopControl(kind: 'break' | 'continue', argv: string[], io: Io): number {
    let n = 1;
    if (argv[1] !== undefined) {
      if (!/^-?\d+$/.test(argv[1])) {
        io.err(`bash: ${kind}: ${argv[1]}: numeric argument required\n`);
        return 128;
      }
      n = Number(argv[1]);
      if (n < 1) {
        io.err(`bash: ${kind}: ${argv[1]}: loop count out of range\n`);
        return 1;
      }
    }
    if (!this.loopDepth) {
      io.err(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    throw new LoopSignal(kind, Math.min(n, this.loopDepth));
  }

  /** Where `which` and `type` say a command lives. */
  binPath(name: string): string {
    const sbin = [
      'losetup',
      'blockdev',
      'dmsetup',
      'pvcreate',
      'vgcreate',
      'lvcreate',
      'lvconvert',
      'lvchange',
      'lvextend',
      'lvs',
      'pvs',
      'vgs',
      'pvdisplay',
      'vgdisplay',
      'lvdisplay',
      'vgextend',
      'lvremove',
      'vgremove',
      'pvremove',
      'lvmdiskscan',
      'blkid',
      'fstrim',
      'thin_dump',
      'thin_restore',
      'thin_ls',
      'thin_check',
      'thin_delta',
      'thin_metadata_size',
      'thin_repair',
      'thin_rmap',
      'thin_trim',
      'mkfs.xfs',
      'mkfs.ext4',
      'xfs_growfs',
      'resize2fs',
      'fdisk',
      'lvm',
    ];
    return sbin.includes(name) ? `/usr/sbin/${name}` : `/usr/bin/${name}`;
  }

  private cd(argv: string[], io: Io): number {
    const target =
      argv[1] === undefined || argv[1] === '~'
        ? (this.env.HOME ?? '/')
        : argv[1] === '-'
          ? (this.env.OLDPWD ?? this.cwd)
          : argv[1];
    const abs = resolvePath(this.cwd, target);
    const st = this.machine.host.vfs.stat(abs);
    if (failed(st) || st.kind !== 'dir') {
      io.err(`bash: cd: ${argv[1]}: ${failed(st) ? strerror(st.errno) : 'Not a directory'}\n`);
      return 1;
    }
    if (argv[1] === '-') io.out(abs + '\n');
    this.env.OLDPWD = this.cwd;
    this.cwd = abs;
    this.env.PWD = abs;
    return 0;
  }

  private export(argv: string[], io: Io): number {
    if (argv.length === 1 || argv[1] === '-p') {
      for (const k of [...this.exported].sort()) if (k in this.env) io.out(`declare -x ${k}="${this.env[k]}"\n`);
      return 0;
    }
    let st = 0;
    for (const a of argv.slice(1)) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(=(.*))?$/s.exec(a);
      if (!m) {
        io.err(`bash: export: \`${a}': not a valid identifier\n`);
        st = 1;
        continue;
      }
      if (m[2] !== undefined) this.setVar(m[1], m[3]);
      this.exported.add(m[1]);
    }
    return st;
  }

  /** Runs a command list with the given streams; returns the last status. */
  runList(list: CommandList, io: Io): number {
    for (const item of list) this.status = this.runAndOr(item, io);
    return this.status;
  }

  private runAndOr(ao: AndOr, io: Io): number {
    let st = this.runPipeline(ao.first, io);
    for (const { op, pipeline } of ao.rest) {
      this.status = st;
      if ((op === '&&') === (st === 0)) st = this.runPipeline(pipeline, io);
    }
    return st;
  }

  /** Runs a pipeline; with more than one command each runs in a subshell, as in bash (`… | while read x` does not set x here). */
  private runPipeline(p: Pipeline, io: Io): number {
    let stdin = io.stdin;
    let st = 0;
    const alone = p.commands.length === 1;
    p.commands.forEach((cmd, i) => {
      const last = i === p.commands.length - 1;
      let buf = '';
      const out: Sink = last ? io.out : (t) => (buf += t);
      const cio: Io = { stdin, out, err: io.err, notTty: last ? io.notTty : { ...io.notTty, 1: true } };
      st = alone ? this.runCommand(cmd, cio) : this.subshell(() => this.runCommand(cmd, cio));
      stdin = new Input(buf);
    });
    return p.negate ? (st === 0 ? 1 : 0) : st;
  }

  /** Runs `fn` with the shell's variables, cwd and loop state restored afterwards; `exit`, `break` and `continue` end only the subshell. */
  subshell(fn: () => number): number {
    const saved = {
      env: { ...this.env },
      cwd: this.cwd,
      exported: new Set(this.exported),
      status: this.status,
      loopDepth: this.loopDepth,
    };
    const functions = new Map(this.functions);
    const positional = this.positional;
    try {
      return fn();
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.status;
      if (e instanceof LoopSignal) return 0;
      throw e;
    } finally {
      this.env = saved.env;
      this.functions = functions;
      this.positional = positional;
      this.cwd = saved.cwd;
      this.exported.clear();
      for (const k of saved.exported) this.exported.add(k);
      this.loopDepth = saved.loopDepth;
    }
  }

  /** One element of a pipeline. */
  private runCommand(cmd: Command, io: Io): number {
    if (cmd.kind === 'simple') return this.runSimple(cmd, io);
    if (cmd.kind === 'function') {
      this.functions.set(cmd.name, cmd);
      return 0;
    }
    let r: ReturnType<Interpreter['redirect']> = null;
    try {
      r = this.redirect(cmd.redirects, io);
      if (!r) return 1;
      return this.runCompound(cmd, r.io);
    } catch (e) {
      // Only this command's own expansions abort here: simple commands inside catch theirs.
      if (e instanceof Abort) return e.status;
      throw e;
    } finally {
      r?.flush();
    }
  }

  /** Runs a function with its arguments as $1…; `return` ends it, its `local`s are undone, loops outside it are out of reach. */
  private callFunction(
    fn: FunctionDef,
    argv: string[],
    io: Io,
    assigns: readonly (readonly [string, string])[],
  ): number {
    if (this.frames.length >= FUNC_NEST_LIMIT)
      throw new LoopBudgetExceeded(
        1,
        `bash: ${fn.name}: maximum function nesting level exceeded (${FUNC_NEST_LIMIT})\n`,
      );
    if (--this.callBudget < 0)
      throw new LoopBudgetExceeded(
        1,
        `bash: function calls stopped after ${COMMAND_CALL_BUDGET} calls in one command (sandbox limit)\n`,
      );
    const frame: CallFrame = { callerArgs: this.positional, hidden: new Map() };
    // `X=1 f` sets X for the call only, like a local.
    declareLocals(
      assigns.map(([k, v]) => `${k}=${v}`),
      frame,
      this.env,
      (n, v) => this.setVar(n, v),
      io.err,
    );
    const loopDepth = this.loopDepth;
    this.frames.push(frame);
    this.positional = argv.slice(1);
    this.loopDepth = 0;
    try {
      return this.runCommand(fn.body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.frames.pop();
      restoreLocals(frame, this.env);
      this.positional = frame.callerArgs;
      this.loopDepth = loopDepth;
    }
  }

  /** `case`: the first clause with a matching pattern runs; `;&` runs the next body too, `;;&` tests the next clauses. */
  private runCase(word: Word, items: CaseItem[], io: Io): number {
    const subject = this.expandString(word, io);
    let st = 0;
    let fallInto = false;
    for (const item of items) {
      if (!fallInto && !item.patterns.some((p) => patternRegex(this.expandPattern(p, io)).test(subject))) continue;
      st = item.body.length ? this.runList(item.body, io) : 0;
      if (item.end === ';;') return st;
      fallInto = item.end === ';&';
    }
    return st;
  }

  /** `[[ … ]]`: 0 true, 1 false, 2 for a bad regex or bad arithmetic. */
  private runCond(expr: CondExpr, io: Io): number {
    const ctx: CommandContext = {
      argv: ['[['],
      stdin: '',
      out: io.out,
      err: io.err,
      env: this.env,
      cwd: this.cwd,
      machine: this.machine,
    };
    const test = new TestEval([], ctx);
    const field = (w: Word) => this.expandFields(w, io, 'pattern')[0] ?? { text: '', mask: [], started: true };
    try {
      const ok = evalCond(expr, {
        text: (w) => this.expandString(w, io),
        pattern: (w) => escapeQuoted(field(w), (c) => ('*?[]\\'.includes(c) ? '\\' + c : c)),
        regex: (w) => escapeQuoted(field(w), (c) => c.replace(/[.[\]()*+?{}|^$\\]/, '\\$&')),
        arith: (e) => evalArith(e, (n) => this.env[n]),
        unary: (op, arg) => test.unary(op, arg),
        fileBinary: (a, op, b) => test.binary(a, op, b),
        matched: (groups) => this.setVar('BASH_REMATCH', groups[0]),
      });
      return ok ? 0 : 1;
    } catch (e) {
      if (!(e instanceof CondError)) throw e;
      if (e.message) io.err(`bash: ${e.message}\n`);
      return 2;
    }
  }

  private runCompound(cmd: CompoundCommand, io: Io): number {
    switch (cmd.kind) {
      case 'case':
        return this.runCase(cmd.word, cmd.items, io);
      case 'cond':
        return this.runCond(cmd.expr, io);
      case 'group':
        return this.runList(cmd.body, io);
      case 'subshell':
        return this.subshell(() => this.runList(cmd.body, io));
      case 'if':
        for (const c of cmd.clauses) if (this.runList(c.cond, io) === 0) return this.runList(c.body, io);
        return cmd.otherwise ? this.runList(cmd.otherwise, io) : 0;
      case 'while':
        return this.loop(
          io,
          () => (this.runList(cmd.cond, io) === 0) !== cmd.until,
          () => this.runList(cmd.body, io),
        );
      case 'for': {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(cmd.name)) {
          io.err(`bash: \`${cmd.name}': not a valid identifier\n`);
          return 1;
        }
        let items: string[];
        try {
          items = cmd.items ? cmd.items.flatMap((w) => this.expandWord(w, io)) : [...this.positional];
        } catch (e) {
          if (e instanceof Abort) return e.status;
          throw e;
        }
        let i = 0;
        return this.loop(
          io,
          () => i < items.length,
          () => {
            this.setVar(cmd.name, items[i++]);
            return this.runList(cmd.body, io);
          },
        );
      }
    }
  }

  /** Runs a loop with `break`/`continue` and the sandbox's iteration limits; the status of the last body run (0 if none). */
  private loop(io: Io, more: () => boolean, body: () => number): number {
    let st = 0;
    let n = 0;
    this.loopDepth++;
    try {
      for (;;) {
        const before = this.dispatched;
        try {
          if (!more()) break;
          if (++n > LOOP_LIMIT) {
            io.err(`bash: loop stopped after ${LOOP_LIMIT} iterations (sandbox limit)\n`);
            return 1;
          }
          if (--this.loopBudget < 0) {
            // Said by the shell on the terminal, even when this loop's stderr goes elsewhere.
            throw new LoopBudgetExceeded(
              1,
              `bash: loops stopped after ${COMMAND_LOOP_BUDGET} iterations in one command (sandbox limit)\n`,
            );
          }
          st = body();
        } catch (e) {
          if (!(e instanceof LoopSignal)) throw e;
          st = 0;
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          if (e.kind === 'break') break;
        } finally {
          if (this.dispatched !== before) this.onIteration();
        }
      }
    } finally {
      this.loopDepth--;
    }
    return st;
  }

  /** Expands a word to fields (field splitting of unquoted expansions, globbing, quote removal). */
  expandWord(w: Word, io: Io, split = true): string[] {
    const fields = this.expandFields(w, io, split ? 'fields' : 'string');
    const out: string[] = [];
    for (const f of fields) {
      if (split && hasGlob(f.text, f.mask)) {
        const matches = expandGlob(this.machine.host.vfs, this.cwd, f.text, f.mask);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
    return out;
  }

  /** A word as a shell pattern (`case`, `[[ == ]]`): quoted characters escaped, unquoted expansions free to match. */
  expandPattern(w: Word, io: Io): string {
    const f = this.expandFields(w, io, 'pattern')[0];
    return f ? escapeQuoted(f, (c) => ('*?[]\\'.includes(c) ? '\\' + c : c)) : '';
  }

  /** Expansion to fields whose mask says which characters may glob; "$@" gives one field per parameter. */
  private expandFields(w: Word, io: Io, mode: ExpandMode): Field[] {
    const split = mode === 'fields';
    const fields: Field[] = [];
    let cur: Field = { text: '', mask: [], started: false };
    const add = (text: string, globbable: boolean) => {
      cur.text += text;
      for (let i = 0; i < text.length; i++) cur.mask.push(globbable);
      cur.started = true;
    };
    const addSplit = (text: string) => {
      if (!split) return add(text, mode === 'pattern');
      for (const ch of text) {
        if (IFS_WS.test(ch)) {
          if (cur.started) fields.push(cur);
          cur = { text: '', mask: [], started: false };
        } else add(ch, true);
      }
    };
    w.parts.forEach((p, idx) => {
      if (p.kind === 'lit') {
        let text = p.text;
        if (idx === 0 && !p.quoted && (text === '~' || text.startsWith('~/')))
          text = (this.env.HOME ?? '/') + text.slice(1);
        add(text, !p.quoted);
        if (p.quoted) cur.started = true;
        return;
      }
      if (p.kind === 'var' && p.name === '@' && !p.op && p.quoted && split) {
        // "$@": each parameter its own field, none at all when there are none.
        this.positional.forEach((arg, i) => {
          if (i) {
            fields.push(cur);
            cur = { text: '', mask: [], started: false };
          }
          add(arg, false);
          cur.started = true;
        });
        return;
      }
      const value = this.expandPart(p, io);
      if (p.quoted) {
        add(value, false);
        cur.started = true;
      } else addSplit(value);
    });
    if (cur.started) fields.push(cur);
    return fields;
  }

  /** A word expanded to one string (assignments, heredoc bodies, redirection targets). */
  expandString(w: Word, io: Io): string {
    return this.expandWord(w, io, false).join('');
  }

  private expandPart(p: Exclude<Word['parts'][number], { kind: 'lit' }>, io: Io): string {
    if (p.kind === 'var') return p.op ? this.expandParam(p, io) : this.varValue(p.name);
    if (p.kind === 'cmdsub') return this.substitute(p.list, io);
    const expr = this.expandString(p.expr, io);
    const r = evalArith(expr, (n) => this.env[n]);
    if (!r.ok) {
      io.err(`bash: ${r.error}\n`);
      throw new Abort(1);
    }
    return r.value.toString();
  }

  /** Whether a parameter is set (specials always are, positional ones never: the shell has no arguments). */
  private isSet(name: string): boolean {
    if (/^[?$#0!*@-]$/.test(name) || name === 'RANDOM') return true;
    if (/^\d+$/.test(name)) return Number(name) <= this.positional.length;
    return name in this.env;
  }

  /** `${NAME<op>word}` and `${#NAME}` */
  private expandParam(p: Extract<WordPart, { kind: 'var' }>, io: Io): string {
    const value = this.varValue(p.name);
    const op = p.op!;
    if (op === 'length') return String([...value].length);
    const word = () => (p.arg ? this.expandString(p.arg, io) : '');
    const unset = op.startsWith(':') ? !this.isSet(p.name) || value === '' : !this.isSet(p.name);
    switch (op) {
      case ':-':
      case '-':
        return unset ? word() : value;
      case ':=':
      case '=': {
        if (!unset) return value;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) {
          io.err(`bash: $${p.name}: cannot assign in this way\n`);
          throw new Abort(1);
        }
        const v = word();
        this.setVar(p.name, v);
        return v;
      }
      case ':+':
      case '+':
        return unset ? '' : word();
      case ':?':
      case '?': {
        if (!unset) return value;
        const msg = word() || (op === ':?' ? 'parameter null or not set' : 'parameter not set');
        io.err(`bash: ${p.name}: ${msg}\n`);
        throw new Abort(1);
      }
      default:
        return trimPattern(value, op, word());
    }
  }

  private varValue(name: string): string {
    if (name === '?') return String(this.status);
    if (name === 'RANDOM') return String(this.random.next());
    if (name === '$') return '4242';
    if (name === '#') return String(this.positional.length);
    if (name === '0') return 'bash';
    if (name === '@' || name === '*') return this.positional.join(' ');
    if (/^\d+$/.test(name)) return this.positional[Number(name) - 1] ?? '';
    if (name === '!') return '';
    if (name === '-') return 'hB';
    return this.env[name] ?? '';
  }

  /** `$( … )`: runs in a subshell (variables and cwd restored), stdout captured without trailing newlines. */
  private substitute(list: CommandList, io: Io): string {
    let buf = '';
    this.status = this.subshell(() =>
      this.runList(list, {
        stdin: new Input(''),
        out: (t) => (buf += t),
        err: io.err,
        notTty: { ...io.notTty, 1: true },
      }),
    );
    return buf.replace(/\n+$/, '');
  }

  /** Applies redirections: returns the command's streams and a flush for file outputs, or null after an error. */
  private redirect(redirects: Redirect[], io: Io): { io: Io; flush: () => void } | null {
    const vfs = this.machine.host.vfs;
    const files: { path: string; text: string }[] = [];
    const fds: Record<number, Sink> = { 1: io.out, 2: io.err };
    const notTty: Record<number, boolean> = { 1: !!io.notTty?.[1], 2: !!io.notTty?.[2] };
    let stdin = io.stdin;
    for (const r of redirects) {
      if (r.op === '>&') {
        fds[r.fd] = fds[r.toFd] ?? io.out;
        notTty[r.fd] = notTty[r.toFd] ?? notTty[1];
        continue;
      }
      if (r.op === '<<') {
        const body = this.expandString(r.body, io);
        if (r.fd === 0) stdin = new Input(body);
        continue;
      }
      const fields = this.expandWord(r.target, io);
      const raw = fields.join(' ');
      if (fields.length !== 1) {
        io.err(`bash: ${raw}: ambiguous redirect\n`);
        return null;
      }
      const abs = resolvePath(this.cwd, fields[0]);
      if (r.op === '<') {
        const text = vfs.readFile(abs);
        if (failed(text)) {
          io.err(`bash: ${fields[0]}: ${strerror(text.errno)}\n`);
          return null;
        }
        if (r.fd === 0) stdin = new Input(text);
        continue;
      }
      if (abs === '/dev/null') {
        fds[r.fd] = Object.assign(() => {}, { zeros: () => {} });
        notTty[r.fd] = true;
        continue;
      }
      if (abs === '/dev/stdout' || abs === '/dev/stderr') {
        fds[r.fd] = abs === '/dev/stdout' ? fds[1] : fds[2];
        notTty[r.fd] = abs === '/dev/stdout' ? notTty[1] : notTty[2];
        continue;
      }
      const st = vfs.stat(abs);
      if (!failed(st) && st.kind === 'dir') {
        io.err(`bash: ${fields[0]}: Is a directory\n`);
        return null;
      }
      const e = r.op === '>' ? vfs.writeFile(abs, '') : vfs.writeFile(abs, '', true);
      if (e) {
        io.err(`bash: ${fields[0]}: ${strerror(e.errno)}\n`);
        return null;
      }
      const file = { path: abs, text: '' };
      files.push(file);
      fds[r.fd] = Object.assign((t: string) => void (file.text += t), {
        // A long run of NULs (docker save's tar) lands as allocated extents after what was written before it.
        zeros: (bytes: number) => {
          write(file);
          const st = vfs.stat(file.path);
          const e = failed(st) ? st : vfs.allocate(file.path, st.size, bytes);
          if (e) io.err(`bash: ${fields[0]}: write error: ${strerror(e.errno)}\n`);
        },
      });
      notTty[r.fd] = true;
    }
    const write = (f: { path: string; text: string }) => {
      if (!f.text) return;
      const e = vfs.writeFile(f.path, f.text, true);
      f.text = '';
      if (e) io.err(`bash: ${f.path}: write error: ${strerror(e.errno)}\n`);
    };
    const flush = () => files.forEach(write);
    return { io: { stdin, out: fds[1], err: fds[2], notTty: { 1: notTty[1], 2: notTty[2] } }, flush };
  }

  /** Runs one simple command; returns its status. */
  runSimple(cmd: SimpleCommand, io: Io): number {
    try {
      return this.runSimpleUnsafe(cmd, io);
    } catch (e) {
      if (e instanceof Abort) return e.status;
      throw e;
    }
  }

  private runSimpleUnsafe(cmd: SimpleCommand, io: Io): number {
    const argv: string[] = [];
    for (const w of cmd.words) argv.push(...this.expandWord(w, io));
    const assigns = cmd.assigns.map((a) => [a.name, this.expandString(a.value, io)] as const);
    const r = this.redirect(cmd.redirects, io);
    if (!r) return 1;
    if (!argv.length) {
      for (const [k, v] of assigns) this.setVar(k, v);
      r.flush();
      return this.lastSubstStatus(cmd);
    }
    let st: number;
    try {
      st = this.dispatch(argv, r.io, assigns);
    } finally {
      r.flush();
    }
    return st;
  }

  /** An assignment-only command returns the status of its last command substitution (0 if none). */
  private lastSubstStatus(cmd: SimpleCommand): number {
    const hasSubst = cmd.assigns.some((a) => a.value.parts.some((p) => p.kind === 'cmdsub'));
    return hasSubst ? this.status : 0;
  }

  /** Strips `sudo` and its options: we are root already. */
  private stripSudo(argv: string[]): string[] | null {
    let a = argv;
    while (a[0] === 'sudo') {
      let i = 1;
      while (i < a.length && a[i].startsWith('-')) {
        if (a[i] === '-u' || a[i] === '-g') i++;
        i++;
      }
      a = a.slice(i);
      if (!a.length) return null;
    }
    return a;
  }

  private dispatch(
    argvIn: string[],
    io: Io,
    assigns: readonly (readonly [string, string])[],
    baseEnv?: Record<string, string>,
  ): number {
    const argv = this.stripSudo(argvIn);
    if (!argv) return 0;
    const name = argv[0];
    // Functions shadow builtins and commands; `sudo f` runs the command, as sudo knows no shell functions.
    const fn = argvIn[0] === 'sudo' ? undefined : this.functions.get(name);
    if (fn) return this.callFunction(fn, argv, io, assigns);
    if (
      (name === 'su' || name === 'bash' || name === 'sh') &&
      argv.slice(1).every((x) => x === '-' || x === '-l' || x === '-i')
    )
      return 0;
    const builtin = this.builtins[name];
    if (builtin) return builtin(argv, io);
    const bare = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
    const handler = this.table[name] ?? (name.includes('/') ? this.table[bare] : undefined);
    if (!handler) {
      if (name.includes('/')) io.err(`bash: ${name}: No such file or directory\n`);
      else io.err(`bash: ${name}: command not found\n`);
      return 127;
    }
    this.dispatched++;
    // A command run by another (env, xargs) inherits that command's environment, not the shell's.
    const env = { ...(baseEnv ?? this.env) };
    for (const [k, v] of assigns) env[k] = v;
    try {
      return handler({
        argv: [name.includes('/') && !this.table[name] ? bare : name, ...argv.slice(1)],
        stdin: io.stdin.rest(),
        out: io.out,
        err: io.err,
        env,
        cwd: this.cwd,
        machine: this.machine,
        stdoutIsTerminal: !io.notTty?.[1],
        outZeros: io.out.zeros,
        exec: (a, stdin, childEnv) =>
          this.dispatch(
            a,
            { stdin: new Input(stdin), out: io.out, err: io.err, notTty: io.notTty },
            [],
            childEnv ?? env,
          ),
        pathOf: (n) => (this.table[n] ? this.binPath(n) : undefined),
      });
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof Abort || e instanceof LoopSignal || e instanceof LoopBudgetExceeded)
        throw e;
      io.err(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
}
