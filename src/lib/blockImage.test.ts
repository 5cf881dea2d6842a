import { describe, expect, it } from 'vitest';
import { blockAt, mapWidth, paintBlocks, paintReduced, sharedColour, devicePalette } from './blockImage';

describe('block picture', () => {
  it('is 1280 blocks wide for a 100 GiB pool of 64 KiB blocks', () => {
    expect(mapWidth(1_638_400)).toBe(1280);
  });

  it('paints free, owned and shared blocks in their colours', () => {
    const map = { pool: 'p', refcount: Uint16Array.from([0, 1, 2]), owner: Int32Array.from([-1, 1, 1]) };
    const px = paintBlocks(map, 3, [9, 9, 9]);
    expect([...px.slice(0, 3)]).toEqual([9, 9, 9]);
    expect([...px.slice(4, 7)]).toEqual(devicePalette[1]);
    expect([...px.slice(8, 11)]).toEqual(sharedColour);
  });

  it('finds the block under the pointer at any zoom', () => {
    const t = { x: 10, y: 20, k: 4 };
    expect(blockAt(10 + 4 * 2 + 1, 20 + 4 * 1 + 3, t, 5, 100)).toBe(7);
  });

  it('finds no block outside the map', () => {
    const t = { x: 0, y: 0, k: 1 };
    expect(blockAt(-1, 0, t, 5, 10)).toBe(-1);
    expect(blockAt(6, 0, t, 5, 10)).toBe(-1);
    expect(blockAt(0, 2, t, 5, 10)).toBe(-1);
  });
});

describe('zoomed-out block picture', () => {
  it('keeps a lone shared block visible in its reduced cell', () => {
    const refcount = new Uint16Array(16);
    refcount[5] = 2;
    const owner = new Int32Array(16).fill(-1);
    const r = paintReduced({ pool: 'p', refcount, owner }, 4, 2, [0, 0, 0]);
    expect([r.width, r.height]).toEqual([2, 2]);
    // Block 5 is row 1, column 1: the top-left cell of the 2×2 reduction.
    expect([...r.pixels.slice(0, 3)]).toEqual(sharedColour);
    expect([...r.pixels.slice(4, 7)]).toEqual([0, 0, 0]);
  });

  it('prefers a used block over free ones in the same cell', () => {
    const refcount = Uint16Array.from([0, 0, 0, 1]);
    const owner = Int32Array.from([-1, -1, -1, 2]);
    const r = paintReduced({ pool: 'p', refcount, owner }, 2, 2, [0, 0, 0]);
    expect([...r.pixels.slice(0, 3)]).toEqual(devicePalette[2]);
  });
});
