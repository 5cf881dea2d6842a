// --storage-opt dm.* as NewDeviceSet parses them: defaults, per-option validation, validateLVMConfig, deferred checks.
import { ramInBytes } from '../../units';
import { parseBool, parseInt as goParseInt, parseUint } from './goStrconv';
import { atLeast } from './version';

const GiB = 1024 ** 3;

/** direct-lvm settings as the user gave them (0 / '' = not given), as saved in setup-config.json. */
export interface DirectLvmConfig {
  device: string;
  thinpPercent: number;
  thinpMetaPercent: number;
  autoExtendPercent: number;
  autoExtendThreshold: number;
}

/** Every devicemapper driver setting after parsing, defaults filled in. */
export interface DmOptions {
  baseSize: number;
  /** dm.basesize was given (enables the grow/shrink check against the existing base device). */
  userBaseSize: boolean;
  loopDataSize: number;
  loopMetadataSize: number;
  /** dm.fs; undefined means auto (xfs when mkfs.xfs and the kernel support it, else ext4 with a warning). */
  fs?: 'xfs' | 'ext4';
  mkfsArgs: string[];
  /** dm.mountopt values joined with ','. */
  mountOptions: string;
  dataDevice?: string;
  metadataDevice?: string;
  /** dm.thinpooldev with any /dev/mapper/ prefix removed. */
  thinPoolDevice?: string;
  blkDiscard: boolean;
  /** dm.blocksize in 512-byte sectors (uint32(size) >> 9). */
  blockSizeSectors: number;
  overrideUdevSyncCheck: boolean;
  deferredRemoval: boolean;
  deferredDeletion: boolean;
  minFreeSpacePercent: number;
  xfsNospaceMaxRetries?: string;
  libdmLogLevel: number;
  directLvm: DirectLvmConfig;
  directLvmForce: boolean;
}

/** What the host offers for deferred removal (kernel dm ≥ 4.27, libdm built with deferred remove). */
export interface DmCapabilities {
  kernelDeferredRemoval: boolean;
  libdmDeferredRemoval: boolean;
}

/** Parsed options, or the error NewDeviceSet returns (wrap it with graphdriverFailure). */
export type DmOptionsResult = { ok: true; options: DmOptions } | { ok: false; error: string };

/** The defaults of a Docker version on a host with `caps`. */
export function defaultDmOptions(version: string, caps: DmCapabilities = { kernelDeferredRemoval: true, libdmDeferredRemoval: true }): DmOptions {
  const deferred = atLeast(version, '17.07.0') && caps.kernelDeferredRemoval && caps.libdmDeferredRemoval;
  return {
    baseSize: 10 * GiB,
    userBaseSize: false,
    loopDataSize: 100 * GiB,
    loopMetadataSize: 2 * GiB,
    mkfsArgs: [],
    mountOptions: '',
    blkDiscard: true,
    blockSizeSectors: 128,
    overrideUdevSyncCheck: false,
    deferredRemoval: deferred,
    deferredDeletion: deferred,
    minFreeSpacePercent: 10,
    libdmLogLevel: 2,
    directLvm: { device: '', thinpPercent: 0, thinpMetaPercent: 0, autoExtendPercent: 0, autoExtendThreshold: 0 },
    directLvmForce: false,
  };
}

/** parsers.ParseKeyValueOpt: split at the first '=', both sides trimmed. */
export function parseKeyValueOpt(opt: string): { ok: true; key: string; value: string } | { ok: false; error: string } {
  const i = opt.indexOf('=');
  if (i < 0) return { ok: false, error: `Unable to parse key/value option: ${opt}` };
  return { ok: true, key: opt.slice(0, i).trim(), value: opt.slice(i + 1).trim() };
}

