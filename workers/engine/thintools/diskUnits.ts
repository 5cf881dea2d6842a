// thin-provisioning-tools' format_disk_unit: binary units, truncating division, no unit below 1 KiB.

const extensions = ['', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Formats a byte count as thin_ls prints MAPPED/EXCLUSIVE/SHARED ("640KiB", "0", "1GiB"). */
export function formatDiskUnit(bytes: number): string {
  let n = bytes;
  let i = 0;
  while (n >= 1024) {
    n = Math.floor(n / 1024);
    i++;
  }
  return `${n}${extensions[i]}`;
}
