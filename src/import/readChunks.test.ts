// Reading a file in slices: text identical to the whole, progress in bytes, multi-byte characters across slices.
import { describe, expect, it } from 'vitest';
import { readTextChunks } from './readChunks';

async function collect(blob: Blob, bytes: number) {
  const texts: string[] = [];
  const reads: number[] = [];
  const done = await readTextChunks(blob, async (t, r) => (texts.push(t), reads.push(r), true), bytes);
  return { done, texts, reads };
}

describe('readTextChunks', () => {
  it('reassembles the file exactly, with progress in bytes up to the size', async () => {
    const text = '<superblock>\n' + 'x'.repeat(110) + '\n</superblock>\n';
    const r = await collect(new Blob([text]), 32);
    expect(r.texts.join('')).toBe(text);
    expect(text.length).toBe(138);
    expect(r.reads).toEqual([32, 64, 96, 128, 138]);
    expect(r.done).toBe(true);
  });

  it('keeps a multi-byte character cut by a slice boundary whole', async () => {
    const text = 'é€😀'.repeat(50);
    const r = await collect(new Blob([text]), 5);
    expect(r.texts.join('')).toBe(text);
  });

  it('stops reading when the consumer refuses a slice', async () => {
    const seen: string[] = [];
    const done = await readTextChunks(new Blob(['a'.repeat(100)]), async (t) => (seen.push(t), false), 10);
    expect(done).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('hands an empty file over as one empty slice', async () => {
    const r = await collect(new Blob([]), 10);
    expect(r).toEqual({ done: true, texts: [''], reads: [0] });
  });
});
