// Files crossing between the app and the simulated host: a thin_dump XML streamed in chunk by chunk (validated as
// it arrives, so the page can show progress), and a pool's metadata streamed out as thin_dump XML.
import type { Sandbox } from '../../sandbox';
import { resolvePath } from '../../host/paths';
import { ThinDumpXmlParser } from '../parseThinDumpXml';
import { thinDumpXml } from '../thinDumpXml';
import { primeParseCache } from './parseCache';

/** A refusal: thin_restore's message and exit status for bad XML, or why the file cannot be placed. */
export type TransferError = { ok: false; error: string; exitStatus: number };

/** An answer of the API: the result, a refusal, or (through the worker's guard) the engine's own failure. */
export type TransferAnswer<T> = ({ ok: true } & T) | TransferError | { ok: false; internal: string };

/** Largest file the app may stream in (UTF-16 code units): far above a 1,000,000-mapping dump, far below a tab's memory. */
export const maxUploadChars = 256 << 20;

/** What the worker API adds for files: put (begin, chunks, end) and export. */
export interface FileTransferApi {
  /** Starts streaming a file to `path` (absolute); a previous unfinished upload is dropped. */
  putBegin(path: string): TransferAnswer<object>;
  /** One chunk of text; fails as soon as the XML is known bad (the file is then never placed). */
  putChunk(chunk: string): TransferAnswer<{ read: number }>;
  /** Places the whole file in the host; it is placed again after every reset, so replays find it. */
  putEnd(): TransferAnswer<{ path: string; bytes: number }>;
  /** The pool `name` (default: the last pool created) as thin_dump XML, as the real thin_dump prints it. */
  exportPool(name?: string): TransferAnswer<{ name: string; xml: string }>;
}

/** File transfer over whichever sandbox `current()` returns; `replace` re-places kept files into a new one. */
export function createFileTransfer(
  current: () => Sandbox,
  maxChars = maxUploadChars,
): FileTransferApi & { replace(sandbox: Sandbox): void } {
  const kept = new Map<string, string>();
  let upload: { path: string; parser: ThinDumpXmlParser; chunks: string[]; chars: number } | undefined;
  const refuse = (error: string, exitStatus = 1): TransferError => ({ ok: false, error, exitStatus });

  return {
    putBegin(path) {
      const abs = resolvePath('/', path);
      if (!path.startsWith('/') || abs === '/') {
        upload = undefined;
        return refuse(`${path}: not an absolute file path\n`);
      }
      upload = { path: abs, parser: new ThinDumpXmlParser(), chunks: [], chars: 0 };
      return { ok: true };
    },
    putChunk(chunk) {
      const u = upload;
      if (!u) return refuse('no upload in progress\n');
      u.chars += chunk.length;
      if (u.chars > maxChars) {
        upload = undefined;
        return refuse(`${u.path}: file too large (over ${maxChars} bytes)\n`);
      }
      u.chunks.push(chunk);
      if (!u.parser.push(chunk)) {
        upload = undefined;
        const r = u.parser.end();
        return r.ok ? refuse('bad XML\n') : refuse(r.error, r.exitStatus);
      }
      return { ok: true, read: u.chars };
    },
    putEnd() {
      const u = upload;
      upload = undefined;
      if (!u) return refuse('no upload in progress\n');
      const result = u.parser.end();
      if (!result.ok) return refuse(result.error, result.exitStatus);
      const text = u.chunks.join('');
      u.chunks.length = 0;
      const err = current().putFile(u.path, text);
      if (err) return refuse(`${u.path}: ${err}\n`);
      // sim import-pool and thin_restore will read this very string: let them skip the parse.
      primeParseCache(text, result);
      kept.set(u.path, text);
      return { ok: true, path: u.path, bytes: text.length };
    },
    exportPool(name) {
      const pools = current().machine.dm.pools();
      const found = name === undefined ? newestPool(current(), pools) : pools.find(([n]) => n === name);
      if (!found) return refuse(name === undefined ? 'no thin pool to export\n' : `${name}: no such thin pool\n`);
      return { ok: true, name: found[0], xml: thinDumpXml(found[1].toMetadata()) };
    },
    replace(sandbox) {
      for (const [path, text] of kept) sandbox.putFile(path, text);
    },
  };
}

// The pool with the highest dm minor: the one the user made last.
function newestPool<T>(sandbox: Sandbox, pools: [string, T][]): [string, T] | undefined {
  let best: [string, T] | undefined;
  let minor = -1;
  for (const p of pools) {
    const m = sandbox.machine.dm.get(p[0])?.minor ?? -1;
    if (m > minor) {
      minor = m;
      best = p;
    }
  }
  return best;
}
