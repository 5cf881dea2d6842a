// Test helpers: a sandbox on the seed's host, a command runner, and the seed's manual direct-lvm procedure.
import { Sandbox } from '../../workers/engine/sandbox';
import { defaultProfile, type DiskSpec } from '../../workers/engine/profile';
import { GiB } from '../../workers/engine/units';

/** What one command printed and its exit status. */
export interface Ran {
  output: string;
  status: number;
}

/** A sandbox on the seed's host; `xvdf` resizes the spare disk. */
export function seedHost(opts: { xvdf?: number } = {}): Sandbox {
  const disks: DiskSpec[] = defaultProfile().disks.map((d) => (d.name === 'xvdf' && opts.xvdf ? { ...d, size: opts.xvdf } : d));
  return new Sandbox({ disks });
}

/** Runs a script; returns the last command's output and status. */
export function sh(s: Sandbox, script: string): Ran {
  const r = s.run(script);
  if (!r.ok) throw new Error(`parse error: ${r.error.message}`);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

/** Runs commands one by one and fails loudly when one of them fails. */
export function must(s: Sandbox, ...lines: string[]): void {
  for (const l of lines) {
    const r = sh(s, l);
    if (r.status !== 0) throw new Error(`${l} -> ${r.status}: ${r.output}`);
  }
}

/** The value docker info prints for `field` (" Field: value"). */
export function infoField(s: Sandbox, field: string): string | undefined {
  const out = sh(s, 'docker info').output;
  const line = out.split('\n').find((l) => l.startsWith(` ${field}:`));
  return line === undefined ? undefined : line.slice(field.length + 3);
}

/** daemon.json pointing Docker at an existing pool (seed step 13). */
export const thinpoolDaemonJson = `cat > /etc/docker/daemon.json <<'JSON'
{
    "storage-driver": "devicemapper",
    "storage-opts": [
    "dm.thinpooldev=/dev/mapper/docker-thinpool",
    "dm.use_deferred_removal=true",
    "dm.use_deferred_deletion=true"
    ]
}
JSON`;

/** The seed's steps 2–14 with `dataPercent`/`metaPercent` of the VG; Docker runs on the pool afterwards. */
export function manualDirectLvm(s: Sandbox, dataPercent = 95, metaPercent = 1): void {
  must(
    s,
    'sudo systemctl stop docker',
    'sudo pvcreate /dev/xvdf',
    'sudo vgcreate docker /dev/xvdf',
    `sudo lvcreate --wipesignatures y -n thinpool docker -l ${dataPercent}%VG`,
    `sudo lvcreate --wipesignatures y -n thinpoolmeta docker -l ${metaPercent}%VG`,
    'sudo lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta',
    'sudo mkdir -p /etc/lvm/profile',
    "printf 'activation {\\n  thin_pool_autoextend_threshold=80\\n  thin_pool_autoextend_percent=20\\n}\\n' > /etc/lvm/profile/docker-thinpool.profile",
    'sudo lvchange --metadataprofile docker-thinpool docker/thinpool',
    'mkdir /var/lib/docker.bk',
    'mv /var/lib/docker/* /var/lib/docker.bk',
    thinpoolDaemonJson,
    'sudo systemctl start docker',
  );
}

export { GiB };
