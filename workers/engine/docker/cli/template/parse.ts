// text/template's parser (Go 1.7): the tree of a template, and the errors Go gives for bad ones.
import { itemText, lex, type Item } from './lex';

export type Arg =
  | { k: 'field'; pos: number; names: string[] }
  | { k: 'var'; pos: number; name: string; names: string[] }
  | { k: 'dot'; pos: number }
  | { k: 'ident'; pos: number; name: string }
  | { k: 'string'; pos: number; val: string; text: string }
  | { k: 'number'; pos: number; val: number; text: string }
  | { k: 'bool'; pos: number; val: boolean }
  | { k: 'nil'; pos: number }
  | { k: 'pipe'; pos: number; pipe: Pipe };

export interface Command {
  pos: number;
  args: Arg[];
}

export interface Pipe {
  pos: number;
  decl: string[];
  cmds: Command[];
}

export type TNode =
  | { k: 'text'; text: string }
  | { k: 'action'; pipe: Pipe }
  | { k: 'if' | 'with' | 'range'; pipe: Pipe; list: TNode[]; elseList: TNode[] | null };

/** A parsed template: its source (for error positions) and tree. */
export interface Template {
  src: string;
  root: TNode[];
}

class ParseError extends Error {}

/** Node text as Go's String() prints it in execution errors ("at <.A.B>"). */
export function argText(a: Arg): string {
  switch (a.k) {
    case 'field':
      return a.names.map((n) => `.${n}`).join('');
    case 'var':
      return a.name + a.names.map((n) => `.${n}`).join('');
    case 'dot':
      return '.';
    case 'ident':
      return a.name;
    case 'string':
    case 'number':
      return a.text;
    case 'bool':
      return String(a.val);
    case 'nil':
      return 'nil';
    case 'pipe':
      return `(${pipeText(a.pipe)})`;
  }
}

export function commandText(c: Command): string {
  return c.args.map(argText).join(' ');
}

function pipeText(p: Pipe): string {
  return (p.decl.length ? `${p.decl.join(', ')} := ` : '') + p.cmds.map(commandText).join(' | ');
}

/** Go string literal → its value (escapes as strconv.Unquote reads them). */
function unquote(text: string): string {
  if (text.startsWith('`')) return text.slice(1, -1);
  return JSON.parse(
    text
      .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
      .replace(/\\a/g, '\\u0007')
      .replace(/\\v/g, '\\u000b'),
  ) as string;
}

