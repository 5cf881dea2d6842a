// lvmdiskscan's listing, in lvm2 2.02's layout; Docker's direct-lvm setup reads it too.
import type { Lvm } from './lvm';

/** lvmdiskscan: devices lvm could use (not partitioned disks, partitions, loops), then the counts. */
export function diskscan(lvm: Lvm): string[] {
  const devs = lvm.hostPort
    .devices()
    .filter((d) => (d.type === 'disk' && !d.partitioned) || d.type === 'part' || (d.type === 'loop' && d.size > 0))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const width = Math.max(0, ...devs.map((d) => d.path.length));
  const lines: string[] = [];
  let disks = 0;
  let parts = 0;
  let pvDisks = 0;
  let pvParts = 0;
  for (const d of devs) {
    const isPv = lvm.pvs.has(d.path);
    const whole = d.type !== 'part';
    if (isPv && whole) pvDisks++;
    else if (isPv) pvParts++;
    else if (whole) disks++;
    else parts++;
    lines.push(
      `  ${d.path.padEnd(width)} [${lvm.size(d.size, 'long').padStart(15)}] ${isPv ? 'LVM physical volume' : ''}`,
    );
  }
  const plural = (n: number, s: string) => `  ${n} ${s}${n === 1 ? '' : 's'}`;
  lines.push(plural(disks, 'disk'), plural(parts, 'partition'));
  lines.push(plural(pvDisks, 'LVM physical volume whole disk'), plural(pvParts, 'LVM physical volume'));
  return lines;
}
