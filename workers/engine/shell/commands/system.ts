// System information commands: sleep, date, hostname, uname, whoami, id, clear, env, which.
import type { CommandContext, CommandTable } from '../types';
import { parseOpts } from './opts';
import { formatDate } from './dates';

function sleep(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  if (!a.length) {
    ctx.err(`sleep: missing operand\nTry 'sleep --help' for more information.\n`);
    return 1;
  }
  let total = 0;
  for (const x of a) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(x);
    if (!m || x === 'infinity') {
      if (x === 'infinity') continue;
      ctx.err(`sleep: invalid time interval ‘${x}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's'];
  }
  ctx.machine.clock.tick(Math.ceil(total));
  return 0;
}

function date(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  const fmt = a.find((x) => x.startsWith('+'));
  const bad = a.find((x) => !x.startsWith('+') && x !== '-u' && x !== '--utc');
  if (bad) {
    ctx.err(`date: invalid date ‘${bad}’\n`);
    return 1;
  }
  ctx.out(formatDate(ctx.machine.clock.now, fmt?.slice(1)) + '\n');
  return 0;
}

function uname(ctx: CommandContext): number {
  const p = parseOpts(ctx, {
    flags: 'asnrvmpio',
    long: { all: 'a', 'kernel-release': 'r', 'kernel-name': 's', nodename: 'n', machine: 'm' },
  });
  if (typeof p === 'number') return p;
  const pr = ctx.machine.profile;
  const f: Record<string, string> = {
    s: 'Linux',
    n: pr.hostname,
    r: pr.kernelVersion,
    v: '#1 SMP Wed Oct 19 11:24:13 EDT 2016',
    m: 'x86_64',
    p: 'x86_64',
    i: 'x86_64',
    o: 'GNU/Linux',
  };
  const keys = 'a' in p.opts ? [...'snrvmpio'] : [...'snrvmpio'].filter((k) => k in p.opts);
  ctx.out((keys.length ? keys : ['s']).map((k) => f[k]).join(' ') + '\n');
  return 0;
}

function id(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  if (a.includes('-u')) ctx.out('0\n');
  else if (a.includes('-un') || a.includes('-nu')) ctx.out('root\n');
  else
    ctx.out('uid=0(root) gid=0(root) groups=0(root) context=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\n');
  return 0;
}

/** env [-i] [-u NAME]… [NAME=VALUE]… [COMMAND [ARG]…]: the environment it builds, then the command or a listing. */
function env(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  let vars: Record<string, string> = { ...ctx.env };
  let i = 0;
  for (; i < a.length && a[i].startsWith('-') && a[i] !== '-'; i++) {
    if (a[i] === '--') {
      i++;
      break;
    }
    if (a[i] === '-i' || a[i] === '--ignore-environment') vars = {};
    else if (a[i] === '-u' || a[i] === '--unset') delete vars[a[++i] ?? ''];
    else if (a[i].startsWith('-u')) delete vars[a[i].slice(2)];
    else {
      const bad = a[i].startsWith('--') ? `unrecognized option '${a[i]}'` : `invalid option -- '${a[i][1]}'`;
      ctx.err(`env: ${bad}\nTry 'env --help' for more information.\n`);
      return 125;
    }
  }
  if (a[i] === '-') {
    vars = {};
    i++;
  }
  for (; i < a.length && /^[^=]+=/.test(a[i]); i++) {
    const eq = a[i].indexOf('=');
    vars[a[i].slice(0, eq)] = a[i].slice(eq + 1);
  }
  const cmd = a.slice(i);
  if (!cmd.length) {
    ctx.out(
      Object.entries(vars)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    return 0;
  }
  if (!ctx.exec) return 126;
  const st = ctx.exec(cmd, ctx.stdin, vars);
  return st === 127 ? 127 : st;
}

function printenv(ctx: CommandContext): number {
  const names = ctx.argv.slice(1);
  if (!names.length) return env({ ...ctx, argv: ['env'] });
  let st = 0;
  for (const n of names) {
    if (ctx.env[n] !== undefined) ctx.out(ctx.env[n] + '\n');
    else st = 1;
  }
  return st;
}

function which(ctx: CommandContext): number {
  let st = 0;
  for (const n of ctx.argv.slice(1)) {
    const path = ctx.pathOf?.(n);
    if (path) ctx.out(`${path}\n`);
    else {
      ctx.err(`/usr/bin/which: no ${n} in (${ctx.env.PATH ?? ''})\n`);
      st = 1;
    }
  }
  return st;
}

/** The system commands; `which` asks the shell where a command lives. */
export const systemCommands: CommandTable = {
  sleep,
  date,
  uname,
  id,
  env,
  printenv,
  hostname: (ctx) => (ctx.out(ctx.machine.profile.hostname + '\n'), 0),
  whoami: (ctx) => (ctx.out('root\n'), 0),
  clear: (ctx) => (ctx.out('\x1b[H\x1b[2J'), 0),
  which,
};
