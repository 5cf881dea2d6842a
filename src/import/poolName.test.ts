// Naming an imported pool from its file.
import { describe, expect, it } from 'vitest';
import { importCommand, poolNameFor, xmlPathFor } from './poolName';

describe('pool names of imported files', () => {
  it('drops the .xml extension', () => {
    expect(poolNameFor('docker-thinpool.XML', [])).toBe('docker-thinpool');
  });

  it('replaces characters a dm name or a shell word would not take', () => {
    expect(poolNameFor('my pool (2).xml', [])).toBe('my_pool__2_');
    expect(poolNameFor('$(reboot).xml', [])).toBe('__reboot_');
  });

  it('never starts with a dot, nor is empty', () => {
    expect(poolNameFor('..xml', [])).toBe('pool');
    expect(poolNameFor('.hidden.xml', [])).toBe('hidden');
  });

  it('numbers a name already taken by a pool', () => {
    expect(poolNameFor('pool.xml', ['pool', 'pool-2'])).toBe('pool-3');
  });

  it('places the XML in /root and imports it under the pool name', () => {
    expect(xmlPathFor('p')).toBe('/root/p.xml');
    expect(importCommand('p')).toBe('sim import-pool /root/p.xml p');
  });
});