/** Options that a version does not know yet fall through to "Unknown option". */
function knownIn(key: string, version: string): boolean {
  if (key.startsWith('dm.directlvm_') || key.startsWith('dm.thinp_')) return atLeast(version, '17.06.0');
  if (key === 'dm.libdm_log_level') return atLeast(version, '17.12.0');
  return true;
}

/**
 * Parses dm.* storage options in order, as NewDeviceSet of Docker `version` does, then runs validateLVMConfig,
 * the direct-lvm/thinpooldev conflict and the deferred removal/deletion checks of initDevmapper.
 */
export function parseDmOptions(
  opts: readonly string[],
  version: string,
  caps: DmCapabilities = { kernelDeferredRemoval: true, libdmDeferredRemoval: true },
): DmOptionsResult {
  const o = defaultDmOptions(version, caps);
  const nl = atLeast(version, '20.10.0') ? '' : '\n';
  const size = (v: string) => ramInBytes(v, atLeast(version, '18.09.0'));
  let foundBlkDiscard = false;
  const fail = (error: string): DmOptionsResult => ({ ok: false, error });
  for (const opt of opts) {
    const kv = parseKeyValueOpt(opt);
    if (!kv.ok) return fail(kv.error);
    const key = kv.key.toLowerCase();
    const val = kv.value;
    if (!knownIn(key, version)) return fail(`devmapper: Unknown option ${key}${nl}`);
    switch (key) {
      case 'dm.basesize':
      case 'dm.loopdatasize':
      case 'dm.loopmetadatasize':
      case 'dm.blocksize': {
        const s = size(val);
        if (!s.ok) return fail(s.error);
        if (key === 'dm.basesize') {
          o.baseSize = s.bytes;
          o.userBaseSize = true;
        } else if (key === 'dm.loopdatasize') o.loopDataSize = s.bytes;
        else if (key === 'dm.loopmetadatasize') o.loopMetadataSize = s.bytes;
        else o.blockSizeSectors = (s.bytes % 2 ** 32) >>> 9;
        break;
      }
      case 'dm.fs':
        if (val !== 'ext4' && val !== 'xfs') return fail(`devmapper: Unsupported filesystem ${val}${nl}`);
        o.fs = val;
        break;
      case 'dm.mkfsarg':
        o.mkfsArgs.push(val);
        break;
      case 'dm.mountopt':
        o.mountOptions = o.mountOptions && val ? `${o.mountOptions},${val}` : o.mountOptions || val;
        break;
      case 'dm.metadatadev':
        o.metadataDevice = val;
        break;
      case 'dm.datadev':
        o.dataDevice = val;
        break;
      case 'dm.thinpooldev':
        o.thinPoolDevice = val.startsWith('/dev/mapper/') ? val.slice('/dev/mapper/'.length) : val;
        break;
      case 'dm.blkdiscard':
      case 'dm.override_udev_sync_check':
      case 'dm.use_deferred_removal':
      case 'dm.use_deferred_deletion':
      case 'dm.directlvm_device_force': {
        const b = parseBool(val);
        if (!b.ok) return fail(b.error);
        if (key === 'dm.blkdiscard') {
          foundBlkDiscard = true;
          o.blkDiscard = b.value;
        } else if (key === 'dm.override_udev_sync_check') o.overrideUdevSyncCheck = b.value;
        else if (key === 'dm.use_deferred_removal') o.deferredRemoval = b.value;
        else if (key === 'dm.use_deferred_deletion') o.deferredDeletion = b.value;
        else o.directLvmForce = b.value;
        break;
      }
      case 'dm.min_free_space': {
        if (!val.endsWith('%')) return fail('devmapper: Option dm.min_free_space requires % suffix');
        const n = parseUint(val.slice(0, -1), 32);
        if (!n.ok) return fail(n.error);
        if (n.value >= 100) return fail(`devmapper: Invalid value ${val} for option dm.min_free_space`);
        o.minFreeSpacePercent = n.value;
        break;
      }
      case 'dm.xfs_nospace_max_retries': {
        const n = parseUint(val, 64);
        if (!n.ok) return fail(n.error);
        o.xfsNospaceMaxRetries = val;
        break;
      }
      case 'dm.directlvm_device':
        o.directLvm.device = val;
        break;
      case 'dm.thinp_percent':
      case 'dm.thinp_metapercent':
      case 'dm.thinp_autoextend_percent':
      case 'dm.thinp_autoextend_threshold': {
        const n = parseUint(val.endsWith('%') ? val.slice(0, -1) : val, 32);
        if (!n.ok) return fail(`could not parse \`${key}=${val}\`: ${n.error}`);
        // percent and metapercent refuse 100; the autoextend pair accepts it (same message either way).
        const limitHit = key === 'dm.thinp_percent' || key === 'dm.thinp_metapercent' ? n.value >= 100 : n.value > 100;
        if (limitHit) return fail(`${key} must be greater than 0 and less than 100`);
        if (key === 'dm.thinp_percent') o.directLvm.thinpPercent = n.value;
        else if (key === 'dm.thinp_metapercent') o.directLvm.thinpMetaPercent = n.value;
        else if (key === 'dm.thinp_autoextend_percent') o.directLvm.autoExtendPercent = n.value;
        else o.directLvm.autoExtendThreshold = n.value;
        break;
      }
      case 'dm.libdm_log_level': {
        const n = goParseInt(val, 32);
        if (!n.ok) return fail(`could not parse \`dm.libdm_log_level=${val}\`: ${n.error}`);
        if (n.value < 2 || n.value > 7) return fail('dm.libdm_log_level must be in range [2,7]');
        o.libdmLogLevel = n.value;
        break;
      }
      default:
        return fail(`devmapper: Unknown option ${key}${nl}`);
    }
  }
  const lvm = validateLVMConfig(o.directLvm);
  if (lvm) return fail(lvm);
  if (!foundBlkDiscard && (o.dataDevice || o.thinPoolDevice)) o.blkDiscard = false;
  const deferred = checkDeferred(o, caps);
  if (deferred) return fail(deferred);
  if (o.directLvm.device && o.thinPoolDevice) return fail('cannot setup direct-lvm when `dm.thinpooldev` is also specified');
  return { ok: true, options: o };
}

