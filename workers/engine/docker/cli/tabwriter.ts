// Go's text/tabwriter as the docker client sets it up (minwidth 20, tabwidth 1, padding 3, ' ', no flags).

/** Aligns tab-terminated cells into columns, block by block, as tabwriter.Flush does. */
export function tabwrite(text: string, minwidth = 20, padding = 3): string {
  const lines = text.split('\n');
  const trailingNewline = lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();
  const cells = lines.map((l) => l.split('\t'));
  const width = (s: string) => [...s].length;
  const out: string[] = [];
  const widths: number[] = [];
  // A column block: consecutive lines that have a tab-terminated cell in this column.
  function format(line0: number, line1: number): void {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= cells[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let w = minwidth;
      for (; t < line1 && column < cells[t].length - 1; t++) w = Math.max(w, width(cells[t][column]) + padding);
      widths.push(w);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  }
  function writeLines(line0: number, line1: number): void {
    for (let t = line0; t < line1; t++) {
      const row = cells[t];
      out.push(
        row.map((c, j) => (j < row.length - 1 ? c + ' '.repeat(Math.max(0, (widths[j] ?? 0) - width(c))) : c)).join(''),
      );
    }
  }
  format(0, cells.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}
