// docker ps and docker images (17.03 client): default tables, --format, -q, -s, --no-trunc, -f filters.
import type { CommandContext } from '../../shell/types';
import type { Docker } from '../docker';
import type { ContainerRecord, ImageRecord } from '../store';
import { ellipsis, humanDuration } from './format';
import { formatRows, type RowFields } from './listFormat';
import { containerSizeRootFs, containerSizeRw } from './containerSize';
import { imageSizeText } from '../images/sizes';
import { shortId } from '../ids';

/** defaultContainerTableFormat (cli/command/formatter/container.go, 17.03). */
const PS_TABLE =
  'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}} ago\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';
/** defaultImageTableFormat (cli/command/formatter/image.go, 17.03). */
const IMAGES_TABLE = 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}} ago\\t{{.Size}}';

/** time.Unix(t, 0).String() on the UTC host: "2017-03-30 05:22:01 +0000 UTC". */
export function goTimeString(t: number): string {
  return new Date(t * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' +0000 UTC');
}

/** The daemon's Status text of a container in the list. */
export function containerStatus(now: number, c: ContainerRecord): string {
  if (c.state === 'running') return `Up ${humanDuration(now - c.startedAt)}`;
  if (c.state === 'created') return 'Created';
  return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
}

/** containerContext's fields for one container. */
export function containerRow(docker: Docker, c: ContainerRecord, trunc: boolean, virtual = true): RowFields {
  const now = docker.machine.clock.now;
  const v = docker.version;
  return {
    ID: ['CONTAINER ID', () => (trunc ? shortId(c.id) : c.id)],
    Image: ['IMAGE', () => c.imageRef || '<no image>'],
    Command: ['COMMAND', () => JSON.stringify(trunc ? ellipsis(c.cmd.join(' '), 20) : c.cmd.join(' '))],
    CreatedAt: ['CREATED AT', () => goTimeString(c.created)],
    RunningFor: ['CREATED', () => humanDuration(now - c.created)],
    Ports: ['PORTS', () => ''],
    Status: ['STATUS', () => containerStatus(now, c)],
    Size: [
      'SIZE',
      () => {
        const rw = containerSizeRw(docker, c);
        const srw = imageSizeText(rw, v);
        return virtual ? `${srw} (virtual ${imageSizeText(containerSizeRootFs(docker, c, rw), v)})` : srw;
      },
    ],
    Names: ['NAMES', () => c.name],
    Labels: ['LABELS', () => ''],
    Mounts: ['MOUNTS', () => ''],
    LocalVolumes: ['LOCAL VOLUMES', () => '0'],
  };
}

/** imageContext's fields for one repository:tag row. */
export function imageRow(docker: Docker, img: ImageRecord, repo: string, tag: string, trunc: boolean): RowFields {
  const now = docker.machine.clock.now;
  return {
    ID: ['IMAGE ID', () => (trunc ? shortId(img.id) : img.id)],
    Repository: ['REPOSITORY', () => repo],
    Tag: ['TAG', () => tag],
    Digest: ['DIGEST', () => (repo !== '<none>' && img.digest ? img.digest : '<none>')],
    CreatedSince: ['CREATED', () => humanDuration(now - img.created)],
    CreatedAt: ['CREATED AT', () => goTimeString(img.created)],
    Size: ['SIZE', () => imageSizeText(img.size, docker.version)],
  };
}

/** `-f key=value` filters of docker ps: status and name (a regexp on the name, as the daemon matches it). */
function psFilter(
  filters: string[],
): { ok: true; keep: (c: ContainerRecord) => boolean; any: boolean } | { ok: false; error: string } {
  const status: string[] = [];
  const names: RegExp[] = [];
  for (const f of filters) {
    const eq = f.indexOf('=');
    if (eq < 0) return { ok: false, error: `Error response from daemon: Invalid filter '${f}'` };
    const [k, val] = [f.slice(0, eq), f.slice(eq + 1)];
    if (k === 'status') {
      if (!['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'].includes(val)) {
        return { ok: false, error: `Error response from daemon: Unrecognised filter value for status: ${val}` };
      }
      status.push(val);
    } else if (k === 'name') names.push(new RegExp(val));
    else return { ok: false, error: `Error response from daemon: Invalid filter '${k}'` };
  }
  return {
    ok: true,
    any: status.length > 0,
    keep: (c) =>
      (!status.length || status.includes(c.state)) && (!names.length || names.some((r) => r.test(`/${c.name}`))),
  };
}

function write(ctx: CommandContext, r: ReturnType<typeof formatRows>): number {
  if (!r.ok) {
    // The client prints the error with Fprintln after its own trailing newline.
    ctx.err(r.error + '\n');
    return 1;
  }
  ctx.out(r.out);
  return 0;
}

/** docker ps with its parsed flags. */
export function listContainers(docker: Docker, ctx: CommandContext, flags: Record<string, unknown>): number {
  const filter = psFilter((flags.filter as string[] | undefined) ?? []);
  if (!filter.ok) {
    ctx.err(filter.error + '\n');
    return 1;
  }
  const trunc = !flags['no-trunc'];
  const cs = [...docker.store().containers.values()]
    .filter((c) => (flags.all || filter.any || c.state === 'running') && filter.keep(c))
    .sort((a, b) => b.created - a.created);
  let format = (flags.format as string | undefined) ?? 'table';
  if (format === 'table') format = flags.quiet ? '{{.ID}}' : PS_TABLE + (flags.size ? '\\t{{.Size}}' : '');
  return write(
    ctx,
    formatRows(
      format,
      '*formatter.containerContext',
      cs.map((c) => containerRow(docker, c, trunc)),
      containerRow(docker, cs[0] ?? ({} as ContainerRecord), trunc),
    ),
  );
}

/** docker images with its parsed flags and optional REPOSITORY[:TAG] argument. */
export function listImages(
  docker: Docker,
  ctx: CommandContext,
  flags: Record<string, unknown>,
  ref: string | undefined,
): number {
  const trunc = !flags['no-trunc'];
  const rows: RowFields[] = [];
  const imgs = [...docker.store().images.values()].sort((a, b) => b.created - a.created);
  for (const img of imgs) {
    for (const t of img.tags.length ? img.tags : ['<none>:<none>']) {
      const colon = t.lastIndexOf(':');
      const [repo, tag] = [t.slice(0, colon), t.slice(colon + 1)];
      if (ref && !(ref === repo || ref === t)) continue;
      rows.push(imageRow(docker, img, repo, tag, trunc));
    }
  }
  let format = (flags.format as string | undefined) ?? 'table';
  if (format === 'table')
    format = flags.quiet
      ? '{{.ID}}'
      : flags.digests
        ? IMAGES_TABLE.replace('{{.Tag}}', '{{.Tag}}\\t{{.Digest}}')
        : IMAGES_TABLE;
  else if (format.startsWith('table') && flags.digests && !format.includes('{{.Digest}}')) format += '\\t{{.Digest}}';
  const empty = imageRow(
    docker,
    imgs[0] ?? ({ id: '', tags: [], digest: '', created: 0, layers: [], size: 0, cmd: [] } as ImageRecord),
    '',
    '',
    trunc,
  );
  return write(ctx, formatRows(format, '*formatter.imageContext', rows, empty));
}
