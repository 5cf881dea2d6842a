// A pool built by replayed scenarios exports through thin_dump, and the real thin-provisioning-tools agree with it.
import { afterAll, describe, expect, it } from 'vitest';
import { requireToolsInCi, runTool, Scratch } from '../thintools/realTools';
import { poolStatus, replay, scenarioText } from './replay';

const present = requireToolsInCi();
const POOL = 'docker-202:1-8413957-pool';

/** Distinct data blocks mapped by any device of a thin_dump XML. */
function dataBlocksInUse(xml: string): number {
  const used = new Set<number>();
  for (const m of xml.matchAll(/<single_mapping origin_block="\d+" data_block="(\d+)"/g)) used.add(Number(m[1]));
  for (const m of xml.matchAll(/<range_mapping origin_begin="\d+" data_begin="(\d+)" length="(\d+)"/g))
    for (let i = 0; i < Number(m[2]); i++) used.add(Number(m[1]) + i);
  return used.size;
}

describe.skipIf(!present)('thin_dump of a replayed pool, read back by the real tools', () => {
  const scratch = present ? new Scratch() : undefined;
  afterAll(() => scratch?.cleanup());

  // Pulls, two runs, writes, a modify, a delete, an fstrim and a docker rm: sharing, CoW and freed blocks.
  const r = replay(`${scenarioText('two-containers')}
docker exec web dd if=/dev/zero of=/newfile bs=64k count=10
docker exec web dd if=/dev/zero of=/usr/bin/perl bs=4k count=1 seek=2 conv=notrunc
docker exec box dd if=/dev/zero of=/big bs=1M count=8
docker stop box
docker rm box
sudo dmsetup message ${POOL} 0 reserve_metadata_snap`);
  const status = poolStatus(r.then(`sudo dmsetup status ${POOL}`));
  const xml = r.then('sudo thin_dump -m /dev/loop1');
  const restored = present ? scratch!.restore(xml, 64 << 20, 'replayed') : undefined;

  it('the real thin_restore accepts the XML and thin_dump gives it back unchanged', () => {
    expect(restored!.run).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(runTool('thin_dump', [restored!.meta]).stdout).toBe(xml);
  });

  it('the real thin_check passes and reports the pool transaction id', () => {
    const check = runTool('thin_check', [restored!.meta]);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(new RegExp(`^TRANSACTION_ID=${status.transaction}$`, 'm'));
  });

  it('the data blocks mapped in the dump are the pool used data blocks of dmsetup status', () => {
    expect(dataBlocksInUse(xml)).toBe(status.usedData);
  });

  it('the real thin_ls shows the same blocks per device as thin_ls in the sandbox', () => {
    const fields = 'DEV,MAPPED_BLOCKS,EXCLUSIVE_BLOCKS,SHARED_BLOCKS,TRANSACTION,CREATE_TIME,SNAP_TIME';
    const real = runTool('thin_ls', ['-o', fields, restored!.meta]);
    expect(real.status).toBe(0);
    expect(r.then(`sudo thin_ls -m -o ${fields} /dev/loop1`)).toBe(real.stdout);
  });

  it('the running container maps as many blocks as its dm status says', () => {
    const id = r.then("docker inspect -f '{{.GraphDriver.Data.DeviceId}}' web").trim();
    const dev = r.then("docker inspect -f '{{.GraphDriver.Data.DeviceName}}' web").trim();
    const mappedSectors = Number(r.then(`sudo dmsetup status ${dev}`).split(' ')[3]);
    const row = runTool('thin_ls', ['--no-headers', '-o', 'DEV,MAPPED_BLOCKS', restored!.meta])
      .stdout.split('\n')
      .map((l) => l.trim().split(/\s+/))
      .find((c) => c[0] === id);
    expect(Number(row?.[1]) * 128).toBe(mappedSectors);
  });
});
