// docker system df (17.03): images, containers and local volumes, as the daemon's SystemDiskUsage counts them and the
// client's DiskUsageContext prints them (cli/command/formatter/disk_usage.go).
import type { Docker } from '../docker';
import type { CommandContext } from '../../shell/types';
import { humanSize } from '../../units';
import { atLeast } from '../config/version';
import { containerSizeRw } from './containerSize';
import { formatRows, type RowFields } from './listFormat';

const DF_TABLE = 'table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}';

// Containers the client counts as in use: running, paused or restarting.
const ACTIVE = new Set(['running', 'paused', 'restarting']);

/** The summary table, or the client's error for a bad format. */
export function systemDf(docker: Docker): { ok: true; out: string } | { ok: false; error: string } {
  const store = docker.store();
  const size = (b: number) => humanSize(b, !atLeast(docker.version, '17.06.0'));
  // "12 MB (45%)": the reclaimable share, integer percent as Go's int64 division gives it.
  const share = (part: number, total: number) =>
    total > 0 ? `${size(part)} (${Math.trunc((part * 100) / total)}%)` : size(part);
  const images = [...store.images.values()];
  const containers = [...store.containers.values()];

  // Layers referenced by more than one image are the images' SharedSize; the store's layers sum to LayersSize.
  const imageRefs = new Map<string, number>();
  for (const img of images) for (const l of new Set(img.layers)) imageRefs.set(l, (imageRefs.get(l) ?? 0) + 1);
  const layerSize = (id: string) => store.layers.get(id)?.size ?? 0;
  const layersSize = [...imageRefs.keys()].reduce((s, id) => s + layerSize(id), 0);
  const inUse = (imgId: string) => containers.filter((c) => c.imageId === imgId).length;
  const usedByContainers = images
    .filter((img) => inUse(img.id) > 0)
    .reduce((s, img) => {
      const shared = img.layers.filter((l) => (imageRefs.get(l) ?? 0) > 1).reduce((t, l) => t + layerSize(l), 0);
      return s + (img.size - shared);
    }, 0);

  const sizes = containers.map((c) => ({ active: ACTIVE.has(c.state), rw: containerSizeRw(docker, c) }));
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
      images.length,
      images.filter((img) => inUse(img.id) > 0).length,
      size(layersSize),
      share(layersSize - usedByContainers, layersSize),
    ),
    row('Containers', containers.length, sizes.filter((c) => c.active).length, size(rwTotal), share(rwIdle, rwTotal)),
    // The sandbox has no volumes.
    row('Local Volumes', 0, 0, size(0), size(0)),
  ];
  return formatRows(DF_TABLE, '*formatter.diskUsageContext', rows, rows[0]);
}

/** Prints the summary; a formatter error goes to stderr with status 1. */
export function printSystemDf(docker: Docker, ctx: CommandContext): number {
  const r = systemDf(docker);
  if (!r.ok) {
    ctx.err(r.error + '\n');
    return 1;
  }
  ctx.out(r.out);
  return 0;
}
