// A stable 256-bit content hash (not cryptographic) for image and layer ids: same content, same id, everywhere.

/** 64 lowercase hex digits derived from `text` (eight FNV-1a lanes with different seeds, then mixed). */
export function contentHash(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    h ^= lane;
    // Final avalanche (murmur3 fmix32) so that nearby inputs give unrelated digits.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
