// Builds the view state from a Machine; the only module that knows where each layer keeps its state.
import type { Machine } from '../machine';
import { devno, type BlockDevice } from '../host/blockDevice';
import { blockMapOf, thinCountsOf } from './blockMap';
import { dockerDevicesOf, type DockerDevice } from './dockerDevices';
import { poolExtrasOf } from './poolExtras';
import { recentBlocksOf } from './recentBlocks';
import { readableContainers } from './readPath';
import type { PoolView, StackNode, ThinView, ViewState } from './types';

/** The view state of a machine at its current step. */
export function machineView(machine: Machine, withBlocks = true): ViewState {
  const pools: PoolView[] = [];
  const thins: ThinView[] = [];
  const blockMaps: ViewState['blockMaps'] = [];
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
      ...poolExtrasOf(machine, name, st.totalData),
    });
    if (withBlocks) blockMaps.push(map);
    const origins = snapshotOrigins(machine, name);
    const counted = thinCountsOf(name, md, map).map((t) => ({ ...t, parent: origins.get(t.devId) }));
    thins.push(...label(counted, dockerDevicesOf(machine, name)));
  }
  return {
    step: machine.events.step,
    pools,
    thins,
    blockMaps,
    stack: stackOf(machine),
    recent: recentBlocksOf(machine.events),
    containers: readableContainers(machine),
  };
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
function label(views: ThinView[], docker: DockerDevice[]): ThinView[] {
  const byId = new Map(docker.map((d) => [d.deviceId, d]));
  return views.map((v) => {
    const d = byId.get(v.devId);
    return d ? { ...v, role: d.role, name: d.name } : v;
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
