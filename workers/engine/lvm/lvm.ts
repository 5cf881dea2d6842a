// STUB — replaced by the lvm layer (PVs, VGs, LVs, thin pools, dmeventd).
import type { EventLog } from '../events';
import type { Host } from '../host/host';
import type { DeviceMapper } from '../dm/deviceMapper';
import type { HostProfile } from '../profile';

export class Lvm {
  constructor(
    readonly events: EventLog,
    readonly host: Host,
    readonly dm: DeviceMapper,
    readonly profile: HostProfile,
  ) {}
}
