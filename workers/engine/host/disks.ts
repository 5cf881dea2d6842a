// Disks and partitions as the kernel names them: Xen xvdX (major 202) and SCSI sdX (major 8), 16 minors per disk.
import type { BlockDevice } from './blockDevice';

/** A device with no I/O behaviour of its own (disks and partitions: writes always land). */
export function plainDevice(
  name: string,
  major: number,
  minor: number,
  size: number,
  type: 'disk' | 'part',
  slaves: BlockDevice[] = [],
): BlockDevice {
  return {
    name,
    major,
    minor,
    size,
    type,
    ro: false,
    slaves,
    storageId: `disk:${name}`,
    write(offset: number, length: number) {
      return offset + length > size ? 'ENOSPC' : null;
    },
    discard() {},
  };
}

/** MAJ:MIN the kernel gives a whole disk of that name (null when the name follows no known scheme). */
export function diskDevno(name: string): { major: number; minor: number } | null {
  const m = /^(xvd|sd|vd)([a-z])$/.exec(name);
  if (!m) return null;
  const idx = m[2].charCodeAt(0) - 97;
  const major = m[1] === 'xvd' ? 202 : m[1] === 'sd' ? 8 : 252;
  return { major, minor: idx * 16 };
}
