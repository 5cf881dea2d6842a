// Commands the docker layer adds to the shell: the docker client, systemd's view of the daemon, device_tool, sim I/O.
import type { CommandTable } from '../../shell/types';
import type { SimTable } from '../../shell/sim';
import { dockerCommand } from '../cli/dockerCommand';
import { systemctlCommand, serviceCommand } from '../cli/systemctl';
import { journalctlCommand } from '../cli/journalctl';
import { deviceToolCommand } from '../cli/deviceTool';
import { dockerSimCommands } from '../cli/sim';

export const commands: CommandTable = {
  docker: dockerCommand,
  systemctl: systemctlCommand,
  service: serviceCommand,
  journalctl: journalctlCommand,
  device_tool: deviceToolCommand,
  './device_tool': deviceToolCommand,
};

export const simCommands: SimTable = dockerSimCommands;
