// sim import-pool: argument errors, refusal to overwrite, and undoing its steps when the pool cannot be created.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';

const dump = (blockSize: number, blocks: number) =>
  `<superblock uuid="" time="1" transaction="2" flags="0" version="2" data_block_size="${blockSize}" nr_data_blocks="${blocks}">\n` +
  '  <device dev_id="1" mapped_blocks="2" transaction="0" creation_time="0" snap_time="0">\n' +
  '    <range_mapping origin_begin="0" data_begin="0" length="2" time="0"/>\n' +
  '  </device>\n</superblock>\n';

function sandboxWith(xml: string): Sandbox {
  const s = new Sandbox();
  s.putFile('/root/pool.xml', xml);
  return s;
}

function run(s: Sandbox, command: string): { output: string; status: number } {
  const r = s.run(command);
  if (!r.ok) throw new Error(r.error.message);
  return { output: r.entries[0].output, status: r.entries[0].status };
}

describe('sim import-pool', () => {
  it('names the pool after the file and puts its metadata and data files next to it', () => {
    const s = sandboxWith(dump(128, 1024));
    expect(run(s, 'sim import-pool /root/pool.xml').status).toBe(0);
    expect(run(s, 'dmsetup table pool').output).toBe('0 131072 thin-pool 7:0 7:1 128 0 0 \n');
    expect(run(s, "losetup -l | awk '{print $1, $6}'").output.split('\n')).toEqual([
      'NAME BACK-FILE',
      '/dev/loop0 /root/pool.meta',
      '/dev/loop1 /root/pool.data',
      '',
    ]);
  });

  it('takes the pool name from its second argument', () => {
    const s = sandboxWith(dump(128, 1024));
    expect(run(s, 'sim import-pool /root/pool.xml real').status).toBe(0);
    expect(run(s, 'dmsetup ls').output).toBe('real\t(253:0)\n');
  });

  it('resolves a relative file name against the working directory', () => {
    const s = sandboxWith(dump(128, 1024));
    expect(run(s, 'cd /root && sim import-pool pool.xml').status).toBe(0);
    expect(s.machine.dm.poolOf('pool')?.nrDataBlocks).toBe(1024);
  });

  it('prints its usage and exits 2 without a file', () => {
    expect(run(new Sandbox(), 'sim import-pool')).toEqual({ output: 'usage: sim import-pool FILE.xml [NAME]\n', status: 2 });
  });

  it('says a missing file is missing', () => {
    expect(run(new Sandbox(), 'sim import-pool /root/x.xml')).toEqual({ output: 'sim import-pool: /root/x.xml: No such file or directory\n', status: 1 });
  });

  it('refuses a dm name the kernel would not take', () => {
    expect(run(sandboxWith(dump(128, 1024)), 'sim import-pool /root/pool.xml a/b')).toEqual({ output: "sim import-pool: invalid pool name 'a/b'\n", status: 1 });
  });

  it('refuses a name already in use, leaving the existing pool alone', () => {
    const s = sandboxWith(dump(128, 1024));
    run(s, 'sim import-pool /root/pool.xml');
    expect(run(s, 'sim import-pool /root/pool.xml')).toEqual({ output: 'sim import-pool: device pool already exists\n', status: 1 });
    expect(run(s, 'dmsetup ls').output).toBe('pool\t(253:0)\n');
  });

  it('refuses to overwrite a file where it would put the metadata', () => {
    const s = sandboxWith(dump(128, 1024));
    run(s, 'echo keep > /root/pool.meta');
    expect(run(s, 'sim import-pool /root/pool.xml')).toEqual({ output: 'sim import-pool: /root/pool.meta already exists\n', status: 1 });
    expect(run(s, 'cat /root/pool.meta').output).toBe('keep\n');
  });

  it('undoes its steps when the kernel refuses the pool table (a block size dm-thin does not take)', () => {
    const s = sandboxWith(dump(100, 64));
    const r = run(s, 'sim import-pool /root/pool.xml');
    expect(r.status).toBe(1);
    expect(r.output.split('\n').slice(-6)).toEqual([
      'Command failed',
      '+ losetup -d /dev/loop1',
      '+ losetup -d /dev/loop0',
      '+ rm -f /root/pool.data',
      '+ rm -f /root/pool.meta',
      '',
    ]);
    expect(run(s, 'ls /root').output).toBe('pool.xml\n');
    expect(run(s, 'losetup -a').output).toBe('');
  });

  it('refuses a pool larger than the sandbox models, changing nothing', () => {
    const s = sandboxWith(dump(128, 100_000_000));
    expect(run(s, 'sim import-pool /root/pool.xml')).toEqual({
      output: 'sim import-pool: pool of 100000000 data blocks is larger than the sandbox models (limit 16777216)\n',
      status: 1,
    });
    expect(run(s, 'ls /root').output).toBe('pool.xml\n');
  });

  it('refuses a data device whose size in bytes the sandbox cannot count exactly', () => {
    const s = sandboxWith(dump(2097152, 16_000_000));
    expect(run(s, 'sim import-pool /root/pool.xml')).toEqual({
      output: 'sim import-pool: data device of 16000000 × 2097152 sectors is larger than the sandbox models\n',
      status: 1,
    });
  });

  it('sizes the metadata file by lvm2 rule: 64 bytes per data block, at least 2 MiB', () => {
    const s = sandboxWith(dump(128, 1638400));
    const r = run(s, 'sim import-pool /root/pool.xml');
    expect(r.output.split('\n')[0]).toBe('+ truncate -s 100M /root/pool.meta');
  });
});
