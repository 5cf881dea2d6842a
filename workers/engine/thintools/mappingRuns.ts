// Runs of mappings as thin_dump groups them: contiguous in origin and data, with equal time.
import type { ThinDeviceMetadata } from '../dm/poolMetadata';

/** Calls `emit` for each run (length 1 for a lone mapping), in origin order. */
export function forEachRun(
  dev: Pick<ThinDeviceMetadata, 'origin' | 'data' | 'time'>,
  emit: (originBegin: number, dataBegin: number, length: number, time: number) => void,
): void {
  const { origin, data, time } = dev;
  const n = origin.length;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && origin[j] === origin[j - 1] + 1 && data[j] === data[j - 1] + 1 && time[j] === time[i]) j++;
    emit(origin[i], data[i], j - i, time[i]);
    i = j;
  }
}
