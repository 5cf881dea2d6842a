// Block-level figures of the seed's container stories (sections 4.2, 5.1, 5.2, 6), counted from the pool.
import { describe, expect, it } from 'vitest';
import { goHumanSize, infoField, LOOP_DIR, poolStatus, replayScenario, type Replay } from './replay';

const POOL = 'docker-202:1-8413957-pool';
const USED = "docker info | grep 'Data Space Used'";
const STATUS = "sudo dmsetup status | grep ' thin-pool '";
const BLOCK = 65536;

function lazy(name: string): () => Replay {
  let r: Replay | undefined;
  return () => (r ??= replayScenario(name));
}

/** Pool used data blocks at each `dmsetup status | grep thin-pool` of the transcript. */
function usedBlocks(r: Replay): number[] {
  return r.outputs(STATUS).map((s) => poolStatus(s).usedData);
}

/** Data Space Used at each `docker info | grep 'Data Space Used'` of the transcript. */
function usedInfo(r: Replay): string[] {
  return r.outputs(USED).map((s) => infoField(s, 'Data Space Used'));
}

/** Mappings of each thin device of a thin_dump XML: dev id → (origin block → data block). */
function parseDump(xml: string): Map<number, Map<number, number>> {
  const devs = new Map<number, Map<number, number>>();
  let cur: Map<number, number> | undefined;
  for (const line of xml.split('\n')) {
    let m = /<device dev_id="(\d+)"/.exec(line);
    if (m) devs.set(Number(m[1]), (cur = new Map()));
    m = /<single_mapping origin_block="(\d+)" data_block="(\d+)"/.exec(line);
    if (m) cur!.set(Number(m[1]), Number(m[2]));
    m = /<range_mapping origin_begin="(\d+)" data_begin="(\d+)" length="(\d+)"/.exec(line);
    if (m) for (let i = 0; i < Number(m[3]); i++) cur!.set(Number(m[1]) + i, Number(m[2]) + i);
  }
  return devs;
}

describe('two-containers (seed 4.2)', () => {
  const r = lazy('two-containers');
  const layers = (pullOut: string) => pullOut.match(/: Pull complete$/gm)?.length ?? 0;

  it('counts one pool transaction for the base, one per image layer and two per container', () => {
    const n = layers(r().output('docker pull ubuntu')) + layers(r().output('docker pull busybox'));
    expect(n).toBe(6);
    expect(poolStatus(r().then(STATUS)).transaction).toBe(1 + n + 2 * 2);
  });

  it('keeps only the pool and the two running containers devices active', () => {
    const ls = r().output('sudo dmsetup ls');
    const names = ls.trim().split('\n').map((l) => l.split('\t')[0]);
    const web = r().then("docker inspect -f '{{.GraphDriver.Data.DeviceName}}' web").trim();
    const box = r().then("docker inspect -f '{{.GraphDriver.Data.DeviceName}}' box").trim();
    expect(names.sort()).toEqual([web, box, POOL].sort());
  });

  it('numbers devices in creation order: base 1, layers 2-7, then -init and container of each run', () => {
    const id = (c: string) => Number(r().then(`docker inspect -f '{{.GraphDriver.Data.DeviceId}}' ${c}`));
    expect([id('web'), id('box')]).toEqual([9, 11]);
  });

  it('keeps one metadata file per device plus deviceset-metadata and transaction-metadata', () => {
    const files = r().output('sudo ls /var/lib/docker/devicemapper/metadata/').trim().split('\n');
    expect(files).toHaveLength(1 + 6 + 2 * 2 + 2);
    expect(files).toEqual(expect.arrayContaining(['base', 'deviceset-metadata', 'transaction-metadata']));
    expect(files.filter((f) => f.endsWith('-init'))).toHaveLength(2);
  });

  it('lists both containers running in docker ps', () => {
    const ps = r().output('docker ps').split('\n');
    expect(ps[0]).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/);
    expect(ps.slice(1).filter(Boolean).map((l) => l.split(/ {2,}/).pop())).toEqual(['box', 'web']);
  });
});

