// Replays the scenario library through the engine's front door and reads figures out of the transcript.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox, type TranscriptEntry } from '../../workers/engine/sandbox';
import type { HostProfile } from '../../workers/engine/profile';

/** Where the scenario scripts live. */
export const SCENARIO_DIR = join(__dirname, '..', '..', 'scenarios');

/** The text of scenarios/<name>.sh. */
export function scenarioText(name: string): string {
  return readFileSync(join(SCENARIO_DIR, `${name}.sh`), 'utf8');
}

/** A replayed script: the sandbox (to run more commands in) and its transcript. */
export interface Replay {
  sandbox: Sandbox;
  entries: TranscriptEntry[];
  /** Outputs of every entry whose command is exactly `command`, in order. */
  outputs(command: string): string[];
  /** Output of the only (or the `nth`) entry whose command is exactly `command`. */
  output(command: string, nth?: number): string;
  /** Runs more commands in the same sandbox; returns the last command's output. */
  then(script: string): string;
}

/** Runs a script in a fresh sandbox (optionally on another host profile); throws only on a parse error. */
export function replay(script: string, profile: Partial<HostProfile> = {}): Replay {
  const sandbox = new Sandbox(profile);
  const r = sandbox.run(script);
  if (!r.ok) throw new Error(`parse error ${r.error.line}:${r.error.col}: ${r.error.message}`);
  const entries = r.entries;
  const outputs = (command: string) => entries.filter((e) => e.command === command).map((e) => e.output);
  return {
    sandbox,
    entries,
    outputs,
    output(command, nth = 0) {
      const all = outputs(command);
      if (all.length <= nth) throw new Error(`no entry #${nth} for: ${command}`);
      return all[nth];
    },
    then(more) {
      const m = sandbox.run(more);
      if (!m.ok) throw new Error(`parse error ${m.error.line}:${m.error.col}: ${m.error.message}`);
      return m.entries[m.entries.length - 1]?.output ?? '';
    },
  };
}

/** Replays scenarios/<name>.sh. */
export function replayScenario(name: string, profile: Partial<HostProfile> = {}): Replay {
  return replay(scenarioText(name), profile);
}

/** The same script with another daemon.json body (the text between `<<'JSON'` and `JSON`). */
export function withDaemonJson(script: string, json: string): string {
  const re = /(<<'JSON'\n)[\s\S]*?(\nJSON\n)/;
  if (!re.test(script)) throw new Error('script has no daemon.json heredoc');
  return script.replace(re, (_m, a: string, b: string) => `${a}${json}${b}`);
}

/** A devicemapper daemon.json with these storage options. */
export function dmDaemonJson(opts: string[]): string {
  return JSON.stringify({ 'storage-driver': 'devicemapper', 'storage-opts': opts }, null, 2);
}

/** The value of ` Field: value` in docker info output ('' when the field is printed empty). */
export function infoField(info: string, field: string): string {
  const line = info.split('\n').find((l) => l.trimStart().startsWith(`${field}:`));
  if (line === undefined) throw new Error(`no field ${field} in docker info`);
  return line.slice(line.indexOf(':') + 1).trim();
}

/** The storage driver fields of docker info, in order, as [name, value]. */
export function driverFields(info: string): [string, string][] {
  const lines = info.split('\n');
  const start = lines.findIndex((l) => /^\s*Storage Driver:/.test(l));
  const out: [string, string][] = [];
  for (const l of lines.slice(start + 1)) {
    if (!/^ \S/.test(l)) break;
    const i = l.indexOf(':');
    out.push([l.slice(1, i), l.slice(i + 1).trim()]);
  }
  return out;
}

/** Figures of a thin-pool line of `dmsetup status`. */
export interface PoolStatus {
  transaction: number;
  usedMeta: number;
  totalMeta: number;
  usedData: number;
  totalData: number;
}

/** Parses the first thin-pool line of `dmsetup status` output. */
export function poolStatus(text: string): PoolStatus {
  const m = / thin-pool (\d+) (\d+)\/(\d+) (\d+)\/(\d+) /.exec(text);
  if (!m) throw new Error(`no thin-pool status in: ${text}`);
  const [transaction, usedMeta, totalMeta, usedData, totalData] = m.slice(1).map(Number);
  return { transaction, usedMeta, totalMeta, usedData, totalData };
}

/** go-units HumanSize (4 significant digits, decimal units), with the space of Docker ≤ 17.05 or without it. */
export function goHumanSize(bytes: number, spaced = true): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const n = String(Number(v.toPrecision(4)));
  return `${n}${spaced ? ' ' : ''}${units[i]}`;
}

/** Metadata blocks of a pool with one small thin device: 8 + data bitmaps + metadata bitmaps (16320 entries each). */
export function freshMetadataBlocks(dataBlocks: number, metadataBlocks: number): number {
  return 8 + Math.ceil(dataBlocks / 16320) + Math.ceil(metadataBlocks / 16320);
}

/** The loop-lvm data and metadata files Docker creates (DS loopbackDir = <root>/devicemapper/devicemapper). */
export const LOOP_DIR = '/var/lib/docker/devicemapper/devicemapper';
