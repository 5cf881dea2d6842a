// Reads a dropped or picked file as text, slice by slice, so neither the page nor the worker holds a second copy
// while it streams and the caller can show bytes read out of the total.

/** Bytes per slice: large enough to keep round trips few, small enough that decoding one never blocks the page. */
export const sliceBytes = 512 * 1024;

/**
 * Reads `file` as UTF-8 text in slices and hands each to `take` (awaited, so a slow consumer slows the reading);
 * `take` returns false to stop. Resolves to whether every slice was taken.
 */
export async function readTextChunks(
  file: Blob,
  take: (text: string, bytesRead: number) => Promise<boolean>,
  bytes = sliceBytes,
): Promise<boolean> {
  // One decoder across slices: a multi-byte character cut by a slice boundary is completed by the next slice.
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < file.size; at += bytes) {
    const buf = await file.slice(at, at + bytes).arrayBuffer();
    const end = at + bytes >= file.size;
    const text = decoder.decode(buf, { stream: !end });
    if (!(await take(text, Math.min(file.size, at + bytes)))) return false;
  }
  if (file.size === 0) return take('', 0);
  return true;
}
