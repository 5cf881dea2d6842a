import { describe, expect, it } from 'vitest';
import { loadLazyFor, wordsRe } from './lazyLayers';
import type { CommandContext } from './types';
import { Machine } from '../machine';
import * as realText from './commands/textTools';
import * as lazyText from './lazy/textTools';
import * as realLvm from '../lvm/commands/index';
import * as lazyLvm from '../lvm/lazy/commands';
import * as realThin from '../thintools/commands/index';
import * as lazyThin from '../thintools/lazy/commands';
import * as realHost from '../host/commands/index';
import * as lazyHost from '../host/lazy/commands';
import * as realDm from '../dm/commands/index';
import * as lazyDm from '../dm/lazy/commands';
import * as realDockerTools from '../docker/commands/tools';
import * as lazyDockerTools from '../docker/lazy/tools';

const names = (t: object) => Object.keys(t).sort();

describe('lazy command layers (the worker bundle’s stand-ins)', () => {
  it('stand for exactly the commands of the real layers', () => {
    expect(names(lazyText.commands)).toEqual(names(realText.commands));
    expect(names(lazyLvm.commands)).toEqual(names(realLvm.commands));
    expect(names(lazyThin.commands)).toEqual(names(realThin.commands));
    expect(names(lazyThin.simCommands)).toEqual(names(realThin.simCommands ?? {}));
    expect(names(lazyHost.commands)).toEqual(names(realHost.commands));
    expect(names(lazyDm.commands)).toEqual(names(realDm.commands));
    expect(names(lazyDockerTools.commands)).toEqual(names(realDockerTools.commands));
  });

  it('list the real sim subcommands with the same synopsis before they load', () => {
    const synopsis = (t: Record<string, { usage: string; help: string }>) =>
      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { usage: v.usage, help: v.help }]));
    expect(synopsis(lazyHost.simCommands)).toEqual(synopsis(realHost.simCommands));
    expect(synopsis(lazyThin.simCommands)).toEqual(synopsis(realThin.simCommands ?? {}));
    expect(synopsis(lazyDockerTools.simCommands)).toEqual(synopsis(realDockerTools.simCommands));
  });

  it('load the host layer for a script that only uses `sim disk`', async () => {
    await loadLazyFor('sim disk xvdg 100G');
    const out: string[] = [];
    const status = lazyHost.commands.blkid({
      argv: ['blkid', '/dev/nonexistent'],
      stdin: '',
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      env: {},
      cwd: '/',
      machine: new Machine(),
    });
    expect(out.join('')).not.toContain('still loading');
    expect(status).toBe(2);
  });

  it('see a command named anywhere in a script, as a whole word only', () => {
    const re = wordsRe(['awk', 'apt-get', 'lvs']);
    expect(re.test("docker info | awk '/Pool Name/ {print $3}'")).toBe(true);
    expect(re.test('n=$(lvs --noheadings)')).toBe(true);
    expect(re.test('sudo /usr/bin/awk 1 f')).toBe(true);
    expect(re.test('apt-get install -y thin-provisioning-tools')).toBe(true);
    expect(re.test('gawk 1; lvs-old; awk.sh; apt-getter')).toBe(false);
  });

  it('a stand-in run before loading says so and fails; after loading it is the real command', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const ctx = (argv: string[]): CommandContext => ({
      argv,
      stdin: 'a b\nc d\n',
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      cwd: '/',
      machine: new Machine(),
    });
    expect(lazyText.commands.sed(ctx(['sed', 's/a/x/']))).toBe(1);
    expect(err.join('')).toBe('sed: the text tools are still loading; run the command again\n');
    await loadLazyFor('echo hi | sed s/h/j/');
    expect(lazyText.commands.awk(ctx(['awk', '{print $2}']))).toBe(0);
    expect(out.join('')).toBe('b\nd\n');
  });

  it('sim import-pool brings the commands it runs by name (dmsetup, losetup, truncate) with the thin tools', async () => {
    await loadLazyFor('sim import-pool /root/pool.xml');
    const err: string[] = [];
    const ctx = (argv: string[]): CommandContext => ({
      argv,
      stdin: '',
      out: () => undefined,
      err: (t) => err.push(t),
      env: {},
      cwd: '/',
      machine: new Machine(),
    });
    expect(lazyDm.commands.dmsetup(ctx(['dmsetup', 'ls']))).toBe(0);
    expect(lazyHost.commands.losetup(ctx(['losetup', '-a']))).toBe(0);
    expect(err.join('')).toBe('');
  });
});

describe('the docker client’s formatting stand-in', () => {
  it('offers the real module’s printers, and loads for scripts that format', async () => {
    const real = await import('../docker/cli/formatting');
    const lazy = await import('../docker/cli/lazy/formatting');
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(real).sort());
    const err: string[] = [];
    const machine = new Machine();
    const ctx: CommandContext = {
      argv: ['docker', 'ps'],
      stdin: '',
      out: () => undefined,
      err: (t) => err.push(t),
      env: {},
      cwd: '/',
      machine,
    };
    await loadLazyFor("docker ps --format '{{.Names}}'");
    expect(lazy.listContainers(machine.docker, ctx, {})).toBe(0);
    expect(err).toEqual([]);
  });
});
