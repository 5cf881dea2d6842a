// Storage options handed to a driver other than devicemapper, and how a graphdriver failure stops dockerd.
import { parseKeyValueOpt } from './dmOptions';
import { parseBool } from './goStrconv';
import { atLeast } from './version';

/**
 * overlay2's parseOptions: overlay2.override_kernel_check (a Go bool) and, from 17.06, overlay2.size; any other key
 * (dm.* included) makes it refuse, e.g. "overlay2: unknown option dm.thinpooldev".
 */
export function parseOverlay2Options(
  opts: readonly string[],
  version: string,
): { ok: true; overrideKernelCheck: boolean } | { ok: false; error: string } {
  let overrideKernelCheck = false;
  for (const opt of opts) {
    const kv = parseKeyValueOpt(opt);
    if (!kv.ok) return { ok: false, error: kv.error };
    const key = kv.key.toLowerCase();
    if (key === 'overlay2.override_kernel_check') {
      const b = parseBool(kv.value);
      if (!b.ok) return { ok: false, error: b.error };
      overrideKernelCheck = b.value;
    } else if (!(key === 'overlay2.size' && atLeast(version, '17.06.0')))
      return { ok: false, error: `overlay2: unknown option ${key}` };
  }
  return { ok: true, overrideKernelCheck };
}

/**
 * The lines dockerd prints to stderr when its graphdriver fails to initialize:
 * "Error starting daemon: error initializing graphdriver: …" up to 18.09, "failed to start daemon: …" from 19.03.
 * An error text ending in "\n" (older devmapper messages) leaves a blank line.
 */
export function graphdriverFailure(error: string, version: string): string[] {
  const prefix = atLeast(version, '19.03.0') ? 'failed to start daemon' : 'Error starting daemon';
  return `${prefix}: error initializing graphdriver: ${error}`.split('\n');
}
