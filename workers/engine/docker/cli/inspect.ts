// docker inspect: the JSON of a container or an image, with the GraphDriver data of the driver in use.
import type { Docker } from '../docker';
import type { ContainerRecord, ImageRecord } from '../store';

function iso(t: number): string {
  return t ? new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, '.000000000Z') : '0001-01-01T00:00:00Z';
}

/** The parts of a container's inspect JSON the sandbox models. */
export function inspectContainer(docker: Docker, c: ContainerRecord): Record<string, unknown> {
  const d = docker.driver!;
  return {
    Id: c.id,
    Created: iso(c.created),
    Path: c.cmd[0] ?? '',
    Args: c.cmd.slice(1),
    State: {
      Status: c.state,
      Running: c.state === 'running',
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: c.state === 'running' ? 2000 + (parseInt(c.id.slice(0, 3), 16) % 3000) : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: iso(c.startedAt),
      FinishedAt: iso(c.finishedAt),
    },
    Image: c.imageId,
    Name: `/${c.name}`,
    Driver: d.name,
    HostConfig: { Privileged: c.privileged, AutoRemove: c.autoRemove, StorageOpt: c.storageSize ? { size: String(c.storageSize) } : null },
    GraphDriver: { Name: d.name, Data: d.metadata(c.mountId) },
    Config: { Image: c.imageRef, Cmd: c.cmd },
  };
}

/** The parts of an image's inspect JSON the sandbox models. */
export function inspectImage(docker: Docker, img: ImageRecord): Record<string, unknown> {
  const d = docker.driver!;
  const store = docker.store();
  const top = img.layers.length ? store.layers.get(img.layers[img.layers.length - 1])?.cacheId ?? '' : '';
  return {
    Id: img.id,
    RepoTags: img.tags,
    RepoDigests: img.tags.map((t) => `${t.split(':')[0]}@${img.digest}`),
    Created: iso(img.created),
    Size: img.size,
    VirtualSize: img.size,
    GraphDriver: { Name: d.name, Data: d.metadata(top) },
    RootFS: { Type: 'layers', Layers: img.layers.map((cid) => `sha256:${store.layers.get(cid)?.diffId ?? cid}`) },
  };
}
