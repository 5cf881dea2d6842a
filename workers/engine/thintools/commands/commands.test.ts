// The thin_* shell commands on the simulated host: files, errors, exit statuses.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../machine';
import { commands } from './index';

function run(m: Machine, line: string) {
  let out = '';
  let err = '';
  const argv = line.split(/\s+/);
  const status = commands[argv[0]]({ argv, stdin: '', out: (t) => (out += t), err: (t) => (err += t), env: {}, cwd: '/root', machine: m });
  return { out, err, status };
}

const xml = `<superblock uuid="" time="2" transaction="3" flags="0" version="2" data_block_size="128" nr_data_blocks="1024">
  <device dev_id="1" mapped_blocks="10" transaction="0" creation_time="0" snap_time="1">
    <range_mapping origin_begin="0" data_begin="0" length="10" time="0"/>
  </device>
  <device dev_id="2" mapped_blocks="1" transaction="1" creation_time="1" snap_time="2">
    <single_mapping origin_block="20" data_block="12" time="1"/>
  </device>
</superblock>
`;

function withRestored(): Machine {
  const m = new Machine();
  m.host.vfs.mkdir('/root', true);
  m.host.vfs.writeFile('/root/pool.xml', xml);
  m.host.vfs.truncate('/root/pool.meta', 8 << 20);
  expect(run(m, 'thin_restore -i pool.xml -o pool.meta')).toEqual({ out: '', err: '', status: 0 });
  return m;
}

describe('thin_* commands', () => {
  it('thin_restore then thin_dump gives the XML back', () => {
    const m = withRestored();
    expect(run(m, 'thin_dump /root/pool.meta')).toEqual({ out: xml, err: '', status: 0 });
  });

  it('thin_ls prints the default columns of a restored file', () => {
    const m = withRestored();
    expect(run(m, 'thin_ls pool.meta').out).toBe('DEV MAPPED CREATE_TIME SNAP_TIME \n  1 640KiB           0         1 \n  2  64KiB           1         2 \n');
  });

  it('thin_check reports the free metadata blocks of an 8 MiB file', () => {
    const m = withRestored();
    expect(run(m, 'thin_check pool.meta').out).toBe('TRANSACTION_ID=3\nMETADATA_FREE_BLOCKS=2047\n');
  });

  it('thin_ls -m without a metadata snapshot fails as the real tool', () => {
    expect(run(withRestored(), 'thin_ls -m pool.meta')).toEqual({ out: '', err: 'no current metadata snap\n', status: 1 });
  });

  it('a missing file is "Couldn\'t stat path"', () => {
    expect(run(withRestored(), 'thin_dump nosuch')).toEqual({ out: '', err: "Couldn't stat path\n", status: 1 });
  });

  it('a failed restore leaves the output unreadable', () => {
    const m = withRestored();
    m.host.vfs.writeFile('/root/bad.xml', xml.replace('nr_data_blocks="1024"', 'nr_data_blocks="12"'));
    expect(run(m, 'thin_restore -i bad.xml -o pool.meta')).toEqual({ out: '', err: 'mapping beyond end of data device (12 >= 12)\n', status: 1 });
    expect(run(m, 'thin_ls pool.meta').err).toBe('bad checksum in superblock, wanted 1490015127\n');
  });

  it('an unknown option prints getopt\'s message and the usage on stderr', () => {
    const r = run(withRestored(), 'thin_ls --bogus pool.meta');
    expect(r.status).toBe(1);
    expect(r.err.startsWith("thin_ls: unrecognized option '--bogus'\nUsage: thin_ls [options] {metadata device}\n")).toBe(true);
  });

  it('thin_delta without --thin2 says so', () => {
    expect(run(withRestored(), 'thin_delta --thin1 1 pool.meta').err.split('\n')[0]).toBe('--snap2 not specified.');
  });
});
