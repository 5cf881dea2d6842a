// The same story run on a loop-lvm and on a direct-lvm Docker, sampled after every command: what each frees, and when.
import { Sandbox } from '../sandbox';
import type { StampedEvent } from '../events';
import { failed } from '../host/errno';
export { defaultStory } from './stories';

/** A storage setup the story is replayed on. */
export type FreeSetup = 'loop-lvm' | 'direct-lvm';

/** The pool and its backing after one command of the story. */
export interface FreeSample {
  command: string;
  status: number;
  usedBlocks: number;
  totalBlocks: number;
  blockBytes: number;
  /** Allocated bytes of the loop data file (loop-lvm only). */
  fileAllocated?: number;
  /** What the command did to the pool and its file, from the events it raised. */
  provisioned: number;
  freed: number;
  passedDown: number;
  holeBytes: number;
  /** Bytes of the loop data file newly allocated by the command. */
  fileGrownBytes: number;
}

/** One setup's run of the story; `error` when the setup itself failed (the samples are then empty). */
export interface FreeSeries {
  setup: FreeSetup;
  samples: FreeSample[];
  error?: string;
}

const daemonJson = (opts: string[]) =>
  `cat > /etc/docker/daemon.json <<'JSON'\n{\n  "storage-driver": "devicemapper"${
    opts.length ? `,\n  "storage-opts": [\n    ${opts.map((o) => JSON.stringify(o)).join(',\n    ')}\n  ]` : ''
  }\n}\nJSON`;

/** The setup scripts: Docker's own loop files, or the seed's LVM thin pool on xvdf with autoextend. */
export const setupScripts: Record<FreeSetup, string> = {
  'loop-lvm': ['systemctl stop docker', daemonJson([]), 'systemctl start docker'].join('\n'),
  'direct-lvm': [
    'systemctl stop docker',
    'pvcreate /dev/xvdf',
    'vgcreate docker /dev/xvdf',
    'lvcreate --wipesignatures y -n thinpool docker -l 95%VG',
    'lvcreate --wipesignatures y -n thinpoolmeta docker -l 1%VG',
    'lvconvert -y --zero n -c 512K --thinpool docker/thinpool --poolmetadata docker/thinpoolmeta',
    "printf 'activation {\\n  thin_pool_autoextend_threshold=80\\n  thin_pool_autoextend_percent=20\\n}\\n' > /etc/lvm/profile/docker-thinpool.profile",
    'lvchange --metadataprofile docker-thinpool docker/thinpool',
    'lvchange --monitor y docker/thinpool',
    daemonJson(['dm.thinpooldev=/dev/mapper/docker-thinpool', 'dm.use_deferred_removal=true', 'dm.use_deferred_deletion=true']),
    'systemctl start docker',
  ].join('\n'),
};

/** Runs `story` (one command per entry) after each setup and samples the pool after every command. */
export function freeBehaviour(story: readonly string[]): FreeSeries[] {
  return (['loop-lvm', 'direct-lvm'] as const).map((setup) => runOn(setup, story));
}

function runOn(setup: FreeSetup, story: readonly string[]): FreeSeries {
  const sb = new Sandbox();
  const prep = sb.run(setupScripts[setup]);
  const started = prep.ok && sb.machine.docker.running && sb.machine.docker.deviceSet?.pool();
  if (!started) return { setup, samples: [], error: `${setup}: Docker did not start on devicemapper` };
  const samples: FreeSample[] = [sample(sb, '', 0, [])];
  for (const command of story) {
    const seen: StampedEvent[] = [];
    const off = sb.machine.events.on((e) => seen.push(e));
    const r = sb.run(command);
    off();
    const status = r.ok ? (r.entries[r.entries.length - 1]?.status ?? 0) : 2;
    samples.push(sample(sb, command, status, seen));
  }
  return { setup, samples };
}

function sample(sb: Sandbox, command: string, status: number, seen: StampedEvent[]): FreeSample {
  const ds = sb.machine.docker.deviceSet;
  const pool = ds?.pool();
  const st = pool?.stats();
  const s: FreeSample = {
    command,
    status,
    usedBlocks: st?.usedData ?? 0,
    totalBlocks: st?.totalData ?? 0,
    blockBytes: pool?.blockBytes ?? 0,
    provisioned: 0,
    freed: 0,
    passedDown: 0,
    holeBytes: 0,
    fileGrownBytes: 0,
  };
  if (ds?.dataLoopFile) {
    const f = sb.machine.host.vfs.stat(ds.dataLoopFile);
    if (!failed(f)) s.fileAllocated = f.allocated;
  }
  for (const e of seen) {
    if (e.type === 'block-provisioned' || e.type === 'sharing-broken') s.provisioned++;
    else if (e.type === 'block-freed') s.freed++;
    else if (e.type === 'discard-passdown') s.passedDown += e.count;
    else if (e.type === 'hole-punched' && e.path === ds?.dataLoopFile) s.holeBytes += e.length;
    else if (e.type === 'file-allocated' && e.path === ds?.dataLoopFile) s.fileGrownBytes += e.length;
  }
  return s;
}
