import { describe, expect, it } from 'vitest';
import { budgetReplay } from './budgetScenario';

describe('engine budget scenario', () => {
  it('builds 1 base, 100 layer devices and 500 × 2 container devices, and is deterministic', () => {
    const a = budgetReplay(10_000);
    expect(a.devices).toBe(1 + 100 + 1000);
    expect(budgetReplay(10_000)).toEqual(a);
  });
});
