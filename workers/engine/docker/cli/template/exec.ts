// text/template's execution (Go 1.7) over plain objects, with its builtin functions and error texts.
import { argText, commandText, type Arg, type Command, type Pipe, type TNode, type Template } from './parse';
import { goPrint, goTruth, goTypeName, isGoMap } from './goValue';
import { goSprintf } from './sprintf';

/** A function a template may call: gets evaluated arguments; throws FuncError to fail. */
export type TemplateFunc = (...args: unknown[]) => unknown;

/** An error a function returns (text/template reports "error calling NAME: MSG"). */
export class FuncError extends Error {}

class ExecError extends Error {}

export interface ExecOptions {
  funcs: Record<string, TemplateFunc>;
  /** Option("missingkey=error"): a missing map key fails instead of printing <no value>. */
  missingKeyError?: boolean;
}

/** What an execution wrote, and Go's error if it stopped. */
export type ExecResult = { ok: true; out: string } | { ok: false; out: string; error: string };

/** Calls a value that is a method (a context's Size()), or returns it. */
function fieldValue(v: unknown, args: unknown[]): unknown {
  return typeof v === 'function' ? (v as TemplateFunc)(...args) : v;
}

export const builtins: Record<string, TemplateFunc> = {
  and: (...a) => a.find((x) => !goTruth(x)) ?? a[a.length - 1],
  or: (...a) => a.find((x) => goTruth(x)) ?? a[a.length - 1],
  not: (x) => !goTruth(x),
  len: (x) => {
    if (typeof x === 'string') return new TextEncoder().encode(x).length;
    if (Array.isArray(x)) return x.length;
    if (isGoMap(x)) return Object.keys(x).length;
    throw new FuncError(`len of type ${goTypeName(x)}`);
  },
  index: (x, ...keys) => {
    let v = x;
    for (const k of keys) {
      if (Array.isArray(v)) {
        if (typeof k !== 'number') throw new FuncError(`cannot index slice/array with type ${goTypeName(k)}`);
        if (k < 0 || k >= v.length) throw new FuncError(`index out of range: ${k}`);
        v = v[k];
      } else if (isGoMap(v)) {
        v = Object.prototype.hasOwnProperty.call(v, String(k)) ? v[String(k)] : null;
      } else if (v === null || v === undefined) throw new FuncError('index of untyped nil');
      else throw new FuncError(`can't index item of type ${goTypeName(v)}`);
    }
    return v;
  },
  print: (...a) =>
    a.map((x, n) => (n > 0 && typeof x !== 'string' && typeof a[n - 1] !== 'string' ? ' ' : '') + goPrint(x)).join(''),
  println: (...a) => a.map(goPrint).join(' ') + '\n',
  printf: (f, ...a) => goSprintf(String(f), a),
  eq: (a, ...b) => b.some((x) => x === a),
  ne: (a, b) => a !== b,
  lt: (a, b) => compare(a, b) < 0,
  le: (a, b) => compare(a, b) <= 0,
  gt: (a, b) => compare(a, b) > 0,
  ge: (a, b) => compare(a, b) >= 0,
};

