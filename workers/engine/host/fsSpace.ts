// Free-space accounting of one host filesystem (statfs figures): allocating file blocks consumes it.
import type { EventLog } from '../events';
import { FS_BLOCK } from './extentMap';

/** A mounted filesystem's capacity and free space, in bytes. */
export class FsSpace {
  constructor(
    readonly events: EventLog,
    /** Device special file, as df and mount print it ('/dev/xvda1'). */
    readonly source: string,
    readonly fstype: string,
    /** Total bytes (statfs f_blocks × f_bsize). */
    public size: number,
    /** Free bytes (statfs f_bfree × f_bsize). */
    public free: number,
    /** Emits host-free-changed events (only the fs holding /var/lib/docker does). */
    readonly announces = false,
  ) {}

  /** statfs f_bsize. */
  get bsize(): number {
    return FS_BLOCK;
  }

  /** Bytes in use. */
  get used(): number {
    return this.size - this.free;
  }

  /** Takes `blocks` fs blocks; false (ENOSPC) when there are not enough. */
  take(blocks: number): boolean {
    const bytes = blocks * FS_BLOCK;
    if (bytes > this.free) return false;
    if (bytes === 0) return true;
    this.free -= bytes;
    if (this.announces) this.events.emit({ type: 'host-free-changed', free: this.free });
    return true;
  }

  /** Returns `blocks` fs blocks. */
  give(blocks: number): void {
    if (blocks === 0) return;
    this.free = Math.min(this.size, this.free + blocks * FS_BLOCK);
    if (this.announces) this.events.emit({ type: 'host-free-changed', free: this.free });
  }

  /** Sets the free space (`sim hostfree`), growing the fs if needed so used stays non-negative. */
  setFree(bytes: number): void {
    const b = Math.max(0, Math.floor(bytes / FS_BLOCK) * FS_BLOCK);
    if (b > this.size) this.size = b;
    this.free = b;
    this.events.emit({ type: 'host-free-changed', free: this.free });
  }
}
