import { describe, expect, it } from 'vitest';
import { evalArith } from './arith';

const value = (expr: string, vars: Record<string, string> = {}) => {
  const r = evalArith(expr, (n) => vars[n]);
  return r.ok ? r.value : r.error;
};

describe('evalArith', () => {
  it('comparisons give 1 or 0', () => {
    expect([value('3 < 5'), value('2 >= 3'), value('4 == 4'), value('4 != 4')]).toEqual([1n, 0n, 1n, 0n]);
  });
  it('&& binds tighter than ||', () => {
    expect(value('1 == 1 && 0 || 1')).toBe(1n);
    expect(value('0 || 1 && 0')).toBe(0n);
  });
  it('! negates and comparisons read variables', () => {
    expect([value('!0'), value('!i', { i: '3' }), value('i < 3', { i: '2' })]).toEqual([1n, 0n, 1n]);
  });
  it('comparisons bind looser than sums', () => {
    expect(value('1 + 1 == 2')).toBe(1n);
  });
});
