// awk as gawk 4.0 runs it (RHEL 7): options, program text, then the lexer, parser and evaluator of awk*.ts.
import type { CommandContext, CommandTable } from '../types';
import { expandToText } from './escapes';
import { AwkSyntaxError } from './awkLex';
import { parse, type Program } from './awkParse';
import { AwkRun } from './awkRun';
import { AwkFatal } from './awkOutput';
import { resolvePath } from '../../host/paths';
import { failed, strerror } from '../../host/errno';

const USAGE =
  'Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\n' +
  "Usage: awk [POSIX or GNU style options] [--] 'program' file ...\n";

/** gawk's report of a syntax error: the program line, then a caret under the offending token. */
export function syntaxMessage(src: string, e: AwkSyntaxError, label = 'cmd. line'): string {
  const before = src.slice(0, e.at);
  const lineNo = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const end = src.indexOf('\n', lineStart);
  const line = src.slice(lineStart, end < 0 ? src.length : end);
  const col = Math.min(e.at - lineStart, line.length);
  const head = `awk: ${label}:${lineNo}: `;
  return `${head}${line}\n${head}${' '.repeat(col)}^ ${e.why}\n`;
}

const VERSION = `GNU Awk 4.0.2
Copyright (C) 1989, 1991-2012 Free Software Foundation.

This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 3 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License
along with this program. If not, see http://www.gnu.org/licenses/.
`;

function awk(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  const assigns: [string, string][] = [];
  const progFiles: string[] = [];
  while (a.length && a[0].startsWith('-') && a[0] !== '-') {
    const o = a.shift()!;
    if (o === '--') break;
    if (o === '--version') {
      ctx.out(VERSION);
      return 0;
    }
    if (o.startsWith('--')) return usage(ctx, `unrecognized option '${o}'`);
    if (o.startsWith('-F')) {
      const fs = o.length > 2 ? o.slice(2) : a.shift();
      if (fs === undefined) return usage(ctx, "option requires an argument -- 'F'");
      assigns.push(['FS', fs === 't' ? '\t' : expandToText(fs, 'format').text]);
    } else if (o.startsWith('-v')) {
      const asg = o.length > 2 ? o.slice(2) : a.shift();
      if (asg === undefined) return usage(ctx, "option requires an argument -- 'v'");
      const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(asg);
      if (!m) {
        ctx.err(`awk: \`${asg}' argument to \`-v' not in \`var=value' form\n\n${USAGE}`);
        return 2;
      }
      assigns.push([m[1], expandToText(m[2], 'format').text]);
    } else if (o.startsWith('-f')) {
      const f = o.length > 2 ? o.slice(2) : a.shift();
      if (f === undefined) return usage(ctx, "option requires an argument -- 'f'");
      progFiles.push(f);
    } else return usage(ctx, `invalid option -- '${o[1]}'`);
  }
  let src: string | undefined;
  if (progFiles.length) {
    src = '';
    for (const f of progFiles) {
      const t = ctx.machine.host.vfs.readFile(resolvePath(ctx.cwd, f));
      if (failed(t)) {
        ctx.err(`awk: fatal: can't open source file \`${f}' for reading (${strerror(t.errno)})\n`);
        return 2;
      }
      src += t + '\n';
    }
  } else src = a.shift();
  if (src === undefined) {
    ctx.err(USAGE);
    return 2;
  }
  // gawk names where the program came from: the -f file, else the command line.
  const label = progFiles.length === 1 ? progFiles[0] : 'cmd. line';
  let prog: Program;
  try {
    prog = parse(src);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    ctx.err(syntaxMessage(src, e, label));
    return 1;
  }
  const run = new AwkRun(prog, ctx, ['awk', ...a], assigns);
  try {
    return run.run();
  } catch (caught) {
    // Deep recursion can exhaust the JS stack before the call-depth guard: report it as gawk would a fatal.
    const e = caught instanceof RangeError ? new AwkFatal('function calls nested too deeply') : caught;
    if (!(e instanceof AwkFatal)) throw e;
    ctx.err(`awk: ${label}:${run.line}: ${run.where()}fatal: ${e.msg}\n`);
    return 2;
  }
}

function usage(ctx: CommandContext, why: string): number {
  ctx.err(`awk: ${why}\n${USAGE}`);
  return 2;
}

/** awk (gawk 4.0 as on RHEL 7) and its gawk name. */
export const awkCommands: CommandTable = { awk, gawk: awk };
