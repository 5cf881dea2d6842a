// thin_restore's semantics over the XML elements: attribute casts, nesting rules, bounds; builds a PoolMetadata.
import type { PoolMetadata, ThinDeviceMetadata } from '../dm/poolMetadata';
import { MappingBuilder } from './mappingBuilder';
import { ThinXmlError, type XmlHandler } from './xmlTokenizer';

/** Caps that keep a hostile or oversized import from exhausting memory. */
export interface ParseLimits {
  /** Total mappings over all devices (each costs 12 bytes). */
  maxMappings: number;
  maxDevices: number;
}

/** Defaults: room for a 100 GiB pool of 64 KiB blocks several times over. */
export const defaultParseLimits: ParseLimits = { maxMappings: 12_000_000, maxDevices: 1 << 20 };

const badCast = 'bad lexical cast: source type value could not be interpreted as target';
const u32Max = 0xffffffff;

interface OpenDevice {
  devId: number;
  transaction: number;
  creationTime: number;
  snapTime: number;
  mappings: MappingBuilder;
}

/** Receives parsed elements and applies thin_restore 0.9.0's rules, in document order. */
export class RestoreEmitter implements XmlHandler {
  private sb?: Omit<PoolMetadata, 'devices'>;
  private inSuperblock = false;
  private device?: OpenDevice;
  private devices = new Map<number, ThinDeviceMetadata | OpenDevice>();
  private mappingCount = 0;
  private done = false;

  constructor(private readonly limits: ParseLimits) {}

  startElement(name: string, names: string[], values: string[]): void {
    const attr = new AttrReader(names, values);
    switch (name) {
      case 'superblock':
        return this.beginSuperblock(attr);
      case 'device':
        return this.beginDevice(attr);
      case 'range_mapping': {
        // Arguments are read right to left, as g++ evaluates thin_restore's get_attr calls.
        const length = attr.u64('length');
        const time = attr.u32('time');
        const dataBegin = attr.u64('data_begin');
        const originBegin = attr.u64('origin_begin');
        return this.map(originBegin, dataBegin, length, time);
      }
      case 'single_mapping': {
        const time = attr.u32('time');
        const dataBlock = attr.u64('data_block');
        const originBlock = attr.u64('origin_block');
        return this.map(originBlock, dataBlock, 1, time);
      }
      default:
        throw new ThinXmlError('unknown tag type\n');
    }
  }

  endElement(name: string): void {
    if (name === 'superblock') {
      if (!this.inSuperblock) throw new ThinXmlError('missing superblock\n');
      this.inSuperblock = false;
      this.done = true;
    } else if (name === 'device' && this.device) {
      const d = this.device;
      const m = d.mappings.finish();
      this.devices.set(d.devId, {
        devId: d.devId,
        mappedBlocks: m.origin.length,
        transaction: d.transaction,
        creationTime: d.creationTime,
        snapTime: d.snapTime,
        ...m,
      });
      this.device = undefined;
    }
  }

  /** The restored metadata, once the superblock has closed. */
  result(): PoolMetadata {
    if (!this.sb || !this.done) throw new ThinXmlError('missing superblock\n');
    const devices = [...this.devices.values()].filter((d): d is ThinDeviceMetadata => 'origin' in d);
    devices.sort((a, b) => a.devId - b.devId);
    return { ...this.sb, devices };
  }

  private beginSuperblock(attr: AttrReader): void {
    const metadataSnap = attr.optU64('metadata_snap');
    const nrDataBlocks = attr.u64('nr_data_blocks');
    const dataBlockSize = attr.u32('data_block_size');
    const transaction = attr.u64('transaction');
    const time = attr.u64('time');
    const uuid = attr.str('uuid');
    const version = attr.optU32('version') ?? 1;
    const flags = attr.optU32('flags') ?? 0;
    if (this.inSuperblock || this.done) throw new ThinXmlError('missing superblock\n');
    this.sb = { uuid, time, transaction, flags, version, dataBlockSize, nrDataBlocks };
    if (metadataSnap !== undefined) this.sb.metadataSnap = metadataSnap;
    this.inSuperblock = true;
  }

