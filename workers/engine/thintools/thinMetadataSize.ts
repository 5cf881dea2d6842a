// thin_metadata_size 0.9.0: the metadata estimate with its unit handling, output formats and error texts.

const unitChars = 'bskKmMgGtTpPeEzZyY';
const unitStrings = [
  'bytes', 'sectors', 'kibibytes', 'kilobytes', 'mebibytes', 'megabytes', 'gibibytes', 'gigabytes', 'tebibytes',
  'terabytes', 'pebibytes', 'petabytes', 'ebibytes', 'exabytes', 'zebibytes', 'zetabytes', 'yobibytes', 'yottabytes',
];
const mask64 = (1n << 64n) - 1n;
// Factors as the C tool computes them in unsigned long long: the largest units wrap around.
const unitFactors: bigint[] = (() => {
  const f = [1n, 512n, 1024n, 1000n];
  for (let u = 4; u < unitStrings.length; u += 2) {
    f[u] = (f[u - 2] * f[2]) & mask64;
    f[u + 1] = (f[u - 1] * f[3]) & mask64;
  }
  return f;
})();
// (4096 − 64) / 16: the tool's own (older) btree geometry.
const mappingsPerBlock = 252n;

/** The tool's unit lookup: one character from "bskKmM…", or any prefix of a unit name; -1 when unknown. */
export function unitIndex(s: string): number {
  if (s.length === 1) return unitChars.indexOf(s);
  return unitStrings.findIndex((u) => u.startsWith(s));
}

/** -n's setting. */
export type NumericMode = 'none' | 'plain' | 'short' | 'long';

/** One argument as given, applied in command-line order (the size strings depend on the unit set so far). */
export type MetadataSizeArg =
  | { opt: 'b' | 's' | 'm'; value: string }
  | { opt: 'u'; value: string }
  | { opt: 'n'; value?: string };

/** Runs the calculation; returns stdout or the error line (stderr) with exit status 1. */
export function thinMetadataSize(
  args: MetadataSizeArg[],
  prg = 'thin_metadata_size',
  /** Stop after the per-option checks (getopt failed on a later option). */
  optionsOnly = false,
): { stdout: string; stderr: string; status: number } {
  const fail = (msg: string) => ({ stdout: '', stderr: `${prg} - ${msg}\n`, status: 1 });
  let unitIdx = 1;
  let numeric: NumericMode = 'none';
  const n: Record<'b' | 's' | 'm', bigint> = { b: 0n, s: 0n, m: 0n };
  const str: Record<'b' | 's' | 'm', string> = { b: '', s: '', m: '' };
  for (const a of args) {
    if (a.opt === 'u') {
      const idx = unitIndex(a.value);
      if (idx < 0) return fail('output unit specifier invalid!');
      unitIdx = idx;
    } else if (a.opt === 'n') {
      if (numeric !== 'none') return fail('-n already given!');
      numeric = 'plain';
      if (a.value !== undefined) {
        const isLong = 'long'.startsWith(a.value);
        if (!a.value || (!'short'.startsWith(a.value) && !isLong)) return fail('-n invalid option argument');
        numeric = isLong ? 'long' : 'short';
      }
    } else {
      if (n[a.opt]) return fail('option already given!');
      const digits = /^\d*/.exec(a.value)![0];
      const suffix = a.value.slice(digits.length);
      let idx = -1;
      if (suffix) {
        idx = unitIndex(suffix);
        if (idx < 0) return fail('Invalid unit specifier!');
      }
      // atoll: the leading digits (none → 0), wrapping like unsigned long long.
      const count = digits ? BigInt(digits) & mask64 : 0n;
      const bytes = (count * unitFactors[idx < 0 ? 1 : idx]) & mask64;
      n[a.opt] = !suffix || a.opt !== 'm' ? bytes / 512n : bytes;
      str[a.opt] = digits + (idx >= 0 ? unitStrings[idx] : a.opt === 'm' ? '' : unitStrings[unitIdx]);
    }
  }
  if (optionsOnly) return { stdout: '', stderr: '', status: 0 };
  if (!n.b) return fail('block size required!');
  if (!n.s) return fail('pool size required!');
  if (!n.m) return fail('max thins required!');
  if (n.b & (n.b - 1n)) return fail('block size must be 2^^N');
  if (n.s <= n.b) return fail('pool size must be larger than block size');

  const blocks = (1n + ((2n * n.s) / n.b / mappingsPerBlock + n.m)) & mask64;
  const r = (Number(blocks) * 8 * 512) / Number(unitFactors[unitIdx]);
  let text = formatPrecision(r);
  if (numeric === 'none')
    text = `${prg} - ${text} ${unitStrings[unitIdx]} estimated metadata area size for "--block-size=${str.b} --pool-size=${str.s} --max-thins=${str.m}"`;
  else if (numeric === 'short') text += unitChars[unitIdx];
  else if (numeric === 'long') text += unitStrings[unitIdx];
  return { stdout: text + '\n', stderr: '', status: 0 };
}

// printf's %llu, %0.2e or %0.2f as the tool picks them.
function formatPrecision(r: number): string {
  const t = Math.floor(r);
  if (r === t) return BigInt(t).toString();
  if (r - t < 1e-2) {
    const [m, e] = r.toExponential(2).split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return toFixed2(r);
}

// C rounds the exact binary value half-to-even; toFixed rounds exact ties up.
function toFixed2(r: number): string {
  const scaled = r * 100;
  if (scaled - Math.floor(scaled) === 0.5 && Math.floor(scaled) % 2 === 0) return (Math.floor(scaled) / 100).toFixed(2);
  return r.toFixed(2);
}
