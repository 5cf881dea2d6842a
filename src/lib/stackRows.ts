// Orders block devices into lsblk's tree: roots (no slaves) first, each device repeated under every slave it has.
import type { StackNode } from '../../workers/engine/view/types';

/** One printed row: the tree prefix (├─, └─, │) and the device. */
export interface StackRow {
  prefix: string;
  node: StackNode;
}

/** The rows lsblk would print, depth first, children in name order. */
export function stackRows(nodes: readonly StackNode[]): StackRow[] {
  const children = new Map<string, StackNode[]>();
  for (const n of nodes) for (const s of n.slaves) children.set(s, [...(children.get(s) ?? []), n]);
  for (const list of children.values()) list.sort((a, b) => a.label.localeCompare(b.label));
  const rows: StackRow[] = [];
  const walk = (n: StackNode, lead: string, branch: string, depth: number): void => {
    rows.push({ prefix: lead + branch, node: n });
    if (depth > 16) return; // a cycle in bad data must not hang the view
    const kids = children.get(n.name) ?? [];
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      const nextLead = depth === 0 ? '' : lead + (branch === '└─' ? '  ' : '│ ');
      walk(k, nextLead, last ? '└─' : '├─', depth + 1);
    });
  };
  for (const n of [...nodes].filter((x) => x.slaves.length === 0).sort((a, b) => a.label.localeCompare(b.label)))
    walk(n, '', '', 0);
  return rows;
}
