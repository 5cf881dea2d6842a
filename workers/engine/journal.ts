// The systemd journal: dated lines per unit, for `journalctl -u docker` and `journalctl -fu dm-event.service`.
import type { Clock } from './clock';

/** One journal record. */
export interface JournalEntry {
  time: number;
  unit: string;
  /** SYSLOG_IDENTIFIER[PID], e.g. "dockerd[1234]" or "systemd[1]". */
  ident: string;
  message: string;
}

/** Collects journal records in time order. */
export class Journal {
  readonly entries: JournalEntry[] = [];
  constructor(
    private readonly clock: Clock,
    readonly hostname: string,
    readonly bootTime: number,
  ) {}

  /** Appends a record stamped with the current simulated time. */
  log(unit: string, ident: string, message: string): void {
    this.entries.push({ time: this.clock.now, unit, ident, message });
  }

  /** Records of one unit (or all), oldest first. */
  forUnit(unit?: string): JournalEntry[] {
    if (!unit) return this.entries;
    const u = unit.endsWith('.service') ? unit : `${unit}.service`;
    return this.entries.filter((e) => e.unit === u);
  }
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** syslog-style short date "Mar 30 05:22:01" (journalctl's default output, UTC host). */
export function syslogDate(t: number): string {
  const d = new Date(t * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** journalctl's header date "Thu 2017-03-30 05:00:00 UTC". */
export function journalHeaderDate(t: number): string {
  const d = new Date(t * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
}

/** logrus text timestamp as dockerd writes it: 2017-03-30T05:22:01.000000000Z. */
export function logrusTime(t: number): string {
  return new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, '.000000000Z');
}

/** One journalctl line for a record. */
export function formatJournalLine(e: JournalEntry, hostname: string): string {
  return `${syslogDate(e.time)} ${hostname} ${e.ident}: ${e.message}`;
}
