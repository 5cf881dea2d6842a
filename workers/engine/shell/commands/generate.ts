// Generators: `seq` (GNU formatting, -w, -s) and `yes`; both stop after a bounded amount so a pipe like `yes | head` ends.
import type { CommandContext, CommandTable } from '../types';
import { parseOpts } from './opts';
import { formatFloat, pad } from './printfFormat';

/** Numbers `seq` prints at most before the sandbox stops it. */
export const SEQ_LIMIT = 100_000;
/** Lines `yes` prints: the reader of a pipe never wants more; the real one runs until SIGPIPE. */
export const YES_LINES = 10_000;

/** A parsed operand: its value and how many digits after the point it was written with. */
interface Operand {
  value: number;
  precision: number;
}

function operand(arg: string): Operand | null {
  const t = arg.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const m = /\.(\d*)/.exec(t.replace(/[eE].*/, ''));
  return { value: Number(t), precision: m ? m[1].length : 0 };
}

function usageError(ctx: CommandContext, msg: string): number {
  ctx.err(`seq: ${msg}\nTry 'seq --help' for more information.\n`);
  return 1;
}

/** seq -f FORMAT: exactly one floating conversion (%e %f %g %a, with flags, width, precision), %% elsewhere. */
function seqFormat(format: string): ((v: number) => string) | string {
  const re = /%%|%([-+ #0']*)(\d*)(?:\.(\d*))?([eEfFgGaA]?)/g;
  let m: RegExpExecArray | null;
  let spec: RegExpExecArray | null = null;
  while ((m = re.exec(format))) {
    if (m[0] === '%%') continue;
    if (!m[4]) return `format ‘${format}’ has unknown %${format[re.lastIndex] ?? ''} directive`;
    if (spec) return `format ‘${format}’ has too many % directives`;
    spec = m;
  }
  if (!spec) return `format ‘${format}’ has no % directive`;
  const [whole, flags, width, prec, conv] = spec;
  const before = format.slice(0, spec.index).replace(/%%/g, '%');
  const after = format.slice(spec.index + whole.length).replace(/%%/g, '%');
  return (v) => {
    const zero = flags.includes('0') && !flags.includes('-') && Number.isFinite(v);
    const padded = pad(
      formatFloat(v, conv, flags, prec === undefined ? undefined : Number(prec || 0)),
      Number(width || 0),
      flags.includes('-'),
      zero,
    );
    return before + padded + after;
  };
}

/** seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST */
function seq(ctx: CommandContext): number {
  // Negative numbers are operands, not options (GNU seq stops option parsing at them).
  const argv = [...ctx.argv];
  const firstNumber = argv.findIndex((a, i) => i > 0 && /^-\.?\d/.test(a) && argv[i - 1] !== '-s');
  if (firstNumber > 0) argv.splice(firstNumber, 0, '--');
  const p = parseOpts(
    { ...ctx, argv },
    { flags: 'w', withValue: 'sf', long: { 'equal-width': 'w', 'separator=': 's', 'format=': 'f' } },
  );
  if (typeof p === 'number') return p;
  const args = p.args;
  if (!args.length) return usageError(ctx, 'missing operand');
  if (args.length > 3) return usageError(ctx, `extra operand ‘${args[3]}’`);
  const ops: Operand[] = [];
  for (const a of args) {
    const o = operand(a);
    if (!o) return usageError(ctx, `invalid floating point argument: ${a}`);
    ops.push(o);
  }
  const [first, step, last] =
    ops.length === 1
      ? [{ value: 1, precision: 0 }, { value: 1, precision: 0 }, ops[0]]
      : ops.length === 2
        ? [ops[0], { value: 1, precision: 0 }, ops[1]]
        : ops;
  if (step.value === 0) return usageError(ctx, `invalid Zero increment value: ‘${args[1]}’`);
  const precision = Math.max(first.precision, step.precision);
  const custom = p.opts.f !== undefined ? seqFormat(p.opts.f) : null;
  if (typeof custom === 'string') return usageError(ctx, custom);
  if (custom && 'w' in p.opts)
    return usageError(ctx, 'format string may not be specified when printing equal width strings');
  const fmt = (v: number) => (custom ? custom(v) : v.toFixed(precision));
  const width = 'w' in p.opts ? Math.max(fmt(first.value).length, fmt(last.value).length) : 0;
  const pad = (s: string) => (s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0'));
  const sep = p.opts.s ?? '\n';
  const parts: string[] = [];
  for (let i = 0; ; i++) {
    const v = first.value + i * step.value;
    if (step.value > 0 ? v > last.value + 1e-9 : v < last.value - 1e-9) break;
    if (parts.length >= SEQ_LIMIT) {
      ctx.out(parts.join(sep) + '\n');
      ctx.err(`seq: output stopped after ${SEQ_LIMIT} numbers (sandbox limit)\n`);
      return 1;
    }
    parts.push(width ? pad(fmt(v)) : fmt(v));
  }
  if (parts.length) ctx.out(parts.join(sep) + '\n');
  return 0;
}

/** yes [STRING…] */
function yes(ctx: CommandContext): number {
  const p = parseOpts(ctx, { long: {} });
  if (typeof p === 'number') return p;
  const line = (p.args.length ? p.args.join(' ') : 'y') + '\n';
  ctx.out(line.repeat(YES_LINES));
  return 0;
}

/** `seq` and `yes`. */
export const generateCommands: CommandTable = { seq, yes };
