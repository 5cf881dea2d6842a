import { describe, expect, it } from 'vitest';
import type { ThinView } from '../../workers/engine/view/types';
import { deviceLabel, deviceSwatches } from './blockLegend';
import { devicePalette, paintBlocks } from './blockImage';

function thin(devId: number, exclusive: number, role: ThinView['role'] = 'image', name = ''): ThinView {
  return { pool: 'p', devId, role, name, mapped: exclusive + 1, exclusive, shared: 1 };
}

const words = { base: 'base', image: 'image layer', init: 'init', container: 'container', thin: 'thin' };

describe('block map legend', () => {
  it('has a swatch only for devices that own blocks alone', () => {
    const swatches = deviceSwatches([thin(1, 0), thin(2, 5), thin(3, 0)]);
    expect(swatches).toHaveLength(1);
    expect(swatches[0].devices.map((d) => d.devId)).toEqual([2]);
    expect(swatches[0].colour).toEqual(devicePalette[2]);
  });

  it('gives each swatch the colour the painter gives that device’s blocks', () => {
    // Block 0 free, blocks 1–2 owned alone by devices 3 and 12, block 3 shared.
    const map = { pool: 'p', refcount: Uint16Array.from([0, 1, 1, 2]), owner: Int32Array.from([-1, 3, 12, 3]) };
    const px = paintBlocks(map, 4, [0, 0, 0]);
    const swatches = deviceSwatches([thin(3, 1), thin(12, 1)]);
    const colourOf = (dev: number) => swatches.find((s) => s.devices.some((d) => d.devId === dev))!.colour;
    expect([...px.slice(4, 7)]).toEqual([...colourOf(3)]);
    expect([...px.slice(8, 11)]).toEqual([...colourOf(12)]);
  });

  it('puts devices whose ids wrap the palette on one swatch, in id order', () => {
    const n = devicePalette.length;
    const swatches = deviceSwatches([thin(1 + n, 4), thin(1, 2), thin(2, 1)]);
    expect(swatches.map((s) => s.devices.map((d) => d.devId))).toEqual([[1, 1 + n], [2]]);
    expect(swatches[0].colour).toEqual(devicePalette[1]);
  });

  it('names devices as the device select does, with the container’s role', () => {
    expect(deviceLabel(thin(8, 1, 'container', 'web'), words)).toBe('8 container web');
    expect(deviceLabel(thin(2, 1, 'image', 'ubuntu:latest layer 1/5'), words)).toBe('2 ubuntu:latest layer 1/5');
    expect(deviceLabel(thin(7, 1, 'init', 'web-init'), words)).toBe('7 web-init');
    expect(deviceLabel(thin(1, 1, 'base', 'base'), { ...words, base: 'base 设备' })).toBe('1 base 设备');
    expect(deviceLabel(thin(4, 1, 'thin', ''), words)).toBe('4 thin');
  });
});
