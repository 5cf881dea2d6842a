// Docker's templates package: text/template with the client's extra functions (pkg/templates in 17.03).
import { execute, fixedArity, type ExecResult, type TemplateFunc } from './exec';
import { builtins } from './exec';
import { goJson } from './goValue';
import { parseTemplate, type Template } from './parse';

const str = (v: unknown) => (typeof v === 'string' ? v : String(v ?? ''));

/** strings.Title: the first letter of each space- or punctuation-separated word upper-cased. */
function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

export const dockerFuncs: Record<string, TemplateFunc> = {
  // encoding/json with SetEscapeHTML(false), trailing newline trimmed.
  json: fixedArity(1, (v) => goJson(v)),
  split: fixedArity(2, (s, sep) => (str(sep) === '' ? [...str(s)] : str(s).split(str(sep)))),
  join: fixedArity(2, (a, sep) => (Array.isArray(a) ? a.map(str).join(str(sep)) : str(a))),
  title: fixedArity(1, (s) => title(str(s))),
  lower: fixedArity(1, (s) => str(s).toLowerCase()),
  upper: fixedArity(1, (s) => str(s).toUpperCase()),
  pad: fixedArity(3, (s, pre, post) =>
    str(s) === '' ? '' : ' '.repeat(Number(pre)) + str(s) + ' '.repeat(Number(post)),
  ),
  truncate: fixedArity(2, (s, n) => (str(s).length < Number(n) ? str(s) : str(s).slice(0, Number(n)))),
};

const names = new Set([...Object.keys(builtins), ...Object.keys(dockerFuncs)]);

/** templates.Parse: the template, or Go's parse error ("template: :1: unexpected EOF"). */
export function parseDockerTemplate(format: string): { ok: true; tmpl: Template } | { ok: false; error: string } {
  return parseTemplate(format, names);
}

/** Executes with Docker's functions; `missingKeyError` as inspect's raw fallback sets it. */
export function runDockerTemplate(tmpl: Template, data: unknown, missingKeyError = false): ExecResult {
  return execute(tmpl, data, { funcs: dockerFuncs, missingKeyError });
}
