// Lays snapshot trees out top-down as an indented list: one row per device, each snapshot below its origin.
import type { SnapshotNode } from './snapshotForest';

/** One row of the drawn tree: the device, how deep it sits, and the row of its origin (-1 for a root). */
export interface TreeRow {
  node: SnapshotNode;
  depth: number;
  parentRow: number;
}

/** The rows of a forest, depth first (an origin, then each of its snapshots' subtrees in order). */
export function treeRows(forest: readonly SnapshotNode[]): TreeRow[] {
  const rows: TreeRow[] = [];
  // An explicit stack: imported pools may hold snapshot chains thousands deep.
  const stack: TreeRow[] = [...forest].reverse().map((node) => ({ node, depth: 0, parentRow: -1 }));
  while (stack.length) {
    const row = stack.pop()!;
    const at = rows.length;
    rows.push(row);
    for (let i = row.node.children.length - 1; i >= 0; i--)
      stack.push({ node: row.node.children[i], depth: row.depth + 1, parentRow: at });
  }
  return rows;
}

/** Pixels each level is indented: `max` while the deepest row still leaves `labelRoom` of `width`, less (down to `min`) after. */
export function treeIndent(maxDepth: number, width: number, labelRoom = 280, max = 18, min = 4): number {
  if (maxDepth <= 0) return max;
  return Math.max(min, Math.min(max, Math.floor((width - labelRoom) / maxDepth)));
}
