import { describe, expect, it } from 'vitest';
import { isPrefix, metAlong, witness } from './goalWitness';

describe('goal witnesses', () => {
  it('keep a goal met earlier on the same timeline after it stops holding', () => {
    let w = witness({}, { stopped: true }, ['stop', 'edit', 'start'], 1);
    w = witness(w, { stopped: false }, ['stop', 'edit', 'start'], 3);
    expect([...metAlong(w, ['stop', 'edit', 'start'])]).toEqual(['stopped']);
  });

  it('no longer count a goal once the timeline steps back before it was met', () => {
    let w = witness({}, { started: true }, ['stop', 'edit', 'start'], 3);
    w = witness(w, { started: false }, ['stop', 'edit', 'start'], 1);
    expect(metAlong(w, ['stop']).has('started')).toBe(false);
  });

  it('count it again when the timeline steps forward over the same commands', () => {
    let w = witness({}, { started: true }, ['stop', 'edit', 'start'], 3);
    w = witness(w, { started: false }, ['stop', 'edit', 'start'], 0);
    expect(metAlong(w, ['stop', 'edit', 'start']).has('started')).toBe(true);
  });

  it('drop a goal whose commands were replaced by others typed after stepping back', () => {
    let w = witness({}, { started: true }, ['stop', 'start'], 2);
    w = witness(w, { started: false }, ['stop', 'rm'], 2);
    expect(w).toEqual({});
    expect(metAlong(w, ['stop', 'start']).size).toBe(0);
  });

  it('keep the earliest step a goal was seen met at', () => {
    let w = witness({}, { pv: true }, ['pvcreate', 'vgcreate'], 1);
    w = witness(w, { pv: true }, ['pvcreate', 'vgcreate'], 2);
    expect(w.pv).toEqual(['pvcreate']);
  });

  it('move a goal to an earlier step when it is seen met there after a jump forward', () => {
    let w = witness({}, { pv: true }, ['pvcreate', 'vgcreate'], 2);
    w = witness(w, { pv: true }, ['pvcreate', 'vgcreate'], 1);
    expect(w.pv).toEqual(['pvcreate']);
  });

  it('compare prefixes command by command', () => {
    expect(isPrefix([], ['a'])).toBe(true);
    expect(isPrefix(['a', 'b'], ['a'])).toBe(false);
    expect(isPrefix(['a', 'c'], ['a', 'b'])).toBe(false);
  });
});
