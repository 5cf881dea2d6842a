// Per-device records Docker keeps in /var/lib/docker/devicemapper/metadata/<hash> (JSON), and their file names.

/** One Docker device: the base ("" hash), an image layer, a container's -init or rw device. */
export interface DevInfo {
  hash: string;
  deviceId: number;
  size: number;
  transactionId: number;
  initialized: boolean;
  deleted: boolean;
}

/** File name of a device's metadata ("base" for the base device). */
export function metadataFileName(hash: string): string {
  return hash === '' ? 'base' : hash;
}

/** The JSON Docker writes for a device (field names and order as deviceset.go's json tags). */
export function devInfoJson(d: DevInfo): string {
  return JSON.stringify({
    device_id: d.deviceId,
    size: d.size,
    transaction_id: d.transactionId,
    initialized: d.initialized,
    deleted: d.deleted,
  });
}

/** Reads a device record back; null when the file is not Docker's JSON. */
export function parseDevInfo(hash: string, text: string): DevInfo | null {
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    if (typeof j.device_id !== 'number' || typeof j.size !== 'number') return null;
    return {
      hash,
      deviceId: j.device_id,
      size: j.size,
      transactionId: typeof j.transaction_id === 'number' ? j.transaction_id : 0,
      initialized: j.initialized === true,
      deleted: j.deleted === true,
    };
  } catch {
    return null;
  }
}
