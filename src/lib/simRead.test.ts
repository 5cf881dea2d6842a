import { describe, expect, it } from 'vitest';
import { parseBlock, simReadOf } from './simRead';

describe('sim read commands', () => {
  it('gives the container and the first block, hex or decimal, with or without sudo and a count', () => {
    expect(simReadOf('sim read web 0x44f')).toEqual({ container: 'web', block: 0x44f });
    expect(simReadOf('sudo sim read 1f26c3 12+4')).toEqual({ container: '1f26c3', block: 12 });
  });

  it('ignores other commands and malformed reads', () => {
    expect(simReadOf('sim write web 0x44f')).toBeNull();
    expect(simReadOf('sim read web')).toBeNull();
    expect(simReadOf('echo sim read web 1')).toBeNull();
  });

  it('parses block numbers as sim does', () => {
    expect([parseBlock('0x44f'), parseBlock(' 1103 '), parseBlock('44g'), parseBlock('-1')]).toEqual([1103, 1103, null, null]);
  });
});
