// Docker version numbers ("17.03.1-ce", "18.09.0", "1.13.1") and their ordering.

/** [major, minor, patch] of a Docker version string; a suffix such as "-ce" or "-rc2" is ignored. */
export function parseDockerVersion(v: string): [number, number, number] {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v.trim());
  if (!m) return [0, 0, 0];
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** Negative, zero or positive as `a` is older than, the same as or newer than `b`. */
export function compareDockerVersions(a: string, b: string): number {
  const x = parseDockerVersion(a);
  const y = parseDockerVersion(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** Whether `version` is `min` or newer. */
export function atLeast(version: string, min: string): boolean {
  return compareDockerVersions(version, min) >= 0;
}
