import { describe, expect, it } from 'vitest';
import { memoryStore } from '../lib/storage';
import { loadProgress, saveProgress, withMet } from './progress';

describe('lesson progress', () => {
  it('survives a save and a load', () => {
    const store = memoryStore();
    saveProgress(store, withMet({}, 'loop-lvm', ['docker.stopped'], 1));
    expect(loadProgress(store)).toEqual({ 'loop-lvm': { step: 1, met: ['docker.stopped'] } });
  });

  it('keeps goals met earlier when new ones are met', () => {
    const p = withMet(withMet({}, 'l', ['a'], 0), 'l', ['b', 'a'], 1);
    expect(p.l.met.sort()).toEqual(['a', 'b']);
  });

  it('reads damaged storage as no progress', () => {
    const store = memoryStore();
    store.setItem('dm-sandbox.lessons.v1', '{not json');
    expect(loadProgress(store)).toEqual({});
    store.setItem('dm-sandbox.lessons.v1', JSON.stringify({ l: { step: 'x', met: [] }, m: { step: 2, met: ['ok', 3] } }));
    expect(loadProgress(store)).toEqual({ m: { step: 2, met: ['ok'] } });
  });
});
