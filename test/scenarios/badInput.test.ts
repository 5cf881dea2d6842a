// Bad input gets the real tool's message and exit status, and leaves the machine as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../workers/cli';
import { Sandbox } from '../../workers/engine/sandbox';
import { LOOP_DIR, scenarioText } from './replay';

const DAEMON_JSON = '/etc/docker/daemon.json';
const JOB_FAILED =
  'Job for docker.service failed because the control process exited with error code. See "systemctl status docker.service" and "journalctl -xe" for details.\n';

/** Runs one command; its output and status. */
function run(sb: Sandbox, cmd: string): { output: string; status: number } {
  const r = sb.run(cmd);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

/** What an operator would look at to see whether anything changed. */
function state(sb: Sandbox): string {
  return [
    'dmsetup ls',
    'dmsetup status',
    'losetup -a',
    `ls -ls ${LOOP_DIR}`,
    'docker ps -a -q',
    'docker images',
    "docker info 2>&1 | grep -v '^ *\\(Name\\|ID\\):'",
    'df -k /',
  ]
    .map((c) => `$ ${c}\n${run(sb, c).output}`)
    .join('');
}

/** Docker stopped, daemon.json holding `json`. */
function stoppedWith(json: string): Sandbox {
  const sb = new Sandbox();
  run(sb, 'systemctl stop docker');
  expect(sb.putFile(DAEMON_JSON, json)).toBeNull();
  return sb;
}

/** A loop-lvm devicemapper daemon with a running ubuntu container. */
function runningPool(): Sandbox {
  const sb = new Sandbox();
  const r = sb.run(`${scenarioText('small-write-cost')}`);
  if (!r.ok) throw new Error(r.error.message);
  return sb;
}

describe('broken daemon.json: systemd reports the failed job, dockerd logs the Go error, nothing is created', () => {
  const cases: [string, string, string][] = [
    ['trailing comma in object', '{ "storage-driver": "devicemapper", }', `invalid character '}' looking for beginning of object key string`],
    ['trailing comma in array', '{ "storage-driver": "devicemapper", "storage-opts": ["dm.basesize=20G",] }', `invalid character ']' looking for beginning of value`],
    ['missing comma', '{ "storage-driver": "devicemapper" "storage-opts": [] }', `invalid character '"' after object key:value pair`],
    ['single quotes', "{ 'storage-driver': 'devicemapper' }", `invalid character '\\'' looking for beginning of object key string`],
    ['unquoted word', '{ "storage-driver": devicemapper }', `invalid character 'd' looking for beginning of value`],
    ['truncated file', '{ "storage-driver": "devicemapper"', 'unexpected EOF'],
    ['empty file', '', 'EOF'],
    ['wrong type', '{ "storage-driver": "devicemapper", "storage-opts": "dm.basesize=20G" }', 'json: cannot unmarshal string into Go value of type []string'],
    ['unknown key', '{ "storage-driver": "devicemapper", "foo": 1 }', "the following directives don't match any configuration option: foo"],
  ];
  for (const [what, json, error] of cases) {
    it(`${what}: ${error}`, () => {
      const sb = stoppedWith(json);
      const before = state(sb);
      expect(run(sb, 'systemctl start docker')).toEqual({ output: JOB_FAILED, status: 1 });
      const journal = run(sb, 'journalctl -u docker').output;
      expect(journal).toMatch(/dockerd\[\d+\]: unable to configure the Docker daemon with file \/etc\/docker\/daemon\.json: (.*)\n/);
      const logged = /unable to configure the Docker daemon with file \/etc\/docker\/daemon\.json: (.*)\n/.exec(journal)![1];
      if (what === 'wrong type') expect(logged).toMatch(/^json: cannot unmarshal string into Go (value of type \[\]string|struct field .*storage-opts of type \[\]string)$/);
      else expect(logged).toBe(error);
      expect(journal).toMatch(/systemd\[1\]: docker\.service: main process exited, code=exited, status=1\/FAILURE\n/);
      expect(state(sb)).toBe(before);
    });
  }

  it('the singular "storage-opt" key matches a flag name: no error, and the options are ignored', () => {
    const sb = stoppedWith('{ "storage-driver": "devicemapper", "storage-opt": ["dm.basesize=20G"] }');
    expect(run(sb, 'systemctl start docker')).toEqual({ output: '', status: 0 });
    expect(run(sb, "docker info 2>/dev/null | grep 'Base Device Size'").output).toBe(' Base Device Size: 10.74 GB\n');
  });
});

describe('unknown or invalid dm.* options: the graphdriver refuses and no pool, loop or file appears', () => {
  const cases: [string, string][] = [
    ['dm.foo=1', 'devmapper: Unknown option dm.foo'],
    ['DM.Foo=1', 'devmapper: Unknown option dm.foo'],
    ['dm.foo', 'Unable to parse key/value option: dm.foo'],
    ['dm.basesize=abc', "invalid size: 'abc'"],
    ['dm.loopdatasize=10GiB', "invalid size: '10GiB'"],
    ['dm.fs=btrfs', 'devmapper: Unsupported filesystem btrfs'],
    ['dm.min_free_space=10', 'devmapper: Option dm.min_free_space requires % suffix'],
    ['dm.min_free_space=100%', 'devmapper: Invalid value 100% for option dm.min_free_space'],
    ['dm.blkdiscard=maybe', 'strconv.ParseBool: parsing "maybe": invalid syntax'],
  ];
  for (const [opt, error] of cases) {
    it(`${opt}: ${error}`, () => {
      const sb = stoppedWith(JSON.stringify({ 'storage-driver': 'devicemapper', 'storage-opts': [opt] }));
      const before = state(sb);
      expect(run(sb, 'systemctl start docker')).toEqual({ output: JOB_FAILED, status: 1 });
      const journal = run(sb, 'journalctl -u docker').output;
      expect(journal).toContain(`: Error starting daemon: error initializing graphdriver: ${error}\n`);
      expect(state(sb)).toBe(before);
      expect(run(sb, `ls ${LOOP_DIR}`).status).not.toBe(0);
    });
  }

  it('a thin pool that does not exist: Non existing device, and no pool or loop is made', () => {
    const sb = stoppedWith(JSON.stringify({ 'storage-driver': 'devicemapper', 'storage-opts': ['dm.thinpooldev=/dev/mapper/nothere'] }));
    expect(run(sb, 'systemctl start docker')).toEqual({ output: JOB_FAILED, status: 1 });
    expect(run(sb, 'journalctl -u docker').output).toContain(': Error starting daemon: error initializing graphdriver: devicemapper: Non existing device nothere\n');
    expect([run(sb, 'dmsetup ls').output, run(sb, 'losetup -a').output]).toEqual(['No devices found\n', '']);
  });

  it('a block size the kernel rejects (96K) fails pool creation and leaves no loop device attached', () => {
    const sb = stoppedWith(JSON.stringify({ 'storage-driver': 'devicemapper', 'storage-opts': ['dm.blocksize=96K'] }));
    expect(run(sb, 'systemctl start docker').status).toBe(1);
    expect(run(sb, 'journalctl -u docker').output).toContain(
      ': Error starting daemon: error initializing graphdriver: devicemapper: Error running deviceCreate (CreatePool) dm_task_run failed\n',
    );
    expect(run(sb, 'dmsetup ls').output).toBe('No devices found\n');
    // LO_FLAGS_AUTOCLEAR: the loops go when dockerd exits and closes them.
    expect(run(sb, 'losetup -a').output).toBe('');
  });

  it('dm.* options given to overlay2 make it refuse them', () => {
    const sb = stoppedWith(JSON.stringify({ 'storage-driver': 'overlay2', 'storage-opts': ['dm.thinpooldev=/dev/mapper/docker-thinpool'] }));
    expect(run(sb, 'systemctl start docker').status).toBe(1);
    expect(run(sb, 'journalctl -u docker').output).toContain(': Error starting daemon: error initializing graphdriver: overlay2: unknown option dm.thinpooldev\n');
  });
});

describe('bad commands on a running pool: the tool complains and nothing changes', () => {
  const cases: [string, string, number][] = [
    ['foo', 'bash: foo: command not found\n', 127],
    [`truncate -s 20X ${LOOP_DIR}/data`, 'truncate: invalid number: ‘20X’\n', 1],
    ['dd if=/dev/zero of=/tmp/x bs=1Q count=1', 'dd: invalid number ‘1Q’\n', 1],
    ['lvcreate -L 10Q -n x docker', '  Invalid argument for --size: 10Q\n  Error during parsing of command line.\n', 3],
    ['docker run --bogus ubuntu', "unknown flag: --bogus\nSee 'docker run --help'.\n", 125],
    ['docker ps -z', "unknown shorthand flag: 'z' in -z\nSee 'docker ps --help'.\n", 125],
    ['docker info --bogus', "unknown flag: --bogus\nSee 'docker info --help'.\n", 125],
    ['docker bogus', "docker: 'bogus' is not a docker command.\nSee 'docker --help'\n", 1],
    ['docker run -d --name c busybox sleep 9', "docker: Error response from daemon: Invalid container name (c), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.\n", 125],
  ];
  const sb = runningPool();
  for (const [cmd, message, status] of cases) {
    it(`${cmd} → exit ${status}`, () => {
      const before = state(sb);
      expect(run(sb, cmd)).toEqual({ output: message, status });
      expect(state(sb)).toBe(before);
    });
  }

  it('losetup with an unknown option names it and fails', () => {
    const before = state(sb);
    const r = run(sb, 'losetup --bogus');
    expect(r.status).toBe(1);
    expect(r.output.split('\n')[0]).toBe("losetup: unrecognized option '--bogus'");
    expect(state(sb)).toBe(before);
  });

  it('dmsetup with an unknown option names it and fails', () => {
    const before = state(sb);
    const r = run(sb, 'dmsetup --bogus');
    expect(r.status).toBe(1);
    expect(r.output.split('\n')[0]).toBe("dmsetup: unrecognized option '--bogus'");
    expect(state(sb)).toBe(before);
  });

  it('a dd inside the container with a bad size leaves the pool as it was', () => {
    const before = state(sb);
    const r = run(sb, 'docker exec web dd if=/dev/zero of=/f bs=1Q count=1');
    expect(r.status).toBe(1);
    // ubuntu's coreutils (8.25, C locale in the container) words it with a colon and ASCII quotes.
    expect(r.output).toBe("dd: invalid number: '1Q'\n");
    expect(state(sb)).toBe(before);
  });
});

describe('dmsim CLI on a script that cannot be parsed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmsim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => {
    let out = '';
    let err = '';
    const status = main(args, (s) => (out += s), (s) => (err += s));
    return { out, err, status };
  };

  it('prints FILE:LINE:COL: message on stderr, nothing on stdout, exit 2', () => {
    const file = join(dir, 'bad.sh');
    writeFileSync(file, 'sudo systemctl stop docker\necho ok\necho "abc\n');
    const r = cli(['run', file]);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:6: \\S.*\\n$`));
  });

  it('runs nothing when a later file cannot be parsed', () => {
    const good = join(dir, 'good.sh');
    const bad = join(dir, 'bad2.sh');
    writeFileSync(good, 'echo first\n');
    writeFileSync(bad, 'echo $(\n');
    const r = cli(['run', good, bad]);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^.*bad2\\.sh:\\d+:\\d+: \\S.*\\n$`));
  });

  it('replays a good script with exit 0 even when commands inside fail', () => {
    const file = join(dir, 'fails.sh');
    writeFileSync(file, 'foo\necho $?\n');
    expect(cli(['run', file])).toEqual({ out: '$ foo\nbash: foo: command not found\n$ echo $?\n127\n', err: '', status: 0 });
  });
});
