// STUB — replaced by the docker layer (daemon, deviceset, images, containers).
import type { Machine } from '../machine';

export class Docker {
  constructor(readonly machine: Machine) {}
}
