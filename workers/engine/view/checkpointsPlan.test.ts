import { describe, expect, it } from 'vitest';
import { checkpointSteps } from './checkpointsPlan';

describe('checkpoint steps', () => {
  it('spaces the steps exponentially back from the last command, nearest first', () => {
    expect(checkpointSteps(30)).toEqual([29, 28, 26, 22, 14]);
  });

  it('keeps no more than the limit', () => {
    expect(checkpointSteps(1000, 3)).toEqual([999, 998, 996]);
  });

  it('never asks for the empty prefix (a fresh machine is a reset)', () => {
    expect(checkpointSteps(5)).toEqual([4, 3, 1]);
    expect(checkpointSteps(1)).toEqual([]);
    expect(checkpointSteps(0)).toEqual([]);
  });
});
