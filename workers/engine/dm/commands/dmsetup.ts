// `dmsetup`: ls, status, table, info (-c), create, remove, suspend, resume, reload/load, message, version, mknodes.
import type { CommandContext } from '../../shell/types';
import type { DeviceMapper } from '../deviceMapper';
import { commandFailed } from '../libdm';
import { infoColumns, infoLong } from './dmsetupInfo';
import { driverVersion } from './driverVersion';

/** Parsed dmsetup switches. */
interface Switches {
  table?: string;
  uuid?: string;
  target?: string;
  readOnly: boolean;
  columns: boolean;
  noHeadings: boolean;
  force: boolean;
  inactive: boolean;
}

// [name, min args, max args (−1 = any)], as dmsetup's command table
const commandSpecs: Record<string, [number, number]> = {
  create: [1, 2],
  remove: [0, -1],
  suspend: [0, -1],
  resume: [0, -1],
  load: [0, 2],
  reload: [0, 2],
  message: [2, -1],
  ls: [0, 0],
  info: [0, -1],
  status: [0, -1],
  table: [0, -1],
  mknodes: [0, -1],
  version: [0, 0],
  help: [0, 0],
  targets: [0, 0],
};

const usageText = `Usage:

dmsetup [--version] [-h|--help [-c|-C|--columns]]
        [-v|--verbose [-v|--verbose ...]]
        [--checks] [--manglename <mangling_mode>]
        [-r|--readonly] [--noopencount] [--nolockfs] [--inactive]
        [--udevcookie [cookie]] [--noudevrules] [--noudevsync] [--verifyudev]
        [-y|--yes] [--readahead [+]<sectors>|auto|none] [--retry]
        [-c|-C|--columns] [-o <fields>] [-O|--sort <sort_fields>]
        [--nameprefixes] [--noheadings] [--separator <separator>]

	help [-c|-C|--columns]
	create <dev_name> [-j|--major <major> -m|--minor <minor>]
	  [-U|--uid <uid>] [-G|--gid <gid>] [-M|--mode <octal_mode>]
	  [-u|uuid <uuid>] [{--addnodeonresume|--addnodeoncreate}]
	  [--notable | --table <table> | <table_file>]
	remove [-f|--force] [--deferred] <device>
	remove_all [-f|--force]
	suspend [--noflush] <device>
	resume <device> [{--addnodeonresume|--addnodeoncreate}]
	load <device> [<table_file>]
	clear <device>
	reload <device> [<table_file>]
	wipe_table <device>
	rename <device> [--setuuid] <new_name_or_uuid>
	message <device> <sector> <message>
	ls [--target <target_type>] [--exec <command>] [-o options] [--tree]
	info [<device>]
	deps [-o options] [<device>]
	status [<device>] [--noflush] [--target <target_type>]
	table [<device>] [--target <target_type>] [--showkeys]
	wait <device> [<event_nr>] [--noflush]
	mknodes [<device>]
	udevcomplete_all <age_in_minutes>
	targets
	version

<device> may be device name or -u <uuid> or -j <major> -m <minor>
<mangling_mode> is one of 'none', 'auto' and 'hex'.
<fields> are comma-separated.  Use 'help -c' for list.
Table_file contents may be supplied on stdin.
Options are: devno, devname, blkdevname.
Tree specific options are: ascii, utf, vt100; compact, inverted, notrunc;
                           blkdevname, [no]device, active, open, rw and uuid.

`;

const withValue = new Set(['--table', '-u', '--uuid', '--target', '-o', '--options', '-O', '--sort', '--readahead', '-j', '--major', '-m', '--minor', '--separator', '--udevcookie']);

function parseArgs(argv: string[]): { sw: Switches; args: string[] } | string {
  const sw: Switches = { readOnly: false, columns: false, noHeadings: false, force: false, inactive: false };
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      value = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    if (withValue.has(a)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) return `dmsetup: option '${a}' requires an argument`;
        value = argv[++i];
      }
      if (a === '--table') sw.table = value;
      else if (a === '-u' || a === '--uuid') sw.uuid = value;
      else if (a === '--target') sw.target = value;
      continue;
    }
    if (a === '-r' || a === '--readonly') sw.readOnly = true;
    else if (a === '-c' || a === '-C' || a === '--columns') sw.columns = true;
    else if (a === '--noheadings') sw.noHeadings = true;
    else if (a === '-f' || a === '--force') sw.force = true;
    else if (a === '--inactive') sw.inactive = true;
    else if (/^-(v+|y)$/.test(a) || ['--verbose', '--yes', '--noudevsync', '--noudevrules', '--noopencount', '--nolockfs', '--noflush', '--retry', '--deferred', '--showkeys', '--checks', '--verifyudev', '--addnodeoncreate', '--addnodeonresume', '--notable', '-n'].includes(a)) continue;
    else if (a.startsWith('-') && a !== '-' && !/^-?\d+$/.test(a)) return a.startsWith('--') ? `dmsetup: unrecognized option '${a}'` : `dmsetup: invalid option -- '${a.slice(1, 2)}'`;
    else args.push(a);
  }
  return { sw, args };
}

