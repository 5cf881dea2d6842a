// The Docker daemon as systemd runs it: configuration, graph driver, image and container stores.
import type { Machine } from '../machine';
import { failed } from '../host/errno';
import { DAEMON_JSON, parseDaemonJson, parseDmOptions, graphdriverFailure, atLeast } from './config';
import { DeviceSet, type FsStore } from './devmapper/deviceSet';
import { prepareDirectLvm } from './devmapper/directLvm';
import { DevmapperDriver } from './graph/devmapperDriver';
import { Overlay2Driver } from './graph/overlay2Driver';
import { OverlayDriver } from './graph/overlayDriver';
import { checkOverlay, checkOverlay2, driverPriority, ERR_NOT_SUPPORTED } from './graph/overlayRules';
import { isInitialized, overlayHost } from './graph/backingFs';
import type { GraphDriver } from './graph/driver';
import { GraphStore } from './store';
import { IdSource } from './ids';
import { logrusTime } from '../journal';

/** The data root Docker uses (dockerd --data-root / "graph"). */
export const DOCKER_ROOT = '/var/lib/docker';

/** What `systemctl start docker` learns: started, or the lines dockerd printed before exiting. */
export type StartResult = { ok: true } | { ok: false; lines: string[] };

/** The daemon and everything it keeps. */
export class Docker {
  running = false;
  /** Main PID of the current (or last) dockerd, for systemctl status and the journal. */
  pid = 0;
  since = 0;
  /** Result of the last start attempt: 'failed' keeps systemctl status red until the next start. */
  lastResult: 'success' | 'exit-code' | 'none' = 'none';
  driver: GraphDriver | null = null;
  readonly fsStore: FsStore = new Map();
  readonly ids: IdSource;
  private readonly stores = new Map<string, GraphStore>();
  private nextPid = 1180;
  /** A version chosen with `sim docker-version`: installed, it runs from the next daemon start. */
  pendingVersion: string | null = null;

  constructor(readonly machine: Machine) {
    this.ids = new IdSource(0x5eed);
    // The seed's host boots with Docker enabled and running, on the driver its kernel and release pick (overlay on 3.10).
    this.start();
  }

  get version(): string {
    return this.machine.profile.dockerVersion;
  }

  /** dockerd's log line in logrus text format, into the journal of docker.service. */
  log(level: 'info' | 'warning' | 'error' | 'debug' | 'fatal', msg: string): void {
    if (level === 'debug') return;
    const lvl = level === 'warning' ? 'warning' : level;
    const quoted = JSON.stringify(msg);
    this.machine.journal.log(
      'docker.service',
      `dockerd[${this.pid}]`,
      `time="${logrusTime(this.machine.clock.now)}" level=${lvl} msg=${quoted}`,
    );
  }

  private systemd(msg: string): void {
    this.machine.journal.log('docker.service', 'systemd[1]', msg);
  }

  /** The image/container store of a driver, found by the inode of image/<driver> (it follows a moved directory). */
  store(): GraphStore {
    const name = this.driver?.name ?? 'none';
    const dir = `${DOCKER_ROOT}/image/${name}`;
    const vfs = this.machine.host.vfs;
    if (!vfs.exists(dir)) vfs.mkdir(dir, true, 0o700);
    const st = vfs.stat(dir);
    const key = failed(st) ? dir : `${name}#${st.ino}`;
    let s = this.stores.get(key);
    if (!s) {
      s = new GraphStore();
      this.stores.set(key, s);
    }
    return s;
  }

  /** Starts dockerd (systemctl start docker). */
  start(): StartResult {
    if (this.running) return { ok: true };
    if (this.pendingVersion) {
      this.machine.profile.dockerVersion = this.pendingVersion;
      this.pendingVersion = null;
    }
    this.pid = this.nextPid;
    this.nextPid += 17;
    this.since = this.machine.clock.now;
    this.systemd('Starting Docker Application Container Engine...');
    const r = this.boot();
    if (!r.ok) {
      for (const l of r.lines) this.machine.journal.log('docker.service', `dockerd[${this.pid}]`, l);
      this.systemd('docker.service: main process exited, code=exited, status=1/FAILURE');
      this.systemd('Failed to start Docker Application Container Engine.');
      this.systemd('Unit docker.service entered failed state.');
      this.systemd('docker.service failed.');
      this.lastResult = 'exit-code';
      this.driver = null;
      return r;
    }
    this.running = true;
    this.lastResult = 'success';
    this.log('info', 'Daemon has completed initialization');
    this.log('info', `Docker daemon commit=${this.commit} graphdriver=${this.driver!.name} version=${this.version}`);
    this.log('info', 'API listen on /var/run/docker.sock');
    this.systemd('Started Docker Application Container Engine.');
    return { ok: true };
  }

  get commit(): string {
    return atLeast(this.version, '17.06.0') ? '02c1d87' : 'c6d412e';
  }

  private boot(): StartResult {
    const vfs = this.machine.host.vfs;
    let configured: string | undefined;
    let storageOpts: string[] = [];
    if (vfs.exists(DAEMON_JSON)) {
      const text = vfs.readFile(DAEMON_JSON);
      if (failed(text))
        return {
          ok: false,
          lines: [
            `unable to configure the Docker daemon with file ${DAEMON_JSON}: read ${DAEMON_JSON}: is a directory`,
          ],
        };
      const cfg = parseDaemonJson(text, this.version);
      if (!cfg.ok) return { ok: false, lines: cfg.lines };
      storageOpts = cfg.config.storageOpts;
      configured = cfg.config.storageDriver || undefined;
    }
    vfs.mkdir(DOCKER_ROOT, true, 0o711);
    for (const d of ['containers', 'image', 'network', 'plugins', 'swarm', 'tmp', 'trust', 'volumes'])
      vfs.mkdir(`${DOCKER_ROOT}/${d}`, true, 0o700);
    const err = this.newGraphDriver(configured, storageOpts);
    return err === null ? { ok: true } : { ok: false, lines: graphdriverFailure(err, this.version) };
  }

