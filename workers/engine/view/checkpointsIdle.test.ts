import { describe, expect, it } from 'vitest';
import { IdleWork } from './checkpointsIdle';
import { ManualTimers } from './checkpointsManualTimers';

describe('idle work', () => {
  it('waits for the quiet delay after a call before its first slice', () => {
    const timers = new ManualTimers();
    let slices = 0;
    new IdleWork(() => (slices++, false), timers, 40).postpone();
    expect(slices).toBe(0);
    expect(timers.delays()).toEqual([40]);
  });

  it('keeps one pending slice however many calls arrive', () => {
    const timers = new ManualTimers();
    const idle = new IdleWork(() => false, timers, 40);
    idle.postpone();
    idle.postpone();
    idle.postpone();
    expect(timers.delays()).toEqual([40]);
  });

  it('runs further slices at once while work remains, and stops when none does', () => {
    const timers = new ManualTimers();
    let left = 3;
    const idle = new IdleWork(() => --left > 0, timers, 40);
    idle.postpone();
    timers.fire();
    expect(timers.delays()).toEqual([0]);
    expect(timers.flush()).toBe(2);
    expect(left).toBe(0);
    expect(timers.delays()).toEqual([]);
  });

  it('pushes the next slice back to the quiet delay when a call arrives between slices', () => {
    const timers = new ManualTimers();
    const idle = new IdleWork(() => true, timers, 40);
    idle.postpone();
    timers.fire();
    idle.postpone();
    expect(timers.delays()).toEqual([40]);
  });

  it('runs nothing after cancel', () => {
    const timers = new ManualTimers();
    let slices = 0;
    const idle = new IdleWork(() => (slices++, true), timers, 40);
    idle.postpone();
    idle.cancel();
    expect(timers.flush()).toBe(0);
    expect(slices).toBe(0);
  });
});
