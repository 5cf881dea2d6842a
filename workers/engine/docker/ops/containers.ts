// Container lifecycle on the graph driver: create (-init then rw snapshot), start/stop (mount), rm (delete devices).
import type { Docker } from '../docker';
import type { ContainerRecord, ImageRecord } from '../store';
import { pull } from './pull';

/** What `docker create`/`run` was asked for. */
export interface CreateSpec {
  image: string;
  name?: string;
  cmd: string[];
  storageSize?: number;
  privileged: boolean;
  autoRemove: boolean;
}

/** Output of an operation: stdout/stderr lines and success. */
export interface OpResult {
  ok: boolean;
  out: string[];
  err: string[];
  container?: ContainerRecord;
}

const adjectives = ['admiring', 'boring', 'eager', 'elegant', 'festive', 'gallant', 'happy', 'jolly', 'keen', 'modest', 'nervous', 'quirky', 'sharp', 'stoic', 'vibrant', 'zealous'];
const scientists = ['albattani', 'bohr', 'curie', 'darwin', 'einstein', 'euclid', 'hopper', 'kilby', 'lovelace', 'mayer', 'noether', 'pasteur', 'ritchie', 'tesla', 'turing', 'wozniak'];

/** Docker's generated names ("adjective_scientist"), drawn from the id so replays name containers the same. */
function generatedName(id: string, taken: (n: string) => boolean): string {
  const a = parseInt(id.slice(0, 4), 16);
  const b = parseInt(id.slice(4, 8), 16);
  let name = `${adjectives[a % adjectives.length]}_${scientists[b % scientists.length]}`;
  for (let i = 1; taken(name); i++) name = `${adjectives[a % adjectives.length]}_${scientists[b % scientists.length]}${i}`;
  return name;
}

/** Files and directories Docker's initlayer.Setup puts in every -init layer. */
const initEntries = { dirs: ['/dev/pts', '/dev/shm', '/proc', '/sys', '/etc'], files: ['/.dockerenv', '/etc/resolv.conf', '/etc/hosts', '/etc/hostname', '/dev/console'] };

