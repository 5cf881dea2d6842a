import { describe, expect, it } from 'vitest';
import { createSandboxApi } from './sandboxApi';

describe('sandbox API for the UI', () => {
  it('gives a fresh machine no pools and a step of zero', () => {
    const v = createSandboxApi().viewState();
    expect('internal' in v).toBe(false);
    if (!('internal' in v)) {
      expect(v.pools).toEqual([]);
      expect(v.step).toBe(0);
    }
  });

  it('lists command names sorted and without repeats', () => {
    const names = createSandboxApi().commandNames();
    expect(names).toContain('sudo');
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  it('resets to a fresh machine', () => {
    expect(createSandboxApi().reset()).toEqual({ ok: true });
  });
});
