// Docker version comparison: "17.03.1-ce" < "17.06.0-ce" < "18.09.0" < "19.03.0".

/** Compares two Docker versions by year, month and patch; negative when a < b. */
export function compareDockerVersion(a: string, b: string): number {
  const pa = a.replace(/-.*$/, '').split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.replace(/-.*$/, '').split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** True when `version` is at least `min`. */
export function atLeast(version: string, min: string): boolean {
  return compareDockerVersion(version, min) >= 0;
}
