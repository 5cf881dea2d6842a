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
/** Flash over the blocks the latest command provisioned. */
export const provisionedColour: readonly [number, number, number] = [46, 200, 90];
/** Flash over the blocks the latest command freed. */
export const freedColour: readonly [number, number, number] = [230, 40, 50];
/** The selected device's blocks that no other device maps (the blocks it shares keep `sharedColour`). */
export const selectedColour: readonly [number, number, number] = [31, 111, 235];
/** Veil over the whole map while a device is selected, so its own blocks stand out. */
export const dimVeil = 'rgba(128, 128, 128, 0.55)';

/** A colour as CSS `rgb()`, for the canvas's fillStyle and the legend's swatches alike. */
export function cssColour(c: readonly [number, number, number]): string {
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

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

/**
 * The map shrunk by `factor` in each direction, keeping the most telling block of each cell (shared over owned over
 * free), so an isolated copy-on-write block stays visible when zoomed out. Returns the RGBA pixels and their width.
 */
export function paintReduced(
  map: BlockMapView,
  width: number,
  factor: number,
  freeColour: [number, number, number],
): { pixels: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const n = map.refcount.length;
  const w = Math.ceil(width / factor);
  const h = Math.ceil(Math.ceil(n / width) / factor);
  // Per cell: 0 free, 1 owned (owner kept), 2 shared.
  const rank = new Uint8Array(w * h);
  const owner = new Int32Array(w * h);
  for (let i = 0; i < n; i++) {
    const r = map.refcount[i];
    if (r === 0) continue;
    const cell = Math.floor(Math.floor(i / width) / factor) * w + Math.floor((i % width) / factor);
    const k = r > 1 ? 2 : 1;
    if (k > rank[cell]) {
      rank[cell] = k;
      owner[cell] = map.owner[i];
    }
  }
  const pixels = new Uint8ClampedArray(w * h * 4);
  for (let c = 0; c < w * h; c++) {
    const col =
      rank[c] === 0 ? freeColour : rank[c] === 2 ? sharedColour : devicePalette[owner[c] % devicePalette.length];
    pixels.set(col, c * 4);
    pixels[c * 4 + 3] = 255;
  }
  return { pixels, width: w, height: h };
}
