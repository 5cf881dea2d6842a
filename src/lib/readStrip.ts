// Pixels of a container's block strip: one pixel per virtual block, coloured by the chain device providing it.
import { interpolateRgb } from 'd3-interpolate';

/** Colour of a block no device of the chain provides (it reads zeros). */
export const unprovisionedColour: [number, number, number] = [227, 232, 238];
/** Colour of a block provided by a device outside the chain. */
export const outsideColour: [number, number, number] = [120, 120, 120];

/** Colour of chain position `i` of `n`: the container warm, the base cool, layers between. */
export function chainColour(i: number, n: number): [number, number, number] {
  const c = interpolateRgb('#f5a524', '#1f6feb')(n > 1 ? i / (n - 1) : 0);
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(c);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

/** RGBA pixels of the strip, `width` blocks per row; providers hold chain indexes, 254 outside, 255 unprovisioned. */
export function stripPixels(
  providers: Uint8Array,
  width: number,
  chainLength: number,
): { pixels: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  const height = Math.max(1, Math.ceil(providers.length / width));
  const pixels = new Uint8ClampedArray(width * height * 4);
  const palette = Array.from({ length: chainLength }, (_, i) => chainColour(i, chainLength));
  for (let v = 0; v < providers.length; v++) {
    const p = providers[v];
    pixels.set(p === 255 ? unprovisionedColour : p === 254 ? outsideColour : palette[p], v * 4);
    pixels[v * 4 + 3] = 255;
  }
  return { pixels, width, height };
}
