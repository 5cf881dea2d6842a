// What thin_dump's --dev-id and --skip-mappings select, shared by both output formats.
import type { PoolMetadata, ThinDeviceMetadata } from '../dm/poolMetadata';

/** thin_dump's selection switches. */
export interface DumpOptions {
  /** Only this device (`--dev-id`); an unknown id dumps just the superblock. */
  devId?: number;
  /** Devices without their mappings (`--skip-mappings`). */
  skipMappings?: boolean;
}

/** The devices a dump prints, in dev_id order. */
export function selectedDevices(md: PoolMetadata, opts: DumpOptions): ThinDeviceMetadata[] {
  const devs = [...md.devices].sort((a, b) => a.devId - b.devId);
  return opts.devId === undefined ? devs : devs.filter((d) => d.devId === opts.devId);
}
