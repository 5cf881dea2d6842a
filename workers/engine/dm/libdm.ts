// libdevmapper's wording, which changed between versions: ioctl failure lines and dmsetup's final "Command failed".

/** strerror(3) texts of the errnos device-mapper returns. */
export const strerror: Record<string, string> = {
  EINVAL: 'Invalid argument',
  ENXIO: 'No such device or address',
  ENODEV: 'No such device',
  EBUSY: 'Device or resource busy',
  EEXIST: 'File exists',
  ENODATA: 'No data available',
  EOPNOTSUPP: 'Operation not supported',
  ENOSPC: 'No space left on device',
  EIO: 'Input/output error',
  ENOMEM: 'Cannot allocate memory',
};

/** The numeric part of a libdm version string ("1.02.135-RHEL7 (2016-11-16)" → 135). */
export function libdmMinor(version: string): number {
  const m = /^1\.02\.(\d+)/.exec(version);
  return m ? Number(m[1]) : 135;
}

/**
 * `device-mapper: <ioctl> ioctl on <name> failed: <strerror>`. From libdm 1.02.138 (lvm2 2.02.169) the uuid is
 * printed after the name, so an empty uuid leaves two spaces.
 */
export function ioctlError(version: string, ioctl: string, name: string, uuid: string, errno: string): string {
  const who = libdmMinor(version) >= 138 ? `${name} ${uuid}` : name;
  return `device-mapper: ${ioctl} ioctl on ${who} failed: ${strerror[errno] ?? errno}`;
}

/** dmsetup's last line on failure: "Command failed" (with a period from libdm 1.02.147, lvm2 2.02.178). */
export function commandFailed(version: string): string {
  return libdmMinor(version) >= 147 ? 'Command failed.' : 'Command failed';
}