  /** graphdriver.New: the configured driver; else a prior driver's directory; else the first of the priority list that initialises. */
  private newGraphDriver(configured: string | undefined, opts: string[]): string | null {
    if (configured) {
      const r = this.initDriver(configured, opts);
      return r.ok ? null : r.error;
    }
    const prior = this.priorDrivers();
    if (prior.length) {
      const name = prior[0];
      const r = this.initDriver(name, opts);
      if (!r.ok) {
        this.log('error', `[graphdriver] prior storage driver ${name} failed: ${r.error}`);
        return r.error;
      }
      // Several driver directories: dockerd will not guess which images the user wants.
      if (prior.length > 1) {
        this.driver?.cleanup();
        this.driver = null;
        return `${DOCKER_ROOT} contains several valid graphdrivers: ${prior.join(', ')}; Please cleanup or explicitly choose storage driver (-s <DRIVER>)`;
      }
      this.log('info', `[graphdriver] using prior storage driver: ${name}`);
      return null;
    }
    for (const name of driverPriority(this.version)) {
      const r = this.initDriver(name, opts);
      if (r.ok) return null;
      if (!r.notSupported) return r.error;
    }
    return 'No supported storage backend found';
  }

  /** With no driver configured, the drivers whose directories exist, in priority order (from 17.12 only non-empty ones). */
  private priorDrivers(): string[] {
    const vfs = this.machine.host.vfs;
    const nonEmpty = atLeast(this.version, '17.12.0');
    return driverPriority(this.version).filter((d) => {
      const home = `${DOCKER_ROOT}/${d}`;
      return vfs.exists(home) && (!nonEmpty || isInitialized(this.machine, home));
    });
  }

  /** A driver's Init by name; `notSupported` failures let the priority walk try the next one. */
  private initDriver(name: string, opts: string[]): { ok: true } | { ok: false; error: string; notSupported: boolean } {
    if (name === 'overlay2' || name === 'overlay') {
      const home = `${DOCKER_ROOT}/${name}`;
      const host = overlayHost(this.machine, home);
      const r = name === 'overlay2' ? checkOverlay2(opts, host, this.version) : checkOverlay(host, this.version);
      if (!r.ok) {
        if (r.debug) this.log('debug', r.debug);
        return r;
      }
      for (const w of r.warnings) this.log('warning', w);
      this.machine.host.vfs.mkdir(home, true, 0o700);
      this.driver =
        name === 'overlay2'
          ? new Overlay2Driver(this.machine, this.version, host.backingFs, host.dType)
          : new OverlayDriver(this.machine, host.backingFs, host.dType);
      return { ok: true };
    }
    if (name !== 'devicemapper') return { ok: false, error: ERR_NOT_SUPPORTED, notSupported: true };
    const err = this.initDevmapper(opts);
    return err === null ? { ok: true } : { ok: false, error: err, notSupported: false };
  }

  /** devicemapper's Init: options, direct-lvm setup (17.06+), the deviceset with its pool. */
  private initDevmapper(opts: string[]): string | null {
    const parsed = parseDmOptions(opts, this.version);
    if (!parsed.ok) return parsed.error;
    const lvmErr = prepareDirectLvm(this.machine, parsed.options, `${DOCKER_ROOT}/devicemapper`, (l, msg) =>
      this.log(l, msg),
    );
    if (lvmErr) return lvmErr;
    const ds = new DeviceSet(this.machine, parsed.options, this.fsStore, (l, m) => this.log(l, m), DOCKER_ROOT);
    ds.spacedUnits = !atLeast(this.version, '17.06.0');
    const err = ds.init();
    if (err) {
      ds.shutdown();
      return err;
    }
    if (ds.dataLoopFile || ds.metadataLoopFile) {
      this.log(
        'warning',
        'Usage of loopback devices is strongly discouraged for production use. Please use `--storage-opt dm.thinpooldev` or use `man docker` to refer to dm.thinpooldev section.',
      );
    }
    this.driver = new DevmapperDriver(ds, this.version, this.machine.profile.libdmVersion);
    return null;
  }

  /** Stops dockerd: containers get SIGTERM then SIGKILL, devices are unmounted, a loop pool is removed. */
  stop(): void {
    if (!this.running) return;
    this.systemd('Stopping Docker Application Container Engine...');
    this.log('info', "Processing signal 'terminated'");
    const store = this.store();
    for (const c of store.containers.values()) {
      if (c.state !== 'running') continue;
      c.state = 'exited';
      // PID 1 ignores SIGTERM unless it handles it: sleep gets SIGKILL after 10 s.
      c.exitCode = 137;
      c.finishedAt = this.machine.clock.now;
      this.driver?.put(c.mountId);
    }
    this.driver?.cleanup();
    this.driver = null;
    this.running = false;
    this.systemd('Stopped Docker Application Container Engine.');
  }

  /** The devicemapper deviceset, when that driver runs. */
  get deviceSet(): DeviceSet | undefined {
    return this.driver instanceof DevmapperDriver ? this.driver.devices : undefined;
  }
}
