// go-units HumanSize: decimal (1000) units, 4 significant digits, Go's %g.
const decimalAbbrs = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** Go's strconv 'g' formatting with a precision, as used by fmt's %.*g for values below 1e21. */
export function goFormatG(value: number, precision: number): string {
  if (value === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(value.toPrecision(precision)))));
  if (exp < -4 || exp >= precision) {
    const [mant, e] = value.toExponential(precision - 1).split('e');
    const m = mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant;
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = value.toPrecision(precision);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Docker's units.HumanSize; `spaced` selects the Docker <= 17.05 form "65.54 kB". */
export function humanSize(bytes: number, spaced = false): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < decimalAbbrs.length - 1) {
    size /= 1000;
    i++;
  }
  return `${goFormatG(size, 4)}${spaced ? ' ' : ''}${decimalAbbrs[i]}`;
}
