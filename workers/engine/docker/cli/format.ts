// Formatting helpers of the docker client: tabwriter tables, HumanDuration, truncated commands.

/** go-units HumanDuration, as docker ps / images print ages. */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.floor(s / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 46) return `${minutes} minutes`;
  const hours = Math.floor(s / 3600 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(s / 3600 / 24 / 365)} years`;
}

/** text/tabwriter with minwidth 20, padding 3 (the docker client's table writer); the last column is not padded. */
export function table(rows: string[][]): string {
  if (!rows.length) return '';
  const n = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < n - 1; c++) widths[c] = Math.max(20, ...rows.map((r) => (r[c] ?? '').length + 3));
  return rows.map((r) => r.map((cell, c) => (c < n - 1 ? cell.padEnd(widths[c]) : cell)).join('').replace(/\s+$/, '') + '\n').join('');
}

/** stringutils.Ellipsis: at most `max` characters, the last one an ellipsis when cut. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
