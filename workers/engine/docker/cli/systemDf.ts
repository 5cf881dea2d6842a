// docker system df (17.03): images, containers and local volumes, as the daemon's SystemDiskUsage counts them and the
// client's DiskUsageContext prints them (cli/command/formatter/disk_usage.go).
import type { Docker } from '../docker';
import type { CommandContext } from '../../shell/types';
import { humanSize } from '../../units';
import { atLeast } from '../config/version';
import { containerSizeRw } from './containerSize';
import { formatRows, type RowFields } from './listFormat';
import { containerRow, imageRow } from './listCommands';
import { imageSizeText } from '../images/sizes';
import type { ContainerRecord, ImageRecord } from '../store';

const DF_TABLE = 'table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}';
// The -v tables (disk_usage.go, 17.03; "UNIQUE SiZE" is the header as that release spells it).
const IMAGES_V =
  'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}} ago\\t{{.VirtualSize}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}';
const CONTAINERS_V =
  'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.LocalVolumes}}\\t{{.Size}}\\t{{.RunningFor}} ago\\t{{.Status}}\\t{{.Names}}';
const VOLUMES_V = 'table {{.Name}}\\t{{.Links}}\\t{{.Size}}';

// Containers the client counts as in use: running, paused or restarting.
const ACTIVE = new Set(['running', 'paused', 'restarting']);

type Result = { ok: true; out: string } | { ok: false; error: string };

/** What SystemDiskUsage reports: images with their shared size and container count, containers with their rw size. */
function diskUsage(docker: Docker) {
  const store = docker.store();
  const images = [...store.images.values()].sort((a, b) => b.created - a.created);
  const containers = [...store.containers.values()].sort((a, b) => b.created - a.created);
  // Layers referenced by more than one image are the images' SharedSize; the store's layers sum to LayersSize.
  const imageRefs = new Map<string, number>();
  for (const img of images) for (const l of new Set(img.layers)) imageRefs.set(l, (imageRefs.get(l) ?? 0) + 1);
  const layerSize = (id: string) => store.layers.get(id)?.size ?? 0;
  return {
    images,
    containers,
    layersSize: [...imageRefs.keys()].reduce((s, id) => s + layerSize(id), 0),
    shared: (img: ImageRecord) =>
      img.layers.filter((l) => (imageRefs.get(l) ?? 0) > 1).reduce((t, l) => t + layerSize(l), 0),
    users: (img: ImageRecord) => containers.filter((c) => c.imageId === img.id).length,
    rw: (c: ContainerRecord) => containerSizeRw(docker, c),
  };
}

/** The summary table, or the client's error for a bad format. */
export function systemDf(docker: Docker): Result {
  const du = diskUsage(docker);
  const size = (b: number) => humanSize(b, !atLeast(docker.version, '17.06.0'));
  // "12 MB (45%)": the reclaimable share, integer percent as Go's int64 division gives it.
  const share = (part: number, total: number) =>
    total > 0 ? `${size(part)} (${Math.trunc((part * 100) / total)}%)` : size(part);
  const used = du.images.filter((img) => du.users(img) > 0);
  const usedByContainers = used.reduce((s, img) => s + (img.size - du.shared(img)), 0);
  const sizes = du.containers.map((c) => ({ active: ACTIVE.has(c.state), rw: du.rw(c) }));
  const rwTotal = sizes.reduce((s, c) => s + c.rw, 0);
  const rwIdle = sizes.filter((c) => !c.active).reduce((s, c) => s + c.rw, 0);

  const row = (type: string, total: number, active: number, bytes: string, reclaimable: string): RowFields => ({
    Type: ['TYPE', () => type],
    TotalCount: ['TOTAL', () => String(total)],
    Active: ['ACTIVE', () => String(active)],
    Size: ['SIZE', () => bytes],
    Reclaimable: ['RECLAIMABLE', () => reclaimable],
  });
  const rows = [
    row(
      'Images',
      du.images.length,
      used.length,
      size(du.layersSize),
      share(du.layersSize - usedByContainers, du.layersSize),
    ),
    row(
      'Containers',
      du.containers.length,
      sizes.filter((c) => c.active).length,
      size(rwTotal),
      share(rwIdle, rwTotal),
    ),
    // The sandbox has no volumes.
    row('Local Volumes', 0, 0, size(0), size(0)),
  ];
  return formatRows(DF_TABLE, '*formatter.diskUsageContext', rows, rows[0]);
}

/** -v: one table per kind under its title, each image with its first tag, shared and unique size and users. */
export function systemDfVerbose(docker: Docker): Result {
  const du = diskUsage(docker);
  const v = docker.version;
  const imageRows = du.images.map((img): RowFields => {
    // Only the first tag, as the client shows it.
    const t = img.tags[0] ?? '<none>:<none>';
    const colon = t.lastIndexOf(':');
    const shared = du.shared(img);
    return {
      ...imageRow(docker, img, t.slice(0, colon), t.slice(colon + 1), true),
      VirtualSize: ['SIZE', () => imageSizeText(img.size, v)],
      SharedSize: ['SHARED SIZE', () => imageSizeText(shared, v)],
      UniqueSize: ['UNIQUE SiZE', () => imageSizeText(img.size - shared, v)],
      Containers: ['CONTAINERS', () => String(du.users(img))],
    };
  });
  const noImage = { id: '', tags: [], digest: '', created: 0, layers: [], size: 0, cmd: [] } as ImageRecord;
  const images = formatRows(IMAGES_V, '*formatter.imageContext', imageRows, {
    ...imageRow(docker, noImage, '', '', true),
    VirtualSize: ['SIZE', () => ''],
    SharedSize: ['SHARED SIZE', () => ''],
    UniqueSize: ['UNIQUE SiZE', () => ''],
    Containers: ['CONTAINERS', () => ''],
  });
  // The container's size without its virtual part (the client zeroes SizeRootFs here).
  const containerRows = du.containers.map((c) => containerRow(docker, c, true, false));
  const containers = formatRows(
    CONTAINERS_V,
    '*formatter.containerContext',
    containerRows,
    containerRow(docker, {} as ContainerRecord, true, false),
  );
  const volumes = formatRows(VOLUMES_V, '*formatter.volumeContext', [], {
    Name: ['VOLUME NAME', () => ''],
    Links: ['LINKS', () => ''],
    Size: ['SIZE', () => ''],
  });
  for (const r of [images, containers, volumes]) if (!r.ok) return r;
  const text = (r: Result) => (r.ok ? r.out : '');
  return {
    ok: true,
    out: `Images space usage:\n\n${text(images)}\nContainers space usage:\n\n${text(containers)}\nLocal Volumes space usage:\n\n${text(volumes)}`,
  };
}

/** Prints the summary or, with -v, the tables; a formatter error goes to stderr with status 1. */
export function printSystemDf(docker: Docker, ctx: CommandContext, verbose = false): number {
  const r = verbose ? systemDfVerbose(docker) : systemDf(docker);
  if (!r.ok) {
    ctx.err(r.error + '\n');
    return 1;
  }
  ctx.out(r.out);
  return 0;
}
