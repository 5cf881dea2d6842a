// Paints a pool's block map into RGBA pixels, one pixel per data block, row by row.
import type { BlockMapView } from '../../workers/engine/view/types';

/** Colours of devices that own blocks (cycled by device id). */
export const devicePalette: readonly [number, number, number][] = [
  [31, 111, 235],
  [46, 160, 67],
  [137, 87, 229],
  [18, 150, 170],
  [191, 57, 137],
  [110, 120, 40],
  [64, 90, 180],
  [20, 120, 90],
];
/** Colour of a block mapped by more than one device (shared by a snapshot). */
export const sharedColour: [number, number, number] = [245, 165, 36];

/** Width in blocks of the picture for `n` blocks: about 1.6 × as wide as high, at most 1280. */
export function mapWidth(n: number): number {
  return Math.max(1, Math.min(1280, Math.ceil(Math.sqrt(n * 1.6))));
}

/** The RGBA pixels of a block map at `width` blocks per row; free blocks get `freeColour`. */
export function paintBlocks(
  map: BlockMapView,
  width: number,
  freeColour: [number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const n = map.refcount.length;
  const height = Math.ceil(n / width);
  const px = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < n; i++) {
    const r = map.refcount[i];
    const c = r === 0 ? freeColour : r > 1 ? sharedColour : devicePalette[map.owner[i] % devicePalette.length];
    const o = i * 4;
    px[o] = c[0];
    px[o + 1] = c[1];
    px[o + 2] = c[2];
    px[o + 3] = 255;
  }
  return px;
}

/** The block under a point of the screen, given the zoom transform; -1 outside the map. */
export function blockAt(
  x: number,
  y: number,
  t: { x: number; y: number; k: number },
  width: number,
  n: number,
): number {
  const col = Math.floor((x - t.x) / t.k);
  const row = Math.floor((y - t.y) / t.k);
  if (col < 0 || col >= width || row < 0) return -1;
  const i = row * width + col;
  return i < n ? i : -1;
}
