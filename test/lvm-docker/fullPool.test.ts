// A direct-lvm pool that runs out of data space: health D, 0 B available, queued writes failing after 60 s,
// Docker's minimum free space, and dmeventd's autoextend rescuing a monitored pool.
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../workers/engine/sandbox';
import { infoField, manualDirectLvm, must, seedHost, sh } from './helpers';

/** A 5%VG pool (1279 extents, about 5.4 GB) with a running busybox container `filler`. */
function smallPool(): Sandbox {
  const s = seedHost();
  manualDirectLvm(s, 5, 1);
  must(s, 'docker run -d --privileged --name filler busybox sleep 1d');
  return s;
}

const lvsLine = (s: Sandbox) => sh(s, 'sudo lvs --noheadings -o lv_attr,data_percent docker/thinpool').output.trim().split(/\s+/);

describe('writing past the end of an unmonitored pool', () => {
  const s = smallPool();
  const before = s.machine.clock.now;
  const dd = sh(s, 'docker exec filler dd if=/dev/zero of=/fill bs=1M count=6000');
  const waited = s.machine.clock.now - before;

  it('blocks the writer for the no-space timeout, then fails it with an I/O error', () => {
    expect(waited).toBeGreaterThanOrEqual(60);
    expect(dd.status).toBe(1);
    expect(dd.output.split('\n')[0]).toBe("dd: error writing '/fill': Input/output error");
  });

  it('counts the records written before the pool ran out (one more read than written)', () => {
    const [, inLine, outLine] = dd.output.split('\n');
    const out = Number(/^(\d+)\+0 records out$/.exec(outLine)![1]);
    expect(inLine).toBe(`${out + 1}+0 records in`);
    const pool = 1279 * 4 * 1024 ** 2;
    expect(out * 1024 ** 2).toBeLessThan(pool);
    expect(out * 1024 ** 2).toBeGreaterThan(pool - 64 * 1024 ** 2);
  });

  it('lvs shows health D and Data% 100.00', () => {
    expect(lvsLine(s)).toEqual(['twi-aot-D-', '100.00']);
  });

  it('docker info shows 0 B available', () => {
    expect(infoField(s, 'Data Space Available')).toBe('0 B');
    expect(infoField(s, 'Data Space Used')).toBe(infoField(s, 'Data Space Total'));
  });

  it('dmsetup status shows the pool out of data space', () => {
    expect(sh(s, 'sudo dmsetup status docker-thinpool').output).toContain(' out_of_data_space ');
  });

  it('the kernel log shows the switch to queueing and, a minute later, to erroring', () => {
    const log = sh(s, 'dmesg').output;
    const queue = /\[\s*([\d.]+)\] device-mapper: thin: 253:2: switching pool to out-of-data-space \(queue IO\) mode/.exec(log);
    const error = /\[\s*([\d.]+)\] device-mapper: thin: 253:2: switching pool to out-of-data-space \(error IO\) mode/.exec(log);
    expect(queue && error).toBeTruthy();
    expect(Number(error![1]) - Number(queue![1])).toBeCloseTo(60, 0);
  });

  it('Docker refuses a new container with its minimum free space message', () => {
    const r = sh(s, 'docker run -d --name second busybox sleep 1d');
    expect(r.status).toBe(125);
    const total = (1279 * 4 * 1024 ** 2) / (512 * 1024);
    expect(r.output).toBe(
      `docker: Error response from daemon: devmapper: Thin Pool has 0 free data blocks which is less than minimum required ${Math.floor(total / 10)} free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior.\nSee 'docker run --help'.\n`,
    );
  });

  it('growing the pool by hand puts it back in write mode', () => {
    must(s, 'sudo lvextend -L+2G docker/thinpool');
    expect(sh(s, 'sudo dmsetup status docker-thinpool').output).toContain(' rw ');
    expect(lvsLine(s)[0]).toBe('twi-aot---');
    expect(sh(s, 'docker exec filler dd if=/dev/zero of=/after bs=1M count=10').status).toBe(0);
  });
});

describe('a monitored pool that fills', () => {
  it('is extended by dmeventd while the writer waits, and the write completes', () => {
    const s = smallPool();
    must(s, 'sudo lvchange --monitor y docker/thinpool');
    const dd = sh(s, 'docker exec filler dd if=/dev/zero of=/fill bs=1M count=6000');
    expect(dd.status).toBe(0);
    expect(dd.output.split('\n')[1]).toBe('6000+0 records out');
    expect(sh(s, 'sudo lvs --noheadings -o lv_size docker/thinpool').output.trim()).not.toBe('5.00g');
    const journal = sh(s, 'journalctl -fu dm-event.service').output;
    expect(journal).toContain('WARNING: Thin pool docker-thinpool data is now 100.00% full.');
    expect(journal).toContain('Size of logical volume docker/thinpool_tdata changed from 5.00 GiB (1279 extents) to 6.25 GiB (1599 extents).');
  });

  it('fails to extend when the volume group is short, and the writer gets the I/O error', () => {
    const s = seedHost();
    manualDirectLvm(s, 98, 1);
    must(s, 'sudo lvchange --monitor y docker/thinpool');
    for (let i = 1; i <= 10; i++) must(s, `docker run -d --name c${i} busybox sleep 1d`);
    let last = { output: '', status: 0 };
    for (let i = 1; i <= 10 && last.status === 0; i++) last = sh(s, `docker exec c${i} dd if=/dev/zero of=/data bs=1M count=10100`);
    expect(last.output.split('\n')[0]).toBe("dd: error writing '/data': Input/output error");
    const journal = sh(s, 'journalctl -u dm-event.service').output;
    expect(journal).toMatch(/Insufficient free space: \d+ extents needed, but only \d+ available/);
    expect(journal).toContain('Failed to extend thin pool docker-thinpool.');
    expect(lvsLine(s)).toEqual(['twi-aot-D-', '100.00']);
  });
});

describe('dm.min_free_space', () => {
  it('refuses docker run once free space is below the chosen percentage', () => {
    const s = seedHost();
    manualDirectLvm(s, 5, 1);
    must(
      s,
      'sudo systemctl stop docker',
      `sed -i 's/"dm.use_deferred_deletion=true"/"dm.use_deferred_deletion=true", "dm.min_free_space=50%"/' /etc/docker/daemon.json`,
      'sudo systemctl start docker',
      'docker run -d --name filler busybox sleep 1d',
      'docker exec filler dd if=/dev/zero of=/half bs=1M count=3000',
    );
    expect(infoField(s, 'Thin Pool Minimum Free Space')).toBe('2.682 GB');
    const r = sh(s, 'docker run -d --name second busybox sleep 1d');
    expect(r.status).toBe(125);
    expect(r.output).toMatch(/^docker: Error response from daemon: devmapper: Thin Pool has \d+ free data blocks which is less than minimum required 5116 free data blocks\. /);
  });

  it('rejects a value without % at start', () => {
    const s = seedHost();
    manualDirectLvm(s, 5, 1);
    must(s, 'sudo systemctl stop docker', `sed -i 's/"dm.use_deferred_deletion=true"/"dm.use_deferred_deletion=true", "dm.min_free_space=10"/' /etc/docker/daemon.json`);
    expect(sh(s, 'sudo systemctl start docker').status).toBe(1);
    expect(sh(s, "journalctl -u docker | grep 'Error starting' | tail -1").output).toContain(
      'Error starting daemon: error initializing graphdriver: devmapper: Option dm.min_free_space requires % suffix',
    );
  });
});
