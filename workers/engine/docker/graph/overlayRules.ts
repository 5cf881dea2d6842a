// The checks the overlay and overlay2 drivers make in Init (kernel, options, d_type), by Docker release.
import { parseOverlay2Options } from '../config/driverOptions';
import { atLeast } from '../config/version';

/** graphdriver.ErrNotSupported's text: the error a configured driver fails with, and what the priority walk skips. */
export const ERR_NOT_SUPPORTED = 'driver not supported';

/** What the host offers an overlay driver: its kernel and the filesystem under /var/lib/docker. */
export interface OverlayHost {
  kernel: string;
  /** graphdriver.FsNames of the backing filesystem: "xfs", "extfs"… */
  backingFs: string;
  /** fsutils.SupportsDType: false on xfs made with ftype=0. */
  dType: boolean;
  /** graphdriver.IsInitialized: the driver's home exists and is not empty. */
  initialized: boolean;
}

/** An Init that succeeded (with the warnings it logged) or failed; `notSupported` errors let the priority walk go on. */
export type InitCheck =
  { ok: true; warnings: string[] } | { ok: false; error: string; notSupported: boolean; debug?: string };

/** [major, minor, patch] and the distribution's build number (3.10.0-514.el7 → 514). */
export function parseKernel(v: string): { version: [number, number, number]; build: number } {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-(\d+))?/.exec(v);
  if (!m) return { version: [0, 0, 0], build: 0 };
  return { version: [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)], build: Number(m[4] ?? 0) };
}

/** kernel.CompareKernelVersion(v, 4.0.0) >= 0. */
export function kernelAtLeast4(kernel: string): boolean {
  return parseKernel(kernel).version[0] >= 4;
}

/**
 * What overlay2's mount probe (supportsMultipleLowerDir, Docker 17.12+) finds: 4.x kernels have multiple lower dirs;
 * RHEL 7 backported them to 3.10.0 (moby#24023 mounts three lowerdirs on 3.10.0-327, RHEL 7.2).
 */
export function supportsMultipleLowerDirs(kernel: string): boolean {
  const k = parseKernel(kernel);
  if (k.version[0] >= 4) return true;
  return k.version[0] === 3 && k.version[1] === 10 && /\.el7/.test(kernel) && k.build >= 327;
}

/** overlayutils.ErrDTypeNotSupported as each release words it (the deadline moved, then it became an error). */
export function dTypeMessage(driver: string, backingFs: string, version: string): string {
  let msg = `${driver}: the backing ${backingFs} filesystem is formatted without d_type support, which leads to incorrect behavior.`;
  if (backingFs === 'xfs') msg += ' Reformat the filesystem with ftype=1 to enable d_type support.';
  if (atLeast(version, '17.12.0')) msg += ' Backing filesystems without d_type support are not supported.';
  else
    msg += ` Running without d_type support will no longer be supported in Docker ${atLeast(version, '17.04.0') ? '17.12' : '1.16'}.`;
  return msg;
}

/** The d_type check both overlay drivers make: a warning up to 17.11; from 17.12 an error unless the home already has data. */
function checkDType(driver: string, host: OverlayHost, version: string, warnings: string[]): InitCheck {
  if (host.dType) return { ok: true, warnings };
  const msg = dTypeMessage(driver, host.backingFs, version);
  if (atLeast(version, '17.12.0') && !host.initialized) return { ok: false, error: msg, notSupported: true };
  return { ok: true, warnings: [...warnings, msg] };
}

/** overlay2's Init: options, then the 4.0 kernel check (a mount probe from 17.12), then d_type. */
export function checkOverlay2(opts: readonly string[], host: OverlayHost, version: string): InitCheck {
  const parsed = parseOverlay2Options(opts, version);
  if (!parsed.ok) return { ok: false, error: parsed.error, notSupported: false };
  const warnings: string[] = [];
  if (!kernelAtLeast4(host.kernel)) {
    if (parsed.overrideKernelCheck)
      warnings.push('Using pre-4.0.0 kernel for overlay2, mount failures may require kernel update');
    else if (!atLeast(version, '17.12.0')) return { ok: false, error: ERR_NOT_SUPPORTED, notSupported: true };
    else if (!supportsMultipleLowerDirs(host.kernel)) {
      return { ok: false, error: ERR_NOT_SUPPORTED, notSupported: true, debug: 'Multiple lower dirs not supported' };
    }
  }
  return checkDType('overlay2', host, version, warnings);
}

/** overlay's Init: no options of its own (it ignores them) and no kernel version check; then d_type. */
export function checkOverlay(host: OverlayHost, version: string): InitCheck {
  return checkDType('overlay', host, version, []);
}

/** The drivers graphdriver.New tries in order when none is configured, reduced to those this host can run. */
export function driverPriority(version: string): ('overlay2' | 'overlay' | 'devicemapper')[] {
  // moby#27932 (1.13) moved overlay2 and overlay above devicemapper; aufs, btrfs and zfs never initialise on xfs here.
  return atLeast(version, '1.13.0') ? ['overlay2', 'overlay', 'devicemapper'] : ['devicemapper', 'overlay'];
}
