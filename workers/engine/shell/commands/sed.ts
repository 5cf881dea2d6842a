// `sed`: runs parsed scripts over lines with GNU range rules, -n, -i[SUFFIX], -s, -E/-r, -e/-f and sed's error texts.
import type { CommandContext, CommandTable } from '../types';
import { failed, strerror } from '../../host/errno';
import { parseOpts } from './opts';
import { abs } from './io';
import { parseSedScript, SedError, type Address, type ReplacementPart, type SedCommand } from './sedScript';

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n';

/** A range's state between lines. */
interface RangeState {
  active: boolean;
  /** Line number where the range must end (addr2 a line number). */
  endLine?: number;
}

function substitute(line: string, s: NonNullable<SedCommand['subst']>): { text: string; changed: boolean } {
  let count = 0;
  let changed = false;
  s.re.lastIndex = 0;
  const text = line.replace(s.re, (...m: unknown[]) => {
    count++;
    if (count < s.nth || (!s.global && count > s.nth)) return m[0] as string;
    changed = true;
    return expand(s.replacement, m);
  });
  return { text, changed };
}

function expand(parts: ReplacementPart[], m: unknown[]): string {
  let out = '';
  for (const p of parts) out += p.kind === 'text' ? p.text : ((m[p.n] as string | undefined) ?? '');
  return out;
}

/** Runs the commands over one stream of lines (all files, or each with -s / -i). */
function runStream(cmds: SedCommand[], input: string[], quiet: boolean): { out: string; quit?: number } {
  let out = '';
  const ranges: RangeState[] = cmds.map(() => ({ active: false }));
  const last = input.length;
  const matchOne = (a: Address, n: number, line: string) =>
    a.kind === 'line' ? a.n === n : a.kind === 'last' ? n === last : ((a.re.lastIndex = 0), a.re.test(line));
  const selected = (c: SedCommand, k: number, n: number, line: string): boolean => {
    if (!c.addr1) return true;
    if (!c.addr2) return matchOne(c.addr1, n, line);
    const r = ranges[k];
    if (r.active) {
      const a2 = c.addr2;
      if (a2.kind === 'line' ? n >= a2.n : matchOne(a2, n, line)) r.active = false;
      return true;
    }
    const zeroStart = c.addr1.kind === 'line' && c.addr1.n === 0;
    if (!zeroStart && !matchOne(c.addr1, n, line)) return false;
    if (zeroStart && n !== 1) return false;
    const a2 = c.addr2;
    if (a2.kind === 'line') r.active = n < a2.n;
    else if (a2.kind === 'last') r.active = n !== last;
    else r.active = !(zeroStart && matchOne(a2, n, line));
    return true;
  };
  for (let idx = 0; idx < input.length; idx++) {
    let n = idx + 1;
    let line = input[idx];
    let deleted = false;
    let append = '';
    let quit: number | undefined;
    let printAtEnd = !quiet;
    for (let k = 0; k < cmds.length; k++) {
      const c = cmds[k];
      if (c.name === '}') continue;
      const hit = selected(c, k, n, line) !== c.negate;
      if (!hit) {
        if (c.name === '{') k = c.jump!;
        continue;
      }
      if (c.name === 'p') out += line + '\n';
      else if (c.name === '=') out += `${n}\n`;
      else if (c.name === 'a') append += c.text + '\n';
      else if (c.name === 'i') out += c.text + '\n';
      else if (c.name === 'c') {
        if (!c.addr2 || !ranges[k].active || c.negate) out += c.text + '\n';
        deleted = true;
        break;
      } else if (c.name === 'd') {
        deleted = true;
        break;
      } else if (c.name === 'n') {
        if (!quiet) out += line + '\n';
        out += append;
        append = '';
        if (idx + 1 >= input.length) {
          printAtEnd = false;
          quit = 0;
          break;
        }
        idx++;
        n = idx + 1;
        line = input[idx];
      } else if (c.name === 'y') {
        line = [...line].map((ch) => c.translate!.get(ch) ?? ch).join('');
      } else if (c.name === 's') {
        const r = substitute(line, c.subst!);
        line = r.text;
        if (r.changed && c.subst!.print) out += line + '\n';
      } else if (c.name === 'q') {
        quit = c.exitCode;
        break;
      } else if (c.name === 'Q') {
        return { out, quit: c.exitCode };
      }
    }
    if (!deleted && printAtEnd) out += line + '\n';
    out += append;
    if (quit !== undefined) return { out, quit };
  }
  return { out };
}

