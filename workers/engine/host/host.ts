// STUB — replaced by the host layer (disks, filesystem, sparse files, loop devices, block device registry).
import type { Clock } from '../clock';
import type { EventLog } from '../events';
import type { HostProfile } from '../profile';

export class Host {
  constructor(
    readonly events: EventLog,
    readonly profile: HostProfile,
    readonly clock: Clock,
  ) {}
}
