import { describe, it, expect } from 'vitest';
import { dmsetup } from './dmsetup';
import { testHost, recordingDisk } from '../testHost';
import type { CommandContext } from '../../shell/types';
import type { Machine } from '../../machine';
import { GiB } from '../../units';

function setup(profile = {}) {
  const t = testHost(profile);
  t.host.blockDevices.add(recordingDisk('loop0', 7, 0, 100 * GiB));
  t.host.blockDevices.add(recordingDisk('loop1', 7, 1, 2 * GiB));
  const machine = { dm: t.dm, profile: t.host.profile } as unknown as Machine;
  const run = (...argv: string[]) => {
    let out = '';
    let err = '';
    const ctx: CommandContext = { argv: ['dmsetup', ...argv], stdin: '', out: (s) => (out += s), err: (s) => (err += s), env: {}, cwd: '/', machine };
    const status = dmsetup(ctx);
    return { out, err, status };
  };
  return { ...t, run };
}

const POOL = 'docker-202:1-8413957-pool';
const TABLE = '0 209715200 thin-pool 7:1 7:0 128 32768 1 skip_block_zeroing';

describe('dmsetup', () => {
  it('says No devices found when there are none', () => {
    const { run } = setup();
    expect(run('ls')).toEqual({ out: 'No devices found\n', err: '', status: 0 });
    expect(run('status').out).toBe('No devices found\n');
  });

  it('creates a pool silently and lists it as name TAB (MAJ:MIN)', () => {
    const { run } = setup();
    expect(run('create', POOL, '--table', TABLE)).toEqual({ out: '', err: '', status: 0 });
    expect(run('ls').out).toBe(`${POOL}\t(253:0)\n`);
  });

  it('prefixes status lines with the name only when listing every device', () => {
    const { run } = setup();
    run('create', POOL, '--table', TABLE);
    run('message', POOL, '0', 'create_thin 1');
    expect(run('status', POOL).out).toBe('0 209715200 thin-pool 0 142/524288 0/1638400 - rw discard_passdown queue_if_no_space - \n');
    expect(run('status').out).toBe(`${POOL}: 0 209715200 thin-pool 0 142/524288 0/1638400 - rw discard_passdown queue_if_no_space - \n`);
  });

  it('reports an unknown device with Device does not exist and Command failed', () => {
    const { run } = setup();
    run('create', POOL, '--table', TABLE);
    expect(run('table', 'nosuch')).toEqual({ out: '', err: 'Device does not exist.\nCommand failed\n', status: 1 });
  });

  it('ends failures with "Command failed." from libdm 1.02.147', () => {
    const { run } = setup({ libdmVersion: '1.02.149 (2018-07-31)' });
    expect(run('remove', 'nosuch')).toEqual({
      out: '',
      err: 'device-mapper: remove ioctl on nosuch  failed: No such device or address\nCommand failed.\n',
      status: 1,
    });
  });

  it('prints the long info block', () => {
    const { run } = setup();
    run('create', POOL, '--table', TABLE);
    expect(run('info', POOL).out).toBe(
      `Name:              ${POOL}\nState:             ACTIVE\nRead Ahead:        256\nTables present:    LIVE\nOpen count:        0\n` +
        'Event number:      0\nMajor, minor:      253, 0\nNumber of targets: 1\n\n',
    );
  });

  it('shows a suspended device with a loaded table in info -c', () => {
    const { run } = setup();
    run('create', POOL, '--table', TABLE);
    run('suspend', POOL);
    run('reload', POOL, '--table', TABLE);
    const lines = run('info', '-c', POOL).out.split('\n');
    expect(lines[0]).toMatch(/^Name {22}Maj Min Stat Open Targ Event {2}UUID/);
    expect(lines[1]).toMatch(new RegExp(`^${POOL} 253   0 LIsw    0    1      0 `));
  });

  it('prints library and driver versions', () => {
    const { run } = setup();
    expect(run('version').out).toBe('Library version:   1.02.135-RHEL7 (2016-11-16)\nDriver version:    4.34.0\n');
  });

  it('rejects a bad table line before any ioctl', () => {
    const { run, dm } = setup();
    expect(run('create', 'x', '--table', 'garbage')).toEqual({ out: '', err: 'Invalid format on line 1 of table \nCommand failed\n', status: 1 });
    expect(dm.get('x')).toBe(undefined);
  });

  it('rejects a wrong argument count with the usage', () => {
    const { run } = setup();
    const r = run('message', POOL);
    expect(r.status).toBe(1);
    expect(r.err.startsWith('Incorrect number of arguments\nUsage:\n')).toBe(true);
  });
});
