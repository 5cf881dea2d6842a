// How tools print filesystem figures: util-linux's size_to_human_string (fstrim -v) and coreutils dd's summary.

const letters = 'BKMGTPE';

/** util-linux size_to_human_string: 1024-based, one decimal rounded as (frac/2^(exp-10)+50)/100; `iec` adds "iB". */
export function utilLinuxSize(bytes: number, opts: { space?: boolean; iec?: boolean } = {}): string {
  let exp = 0;
  for (let e = 10; e <= 60; e += 10) if (bytes >= 2 ** e) exp = e;
  const c = letters[exp / 10];
  const suffix = `${opts.space ? ' ' : ''}${c}${opts.iec && c !== 'B' ? 'iB' : ''}`;
  let dec = exp ? Math.floor(bytes / 2 ** exp) : bytes;
  let frac = exp ? bytes - dec * 2 ** exp : 0;
  if (frac) {
    frac = Math.floor((Math.floor(frac / 2 ** (exp - 10)) + 50) / 100);
    if (frac === 10) {
      dec++;
      frac = 0;
    }
  }
  return frac ? `${dec}.${frac}${suffix}` : `${dec}${suffix}`;
}

/** The line `fstrim -v` prints (util-linux 2.23): "/: 9.9 GiB (10630180864 bytes) trimmed". */
export function fstrimVerboseLine(mountpoint: string, bytes: number): string {
  return `${mountpoint}: ${utilLinuxSize(bytes, { space: true, iec: true })} (${bytes} bytes) trimmed`;
}

/** coreutils human_readable with SI autoscale as dd prints it: "66 kB", "1.0 MB", "655 kB" (8.22). */
export function ddHuman(value: number): string {
  const units = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let v = value;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  if (i === 0) return `${value} B`;
  // Rounded to nearest: one decimal below 10, none above; a carry to 1000 moves up one unit.
  if (v < 10) {
    const r = Math.round(v * 10) / 10;
    if (r < 10) return `${r.toFixed(1)} ${units[i]}B`;
    v = r;
  }
  let r = Math.round(v);
  if (r >= 1000 && i < units.length - 1) {
    i++;
    r = 1;
    return `${r.toFixed(1)} ${units[i]}B`;
  }
  return `${r} ${units[i]}B`;
}

/** dd's closing lines (coreutils 8.22): records in/out and "N bytes (H) copied, S s, R/s". */
export function ddSummary(full: number, partial: number, bytes: number, seconds: number): string[] {
  const rate = seconds > 0 ? `${ddHuman(Math.round(bytes / seconds))}/s` : 'Infinity B/s';
  const secs = Number(seconds.toPrecision(6)).toString();
  return [
    `${full}+${partial} records in`,
    `${full}+${partial} records out`,
    `${bytes} bytes (${ddHuman(bytes)}) copied, ${secs} s, ${rate}`,
  ];
}

/** busybox dd's closing lines (1.26): "655360 bytes (640.0KB) copied, 0.001 seconds, 625.0MB/s". */
export function busyboxDdSummary(full: number, partial: number, bytes: number, seconds: number): string[] {
  const human = (v: number): string => {
    const units = ['', 'K', 'M', 'G', 'T'];
    let x = v;
    let i = 0;
    while (x >= 1024 && i < units.length - 1) {
      x /= 1024;
      i++;
    }
    return i === 0 ? `${v}` : `${x.toFixed(1)}${units[i]}`;
  };
  const rate = seconds > 0 ? human(Math.round(bytes / seconds)) : '0';
  return [
    `${full}+${partial} records in`,
    `${full}+${partial} records out`,
    `${bytes} bytes (${human(bytes)}B) copied, ${seconds.toFixed(6)} seconds, ${rate}B/s`,
  ];
}
