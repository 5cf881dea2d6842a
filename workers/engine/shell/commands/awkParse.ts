// awk's grammar by recursive descent: items (patterns, ranges, BEGIN/END, functions) of statements over expressions.
import { AwkSyntaxError, lex, type Tok } from './awkLex';

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 're'; src: string }
  | { t: 'var'; name: string }
  | { t: 'elem'; name: string; keys: Expr[] }
  | { t: 'field'; e: Expr }
  | { t: 'assign'; op: string; lhs: Expr; rhs: Expr }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr }
  | { t: 'and' | 'or'; a: Expr; b: Expr }
  | { t: 'in'; keys: Expr[]; name: string }
  | { t: 'match'; neg: boolean; a: Expr; re: Expr }
  | { t: 'cmp'; op: string; a: Expr; b: Expr }
  | { t: 'concat'; a: Expr; b: Expr }
  | { t: 'arith'; op: string; a: Expr; b: Expr }
  | { t: 'unary'; op: string; e: Expr }
  | { t: 'incr'; op: '++' | '--'; prefix: boolean; lhs: Expr }
  | { t: 'call'; name: string; args: Expr[]; at: number }
  | { t: 'builtin'; name: string; args: Expr[] }
  | { t: 'getline'; lhs: Expr | null; file: Expr | null; cmd: Expr | null }
  | { t: 'group'; e: Expr };

export type Redirect = { mode: '>' | '>>' | '|'; target: Expr } | null;

export type Stmt = StmtKind & { line?: number };

type StmtKind =
  | { t: 'expr'; e: Expr }
  | { t: 'print' | 'printf'; args: Expr[]; to: Redirect }
  | { t: 'if'; c: Expr; then: Stmt; else: Stmt | null }
  | { t: 'while'; c: Expr; body: Stmt }
  | { t: 'do'; body: Stmt; c: Expr }
  | { t: 'for'; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt }
  | { t: 'forin'; key: Expr; name: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'break' | 'continue' | 'next' | 'nextfile' }
  | { t: 'exit' | 'return'; e: Expr | null }
  | { t: 'delete'; name: string; keys: Expr[] | null };

export interface Item {
  kind: 'BEGIN' | 'END' | 'main';
  pat: Expr | null;
  /** The second pattern of a range `p1, p2`. */
  until: Expr | null;
  /** null: print $0. */
  body: Stmt[] | null;
}

export interface AwkFunction {
  params: string[];
  body: Stmt[];
}

