// Runs parsed scripts: expansions, pipes, redirections through the host VFS, builtins, and the merged command table.
import type { Machine } from '../machine';
import type { AndOr, CommandList, Pipeline, Redirect, SimpleCommand, Word } from './ast';
import type { CommandTable } from './types';
import { evalArith } from './arith';
import { expandGlob, hasGlob } from './glob';
import { failed, strerror } from '../host/errno';
import { resolvePath } from '../host/paths';

/** Where a command's output goes. */
type Sink = (text: string) => void;

/** Standard streams of a running command. */
interface Io {
  stdin: string;
  out: Sink;
  err: Sink;
}

/** Aborts the current simple command with a status (expansion errors, bad redirections). */
class Abort {
  constructor(readonly status: number) {}
}

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

const IFS_WS = /[ \t\n]/;

/** Shell state kept across commands: variables, exported names, cwd, last status, history. */
export class Interpreter {
  env: Record<string, string>;
  readonly exported = new Set<string>();
  cwd: string;
  status = 0;
  readonly history: string[] = [];
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
        for (const n of a.slice(1)) {
          delete this.env[n];
          this.exported.delete(n);
        }
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
      type: (a, io) => {
        let st = 0;
        for (const n of a.slice(1)) {
          if (this.builtins[n]) io.out(`${n} is a shell builtin\n`);
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

  /** Where `which` and `type` say a command lives. */
  binPath(name: string): string {
    const sbin = ['losetup', 'blockdev', 'dmsetup', 'pvcreate', 'vgcreate', 'lvcreate', 'lvconvert', 'lvchange', 'lvextend', 'lvs', 'pvs', 'vgs',
      'pvdisplay', 'vgdisplay', 'lvdisplay', 'vgextend', 'lvremove', 'vgremove', 'pvremove', 'lvmdiskscan', 'blkid', 'fstrim', 'thin_dump', 'thin_restore',
      'thin_ls', 'thin_check', 'thin_delta', 'thin_metadata_size', 'thin_repair', 'thin_rmap', 'thin_trim', 'mkfs.xfs', 'mkfs.ext4', 'xfs_growfs', 'resize2fs', 'fdisk', 'lvm'];
    return sbin.includes(name) ? `/usr/sbin/${name}` : `/usr/bin/${name}`;
  }

  private cd(argv: string[], io: Io): number {
    const target = argv[1] === undefined || argv[1] === '~' ? this.env.HOME ?? '/' : argv[1] === '-' ? this.env.OLDPWD ?? this.cwd : argv[1];
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
      if (m[2] !== undefined) this.env[m[1]] = m[3];
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

  private runPipeline(p: Pipeline, io: Io): number {
    let stdin = io.stdin;
    let st = 0;
    p.commands.forEach((cmd, i) => {
      const last = i === p.commands.length - 1;
      let buf = '';
      const out: Sink = last ? io.out : (t) => (buf += t);
      st = this.runSimple(cmd, { stdin, out, err: io.err });
      stdin = buf;
    });
    return p.negate ? (st === 0 ? 1 : 0) : st;
  }

  /** Expands a word to fields (field splitting of unquoted expansions, globbing, quote removal). */
  expandWord(w: Word, io: Io, split = true): string[] {
    const fields: Field[] = [];
    let cur: Field = { text: '', mask: [], started: false };
    const add = (text: string, globbable: boolean) => {
      cur.text += text;
      for (let i = 0; i < text.length; i++) cur.mask.push(globbable);
      cur.started = true;
    };
    const addSplit = (text: string) => {
      if (!split) return add(text, false);
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
        if (idx === 0 && !p.quoted && (text === '~' || text.startsWith('~/'))) text = (this.env.HOME ?? '/') + text.slice(1);
        add(text, !p.quoted);
        if (p.quoted) cur.started = true;
        return;
      }
      const value = this.expandPart(p, io);
      if (p.quoted) {
        add(value, false);
        cur.started = true;
      } else addSplit(value);
    });
    if (cur.started) fields.push(cur);
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

  /** A word expanded to one string (assignments, heredoc bodies, redirection targets). */
  expandString(w: Word, io: Io): string {
    return this.expandWord(w, io, false).join('');
  }

  private expandPart(p: Exclude<Word['parts'][number], { kind: 'lit' }>, io: Io): string {
    if (p.kind === 'var') return this.varValue(p.name);
    if (p.kind === 'cmdsub') return this.substitute(p.list, io);
    const expr = this.expandString(p.expr, io);
    const r = evalArith(expr, (n) => this.env[n]);
    if (!r.ok) {
      io.err(`bash: ${r.error}\n`);
      throw new Abort(1);
    }
    return r.value.toString();
  }

  private varValue(name: string): string {
    if (name === '?') return String(this.status);
    if (name === '$') return '4242';
    if (name === '#') return '0';
    if (name === '0') return 'bash';
    if (name === '!' || name === '@' || name === '*' || /^\d+$/.test(name)) return '';
    if (name === '-') return 'hB';
    return this.env[name] ?? '';
  }

  /** `$( … )`: runs in a subshell (variables and cwd restored), stdout captured without trailing newlines. */
  private substitute(list: CommandList, io: Io): string {
    const saved = { env: { ...this.env }, cwd: this.cwd, exported: new Set(this.exported) };
    let buf = '';
    try {
      this.runList(list, { stdin: '', out: (t) => (buf += t), err: io.err });
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      this.status = e.status;
    } finally {
      this.env = saved.env;
      this.cwd = saved.cwd;
      this.exported.clear();
      for (const k of saved.exported) this.exported.add(k);
    }
    return buf.replace(/\n+$/, '');
  }

  /** Applies redirections: returns the command's streams and a flush for file outputs, or null after an error. */
  private redirect(redirects: Redirect[], io: Io): { io: Io; flush: () => void } | null {
    const vfs = this.machine.host.vfs;
    const files: { path: string; text: string }[] = [];
    const fds: Record<number, Sink> = { 1: io.out, 2: io.err };
    let stdin = io.stdin;
    for (const r of redirects) {
      if (r.op === '>&') {
        fds[r.fd] = fds[r.toFd] ?? io.out;
        continue;
      }
      if (r.op === '<<') {
        const body = this.expandString(r.body, io);
        if (r.fd === 0) stdin = body;
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
        if (r.fd === 0) stdin = text;
        continue;
      }
      if (abs === '/dev/null') {
        fds[r.fd] = () => {};
        continue;
      }
      if (abs === '/dev/stdout' || abs === '/dev/stderr') {
        fds[r.fd] = abs === '/dev/stdout' ? fds[1] : fds[2];
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
      fds[r.fd] = (t) => (file.text += t);
    }
    const flush = () => {
      for (const f of files) {
        if (!f.text) continue;
        const e = vfs.writeFile(f.path, f.text, true);
        if (e) io.err(`bash: ${f.path}: write error: ${strerror(e.errno)}\n`);
      }
    };
    return { io: { stdin, out: fds[1], err: fds[2] }, flush };
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
      for (const [k, v] of assigns) this.env[k] = v;
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

  private dispatch(argvIn: string[], io: Io, assigns: readonly (readonly [string, string])[]): number {
    const argv = this.stripSudo(argvIn);
    if (!argv) return 0;
    const name = argv[0];
    if ((name === 'su' || name === 'bash' || name === 'sh') && argv.slice(1).every((x) => x === '-' || x === '-l' || x === '-i')) return 0;
    const builtin = this.builtins[name];
    if (builtin) return builtin(argv, io);
    const bare = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
    const handler = this.table[name] ?? (name.includes('/') ? this.table[bare] : undefined);
    if (!handler) {
      if (name.includes('/')) io.err(`bash: ${name}: No such file or directory\n`);
      else io.err(`bash: ${name}: command not found\n`);
      return 127;
    }
    const env = { ...this.env };
    for (const [k, v] of assigns) env[k] = v;
    try {
      return handler({ argv: [name.includes('/') && !this.table[name] ? bare : name, ...argv.slice(1)], stdin: io.stdin, out: io.out, err: io.err, env, cwd: this.cwd, machine: this.machine,
        exec: (a, stdin) => this.dispatch(a, { stdin, out: io.out, err: io.err }, []) });
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof Abort) throw e;
      io.err(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
}