/** validateLVMConfig of device_setup.go: only when any direct-lvm value is set (dm.directlvm_device_force does not count). */
export function validateLVMConfig(c: DirectLvmConfig): string | undefined {
  if (!c.device && !c.thinpPercent && !c.thinpMetaPercent && !c.autoExtendPercent && !c.autoExtendThreshold) return undefined;
  if (!c.device) return 'must provide device path in `dm.directlvm_device` in order to configure direct-lvm';
  if ((c.thinpPercent > 0 && c.thinpMetaPercent === 0) || (c.thinpMetaPercent > 0 && c.thinpPercent === 0))
    return 'must set both `dm.thinp_percent` and `dm.thinp_metapercent` if either is specified';
  if (c.thinpPercent + c.thinpMetaPercent > 100)
    return 'combined `dm.thinp_percent` and `dm.thinp_metapercent` must not be greater than 100';
  return undefined;
}

/** enableDeferredRemovalDeletion: what the kernel and libdm must support, and deletion needing removal. */
function checkDeferred(o: DmOptions, caps: DmCapabilities): string | undefined {
  if (o.deferredRemoval) {
    if (!caps.kernelDeferredRemoval) return 'devmapper: Deferred removal can not be enabled as kernel does not support it';
    if (!caps.libdmDeferredRemoval) return 'devmapper: Deferred removal can not be enabled as libdm does not support it';
  }
  if (o.deferredDeletion && !o.deferredRemoval)
    return 'devmapper: Deferred deletion can not be enabled as deferred removal is not enabled. Enable deferred removal using --storage-opt dm.use_deferred_removal=true parameter';
  return undefined;
}
