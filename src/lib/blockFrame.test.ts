import { describe, expect, it } from 'vitest';
import { frameExtent, frameWidth, minFrame, usedEnd } from './blockFrame';

describe('used end of a pool', () => {
  it('is one past the highest used block', () => {
    expect(usedEnd(Uint16Array.from([1, 0, 2, 0, 0]))).toBe(3);
  });

  it('is 0 for an empty pool', () => {
    expect(usedEnd(new Uint16Array(10))).toBe(0);
  });
});

describe('framed extent', () => {
  it('frames the used start of a 1,638,400-block loop pool with at least 4/5 of it used', () => {
    const e = frameExtent(2185, 1_638_400);
    expect(e).toBeGreaterThanOrEqual(2185);
    expect(2185 / e).toBeGreaterThanOrEqual(0.8);
  });

  it('stays the same over a few more blocks written', () => {
    expect(frameExtent(2185, 1_638_400)).toBe(frameExtent(2190, 1_638_400));
  });

  it('shows at least minFrame blocks of a nearly empty pool', () => {
    expect(frameExtent(0, 1_638_400)).toBe(minFrame);
    expect(frameExtent(180, 1_638_400)).toBe(minFrame);
  });

  it('is the whole pool when the used blocks reach past half of it', () => {
    expect(frameExtent(600, 1000)).toBe(1000);
    expect(frameExtent(100, 150)).toBe(150);
  });
});

describe('framed row width', () => {
  it('makes the picture as wide for its height as the canvas', () => {
    const w = frameWidth(2560, 2);
    expect(w / Math.ceil(2560 / w)).toBeCloseTo(2, 0);
  });

  it('falls back to the whole-pool shape for a canvas of no size', () => {
    expect(frameWidth(1000, NaN)).toBe(Math.ceil(Math.sqrt(1600)));
  });
});
