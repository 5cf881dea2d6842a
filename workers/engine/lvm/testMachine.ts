// Test helpers: a machine with spare disks, a script runner, and the seed's direct-lvm procedure.
import { Sandbox } from '../sandbox';
import { defaultProfile, type DiskSpec } from '../profile';
import { GiB } from '../units';

/** A sandbox on the seed's host plus extra spare disks (xvdg… at 202:96…). */
export function sandboxWith(extra: { name: string; size: number }[] = [{ name: 'xvdg', size: 100 * GiB }], lvmVersion?: string): Sandbox {
  const disks: DiskSpec[] = [...defaultProfile().disks];
  extra.forEach((d, i) => disks.push({ name: d.name, size: d.size, major: 202, minor: 96 + 16 * i }));
  return new Sandbox(lvmVersion ? { disks, lvmVersion } : { disks });
}

/** Runs one command line; returns what it printed and its status. */
export function sh(s: Sandbox, line: string): { output: string; status: number } {
  const r = s.run(line);
  if (!r.ok) throw new Error(`parse error: ${r.error.message}`);
  const e = r.entries[r.entries.length - 1];
  return { output: e.output, status: e.status };
}

/** The seed's steps 4–10: PV, VG, two LVs, conversion, profile, lvchange --metadataprofile. */
export const seedSetup = [
  'pvcreate /dev/xvdf',
  'vgcreate docker /dev/xvdf',
  'lvcreate --wipesignatures y -n thinpool docker -l 95%VG',
  'lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG',
  'lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta',
  'mkdir -p /etc/lvm/profile',
  "printf 'activation {\\n  thin_pool_autoextend_threshold=80\\n  thin_pool_autoextend_percent=20\\n}\\n' > /etc/lvm/profile/docker-thinpool.profile",
  'lvchange --metadataprofile docker-thinpool docker/thinpool',
];

/** Runs the seed's setup and fails loudly if a step does. */
export function runSeedSetup(s: Sandbox): void {
  for (const l of seedSetup) {
    const r = sh(s, l);
    if (r.status !== 0) throw new Error(`${l}: ${r.output}`);
  }
}
