// Which blocks the block map's first view frames: the used start of the pool, laid out to the canvas's shape.

/** Fewest blocks a framed view shows, so a nearly empty pool is not drawn as a handful of giant cells. */
export const minFrame = 256;

/** One past the highest block with a nonzero reference count (0 for an empty pool). */
export function usedEnd(refcount: ArrayLike<number>): number {
  for (let i = refcount.length - 1; i >= 0; i--) if (refcount[i] > 0) return i + 1;
  return 0;
}

/**
 * How many blocks, from block 0, the framed view shows for a pool of `n` blocks whose used blocks end at `end`: `end`
 * rounded up to a quarter of its power of two (so it fills at least 4/5 of the frame and stays put over small writes),
 * at least `minFrame`; the whole pool when that would be most of it.
 */
export function frameExtent(end: number, n: number): number {
  const pow = 2 ** Math.floor(Math.log2(Math.max(1, end)));
  const grain = Math.max(minFrame / 4, pow / 4);
  const extent = Math.max(minFrame, Math.ceil(end / grain) * grain);
  return extent * 2 > n ? n : extent;
}

/** Blocks per row so that `extent` blocks make a picture of the canvas's shape (`aspect` = width / height). */
export function frameWidth(extent: number, aspect: number): number {
  const a = Number.isFinite(aspect) && aspect > 0 ? aspect : 1.6;
  return Math.max(1, Math.min(1280, Math.ceil(Math.sqrt(extent * a))));
}