/** Parses `src` with the function names `funcs`; the error is Go's ("template: :1: unexpected EOF"). */
export function parseTemplate(
  src: string,
  funcs: ReadonlySet<string>,
): { ok: true; tmpl: Template } | { ok: false; error: string } {
  const items = lex(src);
  let i = 0;
  let last: Item = items[0];
  const vars: string[][] = [['$']];
  const line = () => 1 + (src.slice(0, last.pos).match(/\n/g)?.length ?? 0);
  const fail = (msg: string): never => {
    throw new ParseError(`template: :${line()}: ${msg}`);
  };
  const next = (): Item => {
    last = items[Math.min(i, items.length - 1)];
    i++;
    return last;
  };
  const backup = () => {
    i--;
  };
  const peek = (): Item => items[Math.min(i, items.length - 1)];
  const nextNonSpace = (): Item => {
    let t = next();
    while (t.type === 'space') t = next();
    return t;
  };
  const peekNonSpace = (): Item => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  const known = (name: string) => vars.some((scope) => scope.includes(name));

  function term(): Arg | null {
    const t = nextNonSpace();
    switch (t.type) {
      case 'error':
        return fail(t.val);
      case 'identifier':
        if (!funcs.has(t.val)) fail(`function ${JSON.stringify(t.val)} not defined`);
        return { k: 'ident', pos: t.pos, name: t.val };
      case 'dot':
        return { k: 'dot', pos: t.pos };
      case 'nil':
        return { k: 'nil', pos: t.pos };
      case 'variable':
        if (!known(t.val)) fail(`undefined variable ${JSON.stringify(t.val)}`);
        return { k: 'var', pos: t.pos, name: t.val, names: [] };
      case 'field':
        return { k: 'field', pos: t.pos, names: [t.val.slice(1)] };
      case 'bool':
        return { k: 'bool', pos: t.pos, val: t.val === 'true' };
      case 'number':
        return { k: 'number', pos: t.pos, val: Number(t.val), text: t.val };
      case 'charConstant':
        return { k: 'number', pos: t.pos, val: t.val.codePointAt(1)!, text: t.val };
      case 'string':
      case 'rawString':
        return { k: 'string', pos: t.pos, val: unquote(t.val), text: t.val };
      case 'leftParen': {
        const p = pipeline('parenthesized pipeline');
        const r = next();
        if (r.type !== 'rightParen') fail(`unclosed right paren: unexpected ${itemText(r)}`);
        return { k: 'pipe', pos: t.pos, pipe: p };
      }
    }
    backup();
    return null;
  }

  function operand(): Arg | null {
    const a = term();
    if (!a) return null;
    while (peek().type === 'field') {
      const f = next();
      if (a.k === 'field' || a.k === 'var') a.names.push(f.val.slice(1));
      else fail(`unexpected . after term ${JSON.stringify(argText(a))}`);
    }
    return a;
  }

  function command(): Command {
    const cmd: Command = { pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const a = operand();
      if (a) cmd.args.push(a);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'error') fail(t.val);
      if (t.type === 'rightDelim' || t.type === 'rightParen') backup();
      else if (t.type !== 'pipe') fail(`unexpected ${itemText(t)} in operand`);
      break;
    }
    if (!cmd.args.length) fail('empty command');
    return cmd;
  }

  function pipeline(context: string): Pipe {
    const decl: string[] = [];
    const start = peekNonSpace();
    for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      const save = i;
      nextNonSpace();
      const after = peekNonSpace();
      if (after.type === 'colonEquals' || (after.type === 'char' && after.val === ',')) {
        nextNonSpace();
        decl.push(v.val);
        vars[vars.length - 1].push(v.val);
        if (after.type === 'char') {
          if (context === 'range' && decl.length < 2) continue;
          fail(`too many declarations in ${context}`);
        }
      } else i = save;
      break;
    }
    const pipe: Pipe = { pos: start.pos, decl, cmds: [] };
    const end = context === 'parenthesized pipeline' ? 'rightParen' : 'rightDelim';
    for (;;) {
      const t = nextNonSpace();
      if (t.type === end) {
        if (end === 'rightParen') backup();
        if (!pipe.cmds.length) fail(`missing value for ${context}`);
        pipe.cmds.forEach((c, n) => {
          if (n > 0 && ['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].k))
            fail(`non executable command in pipeline stage ${n + 1}`);
        });
        return pipe;
      }
      if (
        [
          'bool',
          'charConstant',
          'dot',
          'field',
          'identifier',
          'number',
          'nil',
          'rawString',
          'string',
          'variable',
          'leftParen',
        ].includes(t.type)
      ) {
        backup();
        pipe.cmds.push(command());
      } else if (t.type === 'error') fail(t.val);
      else fail(`unexpected ${itemText(t)} in ${context}`);
    }
  }

  type Stop = 'end' | 'else' | null;
  /** Nodes until {{end}}/{{else}} (returned as the stop) or EOF. */
  function list(top: boolean): { nodes: TNode[]; stop: Stop } {
    const nodes: TNode[] = [];
    for (;;) {
      const t = next();
      if (t.type === 'eof') {
        if (top) return { nodes, stop: null };
        return fail('unexpected EOF');
      }
      if (t.type === 'error') fail(t.val);
      if (t.type === 'text') {
        nodes.push({ k: 'text', text: t.val });
        continue;
      }
      // leftDelim: an action.
      const kw = peekNonSpace();
      if (kw.type === 'keyword' && (kw.val === 'end' || kw.val === 'else')) {
        nextNonSpace();
        if (top) fail(`unexpected {{${kw.val}}}`);
        if (kw.val === 'end') {
          const r = nextNonSpace();
          if (r.type !== 'rightDelim') fail(`unexpected ${itemText(r)} in end`);
          return { nodes, stop: 'end' };
        }
        return { nodes, stop: 'else' };
      }
      if (kw.type === 'keyword' && (kw.val === 'if' || kw.val === 'range' || kw.val === 'with')) {
        nextNonSpace();
        nodes.push(control(kw.val));
        continue;
      }
      if (kw.type === 'keyword') fail(`unexpected ${itemText(kw)} in command`);
      nodes.push({ k: 'action', pipe: pipeline('command') });
    }
  }

  function control(kind: 'if' | 'range' | 'with'): TNode {
    vars.push([]);
    const pipe = pipeline(kind);
    const body = list(false);
    let elseList: TNode[] | null = null;
    if (body.stop === 'else') {
      // {{else if …}} chains into a nested if (Go 1.6+).
      if (kind === 'if' && peekNonSpace().type === 'keyword' && peekNonSpace().val === 'if') {
        nextNonSpace();
        elseList = [control('if')];
      } else {
        const r = nextNonSpace();
        if (r.type !== 'rightDelim') fail(`unexpected ${itemText(r)} in else`);
        const rest = list(false);
        if (rest.stop === 'else') fail('expected end; found {{else}}');
        elseList = rest.nodes;
      }
    }
    vars.pop();
    return { k: kind, pipe, list: body.nodes, elseList };
  }

  try {
    const { nodes } = list(true);
    return { ok: true, tmpl: { src, root: nodes } };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}
