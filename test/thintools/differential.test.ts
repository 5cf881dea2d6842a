// Seeded Docker-like pools → our XML → the real thin_restore, then each real tool's answer against ours.
import { afterAll, describe, expect, it } from 'vitest';
import type { PoolMetadata } from '../../workers/engine/dm/poolMetadata';
import { parseThinDumpXml } from '../../workers/engine/thintools/parseThinDumpXml';
import { thinCheck } from '../../workers/engine/thintools/thinCheck';
import { thinDelta } from '../../workers/engine/thintools/thinDelta';
import { thinDumpHuman } from '../../workers/engine/thintools/thinDumpHuman';
import { thinDumpXml } from '../../workers/engine/thintools/thinDumpXml';
import { thinLs, thinLsFields } from '../../workers/engine/thintools/thinLs';
import { thinRmap } from '../../workers/engine/thintools/thinRmap';
import { dockerLikePool, rng } from './dockerLikePool';
import { requireToolsInCi, runTool, Scratch } from './realTools';

const present = requireToolsInCi();
const seeds = [1, 2, 3, 4, 5, 6];
const metaBytes = 8 << 20;

describe.skipIf(!present)('differential against thin-provisioning-tools 0.9.0', () => {
  const scratch = present ? new Scratch() : undefined;
  afterAll(() => scratch?.cleanup());
  const restored = new Map<number, { md: PoolMetadata; meta: string }>();
  const get = (seed: number) => {
    let r = restored.get(seed);
    if (!r) {
      const md = dockerLikePool(seed, 150 + seed * 40);
      const { meta, run } = scratch!.restore(thinDumpXml(md), metaBytes, `s${seed}`);
      expect(run).toEqual({ stdout: '', stderr: '', status: 0 });
      r = { md, meta };
      restored.set(seed, r);
    }
    return r;
  };

  for (const seed of seeds) {
    it(`seed ${seed}: real thin_dump of our XML restored equals our dump, XML and human readable`, () => {
      const { md, meta } = get(seed);
      expect(runTool('thin_dump', [meta]).stdout).toBe(thinDumpXml(md));
      expect(runTool('thin_dump', ['-f', 'human_readable', meta]).stdout).toBe(thinDumpHuman(md));
      const dev = md.devices[md.devices.length - 1].devId;
      expect(runTool('thin_dump', ['--skip-mappings', '--dev-id', String(dev), meta]).stdout).toBe(
        thinDumpXml(md, { devId: dev, skipMappings: true }),
      );
    });

    it(`seed ${seed}: real thin_ls with every field and the default columns equals ours`, () => {
      const { md, meta } = get(seed);
      expect(runTool('thin_ls', ['-o', thinLsFields.join(','), meta]).stdout).toBe(thinLs(md, [...thinLsFields]));
      expect(runTool('thin_ls', [meta]).stdout).toBe(thinLs(md));
      expect(runTool('thin_ls', ['--no-headers', '-o', 'DEV,SHARED', meta]).stdout).toBe(thinLs(md, ['DEV', 'SHARED'], { noHeaders: true }));
    });

    it(`seed ${seed}: real thin_delta between device pairs equals ours, short and verbose`, () => {
      const { md, meta } = get(seed);
      const rand = rng(seed * 7);
      const ids = md.devices.map((d) => d.devId);
      for (let k = 0; k < 4; k++) {
        const a = ids[Math.floor(rand() * ids.length)];
        const b = ids[Math.floor(rand() * ids.length)];
        for (const verbose of [false, true]) {
          const args = ['--thin1', String(a), '--thin2', String(b), meta, ...(verbose ? ['--verbose'] : [])];
          const mine = thinDelta(md, a, b, { verbose });
          expect(mine.ok && mine.text).toBe(runTool('thin_delta', args).stdout);
        }
      }
    });

    it(`seed ${seed}: real thin_rmap and thin_check equal ours`, () => {
      const { md, meta } = get(seed);
      const regions = [{ begin: 0, end: 50 }, { begin: 120, end: 400 }];
      // Runs sharing a data block come in std::sort's unstable order from the real tool: compare them as sets.
      const real = runTool('thin_rmap', ['--region', '0..50', '--region', '120..400', meta]).stdout.split('\n');
      const ours = thinRmap(md, regions).split('\n');
      expect([...ours].sort()).toEqual([...real].sort());
      const dataBegin = (l: string) => Number(/^data (\d+)/.exec(l)?.[1] ?? -1);
      expect(ours.map(dataBegin)).toEqual(real.map(dataBegin));
      const check = runTool('thin_check', [meta]);
      const mine = thinCheck(md, metaBytes / 4096);
      expect([mine.stdout, mine.stderr, mine.status]).toEqual([check.stdout, check.stderr, check.status]);
    });
  }

  it('malformed inputs: our import fails with the same stderr and exit status as thin_restore', () => {
    const sb = '<superblock uuid="" time="0" transaction="0" data_block_size="128" nr_data_blocks="100">';
    const dv = '<device dev_id="1" mapped_blocks="0" transaction="0" creation_time="0" snap_time="0">';
    const cases = [
      'hello world',
      '',
      `${sb}<foo/></superblock>`,
      `${sb}${dv}<single_mapping origin_block="1" data_block="2"/></device></superblock>`,
      `${sb}${dv}<range_mapping origin_begin="1" data_begin="98" length="5" time="0"/></device></superblock>`,
      `${sb}${dv}</device>${dv}</device></superblock>`,
      `${sb}<single_mapping origin_block="1" data_block="2" time="0"/></superblock>`,
      `${dv}</device>`,
      `${sb}</superblock>\n\n<x/>`,
      `${sb}</superbloc>`,
      `${sb}\n${dv}\n<single_mapping origin_block="1" data_block="2" ti`,
      `${sb}\n${dv}\n`,
      `${sb}&foo;</superblock>`,
      `${sb}${dv}<single_mapping origin_block="1" data_block="2" time="0" time="1"/></device></superblock>`,
      '<superblock uuid="" time="0" transaction="0" data_block_size="4294967296" nr_data_blocks="10"/>',
      '<superblock time="0" transaction="0" data_block_size="128"></superblock>',
      `${sb}${dv}<single_mapping origin_block="x1" data_block="2" time="0"/></device></superblock>`,
      '<superblock uuid="<" time="0"></superblock>',
    ];
    for (const [k, xml] of cases.entries()) {
      const { run } = scratch!.restore(xml, metaBytes, `bad${k}`);
      const mine = parseThinDumpXml(xml);
      expect([xml, mine.ok ? '' : mine.error, mine.ok ? 0 : mine.exitStatus]).toEqual([xml, run.stderr, run.status]);
    }
  });

  it('duplicate and out-of-order mappings restore as the real tool keeps them', () => {
    const sb = '<superblock uuid="" time="0" transaction="0" data_block_size="128" nr_data_blocks="100">';
    const dv = '<device dev_id="1" mapped_blocks="9" transaction="0" creation_time="0" snap_time="0">';
    const xml = `${sb}${dv}<range_mapping origin_begin="1" data_begin="2" length="5" time="0"/><single_mapping origin_block="3" data_block="30" time="0"/><single_mapping origin_block="0" data_block="50" time="1"/></device></superblock>`;
    const { meta } = scratch!.restore(xml, metaBytes, 'dup');
    const mine = parseThinDumpXml(xml);
    expect(mine.ok && thinDumpXml(mine.md)).toBe(runTool('thin_dump', [meta]).stdout);
  });
});
