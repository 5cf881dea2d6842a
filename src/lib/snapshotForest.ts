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
  const attachedTo = new Map<SnapshotNode, SnapshotNode>();
  const roots: SnapshotNode[] = [];
  for (const n of nodes.values()) {
    const p = n.device.parent;
    const parent = p !== undefined ? nodes.get(p) : undefined;
    // Damaged data may hold a parent cycle: the link that would close it is dropped.
    if (parent && !reaches(parent, n, attachedTo)) {
      parent.children.push(n);
      attachedTo.set(n, parent);
    }
  }
  for (const n of nodes.values()) if (!attachedTo.has(n)) roots.push(n);
  return roots;
}

// Whether walking up from `from` through the links made so far arrives at `target`.
function reaches(from: SnapshotNode, target: SnapshotNode, attachedTo: Map<SnapshotNode, SnapshotNode>): boolean {
  for (let cur: SnapshotNode | undefined = from; cur; cur = attachedTo.get(cur)) if (cur === target) return true;
  return false;
}
