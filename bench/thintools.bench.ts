// Import of a 1,000,000-mapping thin_dump XML plus thin_ls figures, against the real thin_restore + thin_ls.
import { createReadStream, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './run';
import { ThinDumpXmlParser } from '../workers/engine/thintools/parseThinDumpXml';
import { thinLs } from '../workers/engine/thintools/thinLs';

const mappings = 1_000_000;

// A base device and snapshots whose writes break sharing: a realistic mix of single and range mappings.
function generate(path: string): void {
  const parts: string[] = ['<superblock uuid="" time="3" transaction="4" flags="0" version="2" data_block_size="128" nr_data_blocks="4194304">\n'];
  let data = 0;
  const perDev = mappings / 4;
  for (let dev = 1; dev <= 4; dev++) {
    parts.push(`  <device dev_id="${dev}" mapped_blocks="${perDev}" transaction="${dev - 1}" creation_time="${dev - 1}" snap_time="${dev}">\n`);
    for (let o = 0; o < perDev; o++) {
      const shared = dev > 1 && o % 3 !== 0;
      const b = shared ? o : perDev + data++;
      parts.push(`    <single_mapping origin_block="${o * 2}" data_block="${b}" time="${shared ? 0 : dev - 1}"/>\n`);
    }
    parts.push('  </device>\n');
  }
  parts.push('</superblock>\n');
  writeFileSync(path, parts.join(''));
}

async function ours(path: string): Promise<string> {
  const p = new ThinDumpXmlParser();
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) p.push(chunk as string);
  const r = p.end();
  if (!r.ok) throw new Error(r.error);
  return thinLs(r.md, ['DEV', 'MAPPED', 'EXCLUSIVE', 'SHARED']);
}

const bench: Benchmark = {
  name: 'thin_dump XML import (1,000,000 mappings) + thin_ls',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'thinbench-'));
    try {
      const xml = join(dir, 'big.xml');
      generate(xml);
      console.log(`generated ${mappings} mappings, ${(statSync(xml).size / 1e6).toFixed(1)} MB`);
      let t = performance.now();
      const mine = await ours(xml);
      const oursMs = performance.now() - t;
      const env = { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` };
      const meta = join(dir, 'big.meta');
      writeFileSync(meta, '');
      truncateSync(meta, 256 << 20);
      t = performance.now();
      const restore = spawnSync('thin_restore', ['-i', xml, '-o', meta], { env });
      const ls = spawnSync('thin_ls', ['-o', 'DEV,MAPPED,EXCLUSIVE,SHARED', meta], { env, encoding: 'utf8' });
      const realMs = performance.now() - t;
      if (restore.error || restore.status !== 0 || ls.status !== 0) {
        console.log(`import+thin_ls: ${oursMs.toFixed(0)} ms; real tools unavailable (${restore.error?.message ?? restore.stderr})`);
        return !process.env.CI;
      }
      const same = ls.stdout === mine;
      const ratio = oursMs / realMs;
      console.log(`import+thin_ls: ${oursMs.toFixed(0)} ms; real thin_restore+thin_ls: ${realMs.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (budget: < 1)`);
      if (!same) console.log('figures differ from the real thin_ls');
      return same && ratio < 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
