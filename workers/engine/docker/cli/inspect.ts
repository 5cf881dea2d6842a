// docker inspect: the JSON of a container or an image, with the GraphDriver data of the driver in use.
import type { Docker } from '../docker';
import type { ContainerRecord, ImageRecord } from '../store';
import type { CommandContext } from '../../shell/types';
import { goMap, goStruct } from './template/goValue';
import { parseDockerTemplate, runDockerTemplate } from './template/dockerTemplates';
import type { Template } from './template/parse';

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
    HostConfig: {
      Privileged: c.privileged,
      AutoRemove: c.autoRemove,
      StorageOpt: c.storageSize ? { size: String(c.storageSize) } : null,
    },
    GraphDriver: { Name: d.name, Data: d.metadata(c.mountId) },
    Config: { Image: c.imageRef, Cmd: c.cmd },
  };
}

/** The parts of an image's inspect JSON the sandbox models. */
export function inspectImage(docker: Docker, img: ImageRecord): Record<string, unknown> {
  const d = docker.driver!;
  const store = docker.store();
  const top = img.layers.length ? (store.layers.get(img.layers[img.layers.length - 1])?.cacheId ?? '') : '';
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

/** The typed value the template sees first: inspect structs, with the fields that are Go maps marked as maps. */
function typed(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => typed(x));
  if (v === null || typeof v !== 'object') return v;
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = typed(x, k);
  return GO_MAPS.has(key) ? goMap(o) : goStruct('types.ContainerJSON', o);
}

/** The raw JSON decoded into map[string]interface{} (the fallback when the typed run fails). */
function raw(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(raw);
  if (v === null || typeof v !== 'object') return v;
  return goMap(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, raw(x)])));
}

/** Fields of the inspect JSON that are Go maps (map[string]string) rather than structs. */
const GO_MAPS = new Set(['Data', 'StorageOpt', 'Labels']);

/**
 * Prints what `docker inspect` found (objects, or the error that stopped it) as inspect.Inspect does: indented
 * JSON, or each object through the template, retried on the raw JSON with missingkey=error when the typed run fails.
 */
export function printInspect(
  ctx: CommandContext,
  found: (Record<string, unknown> | string)[],
  tmpl: Template | undefined,
): number {
  let error = '';
  const objects: Record<string, unknown>[] = [];
  let out = '';
  for (const o of found) {
    if (typeof o === 'string') {
      error = o;
      break;
    }
    objects.push(o);
    if (!tmpl) continue;
    let r = runDockerTemplate(tmpl, typed(o));
    if (!r.ok) r = runDockerTemplate(tmpl, raw(o), true);
    if (!r.ok) {
      error = `Template parsing error: ${r.error}`;
      break;
    }
    out += r.out + '\n';
  }
  if (tmpl) ctx.out(out || '\n');
  else ctx.out(JSON.stringify(objects, null, 4) + '\n');
  if (error) ctx.err(error + '\n');
  return error ? 1 : 0;
}

/** docker inspect after its flags: the -f template parsed (status 64 when bad), the objects, then the output. */
export function inspectCommand(
  docker: Docker,
  ctx: CommandContext,
  flags: Record<string, unknown>,
  refs: string[],
): number {
  const format = flags.format as string | undefined;
  const tmpl = format ? parseDockerTemplate(format) : undefined;
  if (tmpl && !tmpl.ok) {
    ctx.err(`Template parsing error: ${tmpl.error}\n`);
    return 64;
  }
  // Objects in order until the first that is not found (inspect.Inspect stops there).
  const found: (Record<string, unknown> | string)[] = [];
  for (const ref of refs) {
    const c = flags.type !== 'image' ? docker.store().findContainer(ref) : undefined;
    const img = !c && flags.type !== 'container' ? docker.store().findImage(ref) : undefined;
    if (c) found.push(inspectContainer(docker, c));
    else if (img) found.push(inspectImage(docker, img));
    else {
      // The client's not-found errors: by type when --type names one (client/errors.go).
      const what = flags.type === 'image' ? 'image' : flags.type === 'container' ? 'container' : 'object';
      found.push(`Error: No such ${what}: ${ref}`);
      break;
    }
  }
  return printInspect(ctx, found, tmpl?.ok ? tmpl.tmpl : undefined);
}
