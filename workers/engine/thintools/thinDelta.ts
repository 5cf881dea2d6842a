// thin_delta: how two thin devices' mappings differ, in its short and --verbose XML forms.
import type { PoolMetadata, ThinDeviceMetadata } from '../dm/poolMetadata';

/** Options of a delta; `snap1`/`snap2` are the device ids (thin_delta's --thin1/--snap1 and --thin2/--snap2). */
export interface ThinDeltaOptions {
  verbose?: boolean;
}

type Kind = 'same' | 'different' | 'left_only' | 'right_only';

/** One run as thin_delta computes it: `right` is the right side's data block for `different`. */
interface DeltaOp {
  kind: Kind;
  begin: number;
  data: number;
  right: number;
  length: number;
}

/** Runs contiguous in origin and data (time is ignored), as thin_delta records a device. */
function runsOf(dev: ThinDeviceMetadata): { v: number; d: number; len: number }[] {
  const runs: { v: number; d: number; len: number }[] = [];
  const { origin, data } = dev;
  for (let i = 0; i < origin.length; ) {
    let j = i + 1;
    while (j < origin.length && origin[j] === origin[j - 1] + 1 && data[j] === data[j - 1] + 1) j++;
    runs.push({ v: origin[i], d: data[i], len: j - i });
    i = j;
  }
  return runs;
}

/** Walks both devices' runs in parallel, cutting them where they stop agreeing. */
function diffOps(left: ThinDeviceMetadata, right: ThinDeviceMetadata): DeltaOp[] {
  const l = runsOf(left);
  const r = runsOf(right);
  const ops: DeltaOp[] = [];
  let li = 0;
  let ri = 0;
  let a = l[0] && { ...l[0] };
  let b = r[0] && { ...r[0] };
  while (a && b) {
    if (a.v < b.v) {
      const n = Math.min(a.len, b.v - a.v);
      ops.push({ kind: 'left_only', begin: a.v, data: a.d, right: 0, length: n });
      a.v += n; a.d += n; a.len -= n;
    } else if (a.v > b.v) {
      const n = Math.min(b.len, a.v - b.v);
      ops.push({ kind: 'right_only', begin: b.v, data: b.d, right: 0, length: n });
      b.v += n; b.d += n; b.len -= n;
    } else {
      const n = Math.min(a.len, b.len);
      ops.push({ kind: a.d === b.d ? 'same' : 'different', begin: a.v, data: a.d, right: b.d, length: n });
      a.v += n; a.d += n; a.len -= n;
      b.v += n; b.d += n; b.len -= n;
    }
    if (!a.len) a = l[++li] && { ...l[li] };
    if (!b.len) b = r[++ri] && { ...r[ri] };
  }
  for (; a; a = l[++li] && { ...l[li] }) ops.push({ kind: 'left_only', begin: a.v, data: a.d, right: 0, length: a.len });
  for (; b; b = r[++ri] && { ...r[ri] }) ops.push({ kind: 'right_only', begin: b.v, data: b.d, right: 0, length: b.len });
  return ops;
}

/** thin_delta's stdout for devices `a` and `b`, or its error (stderr line, before the usage text) when one is missing. */
export function thinDelta(
  md: PoolMetadata,
  a: number,
  b: number,
  opts: ThinDeltaOptions = {},
): { ok: true; text: string } | { ok: false; error: string } {
  const left = md.devices.find((d) => d.devId === a);
  if (!left) return { ok: false, error: `Unable to find mapping tree for snap1 (${a})` };
  const right = md.devices.find((d) => d.devId === b);
  if (!right) return { ok: false, error: `Unable to find mapping tree for snap2 (${b})` };
  const snap = md.metadataSnap !== undefined ? `" metadata_snap="${md.metadataSnap}` : '';
  const out: string[] = [
    `<superblock uuid="" time="${md.time}" transaction="${md.transaction}" data_block_size="${md.dataBlockSize}" nr_data_blocks="${md.nrDataBlocks}${snap}">\n`,
    `  <diff left="${a}" right="${b}">\n`,
  ];
  const ops = diffOps(left, right);
  if (opts.verbose) verbose(ops, out);
  else brief(ops, out);
  out.push('  </diff>\n</superblock>\n');
  return { ok: true, text: out.join('') };
}

// The short form merges neighbouring runs of one kind that touch in origin.
function brief(ops: DeltaOp[], out: string[]): void {
  let cur: { kind: Kind; begin: number; end: number } | undefined;
  const emit = () => cur && out.push(`    <${cur.kind} begin="${cur.begin}" length="${cur.end - cur.begin}"/>\n`);
  for (const op of ops) {
    if (cur && cur.kind === op.kind && op.begin === cur.end) {
      cur.end += op.length;
      continue;
    }
    emit();
    cur = { kind: op.kind, begin: op.begin, end: op.begin + op.length };
  }
  emit();
}

// The verbose form groups consecutive runs of one kind in one element, one <range> per run.
function verbose(ops: DeltaOp[], out: string[]): void {
  let open: Kind | undefined;
  for (const op of ops) {
    if (op.kind !== open) {
      if (open) out.push(`    </${open}>\n`);
      out.push(`    <${op.kind}>\n`);
      open = op.kind;
    }
    out.push(
      op.kind === 'different'
        ? `      <range begin="${op.begin}" left_data_begin="${op.data}" right_data_begin="${op.right}" length="${op.length}"/>\n`
        : `      <range begin="${op.begin}" data_begin="${op.data}" length="${op.length}"/>\n`,
    );
  }
  if (open) out.push(`    </${open}>\n`);
}
