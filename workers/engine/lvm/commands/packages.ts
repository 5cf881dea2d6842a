// yum / apt-get install of the seed's packages: lvm2 and the thin tools are already on the host.
import type { CommandHandler } from '../../shell/types';

const rpm: Record<string, (v: { lvm: string; thin: string }) => string> = {
  lvm2: (v) => `7:lvm2-${v.lvm}-1.el7.x86_64`,
  'device-mapper-persistent-data': (v) => `device-mapper-persistent-data-${v.thin}-1.el7.x86_64`,
};
const deb: Record<string, (v: { lvm: string; thin: string }) => string> = {
  lvm2: (v) => `lvm2 is already the newest version (${v.lvm}-1).`,
  'thin-provisioning-tools': (v) => `thin-provisioning-tools is already the newest version (${v.thin}-1).`,
};

/** yum install [-y] PKG…: the lvm packages are installed; anything else is unknown here. */
export const yum: CommandHandler = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (args[0] !== 'install' || args.length < 2) {
    ctx.err('Loaded plugins: amazon-id, rhui-lb, search-disabled-repos\nError: Need to pass a list of pkgs to install\n');
    return 1;
  }
  const v = { lvm: ctx.machine.profile.lvmVersion, thin: ctx.machine.profile.thinToolsVersion };
  let out = 'Loaded plugins: amazon-id, rhui-lb, search-disabled-repos\n';
  let unknown = 0;
  for (const pkg of args.slice(1)) {
    if (rpm[pkg]) out += `Package ${rpm[pkg](v)} already installed and latest version\n`;
    else {
      out += `No package ${pkg} available.\n`;
      unknown++;
    }
  }
  ctx.out(out);
  if (unknown === args.length - 1) {
    ctx.err('Error: Nothing to do\n');
    return 1;
  }
  ctx.out('Nothing to do\n');
  return 0;
};

/** apt-get install [-y] PKG…. */
export const aptGet: CommandHandler = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (args[0] !== 'install') {
    ctx.err(`E: Invalid operation ${args[0] ?? ''}\n`);
    return 100;
  }
  const v = { lvm: ctx.machine.profile.lvmVersion, thin: ctx.machine.profile.thinToolsVersion };
  let out = 'Reading package lists... Done\nBuilding dependency tree       \nReading state information... Done\n';
  for (const pkg of args.slice(1)) {
    if (!deb[pkg]) {
      ctx.out(out);
      ctx.err(`E: Unable to locate package ${pkg}\n`);
      return 100;
    }
    out += `${deb[pkg](v)}\n`;
  }
  out += '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n';
  ctx.out(out);
  return 0;
};
