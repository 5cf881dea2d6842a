import { describe, expect, it } from 'vitest';
import { inlineParts } from './inline';

describe('inline lesson text', () => {
  it('marks backticked runs as code', () => {
    expect(inlineParts('run `docker info` now')).toEqual([
      { code: false, text: 'run ' },
      { code: true, text: 'docker info' },
      { code: false, text: ' now' },
    ]);
  });

  it('keeps text without backticks whole', () => {
    expect(inlineParts('plain')).toEqual([{ code: false, text: 'plain' }]);
  });
});
