// The resize-arithmetic quiz: questions drawn from a seed, answers computed with the engine's own unit and LVM arithmetic.
import { GiB, KiB, SECTOR, humanSize } from '../units';
import { peCountOf, percentOfExtents } from '../lvm/extents';
import { pick, seededRandom } from './random';
import { tx, type Text } from './types';

/** The kinds of question: sizes ↔ sectors ↔ blocks ↔ extents, lvextend results, docker info figures. */
export type QuizKind = 'sectors' | 'blocks' | 'blockSectors' | 'extents' | 'lvcreatePercent' | 'lvextend' | 'dockerInfo';

/** A question with its parameters and the expected answer (as the tools would print it). */
export interface QuizQuestion {
  kind: QuizKind;
  params: Record<string, number>;
  prompt: Text;
  answer: string;
}

const kinds: QuizKind[] = ['sectors', 'blocks', 'blockSectors', 'extents', 'lvcreatePercent', 'lvextend', 'dockerInfo'];
const diskSizes = [20, 50, 100, 150, 200, 250, 300, 500];
const chunkKiB = [64, 128, 256, 512, 1024];

/** Extents of the pool's data LV after the seed's direct-lvm procedure on a disk of `a` GiB, vgextend with `b` GiB, lvextend -l+100%FREE. */
export function lvextendExtents(aGiB: number, bGiB: number): number {
  const first = peCountOf(aGiB * GiB);
  const data = percentOfExtents(95, first, false);
  const meta = percentOfExtents(1, first, false);
  // lvconvert adds a spare metadata LV (pmspare) the size of the metadata LV.
  const free = first + peCountOf(bGiB * GiB) - data - 2 * meta;
  return data + free;
}

/** The expected answer of a question of `kind` with `p`. */
export function answerOf(kind: QuizKind, p: Record<string, number>): string {
  switch (kind) {
    case 'sectors':
      return String((p.size * GiB) / SECTOR);
    case 'blocks':
      return String((p.size * GiB) / (p.chunk * KiB));
    case 'blockSectors':
      return String((p.chunk * KiB) / SECTOR);
    case 'extents':
      return String(peCountOf(p.size * GiB));
    case 'lvcreatePercent':
      return String(percentOfExtents(p.percent, peCountOf(p.size * GiB), false));
    case 'lvextend':
      return String(lvextendExtents(p.size, p.added));
    case 'dockerInfo':
      return humanSize(p.size * GiB, true);
  }
}

function promptOf(kind: QuizKind, p: Record<string, number>): Text {
  switch (kind) {
    case 'sectors':
      return tx(
        `The loop data file was grown with truncate -s ${p.size}G and the loop device re-read. What length (the second field) goes into the thin-pool table for dmsetup reload?`,
        `数据文件已用 truncate -s ${p.size}G 扩大，回环设备也已重新读取。dmsetup reload 的 thin-pool 映射表中应填入什么长度（第二个字段）？`,
      );
    case 'blocks':
      return tx(
        `A thin pool has ${p.size} GiB of data space and ${p.chunk} KiB blocks. How many data blocks does dmsetup status give as the total?`,
        `一个精简池有 ${p.size} GiB 数据空间，块大小为 ${p.chunk} KiB。dmsetup status 显示的数据块总数是多少？`,
      );
    case 'blockSectors':
      return tx(
        `A pool is created with ${p.chunk} KiB blocks. What is the data block size field of its thin-pool table line?`,
        `精简池的块大小为 ${p.chunk} KiB。它的 thin-pool 映射表中的数据块大小字段是多少？`,
      );
    case 'extents':
      return tx(
        `pvcreate and vgcreate on a whole ${p.size} GiB disk, with the defaults (1 MiB before the first extent, 4 MiB extents). How many extents does the VG have?`,
        `在整块 ${p.size} GiB 磁盘上执行 pvcreate 和 vgcreate，使用默认值（第一个区块前保留 1 MiB，区块大小 4 MiB）。卷组有多少个区块？`,
      );
    case 'lvcreatePercent':
      return tx(
        `lvcreate -l ${p.percent}%VG in a VG made of one ${p.size} GiB disk. How many extents does the new LV get?`,
        `卷组由一块 ${p.size} GiB 磁盘组成，执行 lvcreate -l ${p.percent}%VG。新逻辑卷有多少个区块？`,
      );
    case 'lvextend':
      return tx(
        `The seed's direct-lvm pool (95%VG data, 1%VG metadata, lvconvert) on a ${p.size} GiB disk; then vgextend with a ${p.added} GiB disk and lvextend -l+100%FREE docker/thinpool. How many extents does thinpool_tdata have now?`,
        `在 ${p.size} GiB 磁盘上按原文建立 direct-lvm 精简池（数据 95%VG，元数据 1%VG，lvconvert）；然后用一块 ${p.added} GiB 磁盘 vgextend，再执行 lvextend -l+100%FREE docker/thinpool。thinpool_tdata 现在有多少个区块？`,
      );
    case 'dockerInfo':
      return tx(
        `A loop pool has ${p.size} GiB of data space. What does docker info (17.03) print as Data Space Total?`,
        `一个回环精简池有 ${p.size} GiB 数据空间。docker info（17.03）中 Data Space Total 显示什么？`,
      );
  }
}

function paramsOf(kind: QuizKind, rnd: () => number): Record<string, number> {
  const size = pick(rnd, diskSizes);
  switch (kind) {
    case 'blocks':
      return { size, chunk: pick(rnd, chunkKiB) };
    case 'blockSectors':
      return { chunk: pick(rnd, chunkKiB) };
    case 'lvcreatePercent':
      return { size, percent: pick(rnd, [1, 5, 40, 60, 80, 95]) };
    case 'lvextend':
      return { size, added: pick(rnd, diskSizes) };
    default:
      return { size };
  }
}

/** `count` questions drawn from `seed`, no kind twice in a row. */
export function makeQuiz(seed: number, count = 5): QuizQuestion[] {
  const rnd = seededRandom(seed);
  const out: QuizQuestion[] = [];
  let last: QuizKind | null = null;
  while (out.length < count) {
    const kind = pick(rnd, kinds);
    if (kind === last) continue;
    last = kind;
    const params = paramsOf(kind, rnd);
    out.push({ kind, params, prompt: promptOf(kind, params), answer: answerOf(kind, params) });
  }
  return out;
}

// Numbers may be typed with separators (209,715,200 or 209 715 200); sizes with any case and spacing.
function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[\s,_']/g, '');
}

/** Whether a typed answer is the expected one. */
export function checkAnswer(q: QuizQuestion, given: string): boolean {
  return normalise(given) !== '' && normalise(given) === normalise(q.answer);
}
