// The whole simulated machine: host → dm → lvm → docker, sharing one event log and one clock.
import { Clock } from './clock';
import { EventLog } from './events';
import { Journal } from './journal';
import { defaultProfile, type HostProfile } from './profile';
import { Host } from './host/host';
import { DeviceMapper } from './dm/deviceMapper';
import { Lvm } from './lvm/lvm';
import { Docker } from './docker/docker';

/** Owns every layer; each layer talks only to the ones below it. */
export class Machine {
  readonly events = new EventLog();
  readonly profile: HostProfile;
  readonly clock: Clock;
  readonly journal: Journal;
  readonly host: Host;
  readonly dm: DeviceMapper;
  readonly lvm: Lvm;
  readonly docker: Docker;

  constructor(profile: Partial<HostProfile> = {}) {
    this.profile = { ...defaultProfile(), ...profile };
    this.clock = new Clock(this.profile.bootTime);
    this.journal = new Journal(this.clock, this.profile.hostname, this.profile.bootTime);
    this.host = new Host(this.events, this.profile, this.clock);
    this.dm = new DeviceMapper(this.events, this.host);
    this.lvm = new Lvm(this.events, this.host, this.dm, this.profile, this.journal);
    this.docker = new Docker(this);
  }
}
