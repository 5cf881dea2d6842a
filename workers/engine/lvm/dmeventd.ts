// dmeventd and its thin plugin: watches monitored pools, warns above 80%, runs `lvextend --use-policies`.
import type { Lvm } from './lvm';
import type { LogicalVolume, VolumeGroup } from './model';
import { extendByPolicy } from './lvResize';

/** The plugin gives up after this many failed extensions in a row (2.02.166). */
export const MAX_FAILS = 10;
const WARNING_THRESH = 80;
const CHECK_MINIMUM = 50;
const CHECK_STEP = 5;

/** Per-pool watch state: the last usage step acted on, warnings given, failures in a row. */
interface PoolWatch {
  vg: string;
  lv: string;
  dataStep: number;
  metaStep: number;
  dataWarned: boolean;
  metaWarned: boolean;
  fails: number;
  /** Pool sizes seen last time (data and metadata blocks): a resize clears the steps. */
  knownData: number;
  knownMeta: number;
}

/** The event daemon: started on first registration, one watch per monitored pool, a journal. */
export class Dmeventd {
  // Records written, for deterministic pids.
  private logged = 0;
  private readonly watches = new Map<string, PoolWatch>();
  private running = false;
  private pid = 0;
  private boots = 0;
  private busy = false;

  constructor(private readonly lvm: Lvm) {}

  private log(text: string, ident = `dmeventd[${this.pid}]`): void {
    this.logged++;
    this.lvm.journal.log('dm-event.service', ident, text);
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    // Deterministic pids: one per daemon start.
    this.pid = 600 + this.boots * 37 + (this.logged % 7);
    this.boots++;
    this.log('Starting Device-mapper event daemon...', 'systemd[1]');
    this.log('Started Device-mapper event daemon.', 'systemd[1]');
    this.log('dmeventd ready for processing.');
  }

  /** Daemon stops (shutdown); its watches are gone. */
  stop(): void {
    if (!this.running) return;
    this.log('Stopping Device-mapper event daemon...', 'systemd[1]');
    this.log('Stopped Device-mapper event daemon.', 'systemd[1]');
    this.running = false;
    this.watches.clear();
  }

  /** lvchange --monitor y / activation with monitoring: the thin plugin starts watching the pool. */
  register(vg: VolumeGroup, lv: LogicalVolume): void {
    this.start();
    const name = this.lvm.dmName(vg, lv);
    this.watches.set(name, {
      vg: vg.name,
      lv: lv.name,
      dataStep: 0,
      metaStep: 0,
      dataWarned: false,
      metaWarned: false,
      fails: 0,
      knownData: 0,
      knownMeta: 0,
    });
    lv.monitored = true;
    this.log(`Monitoring thin pool ${name}.`);
  }

  /** lvchange --monitor n / deactivation: the watch ends (quietly at shutdown). */
  unregister(vg: VolumeGroup, lv: LogicalVolume, quiet = false): void {
    const name = this.lvm.dmName(vg, lv);
    if (this.watches.delete(name) && !quiet) this.log(`No longer monitoring thin pool ${name}.`);
    lv.monitored = false;
  }

  /** Checks every watched pool once, as the plugin does on each timeout or pool event. */
  poll(): void {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const [name, w] of [...this.watches]) this.check(name, w);
    } finally {
      this.busy = false;
    }
  }

  private check(name: string, w: PoolWatch): void {
    const vg = this.lvm.vgs.get(w.vg);
    const lv = vg?.lvs.find((l) => l.name === w.lv);
    if (!vg || !lv) {
      this.watches.delete(name);
      return;
    }
    const usage = this.lvm.poolUsage(vg, lv);
    if (!usage) return;
    // dmeventd_thin.c: "Thin pool size had changed. Clear the threshold."
    if (w.knownData !== usage.totalData) [w.knownData, w.dataStep] = [usage.totalData, 0];
    if (w.knownMeta !== usage.totalMeta) [w.knownMeta, w.metaStep] = [usage.totalMeta, 0];
    const data = usage.totalData ? (100 * usage.usedData) / usage.totalData : 0;
    const meta = usage.totalMeta ? (100 * usage.usedMeta) / usage.totalMeta : 0;
    let act = false;
    const stepOf = (p: number) => (p >= 100 ? 100 / CHECK_STEP : Math.floor(p / CHECK_STEP));
    for (const [pct, kind] of [
      [meta, 'metadata'],
      [data, 'data'],
    ] as const) {
      const warnedKey = kind === 'data' ? 'dataWarned' : 'metaWarned';
      const stepKey = kind === 'data' ? 'dataStep' : 'metaStep';
      if (pct <= WARNING_THRESH) w[warnedKey] = false;
      else if (!w[warnedKey]) {
        w[warnedKey] = true;
        this.log(`WARNING: Thin pool ${name} ${kind} is now ${pct.toFixed(2)}% full.`);
      }
      const step = stepOf(pct);
      if (pct > CHECK_MINIMUM && step > w[stepKey]) act = true;
      w[stepKey] = step;
    }
    if (!act) return;
    const out = extendByPolicy(this.lvm, vg, lv);
    for (const l of out.lines) this.log(l.text.trim());
    if (out.ok) {
      w.fails = 0;
      return;
    }
    this.log(`Failed to extend thin pool ${name}.`);
    w.fails++;
    if (w.fails >= MAX_FAILS) {
      this.log(`WARNING: Dropping monitoring of ${name}. lvm2 command fails too often (${w.fails} times in row).`);
      this.unregister(vg, lv, true);
    }
  }
}
