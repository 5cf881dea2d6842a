// What a click on a data block of the block map reads: a container that maps it, at the block it maps it as.
import type { BlockMapping } from '../../workers/engine/view/blockQuery';
import type { ThinView } from '../../workers/engine/view/types';
import type { BlockRead } from './simRead';

/**
 * The read a click on a data block opens: through the highlighted device when it is a container that maps the block,
 * else through the first container (by device id) that maps it; null when no readable container maps it.
 */
export function clickedRead(
  mappings: readonly BlockMapping[],
  thins: readonly ThinView[],
  pool: string,
  containers: readonly string[],
  highlighted = -1,
): BlockRead | null {
  const isContainer = (m: BlockMapping) =>
    containers.includes(m.name) && thins.some((d) => d.pool === pool && d.devId === m.devId && d.role === 'container');
  const readable = mappings.filter(isContainer);
  const m = readable.find((x) => x.devId === highlighted) ?? readable[0];
  return m ? { container: m.name, block: m.vblock } : null;
}
