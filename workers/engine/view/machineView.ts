// Builds the view state from a Machine; the only module that knows where each layer keeps its state.
import type { Machine } from '../machine';
import type { PoolMetadata } from '../dm/poolMetadata';
import { devno, type BlockDevice } from '../host/blockDevice';
import { blockMapOf, thinCountsOf, usedBlocksOf } from './blockMap';
import type { DockerRole, PoolView, StackNode, ThinView, ViewState } from './types';

/** What the view needs from a thin pool; the dm layer's ThinPool is read through this shape. */
interface PoolLike {
  name?: string;
  toMetadata(): PoolMetadata | null;
  stats?(): { usedMetadata: number; totalMetadata: number; mode: string };
  mode?: string;
  lowWaterMark?: number;
}

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
  for (const [name, pool] of findPools(machine)) {
    const md = pool.toMetadata();
    if (!md) continue;
    const map = blockMapOf(name, md);
    const used = usedBlocksOf(map);
    const st = pool.stats?.();
    pools.push({
      name,
      blockSize: md.dataBlockSize * 512,
      totalBlocks: md.nrDataBlocks,
      usedBlocks: used,
      freeBlocks: md.nrDataBlocks - used,
      metadataUsed: st?.usedMetadata ?? 0,
      metadataTotal: st?.totalMetadata ?? 0,
      mode: st?.mode ?? pool.mode ?? 'write',
      lowWaterMark: pool.lowWaterMark ?? 0,
    });
    if (withBlocks) blockMaps.push(map);
    thins.push(...label(thinCountsOf(name, md, map), dockerDevices));
  }
  return { step: machine.events.step, pools, thins, blockMaps, stack: stackOf(machine) };
}

/** The block devices of the host, as lsblk would list them. */
export function stackOf(machine: Machine): StackNode[] {
  return machine.host.blockDevices.list().map((d: BlockDevice) => ({
    name: d.name,
    devno: devno(d),
    size: d.size,
    type: d.type,
    mountpoint: d.mountpoint,
    slaves: d.slaves.map((s) => s.name),
  }));
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
    const parent = d.parent === undefined ? undefined : idOfHash.get(d.parent);
    return { ...v, role, name: d.hash === '' ? 'base' : d.hash.slice(0, 12), parent };
  });
}

// Pools are found by shape (anything with toMetadata under machine.dm) so the dm layer can organise itself freely;
// back-references to other layers are not followed.
const notFollowed = new Set(['events', 'host', 'machine', 'lvm', 'profile', 'clock', 'dataDevice', 'log']);

function findPools(machine: Machine): [string, PoolLike][] {
  const found: [string, PoolLike][] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, key: string, depth: number): void => {
    if (!v || typeof v !== 'object' || seen.has(v) || depth > 4 || ArrayBuffer.isView(v)) return;
    seen.add(v);
    if (typeof (v as PoolLike).toMetadata === 'function') {
      found.push([(v as PoolLike).name ?? key, v as PoolLike]);
      return;
    }
    if (v instanceof Map) for (const [k, x] of v) visit(x, String(k), depth + 1);
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${key}${i}`, depth + 1));
    else for (const [k, x] of Object.entries(v)) if (!notFollowed.has(k)) visit(x, k, depth + 1);
  };
  visit(machine.dm, 'pool', 0);
  return found;
}

function findDockerDevices(machine: Machine): DockerDeviceLike[] {
  const ds = (
    machine.docker as unknown as { deviceSet?: { devices?: Map<string, { deviceId: number; parent?: string }> } }
  ).deviceSet;
  if (!ds?.devices || !(ds.devices instanceof Map)) return [];
  return [...ds.devices].map(([hash, d]) => ({ hash, deviceId: d.deviceId, parent: d.parent }));
}
