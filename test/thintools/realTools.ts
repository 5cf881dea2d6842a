// Runs the real thin-provisioning-tools on files in a temp dir, for differential tests and the benchmark.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether thin_restore is on PATH (Debian puts it in /usr/sbin). */
export function realToolsPresent(): boolean {
  return spawnSync('sh', ['-c', 'command -v thin_restore'], { env: toolEnv() }).status === 0;
}

function toolEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };
}

/** One tool run's outputs. */
export interface RealRun {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs a thin_* tool with arguments. */
export function runTool(tool: string, args: string[]): RealRun {
  const r = spawnSync(tool, args, { env: toolEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

/** A scratch directory holding an XML file and a metadata file restored from it. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'thintools-'));

  /** Writes XML, makes a sparse metadata file of `metaBytes`, runs thin_restore; returns the metadata path. */
  restore(xml: string, metaBytes = 64 << 20, name = 'x'): { meta: string; xmlPath: string; run: RealRun } {
    const xmlPath = join(this.dir, `${name}.xml`);
    const meta = join(this.dir, `${name}.meta`);
    writeFileSync(xmlPath, xml);
    writeFileSync(meta, '');
    truncateSync(meta, metaBytes);
    return { meta, xmlPath, run: runTool('thin_restore', ['-i', xmlPath, '-o', meta]) };
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Fails loudly in CI when the tools are missing; elsewhere lets the caller skip. */
export function requireToolsInCi(): boolean {
  const present = realToolsPresent();
  if (!present && process.env.CI) throw new Error('thin-provisioning-tools are required in CI (apt-get install thin-provisioning-tools)');
  return present;
}

export { execFileSync };
