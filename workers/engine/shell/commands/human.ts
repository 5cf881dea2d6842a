// coreutils' -h sizes (ls, du, df): powers of 1024, rounded up, one decimal below 10.

const units = ['K', 'M', 'G', 'T', 'P', 'E'];

/** human_readable with human_ceiling | human_autoscale | human_base_1024, as ls -h, du -h and df -h print. */
export function coreutilsHuman(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let v = bytes;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (v < 10) {
    const d = Math.ceil(v * 10 - 1e-9) / 10;
    if (d >= 10) return `10${units[i]}`;
    return `${d.toFixed(1)}${units[i]}`;
  }
  const n = Math.ceil(v - 1e-9);
  if (n >= 1024 && i < units.length - 1) return `1.0${units[i + 1]}`;
  return `${n}${units[i]}`;
}
