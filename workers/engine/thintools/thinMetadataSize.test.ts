// thin_metadata_size against the real tool's answers in /work/shared/fixtures/thin/thin_metadata_size.tsv.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thinMetadataSize } from './thinMetadataSize';

const tsv = '/work/shared/fixtures/thin/thin_metadata_size.tsv';

describe('thinMetadataSize', () => {
  it.skipIf(!existsSync(tsv))('gives the real kibibyte figure for all 48 fixture combinations', () => {
    for (const line of readFileSync(tsv, 'utf8').trim().split('\n')) {
      const [b, s, m, kib] = line.split('\t');
      const r = thinMetadataSize([{ opt: 'b', value: b }, { opt: 's', value: s }, { opt: 'm', value: m }, { opt: 'u', value: 'k' }, { opt: 'n' }]);
      expect([line, r.stdout]).toEqual([line, `${kib}\n`]);
    }
  });

  it('prints the full sentence in sectors by default', () => {
    const r = thinMetadataSize([{ opt: 'b', value: '64k' }, { opt: 's', value: '100g' }, { opt: 'm', value: '1' }]);
    expect(r.stdout).toBe(
      'thin_metadata_size - 104040 sectors estimated metadata area size for "--block-size=64kibibytes --pool-size=100gibibytes --max-thins=1"\n',
    );
  });

  it('prints fractions with two decimals and the long unit name for -nlong', () => {
    const r = thinMetadataSize([{ opt: 'b', value: '64k' }, { opt: 's', value: '100g' }, { opt: 'm', value: '1' }, { opt: 'n', value: 'long' }, { opt: 'u', value: 'g' }]);
    expect(r.stdout).toBe('0.05gibibytes\n');
  });

  it('refuses a block size that is not a power of two', () => {
    const r = thinMetadataSize([{ opt: 'b', value: '100k' }, { opt: 's', value: '100g' }, { opt: 'm', value: '1' }]);
    expect(r).toEqual({ stdout: '', stderr: 'thin_metadata_size - block size must be 2^^N\n', status: 1 });
  });

  it('names the first missing size', () => {
    expect(thinMetadataSize([{ opt: 'b', value: '64k' }, { opt: 's', value: '1g' }]).stderr).toBe('thin_metadata_size - max thins required!\n');
  });
});