export interface Program {
  items: Item[];
  funcs: Map<string, AwkFunction>;
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const REL_OPS = new Set(['<', '<=', '==', '!=', '>', '>=']);

/** Parses an awk program; throws AwkSyntaxError at the offending token. */
export function parse(src: string): Program {
  const toks = lex(src);
  let k = 0;
  const peek = (n = 0): Tok => toks[Math.min(k + n, toks.length - 1)];
  const isOp = (text: string, n = 0) => peek(n).kind === 'op' && peek(n).text === text;
  const isKw = (text: string) => peek().kind === 'kw' && peek().text === text;
  const fail = (): never => {
    const t = peek();
    throw new AwkSyntaxError(
      t.at,
      t.kind === 'eof' || t.kind === 'nl' ? 'unexpected newline or end of string' : 'syntax error',
    );
  };
  const expectOp = (text: string) => {
    if (!isOp(text)) fail();
    k++;
  };
  const newlines = () => {
    while (peek().kind === 'nl') k++;
  };
  const terminators = () => {
    while (peek().kind === 'nl' || isOp(';')) k++;
  };
  const isLvalue = (e: Expr) => e.t === 'var' || e.t === 'elem' || e.t === 'field';

  // noIn: inside for(...;...) heads `in` is not an operator; noGt: in unparenthesized print lists `>` redirects.
  interface Ctx {
    noIn?: boolean;
    noGt?: boolean;
  }

  const expr = (c: Ctx = {}): Expr => ternary(c);

  const ternary = (c: Ctx): Expr => {
    const cond = or(c);
    if (isLvalue(cond) && peek().kind === 'op' && ASSIGN_OPS.has(peek().text)) {
      const op = toks[k++].text;
      newlines();
      return { t: 'assign', op, lhs: cond, rhs: ternary(c) };
    }
    if (isOp('?')) {
      k++;
      newlines();
      const a = ternary(c);
      newlines();
      expectOp(':');
      newlines();
      return { t: 'cond', c: cond, a, b: ternary(c) };
    }
    return cond;
  };

  const or = (c: Ctx): Expr => {
    let a = and(c);
    while (isOp('||')) {
      k++;
      newlines();
      a = { t: 'or', a, b: and(c) };
    }
    return a;
  };

  const and = (c: Ctx): Expr => {
    let a = inExpr(c);
    while (isOp('&&')) {
      k++;
      newlines();
      a = { t: 'and', a, b: inExpr(c) };
    }
    return a;
  };

  const inExpr = (c: Ctx): Expr => {
    let a = matchExpr(c);
    while (!c.noIn && isKw('in')) {
      k++;
      const name = arrayName();
      a = { t: 'in', keys: a.t === 'group' ? [a.e] : [a], name };
    }
    return a;
  };

  const arrayName = (): string => {
    if (peek().kind !== 'name') fail();
    return toks[k++].text;
  };

  const matchExpr = (c: Ctx): Expr => {
    let a = relExpr(c);
    while (isOp('~') || isOp('!~')) {
      const neg = toks[k++].text === '!~';
      a = { t: 'match', neg, a, re: relExpr(c) };
    }
    return a;
  };

  const relExpr = (c: Ctx): Expr => {
    const a = concat(c);
    const t = peek();
    if (t.kind === 'op' && REL_OPS.has(t.text) && !(c.noGt && t.text === '>')) {
      k++;
      return { t: 'cmp', op: t.text, a, b: concat(c) };
    }
    return a;
  };

  /** Whether the next token can begin an operand of concatenation (not + or -: `a -1` subtracts). */
  const startsOperand = () => {
    const t = peek();
    if (['num', 'str', 're', 'name', 'func', 'builtin'].includes(t.kind)) return true;
    if (t.kind === 'kw') return t.text === 'getline';
    return t.kind === 'op' && ['$', '(', '++', '--'].includes(t.text);
  };

  const concat = (c: Ctx): Expr => {
    let a = additive(c);
    for (;;) {
      if (isOp('|') && peek(1).kind === 'kw' && peek(1).text === 'getline') {
        k += 2;
        const lhs = optionalLvalue();
        a = { t: 'getline', lhs, file: null, cmd: a };
        continue;
      }
      if (!startsOperand()) return a;
      a = { t: 'concat', a, b: additive(c) };
    }
  };

  const additive = (c: Ctx): Expr => {
    let a = multiplicative(c);
    while (isOp('+') || isOp('-')) {
      const op = toks[k++].text;
      a = { t: 'arith', op, a, b: multiplicative(c) };
    }
    return a;
  };

  const multiplicative = (c: Ctx): Expr => {
    let a = unary(c);
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = toks[k++].text;
      a = { t: 'arith', op, a, b: unary(c) };
    }
    return a;
  };

  const unary = (c: Ctx): Expr => {
    if (isOp('!') || isOp('-') || isOp('+')) {
      const op = toks[k++].text;
      return { t: 'unary', op, e: unary(c) };
    }
    return power(c);
  };

  const power = (c: Ctx): Expr => {
    const base = incdec();
    if (isOp('^')) {
      k++;
      // Right-associative, and the exponent may carry a sign: 2^-1, 2^3^2.
      const e = isOp('-') || isOp('+') || isOp('!') ? unary(c) : power(c);
      return { t: 'arith', op: '^', a: base, b: e };
    }
    return base;
  };

  const incdec = (): Expr => {
    if (isOp('++') || isOp('--')) {
      const op = toks[k++].text as '++' | '--';
      const lhs = incdec();
      if (!isLvalue(lhs)) fail();
      return { t: 'incr', op, prefix: true, lhs };
    }
    const e = primary();
    if (isLvalue(e) && (isOp('++') || isOp('--'))) {
      const op = toks[k++].text as '++' | '--';
      return { t: 'incr', op, prefix: false, lhs: e };
    }
    return e;
  };

  const optionalLvalue = (): Expr | null => {
    if (isOp('$')) {
      k++;
      return { t: 'field', e: incdec() };
    }
    if (peek().kind === 'name') return variable();
    return null;
  };

  const variable = (): Expr => {
    const name = toks[k++].text;
    if (!isOp('[')) return { t: 'var', name };
    k++;
    const keys = exprList();
    expectOp(']');
    return { t: 'elem', name, keys };
  };

  const exprList = (c: Ctx = {}): Expr[] => {
    const list = [expr(c)];
    while (isOp(',')) {
      k++;
      newlines();
      list.push(expr(c));
    }
    return list;
  };

