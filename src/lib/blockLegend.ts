// What the block map's legend lists: the palette colours the painter gives the devices that own blocks alone.
import type { DockerRole, ThinView } from '../../workers/engine/view/types';
import { devicePalette } from './blockImage';

/** One swatch of owned blocks: a palette colour and the devices painted in it (several when ids wrap the palette). */
export interface DeviceSwatch {
  colour: readonly [number, number, number];
  devices: ThinView[];
}

/**
 * The swatches for the devices that map blocks no other device maps (the map paints a block with refcount 1 in its
 * device's palette colour, `devicePalette[devId % n]`), one per colour used, in palette order.
 */
export function deviceSwatches(
  devices: readonly ThinView[],
  palette: readonly (readonly [number, number, number])[] = devicePalette,
): DeviceSwatch[] {
  const byColour = new Map<number, ThinView[]>();
  for (const d of [...devices].sort((a, b) => a.devId - b.devId)) {
    if (d.exclusive <= 0) continue;
    const i = d.devId % palette.length;
    const list = byColour.get(i);
    if (list) list.push(d);
    else byColour.set(i, [d]);
  }
  return [...byColour.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, list]) => ({ colour: palette[i], devices: list }));
}

/**
 * A device as the block map names it: its id, then "container web" for a container, else Docker's name for it
 * ("ubuntu:latest layer 1/5", "web-init") or, unnamed, the word for its role.
 */
export function deviceLabel(
  d: Pick<ThinView, 'devId' | 'role' | 'name'>,
  roleWords: Record<DockerRole, string>,
): string {
  if (d.role === 'container') return `${d.devId} ${roleWords.container} ${d.name}`;
  if (d.role === 'base') return `${d.devId} ${roleWords.base}`;
  return `${d.devId} ${d.name || roleWords[d.role]}`;
}
