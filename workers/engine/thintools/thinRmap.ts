// thin_rmap: which thin devices and virtual blocks map onto given ranges of data blocks.
import type { PoolMetadata } from '../dm/poolMetadata';

/** A half-open range of data blocks, `begin..end` on the command line. */
export interface BlockRange {
  begin: number;
  end: number;
}

/** Parses `5..45`; the error texts are thin_rmap's. */
export function parseRegion(text: string): BlockRange | { error: string } {
  const m = /^(\d*)(\.\.)?(.*)$/.exec(text)!;
  if (!m[2]) return { error: 'badly formed region (no dots)' };
  if (!m[1] || !/^\d+$/.test(m[3])) return { error: "badly formed region (couldn't parse numbers)" };
  const begin = Number(m[1]);
  const end = Number(m[3]);
  if (end <= begin) return { error: 'badly formed region (end <= begin)' };
  return { begin, end };
}

/** thin_rmap's stdout: `data B..E -> thin(D) V..W` runs ordered by data block then device. */
export function thinRmap(md: PoolMetadata, regions: BlockRange[]): string {
  const inRegion = (b: number) => regions.some((r) => b >= r.begin && b < r.end);
  const runs: { data: number; dev: number; origin: number; len: number }[] = [];
  for (const d of [...md.devices].sort((x, y) => x.devId - y.devId)) {
    let run: { data: number; dev: number; origin: number; len: number } | undefined;
    for (let i = 0; i < d.data.length; i++) {
      const b = d.data[i];
      if (!inRegion(b)) continue;
      if (run && b === run.data + run.len && d.origin[i] === run.origin + run.len) run.len++;
      else runs.push((run = { data: b, dev: d.devId, origin: d.origin[i], len: 1 }));
    }
  }
  runs.sort((x, y) => x.data - y.data || x.dev - y.dev || x.origin - y.origin);
  return runs.map((r) => `data ${r.data}..${r.data + r.len} -> thin(${r.dev}) ${r.origin}..${r.origin + r.len}\n`).join('');
}
