// The CLI's way in for a real pool: `dmsim run SCRIPT --put /root/pool.xml=LOCAL` then `sim import-pool` in the script.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../workers/cli';

describe('dmsim --put with sim import-pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cliput-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the placed dump and reports its devices with thin_ls', () => {
    const script = join(dir, 'import.sh');
    writeFileSync(script, 'sim import-pool /root/pool.xml >/dev/null\nthin_ls -o DEV,MAPPED_BLOCKS /dev/loop0\n');
    const dump = join(dir, 'pool.xml');
    writeFileSync(
      dump,
      '<superblock uuid="" time="1" transaction="1" flags="0" version="2" data_block_size="128" nr_data_blocks="64">\n' +
        '  <device dev_id="7" mapped_blocks="3" transaction="0" creation_time="0" snap_time="0">\n' +
        '    <range_mapping origin_begin="0" data_begin="5" length="3" time="0"/>\n' +
        '  </device>\n</superblock>\n',
    );
    let out = '';
    const status = main(['run', script, '--put', `/root/pool.xml=${dump}`], (s) => (out += s), () => {});
    expect(status).toBe(0);
    expect(out).toBe(
      '$ sim import-pool /root/pool.xml >/dev/null\n$ thin_ls -o DEV,MAPPED_BLOCKS /dev/loop0\nDEV MAPPED_BLOCKS \n  7             3 \n',
    );
  });
});
