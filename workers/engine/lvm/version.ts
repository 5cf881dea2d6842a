// lvm2 version checks: which wording and size display a given release uses.

/** Parses "2.02.166" or "2.03.16(2)" into comparable numbers. */
export function parseLvmVersion(v: string): [number, number, number] {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [2, 2, 166];
}

/** True when version `v` is at least `min` ("2.02.169"). */
export function atLeast(v: string, min: string): boolean {
  const a = parseLvmVersion(v);
  const b = parseLvmVersion(min);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}
