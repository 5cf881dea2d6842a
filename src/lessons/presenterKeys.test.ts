import { describe, expect, it } from 'vitest';
import { presenterAction } from './presenterKeys';

describe('presenter keys', () => {
  it('steps with the arrows and the clicker keys', () => {
    expect(presenterAction('ArrowRight', false)).toEqual({ kind: 'next' });
    expect(presenterAction('PageDown', false)).toEqual({ kind: 'next' });
    expect(presenterAction('ArrowLeft', false)).toEqual({ kind: 'previous' });
    expect(presenterAction('PageUp', false)).toEqual({ kind: 'previous' });
  });

  it('plays with the space bar and picks views with digits', () => {
    expect(presenterAction(' ', false)).toEqual({ kind: 'play' });
    expect(presenterAction('3', false)).toEqual({ kind: 'view', index: 2 });
  });

  it('shows and hides the terminal with T', () => {
    expect(presenterAction('t', false)).toEqual({ kind: 'terminal' });
    expect(presenterAction('T', false)).toEqual({ kind: 'terminal' });
  });

  it('leaves the keys typed into the terminal alone, except Escape', () => {
    expect(presenterAction('ArrowRight', true)).toBeNull();
    expect(presenterAction(' ', true)).toBeNull();
    expect(presenterAction('t', true)).toBeNull();
    expect(presenterAction('Escape', true)).toEqual({ kind: 'leave' });
  });
});