function compare(a: unknown, b: unknown): number {
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string'))
    throw new FuncError('incompatible types for comparison');
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** Runs `tmpl` on `data`; output written before an error is kept (Go writes as it goes). */
export function execute(tmpl: Template, data: unknown, opts: ExecOptions): ExecResult {
  let out = '';
  const scopes: Map<string, unknown>[] = [new Map([['$', data]])];
  const funcs = { ...builtins, ...opts.funcs };

  const at = (pos: number, context: string, msg: string): never => {
    const before = tmpl.src.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const lineNo = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = nl < 0 ? pos : pos - (nl + 1);
    const ctx = context.length > 20 ? `${context.slice(0, 20)}...` : context;
    throw new ExecError(`template: :${lineNo}:${col}: executing "" at <${ctx}>: ${msg}`);
  };

  const lookupVar = (name: string): unknown => {
    for (let s = scopes.length - 1; s >= 0; s--) if (scopes[s].has(name)) return scopes[s].get(name);
    return undefined;
  };
  const setVar = (name: string, v: unknown) => scopes[scopes.length - 1].set(name, v);

  /** `receiver.name`, as evalField does. */
  function field(receiver: unknown, name: string, node: Arg, args: unknown[]): unknown {
    if (receiver === undefined || receiver === null) return undefined;
    if (isGoMap(receiver)) {
      if (Object.prototype.hasOwnProperty.call(receiver, name)) return receiver[name];
      if (opts.missingKeyError) at(node.pos, argText(node), `map has no entry for key ${JSON.stringify(name)}`);
      return undefined;
    }
    if (
      typeof receiver === 'object' &&
      !Array.isArray(receiver) &&
      Object.prototype.hasOwnProperty.call(receiver, name)
    ) {
      return fieldValue((receiver as Record<string, unknown>)[name], args);
    }
    return at(node.pos, argText(node), `can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  function chain(start: unknown, names: string[], node: Arg, args: unknown[]): unknown {
    let v = start;
    names.forEach((n, k) => {
      v = field(v, n, node, k === names.length - 1 ? args : []);
    });
    return v;
  }

  function evalArg(dot: unknown, a: Arg): unknown {
    switch (a.k) {
      case 'field':
        return chain(dot, a.names, a, []);
      case 'var':
        return chain(lookupVar(a.name), a.names, a, []);
      case 'dot':
        return dot;
      case 'string':
      case 'number':
      case 'bool':
        return a.val;
      case 'nil':
        return at(a.pos, 'nil', 'nil is not a command');
      case 'pipe':
        return evalPipe(dot, a.pipe);
      case 'ident':
        return call(dot, a.name, a, [], undefined, false);
    }
  }

  function call(
    dot: unknown,
    name: string,
    node: Arg | Command,
    argNodes: Arg[],
    final: unknown,
    hasFinal: boolean,
  ): unknown {
    const fn = funcs[name];
    const args = argNodes.map((x) => evalArg(dot, x));
    if (hasFinal) args.push(final);
    const ctx = 'args' in node ? commandText(node) : argText(node);
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof FuncError) return at(node.pos, ctx, `error calling ${name}: ${e.message}`);
      if (e instanceof ArityError)
        return at(node.pos, ctx, `wrong number of args for ${name}: want ${e.want} got ${args.length}`);
      throw e;
    }
  }

  function evalCommand(dot: unknown, cmd: Command, final: unknown, hasFinal: boolean): unknown {
    const [first, ...rest] = cmd.args;
    const extra = () => [...rest.map((x) => evalArg(dot, x)), ...(hasFinal ? [final] : [])];
    switch (first.k) {
      case 'ident':
        return call(dot, first.name, cmd, rest, final, hasFinal);
      case 'field':
        return chain(dot, first.names, first, extra());
      case 'var':
        return chain(lookupVar(first.name), first.names, first, extra());
      case 'pipe':
        return evalPipe(dot, first.pipe);
      case 'nil':
        return at(first.pos, 'nil', 'nil is not a command');
      default:
        if (rest.length || hasFinal)
          at(first.pos, argText(first), `can't give argument to non-function ${argText(first)}`);
        return evalArg(dot, first);
    }
  }

  function evalPipe(dot: unknown, pipe: Pipe): unknown {
    let v: unknown;
    pipe.cmds.forEach((c, n) => {
      v = evalCommand(dot, c, v, n > 0);
    });
    for (const d of pipe.decl) setVar(d, v);
    return v;
  }

  function walk(dot: unknown, nodes: TNode[]): void {
    for (const n of nodes) {
      if (n.k === 'text') out += n.text;
      else if (n.k === 'action') {
        const v = evalPipe(dot, n.pipe);
        if (!n.pipe.decl.length) out += goPrint(v);
      } else {
        scopes.push(new Map());
        if (n.k === 'range') range(dot, n);
        else {
          const v = evalPipe(dot, { ...n.pipe, decl: n.pipe.decl });
          if (goTruth(v)) walk(n.k === 'with' ? v : dot, n.list);
          else if (n.elseList) walk(dot, n.elseList);
        }
        scopes.pop();
      }
    }
  }

  function range(dot: unknown, n: Extract<TNode, { pipe: Pipe; list: TNode[] }>): void {
    const v = evalPipe(dot, { ...n.pipe, decl: [] });
    let entries: [unknown, unknown][];
    if (Array.isArray(v)) entries = v.map((x, k) => [k, x]);
    else if (isGoMap(v))
      entries = Object.keys(v)
        .sort()
        .map((k) => [k, v[k]]);
    else if (v === undefined || v === null) entries = [];
    else return void at(n.pipe.pos, n.pipe.cmds.map(commandText).join(' | '), `range can't iterate over ${goPrint(v)}`);
    if (!entries.length) {
      if (n.elseList) walk(dot, n.elseList);
      return;
    }
    for (const [k, x] of entries) {
      if (n.pipe.decl.length === 1) setVar(n.pipe.decl[0], x);
      if (n.pipe.decl.length === 2) {
        setVar(n.pipe.decl[0], k);
        setVar(n.pipe.decl[1], x);
      }
      walk(x, n.list);
    }
  }

  try {
    walk(data, tmpl.root);
    return { ok: true, out };
  } catch (e) {
    if (e instanceof ExecError) return { ok: false, out, error: e.message };
    throw e;
  }
}

/** Thrown by a function given the wrong number of arguments. */
export class ArityError extends Error {
  constructor(readonly want: number) {
    super('arity');
  }
}

/** Wraps a Go function of fixed arity (strings.Split takes exactly 2). */
export function fixedArity(n: number, f: TemplateFunc): TemplateFunc {
  return (...args) => {
    if (args.length !== n) throw new ArityError(n);
    return f(...args);
  };
}
