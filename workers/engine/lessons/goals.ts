// Lesson goals: checks over the machine's state (never over the commands typed), named by plain string ids.
import type { Machine } from '../machine';
import type { ThinPool } from '../dm/thinPool';
import type { LogicalVolume, VolumeGroup } from '../lvm/model';
import { lvExtents } from '../lvm/model';
import type { ContainerRecord } from '../docker/store';
import { blockArg, lvArg, parseGoalId, sizeArg } from './goalArgs';

/** A check: true when the machine is in the state the goal asks for. */
type GoalCheck = (m: Machine, args: string[]) => boolean;

function dockerPool(m: Machine): ThinPool | undefined {
  return m.docker.running ? m.docker.deviceSet?.pool() : undefined;
}

function findLv(m: Machine, arg: string | undefined): { vg: VolumeGroup; lv: LogicalVolume } | undefined {
  const { vg, lv } = lvArg(arg);
  const group = m.lvm.vgs.get(vg);
  const vol = group?.lvs.find((l) => l.name === lv);
  return group && vol ? { vg: group, lv: vol } : undefined;
}

function container(m: Machine, name: string | undefined): ContainerRecord | undefined {
  return name && m.docker.running ? m.docker.store().findContainer(name) : undefined;
}

// The container's own thin device id in the pool, while Docker runs devicemapper.
function containerDevice(m: Machine, name: string | undefined): { pool: ThinPool; devId: number } | undefined {
  const c = container(m, name);
  const ds = m.docker.deviceSet;
  const pool = dockerPool(m);
  const info = c && ds ? ds.lookup(c.mountId) : undefined;
  return pool && info ? { pool, devId: info.deviceId } : undefined;
}

// Blocks of a container's device that no other device maps: what the container alone costs the pool.
function exclusiveBytes(m: Machine, name: string | undefined): number {
  const d = containerDevice(m, name);
  const st = d?.pool.deviceStats(d.devId);
  return d && st ? st.exclusive * d.pool.blockBytes : NaN;
}

/** Every check a lesson may name, by the first part of its id. */
export const goalChecks: Record<string, GoalCheck> = {
  'docker.running': (m) => m.docker.running,
  'docker.stopped': (m) => !m.docker.running,
  'docker.driver': (m, [name]) => m.docker.running && m.docker.driver?.name === name,
  'docker.loopPool': (m) => !!dockerPool(m) && !!m.docker.deviceSet?.dataLoopFile,
  'docker.thinpooldev': (m, [name]) => !!dockerPool(m) && m.docker.deviceSet?.poolName === name && !m.docker.deviceSet.dataLoopFile,
  'docker.deferredRemoval': (m) => !!dockerPool(m) && !!m.docker.deviceSet?.opts.deferredRemoval,
  'docker.minFreeSpace': (m, [pct]) => !!dockerPool(m) && m.docker.deviceSet?.opts.minFreeSpacePercent === Number(pct),
  'pool.dataSize': (m, [size]) => {
    const p = dockerPool(m);
    return !!p && p.stats().totalData * p.blockBytes === sizeArg(size);
  },
  'pool.blockSize': (m, [size]) => dockerPool(m)?.blockBytes === sizeArg(size),
  'loop.size': (m, [dev, size]) => m.host.loops.list().some((l) => `/dev/${l.name}` === dev && l.size === sizeArg(size)),
  'file.size': (m, [path, size]) => {
    const st = m.host.vfs.stat(path);
    return 'size' in st && st.size === sizeArg(size);
  },
  'file.exists': (m, [path]) => m.host.vfs.exists(path),
  'file.absent': (m, [path]) => !m.host.vfs.exists(path),
  // The file's text contains WORD (daemon.json naming a driver, a profile naming a setting).
  'file.mentions': (m, [path, word]) => {
    const text = m.host.vfs.readFile(path);
    return typeof text === 'string' && text.includes(word);
  },
  'lvm.pv': (m, [dev]) => m.lvm.pvs.has(dev),
  'lvm.noPv': (m, [dev]) => !m.lvm.pvs.has(dev),
  'lvm.vg': (m, [vg, dev]) => {
    const g = m.lvm.vgs.get(vg);
    return !!g && (dev === undefined || g.pvs.includes(dev));
  },
  'lvm.lv': (m, [lv]) => !!findLv(m, lv),
  'lvm.thinPool': (m, [lv]) => findLv(m, lv)?.lv.role === 'thin-pool',
  'lvm.chunk': (m, [lv, size]) => findLv(m, lv)?.lv.pool?.chunkSize === sizeArg(size),
  'lvm.zeroOff': (m, [lv]) => findLv(m, lv)?.lv.pool?.zero === false,
  'lvm.profile': (m, [lv, name]) => findLv(m, lv)?.lv.profile === name,
  'lvm.monitored': (m, [lv]) => !!findLv(m, lv)?.lv.monitored,
  'lvm.active': (m, [lv]) => !!findLv(m, lv)?.lv.active,
  'lvm.autoextend': (m, [lv]) => {
    const f = findLv(m, lv);
    if (!f || !f.lv.monitored) return false;
    const p = m.lvm.policyFor(f.lv);
    return p.threshold < 100 && p.percent > 0;
  },
  // The pool's data LV took every free extent of its VG (lvextend -l+100%FREE).
  'lvm.poolFillsVg': (m, [lv]) => {
    const f = findLv(m, lv);
    const data = f?.lv.pool ? f.vg.lvs.find((l) => l.name === f.lv.pool!.dataLv) : undefined;
    return !!f && !!data && lvExtents(data) > 0 && m.lvm.vgFree(f.vg) === 0;
  },
  'container.exists': (m, [name]) => !!container(m, name),
  'container.absent': (m, [name]) => m.docker.running && !container(m, name),
  'container.running': (m, [name]) => container(m, name)?.state === 'running',
  // A read of BLOCK on the container's device is served by a parent layer (an image), not by the container.
  'container.readsFromImage': (m, [name, block]) => {
    const d = containerDevice(m, name);
    const r = d?.pool.read(d.devId, blockArg(block));
    return !!d && !!r && r.providedBy !== d.devId;
  },
  'container.exclusiveAtLeast': (m, [name, size]) => exclusiveBytes(m, name) >= sizeArg(size),
  'container.exclusiveAtMost': (m, [name, size]) => exclusiveBytes(m, name) <= sizeArg(size),
  'containers.count': (m, [n]) => m.docker.running && [...m.docker.store().containers.values()].filter((c) => c.state === 'running').length >= Number(n),
};

/** Whether a goal id names a known check. */
export function isGoalId(id: string): boolean {
  return parseGoalId(id).name in goalChecks;
}

/** Checks goals on the machine; an unknown id or a failing check is false, never an exception. */
export function checkGoals(m: Machine, ids: string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const id of ids) {
    const { name, args } = parseGoalId(id);
    const check = goalChecks[name];
    try {
      out[id] = !!check && check(m, args);
    } catch {
      out[id] = false;
    }
  }
  return out;
}
