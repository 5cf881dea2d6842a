// `basename` and `dirname`: path strings only, the filesystem is not consulted (coreutils semantics).
import type { CommandContext, CommandTable } from '../types';
import { missingOperand, parseOpts } from './opts';

/** The last component of a path, trailing slashes ignored; `/` for a path of slashes. */
export function baseName(name: string, suffix = ''): string {
  if (name === '') return '';
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  let base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  return base;
}

/** The path without its last component: `.` when there is no slash, `/` at the root. */
export function dirName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return trimmed.slice(0, slash).replace(/\/+$/, '') || '/';
}

function basename(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'az', withValue: 's', long: { multiple: 'a', 'suffix=': 's', zero: 'z' } });
  if (typeof p === 'number') return p;
  if (!p.args.length) return missingOperand(ctx);
  const end = 'z' in p.opts ? '\0' : '\n';
  const multiple = 'a' in p.opts || 's' in p.opts;
  if (!multiple && p.args.length > 2) {
    ctx.err(`basename: extra operand ‘${p.args[2]}’\nTry 'basename --help' for more information.\n`);
    return 1;
  }
  if (multiple) for (const n of p.args) ctx.out(baseName(n, p.opts.s ?? '') + end);
  else ctx.out(baseName(p.args[0], p.args[1] ?? '') + end);
  return 0;
}

function dirname(ctx: CommandContext): number {
  const p = parseOpts(ctx, { flags: 'z', long: { zero: 'z' } });
  if (typeof p === 'number') return p;
  if (!p.args.length) return missingOperand(ctx);
  for (const n of p.args) ctx.out(dirName(n) + ('z' in p.opts ? '\0' : '\n'));
  return 0;
}

/** `basename` and `dirname`. */
export const nameCommands: CommandTable = { basename, dirname };
