import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession } from './autosave';
import { memoryStore } from './storage';

describe('autosave', () => {
  it('restores the commands, the timeline position and the view', () => {
    const store = memoryStore();
    saveSession(store, { commands: ['lsblk', 'pvs'], cursor: 1, view: 'tree' });
    expect(loadSession(store)).toEqual({ version: 1, commands: ['lsblk', 'pvs'], cursor: 1, view: 'tree' });
  });

  it('has nothing to restore on a first visit', () => {
    expect(loadSession(memoryStore())).toBeNull();
  });

  it('ignores a damaged save', () => {
    const store = memoryStore();
    store.setItem('dm-sandbox.session', '{"version":1,"commands":[1,2]}');
    expect(loadSession(store)).toBeNull();
    store.setItem('dm-sandbox.session', 'not json');
    expect(loadSession(store)).toBeNull();
  });

  it('clamps a position past the end to the end', () => {
    const store = memoryStore();
    store.setItem('dm-sandbox.session', '{"version":1,"commands":["ls"],"cursor":9}');
    expect(loadSession(store)?.cursor).toBe(1);
  });

  it('forgets on clear', () => {
    const store = memoryStore();
    saveSession(store, { commands: ['ls'], cursor: 1 });
    clearSession(store);
    expect(loadSession(store)).toBeNull();
  });
});
