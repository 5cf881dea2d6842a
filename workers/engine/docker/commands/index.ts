// Commands the docker layer adds to the shell: the docker client and systemd's view of the daemon (device_tool and the
// docker layer's sim subcommands are tools.ts, which the worker bundle loads on first use).
import type { CommandTable } from '../../shell/types';
import { dockerCommand } from '../cli/dockerCommand';
import { systemctlCommand, serviceCommand } from '../cli/systemctl';
import { journalctlCommand } from '../cli/journalctl';

export const commands: CommandTable = {
  docker: dockerCommand,
  systemctl: systemctlCommand,
  service: serviceCommand,
  journalctl: journalctlCommand,
};
