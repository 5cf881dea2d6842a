import { describe, expect, it } from 'vitest';
import { CommandHistory, historyLimit } from './history';
import { memoryStore } from './storage';

describe('command history', () => {
  it('walks back from the newest command with ↑', () => {
    const h = new CommandHistory();
    h.push('lsblk');
    h.push('docker info');
    expect(h.previous('')).toBe('docker info');
    expect(h.previous('')).toBe('lsblk');
    expect(h.previous('')).toBeNull();
  });

  it('returns to the line being typed with ↓ after the newest', () => {
    const h = new CommandHistory();
    h.push('lsblk');
    h.previous('dmsetup st');
    expect(h.next()).toBe('dmsetup st');
    expect(h.next()).toBeNull();
  });

  it('skips blank lines and immediate repeats', () => {
    const h = new CommandHistory();
    h.push('lsblk');
    h.push('lsblk');
    h.push('   ');
    expect(h.entries).toEqual(['lsblk']);
  });

  it('survives a reload through its store', () => {
    const store = memoryStore();
    new CommandHistory(store).push('pvs');
    expect(new CommandHistory(store).entries).toEqual(['pvs']);
  });

  it('keeps only the newest commands past its limit', () => {
    const h = new CommandHistory();
    for (let i = 0; i < historyLimit + 5; i++) h.push(`echo ${i}`);
    expect(h.entries.length).toBe(historyLimit);
    expect(h.entries[0]).toBe('echo 5');
  });

  it('ignores a store holding something else', () => {
    const store = memoryStore();
    store.setItem('dm-sandbox.history', '{"not":"a list"}');
    expect(new CommandHistory(store).entries).toEqual([]);
  });
});
