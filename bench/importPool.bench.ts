// The app's import path on a 1,000,000-mapping thin_dump XML: chunks streamed into the worker API, `sim import-pool`
// (thin_restore, loop files, dmsetup create), then thin_ls in the sandbox — against the real thin_restore + thin_ls.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './run';
import { createSandboxApi } from '../workers/engine/view/sandboxApi';

const mappings = 1_000_000;
const sliceChars = 512 * 1024;

// Four devices of runs 1..16 blocks long, half of the snapshots' runs shared with the base (about 10 MB).
function generate(): string {
  const parts = ['<superblock uuid="" time="4" transaction="5" flags="0" version="2" data_block_size="128" nr_data_blocks="1638400">\n'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  let data = 0;
  let total = 0;
  for (let dev = 1; dev <= 4; dev++) {
    parts.push(`  <device dev_id="${dev}" mapped_blocks="0" transaction="${dev - 1}" creation_time="${dev - 1}" snap_time="${dev}">\n`);
    for (let o = 0; total < (dev * mappings) / 4; ) {
      const len = Math.min(1 + Math.floor(rnd() * 16), (dev * mappings) / 4 - total);
      const shared = dev > 1 && rnd() < 0.5;
      const b = shared ? o : 300_000 + data;
      if (!shared) data += len;
      parts.push(
        len === 1
          ? `    <single_mapping origin_block="${o}" data_block="${b}" time="0"/>\n`
          : `    <range_mapping origin_begin="${o}" data_begin="${b}" length="${len}" time="0"/>\n`,
      );
      o += len + 1;
      total += len;
    }
    parts.push('  </device>\n');
  }
  parts.push('</superblock>\n');
  return parts.join('');
}

const bench: Benchmark = {
  name: 'app import path: 1,000,000-mapping XML streamed in, sim import-pool, thin_ls',
  run() {
    const xml = generate();
    const api = createSandboxApi();
    let t = performance.now();
    let worst = 0;
    api.putBegin('/root/big.xml');
    for (let at = 0; at < xml.length; at += sliceChars) {
      const t0 = performance.now();
      const r = api.putChunk(xml.slice(at, at + sliceChars));
      worst = Math.max(worst, performance.now() - t0);
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    if (!api.putEnd().ok) throw new Error('putEnd failed');
    const imported = api.run('sim import-pool /root/big.xml');
    const ls = api.run('thin_ls -o DEV,MAPPED,EXCLUSIVE,SHARED /dev/loop0');
    const oursMs = performance.now() - t;
    if (!imported.ok || imported.entries[0].status !== 0 || !ls.ok) throw new Error('import failed');
    console.log(`${(xml.length / 1e6).toFixed(1)} MB; slowest chunk in the worker ${worst.toFixed(0)} ms`);

    const dir = mkdtempSync(join(tmpdir(), 'importbench-'));
    try {
      const path = join(dir, 'big.xml');
      const meta = join(dir, 'big.meta');
      writeFileSync(path, xml);
      writeFileSync(meta, '');
      truncateSync(meta, 128 << 20);
      const env = { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` };
      t = performance.now();
      const restore = spawnSync('thin_restore', ['-i', path, '-o', meta], { env });
      const real = spawnSync('thin_ls', ['-o', 'DEV,MAPPED,EXCLUSIVE,SHARED', meta], { env, encoding: 'utf8' });
      const realMs = performance.now() - t;
      if (restore.error || restore.status !== 0 || real.status !== 0) {
        console.log(`ours ${oursMs.toFixed(0)} ms; real tools unavailable`);
        return !process.env.CI;
      }
      const same = real.stdout === ls.entries[0].output;
      console.log(`ours ${oursMs.toFixed(0)} ms; real thin_restore+thin_ls ${realMs.toFixed(0)} ms; ratio ${(oursMs / realMs).toFixed(2)} (budget: < 1)`);
      if (!same) console.log('figures differ from the real thin_ls');
      return same && oursMs < realMs;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
