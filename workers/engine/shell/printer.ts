// Prints a function's body the way bash's `type` does: one command a line ending in `;`, four-space indents, elif as a nested if.
import type {
  AndOr,
  Command,
  CommandList,
  CompoundCommand,
  CondExpr,
  FunctionDef,
  Pipeline,
  Redirect,
  Word,
} from './ast';

const STEP = '    ';

/** `NAME () ` and its body, as `type NAME` shows them after "NAME is a function". */
export function printFunction(fn: FunctionDef): string {
  return `${fn.name} () \n${printCommand(fn.body, '')}`;
}

function word(w: Word): string {
  if (w.src !== undefined) return w.src;
  return w.parts.map((p) => (p.kind === 'lit' ? p.text : p.kind === 'var' ? `$${p.name}` : '…')).join('');
}

function redirect(r: Redirect): string {
  if (r.op === '>&') return `${r.fd}>&${r.toFd}`;
  const fd = r.fd === (r.op === '<' || r.op === '<<' ? 0 : 1) ? '' : String(r.fd);
  if (r.op === '<<') {
    const body = r.body.parts.map((p) => (p.kind === 'lit' ? p.text : '')).join('');
    return `${fd}<<${r.delimiter}\n${body}${r.delimiter}\n`;
  }
  return `${fd}${r.op} ${word(r.target)}`;
}

function redirects(rs: Redirect[]): string {
  return rs.map((r) => ' ' + redirect(r)).join('');
}

/** Commands of a list, one a line at `indent`; `last` ends the final one too (bodies of if/while/for). */
function list(l: CommandList, indent: string, last = false): string {
  return l.map((ao, i) => indent + andOr(ao, indent) + (i < l.length - 1 || last ? ';' : '')).join('\n');
}

/** A condition list: the first command on the keyword's line, the rest on lines of their own. */
function inline(l: CommandList, indent: string): string {
  return l.map((ao) => andOr(ao, indent)).join(`;\n${indent}`);
}

function andOr(ao: AndOr, indent: string): string {
  return pipeline(ao.first, indent) + ao.rest.map((r) => ` ${r.op} ${pipeline(r.pipeline, indent)}`).join('');
}

function pipeline(p: Pipeline, indent: string): string {
  return (p.negate ? '! ' : '') + p.commands.map((c) => command(c, indent)).join(' | ');
}

function command(c: Command, indent: string): string {
  if (c.kind === 'simple') {
    const parts = [
      ...c.assigns.map((a) => `${a.name}=${word(a.value)}`),
      ...c.words.map(word),
      ...c.redirects.map(redirect),
    ];
    return parts.join(' ');
  }
  if (c.kind === 'function') return `${c.name} () \n${indent}${printCommand(c.body, indent)}`;
  return printCommand(c, indent);
}

function printCommand(c: CompoundCommand, indent: string): string {
  return body(c, indent) + redirects(c.redirects);
}

function body(c: CompoundCommand, indent: string): string {
  const inner = indent + STEP;
  switch (c.kind) {
    case 'group':
      return `{ \n${list(c.body, inner)}\n${indent}}`;
    case 'subshell':
      return `( ${inline(c.body, indent)} )`;
    case 'if': {
      const [first, ...rest] = c.clauses;
      let s = `if ${inline(first.cond, indent)}; then\n${list(first.body, inner, true)}\n`;
      if (rest.length) {
        const nested: CompoundCommand = {
          kind: 'if',
          clauses: rest,
          otherwise: c.otherwise,
          redirects: [],
          line: c.line,
          col: c.col,
        };
        s += `${indent}else\n${inner}${body(nested, inner)};\n`;
      } else if (c.otherwise) s += `${indent}else\n${list(c.otherwise, inner, true)}\n`;
      return s + `${indent}fi`;
    }
    case 'while':
      return `${c.until ? 'until' : 'while'} ${inline(c.cond, indent)}; do\n${list(c.body, inner, true)}\n${indent}done`;
    case 'for': {
      const items = c.items ? c.items.map(word).join(' ') : '"$@"';
      return `for ${c.name} in ${items};\n${indent}do\n${list(c.body, inner, true)}\n${indent}done`;
    }
    case 'case': {
      const items = c.items.map(
        (it) => `${inner}${it.patterns.map(word).join(' | ')})\n${list(it.body, inner + STEP)}\n${inner}${it.end}`,
      );
      return `case ${word(c.word)} in \n${items.join('\n')}\n${indent}esac`;
    }
    case 'cond':
      return `[[ ${cond(c.expr, null)} ]]`;
  }
}

/** A `[[ ]]` expression; || under && or !, and && under !, need their parentheses back. */
function cond(e: CondExpr, parent: CondExpr['kind'] | null): string {
  switch (e.kind) {
    case 'not':
      return `! ${cond(e.expr, 'not')}`;
    case 'and':
    case 'or': {
      const s = `${cond(e.left, e.kind)} ${e.kind === 'and' ? '&&' : '||'} ${cond(e.right, e.kind)}`;
      return parent === 'not' || (parent === 'and' && e.kind === 'or') ? `( ${s} )` : s;
    }
    case 'unary':
      return `${e.op} ${word(e.arg)}`;
    case 'binary':
      return `${word(e.left)} ${e.op} ${word(e.right)}`;
    case 'word':
      return word(e.word);
  }
}