describe('read-0x44f (seed 5.1)', () => {
  const r = lazy('read-0x44f');
  const resolution = (out: string) => {
    const m = /^block (0x[0-9a-f]+) \((\d+)\): provided by (.+) \(dev (\d+)\) -> data block 0x[0-9a-f]+ \((\d+)\) of (\S+), reference count (\d+)$/m.exec(out);
    if (!m) throw new Error(`no resolution in: ${out}`);
    return { block: Number(m[2]), provider: m[3], dev: Number(m[4]), data: Number(m[5]), pool: m[6], refs: Number(m[7]) };
  };
  const dump = () => {
    r().then(`sudo dmsetup message ${POOL} 0 reserve_metadata_snap`);
    return parseDump(r().then('sudo thin_dump -m /dev/loop1'));
  };

  it('lists the chain from the container through -init and the five ubuntu layers to the base device', () => {
    const chain = r().output('sim read web 0x44f').split('\n').filter((l) => /^ {2}dev /.test(l));
    expect(chain.map((l) => Number(/dev (\d+)/.exec(l)![1]))).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(chain[0]).toMatch(/container web/);
    expect(chain[1]).toMatch(/web -init .*-init$/);
    expect(chain[7]).toMatch(/base device +docker-202:1-8413957-base$/);
  });

  it('resolves block 0x44f to the layer that wrote it, as the pool metadata maps it', () => {
    const res = resolution(r().output('sim read web 0x44f'));
    expect(res.block).toBe(0x44f);
    expect(res.pool).toBe(POOL);
    const devs = dump();
    // The container maps the block to the same data block as the provider; the device below it does not.
    expect(devs.get(8)!.get(0x44f)).toBe(res.data);
    expect(devs.get(res.dev)!.get(0x44f)).toBe(res.data);
    if (res.dev > 1) expect(devs.get(res.dev - 1)!.get(0x44f)).not.toBe(res.data);
    const refs = [...devs.values()].reduce((n, m) => n + [...m.values()].filter((d) => d === res.data).length, 0);
    expect(res.refs).toBe(refs);
  });

  it('resolves the last block of the 10 GiB device (mkfs wrote its tail) to the base device', () => {
    const res = resolution(r().output('sim read web 0x27fff'));
    expect(res.block).toBe(10 * 2 ** 30 / BLOCK - 1);
    expect(res).toMatchObject({ dev: 1, provider: 'base device' });
  });

  it('reports a block no device of the chain has as unprovisioned, reading zeros', () => {
    expect(r().output('sim read web 0x20000')).toMatch(/^block 0x20000 \(131072\): not provisioned in any device of the chain: the read returns zeros$/m);
  });
});

describe('small-write-cost (seed 6)', () => {
  it('a 4 KiB write provisions exactly one 64 KiB pool block', () => {
    const [before, after] = usedBlocks(replayScenario('small-write-cost'));
    expect(after - before).toBe(1);
  });
});

describe('write-new-file (seed 5.2)', () => {
  const r = lazy('write-new-file');

  it('a 640 KiB file allocates exactly ten 64 KiB blocks in the container', () => {
    const [before, after] = usedBlocks(r());
    expect(after - before).toBe((64 * 1024 * 10) / BLOCK);
  });

  it('Data Space Used moves by exactly those blocks', () => {
    const [before, after] = usedBlocks(r());
    expect(usedInfo(r())).toEqual([goHumanSize(before * BLOCK), goHumanSize(after * BLOCK)]);
  });

  it('the file is 655360 bytes', () => {
    expect(r().output('docker exec web ls -l /newfile')).toMatch(/^-rw-r--r-- 1 root root 655360 .* \/newfile\n$/);
  });
});

describe('modify-file (seed 5.2)', () => {
  it('copies only the one pool block the 4 KiB write lands in', () => {
    const r = replayScenario('modify-file');
    const dd = r.output('docker exec web dd if=/dev/zero of=/usr/bin/perl bs=4k count=1 seek=2 conv=notrunc');
    expect(dd).toMatch(/^1\+0 records in\n1\+0 records out\n4096 bytes \(4\.1 kB, 4\.0 KiB\) copied/);
    const [before, after] = usedBlocks(r);
    expect(after - before).toBe(1);
  });
});

describe('delete-file (seed 5.2)', () => {
  const r = lazy('delete-file');

  it('the file is gone for the container', () => {
    expect(r().output('docker exec web cat /usr/bin/perl')).toBe('cat: /usr/bin/perl: No such file or directory\n');
  });

  it('no pool block changes: the image keeps its blocks', () => {
    const [before, after] = usedBlocks(r());
    expect(after).toBe(before);
    const [a, b] = usedInfo(r());
    expect(b).toBe(a);
  });
});

describe('write-then-delete (seed 5.2)', () => {
  const r = lazy('write-then-delete');
  const DU = `sudo du -h ${LOOP_DIR}/data`;
  const mib = (du: string) => {
    const m = /^(\d+)M\t/.exec(du);
    if (!m) throw new Error(`du not in MiB: ${du}`);
    return Number(m[1]);
  };

  it('a 100 MiB file provisions 1600 blocks, rm gives none back, fstrim gives them all back', () => {
    const [beforeRm, afterRm, afterTrim] = usedBlocks(r());
    const base = poolStatus(r().then(STATUS)).usedData;
    expect(base).toBe(afterTrim);
    expect(beforeRm - afterTrim).toBe((100 * 2 ** 20) / BLOCK);
    expect(afterRm).toBe(beforeRm);
  });

  it('docker info follows: used drops back after fstrim only', () => {
    const [beforeRm, afterRm, afterTrim] = usedBlocks(r());
    expect(usedInfo(r())).toEqual([beforeRm, afterRm, afterTrim].map((b) => goHumanSize(b * BLOCK)));
  });

  it('fstrim -v reports what it trimmed', () => {
    expect(r().output('docker exec web fstrim -v /')).toMatch(/^\/: [\d.]+ GiB \(\d+ bytes\) trimmed\n$/);
  });

  it('the sparse data file shrinks by the 100 MiB of punched holes', () => {
    const [before, after] = r().outputs(DU).map(mib);
    expect(before - after).toBe(100);
  });
});
