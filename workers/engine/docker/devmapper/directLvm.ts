// Docker's own direct-lvm setup (dm.directlvm_device, 17.06+): setup-config.json, verifyBlockDevice, setupDirectLVM.
import type { Machine } from '../../machine';
import { goDecode, toPlain, type DirectLvmConfig, type DmOptions } from '../config';
import { failed } from '../../host/errno';
import { diskscan } from '../../lvm/diskscan';
import { pvcreate } from '../../lvm/pvOps';
import { vgcreate } from '../../lvm/vgOps';
import { lvcreate } from '../../lvm/lvCreate';
import { lvconvertThinPool } from '../../lvm/lvConvert';
import { lvchange } from '../../lvm/lvChange';
import { parseExtentsArg } from '../../lvm/sizeArgs';
import type { LvmOutput } from '../../lvm/output';

/** The pool name Docker gives the pool it builds (and then uses as dm.thinpooldev). */
export const DIRECT_LVM_POOL = 'docker-thinpool';
/** Where setupDirectLVM writes the autoextend profile. */
export const LVM_PROFILE_DIR = '/etc/lvm/profile';
/** Chunk size Docker passes to lvconvert (-c 512K). */
const CHUNK = 512 * 1024;

/** setup-config.json's name inside the driver root (/var/lib/docker/devicemapper). */
export function setupConfigPath(driverRoot: string): string {
  return `${driverRoot}/setup-config.json`;
}

/** The Go struct's JSON (field names as directLVMConfig has them, no tags). */
export function setupConfigJson(c: DirectLvmConfig): string {
  return JSON.stringify({
    Device: c.device,
    ThinpPercent: c.thinpPercent,
    ThinpMetaPercent: c.thinpMetaPercent,
    AutoExtendPercent: c.autoExtendPercent,
    AutoExtendThreshold: c.autoExtendThreshold,
  });
}

const EMPTY: DirectLvmConfig = { device: '', thinpPercent: 0, thinpMetaPercent: 0, autoExtendPercent: 0, autoExtendThreshold: 0 };

function isEmpty(c: DirectLvmConfig): boolean {
  return sameConfig(c, EMPTY);
}

/** reflect.DeepEqual of two configs. */
export function sameConfig(a: DirectLvmConfig, b: DirectLvmConfig): boolean {
  return (
    a.device === b.device &&
    a.thinpPercent === b.thinpPercent &&
    a.thinpMetaPercent === b.thinpMetaPercent &&
    a.autoExtendPercent === b.autoExtendPercent &&
    a.autoExtendThreshold === b.autoExtendThreshold
  );
}

/** readLVMConfig: a missing or empty file is the empty config; bad JSON is Docker's wrapped error. */
export function readSetupConfig(m: Machine, driverRoot: string): { ok: true; config: DirectLvmConfig } | { ok: false; error: string } {
  const path = setupConfigPath(driverRoot);
  const text = m.host.vfs.readFile(path);
  if (failed(text)) {
    if (text.errno === 'ENOENT') return { ok: true, config: { ...EMPTY } };
    return { ok: false, error: `error reading existing setup config: read ${path}: is a directory` };
  }
  if (text.length === 0) return { ok: true, config: { ...EMPTY } };
  const decoded = goDecode(text);
  if (!decoded.ok) return { ok: false, error: `error unmarshaling previous device setup config: ${decoded.error}` };
  const j = toPlain(decoded.value);
  const o = (j && typeof j === 'object' ? j : {}) as Record<string, unknown>;
  // encoding/json matches field names case-insensitively.
  const get = (k: string) => Object.entries(o).find(([key]) => key.toLowerCase() === k.toLowerCase())?.[1];
  const num = (k: string) => (typeof get(k) === 'number' ? (get(k) as number) : 0);
  return {
    ok: true,
    config: {
      device: typeof get('Device') === 'string' ? (get('Device') as string) : '',
      thinpPercent: num('ThinpPercent'),
      thinpMetaPercent: num('ThinpMetaPercent'),
      autoExtendPercent: num('AutoExtendPercent'),
      autoExtendThreshold: num('AutoExtendThreshold'),
    },
  };
}

/** checkDevAvailable: lvmdiskscan's output must mention the device (a substring test, as bytes.Contains). */
function checkDevAvailable(m: Machine, dev: string): string | null {
  return diskscan(m.lvm).join('\n').includes(dev) ? null : `${dev} is not available for use with devicemapper`;
}

/** checkDevInVG: pvdisplay DEV naming a volume group refuses the device; pvdisplay failing is only logged. */
function checkDevInVG(m: Machine, dev: string, log: (msg: string) => void): string | null {
  const d = m.lvm.hostPort.device(dev);
  const pv = d ? m.lvm.pvs.get(d.path) : undefined;
  if (!pv) {
    log(d ? `  Failed to find physical volume "${dev}".\n` : `  Failed to find device for physical volume "${dev}".\n`);
    return null;
  }
  if (pv.vg) return `${dev} is already part of a volume group "${pv.vg}": must remove this device from any volume group or provide a different device`;
  return null;
}

