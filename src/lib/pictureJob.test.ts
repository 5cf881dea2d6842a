import { describe, expect, it } from 'vitest';
import { PictureJob } from './pictureJob';
import { paintBlocks, paintReduced } from './blockImage';
import type { BlockMapView } from '../../workers/engine/view/types';

// 10 × 7 blocks (the last row partial): a shared block, owned blocks of two devices, the rest free.
function sample(): BlockMapView {
  const refcount = new Uint16Array(65);
  const owner = new Int32Array(65).fill(-1);
  for (const [b, r, o] of [[0, 1, 1], [13, 2, 1], [40, 1, 2], [64, 1, 3]]) {
    refcount[b] = r;
    owner[b] = o;
  }
  return { pool: 'p', refcount, owner };
}
const free: [number, number, number] = [1, 2, 3];

describe('picture painted in slices', () => {
  it('gives the same full-size picture as painting at once', () => {
    const job = new PictureJob(sample(), 10, 1, free);
    let slices = 0;
    while (!job.step(20)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect([...job.pixels]).toEqual([...paintBlocks(sample(), 10, free)]);
  });

  it('gives the same reduced picture as painting at once', () => {
    const job = new PictureJob(sample(), 10, 4, free);
    while (!job.step(1)) void 0;
    const once = paintReduced(sample(), 10, 4, free);
    expect([job.width, job.height]).toEqual([once.width, once.height]);
    expect([...job.pixels]).toEqual([...once.pixels]);
  });
});
