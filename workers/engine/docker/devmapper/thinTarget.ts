// Adapts a thin device of a pool to the fs layer's BlockTarget: byte writes provision or break sharing, discards unmap.
import type { ThinPool } from '../../dm/thinPool';
import type { BlockTarget } from '../../fs';

/**
 * A BlockTarget writing through dm-thin device `devId` of `pool`; `blocked` waits out a write the pool queued
 * (out of data space) and says how it ended.
 */
export function thinTarget(pool: () => ThinPool | undefined, devId: number, size: number, blocked?: () => 'ok' | 'EIO' | 'ENOSPC'): BlockTarget {
  return {
    size,
    get poolBlockSize() {
      return pool()?.blockBytes ?? 65536;
    },
    write(offset, length) {
      const p = pool();
      if (!p) return 'EIO';
      const r = p.writeBytes(devId, offset, length);
      // A queued write (out of data space, queue_if_no_space) blocks the writer until it completes or times out.
      if (r === 'queued') {
        const end = blocked?.() ?? 'ok';
        return end === 'ok' ? null : end;
      }
      return r === 'ok' ? null : r;
    },
    discard(offset, length) {
      pool()?.discardBytes(devId, offset, length);
    },
  };
}