/** checkDevHasFS: blkid DEV printing a TYPE= refuses the device (an LVM label counts: TYPE="LVM2_member"). */
function checkDevHasFS(m: Machine, dev: string): string | null {
  const d = m.host.blockDevices.resolve(dev);
  if (!d) return null;
  const fs = m.host.probeFilesystem(d);
  const pv = m.lvm.pvs.has(`/dev/${d.name}`);
  if (fs || pv) return `${dev} has a filesystem already, use dm.directlvm_device_force=true if you want to wipe the device`;
  return null;
}

/** verifyBlockDevice: available to lvm, in no VG, and (unless forced) without a filesystem. */
export function verifyBlockDevice(m: Machine, dev: string, force: boolean, log: (msg: string) => void = () => {}): string | null {
  return checkDevAvailable(m, dev) ?? checkDevInVG(m, dev, log) ?? (force ? null : checkDevHasFS(m, dev));
}

/** What a failed command makes of setupDirectLVM's error: errors.Wrap(err, string(out)). */
function commandError(out: LvmOutput): string {
  return `${out.text()}: exit status ${out.status}`;
}

/** The profile setupDirectLVM writes (no trailing newline). */
export function thinpoolProfile(threshold: number, percent: number): string {
  return `activation{\nthin_pool_autoextend_threshold=${threshold}\nthin_pool_autoextend_percent=${percent}\n}`;
}

/** setupDirectLVM: pvcreate -f, vgcreate docker, two lvcreates, lvconvert, the profile, lvchange --metadataprofile. */
export function setupDirectLvm(m: Machine, cfg: DirectLvmConfig): string | null {
  const lvm = m.lvm;
  const vfs = m.host.vfs;
  const mk = vfs.mkdir(LVM_PROFILE_DIR, true, 0o755);
  if (mk) return `error creating lvm profile directory: mkdir ${LVM_PROFILE_DIR}: ${mk.errno}`;
  const percent = cfg.autoExtendPercent || 20;
  const threshold = cfg.autoExtendThreshold || 80;
  const thinp = cfg.thinpPercent || 95;
  const meta = cfg.thinpMetaPercent || 1;
  const steps: (() => LvmOutput)[] = [
    () => pvcreate(lvm, [cfg.device], 1),
    () => vgcreate(lvm, 'docker', [cfg.device]),
    () => lvcreate(lvm, { vg: 'docker', name: 'thinpool', extents: parseExtentsArg(`${thinp}%VG`)! }),
    () => lvcreate(lvm, { vg: 'docker', name: 'thinpoolmeta', extents: parseExtentsArg(`${meta}%VG`)! }),
    () => lvconvertThinPool(lvm, { pool: 'docker/thinpool', metadata: 'docker/thinpoolmeta', chunkSize: CHUNK, zero: false, yes: true, answer: '' }),
  ];
  for (const step of steps) {
    const out = step();
    if (!out.ok) return commandError(out);
  }
  const path = `${LVM_PROFILE_DIR}/docker-thinpool.profile`;
  const w = vfs.writeFile(path, thinpoolProfile(threshold, percent));
  if (w) return `error writing docker thinp autoextend profile: open ${path}: ${w.errno}`;
  const node = vfs.lookup(path);
  if (!failed(node)) node.mode = 0o600;
  const out = lvchange(lvm, { lvs: ['docker/thinpool'], profile: 'docker-thinpool' });
  return out.ok ? null : commandError(out);
}

/**
 * The direct-lvm part of initDevmapper: compares the options with setup-config.json, builds the pool the first
 * time, refuses a changed configuration, and points the driver at docker-thinpool. Returns the start error, or null.
 */
export function prepareDirectLvm(m: Machine, opts: DmOptions, driverRoot: string, log: (level: 'error' | 'debug', msg: string) => void): string | null {
  const vfs = m.host.vfs;
  vfs.mkdir(driverRoot, true, 0o700);
  vfs.mkdir(`${driverRoot}/metadata`, true, 0o700);
  const prev = readSetupConfig(m, driverRoot);
  if (!prev.ok) return prev.error;
  const cfg = opts.directLvm;
  if (isEmpty(cfg)) return null;
  if (opts.thinPoolDevice) return 'cannot setup direct-lvm when `dm.thinpooldev` is also specified';
  if (!sameConfig(prev.config, cfg)) {
    if (!isEmpty(prev.config)) return 'changing direct-lvm config is not supported';
    log('debug', `devmapper: Setting up direct lvm mode`);
    const bad = verifyBlockDevice(m, cfg.device, opts.directLvmForce, (msg) => log('error', msg));
    if (bad) return bad;
    const err = setupDirectLvm(m, cfg);
    if (err) return err;
    const w = vfs.writeFile(setupConfigPath(driverRoot), setupConfigJson(cfg));
    if (w) return `error writing direct lvm config to file: open ${setupConfigPath(driverRoot)}: ${w.errno}`;
    const node = vfs.lookup(setupConfigPath(driverRoot));
    if (!failed(node)) node.mode = 0o600;
  }
  opts.thinPoolDevice = DIRECT_LVM_POOL;
  log('debug', `devmapper: Setting dm.thinpooldev to "${DIRECT_LVM_POOL}"`);
  return null;
}
