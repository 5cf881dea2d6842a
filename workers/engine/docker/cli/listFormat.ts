// The client's formatter.Context (17.03): --format for ps/images/system df, "table" prefix, headers, tabwriter.
import { goStruct } from './template/goValue';
import { parseDockerTemplate, runDockerTemplate } from './template/dockerTemplates';
import { tabwrite } from './tabwriter';

/** A row's fields: name → [header, value]. Reading a field adds its header, as the context's methods do. */
export type RowFields = Record<string, [header: string, value: () => string]>;

/** The struct a template sees for one row, and the headers its executed fields asked for. */
function rowContext(typeName: string, fields: RowFields, headersOnly = false): { ctx: object; headers: string[] } {
  const headers: string[] = [];
  const ctx: Record<string, () => string> = {};
  for (const [name, [header, value]] of Object.entries(fields)) {
    ctx[name] = () => {
      headers.push(header);
      // With no rows there is nothing to read the values from: only the headers are wanted.
      return headersOnly ? '' : value();
    };
  }
  return { ctx: goStruct(typeName, ctx), headers };
}

/**
 * Renders rows with `format` as Context.Write does: table formats get the headers of the fields used, aligned by
 * tabwriter; `\t` and `\n` typed literally become tab and newline. Errors are the client's (exit status 1).
 */
export function formatRows(
  format: string,
  typeName: string,
  rows: RowFields[],
  empty: RowFields,
): { ok: true; out: string } | { ok: false; error: string } {
  const isTable = format.startsWith('table');
  const final = (isTable ? format.slice(5) : format)
    .replace(/^ +| +$/g, '')
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
  const p = parseDockerTemplate(final);
  if (!p.ok) return { ok: false, error: `Template parsing error: ${p.error}\n` };
  let buffer = '';
  let header: string | null = null;
  for (const fields of rows) {
    const { ctx, headers } = rowContext(typeName, fields);
    const r = runDockerTemplate(p.tmpl, ctx);
    if (!r.ok) return { ok: false, error: `Template parsing error: ${r.error}\n` };
    buffer += r.out + '\n';
    if (isTable && header === null) header = headers.join('\t');
  }
  if (!isTable) return { ok: true, out: buffer };
  if (header === null) {
    // No rows: run the template once on an empty row only to learn the headers.
    const { ctx, headers } = rowContext(typeName, empty, true);
    runDockerTemplate(p.tmpl, ctx);
    header = headers.join('\t');
  }
  return { ok: true, out: tabwrite(`${header}\n${buffer}`) };
}