/** Splits input into lines, remembering whether the last one had its newline (sed keeps it missing). */
function splitLines(text: string): { lines: string[]; newlineAtEnd: boolean } {
  if (!text) return { lines: [], newlineAtEnd: true };
  const lines = text.split('\n');
  const newlineAtEnd = lines[lines.length - 1] === '';
  if (newlineAtEnd) lines.pop();
  return { lines, newlineAtEnd };
}

function sed(ctx: CommandContext): number {
  // -i takes an optional attached backup suffix (`-i.bak`, and GNU reads `-in` as suffix "n").
  let suffix: string | undefined;
  const argv = ctx.argv
    .map((a, k) => {
      if (k === 0 || !/^-[^-]/.test(a) || ctx.argv[k - 1] === '-e' || ctx.argv[k - 1] === '-f') return a;
      const at = a.indexOf('i');
      const e = a.indexOf('e');
      if (at < 0 || (e >= 0 && e < at)) return a;
      suffix = a.slice(at + 1);
      return a.slice(0, at + 1);
    })
    .map((a) => (a.startsWith('--in-place=') ? ((suffix = a.slice(11)), '--in-place') : a));
  const p = parseOpts(
    { ...ctx, argv },
    {
      flags: 'nEris',
      withValue: 'ef',
      long: {
        'in-place': 'i',
        quiet: 'n',
        silent: 'n',
        'regexp-extended': 'E',
        'expression=': 'e',
        'file=': 'f',
        separate: 's',
      },
    },
  );
  if (typeof p === 'number') return p;
  const vfs = ctx.machine.host.vfs;
  const scripts: string[] = [];
  for (const [k, v] of p.all) {
    if (k === 'e') scripts.push(v);
    if (k === 'f') {
      const t = vfs.readFile(abs(ctx, v));
      if (failed(t)) {
        ctx.err(`sed: couldn't open file ${v}: ${strerror(t.errno)}\n`);
        return 1;
      }
      scripts.push(t.replace(/\n$/, ''));
    }
  }
  const args = [...p.args];
  if (!scripts.length) {
    if (!args.length) {
      ctx.err(USAGE);
      return 1;
    }
    scripts.push(args.shift()!);
  }
  const extended = 'E' in p.opts || 'r' in p.opts;
  const cmds: SedCommand[] = [];
  const open: number[] = [];
  for (let e = 0; e < scripts.length; e++) {
    try {
      parseSedScript(scripts[e], extended, cmds, open);
    } catch (x) {
      if (!(x instanceof SedError)) throw x;
      ctx.err(`sed: -e expression #${e + 1}, char ${x.char}: ${x.message}\n`);
      return 1;
    }
  }
  if (open.length) {
    ctx.err("sed: -e expression #1, char 0: unmatched `{'\n");
    return 1;
  }
  const inPlace = 'i' in p.opts;
  if (inPlace && !args.length) {
    ctx.err('sed: no input files\n');
    return 1;
  }
  const quiet = 'n' in p.opts;
  const files: { name: string; text: string }[] = [];
  let status = 0;
  for (const f of args.length ? args : ['-']) {
    if (f === '-') {
      files.push({ name: '-', text: ctx.stdin });
      continue;
    }
    const t = vfs.readFile(abs(ctx, f));
    if (failed(t)) {
      ctx.err(`sed: can't read ${f}: ${strerror(t.errno)}\n`);
      status = 2;
    } else files.push({ name: f, text: t });
  }
  const finish = (text: string, newlineAtEnd: boolean) =>
    newlineAtEnd || !text.endsWith('\n') ? text : text.slice(0, -1);
  if (inPlace || 's' in p.opts) {
    for (const f of files) {
      const { lines, newlineAtEnd } = splitLines(f.text);
      const r = runStream(cmds, lines, quiet);
      const text = finish(r.out, newlineAtEnd);
      if (inPlace && f.name !== '-') {
        if (suffix) vfs.writeFile(abs(ctx, f.name + suffix), f.text);
        vfs.writeFile(abs(ctx, f.name), text);
      } else ctx.out(text);
      if (r.quit !== undefined) return r.quit || status;
    }
    return status;
  }
  const joined = files.map((f) => f.text).join('');
  const { lines, newlineAtEnd } = splitLines(joined);
  const r = runStream(cmds, lines, quiet);
  ctx.out(finish(r.out, newlineAtEnd));
  return r.quit || status;
}

/** `sed`. */
export const sedCommands: CommandTable = { sed };