/** The dmsetup command. */
export function dmsetup(ctx: CommandContext): number {
  const dm = ctx.machine.dm;
  const v = dm.libdmVersion;
  const fail = (...lines: string[]): number => {
    for (const l of lines) ctx.err(l + '\n');
    ctx.err(commandFailed(v) + '\n');
    return 1;
  };
  const parsed = parseArgs(ctx.argv.slice(1));
  if (typeof parsed === 'string') {
    ctx.err(parsed + '\n' + usageText);
    return 1;
  }
  const { sw, args } = parsed;
  if (args.length === 0) {
    ctx.err('Missing command.\n' + usageText);
    return 1;
  }
  const cmd = args[0];
  const spec = commandSpecs[cmd];
  if (!spec) {
    ctx.err('Unknown command\n' + usageText);
    return 1;
  }
  const rest = args.slice(1);
  if (rest.length < spec[0] || (spec[1] >= 0 && rest.length > spec[1])) {
    ctx.err('Incorrect number of arguments\n' + usageText);
    return 1;
  }
  switch (cmd) {
    case 'help':
      ctx.err(usageText);
      return 0;
    case 'version':
      ctx.out(`Library version:   ${v}\nDriver version:    ${driverVersion(ctx.machine.profile.kernelVersion)}\n`);
      return 0;
    case 'targets':
      ctx.out(['thin-pool        v1.19.0', 'thin             v1.19.0', 'striped          v1.6.0', 'linear           v1.3.0', 'error            v1.5.0'].join('\n') + '\n');
      return 0;
    case 'mknodes':
      return 0;
    case 'ls':
      return ls(ctx, dm, sw);
    case 'status':
    case 'table':
      return statusOrTable(ctx, dm, cmd, rest, sw, fail);
    case 'info':
      return info(ctx, dm, rest, sw, fail);
    case 'create': {
      const table = sw.table ?? (rest[1] !== undefined ? undefined : ctx.stdin);
      if (table === undefined) return fail(`Couldn't open '${rest[1]}' for reading`);
      const e = dm.create(rest[0], table, { uuid: sw.uuid, readOnly: sw.readOnly });
      return e ? fail(...e.split('\n')) : 0;
    }
    case 'load':
    case 'reload': {
      if (rest.length === 0) {
        ctx.err('Please specify device.\n\n');
        return fail();
      }
      const table = sw.table ?? (rest[1] !== undefined ? undefined : ctx.stdin);
      if (table === undefined) return fail(`Couldn't open '${rest[1]}' for reading`);
      const e = dm.reload(rest[0], table);
      return e ? fail(...e.split('\n')) : 0;
    }
    case 'remove':
    case 'suspend':
    case 'resume': {
      if (rest.length === 0) return fail('No device specified.');
      let rc = 0;
      for (const name of rest) {
        const e = cmd === 'remove' ? dm.remove(name) : cmd === 'suspend' ? dm.suspend(name) : dm.resume(name);
        if (e) {
          ctx.err(e + '\n');
          rc = 1;
        }
      }
      if (rc) ctx.err(commandFailed(v) + '\n');
      return rc;
    }
    case 'message': {
      const [name, sectorText, ...words] = rest;
      if (!/^\d+$/.test(sectorText)) return fail('invalid sector');
      if (words.length === 0) ctx.err('No message supplied.\n\n');
      const e = dm.message(name, Number(sectorText), words.join(' '));
      return e ? fail(e) : 0;
    }
  }
  return 0;
}

function ls(ctx: CommandContext, dm: DeviceMapper, sw: Switches): number {
  const devs = dm.list().filter((d) => !sw.target || (d.live ?? []).some((t) => t.type === sw.target));
  if (dm.list().length === 0) {
    ctx.out('No devices found\n');
    return 0;
  }
  for (const d of devs) ctx.out(`${d.name}\t(${d.major}:${d.minor})\n`);
  return 0;
}

function statusOrTable(
  ctx: CommandContext,
  dm: DeviceMapper,
  cmd: 'status' | 'table',
  names: string[],
  sw: Switches,
  fail: (...l: string[]) => number,
): number {
  const all = names.length === 0;
  const targets = all ? dm.list().map((d) => d.name) : names;
  if (all && targets.length === 0) {
    ctx.out('No devices found\n');
    return 0;
  }
  const multiple = all || names.length > 1;
  let rc = 0;
  for (const name of targets) {
    const lines = cmd === 'status' ? (sw.inactive ? [] : dm.status(name)) : dm.table(name, sw.inactive);
    if (lines === null) {
      rc = fail('Device does not exist.');
      continue;
    }
    const shown = sw.target ? lines.filter((l) => l.split(' ')[2] === sw.target) : lines;
    if (shown.length === 0 && !sw.target) ctx.out(multiple ? `${name}: \n` : '\n');
    for (const l of shown) ctx.out(multiple ? `${name}: ${l}\n` : `${l}\n`);
  }
  return rc;
}

function info(ctx: CommandContext, dm: DeviceMapper, names: string[], sw: Switches, fail: (...l: string[]) => number): number {
  const all = names.length === 0;
  const list = all ? dm.list().map((d) => d.name) : names;
  if (all && list.length === 0) {
    ctx.out('No devices found\n');
    return 0;
  }
  const infos = list.map((n) => dm.info(n));
  let rc = 0;
  if (sw.columns) {
    const present = infos.filter((i) => i !== null);
    if (present.length) ctx.out(infoColumns(present, !sw.noHeadings));
    for (const i of infos) if (!i) rc = fail('Device does not exist.');
    return rc;
  }
  for (const i of infos) {
    if (i) ctx.out(infoLong(i));
    else rc = fail('Device does not exist.');
  }
  return rc;
}
