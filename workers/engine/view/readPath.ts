// How a read of a container's block resolves: the device chain, the device whose write provides it, the data block.
import type { Machine } from '../machine';
import { deviceChain } from '../docker/cli/sim';
import { dockerDevicesOf } from './dockerDevices';

/** One device of the chain, top (the container) first. */
export interface ReadLink {
  devId: number;
  /** Role as `sim read` prints it ("container web", "ubuntu:latest layer 1/5", "base device"). */
  role: string;
  /** Docker's dm name of the device. */
  dmName: string;
}

/** The resolution of one read, plus which chain device provides each block of the container (for the strip). */
export interface ReadPathView {
  container: string;
  pool: string;
  vblock: number;
  chain: ReadLink[];
  /** Index in `chain` of the device whose write provides the block; -1 when unprovisioned (reads zeros). */
  providerIndex: number;
  /** Device id that provisioned the block outside this chain (a deleted device's data shared on), when not in it. */
  providerDevId: number;
  dblock: number;
  refcount: number;
  /** Per virtual block of the container: index in `chain` of its provider, 254 outside the chain, 255 unprovisioned. */
  providers: Uint8Array;
}

/** Containers a read can be resolved for (Docker on devicemapper). */
export function readableContainers(machine: Machine): string[] {
  const ds = machine.docker.deviceSet;
  if (!ds || !machine.docker.running) return [];
  const live = new Set(dockerDevicesOf(machine, ds.poolName).map((d) => d.hash));
  return [...machine.docker.store().containers.values()].filter((c) => live.has(c.mountId)).map((c) => c.name);
}

/** Resolves a read of `vblock` (pool blocks) on container `ref`, or says why it cannot. */
export function readPathOf(machine: Machine, ref: string, vblock: number): ReadPathView | { error: string } {
  const docker = machine.docker;
  const ds = docker.deviceSet;
  if (!ds || !docker.running) return { error: 'Docker is not running on devicemapper.' };
  const c = docker.store().findContainer(ref);
  if (!c) return { error: `No such container: ${ref}` };
  const links = deviceChain(docker, c);
  const pool = ds.pool();
  if (!links || links.length === 0 || !pool) return { error: `No thin device for ${c.name}.` };
  const top = links[0].devId;
  const size = ds.lookup(c.mountId)?.size ?? 0;
  const nBlocks = Math.floor(size / pool.blockBytes);
  if (!Number.isInteger(vblock) || vblock < 0 || vblock >= nBlocks)
    return { error: `Block ${vblock} is past the end of the device (${nBlocks} blocks).` };
  const indexOf = new Map(links.map((l, i) => [l.devId, i]));
  const providers = new Uint8Array(nBlocks).fill(255);
  for (let v = 0; v < nBlocks; v++) {
    const r = pool.read(top, v);
    if (r) providers[v] = indexOf.get(r.providedBy) ?? 254;
  }
  const r = pool.read(top, vblock);
  return {
    container: c.name,
    pool: ds.poolName,
    vblock,
    chain: links.map((l) => ({ devId: l.devId, role: l.role, dmName: ds.deviceName(l.hash) })),
    providerIndex: r ? (indexOf.get(r.providedBy) ?? -1) : -1,
    providerDevId: r ? r.providedBy : -1,
    dblock: r ? r.dblock : -1,
    refcount: r ? (pool.sm.refcount[r.dblock] ?? 0) : 0,
    providers,
  };
}