  const args = (): Expr[] => {
    expectOp('(');
    if (isOp(')')) {
      k++;
      return [];
    }
    const list = exprList();
    expectOp(')');
    return list;
  };

  const primary = (): Expr => {
    const t = peek();
    switch (t.kind) {
      case 'num':
        k++;
        return { t: 'num', v: Number(t.text) };
      case 'str':
        k++;
        return { t: 'str', v: t.text };
      case 're':
        k++;
        return { t: 're', src: t.text };
      case 'name':
        return variable();
      case 'func':
        k++;
        return { t: 'call', name: t.text, args: args(), at: t.at };
      case 'builtin':
        k++;
        if (t.text === 'length' && !isOp('(')) return { t: 'builtin', name: 'length', args: [] };
        return { t: 'builtin', name: t.text, args: args() };
      case 'kw':
        if (t.text === 'getline') {
          k++;
          const lhs = optionalLvalue();
          let file: Expr | null = null;
          if (isOp('<')) {
            k++;
            file = incdec();
          }
          return { t: 'getline', lhs, file, cmd: null };
        }
        break;
      case 'op':
        if (t.text === '$') {
          k++;
          if (isOp('-') || isOp('+') || isOp('!')) return { t: 'field', e: unary({}) };
          return { t: 'field', e: incdec() };
        }
        if (t.text === '(') {
          k++;
          const list = exprList();
          expectOp(')');
          if (list.length > 1) {
            if (!isKw('in')) fail();
            k++;
            return { t: 'in', keys: list, name: arrayName() };
          }
          return { t: 'group', e: list[0] };
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') return unary({});
        break;
    }
    return fail();
  };

  const simpleEnd = () => {
    if (isOp(';') || peek().kind === 'nl') {
      k++;
      return;
    }
    if (isOp('}') || peek().kind === 'eof') return;
    fail();
  };

  const printStmt = (): Stmt => {
    const kind = toks[k++].text as 'print' | 'printf';
    let list: Expr[] = [];
    const save = k;
    if (isOp('(')) {
      // print (a, b) > "f": the parenthesized list is the argument list only if nothing but a redirect follows.
      k++;
      const inner = exprList();
      if (isOp(')')) {
        k++;
        const t = peek();
        if (t.kind === 'nl' || t.kind === 'eof' || isOp(';') || isOp('}') || isOp('>') || isOp('>>') || isOp('|'))
          list = inner;
        else k = save;
      } else k = save;
    }
    const bare = peek().kind === 'nl' || peek().kind === 'eof' || isOp(';') || isOp('}') || isOp('>') || isOp('>>');
    if (k === save && !bare && !isOp('|')) list = exprList({ noGt: true });
    let to: Redirect = null;
    if (isOp('>') || isOp('>>') || isOp('|')) {
      const mode = toks[k++].text as '>' | '>>' | '|';
      to = { mode, target: concat({ noGt: true }) };
    }
    if (kind === 'printf' && !list.length) fail();
    return { t: kind, args: list, to };
  };

  const simpleStatement = (): Stmt => {
    if (isKw('print') || isKw('printf')) return printStmt();
    if (isKw('delete')) {
      k++;
      const name = arrayName();
      if (!isOp('[')) return { t: 'delete', name, keys: null };
      k++;
      const keys = exprList();
      expectOp(']');
      return { t: 'delete', name, keys };
    }
    return { t: 'expr', e: expr() };
  };

  // Where the parser is: break/continue need a loop, next a record rule, return a function.
  let loops = 0;
  let rule: 'BEGIN' | 'END' | 'main' | 'function' = 'main';
  const loopBody = (): Stmt => {
    loops++;
    try {
      return statement();
    } finally {
      loops--;
    }
  };

  /** A statement with the program line it starts on, for run-time messages. */
  const statement = (): Stmt => {
    const at = peek().at;
    const s = bareStatement();
    s.line = src.slice(0, at).split('\n').length;
    return s;
  };

  const bareStatement = (): Stmt => {
    const t = peek();
    if (t.kind === 'op' && t.text === '{') {
      k++;
      return { t: 'block', body: statements() };
    }
    if (t.kind === 'op' && t.text === ';') {
      k++;
      return { t: 'block', body: [] };
    }
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'if': {
          k++;
          expectOp('(');
          const c = expr();
          expectOp(')');
          newlines();
          const then = statement();
          const save = k;
          terminators();
          if (isKw('else')) {
            k++;
            newlines();
            return { t: 'if', c, then, else: statement() };
          }
          k = save;
          return { t: 'if', c, then, else: null };
        }
        case 'while': {
          k++;
          expectOp('(');
          const c = expr();
          expectOp(')');
          if (isOp(';')) {
            k++;
            return { t: 'while', c, body: { t: 'block', body: [] } };
          }
          newlines();
          return { t: 'while', c, body: loopBody() };
        }
        case 'do': {
          k++;
          newlines();
          const body = loopBody();
          terminators();
          if (!isKw('while')) fail();
          k++;
          expectOp('(');
          const c = expr();
          expectOp(')');
          simpleEnd();
          return { t: 'do', body, c };
        }
        case 'for': {
          k++;
          expectOp('(');
          if (
            peek().kind === 'name' &&
            peek(1).kind === 'kw' &&
            peek(1).text === 'in' &&
            peek(2).kind === 'name' &&
            peek(3).text === ')'
          ) {
            const key: Expr = { t: 'var', name: toks[k].text };
            const name = toks[k + 2].text;
            k += 4;
            newlines();
            return { t: 'forin', key, name, body: loopBody() };
          }
          const init = isOp(';') ? null : simpleStatement();
          expectOp(';');
          newlines();
          const c = isOp(';') ? null : expr();
          expectOp(';');
          newlines();
          const step = isOp(')') ? null : simpleStatement();
          expectOp(')');
          if (isOp(';')) {
            k++;
            return { t: 'for', init, c, step, body: { t: 'block', body: [] } };
          }
          newlines();
          return { t: 'for', init, c, step, body: loopBody() };
        }
        case 'break':
        case 'continue':
        case 'next':
        case 'nextfile':
          if ((t.text === 'break' || t.text === 'continue') && !loops)
            throw new AwkSyntaxError(t.at, `\`${t.text}' is not allowed outside a loop`);
          if ((t.text === 'next' || t.text === 'nextfile') && (rule === 'BEGIN' || rule === 'END'))
            throw new AwkSyntaxError(t.at, `\`${t.text}' used in ${rule} action`);
          k++;
          simpleEnd();
          return { t: t.text };
        case 'exit':
        case 'return': {
          if (t.text === 'return' && rule !== 'function')
            throw new AwkSyntaxError(t.at, "`return' used outside function context");
          k++;
          const ends = peek().kind === 'nl' || peek().kind === 'eof' || isOp(';') || isOp('}');
          const e = ends ? null : expr();
          simpleEnd();
          return { t: t.text, e };
        }
      }
    }
    const s = simpleStatement();
    simpleEnd();
    return s;
  };

  /** Statements up to the closing brace (consumed). */
  const statements = (): Stmt[] => {
    const body: Stmt[] = [];
    for (;;) {
      terminators();
      if (isOp('}')) {
        k++;
        return body;
      }
      if (peek().kind === 'eof') fail();
      body.push(statement());
    }
  };

  const action = (): Stmt[] => {
    expectOp('{');
    return statements();
  };

  const prog: Program = { items: [], funcs: new Map() };
  for (;;) {
    terminators();
    const t = peek();
    if (t.kind === 'eof') break;
    if (t.kind === 'kw' && (t.text === 'BEGIN' || t.text === 'END')) {
      k++;
      if (!isOp('{')) fail();
      rule = t.text;
      prog.items.push({ kind: t.text, pat: null, until: null, body: action() });
      rule = 'main';
      continue;
    }
    if (t.kind === 'kw' && t.text === 'function') {
      k++;
      const nameTok = peek();
      if (nameTok.kind !== 'func' && nameTok.kind !== 'name') fail();
      k++;
      expectOp('(');
      const params: string[] = [];
      while (peek().kind === 'name') {
        params.push(toks[k++].text);
        if (isOp(',')) {
          k++;
          newlines();
        }
      }
      expectOp(')');
      newlines();
      rule = 'function';
      prog.funcs.set(nameTok.text, { params, body: action() });
      rule = 'main';
      continue;
    }
    let pat: Expr | null = null;
    let until: Expr | null = null;
    if (!isOp('{')) {
      pat = expr();
      if (isOp(',')) {
        k++;
        newlines();
        until = expr();
      }
    }
    const body = isOp('{') ? action() : null;
    if (!body && !(peek().kind === 'nl' || peek().kind === 'eof' || isOp(';'))) fail();
    prog.items.push({ kind: 'main', pat, until, body });
  }
  return prog;
}
