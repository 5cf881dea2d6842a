// Size parsers of the tools we simulate; each returns bytes or an error text in the tool's words.

export type Parsed = { ok: true; bytes: number } | { ok: false; error: string };

const binary: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes as vendored in Docker 17.06-18.06 (no 'i' suffix); `allowI` for 18.09+. */
export function ramInBytes(value: string, allowI = false): Parsed {
  const re = allowI ? /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/ : /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[bB]?$/;
  const m = re.exec(value);
  if (!m) return { ok: false, error: `invalid size: '${value}'` };
  const n = parseFloat(m[1]);
  const unit = (m[3] ?? '').toLowerCase();
  return { ok: true, bytes: Math.floor(n * binary[unit]) };
}

/** coreutils truncate -s: SIZE with optional K,M,G,T,P (1024) or KB,MB,GB (1000), KiB...; returns sign for relative sizes. */
export function parseCoreutilsSize(
  value: string,
): { ok: true; bytes: number; op: '' | '+' | '-' | '<' | '>' | '/' | '%' } | { ok: false; error: string } {
  const m = /^([+\-<>/%]?)(\d+)([KMGTPEZY](iB|B)?|[kbcw]|[KMGTPEZY]?)?$/.exec(value);
  if (!m) return { ok: false, error: `invalid number: '${value}'` };
  const op = m[1] as '' | '+' | '-' | '<' | '>' | '/' | '%';
  const n = Number(m[2]);
  const suf = m[3] ?? '';
  let mult = 1;
  if (suf === 'b') mult = 512;
  else if (suf === 'c') mult = 1;
  else if (suf === 'w') mult = 2;
  else if (suf === 'k') mult = 1024;
  else if (suf) {
    const idx = 'KMGTPEZY'.indexOf(suf[0]) + 1;
    const base = suf.endsWith('B') && !suf.endsWith('iB') ? 1000 : 1024;
    mult = base ** idx;
  }
  return { ok: true, bytes: n * mult, op };
}
