import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../sandbox';

const REFUSE = 'Cowardly refusing to save to a terminal. Use the -o flag or redirect.\n';

/** A sandbox whose docker (devicemapper) has busybox pulled. */
function withBusybox(): Sandbox {
  const sb = new Sandbox();
  const r = sb.run(`systemctl stop docker
echo '{"storage-driver": "devicemapper"}' > /etc/docker/daemon.json
systemctl start docker
docker pull busybox`);
  if (!r.ok || r.entries.some((e) => e.status !== 0)) throw new Error('setup failed');
  return sb;
}

/** Output and status of one command. */
function run(sb: Sandbox, cmd: string) {
  const r = sb.run(cmd);
  if (!r.ok) throw new Error(r.error.message);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

describe('docker save without -o', () => {
  it('refuses to write the tar to the terminal, status 1', () => {
    const sb = withBusybox();
    expect(run(sb, 'docker save busybox')).toEqual({ output: REFUSE, status: 1 });
  });
  it('still refuses when only stderr is redirected: stdout is the terminal', () => {
    const sb = withBusybox();
    expect(run(sb, 'docker save busybox 2>/tmp/err; cat /tmp/err')).toEqual({ output: REFUSE, status: 0 });
    expect(run(sb, 'docker save busybox 2>/dev/null; echo $?').output).toBe('1\n');
  });
  it('refuses before asking the daemon, as the client checks its stdout first', () => {
    const sb = new Sandbox();
    expect(run(sb, 'systemctl stop docker; docker save busybox')).toEqual({ output: REFUSE, status: 1 });
  });
  it('writes the same tar to a redirected file as -o does', () => {
    const sb = withBusybox();
    expect(run(sb, 'docker save -o /root/o.tar busybox').status).toBe(0);
    expect(run(sb, 'docker save busybox > /root/r.tar').status).toBe(0);
    const o = run(sb, 'stat -c %s /root/o.tar').output;
    expect(Number(o)).toBeGreaterThan(1024);
    expect(run(sb, 'stat -c %s /root/r.tar').output).toBe(o);
    expect(run(sb, 'du -k /root/r.tar | cut -f1').output).toBe(run(sb, 'du -k /root/o.tar | cut -f1').output);
  });
  it('streams the tar into a pipe: wc -c counts the bytes -o writes', () => {
    const sb = withBusybox();
    run(sb, 'docker save -o /root/o.tar busybox');
    const size = run(sb, 'stat -c %s /root/o.tar').output.trim();
    expect(run(sb, 'docker save busybox | wc -c')).toEqual({ output: `${size}\n`, status: 0 });
    expect(run(sb, 'n=$(docker save busybox | wc -c); echo "$n"').output).toBe(`${size}\n`);
  });
  it("an unknown image through a pipe is the daemon's error, not the terminal refusal", () => {
    const sb = withBusybox();
    expect(run(sb, 'docker save nosuch | wc -c')).toEqual({
      output: 'Error response from daemon: reference does not exist\n0\n',
      status: 0,
    });
  });
});

describe('docker save into a file, as allocated extents', () => {
  it('keeps what was written before it in the same redirection, then the tar, with >> appending', () => {
    const sb = withBusybox();
    run(sb, 'docker save -o /root/o.tar busybox');
    const tar = Number(run(sb, 'stat -c %s /root/o.tar').output);
    expect(run(sb, '{ echo hi; docker save busybox; echo bye; } > /root/g.tar').status).toBe(0);
    expect(Number(run(sb, 'stat -c %s /root/g.tar').output)).toBe(3 + tar + 4);
    expect(run(sb, 'head -c 3 /root/g.tar').output).toBe('hi\n');
    run(sb, 'docker save busybox >> /root/g.tar');
    expect(Number(run(sb, 'stat -c %s /root/g.tar').output)).toBe(3 + 2 * tar + 4);
  });
  it('to /dev/null writes nothing anywhere and succeeds', () => {
    const sb = withBusybox();
    expect(run(sb, 'docker save busybox > /dev/null; echo $?').output).toBe('0\n');
  });
});
