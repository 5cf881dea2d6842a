// dmsetup status / table parameter strings of the thin-pool and thin targets, as the kernel emits them.
import type { PoolStats, ThinDeviceStats } from './thinPool';
import { featureWords, type PoolFeatures } from './poolFeatures';
import { metadataLowWatermark } from './metadataUsage';

/**
 * Pool status parameters. The kernel emits each field followed by a space, so the line ends with one.
 * Kernels before 4.x (the seed's RHEL 7 3.10) stop after the needs_check field; newer ones add the metadata
 * low watermark.
 */
export function poolStatusParams(s: PoolStats, kernelMajor: number): string {
  if (s.mode === 'fail') return 'Fail';
  let out = `${s.transaction} ${s.usedMetadata}/${s.totalMetadata} ${s.usedData}/${s.totalData} `;
  out += s.heldRoot !== null ? `${s.heldRoot} ` : '- ';
  out += s.mode === 'out-of-data-space' ? 'out_of_data_space ' : s.mode === 'read-only' ? 'ro ' : 'rw ';
  out += s.ignoreDiscard ? 'ignore_discard ' : s.discardPassdown ? 'discard_passdown ' : 'no_discard_passdown ';
  out += s.errorIfNoSpace ? 'error_if_no_space ' : 'queue_if_no_space ';
  out += s.needsCheck ? 'needs_check ' : '- ';
  if (kernelMajor >= 4) out += `${metadataLowWatermark(s.totalMetadata)} `;
  return out;
}

/** Pool table parameters: `<meta> <data> <block size> <low water mark> <#features> <features…>` (trailing space). */
export function poolTableParams(metaDevno: string, dataDevno: string, blockSize: number, lowWaterMark: number, f: PoolFeatures): string {
  const w = featureWords(f);
  return `${metaDevno} ${dataDevno} ${blockSize} ${lowWaterMark} ${w.length} ${w.map((x) => x + ' ').join('')}`;
}

/** Thin device status: `<mapped sectors> <highest mapped sector>` (`-` when nothing is mapped). */
export function thinStatusParams(s: ThinDeviceStats | null, blockSize: number): string {
  if (!s) return 'Fail';
  const mapped = s.mapped * blockSize;
  return s.mapped > 0 ? `${mapped} ${(s.highest + 1) * blockSize - 1}` : `${mapped} -`;
}
