// util-linux size_to_human_string: 1024-based, one decimal dropped when it rounds to .0, suffix B K M G T P E.
const suffixes = ['B', 'K', 'M', 'G', 'T', 'P', 'E'];

/** Formats a byte count as lsblk's SIZE column does (8G, 1020M, 95G, 2.5G). */
export function lsblkSize(bytes: number): string {
  let exp = 0;
  while (exp < suffixes.length - 1 && bytes >= 1024 ** (exp + 1)) exp++;
  if (exp === 0) return `${bytes}B`;
  const whole = Math.floor(bytes / 1024 ** exp);
  const frac = bytes / 1024 ** exp - whole;
  // util-linux rounds the first decimal digit and carries into the whole part.
  let dec = Math.round(frac * 10);
  let w = whole;
  if (dec === 10) {
    w += 1;
    dec = 0;
  }
  return dec ? `${w}.${dec}${suffixes[exp]}` : `${w}${suffixes[exp]}`;
}
