// The docker layer's tools beside the client: device_tool (Docker's contrib resize tool) and the sim subcommands that
// act on containers' thin devices or the host (read, write, discard, docker-version, reboot).
import type { CommandTable } from '../../shell/types';
import type { SimTable } from '../../shell/sim';
import { deviceToolCommand } from '../cli/deviceTool';
import { dockerSimCommands } from '../cli/sim';

export const commands: CommandTable = {
  device_tool: deviceToolCommand,
  './device_tool': deviceToolCommand,
};

export const simCommands: SimTable = dockerSimCommands;
