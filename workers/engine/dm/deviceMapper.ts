// STUB — replaced by the dm layer (dm devices, tables, thin-pool and thin targets).
import type { EventLog } from '../events';
import type { Host } from '../host/host';

export class DeviceMapper {
  constructor(
    readonly events: EventLog,
    readonly host: Host,
  ) {}
}
