import { describe, expect, it } from 'vitest';
import { chainColour, stripPixels, unprovisionedColour } from './readStrip';

describe('read strip', () => {
  it('paints each block with its provider’s colour and unprovisioned blocks pale', () => {
    const { pixels, width, height } = stripPixels(Uint8Array.from([0, 2, 255]), 2, 3);
    expect([width, height]).toEqual([2, 2]);
    expect([...pixels.slice(0, 3)]).toEqual(chainColour(0, 3));
    expect([...pixels.slice(4, 7)]).toEqual(chainColour(2, 3));
    expect([...pixels.slice(8, 11)]).toEqual(unprovisionedColour);
    expect(pixels[15]).toBe(0);
  });

  it('runs the chain from the container’s amber to the base’s blue', () => {
    expect(chainColour(0, 8)).toEqual([245, 165, 36]);
    expect(chainColour(7, 8)).toEqual([31, 111, 235]);
  });
});
