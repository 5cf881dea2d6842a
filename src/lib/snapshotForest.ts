// Arranges a pool's thin devices into snapshot trees (origin → snapshots) for the tree view.
import type { ThinView } from '../../workers/engine/view/types';

/** A device with the snapshots taken of it. */
export interface SnapshotNode {
  device: ThinView;
  children: SnapshotNode[];
}

/** The trees of one pool: devices with no known parent are roots; children ordered by device id. */
export function snapshotForest(thins: readonly ThinView[], pool: string): SnapshotNode[] {
  const mine = thins.filter((d) => d.pool === pool).sort((a, b) => a.devId - b.devId);
  const nodes = new Map(mine.map((d) => [d.devId, { device: d, children: [] as SnapshotNode[] }]));
  const roots: SnapshotNode[] = [];
  for (const n of nodes.values()) {
    const p = n.device.parent;
    const parent = p !== undefined && p !== n.device.devId ? nodes.get(p) : undefined;
    if (parent && !isAncestor(n, parent, nodes)) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

// Guards against cycles in damaged data: would attaching `child` under `parent` loop?
function isAncestor(child: SnapshotNode, parent: SnapshotNode, nodes: Map<number, SnapshotNode>): boolean {
  let cur: SnapshotNode | undefined = parent;
  for (let hops = 0; cur && hops <= nodes.size; hops++) {
    if (cur === child) return true;
    const p: number | undefined = cur.device.parent;
    cur = p === undefined ? undefined : nodes.get(p);
  }
  return false;
}
