// The devicemapper graph driver (driver.go): a thin wrapper turning layer ids into deviceset hashes.
import type { Filesystem } from '../../fs';
import type { DeviceSet } from '../devmapper/deviceSet';
import { driverStatusPairs } from '../devmapper/driverStatus';
import type { GraphDriver } from './driver';

/** devicemapper over a DeviceSet. */
export class DevmapperDriver implements GraphDriver {
  readonly name = 'devicemapper' as const;
  constructor(
    readonly devices: DeviceSet,
    private readonly dockerVersion: string,
    private readonly libdmVersion: string,
  ) {}

  status(): [string, string][] {
    return driverStatusPairs(this.devices.status(this.libdmVersion), this.dockerVersion);
  }

  create(id: string, parent: string): string | null {
    return this.devices.addDevice(id, parent);
  }

  createReadWrite(id: string, parent: string, size?: number): string | null {
    return this.devices.addDevice(id, parent, size);
  }

  remove(id: string): string | null {
    if (!this.devices.lookup(id)) return null;
    return this.devices.deleteDevice(id);
  }

  get(id: string): { path: string } | { error: string } {
    const r = this.devices.mountDevice(id);
    return 'error' in r ? r : { path: `${r.path}/rootfs` };
  }

  put(id: string): void {
    this.devices.unmountDevice(id);
  }

  fs(id: string): Filesystem | undefined {
    return this.devices.filesystem(id);
  }

  metadata(id: string): Record<string, string> {
    const d = this.devices.lookup(id);
    if (!d) return {};
    return { DeviceId: String(d.deviceId), DeviceName: this.devices.deviceName(id), DeviceSize: String(d.size) };
  }

  cleanup(): void {
    this.devices.shutdown();
  }
}
