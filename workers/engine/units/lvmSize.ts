// lvm2's dm_size_to_string: 1024-based, %.2f, optional '<' when rounding went up (units 'r', lvm2 >= 2.02.169).
const shortUnits = ['b', 'k', 'm', 'g', 't', 'p', 'e'];
const longUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

export interface LvmSizeOptions {
  /** 'short' for reports (95.00g), 'long' for display and messages (95.00 GiB). */
  form: 'short' | 'long';
  /** lvm2 >= 2.02.169 prefixes '<' when the 2-decimal rounding rounded up. */
  roundingMark: boolean;
}

/** Formats a byte count the way lvm2 does (lvs/vgs columns, pvdisplay, lvextend messages). */
export function lvmSize(bytes: number, opts: LvmSizeOptions): string {
  if (bytes === 0) return opts.form === 'short' ? '0 ' : '0   ';
  let i = 0;
  // Sizes are sector-based in lvm: the smallest unit shown in practice is KiB.
  let v = bytes;
  while (v >= 1024 && i < shortUnits.length - 1) {
    v /= 1024;
    i++;
  }
  const rounded = Math.round(v * 100) / 100;
  const mark = opts.roundingMark && rounded > v + 1e-12 ? '<' : '';
  const num = rounded.toFixed(2);
  return opts.form === 'short' ? `${mark}${num}${shortUnits[i]}` : `${mark}${num} ${longUnits[i]}`;
}
