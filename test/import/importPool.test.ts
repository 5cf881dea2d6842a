// A real pool's thin_dump XML imported into the sandbox with `sim import-pool`: the live pool reports what the real
// tools reported on the same file (fixtures measured with thin-provisioning-tools 0.9.0).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../workers/engine/sandbox';
import { machineView } from '../../workers/engine/view/machineView';

const dir = '/work/shared/fixtures/thin';
const fixtures = ['f1_tiny', 'f2_small', 'f3_medium'].filter((f) => existsSync(`${dir}/${f}.xml`));

/** A sandbox with the fixture at /root/<name>.xml, imported as pool <name>. */
function imported(name: string): { sandbox: Sandbox; out: string; status: number } {
  const sandbox = new Sandbox();
  expect(sandbox.putFile(`/root/${name}.xml`, readFileSync(`${dir}/${name}.xml`, 'utf8'))).toBeNull();
  const r = sandbox.run(`sim import-pool /root/${name}.xml`);
  if (!r.ok) throw new Error(r.error.message);
  return { sandbox, out: r.entries[0].output, status: r.entries[0].status };
}

/** Runs one command and returns what it printed. */
function run(sandbox: Sandbox, command: string): { output: string; status: number } {
  const r = sandbox.run(command);
  if (!r.ok) throw new Error(r.error.message);
  return { output: r.entries[0].output, status: r.entries[0].status };
}

/** thin_ls's table as rows of column → value. */
function table(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trimEnd().split('\n').map((l) => l.trim().split(/\s+/));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

describe.skipIf(!fixtures.length)('sim import-pool on the real-tool fixtures', () => {
  for (const f of fixtures) {
    const expected = JSON.parse(readFileSync(`${dir}/${f}.expected.json`, 'utf8'));

    it(`${f}: thin_ls on the live pool's metadata device reports every figure of the real thin_ls`, () => {
      const { sandbox, status } = imported(f);
      expect(status).toBe(0);
      const fields = /-o (\S+)/.exec(expected.thin_ls_cmd)![1];
      const rows = table(run(sandbox, `thin_ls -o ${fields} /dev/loop0`).output);
      const want = Object.values(expected.thin_ls as Record<string, Record<string, unknown>>).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])),
      );
      expect(rows).toEqual(want);
    });

    it(`${f}: dmsetup status shows the real space map's used and total data blocks`, () => {
      const { sandbox } = imported(f);
      const status = run(sandbox, `dmsetup status ${f}`).output.split(' ');
      expect(status[5]).toBe(`${expected.summary.pool_used_data_blocks}/${expected.summary.pool_total_data_blocks}`);
      expect(status[3]).toBe(String(expected.superblock.transaction));
    });

    it(`${f}: thin_dump of the live pool is byte-identical to the real tools' round trip`, () => {
      const { sandbox } = imported(f);
      const xml = run(sandbox, 'thin_dump /dev/loop0').output;
      expect(createHash('sha256').update(xml).digest('hex')).toBe(expected.thin_dump_sha256);
    });

    it(`${f}: the view state lists the pool with its devices and used blocks, without Docker roles`, () => {
      const { sandbox } = imported(f);
      const v = machineView(sandbox.machine, true);
      const pool = v.pools.find((p) => p.name === f)!;
      expect(pool.usedBlocks).toBe(expected.summary.pool_used_data_blocks);
      expect(pool.totalBlocks).toBe(expected.summary.pool_total_data_blocks);
      expect(pool.blockSize).toBe(expected.summary.data_block_size_sectors * 512);
      const thins = v.thins.filter((t) => t.pool === f);
      expect(thins.map((t) => String(t.devId))).toEqual(Object.keys(expected.thin_ls));
      expect(thins.map((t) => t.mapped)).toEqual(Object.values(expected.thin_ls).map((r) => (r as { MAPPED_BLOCKS: number }).MAPPED_BLOCKS));
      expect(thins.every((t) => t.role === 'thin')).toBe(true);
    });
  }

  it('prints every command it runs, as set -x does, with their own output', () => {
    const { out } = imported('f1_tiny');
    expect(out).toBe(
      [
        '+ truncate -s 2M /root/f1_tiny.meta',
        '+ thin_restore -i /root/f1_tiny.xml -o /root/f1_tiny.meta',
        '+ truncate -s 67108864 /root/f1_tiny.data',
        '+ losetup -f --show /root/f1_tiny.meta',
        '/dev/loop0',
        '+ losetup -f --show /root/f1_tiny.data',
        '/dev/loop1',
        '+ dmsetup create f1_tiny --table "0 131072 thin-pool /dev/loop0 /dev/loop1 128 0 0"',
        '',
      ].join('\n'),
    );
  });

  it('the same steps typed by hand give the same pool', () => {
    const sandbox = new Sandbox();
    sandbox.putFile('/root/pool.xml', readFileSync(`${dir}/f2_small.xml`, 'utf8'));
    const r = sandbox.run(
      [
        'truncate -s 64M /root/meta',
        'thin_restore -i /root/pool.xml -o /root/meta',
        'truncate -s $[ 194552 * 1024 * 512 ] /root/data',
        'losetup -f --show /root/meta',
        'losetup -f --show /root/data',
        'dmsetup create mypool --table "0 $[ 194552 * 1024 ] thin-pool /dev/loop0 /dev/loop1 1024 0 0"',
        'dmsetup status mypool',
      ].join('\n'),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.entries.map((e) => e.status)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.entries[6].output).toBe('0 199221248 thin-pool 16 33/16384 145/194552 - rw discard_passdown queue_if_no_space - \n');
  });
});
