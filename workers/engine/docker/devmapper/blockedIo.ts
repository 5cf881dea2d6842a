// A writer blocked on a pool that is out of data space: time passes until the queued IO completes or times out.
import type { Machine } from '../../machine';

/** Longest a writer waits: dm-thin's no_space_timeout (60 s), plus the second in which the IO is failed. */
const MAX_WAIT = 61;

/** How a blocked write ended: completed once the pool grew, or the error the kernel gave the queued IO. */
export type BlockedIoResult = 'ok' | 'EIO' | 'ENOSPC';

/**
 * Waits out IO that pool `poolName` queued (queue_if_no_space): the clock runs second by second, each pool's
 * no-space timer runs, and dmeventd looks at monitored pools and may extend this one (then the IO completes).
 */
export function waitForDataSpace(m: Machine, poolName: string): BlockedIoResult {
  let error: string | null = null;
  const off = m.events.on((e) => {
    if (e.type === 'io-error' && e.pool === poolName) error = e.reason;
  });
  try {
    for (let waited = 0; waited <= MAX_WAIT; waited++) {
      const pool = m.dm.poolOf(poolName);
      if (!pool) return 'EIO';
      if (pool.queued === 0) return error === null ? 'ok' : error === 'ENOSPC' ? 'ENOSPC' : 'EIO';
      m.clock.tick(1);
      for (const [, p] of m.dm.pools()) p.poll(m.clock.now);
      m.lvm.poll();
    }
    return 'EIO';
  } finally {
    off();
  }
}
