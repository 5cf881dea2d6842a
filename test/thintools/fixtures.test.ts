// The fixtures answered by the real tools (/work/shared/fixtures/thin): our import and reports must agree field by field.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseThinDumpXml } from '../../workers/engine/thintools/parseThinDumpXml';
import { thinCheck } from '../../workers/engine/thintools/thinCheck';
import { thinDumpXml } from '../../workers/engine/thintools/thinDumpXml';
import { thinLsFields, thinLsRows, thinLsValue } from '../../workers/engine/thintools/thinLs';

const dir = '/work/shared/fixtures/thin';
const fixtures = ['f1_tiny', 'f2_small', 'f3_medium'].filter((f) => existsSync(`${dir}/${f}.xml`));

function load(name: string) {
  const r = parseThinDumpXml(readFileSync(`${dir}/${name}.xml`, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.md;
}

describe.skipIf(!fixtures.length)('real-tool fixtures', () => {
  for (const f of fixtures) {
    const expected = JSON.parse(readFileSync(`${dir}/${f}.expected.json`, 'utf8'));

    it(`${f}: thin_ls reports every field as the real thin_ls`, () => {
      const md = load(f);
      const rows = thinLsRows(md);
      expect(rows.map((r) => String(r.dev))).toEqual(Object.keys(expected.thin_ls));
      for (const row of rows) {
        const want = expected.thin_ls[String(row.dev)];
        for (const field of thinLsFields) expect([field, thinLsValue(row, field, md.dataBlockSize)]).toEqual([field, String(want[field])]);
      }
    });

    it(`${f}: thin_dump of the import is byte-identical to the real dump`, () => {
      const xml = thinDumpXml(load(f));
      expect(createHash('sha256').update(xml).digest('hex')).toBe(expected.thin_dump_sha256);
    });

    it(`${f}: thin_check prints the real TRANSACTION_ID and METADATA_FREE_BLOCKS`, () => {
      const r = thinCheck(load(f), expected.superblock.metadata_nr_blocks);
      expect(r.stdout.trimEnd()).toBe(expected.thin_check.stdout);
      expect(r.stderr.trimEnd()).toBe(expected.thin_check.stderr);
      expect(r.status).toBe(expected.thin_check.rc);
    });

    it(`${f}: pool totals match the real space map`, () => {
      const md = load(f);
      const used = new Set<number>();
      for (const d of md.devices) d.data.forEach((b) => used.add(b));
      expect(used.size).toBe(expected.summary.pool_used_data_blocks);
      expect(md.devices.reduce((n, d) => n + d.mappedBlocks, 0)).toBe(expected.summary.total_mappings);
    });
  }

  it('hand_bad.xml fails with the real error and exit status', () => {
    const r = parseThinDumpXml(readFileSync(`${dir}/hand_bad.xml`, 'utf8'));
    expect(r).toMatchObject({ ok: false, error: 'mapping beyond end of data device (12 >= 12)\n', exitStatus: 1 });
  });

  it('loop_lvm.xml and direct_lvm.xml import with one base device of 180 and 38 mapped blocks', () => {
    const sizes: Record<string, number> = {};
    for (const f of ['loop_lvm', 'direct_lvm']) {
      const r = parseThinDumpXml(readFileSync(`${dir}/${f}.xml`, 'utf8'));
      if (!r.ok) throw new Error(r.error);
      expect(r.md.devices).toHaveLength(1);
      sizes[f] = r.md.devices[0].mappedBlocks;
    }
    expect(sizes).toEqual({ loop_lvm: 180, direct_lvm: 38 });
  });
});
