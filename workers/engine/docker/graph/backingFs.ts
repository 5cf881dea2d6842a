// What the overlay drivers learn about the filesystem under /var/lib/docker: its name, d_type, whether a home has data.
import type { Machine } from '../../machine';
import { failed } from '../../host/errno';
import type { OverlayHost } from './overlayRules';

/** graphdriver.FsNames for the filesystem types the host has. */
const FS_NAMES: Record<string, string> = { xfs: 'xfs', ext4: 'extfs', ext3: 'extfs', tmpfs: 'tmpfs' };

/** d_type of the filesystem holding `path`: the root partition's ftype (xfs) from the profile; others have it. */
function supportsDType(m: Machine, fstype: string, target: string): boolean {
  if (fstype !== 'xfs' || target !== '/') return true;
  const root = m.profile.disks.flatMap((d) => d.partitions ?? []).find((p) => p.mountpoint === '/');
  return root?.ftype !== 0;
}

/** graphdriver.IsInitialized: the driver's home exists and holds something. */
export function isInitialized(m: Machine, home: string): boolean {
  const entries = m.host.vfs.readdir(home);
  return !failed(entries) && entries.length > 0;
}

/** The host as overlay's Init sees it from `home` (statfs of its parent, like GetFSMagic). */
export function overlayHost(m: Machine, home: string): OverlayHost {
  const dir = home.slice(0, home.lastIndexOf('/')) || '/';
  const st = m.host.statfs(dir);
  const fstype = failed(st) ? 'xfs' : st.fstype;
  const target = failed(st) ? '/' : st.target;
  return {
    kernel: m.profile.kernelVersion,
    backingFs: FS_NAMES[fstype] ?? fstype,
    dType: supportsDType(m, fstype, target),
    initialized: isInitialized(m, home),
  };
}