  private beginDevice(attr: AttrReader): void {
    const snapTime = attr.u64('snap_time');
    const creationTime = attr.u64('creation_time');
    const transaction = attr.u64('transaction');
    attr.u64('mapped_blocks'); // thin_restore recounts it
    const devId = attr.u32('dev_id');
    if (!this.inSuperblock) throw new ThinXmlError('missing superblock\n');
    if (this.devices.has(devId)) throw new ThinXmlError('Device already exists\n');
    if (this.device) {
      // What thin_restore 0.9.0 really does with a device nested in another: it aborts.
      throw new ThinXmlError(
        "thin_restore: /usr/include/boost/optional/optional.hpp:1212: boost::optional<T>::reference_type boost::optional<T>::get() [with T = unsigned int; boost::optional<T>::reference_type = unsigned int&]: Assertion `this->is_initialized()' failed.\n",
        undefined,
        134,
      );
    }
    if (this.devices.size >= this.limits.maxDevices)
      throw new ThinXmlError(`too many devices for the sandbox (limit ${this.limits.maxDevices})\n`);
    this.device = { devId, transaction, creationTime, snapTime, mappings: new MappingBuilder() };
    this.devices.set(devId, this.device);
  }

  private map(origin: number, data: number, length: number, time: number): void {
    if (!this.inSuperblock) throw new ThinXmlError('missing superblock\n');
    const dev = this.device;
    if (!dev) throw new ThinXmlError('not in device\n');
    const nr = this.sb!.nrDataBlocks;
    if (length === 0) return;
    if (data + length > nr) {
      const first = Math.max(data, nr);
      throw new ThinXmlError(`mapping beyond end of data device (${first} >= ${nr})\n`);
    }
    if (data + length - 1 > u32Max || origin + length - 1 > u32Max)
      throw new ThinXmlError('block number too large for the sandbox (limit 4294967295)\n');
    if (this.mappingCount + length > this.limits.maxMappings)
      throw new ThinXmlError(`too many mappings for the sandbox (limit ${this.limits.maxMappings})\n`);
    this.mappingCount += length;
    const b = dev.mappings;
    for (let k = 0; k < length; k++) b.push(origin + k, data + k, time);
  }
}

/** Looks attributes up and casts them the way boost::lexical_cast does for thin_restore. */
class AttrReader {
  constructor(
    private readonly names: string[],
    private readonly values: string[],
  ) {}

  private raw(name: string): string | undefined {
    const k = this.names.indexOf(name);
    return k < 0 ? undefined : this.values[k];
  }

  str(name: string): string {
    const v = this.raw(name);
    if (v === undefined) throw new ThinXmlError(`could not find attribute: ${name}\n`);
    return v;
  }

  u64(name: string): number {
    return castUnsigned(this.str(name), 64, name);
  }

  u32(name: string): number {
    return castUnsigned(this.str(name), 32, name);
  }

  optU64(name: string): number | undefined {
    const v = this.raw(name);
    return v === undefined ? undefined : castUnsigned(v, 64, name);
  }

  optU32(name: string): number | undefined {
    const v = this.raw(name);
    return v === undefined ? undefined : castUnsigned(v, 32, name);
  }
}

function castUnsigned(v: string, bits: 32 | 64, name: string): number {
  const n = v.length;
  if (n === 0) throw new ThinXmlError(badCast + '\n');
  let neg = false;
  let k = 0;
  if (v.charCodeAt(0) === 0x2d) {
    neg = true;
    k = 1;
    if (n === 1) throw new ThinXmlError(badCast + '\n');
  }
  let x = 0;
  for (; k < n; k++) {
    const c = v.charCodeAt(k) - 0x30;
    if (c < 0 || c > 9) throw new ThinXmlError(badCast + '\n');
    x = x * 10 + c;
  }
  if (bits === 32 ? x > u32Max : exceedsU64(v.slice(neg ? 1 : 0))) throw new ThinXmlError(badCast + '\n');
  // boost wraps "-5" into 2^64-5; a value that large has no meaning in the model, so the sandbox says so.
  if ((neg && x !== 0) || x > Number.MAX_SAFE_INTEGER)
    throw new ThinXmlError(`number out of range for the sandbox: ${name}="${v}"\n`);
  return x;
}

function exceedsU64(digits: string): boolean {
  const d = digits.replace(/^0+/, '');
  return d.length > 20 || (d.length === 20 && d > '18446744073709551615');
}
