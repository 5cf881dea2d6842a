// Questions the block map asks about single blocks and devices: who maps a data block, which blocks a device maps.
import type { Machine } from '../machine';
import { dockerDevicesOf } from './dockerDevices';

/** A mapping of one data block: the device, its Docker name ('' when none) and the virtual block. */
export interface BlockMapping {
  devId: number;
  name: string;
  vblock: number;
}

/** Every mapping that points at data block `dblock` of `pool` (empty for a free block or an unknown pool). */
export function mappingsOf(machine: Machine, pool: string, dblock: number): BlockMapping[] {
  const md = machine.dm.poolOf(pool)?.toMetadata();
  if (!md) return [];
  const names = new Map(dockerDevicesOf(machine, pool).map((d) => [d.deviceId, d.name]));
  const found: BlockMapping[] = [];
  for (const d of md.devices)
    for (let i = 0; i < d.data.length; i++)
      if (d.data[i] === dblock) found.push({ devId: d.devId, name: names.get(d.devId) ?? '', vblock: d.origin[i] });
  return found.sort((a, b) => a.devId - b.devId);
}

/** The data blocks device `devId` of `pool` maps, in virtual block order (empty when there is no such device). */
export function blocksOfDevice(machine: Machine, pool: string, devId: number): Uint32Array {
  const md = machine.dm.poolOf(pool)?.toMetadata();
  const d = md?.devices.find((x) => x.devId === devId);
  return d ? Uint32Array.from(d.data) : new Uint32Array(0);
}
