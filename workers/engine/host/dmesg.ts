// The kernel ring buffer: lines other layers log (device-mapper, loop, xfs), stamped with deterministic times.
import type { Clock } from '../clock';

/** One kernel log line. */
export interface KernelMessage {
  /** Seconds since boot, with microseconds. */
  time: number;
  text: string;
}

/** The ring buffer `dmesg` prints. */
export class Dmesg {
  readonly lines: KernelMessage[] = [];
  private lastSecond = -1;
  private inSecond = 0;

  constructor(
    private readonly clock: Clock,
    private readonly bootTime: number,
  ) {}

  /** Appends a line, stamped with the time since boot (lines logged in the same second are spaced by 112 µs). */
  log(text: string): void {
    const sec = Math.max(0, this.clock.now - this.bootTime);
    if (sec !== this.lastSecond) {
      this.lastSecond = sec;
      this.inSecond = 0;
    }
    const usec = sec === 0 ? this.inSecond * 7 : 1000 + this.inSecond * 112;
    this.inSecond++;
    this.lines.push({ time: sec + Math.min(usec, 999999) / 1e6, text });
  }

  /** The buffer as `dmesg` prints it: `[  123.456789] text`. */
  format(): string {
    return this.lines.map((l) => `[${formatTime(l.time)}] ${l.text}\n`).join('');
  }
}

/** printk's `%5lu.%06lu` timestamp. */
export function formatTime(t: number): string {
  const sec = Math.floor(t);
  const usec = Math.round((t - sec) * 1e6);
  return `${String(sec).padStart(5)}.${String(usec).padStart(6, '0')}`;
}
