import { beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { machineView } from './machineView';
import { readPathOf, type ReadPathView } from './readPath';
import { setupScripts } from './freeBehaviour';
import { blocksOfDevice, mappingsOf } from './blockQuery';
import type { ViewState } from './types';

// Docker on its default loop pool with one ubuntu container (5 layers), as the seed's 0x44f story.
let sb: Sandbox;
let vs: ViewState;
beforeAll(() => {
  sb = new Sandbox();
  sb.run(`${setupScripts['loop-lvm']}\ndocker run -d --name web ubuntu sleep infinity`);
  vs = machineView(sb.machine, false);
});

describe('Docker roles of thin devices', () => {
  it('names the base device, five ubuntu layers, the -init device and the container', () => {
    const byRole = (r: string) => vs.thins.filter((t) => t.role === r).map((t) => t.name);
    expect(byRole('base')).toEqual(['base']);
    expect(byRole('image')).toEqual([1, 2, 3, 4, 5].map((i) => `ubuntu:latest layer ${i}/5`));
    expect(byRole('init')).toEqual(['web-init']);
    expect(byRole('container')).toEqual(['web']);
  });

  it('keeps the snapshot chain: the container is a snapshot of its -init device', () => {
    const init = vs.thins.find((t) => t.role === 'init')!;
    expect(vs.thins.find((t) => t.role === 'container')!.parent).toBe(init.devId);
  });

  it('lists the container among those whose reads resolve', () => {
    expect(vs.containers).toEqual(['web']);
  });
});

describe('pool thresholds and backing', () => {
  it('marks dm.min_free_space (10% by default) in data blocks', () => {
    expect(vs.pools[0].minFreeBlocks).toBe(Math.floor(vs.pools[0].totalBlocks / 10));
  });

  it('finds the sparse data file behind the loop device', () => {
    const f = vs.pools[0].dataFile!;
    expect(f.path).toBe('/var/lib/docker/devicemapper/devicemapper/data');
    expect(f.size).toBe(100 * 1024 ** 3);
    expect(f.allocated).toBeGreaterThan(0);
    expect(f.allocated).toBeLessThan(f.size);
  });

  it('carries the live table line for the resize arithmetic', () => {
    expect(vs.pools[0].table).toMatch(/^0 209715200 thin-pool \d+:\d+ \d+:\d+ 128 32768 1 skip_block_zeroing/);
  });

  it('reads the LVM volume and the autoextend threshold of a monitored direct-lvm pool', () => {
    const lvm = new Sandbox();
    lvm.run(setupScripts['direct-lvm']);
    const [p] = machineView(lvm.machine, false).pools;
    expect(p.lv).toMatchObject({ vg: 'docker', lv: 'thinpool', extentSize: 4 * 1024 ** 2, autoextendPercent: 20 });
    expect(p.autoextendThreshold).toBe(80);
    expect(p.dataFile).toBeUndefined();
  });
});

describe('read resolution', () => {
  const resolved = (v: ReturnType<typeof readPathOf>): ReadPathView => {
    if ('error' in v) throw new Error(v.error);
    return v;
  };

  it('walks from the container up to the layer whose write provides the block, as sim read prints', () => {
    const r = resolved(readPathOf(sb.machine, 'web', 0x44f));
    const printed = sb.run('sim read web 0x44f');
    const line = printed.ok ? printed.entries[0].output.split('\n').find((l) => l.startsWith('block ')) : '';
    expect(line).toContain(`provided by ${r.chain[r.providerIndex].role} (dev ${r.chain[r.providerIndex].devId})`);
    expect(line).toContain(`-> data block 0x${r.dblock.toString(16)} (${r.dblock})`);
    expect(line).toContain(`reference count ${r.refcount}`);
    expect(r.chain[0].role).toBe('container web');
    expect(r.chain[r.chain.length - 1].role).toBe('base device');
  });

  it('says an unprovisioned block reads zeros', () => {
    const strip = resolved(readPathOf(sb.machine, 'web', 0)).providers;
    const hole = strip.indexOf(255);
    const r = resolved(readPathOf(sb.machine, 'web', hole));
    expect(r.providerIndex).toBe(-1);
    expect(r.dblock).toBe(-1);
  });

  it('colours every block of the container by the chain device providing it', () => {
    const r = resolved(readPathOf(sb.machine, 'web', 0x44f));
    expect(r.providers.length).toBe((10 * 1024 ** 3) / 65536);
    expect(r.providers[0x44f]).toBe(r.providerIndex);
  });

  it('refuses a block past the end of the device and an unknown container', () => {
    expect(readPathOf(sb.machine, 'web', 163840)).toEqual({ error: 'Block 163840 is past the end of the device (163840 blocks).' });
    expect(readPathOf(sb.machine, 'nope', 0)).toEqual({ error: 'No such container: nope' });
  });
});

describe('recent blocks', () => {
  it('lists the data blocks the latest command provisioned', () => {
    const w = new Sandbox();
    w.run(`${setupScripts['loop-lvm']}\ndocker run -d --name web ubuntu sleep infinity`);
    w.run('docker exec web dd if=/dev/zero of=/f bs=64k count=10');
    const [recent] = machineView(w.machine, false).recent;
    expect(new Set(recent.provisioned).size).toBe(recent.provisioned.length);
    expect(recent.provisioned.length).toBeGreaterThanOrEqual(10);
    expect(recent.freed).toEqual([]);
  });
});

describe('block queries', () => {
  it('names every device that maps a shared data block, with the virtual block it maps there', () => {
    const r = readPathOf(sb.machine, 'web', 0x44f);
    if ('error' in r) throw new Error(r.error);
    const mappings = mappingsOf(sb.machine, r.pool, r.dblock);
    expect(mappings.length).toBe(r.refcount);
    expect(mappings.every((m) => m.vblock === 0x44f)).toBe(true);
    expect(mappings.map((m) => m.name)).toContain('web');
  });

  it('lists the data blocks a device maps, as many as it has mapped', () => {
    const web = vs.thins.find((t) => t.role === 'container')!;
    expect(blocksOfDevice(sb.machine, web.pool, web.devId).length).toBe(web.mapped);
    expect(blocksOfDevice(sb.machine, web.pool, 999).length).toBe(0);
  });
});
