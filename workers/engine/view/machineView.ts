// Builds the view state from a Machine; the only module that knows where each layer keeps its state.
import type { Machine } from '../machine';
import { devno, type BlockDevice } from '../host/blockDevice';
import { blockMapOf, thinCountsOf } from './blockMap';
import type { DockerRole, PoolView, StackNode, ThinView, ViewState } from './types';

/** What the view needs from Docker's deviceset: hash → device id, and which hashes are containers. */
interface DockerDeviceLike {
  hash: string;
  deviceId: number;
  parent?: string;
}

/** The view state of a machine at its current step. */
export function machineView(machine: Machine, withBlocks = true): ViewState {
  const pools: PoolView[] = [];
  const thins: ThinView[] = [];
  const blockMaps: ViewState['blockMaps'] = [];
  const dockerDevices = findDockerDevices(machine);
  for (const [name, pool] of machine.dm.pools()) {
    const md = pool.toMetadata();
    if (!md) continue;
    const st = pool.stats();
    const map = blockMapOf(name, md);
    pools.push({
      name,
      blockSize: pool.blockBytes,
      totalBlocks: st.totalData,
      usedBlocks: st.usedData,
      freeBlocks: st.freeData,
      metadataUsed: st.usedMetadata,
      metadataTotal: st.totalMetadata,
      mode: st.mode,
      lowWaterMark: pool.lowWaterMark,
    });
    if (withBlocks) blockMaps.push(map);
    const origins = snapshotOrigins(machine, name);
    const counted = thinCountsOf(name, md, map).map((t) => ({ ...t, parent: origins.get(t.devId) }));
    thins.push(...label(counted, dockerDevices));
  }
  return { step: machine.events.step, pools, thins, blockMaps, stack: stackOf(machine) };
}

/** The block devices of the host, as lsblk would list them. */
export function stackOf(machine: Machine): StackNode[] {
  return machine.host.blockDevices.list().map((d: BlockDevice) => ({
    name: d.name,
    label: mapperName(machine, d.name) ?? d.name,
    devno: devno(d),
    size: d.size,
    type: d.type,
    mountpoint: d.mountpoint,
    slaves: d.slaves.map((s) => s.name),
  }));
}

// lsblk names dm devices by their /dev/mapper name.
function mapperName(machine: Machine, kernelName: string): string | undefined {
  const alias = machine.host.blockDevices.aliasesOf(kernelName).find((a) => a.startsWith('/dev/mapper/'));
  return alias?.slice('/dev/mapper/'.length);
}

/** Gives each thin device its Docker role and name from the deviceset (base, layers, -init, containers). */
function label(views: ThinView[], docker: DockerDeviceLike[]): ThinView[] {
  const byId = new Map(docker.map((d) => [d.deviceId, d]));
  const idOfHash = new Map(docker.map((d) => [d.hash, d.deviceId]));
  const hasInit = new Set(docker.filter((d) => d.hash.endsWith('-init')).map((d) => d.hash.slice(0, -5)));
  return views.map((v) => {
    const d = byId.get(v.devId);
    if (!d) return v;
    const role: DockerRole =
      d.hash === '' || d.hash === 'base'
        ? 'base'
        : d.hash.endsWith('-init')
          ? 'init'
          : hasInit.has(d.hash)
            ? 'container'
            : 'image';
    const parent = d.parent === undefined ? v.parent : (idOfHash.get(d.parent) ?? v.parent);
    return { ...v, role, name: d.hash === '' ? 'base' : d.hash.slice(0, 12), parent };
  });
}

// dm-thin does not remember a snapshot's origin; the event log does (when it records).
function snapshotOrigins(machine: Machine, pool: string): Map<number, number> {
  const origins = new Map<number, number>();
  for (const e of machine.events.all) {
    if (e.type === 'snap-created' && e.pool === pool) origins.set(e.dev, e.origin);
    else if (e.type === 'thin-deleted' && e.pool === pool) origins.delete(e.dev);
  }
  return origins;
}

function findDockerDevices(machine: Machine): DockerDeviceLike[] {
  const ds = (
    machine.docker as unknown as { deviceSet?: { devices?: Map<string, { deviceId: number; parent?: string }> } }
  ).deviceSet;
  if (!ds?.devices || !(ds.devices instanceof Map)) return [];
  return [...ds.devices].map(([hash, d]) => ({ hash, deviceId: d.deviceId, parent: d.parent }));
}
