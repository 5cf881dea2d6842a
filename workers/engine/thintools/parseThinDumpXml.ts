// Import of thin_dump XML into PoolMetadata, streaming, with thin_restore 0.9.0's validation and messages.
import type { PoolMetadata } from '../dm/poolMetadata';
import { RestoreEmitter, defaultParseLimits, type ParseLimits } from './restoreEmitter';
import { ThinXmlError, XmlTokenizer } from './xmlTokenizer';

export { defaultParseLimits, type ParseLimits } from './restoreEmitter';

/** Options of an import: memory caps and a progress callback (bytes — UTF-16 code units — consumed so far). */
export interface ParseOptions {
  limits?: Partial<ParseLimits>;
  onProgress?(bytesRead: number): void;
}

/** An import's outcome: the metadata, or thin_restore's stderr text and exit status. */
export type ParseResult =
  | { ok: true; md: PoolMetadata }
  | { ok: false; error: string; exitStatus: number; line?: number };

/** Incremental importer for chunked input (File.stream(), fs streams): push chunks, then end(). */
export class ThinDumpXmlParser {
  private readonly emitter: RestoreEmitter;
  private readonly tokenizer: XmlTokenizer;
  private failure?: ParseResult;
  private bytes = 0;

  constructor(private readonly opts: ParseOptions = {}) {
    this.emitter = new RestoreEmitter({ ...defaultParseLimits, ...opts.limits });
    this.tokenizer = new XmlTokenizer(this.emitter);
  }

  /** Feeds one chunk; returns false once the input is known bad (later chunks are ignored). */
  push(chunk: string): boolean {
    if (this.failure) return false;
    this.guard(() => this.tokenizer.push(chunk));
    this.bytes += chunk.length;
    this.opts.onProgress?.(this.bytes);
    return !this.failure;
  }

  /** Ends the input and returns the result. */
  end(): ParseResult {
    if (this.failure) return this.failure;
    let md: PoolMetadata | undefined;
    this.guard(() => {
      this.tokenizer.end();
      md = this.emitter.result();
    });
    return this.failure ?? { ok: true, md: md! };
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (e) {
      if (e instanceof ThinXmlError) {
        this.failure = { ok: false, error: e.message, exitStatus: e.exitStatus, line: e.line };
      } else if (e instanceof RangeError) {
        // Allocation failure or similar: report it instead of throwing into the caller.
        this.failure = { ok: false, error: `out of memory importing metadata: ${e.message}\n`, exitStatus: 1 };
      } else throw e;
    }
  }
}

/** Parses a whole thin_dump XML document given as one string or as chunks. */
export function parseThinDumpXml(input: string | Iterable<string>, opts: ParseOptions = {}): ParseResult {
  const p = new ThinDumpXmlParser(opts);
  if (typeof input === 'string') {
    // Feed big strings in slices so progress is reported and the tokenizer's buffer stays small.
    const step = 1 << 20;
    for (let at = 0; at < input.length || at === 0; at += step) if (!p.push(input.slice(at, at + step))) break;
  } else {
    for (const chunk of input) if (!p.push(chunk)) break;
  }
  return p.end();
}
