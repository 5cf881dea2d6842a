import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox';
import { GiB } from '../units';

function run(sb: Sandbox, script: string) {
  const r = sb.run(script);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.entries;
}
function out(script: string, sb = new Sandbox()) {
  return run(sb, script).map((e) => e.output);
}

describe('shell interpreter', () => {
  it('answers an unknown command with status 127', () => {
    expect(run(new Sandbox(), 'foo --bar')[0]).toMatchObject({ output: 'bash: foo: command not found\n', status: 127 });
  });
  it('ignores the sudo prefix', () => {
    expect(out('sudo echo hi')).toEqual(['hi\n']);
  });
  it('keeps variables across commands and expands $? after a failure', () => {
    expect(out('X=41\nfalse\necho $? $[ X + 1 ] ${X}')).toEqual(['', '', '1 42 41\n']);
  });
  it('runs && and || by status', () => {
    expect(out('false && echo no || echo yes; true && echo ok')).toEqual(['yes\nok\n']);
  });
  it('writes a heredoc to a file and reads it back', () => {
    const sb = new Sandbox();
    run(sb, 'cat > /etc/docker/daemon.json <<EOF\n{ "home": "$HOME" }\nEOF');
    expect(out('cat /etc/docker/daemon.json', sb)).toEqual(['{ "home": "/root" }\n']);
  });
  it('sends 2>&1 into the pipe and 2>/dev/null nowhere', () => {
    expect(out('ls /nope 2>&1 | grep -c access; ls /nope 2>/dev/null')).toEqual(['1\n']);
  });
  it('appends with >> and tee -a', () => {
    const sb = new Sandbox();
    run(sb, 'echo a > /tmp/f\necho b >> /tmp/f\necho c | tee -a /tmp/f > /dev/null');
    expect(out('cat /tmp/f', sb)).toEqual(['a\nb\nc\n']);
  });
  it('expands globs against the filesystem (mv /var/lib/docker/* …)', () => {
    const sb = new Sandbox();
    run(sb, 'systemctl stop docker\nrm -rf /var/lib/docker\nmkdir -p /var/lib/docker/a /var/lib/docker/b /var/lib/docker.bk\nmv /var/lib/docker/* /var/lib/docker.bk');
    expect(out('ls /var/lib/docker.bk; ls /var/lib/docker', sb)).toEqual(['a\nb\n']);
  });
  it('prints the arithmetic error and skips the command on division by zero', () => {
    expect(run(new Sandbox(), 'echo $[ 1 / 0 ]')[0]).toMatchObject({ output: 'bash: 1 / 0 : division by 0 (error token is "0 ")\n', status: 1 });
  });
  it('stops the script at exit', () => {
    const e = run(new Sandbox(), 'exit 3\necho never');
    expect(e.map((x) => [x.command, x.status])).toEqual([['exit 3', 3]]);
  });
  it('numbers steps across runs and advances the clock one second per command', () => {
    const sb = new Sandbox();
    const t0 = sb.machine.clock.now;
    run(sb, 'true\ntrue');
    expect(run(sb, 'true')[0].step).toBe(2);
    expect(sb.machine.clock.now - t0).toBe(3);
  });
  it('answers an unknown flag as ls does, with status 2', () => {
    expect(run(new Sandbox(), 'ls -z')[0]).toMatchObject({ output: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", status: 2 });
  });
});

describe('the seed document lines', () => {
  const setup = 'mkdir -p /var/lib/docker/devicemapper/devicemapper\ntruncate -s 100G /var/lib/docker/devicemapper/devicemapper/data\nlosetup -f --show /var/lib/docker/devicemapper/devicemapper/data';
  it('prints the loop size in GiB before and after losetup -c', () => {
    const sb = new Sandbox();
    run(sb, setup);
    const line = 'echo $[ $(sudo blockdev --getsize64 /dev/loop0) / 1024 / 1024 / 1024 ]';
    expect(out(`sudo truncate -s 200G /var/lib/docker/devicemapper/devicemapper/data\n${line}\nsudo losetup -c /dev/loop0\n${line}`, sb)).toEqual(['', '100\n', '', '200\n']);
  });
  it('extracts the first field with awk -F and the seed quoting {\'print $1\'}', () => {
    expect(out("printf 'docker-8:1-123141-pool: 0 209715200 thin-pool 1 142/524288\\nx: 0 8 linear\\n' | grep ' thin-pool ' | awk -F ': ' {'print $1'}")).toEqual(['docker-8:1-123141-pool\n']);
  });
  it('lists sparse loop files with ls -lh: apparent sizes, total from allocation', () => {
    const sb = new Sandbox();
    run(sb, `${setup}\ntruncate -s 2G /var/lib/docker/devicemapper/devicemapper/metadata\nfallocate -n -l 10M /var/lib/docker/devicemapper/devicemapper/data`);
    const [ls] = out('sudo ls -lh /var/lib/docker/devicemapper/devicemapper/', sb);
    expect(ls).toBe('total 10M\n-rw-r--r-- 1 root root 100G Mar 30 05:00 data\n-rw-r--r-- 1 root root 2.0G Mar 30 05:00 metadata\n');
  });
  it('shows the root filesystem through mount | grep', () => {
    expect(out('mount |grep xvda1')).toEqual(['/dev/xvda1 on / type xfs (rw,relatime,seclabel,attr2,inode64,noquota)\n']);
  });
});

describe('host commands', () => {
  it('draws lsblk as a tree with a 5-wide SIZE column', () => {
    expect(out('lsblk')[0]).toBe(
      'NAME    MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT\n' +
        'xvda    202:0    0    8G  0 disk \n' +
        '└─xvda1 202:1    0    8G  0 part /\n' +
        'xvdf    202:80   0  100G  0 disk \n',
    );
  });
  it('draws a device with two parents under each of them', () => {
    const sb = new Sandbox();
    const reg = sb.machine.host.blockDevices;
    const xvdf = reg.get('xvdf')!;
    const mk = (name: string, minor: number, slaves: typeof xvdf[]) => ({ ...xvdf, name, major: 253, minor, size: 95 * GiB, type: 'lvm' as const, slaves, storageId: name });
    const tmeta = mk('docker-thinpool_tmeta', 0, [xvdf]);
    const tdata = mk('docker-thinpool_tdata', 1, [xvdf]);
    reg.add(tmeta);
    reg.add(tdata);
    reg.add(mk('docker-thinpool', 2, [tmeta, tdata]));
    const lines = out('lsblk /dev/xvdf', sb)[0].split('\n');
    expect(lines.slice(1, 6).map((l) => l.split(' ')[0])).toEqual(['xvdf', '├─docker-thinpool_tmeta', '│', '└─docker-thinpool_tdata', '']);
    expect(lines[3].startsWith('│ └─docker-thinpool ')).toBe(true);
    expect(lines[5].startsWith('  └─docker-thinpool ')).toBe(true);
  });
  it('makes dd fail with ENOSPC when the host filesystem is full', () => {
    const sb = new Sandbox();
    const e = run(sb, 'sim hostfree 1M\ndd if=/dev/zero of=/root/f bs=1M count=4');
    expect(e[1].status).toBe(1);
    expect(e[1].output.startsWith("dd: error writing ‘/root/f’: No space left on device\n4+0 records in\n1+0 records out\n")).toBe(true);
  });
  it('reports du allocation apart from --apparent-size for a sparse file', () => {
    expect(out('truncate -s 1G /root/s\nfallocate -n -l 1M /root/s\ndu -h /root/s\ndu -h --apparent-size /root/s').slice(2)).toEqual(['1.0M\t/root/s\n', '1.0G\t/root/s\n']);
  });
  it('refuses losetup -c on an unbound loop', () => {
    expect(run(new Sandbox(), 'losetup -c /dev/loop7')[0]).toMatchObject({ output: 'losetup: /dev/loop7: set capacity failed: No such device or address\n', status: 1 });
  });
  it('names the argument-less truncate error', () => {
    expect(run(new Sandbox(), 'truncate /root/x')[0]).toMatchObject({ status: 1, output: "truncate: you must specify either ‘--size’ or ‘--reference’\nTry 'truncate --help' for more information.\n" });
  });
});

describe('Sandbox front door', () => {
  it('runFile prefixes parse errors with FILE:LINE:COL', () => {
    const r = new Sandbox().runFile("echo 'x", 'a.sh');
    expect(r.ok ? '' : r.text).toBe('a.sh:1:6: syntax error: unterminated quoted string');
  });
  it('runs nothing of a script that does not parse', () => {
    const sb = new Sandbox();
    sb.run('mkdir /root/made\necho "open');
    expect(sb.machine.host.vfs.exists('/root/made')).toBe(false);
  });
});