/** docker create: finds or pulls the image, snapshots an -init device from its top layer, then the container's own. */
export function createContainer(docker: Docker, spec: CreateSpec): OpResult {
  const store = docker.store();
  const out: string[] = [];
  const err: string[] = [];
  if (spec.name !== undefined && !/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(spec.name)) {
    return { ok: false, out, err: [`Error response from daemon: Invalid container name (${spec.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`] };
  }
  const name = spec.name?.replace(/^\//, '');
  if (name) {
    const clash = [...store.containers.values()].find((c) => c.name === name);
    if (clash) {
      return { ok: false, out, err: [`Error response from daemon: Conflict. The container name "/${name}" is already in use by container ${clash.id}. You have to remove (or rename) that container to be able to reuse that name.`] };
    }
  }
  let image: ImageRecord | undefined = store.findImage(spec.image);
  if (!image) {
    const ref = spec.image.includes(':') ? spec.image : `${spec.image}:latest`;
    err.push(`Unable to find image '${ref}' locally`);
    const p = pull(docker, spec.image);
    err.push(...p.out.filter((l) => l !== 'Using default tag: latest'));
    if (!p.ok || !p.image) return { ok: false, out, err: [...err, ...p.err] };
    image = p.image;
  }
  const id = docker.ids.hex64();
  const mountId = docker.ids.hex64();
  const driver = docker.driver!;
  const top = image.layers.length ? store.layers.get(image.layers[image.layers.length - 1])!.cacheId : '';
  const e1 = driver.createReadWrite(`${mountId}-init`, top, spec.storageSize);
  if (e1) return { ok: false, out, err: [...err, `Error response from daemon: ${e1}`] };
  const mounted = driver.get(`${mountId}-init`);
  if (!('error' in mounted)) {
    const fs = driver.fs(`${mountId}-init`);
    if (fs) {
      for (const d of initEntries.dirs) if (!fs.exists(d)) fs.mkdir(d, true, docker.machine.clock.now);
      for (const f of initEntries.files) if (!fs.exists(f)) fs.writeText(f, '', docker.machine.clock.now);
    }
    driver.put(`${mountId}-init`);
  }
  const e2 = driver.createReadWrite(mountId, `${mountId}-init`, spec.storageSize);
  if (e2) {
    driver.remove(`${mountId}-init`);
    return { ok: false, out, err: [...err, `Error response from daemon: ${e2}`] };
  }
  for (const cid of image.layers) store.layers.get(cid)!.refs++;
  const c: ContainerRecord = {
    id,
    name: name ?? generatedName(id, (n) => [...store.containers.values()].some((x) => x.name === n)),
    imageId: image.id,
    imageRef: spec.image,
    cmd: spec.cmd.length ? spec.cmd : image.cmd,
    created: docker.machine.clock.now,
    state: 'created',
    exitCode: 0,
    startedAt: 0,
    finishedAt: 0,
    mountId,
    storageSize: spec.storageSize,
    autoRemove: spec.autoRemove,
    privileged: spec.privileged,
  };
  store.containers.set(id, c);
  docker.machine.events.emit({ type: 'container', action: 'create', id, name: c.name });
  return { ok: true, out, err, container: c };
}

/** Commands that keep running in the background (everything else exits at once in the sandbox). */
export function isLongRunning(cmd: string[]): boolean {
  const c = cmd.join(' ');
  return /^(\/bin\/)?(sleep|tail -f|top|nginx|httpd|sh$|bash$|\/bin\/sh$|\/bin\/bash$|cat$)/.test(c) || /daemon off/.test(c);
}

/** docker start: mounts the rw device and marks the container running. */
export function startContainer(docker: Docker, c: ContainerRecord, interactive = false): string | null {
  if (c.state === 'running') return null;
  const m = docker.driver!.get(c.mountId);
  if ('error' in m) return `Error response from daemon: ${m.error}`;
  c.state = 'running';
  c.startedAt = docker.machine.clock.now;
  docker.machine.events.emit({ type: 'container', action: 'start', id: c.id, name: c.name });
  if (!interactive && !isLongRunning(c.cmd)) {
    // A short command runs to its end right away: the container exits and its device is unmounted.
    stopContainer(docker, c, 0);
  }
  return null;
}

/** docker stop / the end of the container's command: unmount and record the exit. */
export function stopContainer(docker: Docker, c: ContainerRecord, exitCode: number): void {
  if (c.state !== 'running') return;
  docker.driver!.put(c.mountId);
  c.state = 'exited';
  c.exitCode = exitCode;
  c.finishedAt = docker.machine.clock.now;
  docker.machine.events.emit({ type: 'container', action: 'stop', id: c.id, name: c.name });
  if (c.autoRemove) removeContainer(docker, c, false);
}

/** docker rm: deletes the rw and -init devices (loop mode discards them first). */
export function removeContainer(docker: Docker, c: ContainerRecord, force: boolean): string | null {
  if (c.state === 'running') {
    if (!force) return `Error response from daemon: You cannot remove a running container ${c.id}. Stop the container before attempting removal or use -f`;
    stopContainer(docker, c, 137);
    if (c.autoRemove) return null;
  }
  const store = docker.store();
  const driver = docker.driver!;
  for (const id of [c.mountId, `${c.mountId}-init`]) {
    const e = driver.remove(id);
    if (e) return `Error response from daemon: Driver devicemapper failed to remove root filesystem ${c.id}: ${e}`;
  }
  const image = store.images.get(c.imageId);
  for (const cid of image?.layers ?? []) {
    const l = store.layers.get(cid);
    if (l) l.refs--;
  }
  store.containers.delete(c.id);
  docker.machine.events.emit({ type: 'container', action: 'remove', id: c.id, name: c.name });
  return null;
}
