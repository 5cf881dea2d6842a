import { describe, expect, it } from 'vitest';
import { clickedRead } from './blockClick';
import type { ThinView } from '../../workers/engine/view/types';

const dev = (devId: number, role: ThinView['role'], name: string): ThinView => ({
  pool: 'p',
  devId,
  role,
  name,
  mapped: 1,
  exclusive: 0,
  shared: 1,
});
const thins = [dev(2, 'image', 'ubuntu:latest layer 1/5'), dev(4, 'init', 'web-init'), dev(5, 'container', 'web'), dev(7, 'container', 'db')];
const layerBlock = [
  { devId: 2, name: 'ubuntu:latest layer 1/5', vblock: 0x44f },
  { devId: 4, name: 'web-init', vblock: 0x44f },
  { devId: 5, name: 'web', vblock: 0x44f },
  { devId: 7, name: 'db', vblock: 0x44f },
];

describe('clicked read', () => {
  it('reads a shared layer block through the first container that maps it', () => {
    expect(clickedRead(layerBlock, thins, 'p', ['web', 'db'])).toEqual({ container: 'web', block: 0x44f });
  });

  it('prefers the highlighted container', () => {
    expect(clickedRead(layerBlock, thins, 'p', ['web', 'db'], 7)).toEqual({ container: 'db', block: 0x44f });
  });

  it('reads at the block the container maps, not the data block', () => {
    expect(clickedRead([{ devId: 5, name: 'web', vblock: 9 }], thins, 'p', ['web'])).toEqual({ container: 'web', block: 9 });
  });

  it('opens nothing for a block only image layers and -init devices map', () => {
    expect(clickedRead(layerBlock.slice(0, 2), thins, 'p', ['web', 'db'])).toBeNull();
  });

  it('opens nothing for a container the read view cannot resolve', () => {
    expect(clickedRead(layerBlock, thins, 'p', [])).toBeNull();
  });
});
