// Shell arithmetic ($(( … )), $[ … ]): 64-bit integers, + - * / % **, comparisons, ! && ||, parentheses, unary signs, variables by name.

/** Result of evaluating an arithmetic expression: a value, or bash's error text. */
export type ArithResult = { ok: true; value: bigint } | { ok: false; error: string };

const MASK = (1n << 64n) - 1n;

function wrap(v: bigint): bigint {
  return BigInt.asIntN(64, v & MASK);
}

/** Evaluates an already-expanded expression; `lookup` gives a variable's text. */
export function evalArith(text: string, lookup: (name: string) => string | undefined): ArithResult {
  // bash quotes the expression without its leading blanks in error messages.
  const expr = text.replace(/^\s+/, '');
  const tokens: { t: string; at: number }[] = [];
  const re = /\s*(0x[0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!])/y;
  let i = 0;
  while (i < expr.length) {
    if (/^\s*$/.test(expr.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(expr);
    if (!m) {
      const rest = expr.slice(i).trimStart();
      return { ok: false, error: `${expr}: syntax error: invalid arithmetic operator (error token is "${rest}")` };
    }
    tokens.push({ t: m[1], at: i + m[0].length - m[1].length });
    i = re.lastIndex;
  }
  let k = 0;
  const errToken = () => (k < tokens.length ? expr.slice(tokens[k].at) : '');
  class Fail {
    constructor(readonly msg: string) {}
  }
  const operand = (): never => {
    throw new Fail(`${expr}: syntax error: operand expected (error token is "${errToken()}")`);
  };
  const primary = (): bigint => {
    const tok = tokens[k];
    if (!tok) return operand();
    if (tok.t === '(') {
      k++;
      const v = or();
      if (tokens[k]?.t !== ')') throw new Fail(`${expr}: missing \`)' (error token is "${errToken()}")`);
      k++;
      return v;
    }
    if (tok.t === '!') {
      k++;
      return primary() === 0n ? 1n : 0n;
    }
    if (tok.t === '-' || tok.t === '+') {
      k++;
      const v = primary();
      return tok.t === '-' ? wrap(-v) : v;
    }
    if (/^\d/.test(tok.t)) {
      k++;
      if (/^0\d/.test(tok.t)) {
        if (/[89]/.test(tok.t)) throw new Fail(`${tok.t}: value too great for base (error token is "${tok.t}")`);
        return wrap(BigInt('0o' + tok.t.slice(1)));
      }
      return wrap(BigInt(tok.t));
    }
    if (/^[A-Za-z_]/.test(tok.t)) {
      k++;
      const v = (lookup(tok.t) ?? '').trim();
      if (v === '') return 0n;
      const r = evalArith(v, lookup);
      if (!r.ok) throw new Fail(r.error);
      return r.value;
    }
    return operand();
  };
  const power = (): bigint => {
    const b = primary();
    if (tokens[k]?.t === '**') {
      k++;
      const e = power();
      if (e < 0n) throw new Fail(`${expr}: exponent less than 0 (error token is "${errToken()}")`);
      return wrap(b ** e);
    }
    return b;
  };
  const product = (): bigint => {
    let v = power();
    while (['*', '/', '%'].includes(tokens[k]?.t)) {
      const op = tokens[k++].t;
      const at = k;
      const r = power();
      if (op === '*') v = wrap(v * r);
      else {
        if (r === 0n) throw new Fail(`${expr}: division by 0 (error token is "${expr.slice(tokens[at - 1].at + 1).trimStart()}")`);
        v = wrap(op === '/' ? v / r : v % r);
      }
    }
    return v;
  };
  const sum = (): bigint => {
    let v = product();
    while (tokens[k]?.t === '+' || tokens[k]?.t === '-') {
      const op = tokens[k++].t;
      const r = product();
      v = wrap(op === '+' ? v + r : v - r);
    }
    return v;
  };
  const bool = (b: boolean) => (b ? 1n : 0n);
  const relational = (): bigint => {
    let v = sum();
    while (['<', '>', '<=', '>='].includes(tokens[k]?.t)) {
      const op = tokens[k++].t;
      const r = sum();
      v = bool(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : v >= r);
    }
    return v;
  };
  const equality = (): bigint => {
    let v = relational();
    while (tokens[k]?.t === '==' || tokens[k]?.t === '!=') {
      const op = tokens[k++].t;
      const r = relational();
      v = bool(op === '==' ? v === r : v !== r);
    }
    return v;
  };
  const and = (): bigint => {
    let v = equality();
    while (tokens[k]?.t === '&&') {
      k++;
      const r = equality();
      v = bool(v !== 0n && r !== 0n);
    }
    return v;
  };
  function or(): bigint {
    let v = and();
    while (tokens[k]?.t === '||') {
      k++;
      const r = and();
      v = bool(v !== 0n || r !== 0n);
    }
    return v;
  }
  try {
    if (!tokens.length) return { ok: true, value: 0n };
    const v = or();
    if (k < tokens.length) return { ok: false, error: `${expr}: syntax error in expression (error token is "${errToken()}")` };
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.msg };
    throw e;
  }
}
