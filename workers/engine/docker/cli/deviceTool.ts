// contrib/docker-device-tool: status, list, device, resize of a loop-lvm pool (opens the deviceset without init).
import type { CommandContext } from '../../shell/types';
import { failed } from '../../host/errno';
import type { DeviceSet } from '../devmapper/deviceSet';

const KB = 1024;
const units: Record<string, number> = { '': 1, k: KB, kb: KB, m: KB ** 2, mb: KB ** 2, g: KB ** 3, gb: KB ** 3, t: KB ** 4, tb: KB ** 4 };

/** device_tool's byteSizeFromString: digits then an optional binary unit. */
export function deviceToolSize(arg: string): { bytes: number } | { error: string } {
  const m = /^(\d*)(.*)$/.exec(arg.trim())!;
  const unit = m[2].toLowerCase();
  if (!m[1]) return { error: `strconv.ParseInt: parsing "": invalid syntax` };
  if (!(unit in units)) return { error: `Unknown size unit: ${m[2]}` };
  return { bytes: Number(m[1]) * units[unit] };
}

function usage(ctx: CommandContext): number {
  ctx.err(`Usage: ${ctx.argv[0]} <flags>  [status] | [list] | [device id]  | [resize new-pool-size] | [snap new-id base-id] | [remove id] | [mount id mountpoint]\n  -D\tDebug mode\n  -r string\n    \tDocker root dir (default "/var/lib/docker")\n`);
  return 1;
}

/** ResizePool (deviceset.go l.1279): grow the data file, LOOP_SET_CAPACITY, then suspend/reload/resume the pool. */
function resizePool(ctx: CommandContext, ds: DeviceSet, size: number): string | null {
  const m = ctx.machine;
  const file = ds.dataLoopFile;
  const st = m.host.vfs.stat(file);
  if (failed(st)) return `devmapper: Unable to find loopback mount for: ${file}`;
  if (st.size > size) return "devmapper: Can't shrink file";
  const loop = m.host.loops.list().find((l) => l.file === file);
  const metaLoop = m.host.loops.list().find((l) => l.file === ds.metadataLoopFile);
  if (!loop || !metaLoop) return `devmapper: Unable to find loopback mount for: ${file}`;
  const t = m.host.vfs.truncate(file, size, false);
  if (t) return `devmapper: Unable to grow loopback file: ${t.errno}`;
  const c = m.host.loops.setCapacity(loop.name);
  if (c) return `Unable to update loopback capacity: ${c.errno}`;
  const pool = ds.poolName;
  const bs = ds.pool()?.dataBlockSize ?? 128;
  if (m.dm.suspend(pool)) return 'devmapper: Unable to suspend pool: Error running deviceSuspend dm_task_run failed';
  const table = `0 ${Math.floor(loop.size / 512)} thin-pool ${metaLoop.major}:${metaLoop.minor} ${loop.major}:${loop.minor} ${bs} 32768 1 skip_block_zeroing`;
  if (m.dm.reload(pool, table)) {
    m.dm.resume(pool);
    return 'devmapper: Unable to reload pool: Error running deviceCreate (ReloadPool) dm_task_run failed';
  }
  if (m.dm.resume(pool)) return 'devmapper: Unable to resume pool: Error running deviceResume dm_task_run failed';
  return null;
}

/** `device_tool` / `./device_tool`. */
export function deviceToolCommand(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => a !== '-D');
  const r = args.indexOf('-r');
  if (r >= 0) args.splice(r, 2);
  if (!args.length) return usage(ctx);
  const [cmd, ...rest] = args;
  if (!['status', 'list', 'device', 'resize', 'snap', 'remove', 'mount'].includes(cmd)) {
    ctx.out(`Unknown command ${cmd}\n`);
    return usage(ctx);
  }
  const docker = ctx.machine.docker;
  const ds = docker.deviceSet;
  if (!ds) {
    const file = '/var/lib/docker/devicemapper/devicemapper/data';
    const why = ctx.machine.host.vfs.exists(file) ? `devmapper: Non existing device docker-pool` : 'loopback data file not found';
    ctx.out(`Can't initialize device mapper:  ${why}\n`);
    return 1;
  }
  const pool = ds.pool();
  switch (cmd) {
    case 'status': {
      const s = pool!.stats();
      const pct = (a: number, b: number) => ((a * 100) / b).toFixed(1);
      ctx.out(
        `Pool name: ${ds.poolName}\nData Loopback file: ${ds.dataLoopFile}\nMetadata Loopback file: ${ds.metadataLoopFile}\n` +
          `Sector size: ${pool!.blockBytes}\nData use: ${s.usedData} of ${s.totalData} (${pct(s.usedData, s.totalData)} %)\n` +
          `Metadata use: ${s.usedMetadata} of ${s.totalMetadata} (${pct(s.usedMetadata, s.totalMetadata)} %)\n`,
      );
      return 0;
    }
    case 'list':
      ctx.out(ds.list().map((d) => d.hash).sort().map((h) => h + '\n').join(''));
      return 0;
    case 'device': {
      if (rest.length < 1) return usage(ctx);
      const d = ds.lookup(rest[0] === 'base' ? '' : rest[0]);
      if (!d) {
        ctx.out(`Can't get device info:  devmapper: Unknown device ${rest[0]}\n`);
        return 1;
      }
      const st = pool!.deviceStats(d.deviceId);
      const bs = pool!.dataBlockSize;
      ctx.out(`Id: ${d.deviceId}\nSize: ${d.size}\nTransaction Id: ${d.transactionId}\nSize in Sectors: ${d.size / 512}\nMapped Sectors: ${(st?.mapped ?? 0) * bs}\nHighest Mapped Sector: ${st && st.highest >= 0 ? (st.highest + 1) * bs - 1 : 0}\n`);
      return 0;
    }
    case 'resize': {
      if (rest.length < 1) return usage(ctx);
      const size = deviceToolSize(rest[0]);
      if ('error' in size) {
        ctx.out(`Invalid size:  ${size.error}\n`);
        return 1;
      }
      const err = resizePool(ctx, ds, size.bytes);
      if (err) {
        ctx.out(`Error resizing pool:  ${err}\n`);
        return 1;
      }
      return 0;
    }
    default:
      ctx.out(`${cmd}: not modelled in this sandbox\n`);
      return 1;
  }
}
