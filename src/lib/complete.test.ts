import { describe, expect, it } from 'vitest';
import { completeCommand } from './complete';

const names = ['docker', 'dmsetup', 'lvcreate', 'lvconvert', 'lvextend', 'lvs'];

describe('Tab completion', () => {
  it('completes a unique command name and adds a space', () => {
    expect(completeCommand('dm', names)).toEqual({ line: 'dmsetup ', candidates: [] });
  });

  it('extends to the common prefix of several names', () => {
    expect(completeCommand('lvc', names)).toEqual({ line: 'lvc', candidates: ['lvconvert', 'lvcreate'] });
    expect(completeCommand('l', names)).toEqual({ line: 'lv', candidates: [] });
  });

  it('completes after sudo', () => {
    expect(completeCommand('sudo lve', names).line).toBe('sudo lvextend ');
  });

  it('leaves arguments alone', () => {
    expect(completeCommand('docker in', names)).toEqual({ line: 'docker in', candidates: [] });
  });

  it('leaves a word nothing matches alone', () => {
    expect(completeCommand('zz', names)).toEqual({ line: 'zz', candidates: [] });
  });
});
