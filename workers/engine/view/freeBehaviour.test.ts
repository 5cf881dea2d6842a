import { beforeAll, describe, expect, it } from 'vitest';
import { defaultStory, freeBehaviour, type FreeSeries } from './freeBehaviour';

// write 100 MiB, rm, fstrim, docker rm — on loop-lvm and on direct-lvm.
let loop: FreeSeries;
let direct: FreeSeries;
beforeAll(() => {
  [loop, direct] = freeBehaviour(defaultStory);
});
const at = (s: FreeSeries, prefix: string) => s.samples.find((x) => x.command.startsWith(prefix))!;

describe('free behaviour side by side', () => {
  it('samples the pool once before the story and once after each command', () => {
    expect(loop.samples.map((s) => s.command)).toEqual(['', ...defaultStory]);
    expect(direct.samples.length).toBe(defaultStory.length + 1);
  });

  it('a deleted file keeps its pool blocks until fstrim hands them back', () => {
    for (const s of [loop, direct]) {
      expect(at(s, 'docker exec web rm').usedBlocks).toBe(at(s, 'docker exec web dd').usedBlocks);
      expect(at(s, 'docker exec web fstrim').freed).toBeGreaterThan(0);
      expect(at(s, 'docker exec web fstrim').usedBlocks).toBeLessThan(at(s, 'docker exec web rm').usedBlocks);
    }
  });

  it('counts the 100 MiB write in each pool’s own block size', () => {
    expect(at(loop, 'docker exec web dd').provisioned).toBeGreaterThanOrEqual((100 * 1024 ** 2) / 65536);
    expect(at(direct, 'docker exec web dd').provisioned).toBeGreaterThanOrEqual((100 * 1024 ** 2) / 524288);
  });

  it('in loop-lvm the discard punches holes, shrinking the data file’s allocation', () => {
    const trim = at(loop, 'docker exec web fstrim');
    expect(trim.holeBytes).toBeGreaterThan(0);
    // Punched ranges may cover blocks already unallocated: the file shrinks by at most what was punched.
    const shrunk = at(loop, 'docker exec web rm').fileAllocated! - trim.fileAllocated!;
    expect(shrunk).toBeGreaterThan(0.99 * 100 * 1024 ** 2);
    expect(shrunk).toBeLessThanOrEqual(trim.holeBytes);
  });

  it('direct-lvm has no data file to follow', () => {
    expect(direct.samples.every((s) => s.fileAllocated === undefined)).toBe(true);
  });
});
