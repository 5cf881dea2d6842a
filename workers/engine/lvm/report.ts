// libdm's column report: aligned columns (sizes and numbers right, text and percents left), 2-space indent.

/** One report column. */
export interface Column<R> {
  /** Field name as -o takes it (lv_name). */
  id: string;
  heading: string;
  align: 'left' | 'right';
  /** Minimum width (the field width in lvm's columns.h). */
  width: number;
  value(row: R): string;
}

/** How the report is laid out (lvs/pvs/vgs options). */
export interface ReportOptions {
  headings: boolean;
  /** With a separator the columns are not padded (unless `aligned`). */
  separator?: string;
  aligned?: boolean;
}

/** Renders rows under columns the way libdm's report does (every column padded, even the last). */
export function renderReport<R>(columns: Column<R>[], rows: R[], opts: ReportOptions): string[] {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const padded = !opts.separator || opts.aligned;
  const sep = opts.separator ?? ' ';
  const widths = columns.map((c, i) =>
    Math.max(c.width, padded ? c.heading.length : 0, ...cells.map((row) => row[i].length)),
  );
  const line = (vals: string[], heading: boolean): string =>
    '  ' +
    vals
      .map((v, i) => {
        if (!padded) return v;
        return heading || columns[i].align === 'left' ? v.padEnd(widths[i]) : v.padStart(widths[i]);
      })
      .join(sep);
  const out: string[] = [];
  if (opts.headings) out.push(line(columns.map((c) => c.heading), true));
  for (const row of cells) out.push(line(row, false));
  return out;
}

/** Resolves -o lists: "a,b" replaces the defaults, "+a,b" appends; unknown names are returned in `unknown`. */
export function selectColumns<R>(
  all: Column<R>[],
  aliases: (id: string) => string[],
  defaults: string[],
  specs: string[],
): { columns: Column<R>[]; unknown: string | null } {
  const find = (name: string): Column<R> | undefined => {
    const n = name.trim().toLowerCase();
    return all.find((c) => c.id === n || aliases(c.id).includes(n));
  };
  let ids = [...defaults];
  for (const spec of specs) {
    const plus = spec.startsWith('+');
    const names = (plus ? spec.slice(1) : spec).split(',').filter((s) => s.trim());
    const picked: string[] = [];
    for (const n of names) {
      const c = find(n);
      if (!c) return { columns: [], unknown: n.trim() };
      picked.push(c.id);
    }
    ids = plus ? [...ids, ...picked] : picked;
  }
  return { columns: ids.map((id) => all.find((c) => c.id === id)!), unknown: null };
}
