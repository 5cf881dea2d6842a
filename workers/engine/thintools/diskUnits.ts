// thin-provisioning-tools 0.9.0's format_disk_unit: binary units, at most ~8 × 1024 of a unit, no space before it.

const extensions = ['', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Formats a byte count as thin_ls prints MAPPED/EXCLUSIVE/SHARED ("640KiB", "5632KiB", "51MiB", "0"). */
export function formatDiskUnit(bytes: number): string {
  let n = bytes;
  let i = 0;
  // Truncating steps while above 1 MiB of the current unit, then one rounded step if above 8 KiB of it.
  while (n > 1024 * 1024) {
    n = Math.floor(n / 1024);
    i++;
  }
  if (n > 8 * 1024) {
    n = Math.round(n / 1024);
    i++;
  }
  return `${n}${extensions[i]}`;
}
