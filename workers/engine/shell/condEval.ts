// Evaluates `[[ … ]]`: && and || short-circuit, `==` matches a pattern, `=~` an ERE, -eq and friends take arithmetic.
import type { CondExpr, Word } from './ast';
import type { ArithResult } from './arith';
import { patternRegex } from './params';
import { compilePosix } from './commands/regex';

/** What the evaluator needs from the shell: word expansions, arithmetic, the `test` builtin's file tests. */
export interface CondHost {
  /** The word as one string (no splitting, no globbing). */
  text(w: Word): string;
  /** The word as a shell pattern: quoted characters escaped. */
  pattern(w: Word): string;
  /** The word as an ERE: quoted characters escaped. */
  regex(w: Word): string;
  arith(expr: string): ArithResult;
  unary(op: string, arg: string): boolean;
  /** -nt -ot -ef */
  fileBinary(a: string, op: string, b: string): boolean;
  /** Records a successful `=~` match (BASH_REMATCH). */
  matched(groups: string[]): void;
}

/** An error that makes `[[` print `bash: [[: …` or a bare message, and return 2. */
export class CondError {
  constructor(readonly message: string) {}
}

const INT_OPS: Record<string, (a: bigint, b: bigint) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

/** The truth of a conditional expression; throws CondError for bad arithmetic or a bad regex. */
export function evalCond(e: CondExpr, host: CondHost): boolean {
  switch (e.kind) {
    case 'not':
      return !evalCond(e.expr, host);
    case 'and':
      return evalCond(e.left, host) && evalCond(e.right, host);
    case 'or':
      return evalCond(e.left, host) || evalCond(e.right, host);
    case 'word':
      return host.text(e.word) !== '';
    case 'unary':
      return host.unary(e.op, host.text(e.arg));
    case 'binary':
      return binary(e.op, e.left, e.right, host);
  }
}

function binary(op: string, left: Word, right: Word, host: CondHost): boolean {
  const a = host.text(left);
  if (op === '==' || op === '=' || op === '!=') return patternRegex(host.pattern(right)).test(a) === (op !== '!=');
  if (op === '=~') {
    const re = compilePosix(host.regex(right), true);
    if (!re) throw new CondError('');
    const m = re.exec(a);
    if (m) host.matched(m.map((g) => g ?? ''));
    return !!m;
  }
  const b = host.text(right);
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  const int = INT_OPS[op];
  if (int) return int(number(a, host), number(b, host));
  return host.fileBinary(a, op, b);
}

/** An operand of -eq and friends: an arithmetic expression, as bash evaluates it inside `[[ ]]`. */
function number(s: string, host: CondHost): bigint {
  const r = host.arith(s);
  if (!r.ok) throw new CondError(`[[: ${r.error}`);
  return r.value;
}
