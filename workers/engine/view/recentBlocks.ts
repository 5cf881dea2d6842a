// The data blocks the last command touched, from its events: what the views flash after each step.
import type { EventLog } from '../events';
import type { RecentBlocks } from './types';

/** Most blocks reported per kind and pool (a flash of more is not readable anyway). */
export const recentLimit = 20_000;

/** Provisioned (incl. copy-on-write copies) and freed data blocks of the latest step, per pool. */
export function recentBlocksOf(events: EventLog): RecentBlocks[] {
  const byPool = new Map<string, RecentBlocks>();
  const get = (pool: string) => {
    let r = byPool.get(pool);
    if (!r) byPool.set(pool, (r = { pool, provisioned: [], freed: [] }));
    return r;
  };
  const all = events.all;
  const step = events.step;
  let i = all.length - 1;
  while (i >= 0 && all[i].step === step) i--;
  for (let j = i + 1; j < all.length; j++) {
    const e = all[j];
    if (e.type === 'block-provisioned' || e.type === 'io-completed') push(get(e.pool).provisioned, e.dblock);
    else if (e.type === 'sharing-broken') push(get(e.pool).provisioned, e.to);
    else if (e.type === 'block-freed') push(get(e.pool).freed, e.dblock);
  }
  return [...byPool.values()];
}

function push(list: number[], b: number): void {
  if (list.length < recentLimit) list.push(b);
}
