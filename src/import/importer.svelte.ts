// The import and export of pools from the page: streams a file to the worker with progress, then imports it with
// `sim import-pool` through the session (so it is a step of the timeline); exports a pool as thin_dump XML.
import type { EngineClient } from '../lib/engineClient';
import type { Session } from '../lib/session.svelte';
import { downloadText } from './download';
import { keepFile, keptFiles } from './keptFiles';
import { readTextChunks } from './readChunks';
import { importCommand, poolNameFor, xmlPathFor } from './poolName';

/** Where an import stands. */
export type ImportPhase = 'idle' | 'reading' | 'importing' | 'done' | 'error';

type Refusal = { ok: false; error: string; exitStatus: number } | { ok: false; internal: string };

// The worker's answer when it refused: thin_restore's text, or the engine's own failure.
function reasonOf(r: Refusal): string {
  return 'error' in r ? r.error : r.internal;
}

/** One import at a time, with the progress the bar shows. */
export class Importer {
  phase = $state<ImportPhase>('idle');
  fileName = $state('');
  pool = $state('');
  /** Bytes of the file read and handed to the worker. */
  read = $state(0);
  total = $state(0);
  /** The refusal (thin_restore's message for bad XML) when the import failed. */
  error = $state('');

  constructor(
    private engine: EngineClient,
    private session: Session,
  ) {}

  /** Whether an import is under way. */
  get busy(): boolean {
    return this.phase === 'reading' || this.phase === 'importing';
  }

  /** Reads `file`, places it at /root/<pool>.xml and makes a pool of it; bad XML is refused before any change. */
  async importFile(file: File): Promise<void> {
    if (this.busy) return;
    const pool = poolNameFor(file.name, this.session.view?.pools.map((p) => p.name) ?? []);
    this.fileName = file.name;
    this.pool = pool;
    this.read = 0;
    this.total = file.size;
    this.error = '';
    this.phase = 'reading';
    try {
      const refusal = await this.put(xmlPathFor(pool), file, (read) => (this.read = read));
      if (refusal) return this.fail(refusal);
      void keepFile(xmlPathFor(pool), file.name, file);
      this.phase = 'importing';
      await this.session.submit(importCommand(pool));
      if (this.session.view?.pools.some((p) => p.name === pool)) this.phase = 'done';
      else this.fail('see the terminal');
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  /** Places the files kept from earlier imports back into the engine (before a reload replays the session). */
  async restoreKept(): Promise<void> {
    for (const f of await keptFiles()) {
      try {
        const refusal = await this.put(f.path, f.blob, () => {});
        if (refusal) this.session.notice(`${f.name}: ${refusal.trimEnd()}`, true);
      } catch {
        /* the engine restarted: the replay will report the missing file */
      }
    }
  }

  // Streams `blob` to `path` in the engine; the refusal text, or null when placed.
  private async put(path: string, blob: Blob, progress: (read: number) => void): Promise<string | null> {
    const begin = await this.engine.call((api) => api.putBegin(path));
    if (!begin.ok) return reasonOf(begin);
    let refusal: Refusal | undefined;
    const complete = await readTextChunks(blob, async (text, bytesRead) => {
      const r = await this.engine.call((api) => api.putChunk(text));
      if (!r.ok) {
        refusal = r;
        return false;
      }
      progress(bytesRead);
      return true;
    });
    if (!complete) return refusal ? reasonOf(refusal) : 'read stopped';
    const end = await this.engine.call((api) => api.putEnd());
    return end.ok ? null : reasonOf(end);
  }

  /** Downloads pool `name` (default: the newest) as `<name>.xml`; a refusal is shown like an import's. */
  async exportPool(name?: string): Promise<void> {
    try {
      const r = await this.engine.call((api) => api.exportPool(name));
      if (!r.ok) {
        this.session.notice(reasonOf(r).trimEnd(), true);
        return;
      }
      downloadText(`${r.name}.xml`, r.xml);
    } catch (e) {
      this.session.notice(e instanceof Error ? e.message : String(e), true);
    }
  }

  /** Hides a finished import's message. */
  dismiss(): void {
    if (!this.busy) this.phase = 'idle';
  }

  private fail(reason: string): void {
    this.error = reason;
    this.phase = 'error';
    // Where a user looks for a tool's complaint: the terminal, with the tool's own text.
    this.session.notice(reason.trimEnd(), true);
  }
}
